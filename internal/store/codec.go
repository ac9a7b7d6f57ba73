package store

import (
	"encoding/json"
	"fmt"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"

	"sayso/internal/annotation"
	"sayso/internal/format/jsonstr"
	"sayso/internal/text"
)

// The records written most — annotations, speakers, documents (without
// their text) and undo steps — are encoded and decoded by hand rather than
// by encoding/json's reflection, which cost ~25 µs a record in the page:
// 120 ms of the page's thread for the first save of a project of 5,000
// annotations, and as much again to read it back on reload.
//
// The encoders write exactly the bytes json.Marshal writes for the same
// value (the same field order and names, HTML-safe escapes, \ufffd for
// invalid UTF-8), so records written before and after read the same. The
// decoders read the shape the encoders write (and so json.Marshal wrote);
// anything else — another spacing, a key in another case, a null, an
// exponent, invalid UTF-8 — is handed to encoding/json, whose answer
// stands: every record stored by an earlier version still loads.

// appendString appends s as json.Marshal writes a Go string (package
// jsonstr, HTML escaped).
func appendString(b []byte, s string) []byte { return jsonstr.Append(b, s, true) }

func appendField(b []byte, name, v string) []byte {
	b = append(b, name...)
	return appendString(b, v)
}

// AppendAnnotation appends a as json.Marshal writes it.
func AppendAnnotation(b []byte, a *annotation.Annotation) []byte {
	b = appendField(b, `{"ID":`, a.ID)
	b = appendField(b, `,"Document":`, a.Document)
	b = appendField(b, `,"Label":`, a.Label)
	b = append(b, `,"Fragments":`...)
	if a.Fragments == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, f := range a.Fragments {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"Start":`...)
			b = strconv.AppendInt(b, int64(f.Start), 10)
			b = append(b, `,"End":`...)
			b = strconv.AppendInt(b, int64(f.End), 10)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	b = appendField(b, `,"Quote":`, a.Quote)
	b = appendField(b, `,"Prefix":`, a.Prefix)
	b = appendField(b, `,"Suffix":`, a.Suffix)
	b = appendField(b, `,"Stance":`, a.Stance)
	b = appendField(b, `,"Target":`, a.Target)
	b = appendField(b, `,"SpeakerMention":`, a.SpeakerMention)
	b = appendField(b, `,"Cue":`, a.Cue)
	b = appendField(b, `,"Speaker":`, a.Speaker)
	b = appendField(b, `,"Note":`, a.Note)
	b = appendField(b, `,"Annotator":`, a.Annotator)
	b = appendField(b, `,"Created":`, a.Created)
	b = appendField(b, `,"Modified":`, a.Modified)
	b = appendField(b, `,"Anchored":`, a.Anchored)
	b = append(b, `,"AnchorConfidence":`...)
	b = strconv.AppendInt(b, int64(a.AnchorConfidence), 10)
	return append(b, '}')
}

// AppendSpeaker appends sp as json.Marshal writes it.
func AppendSpeaker(b []byte, sp *annotation.Speaker) []byte {
	b = appendField(b, `{"ID":`, sp.ID)
	b = appendField(b, `,"Name":`, sp.Name)
	return append(b, '}')
}

// AppendDocument appends d as json.Marshal writes it.
func AppendDocument(b []byte, d *annotation.Document) []byte {
	b = appendField(b, `{"ID":`, d.ID)
	b = appendField(b, `,"Title":`, d.Title)
	b = appendField(b, `,"Text":`, d.Text)
	b = appendField(b, `,"Topic":`, d.Topic)
	if d.Done {
		return append(b, `,"Done":true}`...)
	}
	return append(b, `,"Done":false}`...)
}

// AppendStep appends st as json.Marshal writes it: its annotations and
// speakers by hand, the rarer edits (documents, places, schema, unplaced
// annotations) through encoding/json.
func AppendStep(b []byte, st *annotation.Step) ([]byte, error) {
	b = append(b, `{"Serial":`...)
	b = strconv.AppendInt(b, int64(st.Serial), 10)
	b = appendField(b, `,"Name":`, st.Name)
	if len(st.Anns) > 0 {
		b = append(b, `,"Anns":[`...)
		for i, e := range st.Anns {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"Before":`...)
			b = appendAnnotationPtr(b, e.Before)
			b = append(b, `,"After":`...)
			b = appendAnnotationPtr(b, e.After)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	if len(st.Speakers) > 0 {
		b = append(b, `,"Speakers":[`...)
		for i, e := range st.Speakers {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"Before":`...)
			b = appendSpeakerPtr(b, e.Before)
			b = append(b, `,"After":`...)
			b = appendSpeakerPtr(b, e.After)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	for _, f := range []struct {
		name string
		n    int
		v    any
	}{
		{`,"Docs":`, len(st.Docs), st.Docs}, {`,"Places":`, len(st.Places), st.Places},
		{`,"Schema":`, len(st.Schema), st.Schema}, {`,"Orphans":`, len(st.Orphans), st.Orphans},
	} {
		if f.n == 0 {
			continue
		}
		v, err := json.Marshal(f.v)
		if err != nil {
			return nil, fmt.Errorf("encode step %d: %w", st.Serial, err)
		}
		b = append(b, f.name...)
		b = append(b, v...)
	}
	return append(b, '}'), nil
}

func appendAnnotationPtr(b []byte, a *annotation.Annotation) []byte {
	if a == nil {
		return append(b, "null"...)
	}
	return AppendAnnotation(b, a)
}

func appendSpeakerPtr(b []byte, sp *annotation.Speaker) []byte {
	if sp == nil {
		return append(b, "null"...)
	}
	return AppendSpeaker(b, sp)
}

// DecodeAnnotation reads an annotation record.
func DecodeAnnotation(v string) (annotation.Annotation, error) {
	var a annotation.Annotation
	d := decoder{s: v}
	if d.annotation(&a) && d.end() {
		return a, nil
	}
	a = annotation.Annotation{}
	if err := json.Unmarshal([]byte(v), &a); err != nil {
		return annotation.Annotation{}, err
	}
	return a, nil
}

// DecodeSpeaker reads a speaker record.
func DecodeSpeaker(v string) (annotation.Speaker, error) {
	var sp annotation.Speaker
	d := decoder{s: v}
	if d.speaker(&sp) && d.end() {
		return sp, nil
	}
	sp = annotation.Speaker{}
	if err := json.Unmarshal([]byte(v), &sp); err != nil {
		return annotation.Speaker{}, err
	}
	return sp, nil
}

// DecodeDocument reads a document record.
func DecodeDocument(v string) (annotation.Document, error) {
	var doc annotation.Document
	d := decoder{s: v}
	if d.document(&doc) && d.end() {
		return doc, nil
	}
	doc = annotation.Document{}
	if err := json.Unmarshal([]byte(v), &doc); err != nil {
		return annotation.Document{}, err
	}
	return doc, nil
}

// DecodeStep reads an undo step record.
func DecodeStep(v string) (annotation.Step, error) {
	var st annotation.Step
	d := decoder{s: v}
	if d.step(&st) && d.end() {
		return st, nil
	}
	st = annotation.Step{}
	if err := json.Unmarshal([]byte(v), &st); err != nil {
		return annotation.Step{}, err
	}
	return st, nil
}

// decoder reads the JSON the encoders above write. Each method reports
// false as soon as the input is not of that shape; the caller then asks
// encoding/json.
type decoder struct {
	s string
	i int
}

func (d *decoder) ws() {
	for d.i < len(d.s) {
		switch d.s[d.i] {
		case ' ', '\t', '\n', '\r':
			d.i++
		default:
			return
		}
	}
}

// byte consumes c (after white space).
func (d *decoder) byte(c byte) bool {
	d.ws()
	if d.i < len(d.s) && d.s[d.i] == c {
		d.i++
		return true
	}
	return false
}

// end reports whether only white space is left.
func (d *decoder) end() bool {
	d.ws()
	return d.i == len(d.s)
}

// null consumes a null.
func (d *decoder) null() bool {
	d.ws()
	if len(d.s)-d.i >= 4 && d.s[d.i:d.i+4] == "null" {
		d.i += 4
		return true
	}
	return false
}

// str reads a string: without escapes, a slice of the input. The scan
// keeps its position in a local variable (in WebAssembly a field of d
// written back at every byte cost the restore of 5,000 annotations
// several milliseconds).
func (d *decoder) str() (string, bool) {
	d.ws()
	s, i := d.s, d.i
	if i >= len(s) || s[i] != '"' {
		return "", false
	}
	i++
	start := i
	for i < len(s) {
		c := s[i]
		if c >= 0x20 && c < utf8.RuneSelf && c != '"' && c != '\\' {
			i++
			continue
		}
		switch {
		case c == '"':
			d.i = i + 1
			return s[start:i], true
		case c == '\\':
			d.i = i
			return d.escaped(start)
		case c < 0x20:
			return "", false
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && size == 1 {
				return "", false // encoding/json replaces it: let it
			}
			i += size
		}
	}
	return "", false
}

// escaped reads the rest of a string that holds escapes, from its first.
func (d *decoder) escaped(start int) (string, bool) {
	b := make([]byte, 0, d.i-start+16)
	b = append(b, d.s[start:d.i]...)
	for d.i < len(d.s) {
		c := d.s[d.i]
		switch {
		case c == '"':
			d.i++
			return string(b), true
		case c == '\\':
			if d.i+1 >= len(d.s) {
				return "", false
			}
			e := d.s[d.i+1]
			d.i += 2
			switch e {
			case '"', '\\', '/':
				b = append(b, e)
			case 'b':
				b = append(b, '\b')
			case 'f':
				b = append(b, '\f')
			case 'n':
				b = append(b, '\n')
			case 'r':
				b = append(b, '\r')
			case 't':
				b = append(b, '\t')
			case 'u':
				r, ok := d.hex4()
				if !ok {
					return "", false
				}
				if utf16.IsSurrogate(r) {
					// A pair makes one code point; a lone half is U+FFFD,
					// as encoding/json reads it.
					if save := d.i; len(d.s)-d.i >= 6 && d.s[d.i] == '\\' && d.s[d.i+1] == 'u' {
						d.i += 2
						r2, ok := d.hex4()
						if dec := utf16.DecodeRune(r, r2); ok && dec != utf8.RuneError {
							b = utf8.AppendRune(b, dec)
							continue
						}
						d.i = save
					}
					r = utf8.RuneError
				}
				b = utf8.AppendRune(b, r)
			default:
				return "", false
			}
		case c < 0x20:
			return "", false
		case c < utf8.RuneSelf:
			b = append(b, c)
			d.i++
		default:
			r, size := utf8.DecodeRuneInString(d.s[d.i:])
			if r == utf8.RuneError && size == 1 {
				return "", false
			}
			b = append(b, d.s[d.i:d.i+size]...)
			d.i += size
		}
	}
	return "", false
}

func (d *decoder) hex4() (rune, bool) {
	if len(d.s)-d.i < 4 {
		return 0, false
	}
	var r rune
	for _, c := range []byte(d.s[d.i : d.i+4]) {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c = c - 'a' + 10
		case 'A' <= c && c <= 'F':
			c = c - 'A' + 10
		default:
			return 0, false
		}
		r = r*16 + rune(c)
	}
	d.i += 4
	return r, true
}

// int reads an integer written without fraction or exponent.
func (d *decoder) int() (int, bool) {
	d.ws()
	start := d.i
	if d.i < len(d.s) && d.s[d.i] == '-' {
		d.i++
	}
	digits := d.i
	for d.i < len(d.s) && '0' <= d.s[d.i] && d.s[d.i] <= '9' {
		d.i++
	}
	if d.i == digits || (d.s[digits] == '0' && d.i-digits > 1) {
		return 0, false
	}
	if d.i < len(d.s) {
		switch d.s[d.i] {
		case '.', 'e', 'E':
			return 0, false
		}
	}
	n, err := strconv.Atoi(d.s[start:d.i])
	return n, err == nil
}

// bool reads true or false.
func (d *decoder) bool() (bool, bool) {
	d.ws()
	switch {
	case len(d.s)-d.i >= 4 && d.s[d.i:d.i+4] == "true":
		d.i += 4
		return true, true
	case len(d.s)-d.i >= 5 && d.s[d.i:d.i+5] == "false":
		d.i += 5
		return false, true
	}
	return false, false
}

// object reads an object whose keys are among names (each at most once),
// calling field with each key's index for its value.
func (d *decoder) object(names []string, field func(int) bool) bool {
	if !d.byte('{') {
		return false
	}
	if d.byte('}') {
		return true
	}
	var seen uint64
	next := 0
	for {
		k, ok := d.str()
		if !ok || !d.byte(':') {
			return false
		}
		// The keys come in the encoders' order: the next name is tried first.
		n := -1
		if next < len(names) && names[next] == k {
			n = next
		} else {
			for j, name := range names {
				if name == k {
					n = j
					break
				}
			}
		}
		if n < 0 || seen&(1<<n) != 0 || !field(n) {
			return false
		}
		seen |= 1 << n
		next = n + 1
		if d.byte('}') {
			return true
		}
		if !d.byte(',') {
			return false
		}
	}
}

// array reads an array, calling item for each element; null is false
// (the callers decide what a null means).
func (d *decoder) array(item func() bool) bool {
	if !d.byte('[') {
		return false
	}
	if d.byte(']') {
		return true
	}
	for {
		if !item() {
			return false
		}
		if d.byte(']') {
			return true
		}
		if !d.byte(',') {
			return false
		}
	}
}

var annotationFields = []string{"ID", "Document", "Label", "Fragments", "Quote", "Prefix", "Suffix", "Stance", "Target",
	"SpeakerMention", "Cue", "Speaker", "Note", "Annotator", "Created", "Modified", "Anchored", "AnchorConfidence"}

func (d *decoder) annotation(a *annotation.Annotation) bool {
	strs := [...]*string{&a.ID, &a.Document, &a.Label, nil, &a.Quote, &a.Prefix, &a.Suffix, &a.Stance, &a.Target,
		&a.SpeakerMention, &a.Cue, &a.Speaker, &a.Note, &a.Annotator, &a.Created, &a.Modified, &a.Anchored}
	return d.object(annotationFields, func(n int) bool {
		switch {
		case n == 3:
			if d.null() {
				a.Fragments = nil
				return true
			}
			a.Fragments = make([]text.Span, 0, 1)
			return d.array(func() bool {
				var f text.Span
				ok := d.object(spanFields, func(n int) bool {
					v, ok := d.int()
					if n == 0 {
						f.Start = v
					} else {
						f.End = v
					}
					return ok
				})
				a.Fragments = append(a.Fragments, f)
				return ok
			})
		case n == len(annotationFields)-1:
			v, ok := d.int()
			a.AnchorConfidence = v
			return ok
		default:
			v, ok := d.str()
			*strs[n] = v
			return ok
		}
	})
}

var spanFields = []string{"Start", "End"}

var speakerFields = []string{"ID", "Name"}

func (d *decoder) speaker(sp *annotation.Speaker) bool {
	return d.object(speakerFields, func(n int) bool {
		v, ok := d.str()
		if n == 0 {
			sp.ID = v
		} else {
			sp.Name = v
		}
		return ok
	})
}

var documentFields = []string{"ID", "Title", "Text", "Topic", "Done"}

func (d *decoder) document(doc *annotation.Document) bool {
	strs := [...]*string{&doc.ID, &doc.Title, &doc.Text, &doc.Topic}
	return d.object(documentFields, func(n int) bool {
		if n == 4 {
			v, ok := d.bool()
			doc.Done = v
			return ok
		}
		v, ok := d.str()
		*strs[n] = v
		return ok
	})
}

var (
	stepFields = []string{"Serial", "Name", "Anns", "Speakers", "Docs", "Places", "Schema", "Orphans"}
	editFields = []string{"Before", "After"}
)

func (d *decoder) step(st *annotation.Step) bool {
	return d.object(stepFields, func(n int) bool {
		switch n {
		case 0:
			v, ok := d.int()
			st.Serial = v
			return ok
		case 1:
			v, ok := d.str()
			st.Name = v
			return ok
		case 2:
			st.Anns = []annotation.AnnotationEdit{}
			return d.array(func() bool {
				var e annotation.AnnotationEdit
				ok := d.object(editFields, func(n int) bool {
					if d.null() {
						return true
					}
					a := new(annotation.Annotation)
					if n == 0 {
						e.Before = a
					} else {
						e.After = a
					}
					return d.annotation(a)
				})
				st.Anns = append(st.Anns, e)
				return ok
			})
		case 3:
			st.Speakers = []annotation.SpeakerEdit{}
			return d.array(func() bool {
				var e annotation.SpeakerEdit
				ok := d.object(editFields, func(n int) bool {
					if d.null() {
						return true
					}
					sp := new(annotation.Speaker)
					if n == 0 {
						e.Before = sp
					} else {
						e.After = sp
					}
					return d.speaker(sp)
				})
				st.Speakers = append(st.Speakers, e)
				return ok
			})
		}
		// The rarer edits: encoding/json reads the value.
		start := d.i
		if !d.skip(0) {
			return false
		}
		raw := []byte(d.s[start:d.i])
		var err error
		switch n {
		case 4:
			err = json.Unmarshal(raw, &st.Docs)
		case 5:
			err = json.Unmarshal(raw, &st.Places)
		case 6:
			err = json.Unmarshal(raw, &st.Schema)
		default:
			err = json.Unmarshal(raw, &st.Orphans)
		}
		return err == nil
	})
}

// maxDepth bounds the nesting skip follows.
const maxDepth = 64

// skip moves past one value (checked by encoding/json afterwards).
func (d *decoder) skip(depth int) bool {
	if depth > maxDepth {
		return false
	}
	d.ws()
	if d.i >= len(d.s) {
		return false
	}
	switch c := d.s[d.i]; {
	case c == '"':
		_, ok := d.str()
		return ok
	case c == '{':
		d.i++
		if d.byte('}') {
			return true
		}
		for {
			if _, ok := d.str(); !ok || !d.byte(':') || !d.skip(depth+1) {
				return false
			}
			if d.byte('}') {
				return true
			}
			if !d.byte(',') {
				return false
			}
		}
	case c == '[':
		d.i++
		if d.byte(']') {
			return true
		}
		for {
			if !d.skip(depth + 1) {
				return false
			}
			if d.byte(']') {
				return true
			}
			if !d.byte(',') {
				return false
			}
		}
	default:
		start := d.i
		for d.i < len(d.s) && d.s[d.i] != ',' && d.s[d.i] != '}' && d.s[d.i] != ']' && d.s[d.i] != ' ' &&
			d.s[d.i] != '\n' && d.s[d.i] != '\t' && d.s[d.i] != '\r' {
			d.i++
		}
		return d.i > start
	}
}

// The project's settings, its documents' order and its history are read
// once per reload, by hand too: in the page, the first call of
// encoding/json's decoder (compiling it, reflecting over the types) cost
// the reload tens of milliseconds. Anything the encoders would not have
// written goes to encoding/json, as above.

// decodeMeta reads the project's settings record.
func decodeMeta(v string) (meta, error) {
	var m meta
	d := decoder{s: v}
	if d.meta(&m) && d.end() {
		return m, nil
	}
	m = meta{}
	if err := json.Unmarshal([]byte(v), &m); err != nil {
		return meta{}, err
	}
	return m, nil
}

// decodeOrder reads the documents' order record.
func decodeOrder(v string) ([]string, error) {
	d := decoder{s: v}
	if ids, ok := d.strings(); ok && d.end() {
		return ids, nil
	}
	var ids []string
	if err := json.Unmarshal([]byte(v), &ids); err != nil {
		return nil, err
	}
	return ids, nil
}

// decodeHistory reads the undo and redo stacks' record.
func decodeHistory(v string) (history, error) {
	var h history
	d := decoder{s: v}
	if d.history(&h) && d.end() {
		return h, nil
	}
	h = history{}
	if err := json.Unmarshal([]byte(v), &h); err != nil {
		return history{}, err
	}
	return h, nil
}

var (
	metaFields     = []string{"Version", "Schema", "Annotator", "Exercise", "Orphans"}
	schemaFields   = []string{"Labels", "Stances"}
	labelFields    = []string{"ID", "Name", "Color", "Key"}
	exerciseFields = []string{"ID", "Title", "Role", "Instructions"}
	historyFields  = []string{"Undo", "Redo"}
)

func (d *decoder) meta(m *meta) bool {
	return d.object(metaFields, func(n int) bool {
		switch n {
		case 0:
			v, ok := d.int()
			m.Version = v
			return ok
		case 1:
			return d.schema(&m.Schema)
		case 2:
			v, ok := d.str()
			m.Annotator = v
			return ok
		case 3:
			e := &m.Exercise
			strs := [...]*string{&e.ID, &e.Title, &e.Role, &e.Instructions}
			return d.object(exerciseFields, func(n int) bool {
				v, ok := d.str()
				*strs[n] = v
				return ok
			})
		}
		if d.null() {
			m.Orphans = nil
			return true
		}
		m.Orphans = []annotation.Annotation{}
		return d.array(func() bool {
			var a annotation.Annotation
			ok := d.annotation(&a)
			m.Orphans = append(m.Orphans, a)
			return ok
		})
	})
}

func (d *decoder) schema(s *annotation.Schema) bool {
	return d.object(schemaFields, func(n int) bool {
		if n == 1 {
			v, ok := d.strings()
			s.Stances = v
			return ok
		}
		if d.null() {
			s.Labels = nil
			return true
		}
		s.Labels = []annotation.Label{}
		return d.array(func() bool {
			var l annotation.Label
			strs := [...]*string{&l.ID, &l.Name, &l.Color, &l.Key}
			ok := d.object(labelFields, func(n int) bool {
				v, ok := d.str()
				*strs[n] = v
				return ok
			})
			s.Labels = append(s.Labels, l)
			return ok
		})
	})
}

// strings reads an array of strings, or null (nil).
func (d *decoder) strings() ([]string, bool) {
	if d.null() {
		return nil, true
	}
	list := []string{}
	ok := d.array(func() bool {
		v, ok := d.str()
		list = append(list, v)
		return ok
	})
	return list, ok
}

// ints reads an array of integers, or null (nil).
func (d *decoder) ints() ([]int, bool) {
	if d.null() {
		return nil, true
	}
	list := []int{}
	ok := d.array(func() bool {
		v, ok := d.int()
		list = append(list, v)
		return ok
	})
	return list, ok
}

func (d *decoder) history(h *history) bool {
	return d.object(historyFields, func(n int) bool {
		v, ok := d.ints()
		if n == 0 {
			h.Undo = v
		} else {
			h.Redo = v
		}
		return ok
	})
}
