package doccano

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"sayso/internal/format/jsonsyntax"
)

// Columns names the keys of an example that hold its text and its spans.
// doccano's import dialog lets people name them ("Column Text", "Column
// Label"); empty means the usual keys: "text" (or "data") and "entities"
// (or "label", "labels").
type Columns struct {
	Text  string
	Label string
}

// AmbiguousColumnsError is what ImportWith returns when a file names its
// text or its spans with keys of its own and more than one key could be
// either. The app asks the person which, then imports again with
// Options.Columns set.
type AmbiguousColumnsError struct {
	// Text lists the keys that could hold the text (every example has a
	// string there), sorted; empty if the text column is settled.
	Text []string
	// Label lists the keys that could hold the spans (lists of [start,
	// end, label] or of objects with start_offset and end_offset), sorted;
	// empty if the label column is settled.
	Label []string
}

func (e *AmbiguousColumnsError) Error() string {
	var parts []string
	if len(e.Text) > 1 {
		parts = append(parts, "its text could be in any of "+quoteList(e.Text))
	}
	if len(e.Label) > 1 {
		parts = append(parts, "its labels could be in any of "+quoteList(e.Label))
	}
	return "this doccano file names its columns itself, and " + strings.Join(parts, "; ") + ": say which column holds what"
}

func quoteList(keys []string) string {
	q := make([]string, len(keys))
	for i, k := range keys {
		q[i] = fmt.Sprintf("%q", k)
	}
	return strings.Join(q, ", ")
}

// isMetadataKey reports keys that hold strings but never an example's text.
func isMetadataKey(k string) bool {
	switch k {
	case "title", "document_id", "topic", "offset_unit", "id", "meta", "comment", "Comments", "uuid":
		return true
	}
	return false
}

// LooksLikeExample reports whether a JSON object is a doccano example
// whose text and labels columns have names of the person's choosing: it
// has one string-valued key and one key holding a non-empty list of spans
// ([start, end, label] or {"start_offset", "end_offset", "label"}).
// Detection calls it after the usual keys ("text" with "entities",
// "label", "labels" or "relations") have not matched.
func LooksLikeExample(obj map[string]json.RawMessage) bool {
	hasText, hasSpans := false, false
	for k, v := range obj {
		switch spanListShape(v) {
		case shapeSpans:
			hasSpans = true
			continue
		}
		var s string
		if !isMetadataKey(k) && json.Unmarshal(v, &s) == nil {
			hasText = true
		}
	}
	return hasText && hasSpans
}

type listShape int

const (
	shapeOther listShape = iota
	shapeEmpty           // an empty list, or null
	shapeSpans           // a list of spans
)

// spanListShape tells whether raw is a list of spans.
func spanListShape(raw json.RawMessage) listShape {
	t := bytes.TrimSpace(raw)
	if len(t) == 0 || t[0] != '[' && string(t) != "null" {
		return shapeOther
	}
	var list []json.RawMessage
	if json.Unmarshal(t, &list) != nil {
		return shapeOther
	}
	if len(list) == 0 {
		return shapeEmpty
	}
	for _, item := range list {
		var triple []any
		var obj map[string]json.RawMessage
		switch {
		case json.Unmarshal(item, &triple) == nil && len(triple) == 3:
			if _, ok := triple[2].(string); !ok {
				return shapeOther
			}
			if _, ok := whole(triple[0]); !ok {
				return shapeOther
			}
		case json.Unmarshal(item, &obj) == nil && obj != nil:
			if obj["start_offset"] == nil || obj["end_offset"] == nil {
				return shapeOther
			}
		default:
			return shapeOther
		}
	}
	return shapeSpans
}

func hasUsualText(o map[string]json.RawMessage) bool { return o["text"] != nil || o["data"] != nil }

func hasUsualLabel(o map[string]json.RawMessage) bool {
	return o["entities"] != nil || o["label"] != nil || o["labels"] != nil
}

// resolveColumns settles which keys hold the text and the spans, from
// cols where the person said, from the usual keys where every example has
// them, and otherwise from the keys whose values fit in every example.
func resolveColumns(objs []numbered, cols Columns) (Columns, error) {
	usualText, usualLabel := true, true
	for _, o := range objs {
		usualText = usualText && o.obj != nil && hasUsualText(o.obj)
		usualLabel = usualLabel && (o.obj == nil || hasUsualLabel(o.obj))
	}
	amb := &AmbiguousColumnsError{}
	if cols.Text == "" && !usualText {
		cands := candidates(objs, func(k string, v json.RawMessage) bool {
			var s string
			return !isMetadataKey(k) && json.Unmarshal(v, &s) == nil
		}, false)
		switch len(cands) {
		case 0:
			// checkExamples names the first example without text.
		case 1:
			cols.Text = cands[0]
		default:
			amb.Text = cands
		}
	}
	if cols.Label == "" && !usualLabel {
		cands := candidates(objs, func(_ string, v json.RawMessage) bool {
			return spanListShape(v) != shapeOther
		}, true)
		cands = slices.DeleteFunc(cands, func(k string) bool { return k == cols.Text || k == "relations" })
		switch len(cands) {
		case 0:
		case 1:
			cols.Label = cands[0]
		default:
			amb.Label = cands
		}
	}
	if len(amb.Text) > 0 || len(amb.Label) > 0 {
		return cols, amb
	}
	return cols, nil
}

// candidates lists, sorted, the keys k for which fits holds in every
// example that has k, and that every example has (or, with spans, that
// some example has as a non-empty list of spans).
func candidates(objs []numbered, fits func(string, json.RawMessage) bool, spans bool) []string {
	seen := map[string]int{}
	full := map[string]bool{}
	bad := map[string]bool{}
	for _, o := range objs {
		for k, v := range o.obj {
			if !fits(k, v) {
				bad[k] = true
				continue
			}
			seen[k]++
			if spans && spanListShape(v) == shapeSpans {
				full[k] = true
			}
		}
	}
	var out []string
	for k, n := range seen {
		if bad[k] || (!spans && n != len(objs)) || (spans && !full[k]) {
			continue
		}
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// applyColumns moves the chosen columns to the keys the reader knows:
// the text to "text", the spans to "entities" (objects) or "label"
// (triples).
func applyColumns(objs []numbered, cols Columns) {
	for _, o := range objs {
		if o.obj == nil {
			continue
		}
		if k := cols.Text; k != "" && k != "text" {
			if v, ok := o.obj[k]; ok {
				delete(o.obj, "data")
				o.obj["text"] = v
			}
		}
		if k := cols.Label; k != "" {
			v, ok := o.obj[k]
			if !ok {
				continue
			}
			delete(o.obj, k)
			delete(o.obj, "entities")
			delete(o.obj, "label")
			delete(o.obj, "labels")
			key := "label"
			var first []map[string]json.RawMessage
			if json.Unmarshal(v, &first) == nil && len(first) > 0 {
				key = "entities"
			}
			o.obj[key] = v
		}
	}
}

// decodeStream reads b as a sequence of JSON values, each an example
// object or a list of them, as a pretty-printed file is (one object or
// array over many lines). Each example is named by the line it starts on.
func decodeStream(b []byte) ([]numbered, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	var out []numbered
	for {
		start := int(dec.InputOffset())
		var v json.RawMessage
		err := dec.Decode(&v)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("the file is neither JSON Lines nor JSON: %w", jsonsyntax.Explain(b))
		}
		start += len(b[start:]) - len(bytes.TrimLeft(b[start:], " \t\r\n"))
		line, _ := jsonsyntax.LineColumn(b, start)
		t := bytes.TrimSpace(v)
		if len(t) > 0 && t[0] == '[' {
			var arr []map[string]json.RawMessage
			if err := json.Unmarshal(t, &arr); err != nil {
				return nil, fmt.Errorf("the list starting at line %d is not a list of doccano examples: %w", line, err)
			}
			for i, o := range arr {
				out = append(out, numbered{fmt.Sprintf("example %d of the list at line %d", i+1, line), o})
			}
			continue
		}
		var o map[string]json.RawMessage
		if json.Unmarshal(t, &o) != nil {
			return nil, fmt.Errorf("the value at line %d is not a JSON object, so the file is not doccano JSON", line)
		}
		out = append(out, numbered{fmt.Sprintf("the example at line %d", line), o})
	}
	return out, nil
}
