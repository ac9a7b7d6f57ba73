package annotation

import (
	"sayso/internal/text"
)

// Document is one text of a project.
type Document struct {
	ID    string
	Title string
	Text  string // normalised (see text.Normalize); changed only by ReplaceText
	Topic string // the default stance target of the document's claims
	Done  bool   // the annotator marked the document finished
}

// Speaker is a speaker entity: the person or body a claim comes from. Speaker
// annotations are its mentions in the text.
type Speaker struct {
	ID   string
	Name string
}

// Annotation is a labelled span of a document, possibly discontinuous.
type Annotation struct {
	ID        string
	Document  string
	Label     string
	Fragments []text.Span // sorted, non-overlapping, non-empty
	Quote     string      // the fragments' text joined with QuoteJoiner
	Prefix    string      // context before the first fragment
	Suffix    string      // context after the last fragment

	// Claims only.
	Stance         string // one of the schema's stance values, or ""
	Target         string // what the stance is toward
	SpeakerMention string // id of the speaker annotation the claim is linked to, or ""
	Cue            string // id of the claim's cue annotation, or ""

	// Speaker is, for a claim, the speaker entity it is attributed to and,
	// for a speaker annotation, the entity it mentions.
	Speaker string

	Note      string
	Annotator string
	Created   string // RFC 3339, UTC
	Modified  string // RFC 3339, UTC

	// Anchored says how an import found the annotation again in a changed
	// text (one of AnchoredBy), with AnchorConfidence in percent; "" when
	// it was not moved, or once the person confirmed it (ConfirmAnchor).
	Anchored         string
	AnchorConfidence int
}

// AnchoredBy lists the ways an import re-finds an annotation in a changed
// text (see package anchor): its quote alone, its context, a close match.
var AnchoredBy = []string{"quote", "context", "fuzzy"}

// QuoteJoiner joins the text of a discontinuous annotation's fragments.
const QuoteJoiner = " … "

// ContextLength is the number of code points kept as prefix and suffix.
const ContextLength = 32

// Hull is the smallest span covering every fragment.
func (a *Annotation) Hull() text.Span {
	if len(a.Fragments) == 0 {
		return text.Span{}
	}
	return text.Span{Start: a.Fragments[0].Start, End: a.Fragments[len(a.Fragments)-1].End}
}

// Covers reports whether code point cp lies inside one of the fragments.
func (a *Annotation) Covers(cp int) bool {
	for _, f := range a.Fragments {
		if f.Start <= cp && cp < f.End {
			return true
		}
	}
	return false
}

func (a *Annotation) clone() *Annotation {
	c := *a
	c.Fragments = append([]text.Span(nil), a.Fragments...)
	return &c
}

// QuoteOf returns the quote of fragments in x.
func QuoteOf(x *text.Index, fragments []text.Span) string {
	if len(fragments) == 1 {
		return x.Slice(fragments[0].Start, fragments[0].End)
	}
	var b []byte
	for i, f := range fragments {
		if i > 0 {
			b = append(b, QuoteJoiner...)
		}
		b = append(b, x.Slice(f.Start, f.End)...)
	}
	return string(b)
}

// Project is a whole project as plain values: what the native format
// exports and imports.
type Project struct {
	Schema      Schema
	Annotator   string
	Exercise    ExerciseRef // the classroom exercise it belongs to; zero if none
	Documents   []Document
	Speakers    []Speaker
	Annotations []Annotation
	// Orphans are annotations an import could not place in their text
	// (see Repair). They are kept, with their quote, until the person
	// drops them.
	Orphans []Annotation
}

// ExerciseRef names the classroom exercise a project was made for: a
// student's work, or the teacher's answer key.
type ExerciseRef struct {
	ID    string
	Title string
	Role  string // "" for a student's work, RoleKey for the answer key
	// Instructions are the exercise's instructions, shown to the student
	// beside the text (plain text with simple formatting).
	Instructions string
}

// RoleKey is the Role of a teacher's answer key.
const RoleKey = "key"

// ByDocument groups p's annotations by the id of their document, each
// group in the order of p.Annotations; the pointers point into
// p.Annotations.
func (p Project) ByDocument() map[string][]*Annotation {
	by := map[string][]*Annotation{}
	for i := range p.Annotations {
		a := &p.Annotations[i]
		by[a.Document] = append(by[a.Document], a)
	}
	return by
}

// SpeakerNames maps the id of each of p's speakers to its name.
func (p Project) SpeakerNames() map[string]string {
	names := make(map[string]string, len(p.Speakers))
	for _, s := range p.Speakers {
		names[s.ID] = s.Name
	}
	return names
}
