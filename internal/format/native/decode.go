package native

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"

	"sayso/internal/annotation"
	"sayso/internal/format/jsonsyntax"
)

// Decode reads a project in the native format. It checks the file's
// structure (see the package documentation) and returns an error whose
// message names the first problem in words meant for the person who opened
// the file. It does not check that quotes match the text or that links
// point somewhere: see [Open].
func Decode(b []byte) (annotation.Project, error) {
	if len(b) > MaxFileSize {
		return annotation.Project{}, fmt.Errorf("this file is too large (%s); Sayso opens files of up to %s",
			jsonsyntax.Megabytes(len(b)), jsonsyntax.Megabytes(MaxFileSize))
	}
	b = bytes.TrimPrefix(b, []byte("\uFEFF"))
	if len(bytes.TrimSpace(b)) == 0 {
		return annotation.Project{}, errors.New("this file is empty")
	}
	if err := checkSyntax(b); err != nil {
		return annotation.Project{}, err
	}
	if err := checkHeader(b); err != nil {
		return annotation.Project{}, err
	}
	p, err := readProject(newReader(b), annotationsHint(b))
	if err != nil {
		return annotation.Project{}, err
	}
	return p, nil
}

// annotationsHint guesses how many annotations b holds, so that their
// list is made once instead of doubling (for 10,000 annotations the
// copies were a sixth of decoding). Every annotation has one "fragments"
// member; the name may stand elsewhere too, so the guess is bounded by
// what the file's size allows: an annotation as Sayso writes it takes
// 250 bytes or more, and a list longer than the guess still grows.
func annotationsHint(b []byte) int {
	return min(bytes.Count(b, []byte(`"fragments"`)), len(b)/250)
}

// checkSyntax reports input that is not one JSON value.
func checkSyntax(b []byte) error {
	if validJSON(b) {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	if dec.Decode(new(json.RawMessage)) == nil {
		// A whole JSON value followed by more.
		end := int(dec.InputOffset())
		rest := bytes.TrimLeft(b[end:], " \t\r\n")
		if len(rest) > 0 && (rest[0] == '{' || rest[0] == '[') {
			// JSON Lines, or a file appended to another.
			if isSayso(b[:end]) {
				line, col := jsonsyntax.LineColumn(b, len(b)-len(rest))
				return fmt.Errorf("this file has something after the end of its JSON (line %d, column %d)", line, col)
			}
			return notSayso(b[:end], "it holds several JSON values, one after the other (JSON Lines), not one Sayso project")
		}
	}
	return jsonsyntax.Explain(b)
}

// isSayso reports whether b is a JSON object with "format": "sayso".
func isSayso(b []byte) bool {
	var v struct {
		Format json.RawMessage `json:"format"`
	}
	return json.Unmarshal(b, &v) == nil && string(v.Format) == `"`+FormatName+`"`
}

// checkHeader checks "format", "version" and "offsetUnit", wherever they
// are in the top-level object, before the rest of the file is looked at.
func checkHeader(b []byte) error {
	r := newReader(b)
	if r.lex.next().kind != tokBeginObject {
		return notSayso(b, "")
	}
	var format, version, unit *token
	for {
		k := r.lex.next()
		if k.kind != tokString {
			break // the end of the object
		}
		var f **token
		switch k.str() {
		case "format":
			f = &format
		case "version":
			f = &version
		case "offsetUnit":
			f = &unit
		default:
			r.skip()
			continue
		}
		if *f != nil {
			return r.at(k.pos, "the file has %q twice", k.str())
		}
		v := r.lex.next()
		r.lex.skipValue(v)
		*f = &v
		if format != nil && version != nil && unit != nil {
			break // Sayso writes them first: no need to read on
		}
	}
	if err := checkFormat(b, format); err != nil {
		return err
	}
	if err := checkVersion(r, version); err != nil {
		return err
	}
	return checkOffsetUnit(r, unit)
}

func checkFormat(b []byte, t *token) error {
	switch {
	case t == nil:
		return notSayso(b, "")
	case t.kind != tokString:
		return fmt.Errorf("this is not a Sayso file: its \"format\" is %s, not %q", t.kindName(), FormatName)
	case t.str() != FormatName:
		return fmt.Errorf("this is not a Sayso file: its \"format\" is %q, not %q", clip(t.str()), FormatName)
	}
	return nil
}

func checkVersion(r *reader, t *token) error {
	if t == nil {
		return errors.New(`this Sayso file has no "version" field, so it cannot be read`)
	}
	if t.kind != tokNumber {
		return r.typeErr(top, field("version"), "a whole number", *t)
	}
	lit := string(t.raw)
	v, err := strconv.Atoi(lit)
	switch {
	case errors.Is(err, strconv.ErrRange) && lit[0] != '-':
		return fmt.Errorf("this file was made by a newer Sayso (format version %s); this version reads version %d", clip(lit), Version)
	case err != nil:
		return r.at(t.pos, "\"version\" must be a whole number, not %s", clip(lit))
	case v > Version:
		return fmt.Errorf("this file was made by a newer Sayso (format version %d); this version reads version %d", v, Version)
	case v < Version:
		return fmt.Errorf("this file says it has format version %d, which does not exist; this version reads version %d", v, Version)
	}
	return nil
}

func checkOffsetUnit(r *reader, t *token) error {
	switch {
	case t == nil:
		return errors.New(`this file does not say how it counts offsets: it has no "offsetUnit" field`)
	case t.kind != tokString:
		return r.typeErr(top, field("offsetUnit"), "a string", *t)
	case t.str() != OffsetUnit:
		return fmt.Errorf("this file counts offsets in %s, not code points", word(t.str()))
	}
	return nil
}

// word shows a value from the file plainly if it is a simple word, quoted
// otherwise.
func word(s string) string {
	if s == "" || len(s) > 40 {
		return strconv.Quote(clip(s))
	}
	for _, c := range []byte(s) {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_') {
			return strconv.Quote(s)
		}
	}
	return s
}
