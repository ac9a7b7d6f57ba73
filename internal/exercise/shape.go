package exercise

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"

	"sayso/internal/format/jsonsyntax"
)

// A shape describes the JSON values the format allows, so that a file can
// be checked field by field with the place of each problem.
type shape struct {
	kind   kind
	self   string  // an object's name in messages ("the schema"); list items use item names
	fields []field // an object's fields
	// optional are the keys of fields that may be left out (added to
	// version 1 later, so that older files still open).
	optional []string
	item     *shape              // a list's items
	name     string              // how a list names its items: "document"
	check    func(string) string // a string's own check: what is wrong, or ""
}

type kind int

const (
	kString kind = iota
	kWhole       // a whole number, 0 or more
	kObject
	kList
	kBool
)

func (k kind) String() string {
	return [...]string{kString: "a string", kWhole: "a whole number", kObject: "an object", kList: "a list", kBool: "true or false"}[k]
}

type field struct {
	key   string
	shape *shape
}

// fileShape is the shape of an exercise file, version 1. Every field is
// required but "handIn" and "suggest", added later: files without them
// still open.
func fileShape() *shape {
	str := &shape{kind: kString}
	label := &shape{kind: kObject, fields: []field{
		{"id", str}, {"name", str},
		{"color", &shape{kind: kString, check: colorProblem}},
		{"key", &shape{kind: kString, check: keyProblem}},
	}}
	schema := &shape{kind: kObject, self: "the schema", fields: []field{
		{"labels", &shape{kind: kList, item: label, name: "label"}},
		{"stanceValues", &shape{kind: kList, item: str, name: "stance value"}},
	}}
	document := &shape{kind: kObject, fields: []field{
		{"id", str}, {"title", str}, {"topic", str},
		{"length", &shape{kind: kWhole}},
		{"sha256", &shape{kind: kString, check: func(s string) string { return prefixed(`"sha256" `, shaProblem(s)) }}},
		{"text", str},
	}}
	return &shape{kind: kObject, self: "the exercise", fields: []field{
		{"format", str}, {"version", &shape{kind: kWhole}},
		{"id", str}, {"title", str}, {"instructions", str},
		{"suggest", &shape{kind: kBool}},
		{"schema", schema},
		{"documents", &shape{kind: kList, item: document, name: "document"}},
		{"handIn", &shape{kind: kObject, self: "the hand-in box", fields: []field{
			{"origin", &shape{kind: kString, check: originProblem}},
			{"box", &shape{kind: kString, check: func(s string) string { return prefixed(`"box" `, hexProblem(s, 24)) }}},
			{"code", &shape{kind: kString, check: func(s string) string { return prefixed(`"code" `, hexProblem(s, 32)) }}},
		}}},
	}, optional: []string{"handIn", "suggest"}}
}

func prefixed(p, msg string) string {
	if msg == "" {
		return ""
	}
	return p + msg
}

// checkShape checks b, one valid JSON value, against fileShape: no field
// missing, unknown or repeated, and every value of the right type.
func checkShape(b []byte) error {
	w := walker{src: b, dec: json.NewDecoder(bytes.NewReader(b))}
	w.dec.UseNumber()
	return w.value(fileShape(), "", "the file")
}

// walker reads JSON tokens and reports problems with their line and column.
type walker struct {
	src []byte
	dec *json.Decoder
}

// at formats a problem found at byte offset pos.
func (w *walker) at(pos int, format string, args ...any) error {
	line, col := jsonsyntax.LineColumn(w.src, pos)
	return fmt.Errorf("%s (line %d, column %d)", fmt.Sprintf(format, args...), line, col)
}

// next reads a token and returns it with its offset.
func (w *walker) next() (json.Token, int, error) {
	pos := int(w.dec.InputOffset())
	for pos < len(w.src) && bytes.IndexByte([]byte(" \t\r\n,:"), w.src[pos]) >= 0 {
		pos++
	}
	t, err := w.dec.Token()
	if err != nil {
		return nil, pos, w.at(pos, "this file is not JSON")
	}
	return t, pos, nil
}

// value reads a value of shape s, called name, inside the object or list
// whose messages start with prefix ("document 2: ").
func (w *walker) value(s *shape, prefix, name string) error {
	t, pos, err := w.next()
	if err != nil {
		return err
	}
	wrong := func() error { return w.at(pos, "%s%s must be %s, not %s", prefix, name, s.kind, tokenKind(t)) }
	switch s.kind {
	case kString:
		v, ok := t.(string)
		if !ok {
			return wrong()
		}
		if s.check != nil {
			if msg := s.check(v); msg != "" {
				return w.at(pos, "%s%s", prefix, msg)
			}
		}
	case kWhole:
		v, ok := t.(json.Number)
		if !ok {
			return wrong()
		}
		n, err := strconv.Atoi(v.String())
		switch {
		case errors.Is(err, strconv.ErrRange):
			return w.at(pos, "%s%s is too large: %s", prefix, name, clip(v.String()))
		case err != nil:
			return w.at(pos, "%s%s must be a whole number, not %s", prefix, name, clip(v.String()))
		case n < 0:
			return w.at(pos, "%s%s must be 0 or more, not %d", prefix, name, n)
		}
	case kBool:
		if _, ok := t.(bool); !ok {
			return wrong()
		}
	case kObject:
		if t != json.Delim('{') {
			return wrong()
		}
		self := s.self
		if self == "" {
			self = name
		}
		return w.object(s, self, pos)
	case kList:
		if t != json.Delim('[') {
			return wrong()
		}
		for i := 0; w.dec.More(); i++ {
			if err := w.value(s.item, prefix, fmt.Sprintf("%s %d", s.name, i+1)); err != nil {
				return err
			}
		}
		_, _, err := w.next() // ]
		return err
	}
	return nil
}

// object reads the fields of an object named self, after its "{".
func (w *walker) object(s *shape, self string, pos int) error {
	prefix := self + ": "
	if self == "the exercise" {
		prefix = "" // top-level fields are named alone
	}
	var seen []string
	for w.dec.More() {
		t, kpos, err := w.next()
		if err != nil {
			return err
		}
		key, _ := t.(string)
		if slices.Contains(seen, key) {
			return w.at(kpos, "%s has %q twice", self, clip(key))
		}
		seen = append(seen, key)
		i := slices.IndexFunc(s.fields, func(f field) bool { return f.key == key })
		if i < 0 {
			return w.at(kpos, "%s has an unknown field %q", self, clip(key))
		}
		if err := w.value(s.fields[i].shape, prefix, strconv.Quote(key)); err != nil {
			return err
		}
	}
	if _, _, err := w.next(); err != nil { // }
		return err
	}
	for _, f := range s.fields {
		if !slices.Contains(seen, f.key) && !slices.Contains(s.optional, f.key) {
			return w.at(pos, "%s has no %q field", self, f.key)
		}
	}
	return nil
}

// tokenKind names the kind of a JSON token for a message.
func tokenKind(t json.Token) string {
	switch v := t.(type) {
	case string:
		return "a string"
	case json.Number:
		return "a number"
	case bool:
		return "true or false"
	case nil:
		return "null"
	case json.Delim:
		if v == '{' {
			return "an object"
		}
		return "a list"
	}
	return "something else"
}
