package annotation

import (
	"slices"
	"strings"

	"sayso/internal/wording"
)

// The document list: rename, reorder, remove and mark done. Each call is
// one undoable change; a call that changes nothing leaves no undo step.
// Adding a document (AddDocument) is not undoable: documents are added
// at the end of the list, so the places the changes record stay right.

// RenameDocument changes a document's title (trimmed; it may not be empty).
// The topic is left as it is.
func (s *Store) RenameDocument(id, title string) error {
	e, err := s.documentEntry(id)
	if err != nil {
		return err
	}
	title = strings.TrimSpace(title)
	if title == "" {
		return tell(ErrInvalid, "A document needs a title.")
	}
	d := e.doc
	d.Title = title
	t := s.begin("rename document")
	t.putDocument(d)
	t.commit()
	return nil
}

// SetDocumentDone marks a document finished (or not).
func (s *Store) SetDocumentDone(id string, done bool) error {
	e, err := s.documentEntry(id)
	if err != nil {
		return err
	}
	d := e.doc
	d.Done = done
	name := "mark done"
	if !done {
		name = "mark not done"
	}
	t := s.begin(name)
	t.putDocument(d)
	t.commit()
	return nil
}

// MoveDocument moves a document to position toIndex (from 0) of the
// document list; the others keep their order. The order is the project's:
// exports list the documents in it.
func (s *Store) MoveDocument(id string, toIndex int) error {
	e, err := s.documentEntry(id)
	if err != nil {
		return err
	}
	if toIndex < 0 || toIndex >= len(s.docs) {
		return tell(ErrInvalid, "Position %d is outside the document list, which has %s.",
			toIndex+1, wording.Count(len(s.docs), "document"))
	}
	t := s.begin("move document")
	t.placeDocument(e, toIndex)
	t.commit()
	return nil
}

// RemoveDocument removes a document with its annotations. Speaker entities
// that no annotation refers to any more (those only this document's
// mentions and claims named) go too; those another document uses stay.
// Undo brings all of it back: same ids, same places.
func (s *Store) RemoveDocument(id string) error {
	e, err := s.documentEntry(id)
	if err != nil {
		return err
	}
	t := s.begin("remove document")
	// Last first: removing from the end of the sorted list moves nothing,
	// and undo puts them back at the end in reading order.
	for i := len(e.sorted) - 1; i >= 0; i-- {
		t.removeAnn(e.sorted[i].ID)
	}
	t.dropOrphanSpeakers()
	t.placeDocument(e, -1)
	t.commit()
	return nil
}

// AnnotationCount is the number of annotations of a document (0 for a
// document that does not exist).
func (s *Store) AnnotationCount(doc string) int {
	if e, ok := s.docByID[doc]; ok {
		return len(e.sorted)
	}
	return 0
}

// documentEntry returns the entry of document id, or an error saying that
// there is no such document.
func (s *Store) documentEntry(id string) (*docEntry, error) {
	e, ok := s.docByID[id]
	if !ok {
		return nil, tell(ErrNotFound, "There is no document %q.", id)
	}
	return e, nil
}

// placeDocument moves e to index to of the document list, or takes it out
// with -1, within t.
func (t *tx) placeDocument(e *docEntry, to int) {
	from := t.s.documentIndex(e.doc.ID)
	t.c.places = append(t.c.places, placeEdit{entry: e, from: from, to: to})
	t.s.placeDocument(e, to)
}

// placeDocument puts document entry e at index to of the list (clamped to
// the list), wherever it was, or takes it out of the store with to < 0.
// The entry keeps its offset index and, once its annotations are written
// back, its sorted list.
func (s *Store) placeDocument(e *docEntry, to int) {
	s.touch(OrderRecord)
	s.touch(DocumentRecord(e.doc.ID))
	if i := s.documentIndex(e.doc.ID); i >= 0 {
		s.docs = slices.Delete(s.docs, i, i+1)
	}
	if to < 0 {
		delete(s.docByID, e.doc.ID)
		return
	}
	s.docs = slices.Insert(s.docs, min(to, len(s.docs)), e)
	s.docByID[e.doc.ID] = e
}

// documentIndex is the place of document id in the list, or -1.
func (s *Store) documentIndex(id string) int {
	return slices.IndexFunc(s.docs, func(e *docEntry) bool { return e.doc.ID == id })
}
