package exchange

import (
	"bytes"
	"encoding/json"
	"errors"
	"slices"

	"sayso/internal/format/doccano"
	"sayso/internal/wording"
)

// A doccano file may name its text and label columns itself (doccano's
// import dialog lets people do so). When more than one key of its
// examples could hold the text, or the spans, the reader cannot tell
// which: Import fails with an error AmbiguousColumnsIn recognises, the
// app asks the person, and ImportDoccanoWith reads the same bytes with
// the columns they chose. The app never sees package doccano.

// Columns names the keys of a doccano file's examples that hold the text
// and the spans; an empty one is left to the reader to find.
type Columns struct {
	Text  string
	Label string
}

// AmbiguousColumns lists, sorted, the keys that could hold a file's text
// and those that could hold its labels; a list is empty when the reader
// could settle that column itself.
type AmbiguousColumns struct {
	Text  []string
	Label []string
}

// AmbiguousColumnsIn reports whether err (from Import or ImportAs) says
// that the file names its columns itself and more than one could hold
// the text or the labels, and which.
func AmbiguousColumnsIn(err error) (AmbiguousColumns, bool) {
	var amb *doccano.AmbiguousColumnsError
	if !errors.As(err, &amb) {
		return AmbiguousColumns{}, false
	}
	return AmbiguousColumns{Text: slices.Clone(amb.Text), Label: slices.Clone(amb.Label)}, true
}

// ImportDoccanoWith reads a doccano file with the columns the person
// chose. It fails like ImportAs: a *ReadError when the reader fails (an
// error AmbiguousColumnsIn recognises when a column left empty is still
// ambiguous), a sentence when the registry has no doccano reader.
func (r Registry) ImportDoccanoWith(data []byte, cols Columns) (Imported, error) {
	c, ok := r.Lookup(Doccano)
	if !ok || c.Read == nil {
		return Imported{}, errors.New(r.unreadable(Doccano))
	}
	p, rep, err := doccano.ImportWith(data, doccano.Options{Columns: doccano.Columns{Text: cols.Text, Label: cols.Label}})
	if err != nil {
		return Imported{}, &ReadError{Format: c.Info, Err: err}
	}
	return Imported{Project: p, Format: c.Info, Report: rep}, nil
}

// ImportDoccanoWith reads a doccano file with the chosen columns, with the
// Default registry.
func ImportDoccanoWith(data []byte, cols Columns) (Imported, error) {
	return Default().ImportDoccanoWith(data, cols)
}

// ColumnSamples says what the first example of a JSON or JSON Lines file
// holds under each of keys, for a person choosing among them: the string
// itself, or for a list, how many spans ("3 spans"). Keys the first
// example lacks, or holds something else under, are left out.
func ColumnSamples(data []byte, keys []string) map[string]string {
	head := data[:min(len(data), ProbeBytes)]
	b := bytes.TrimSpace(bytes.TrimPrefix(head, []byte("\uFEFF")))
	if len(b) == 0 {
		return nil
	}
	obj, ok := firstObject(b, len(head) < len(data))
	if !ok {
		return nil
	}
	out := map[string]string{}
	for _, k := range keys {
		var s string
		var list []json.RawMessage
		switch {
		case json.Unmarshal(obj[k], &s) == nil && obj[k] != nil:
			out[k] = s
		case json.Unmarshal(obj[k], &list) == nil && obj[k] != nil:
			out[k] = wording.Count(len(list), "span")
		}
	}
	return out
}
