package annotation

import (
	"fmt"
	"maps"

	"sayso/internal/text"
)

// The journal and the history in storable form: what autosave needs to
// write only what changed, and to keep undo and redo across a reload.
// The project is saved as records, one per document, annotation and
// speaker plus a few for the rest; every write to the store notes the
// records it changed, and TakeTouched hands them over.

// Names of the records a store's changes touch.
const (
	MetaRecord    = "m" // schema, annotator, exercise, unplaced annotations
	OrderRecord   = "o" // the list of documents, in order
	HistoryRecord = "h" // the undo and redo stacks
)

// DocumentRecord names the record of document id (its text apart).
func DocumentRecord(id string) string { return "d/" + id }

// TextRecord names the record of document id's text.
func TextRecord(id string) string { return "t/" + id }

// AnnotationRecord names the record of annotation id.
func AnnotationRecord(id string) string { return "a/" + id }

// SpeakerRecord names the record of speaker id.
func SpeakerRecord(id string) string { return "s/" + id }

// maxTouched bounds the journal when nothing takes it: past it, every
// record counts as touched.
const maxTouched = 1 << 16

func (s *Store) touch(record string) {
	if s.touchedAll {
		return
	}
	if len(s.touched) >= maxTouched {
		s.touched, s.touchedAll = nil, true
		return
	}
	s.touched = append(s.touched, record)
}

// TakeTouched returns the records changed since the last call, each once,
// and forgets them; all is true when every record must be written (the
// store was just loaded, or too much changed to list).
func (s *Store) TakeTouched() (records []string, all bool) {
	all = s.touchedAll
	seen := make(map[string]bool, len(s.touched))
	for _, r := range s.touched {
		if !all && !seen[r] {
			seen[r] = true
			records = append(records, r)
		}
	}
	s.touched, s.touchedAll = nil, false
	return records, all
}

// Step is one undoable change in storable form. A document's text never
// changes, so Docs leave it out; a place edit carries the whole document
// when the document is not in the project (it was removed), so that undo
// can bring it back after a reload.
type Step struct {
	Serial   int
	Name     string
	Anns     []AnnotationEdit `json:",omitempty"`
	Speakers []SpeakerEdit    `json:",omitempty"`
	Docs     []DocumentEdit   `json:",omitempty"`
	Places   []PlaceEdit      `json:",omitempty"`
	Schema   []SchemaEdit     `json:",omitempty"`
	Orphans  []OrphansEdit    `json:",omitempty"`
}

// OrphansEdit is the list of unplaced annotations before and after.
type OrphansEdit struct{ Before, After []Annotation }

// AnnotationEdit is an annotation before and after a change (nil: absent).
type AnnotationEdit struct{ Before, After *Annotation }

// SpeakerEdit is a speaker before and after a change (nil: absent).
type SpeakerEdit struct{ Before, After *Speaker }

// DocumentEdit is a document before and after a change; the texts are
// left out ("" both) when the change kept the text.
type DocumentEdit struct{ Before, After Document }

// PlaceEdit moves document Doc from index From to To of the list (-1: out).
type PlaceEdit struct {
	Doc      string
	From, To int
	Document *Document `json:",omitempty"`
}

// SchemaEdit is the schema before and after a change.
type SchemaEdit struct{ Before, After Schema }

// History lists the serial numbers of the undo and redo stacks, bottom
// first (the last of Undo is undone next).
func (s *Store) History() (undo, redo []int) {
	for _, c := range s.undo {
		undo = append(undo, c.serial)
	}
	for _, c := range s.redo {
		redo = append(redo, c.serial)
	}
	return undo, redo
}

// Step returns the change numbered serial, in storable form.
func (s *Store) Step(serial int) (Step, bool) {
	for _, stack := range [][]*change{s.undo, s.redo} {
		for _, c := range stack {
			if c.serial == serial {
				return s.stepOf(c), true
			}
		}
	}
	return Step{}, false
}

func (s *Store) stepOf(c *change) Step {
	st := Step{Serial: c.serial, Name: c.name}
	for _, e := range c.anns {
		st.Anns = append(st.Anns, AnnotationEdit{Before: e.before, After: e.after})
	}
	for _, e := range c.spks {
		st.Speakers = append(st.Speakers, SpeakerEdit{Before: e.before, After: e.after})
	}
	for _, e := range c.docs {
		b, a := e.before, e.after
		if b.Text == a.Text {
			b.Text, a.Text = "", ""
		}
		st.Docs = append(st.Docs, DocumentEdit{Before: b, After: a})
	}
	for _, e := range c.places {
		p := PlaceEdit{Doc: e.entry.doc.ID, From: e.from, To: e.to}
		if _, in := s.docByID[p.Doc]; !in {
			d := e.entry.doc
			p.Document = &d
		}
		st.Places = append(st.Places, p)
	}
	for _, e := range c.schema {
		st.Schema = append(st.Schema, SchemaEdit{Before: e.before, After: e.after})
	}
	for _, e := range c.orphans {
		st.Orphans = append(st.Orphans, OrphansEdit{Before: e.before, After: e.after})
	}
	return st
}

// SetHistory replaces the undo and redo stacks (bottom first) with steps
// saved from a store that held this project. A step that names a document
// neither in the project nor carried by a step is refused, and the
// stacks are left empty.
func (s *Store) SetHistory(undo, redo []Step) error {
	entries := map[string]*docEntry{}
	for _, e := range s.docs {
		entries[e.doc.ID] = e
	}
	for _, st := range append(append([]Step(nil), undo...), redo...) {
		for _, p := range st.Places {
			if p.Document != nil && entries[p.Doc] == nil {
				entries[p.Doc] = &docEntry{doc: *p.Document, index: text.NewIndex(p.Document.Text)}
			}
		}
	}
	build := func(steps []Step) ([]*change, error) {
		var out []*change
		for _, st := range steps {
			c := &change{serial: st.Serial, name: st.Name}
			for _, e := range st.Anns {
				if e.Before == nil && e.After == nil {
					return nil, fmt.Errorf("step %d: an empty annotation edit: %w", st.Serial, ErrInvalid)
				}
				c.anns = append(c.anns, annEdit{before: e.Before, after: e.After})
				s.bumpIDs(e.Before, e.After)
			}
			for _, e := range st.Speakers {
				if e.Before == nil && e.After == nil {
					return nil, fmt.Errorf("step %d: an empty speaker edit: %w", st.Serial, ErrInvalid)
				}
				c.spks = append(c.spks, speakerEdit{before: e.Before, after: e.After})
				for _, sp := range []*Speaker{e.Before, e.After} {
					if sp != nil {
						if n, ok := numericSuffix(sp.ID, "s"); ok && n >= s.nextSpeaker {
							s.nextSpeaker = n + 1
						}
					}
				}
			}
			for _, e := range st.Docs {
				en := entries[e.Before.ID]
				if en == nil {
					return nil, fmt.Errorf("step %d: document %q: %w", st.Serial, e.Before.ID, ErrNotFound)
				}
				// Texts left out are filled in below (fillTexts).
				c.docs = append(c.docs, docEdit{before: e.Before, after: e.After})
			}
			for _, p := range st.Places {
				en := entries[p.Doc]
				if en == nil {
					return nil, fmt.Errorf("step %d: document %q: %w", st.Serial, p.Doc, ErrNotFound)
				}
				if n, ok := numericSuffix(p.Doc, "d"); ok && n >= s.nextDoc {
					s.nextDoc = n + 1
				}
				c.places = append(c.places, placeEdit{entry: en, from: p.From, to: p.To})
			}
			for _, e := range st.Schema {
				c.schema = append(c.schema, schemaEdit{before: e.Before, after: e.After})
			}
			for _, e := range st.Orphans {
				c.orphans = append(c.orphans, orphansEdit{before: e.Before, after: e.After})
			}
			s.serial = max(s.serial, st.Serial)
			out = append(out, c)
		}
		return out, nil
	}
	u, err := build(undo)
	if err != nil {
		return fmt.Errorf("restore the undo history: %w", err)
	}
	r, err := build(redo)
	if err != nil {
		return fmt.Errorf("restore the redo history: %w", err)
	}
	fillTexts(entries, u, r)
	s.undo, s.redo = u, r
	return nil
}

// fillTexts gives the document edits stored without their text (the
// change kept it) the text the document had when the change ran: walking
// back through the undo stack from the texts now, and forward through the
// redo stack, as edits of the text change it.
func fillTexts(entries map[string]*docEntry, undo, redo []*change) {
	now := map[string]string{}
	for id, e := range entries {
		now[id] = e.doc.Text
	}
	fill := func(c *change, forward bool) {
		for i := range c.docs {
			e := &c.docs[i]
			if e.before.Text == "" && e.after.Text == "" {
				e.before.Text, e.after.Text = now[e.before.ID], now[e.before.ID]
				continue
			}
			if forward {
				now[e.after.ID] = e.after.Text
			} else {
				now[e.before.ID] = e.before.Text
			}
		}
	}
	back := maps.Clone(now)
	for i := len(undo) - 1; i >= 0; i-- {
		fill(undo[i], false)
	}
	now = back
	for i := len(redo) - 1; i >= 0; i-- {
		fill(redo[i], true)
	}
}

// bumpIDs keeps new annotation ids clear of those the history holds.
func (s *Store) bumpIDs(as ...*Annotation) {
	for _, a := range as {
		if a == nil {
			continue
		}
		if n, ok := numericSuffix(a.ID, "a"); ok && n >= s.nextAnn {
			s.nextAnn = n + 1
		}
	}
}

// TrimHistory keeps only the last n undo steps.
func (s *Store) TrimHistory(n int) {
	if len(s.undo) > n {
		s.undo = append([]*change(nil), s.undo[len(s.undo)-n:]...)
	}
}
