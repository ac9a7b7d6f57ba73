package annotation

import (
	"fmt"
	"slices"
	"strings"

	"sayso/internal/text"
)

// Editing a document's text after annotating it: web clutter taken out, a
// typo fixed. The text is replaced and every annotation of the document
// goes where a Placer says (package textedit finds the places with the
// re-anchoring an import uses), in one undoable change: undo brings back
// the old text and every annotation exactly.

// Placement is where an annotation of an edited text goes.
type Placement struct {
	// Fragments are its fragments in the new text; nil when its text is
	// gone and it becomes an orphan (kept under “Not placed”).
	Fragments []text.Span
	// Anchored is how it was found again when the edit touched its text
	// (one of AnchoredBy), with Confidence in percent; "" when it only
	// moved with the text around it.
	Anchored   string
	Confidence int
	// Why says why it could not be placed.
	Why string
}

// Placer finds an annotation of the old text in the new one.
type Placer func(a *Annotation, old, new *text.Index) Placement

// TextEdit reports what editing a text did to its annotations.
type TextEdit struct {
	Kept     int      // annotations whose text was untouched (moved with it, if at all)
	Anchored []string // ids of those the edit touched, found again (marked ≈)
	Orphaned []string // ids of those whose text is gone, now orphans
}

// ErrSameText is returned when an edit leaves the text as it was.
var ErrSameText = fmt.Errorf("the text is unchanged: %w", ErrInvalid)

// ReplaceText replaces the text of document doc with body (normalised, as
// AddDocument does) and places each of its annotations as place says:
// moved, re-anchored (marked, to be checked) or, when its text is gone,
// kept as an orphan; claims lose their links to mentions and cues that
// became orphans, and speakers left with no mention and no claim go. The
// document keeps its id, title and topic. It is one undoable change.
func (s *Store) ReplaceText(doc, body string, place Placer) (TextEdit, error) {
	e, ok := s.docByID[doc]
	if !ok {
		return TextEdit{}, tell(ErrNotFound, "There is no document %q.", doc)
	}
	body = text.Normalize(body)
	if strings.TrimSpace(body) == "" {
		return TextEdit{}, tell(ErrInvalid, "The text is empty: a document needs some text. To remove the document, use Documents.")
	}
	if body == e.doc.Text {
		return TextEdit{}, ErrSameText
	}
	old, x := e.index, text.NewIndex(body)
	var rep TextEdit
	type moved struct {
		a *Annotation
		p Placement
	}
	var placed []moved
	orphaned := map[string]bool{}
	for _, a := range e.sorted {
		p := place(a, old, x)
		if p.Fragments == nil {
			orphaned[a.ID] = true
			rep.Orphaned = append(rep.Orphaned, a.ID)
			continue
		}
		frags, err := checkFragments(p.Fragments, x.Len())
		if err != nil {
			orphaned[a.ID] = true
			rep.Orphaned = append(rep.Orphaned, a.ID)
			continue
		}
		p.Fragments = frags
		placed = append(placed, moved{a, p})
	}

	t := s.begin("edit text")
	now := s.now()
	before := append([]Annotation(nil), s.orphans...)
	var newOrphans []Annotation
	for _, a := range e.sorted {
		if orphaned[a.ID] {
			newOrphans = append(newOrphans, *a.clone())
		}
	}
	// Every annotation is taken out before any is put back: the sorted
	// list never mixes positions in the old text with the new ones (undo
	// and redo replay it in the same two halves).
	for i := len(e.sorted) - 1; i >= 0; i-- {
		t.removeAnn(e.sorted[i].ID)
	}
	for _, m := range placed {
		n := m.a.clone()
		n.Fragments = m.p.Fragments
		n.Quote = QuoteOf(x, n.Fragments)
		n.Prefix, n.Suffix = x.Context(n.Hull(), ContextLength)
		if m.p.Anchored != "" {
			n.Anchored, n.AnchorConfidence = m.p.Anchored, m.p.Confidence
			rep.Anchored = append(rep.Anchored, n.ID)
		} else {
			rep.Kept++
		}
		if orphaned[n.SpeakerMention] {
			n.SpeakerMention = ""
		}
		if orphaned[n.Cue] {
			n.Cue = ""
		}
		if !slices.Equal(n.Fragments, m.a.Fragments) || n.Anchored != m.a.Anchored || n.SpeakerMention != m.a.SpeakerMention || n.Cue != m.a.Cue {
			n.Modified = now
		}
		t.putAnn(n)
	}
	d := e.doc
	d.Text = body
	t.putDocument(d)
	// A speaker whose every mention and claim lost its text goes, as when
	// they are deleted; its orphans no longer name it.
	t.dropOrphanSpeakers()
	for i := range newOrphans {
		if _, ok := s.speakers[newOrphans[i].Speaker]; !ok {
			newOrphans[i].Speaker = ""
		}
	}
	after := append(append([]Annotation(nil), s.orphans...), newOrphans...)
	t.putOrphans(before, after)
	t.commit()
	return rep, nil
}

// orphansEdit replaces the list of orphans.
type orphansEdit struct{ before, after []Annotation }

// putOrphans replaces the orphans, within t.
func (t *tx) putOrphans(before, after []Annotation) {
	t.c.orphans = append(t.c.orphans, orphansEdit{before: before, after: after})
	t.s.orphans = after
	t.s.touch(MetaRecord)
}

// setDocument writes d over its document, with a new offset index when
// its text changed.
func (s *Store) setDocument(d Document) {
	e := s.docByID[d.ID]
	if e.doc.Text != d.Text {
		e.index = text.NewIndex(d.Text)
		s.touch(TextRecord(d.ID))
	}
	e.doc = d
	s.touch(DocumentRecord(d.ID))
}
