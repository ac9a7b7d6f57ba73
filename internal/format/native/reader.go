package native

import (
	"errors"
	"fmt"
	"slices"
	"strconv"

	"sayso/internal/format/jsonsyntax"
)

// reader walks JSON input that json.Valid accepted, so that every problem
// can be reported with its place in the file.
type reader struct {
	src []byte
	lex lexer
	// shared holds the short values that repeat across annotations (a
	// document's id, a label, a stance, an annotator, a time), so that
	// thousands of annotations share one string each instead of one
	// allocation per field.
	shared map[string]string
}

func newReader(src []byte) *reader {
	return &reader{src: src, lex: lexer{src: src}}
}

// maxShared is the longest value sharedStr shares.
const maxShared = 40

// sharedStr reads a string like str, returning the same string for the
// same short value.
func (r *reader) sharedStr(w where, name name) (string, error) {
	t := r.lex.next()
	if t.kind != tokString {
		return "", r.typeErr(w, name, "a string", t)
	}
	body := t.raw[1 : len(t.raw)-1]
	if len(body) > maxShared {
		return t.str(), nil
	}
	if s, ok := r.shared[string(body)]; ok {
		return s, nil
	}
	s := t.str()
	if r.shared == nil {
		r.shared = map[string]string{}
	}
	r.shared[string(body)] = s
	return s, nil
}

// where names the object being read in messages ("annotation \"a3\""); ""
// stands for the top level of the file.
type where func() string

func top() string { return "" }

// subject is w as the subject of a sentence.
func subject(w where) string {
	if s := w(); s != "" {
		return s
	}
	return "the file"
}

// prefix is w followed by ": ", or "" at the top level.
func prefix(w where) string {
	if s := w(); s != "" {
		return s + ": "
	}
	return ""
}

// at formats a problem found at offset pos of the input.
func (r *reader) at(pos int, format string, args ...any) error {
	line, col := jsonsyntax.LineColumn(r.src, pos)
	return fmt.Errorf("%s (line %d, column %d)", fmt.Sprintf(format, args...), line, col)
}

// name names a value in messages: a field, quoted ("\"quote\""), an item
// of a list ("annotation 3") or a phrase ("the file"). It is a value, not
// a string, so that reading a field builds no message for it: only an
// error formats it.
type name struct {
	s      string
	n      int  // the item's number, from 1; 0 for a field or phrase
	phrase bool // s is said as it is
}

func field(key string) name        { return name{s: key} }
func item(kind string, n int) name { return name{s: kind, n: n} }
func phrase(s string) name         { return name{s: s, phrase: true} }

func (n name) String() string {
	switch {
	case n.n > 0:
		return fmt.Sprintf("%s %d", n.s, n.n)
	case n.phrase:
		return n.s
	}
	return q(n.s)
}

func (r *reader) typeErr(w where, name name, want string, t token) error {
	return r.at(t.pos, "%s%s must be %s, not %s", prefix(w), name, want, t.kindName())
}

// str reads a string.
func (r *reader) str(w where, name name) (string, int, error) {
	t := r.lex.next()
	if t.kind != tokString {
		return "", t.pos, r.typeErr(w, name, "a string", t)
	}
	return t.str(), t.pos, nil
}

// boolean reads true or false.
func (r *reader) boolean(w where, name name) (bool, error) {
	t := r.lex.next()
	if t.kind != tokBool {
		return false, r.typeErr(w, name, "true or false", t)
	}
	return r.src[t.pos] == 't', nil
}

// offset reads a whole number that is 0 or more.
func (r *reader) offset(w where, name name) (int, int, error) {
	t := r.lex.next()
	if t.kind != tokNumber {
		return 0, t.pos, r.typeErr(w, name, "a whole number", t)
	}
	lit := string(t.raw)
	n, err := strconv.Atoi(lit)
	switch {
	case errors.Is(err, strconv.ErrRange):
		return 0, t.pos, r.at(t.pos, "%s%s is too large: %s", prefix(w), name, clip(lit))
	case err != nil:
		return 0, t.pos, r.at(t.pos, "%s%s must be a whole number, not %s", prefix(w), name, clip(lit))
	case n < 0:
		return 0, t.pos, r.at(t.pos, "%s%s must be 0 or more, not %d", prefix(w), name, n)
	}
	return n, t.pos, nil
}

// object reads an object, named name within parent, that messages call
// self. For each key it calls field, which must read the value and report
// whether it knows the key. Keys may not repeat, and every key in required
// must be present.
func (r *reader) object(parent where, name name, self where, required []string, field func(key string) (bool, error)) error {
	t := r.lex.next()
	if t.kind != tokBeginObject {
		return r.typeErr(parent, name, "an object", t)
	}
	// Objects have a few keys: a list is cheaper than a map.
	seen := make([]string, 0, 16)
	for {
		k := r.lex.next()
		if k.kind == tokEndObject {
			break
		}
		if k.kind != tokString {
			return r.at(k.pos, "this file is not JSON")
		}
		key := k.str()
		if slices.Contains(seen, key) {
			return r.at(k.pos, "%s has %q twice", subject(self), clip(key))
		}
		seen = append(seen, key)
		known, err := field(key)
		if err != nil {
			return err
		}
		if !known {
			return r.at(k.pos, "%s has an unknown field %q", subject(self), clip(key))
		}
	}
	for _, k := range required {
		if !slices.Contains(seen, k) {
			return fmt.Errorf("%s has no %q field", subject(self), k)
		}
	}
	return nil
}

// array reads a list, calling each to read item i.
func (r *reader) array(w where, name name, each func(i int) error) error {
	t := r.lex.next()
	if t.kind != tokBeginArray {
		return r.typeErr(w, name, "a list", t)
	}
	for i := 0; ; i++ {
		switch r.lex.peek() {
		case ']':
			r.lex.next()
			return nil
		case 0:
			return r.at(len(r.src), "this file is not JSON")
		}
		if err := each(i); err != nil {
			return err
		}
	}
}

// skip reads and ignores one value.
func (r *reader) skip() {
	r.lex.skipValue(r.lex.next())
}
