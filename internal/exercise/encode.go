package exercise

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"sayso/internal/format/wire"
	"sayso/internal/text"
)

// The wire types fix the order of the fields Encode writes.

type wireFile struct {
	Format       string          `json:"format"`
	Version      int             `json:"version"`
	ID           string          `json:"id"`
	Title        string          `json:"title"`
	Instructions string          `json:"instructions"`
	Suggest      *bool           `json:"suggest,omitempty"` // written only when off
	Schema       wire.Schema     `json:"schema"`
	Documents    []wire.Document `json:"documents"`
	HandIn       *wireHandIn     `json:"handIn,omitempty"`
}

// wireHandIn is the optional "handIn" object: the box students hand in to.
type wireHandIn struct {
	Origin string `json:"origin"`
	Box    string `json:"box"`
	Code   string `json:"code"`
}

// Encode returns e as an exercise file: the same bytes for the same
// exercise. It fails, naming the problem, if Decode would refuse the
// result: an exercise without id, documents or labels, a document without
// id or text, an id used twice, a text with carriage returns, a colour that
// is not "#rrggbb", a key longer than one character, or a string that is
// not valid UTF-8.
func Encode(e Exercise) ([]byte, error) {
	if err := check(e); err != nil {
		return nil, fmt.Errorf("encode exercise: %w", err)
	}
	f := wireFile{
		Format:       FormatName,
		Version:      Version,
		ID:           e.ID,
		Title:        e.Title,
		Instructions: e.Instructions,
		Schema: wire.Schema{
			Labels:       make([]wire.Label, 0, len(e.Schema.Labels)),
			StanceValues: append(make([]string, 0, len(e.Schema.Stances)), e.Schema.Stances...),
		},
		Documents: make([]wire.Document, 0, len(e.Documents)),
	}
	if e.NoSuggest {
		f.Suggest = new(bool)
	}
	for _, l := range e.Schema.Labels {
		f.Schema.Labels = append(f.Schema.Labels, wire.Label(l))
	}
	for _, d := range e.Documents {
		f.Documents = append(f.Documents, wire.Document{
			ID:     d.ID,
			Title:  d.Title,
			Topic:  d.Topic,
			Length: utf8.RuneCountInString(d.Text),
			SHA256: text.Hash(d.Text),
			Text:   d.Text,
		})
	}
	if h := e.HandIn; h != nil {
		f.HandIn = &wireHandIn{Origin: h.Origin, Box: h.Box, Code: h.Code}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(f); err != nil {
		return nil, fmt.Errorf("encode exercise: %w", err)
	}
	return buf.Bytes(), nil
}

// check reports the first reason e cannot be handed out: what Encode
// refuses to write and Decode refuses to read.
func check(e Exercise) error {
	if err := checkStrings("the exercise", e.ID, e.Title, e.Instructions); err != nil {
		return err
	}
	if e.ID == "" {
		return errors.New("this exercise has no id")
	}
	if len(e.Schema.Labels) == 0 {
		return errors.New("the exercise's schema has no labels")
	}
	for i, l := range e.Schema.Labels {
		where := fmt.Sprintf("label %d", i+1)
		if err := checkStrings(where, l.ID, l.Name, l.Color, l.Key); err != nil {
			return err
		}
		if l.ID == "" {
			return fmt.Errorf("%s has no id", where)
		}
		if msg := colorProblem(l.Color); msg != "" {
			return fmt.Errorf("label %q: %s", clip(l.ID), msg)
		}
		if msg := keyProblem(l.Key); msg != "" {
			return fmt.Errorf("label %q: %s", clip(l.ID), msg)
		}
	}
	if err := checkStrings("the stance values", e.Schema.Stances...); err != nil {
		return err
	}
	if len(e.Documents) == 0 {
		return errors.New("this exercise has no documents")
	}
	if e.HandIn != nil {
		if err := checkHandIn(*e.HandIn); err != nil {
			return err
		}
	}
	seen := map[string]bool{}
	for i, d := range e.Documents {
		if err := checkStrings(fmt.Sprintf("document %d", i+1), d.ID, d.Title, d.Topic, d.Text); err != nil {
			return err
		}
		switch {
		case d.ID == "":
			return fmt.Errorf("document %d has no id", i+1)
		case seen[d.ID]:
			return fmt.Errorf("document id %q is used twice", clip(d.ID))
		case strings.TrimSpace(d.Text) == "":
			return fmt.Errorf("document %s has no text", docName(d))
		case strings.Contains(d.Text, "\r"):
			return fmt.Errorf(`document %s: its text has carriage returns (\r); Sayso keeps line ends as \n`, docName(d))
		}
		seen[d.ID] = true
	}
	return nil
}

// checkStrings reports a string that is not valid UTF-8, which JSON cannot
// carry unchanged.
func checkStrings(where string, ss ...string) error {
	for _, s := range ss {
		if !utf8.ValidString(s) {
			return fmt.Errorf("%s: %q is not valid UTF-8", where, clip(s))
		}
	}
	return nil
}

// colorProblem says why c is not "" or a CSS colour "#rrggbb".
func colorProblem(c string) string {
	ok := c == "" || len(c) == 7 && c[0] == '#' && isHex(c[1:], true)
	if ok {
		return ""
	}
	return fmt.Sprintf("colour %q is not of the form #rrggbb", clip(c))
}

// keyProblem says why k is not empty or one character.
func keyProblem(k string) string {
	if utf8.RuneCountInString(k) <= 1 {
		return ""
	}
	return fmt.Sprintf("key %q is longer than one character", clip(k))
}

// shaProblem says why h is not 64 lowercase hexadecimal digits.
func shaProblem(h string) string {
	if len(h) == 64 && isHex(h, false) {
		return ""
	}
	return fmt.Sprintf("must be 64 lowercase hexadecimal digits, not %q", clip(h))
}

func isHex(s string, upper bool) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || upper && 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}
