package annotation

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"sayso/internal/text"
)

// Project returns the whole project as plain values in a stable order:
// documents as added, speakers by id, annotations by document and reading
// order.
func (s *Store) Project() Project {
	p := Project{Schema: s.schema.Clone(), Annotator: s.annotator, Exercise: s.exercise}
	if len(s.anns) > 0 {
		// Made once: doubling a list of 10,000 annotations copied it
		// again and again (an export's largest cost in the browser after
		// the encoding).
		p.Annotations = make([]Annotation, 0, len(s.anns))
	}
	for _, e := range s.docs {
		p.Documents = append(p.Documents, e.doc)
		for _, a := range e.sorted {
			c := a.clone()
			p.Annotations = append(p.Annotations, *c)
		}
	}
	for _, sp := range s.speakers {
		p.Speakers = append(p.Speakers, *sp)
	}
	sort.Slice(p.Speakers, func(i, j int) bool { return idLess(p.Speakers[i].ID, p.Speakers[j].ID) })
	for _, o := range s.orphans {
		p.Orphans = append(p.Orphans, *o.clone())
	}
	return p
}

// Problems collects every reason a project cannot be loaded.
type Problems []string

func (p Problems) Error() string {
	const shown = 10
	if len(p) <= shown {
		return strings.Join(p, "; ")
	}
	return strings.Join(p[:shown], "; ") + fmt.Sprintf("; and %d more problems", len(p)-shown)
}

// Load builds a store from a project after checking it whole: ids unique,
// labels and stances in the schema, fragments inside the text, quotes equal
// to the text they point at, links pointing at annotations and speakers
// that exist (mentions and cues of the same document, a claim's speaker
// that of its mention), and every speaker mention naming a speaker. On any problem it returns a Problems error naming each one,
// and no store.
func Load(p Project, clock func() time.Time) (*Store, error) {
	s := New(p.Schema, p.Annotator, clock)
	s.exercise = p.Exercise
	var probs Problems
	add := func(format string, args ...any) { probs = append(probs, fmt.Sprintf(format, args...)) }

	if len(p.Schema.Labels) == 0 {
		add("the schema has no labels")
	}
	for _, d := range p.Documents {
		switch {
		case d.ID == "":
			add("a document has no id")
		case s.docByID[d.ID] != nil:
			add("document id %q is used twice", d.ID)
		case d.Text != text.Normalize(d.Text):
			add("document %q contains carriage returns", d.ID)
		default:
			s.putDocument(d)
			if n, ok := numericSuffix(d.ID, "d"); ok && n >= s.nextDoc {
				s.nextDoc = n + 1
			}
		}
	}
	for _, sp := range p.Speakers {
		switch {
		case sp.ID == "":
			add("a speaker has no id")
		case s.speakers[sp.ID] != nil:
			add("speaker id %q is used twice", sp.ID)
		default:
			v := sp
			s.speakers[sp.ID] = &v
			if n, ok := numericSuffix(sp.ID, "s"); ok && n >= s.nextSpeaker {
				s.nextSpeaker = n + 1
			}
		}
	}
	for i := range p.Annotations {
		a := p.Annotations[i].clone()
		if msg := s.checkLoaded(a); msg != "" {
			add("annotation %q: %s", a.ID, msg)
			continue
		}
		s.loadAnn(a)
		if n, ok := numericSuffix(a.ID, "a"); ok && n >= s.nextAnn {
			s.nextAnn = n + 1
		}
	}
	for _, e := range s.docs {
		slices.SortFunc(e.sorted, annCompare)
	}
	// Links are checked once every annotation is in.
	for _, a := range p.Annotations {
		if _, ok := s.anns[a.ID]; !ok {
			continue
		}
		if msg := s.checkLinks(&a); msg != "" {
			add("annotation %q: %s", a.ID, msg)
		}
	}
	for i := range p.Orphans {
		o := p.Orphans[i].clone()
		if n, ok := numericSuffix(o.ID, "a"); ok && n >= s.nextAnn {
			s.nextAnn = n + 1
		}
		s.orphans = append(s.orphans, *o)
	}
	s.touch(MetaRecord)
	s.dirty = nil
	s.touched, s.touchedAll = nil, true // a loaded store is saved whole
	if len(probs) > 0 {
		return nil, probs
	}
	return s, nil
}

// loadAnn files annotation a of a project being loaded; Load puts each
// document's list in reading order once all are in. (Inserting each in
// place, as a change does, moved half the list for every annotation of
// a project restored in key order, and recorded changes Load forgets.)
func (s *Store) loadAnn(a *Annotation) {
	e := s.docByID[a.Document]
	e.sorted = append(e.sorted, a)
	if n := a.Hull().Len(); n > e.maxHull {
		e.maxHull = n
	}
	s.anns[a.ID] = a
}

// annCompare orders annotations as annLess does.
func annCompare(a, b *Annotation) int {
	switch {
	case annLess(a, b):
		return -1
	case annLess(b, a):
		return 1
	}
	return 0
}

// checkLoaded checks one annotation of a loaded project on its own.
func (s *Store) checkLoaded(a *Annotation) string {
	if a.ID == "" {
		return "it has no id"
	}
	if _, dup := s.anns[a.ID]; dup {
		return "the id is used twice"
	}
	e, ok := s.docByID[a.Document]
	if !ok {
		return fmt.Sprintf("document %q does not exist", a.Document)
	}
	if _, ok := s.schema.Label(a.Label); !ok {
		return fmt.Sprintf("label %q is not in the schema", a.Label)
	}
	if _, err := checkFragments(a.Fragments, e.index.Len()); err != nil {
		return err.Error()
	}
	if got := QuoteOf(e.index, a.Fragments); got != a.Quote {
		return fmt.Sprintf("quote %q does not match the text at %s, which reads %q",
			clip(a.Quote), fragmentsString(a.Fragments), clip(got))
	}
	if a.Stance != "" && !s.schema.HasStance(a.Stance) {
		return fmt.Sprintf("stance %q is not in the schema", a.Stance)
	}
	return ""
}

func (s *Store) checkLinks(a *Annotation) string {
	var msgs []string
	if a.Speaker != "" {
		if _, ok := s.speakers[a.Speaker]; !ok {
			msgs = append(msgs, fmt.Sprintf("speaker %q does not exist", a.Speaker))
		}
	}
	// A speaker mention without a speaker is undecided: several speakers
	// could be meant and the person has not chosen yet.
	// The operations keep links inside a document (Delete only looks there)
	// and a claim's speaker equal to its mention's.
	if a.SpeakerMention != "" {
		m, ok := s.anns[a.SpeakerMention]
		switch {
		case !ok || m.Label != LabelSpeaker:
			msgs = append(msgs, fmt.Sprintf("speaker mention %q is not a speaker annotation", a.SpeakerMention))
		case m.Document != a.Document:
			msgs = append(msgs, fmt.Sprintf("speaker mention %q is in another document", a.SpeakerMention))
		case m.Speaker != a.Speaker:
			msgs = append(msgs, fmt.Sprintf("speaker %q is not the speaker %q of its speaker mention %q", a.Speaker, m.Speaker, m.ID))
		}
	}
	if a.Cue != "" {
		c, ok := s.anns[a.Cue]
		switch {
		case !ok || c.Label != LabelCue:
			msgs = append(msgs, fmt.Sprintf("cue %q is not a cue annotation", a.Cue))
		case c.Document != a.Document:
			msgs = append(msgs, fmt.Sprintf("cue %q is in another document", a.Cue))
		}
	}
	return strings.Join(msgs, ", ")
}

func fragmentsString(fs []text.Span) string {
	parts := make([]string, len(fs))
	for i, f := range fs {
		parts[i] = fmt.Sprintf("%d–%d", f.Start, f.End)
	}
	return strings.Join(parts, ", ")
}

// clip shortens s for a message.
func clip(s string) string {
	r := []rune(s)
	if len(r) <= 60 {
		return s
	}
	return string(r[:57]) + "…"
}

// IsProblems reports whether err carries a list of load problems.
func IsProblems(err error) (Problems, bool) {
	var p Problems
	ok := errors.As(err, &p)
	return p, ok
}
