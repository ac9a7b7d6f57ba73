package exercise

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"unicode/utf8"

	"sayso/internal/annotation"
	"sayso/internal/format/jsonsyntax"
	"sayso/internal/format/wire"
	"sayso/internal/text"
)

// Decode reads an exercise file. It checks everything Encode guarantees —
// every field present with the right type and no other, each text matching
// its SHA-256 and length, document ids unique, at least one document and
// one label — and returns an error whose message names the first problem in
// words meant for the person who opened the file.
func Decode(b []byte) (Exercise, error) {
	if len(b) > MaxFileSize {
		return Exercise{}, fmt.Errorf("this file is too large (%s); Sayso opens exercises of up to %s",
			jsonsyntax.Megabytes(len(b)), jsonsyntax.Megabytes(MaxFileSize))
	}
	b = bytes.TrimPrefix(b, []byte("\uFEFF"))
	if len(bytes.TrimSpace(b)) == 0 {
		return Exercise{}, errors.New("this file is empty")
	}
	if err := checkSyntax(b); err != nil {
		return Exercise{}, err
	}
	if !utf8.Valid(b) {
		return Exercise{}, errors.New("this file is not text in UTF-8, so it is not a Sayso exercise")
	}
	if err := checkHeader(b); err != nil {
		return Exercise{}, err
	}
	if err := checkShape(b); err != nil {
		return Exercise{}, err
	}
	var f wireFile
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		// checkShape has seen every field and type: this is a bug.
		return Exercise{}, fmt.Errorf("this exercise cannot be read: %w", err)
	}
	e := Exercise{
		ID:           f.ID,
		Title:        f.Title,
		Instructions: f.Instructions,
		Documents:    documents(f.Documents),
		NoSuggest:    f.Suggest != nil && !*f.Suggest,
	}
	if h := f.HandIn; h != nil {
		e.HandIn = &HandIn{Origin: h.Origin, Box: h.Box, Code: h.Code}
	}
	for _, l := range f.Schema.Labels {
		e.Schema.Labels = append(e.Schema.Labels, annotation.Label(l))
	}
	if len(f.Schema.StanceValues) > 0 {
		e.Schema.Stances = f.Schema.StanceValues
	}
	for i, d := range f.Documents {
		name := docName(e.Documents[i])
		if text.Hash(d.Text) != d.SHA256 {
			return Exercise{}, fmt.Errorf("document %s: the text does not match its SHA-256; the file was edited", name)
		}
		if n := utf8.RuneCountInString(d.Text); n != d.Length {
			return Exercise{}, fmt.Errorf(`document %s: "length" is %d, but the text has %d characters (code points)`, name, d.Length, n)
		}
	}
	if err := check(e); err != nil {
		return Exercise{}, err
	}
	return e, nil
}

// checkSyntax reports input that is not one JSON value.
func checkSyntax(b []byte) error {
	if json.Valid(b) {
		return nil
	}
	return jsonsyntax.Explain(b)
}

// checkHeader checks "format" and "version" before anything else, so that
// a file of another kind or a newer version is named as such.
func checkHeader(b []byte) error {
	if b = bytes.TrimSpace(b); b[0] != '{' {
		return notExercise("")
	}
	// Only the two fields are copied, whatever the size of the texts.
	var top struct {
		Format  json.RawMessage `json:"format"`
		Version json.RawMessage `json:"version"`
	}
	if json.Unmarshal(b, &top) != nil || top.Format == nil {
		return notExercise("")
	}
	raw := top.Format
	var format string
	if raw[0] != '"' || json.Unmarshal(raw, &format) != nil {
		return notExercise(fmt.Sprintf("its \"format\" is %s, not %q", jsonKind(raw), FormatName))
	}
	switch format {
	case FormatName:
	case "sayso":
		return errors.New("this is a Sayso project, not an exercise: open it with Open")
	default:
		return notExercise(fmt.Sprintf("its \"format\" is %q, not %q", clip(format), FormatName))
	}
	raw = top.Version
	if raw == nil {
		return errors.New(`this exercise has no "version" field, so it cannot be read`)
	}
	lit := string(raw)
	v, err := strconv.Atoi(lit)
	switch {
	case len(lit) == 0 || lit[0] != '-' && (lit[0] < '0' || lit[0] > '9'):
		return nil // not a number: checkShape says where
	case errors.Is(err, strconv.ErrRange) && lit[0] != '-':
		return fmt.Errorf("this exercise was made by a newer Sayso (exercise format version %s); this version reads version %d", clip(lit), Version)
	case err != nil:
		return nil // a fraction: checkShape says where
	case v > Version:
		return fmt.Errorf("this exercise was made by a newer Sayso (exercise format version %d); this version reads version %d", v, Version)
	case v < Version:
		return fmt.Errorf("this exercise says it has format version %d, which does not exist; this version reads version %d", v, Version)
	}
	return nil
}

func notExercise(detail string) error {
	if detail == "" {
		detail = fmt.Sprintf("it has no \"format\": %q field", FormatName)
	}
	return fmt.Errorf("this is not a Sayso exercise: %s", detail)
}

// jsonKind names the kind of a JSON value for a message.
func jsonKind(raw []byte) string {
	switch raw = bytes.TrimSpace(raw); {
	case len(raw) == 0:
		return "nothing"
	case raw[0] == '"':
		return "a string"
	case raw[0] == '{':
		return "an object"
	case raw[0] == '[':
		return "a list"
	case raw[0] == 't' || raw[0] == 'f':
		return "true or false"
	case raw[0] == 'n':
		return "null"
	}
	return "a number"
}

// documents turns the wire documents into the model's.
func documents(ws []wire.Document) []annotation.Document {
	var out []annotation.Document
	for _, w := range ws {
		out = append(out, annotation.Document{ID: w.ID, Title: w.Title, Topic: w.Topic, Text: w.Text})
	}
	return out
}
