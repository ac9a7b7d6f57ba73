package annotation

import (
	"fmt"
	"reflect"
	"sort"
)

// A change is one undoable operation: the values it replaced and the values
// it wrote, for annotations, speakers and documents, the places of the
// documents it added, removed or moved, and the schema. A nil value means
// "absent". Undo writes the befores back in reverse order; redo writes the
// afters in order. Within a change, documents are placed after annotations
// and speakers are written (so that an annotation never lives in an absent
// document) and the schema is written last.
type change struct {
	serial int // numbers the changes of a store, for saving (journal.go)
	name   string
	anns   []annEdit
	spks   []speakerEdit
	docs   []docEdit
	places []placeEdit
	schema []schemaEdit
	// orphans replace the list of unplaced annotations (an edited text
	// leaves some there).
	orphans []orphansEdit
}

type annEdit struct{ before, after *Annotation }
type speakerEdit struct{ before, after *Speaker }
type docEdit struct{ before, after Document }

// placeEdit moves a document from index from of the document list to index
// to; -1 means "not in the list".
type placeEdit struct {
	entry    *docEntry
	from, to int
}

type schemaEdit struct{ before, after Schema }

// tx builds a change, applying each edit as it is recorded.
type tx struct {
	s *Store
	c *change
}

func (s *Store) begin(name string) *tx {
	return &tx{s: s, c: &change{name: name}}
}

// putAnn writes a (a new value; the caller must not keep it).
func (t *tx) putAnn(a *Annotation) {
	before := t.s.anns[a.ID]
	t.c.anns = append(t.c.anns, annEdit{before: before, after: a})
	t.s.writeAnn(a.ID, a)
}

func (t *tx) removeAnn(id string) {
	before := t.s.anns[id]
	if before == nil {
		return
	}
	t.c.anns = append(t.c.anns, annEdit{before: before})
	t.s.writeAnn(id, nil)
}

func (t *tx) putSpeaker(sp *Speaker) {
	t.c.spks = append(t.c.spks, speakerEdit{before: t.s.speakers[sp.ID], after: sp})
	t.s.writeSpeaker(sp.ID, sp)
}

func (t *tx) removeSpeaker(id string) {
	before := t.s.speakers[id]
	if before == nil {
		return
	}
	t.c.spks = append(t.c.spks, speakerEdit{before: before})
	t.s.writeSpeaker(id, nil)
}

func (t *tx) putDocument(d Document) {
	e := t.s.docByID[d.ID]
	t.c.docs = append(t.c.docs, docEdit{before: e.doc, after: d})
	t.s.setDocument(d)
}

// dropOrphanSpeakers removes the speakers this change stopped referring to
// when nothing else refers to them any more.
func (t *tx) dropOrphanSpeakers() {
	candidates := map[string]bool{}
	for _, e := range t.c.anns {
		if e.before != nil && e.before.Speaker != "" {
			candidates[e.before.Speaker] = true
		}
	}
	if len(candidates) == 0 {
		return
	}
	for _, a := range t.s.anns {
		delete(candidates, a.Speaker)
	}
	ids := make([]string, 0, len(candidates))
	for id := range candidates {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		t.removeSpeaker(id)
	}
}

// commit records the change for undo. A change that changed nothing (but
// modification times) is taken back and leaves no undo step.
func (t *tx) commit() {
	if t.changesNothing() {
		t.rollback()
		return
	}
	t.s.serial++
	t.c.serial = t.s.serial
	t.s.undo = append(t.s.undo, t.c)
	t.s.redo = nil
	t.s.revision++
	t.s.touch(HistoryRecord)
}

func (t *tx) changesNothing() bool {
	for _, e := range t.c.anns {
		if e.before == nil || e.after == nil {
			return false
		}
		b, a := *e.before, *e.after
		b.Modified, a.Modified = "", ""
		if !reflect.DeepEqual(b, a) {
			return false
		}
	}
	for _, e := range t.c.spks {
		if e.before == nil || e.after == nil || *e.before != *e.after {
			return false
		}
	}
	for _, e := range t.c.docs {
		if e.before != e.after {
			return false
		}
	}
	for _, e := range t.c.places {
		if e.from != e.to {
			return false
		}
	}
	for _, e := range t.c.schema {
		if !reflect.DeepEqual(e.before, e.after) {
			return false
		}
	}
	for _, e := range t.c.orphans {
		if !reflect.DeepEqual(e.before, e.after) {
			return false
		}
	}
	return true
}

// rollback undoes what the transaction applied so far.
func (t *tx) rollback() {
	t.s.revert(t.c)
}

func (s *Store) revert(c *change) {
	for i := len(c.orphans) - 1; i >= 0; i-- {
		s.orphans = c.orphans[i].before
		s.touch(MetaRecord)
	}
	for i := len(c.schema) - 1; i >= 0; i-- {
		s.writeSchema(c.schema[i].before)
	}
	for i := len(c.places) - 1; i >= 0; i-- {
		s.placeDocument(c.places[i].entry, c.places[i].from)
	}
	for i := len(c.docs) - 1; i >= 0; i-- {
		s.setDocument(c.docs[i].before)
	}
	for i := len(c.spks) - 1; i >= 0; i-- {
		e := c.spks[i]
		s.writeSpeaker(speakerID(e), e.before)
	}
	for i := len(c.anns) - 1; i >= 0; i-- {
		e := c.anns[i]
		s.writeAnn(annID(e), e.before)
	}
}

func (s *Store) reapply(c *change) {
	for _, e := range c.anns {
		s.writeAnn(annID(e), e.after)
	}
	for _, e := range c.spks {
		s.writeSpeaker(speakerID(e), e.after)
	}
	for _, e := range c.docs {
		s.setDocument(e.after)
	}
	for _, e := range c.places {
		s.placeDocument(e.entry, e.to)
	}
	for _, e := range c.schema {
		s.writeSchema(e.after)
	}
	for _, e := range c.orphans {
		s.orphans = e.after
		s.touch(MetaRecord)
	}
}

func annID(e annEdit) string {
	if e.after != nil {
		return e.after.ID
	}
	return e.before.ID
}

func speakerID(e speakerEdit) string {
	if e.after != nil {
		return e.after.ID
	}
	return e.before.ID
}

// Undo reverts the last change and returns its name.
func (s *Store) Undo() (string, error) {
	if len(s.undo) == 0 {
		return "", fmt.Errorf("undo: %w", ErrNothingToUndo)
	}
	c := s.undo[len(s.undo)-1]
	s.undo = s.undo[:len(s.undo)-1]
	s.revert(c)
	s.redo = append(s.redo, c)
	s.revision++
	s.touch(HistoryRecord)
	return c.name, nil
}

// Redo applies the last undone change again and returns its name.
func (s *Store) Redo() (string, error) {
	if len(s.redo) == 0 {
		return "", fmt.Errorf("redo: %w", ErrNothingToUndo)
	}
	c := s.redo[len(s.redo)-1]
	s.redo = s.redo[:len(s.redo)-1]
	s.reapply(c)
	s.undo = append(s.undo, c)
	s.revision++
	s.touch(HistoryRecord)
	return c.name, nil
}

// CanUndo reports whether there is a change to undo, and its name.
func (s *Store) CanUndo() (string, bool) {
	if len(s.undo) == 0 {
		return "", false
	}
	return s.undo[len(s.undo)-1].name, true
}

// CanRedo reports whether there is a change to redo, and its name.
func (s *Store) CanRedo() (string, bool) {
	if len(s.redo) == 0 {
		return "", false
	}
	return s.redo[len(s.redo)-1].name, true
}

// writeAnn replaces (or, with nil, removes) an annotation, keeping the
// document's sorted list and the dirty list up to date.
func (s *Store) writeAnn(id string, a *Annotation) {
	s.touch(AnnotationRecord(id))
	if old := s.anns[id]; old != nil {
		e := s.docByID[old.Document]
		i := sort.Search(len(e.sorted), func(i int) bool { return !annLess(e.sorted[i], old) })
		if i < len(e.sorted) && e.sorted[i] == old {
			e.sorted = append(e.sorted[:i], e.sorted[i+1:]...)
		}
		s.dirty = append(s.dirty, Dirty{Doc: old.Document, Span: old.Hull()})
		delete(s.anns, id)
	}
	if a == nil {
		return
	}
	e := s.docByID[a.Document]
	i := sort.Search(len(e.sorted), func(i int) bool { return !annLess(e.sorted[i], a) })
	e.sorted = append(e.sorted, nil)
	copy(e.sorted[i+1:], e.sorted[i:])
	e.sorted[i] = a
	if n := a.Hull().Len(); n > e.maxHull {
		e.maxHull = n
	}
	s.anns[id] = a
	s.dirty = append(s.dirty, Dirty{Doc: a.Document, Span: a.Hull()})
}

func (s *Store) writeSpeaker(id string, sp *Speaker) {
	s.touch(SpeakerRecord(id))
	if sp == nil {
		delete(s.speakers, id)
		return
	}
	s.speakers[id] = sp
}
