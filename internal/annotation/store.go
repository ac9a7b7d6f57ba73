package annotation

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"sayso/internal/text"
)

// Errors the store's operations return (wrapped with context).
var (
	ErrNotFound      = errors.New("not found")
	ErrInvalid       = errors.New("invalid")
	ErrWrongLabel    = errors.New("wrong label")
	ErrEmptySpan     = errors.New("empty span")
	ErrOutsideText   = errors.New("outside the text")
	ErrNothingToUndo = errors.New("nothing to undo")
)

// Dirty names a stretch of a document whose rendering an operation changed.
type Dirty struct {
	Doc  string
	Span text.Span
}

// docEntry is a document with its offset index and its annotations sorted
// by position.
type docEntry struct {
	doc     Document
	index   *text.Index
	sorted  []*Annotation
	maxHull int // longest hull ever seen: bounds overlap searches
}

// Store holds a project and changes it through operations that can be undone
// and redone. It is not safe for concurrent use.
type Store struct {
	schema    Schema
	annotator string
	exercise  ExerciseRef
	clock     func() time.Time

	docs     []*docEntry
	docByID  map[string]*docEntry
	speakers map[string]*Speaker
	anns     map[string]*Annotation
	orphans  []Annotation

	nextAnn, nextSpeaker, nextDoc int

	undo, redo []*change
	dirty      []Dirty
	revision   int
	// touched lists the records changed since TakeTouched (journal.go).
	touched    []string
	touchedAll bool // every record: too many to list, or a store just loaded
	serial     int  // of the last change recorded for undo (journal.go)
}

// New returns an empty store. clock supplies timestamps (time.Now in the
// app, a fixed clock in tests).
func New(schema Schema, annotator string, clock func() time.Time) *Store {
	return &Store{
		schema:    schema.Clone(),
		annotator: annotator,
		clock:     clock,
		docByID:   map[string]*docEntry{},
		speakers:  map[string]*Speaker{},
		anns:      map[string]*Annotation{},
		nextAnn:   1, nextSpeaker: 1, nextDoc: 1,
	}
}

// Schema returns the store's schema.
func (s *Store) Schema() Schema { return s.schema.Clone() }

// Annotator is the name stored in new annotations.
func (s *Store) Annotator() string { return s.annotator }

// SetAnnotator changes the name stored in annotations made from now on.
// The name is part of the project, so a new one counts as a revision.
func (s *Store) SetAnnotator(name string) {
	if name != s.annotator {
		s.annotator = name
		s.revision++
		s.touch(MetaRecord)
	}
}

// Exercise names the exercise the project belongs to (zero if none).
func (s *Store) Exercise() ExerciseRef { return s.exercise }

// SetExercise records the exercise the project belongs to. Like
// SetAnnotator it cannot be undone and counts as a revision.
func (s *Store) SetExercise(e ExerciseRef) {
	if e != s.exercise {
		s.exercise = e
		s.revision++
		s.touch(MetaRecord)
	}
}

// Revision counts the changes applied (documents added, the annotator and
// the exercise set included), undos and redos included; it tells
// autosave whether there is something new to write.
func (s *Store) Revision() int { return s.revision }

// TakeDirty returns the stretches changed since the last call and forgets them.
func (s *Store) TakeDirty() []Dirty {
	d := s.dirty
	s.dirty = nil
	return d
}

// AddDocument adds a document. The text is normalised; title and text are
// otherwise kept as given. Adding a document is not an undoable operation.
func (s *Store) AddDocument(title, body string) (string, error) {
	return s.AddDocumentTopic(title, body, strings.TrimSpace(title))
}

// AddDocumentTopic adds a document as AddDocument does, with the given
// topic ("" for none: the page's pasted articles start with none, since a
// headline is rarely what their claims argue for or against).
func (s *Store) AddDocumentTopic(title, body, topic string) (string, error) {
	body = text.Normalize(body)
	if strings.TrimSpace(body) == "" {
		return "", fmt.Errorf("add document: the text is empty: %w", ErrInvalid)
	}
	id := "d" + strconv.Itoa(s.nextDoc)
	s.nextDoc++
	s.putDocument(Document{ID: id, Title: title, Text: body, Topic: topic})
	s.revision++ // autosave must write the new document
	return id, nil
}

func (s *Store) putDocument(d Document) *docEntry {
	e := &docEntry{doc: d, index: text.NewIndex(d.Text)}
	s.docs = append(s.docs, e)
	s.docByID[d.ID] = e
	s.touch(OrderRecord)
	s.touch(DocumentRecord(d.ID))
	return e
}

// Documents returns the documents in order. The values must not be changed.
func (s *Store) Documents() []*Document {
	out := make([]*Document, len(s.docs))
	for i, e := range s.docs {
		out[i] = &e.doc
	}
	return out
}

// Document returns a document and its offset index.
func (s *Store) Document(id string) (*Document, *text.Index, bool) {
	e, ok := s.docByID[id]
	if !ok {
		return nil, nil, false
	}
	return &e.doc, e.index, true
}

// Annotation returns the annotation with the given id. It must not be changed.
func (s *Store) Annotation(id string) (*Annotation, bool) {
	a, ok := s.anns[id]
	return a, ok
}

// Len is the number of annotations in the project.
func (s *Store) Len() int { return len(s.anns) }

// Annotations returns a document's annotations in reading order (start,
// longer first, id). The slice and its values must not be changed, and the
// slice is valid only until the next change.
func (s *Store) Annotations(doc string) []*Annotation {
	if e, ok := s.docByID[doc]; ok {
		return e.sorted
	}
	return nil
}

// Overlapping returns the annotations of doc whose hull overlaps sp, in
// reading order. An empty span overlaps nothing (see text.Span.Overlaps).
func (s *Store) Overlapping(doc string, sp text.Span) []*Annotation {
	e, ok := s.docByID[doc]
	if !ok || sp.Len() == 0 {
		return nil
	}
	// Annotations starting at or after sp.End cannot overlap; those starting
	// before sp.Start-maxHull cannot reach it.
	hi := sort.Search(len(e.sorted), func(i int) bool { return e.sorted[i].Hull().Start >= sp.End })
	lo := sort.Search(hi, func(i int) bool { return e.sorted[i].Hull().Start >= sp.Start-e.maxHull })
	var out []*Annotation
	for _, a := range e.sorted[lo:hi] {
		if a.Hull().End > sp.Start {
			out = append(out, a)
		}
	}
	return out
}

// Orphans returns the annotations an import could not place.
func (s *Store) Orphans() []Annotation { return s.orphans }

// DropOrphans forgets the annotations an import could not place.
func (s *Store) DropOrphans() {
	if len(s.orphans) > 0 {
		s.orphans = nil
		s.revision++
		s.touch(MetaRecord)
	}
}

// Speakers returns the speaker entities ordered by name, then id.
func (s *Store) Speakers() []*Speaker {
	type keyed struct {
		name string // normalizeName, once per speaker rather than per comparison
		sp   *Speaker
	}
	list := make([]keyed, 0, len(s.speakers))
	for _, sp := range s.speakers {
		list = append(list, keyed{normalizeName(sp.Name), sp})
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].name != list[j].name {
			return list[i].name < list[j].name
		}
		return idLess(list[i].sp.ID, list[j].sp.ID)
	})
	out := make([]*Speaker, len(list))
	for i, k := range list {
		out[i] = k.sp
	}
	return out
}

// Speaker returns the speaker entity with the given id.
func (s *Store) Speaker(id string) (*Speaker, bool) {
	sp, ok := s.speakers[id]
	return sp, ok
}

// SpeakerByName finds a speaker entity by name, ignoring case and runs of
// white space.
func (s *Store) SpeakerByName(name string) (*Speaker, bool) {
	n := normalizeName(name)
	for _, sp := range s.Speakers() {
		if normalizeName(sp.Name) == n {
			return sp, true
		}
	}
	return nil, false
}

// idLess orders ids like "a2" < "a10": by length, then lexically.
func idLess(a, b string) bool {
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return a < b
}

// annLess is the reading order of annotations within a document.
func annLess(a, b *Annotation) bool {
	ha, hb := a.Hull(), b.Hull()
	if ha.Start != hb.Start {
		return ha.Start < hb.Start
	}
	if ha.End != hb.End {
		return ha.End > hb.End
	}
	return idLess(a.ID, b.ID)
}

func (s *Store) now() string {
	return s.clock().UTC().Format(time.RFC3339)
}

// numericSuffix returns n for ids of the form prefix+n.
func numericSuffix(id, prefix string) (int, bool) {
	if !strings.HasPrefix(id, prefix) {
		return 0, false
	}
	n, err := strconv.Atoi(id[len(prefix):])
	return n, err == nil && n > 0
}

// RemoveOrphan forgets the unplaced annotation at index i (it was placed
// by hand, or dropped). Like DropOrphans, it is not an undo step.
func (s *Store) RemoveOrphan(i int) {
	if i >= 0 && i < len(s.orphans) {
		s.orphans = append(s.orphans[:i:i], s.orphans[i+1:]...)
		s.revision++
		s.touch(MetaRecord)
	}
}
