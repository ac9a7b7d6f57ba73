package annotation

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"sayso/internal/anchor"
	"sayso/internal/text"
)

// Repair makes a project that Load refused loadable without losing any
// annotation: quotes that no longer match their position are re-anchored
// by quote and context (package anchor); what cannot be placed becomes an
// orphan, kept with its quote; unknown labels and stance values join the
// schema; duplicate ids get new ones; links to what does not exist are
// removed and missing speakers are recreated. Every change is described in
// the returned notes, one line each, for the person to check.
func Repair(p Project) (Project, []string) {
	r := repairer{p: p, docs: map[string]*text.Index{}}
	r.p.Annotations = nil
	r.p.Orphans = append([]Annotation(nil), p.Orphans...)
	r.fixSchema(p.Annotations)
	for _, d := range p.Documents {
		if _, dup := r.docs[d.ID]; !dup && d.ID != "" {
			r.docs[d.ID] = text.NewIndex(text.Normalize(d.Text))
		}
	}
	r.fixSpeakers()
	ids := map[string]bool{}
	for _, a := range p.Annotations {
		a := *a.clone()
		switch {
		case a.ID == "":
			a.ID = r.newID(p.Annotations, ids)
			r.note("an annotation (%q) had no id; it is now %q", clip(a.Quote), a.ID)
		case ids[a.ID]:
			old := a.ID
			a.ID = r.newID(p.Annotations, ids)
			r.note("annotation %q: its id was used twice; it is now %q", old, a.ID)
		}
		ids[a.ID] = true
		if r.place(&a) {
			r.p.Annotations = append(r.p.Annotations, a)
		}
	}
	r.fixLinks()
	return r.p, r.notes
}

type repairer struct {
	p     Project
	docs  map[string]*text.Index
	notes []string
}

func (r *repairer) note(format string, args ...any) {
	r.notes = append(r.notes, fmt.Sprintf(format, args...))
}

// fixSchema adds the labels and stance values the annotations use.
func (r *repairer) fixSchema(anns []Annotation) {
	r.p.Schema = r.p.Schema.Clone()
	for _, a := range anns {
		if _, ok := r.p.Schema.Label(a.Label); !ok && a.Label != "" {
			r.p.Schema.Labels = append(r.p.Schema.Labels, Label{ID: a.Label, Name: a.Label, Color: "#9e9e9e"})
			r.note("label %q was not in the schema; it was added", a.Label)
		}
		if a.Stance != "" && !r.p.Schema.HasStance(a.Stance) {
			r.p.Schema.Stances = append(r.p.Schema.Stances, a.Stance)
			r.note("stance %q was not in the schema; it was added", a.Stance)
		}
	}
}

// fixSpeakers drops repeated speaker ids and recreates the missing
// speakers the annotations refer to.
func (r *repairer) fixSpeakers() {
	seen := map[string]bool{}
	var kept []Speaker
	for _, sp := range r.p.Speakers {
		if sp.ID == "" || seen[sp.ID] {
			r.note("speaker %q (%q) was listed twice; the first entry is kept", sp.ID, sp.Name)
			continue
		}
		seen[sp.ID] = true
		kept = append(kept, sp)
	}
	r.p.Speakers = kept
}

// place checks an annotation against its text and re-anchors it when its
// position no longer reads its quote. It returns false when the annotation
// became an orphan.
func (r *repairer) place(a *Annotation) bool {
	x, ok := r.docs[a.Document]
	if !ok {
		r.orphan(a, fmt.Sprintf("its document %q does not exist", a.Document))
		return false
	}
	if a.Label == "" {
		r.orphan(a, "it has no label")
		return false
	}
	frags, err := checkFragments(a.Fragments, x.Len())
	if err == nil && QuoteOf(x, frags) == a.Quote {
		return true
	}
	parts := []string{a.Quote}
	if len(a.Fragments) > 1 {
		parts = strings.Split(a.Quote, QuoteJoiner)
	}
	if a.Quote == "" || (len(a.Fragments) > 1 && len(parts) != len(a.Fragments)) {
		r.orphan(a, "its position does not fit the text and it has no quote to look for")
		return false
	}
	var placed []text.Span
	var how []string
	for i, part := range parts {
		q := anchor.Quote{Exact: part}
		if i == 0 {
			q.Prefix = a.Prefix
		}
		if i == len(parts)-1 {
			q.Suffix = a.Suffix
		}
		hint := text.Span{Start: -1, End: -1}
		if i < len(a.Fragments) {
			hint = a.Fragments[i]
		}
		res, ok := anchor.Locate(x, q, hint)
		if !ok {
			r.orphan(a, fmt.Sprintf("its quote %q is not in the text", clip(part)))
			return false
		}
		placed = append(placed, res.Span)
		how = append(how, fmt.Sprintf("by %s, confidence %.0f%%", res.Method, 100*res.Confidence))
	}
	sort.Slice(placed, func(i, j int) bool { return placed[i].Start < placed[j].Start })
	if _, err := checkFragments(placed, x.Len()); err != nil {
		r.orphan(a, "its fragments, found again, overlap")
		return false
	}
	old := a.Quote
	a.Fragments = placed
	a.Quote = QuoteOf(x, placed)
	a.Prefix, a.Suffix = x.Context(a.Hull(), ContextLength)
	msg := fmt.Sprintf("annotation %q (%q) was found again at %s (%s)", a.ID, clip(old), fragmentsString(placed), strings.Join(how, "; "))
	if a.Quote != old {
		msg += fmt.Sprintf("; the text there now reads %q", clip(a.Quote))
	}
	r.note("%s", msg)
	return true
}

func (r *repairer) orphan(a *Annotation, why string) {
	r.p.Orphans = append(r.p.Orphans, *a)
	r.note("annotation %q (%q) could not be placed: %s; it is kept under “Not placed”", a.ID, clip(a.Quote), why)
}

// fixLinks removes links to annotations that are missing or of the wrong
// kind, and gives every speaker reference an existing speaker.
func (r *repairer) fixLinks() {
	byID := map[string]*Annotation{}
	for i := range r.p.Annotations {
		byID[r.p.Annotations[i].ID] = &r.p.Annotations[i]
	}
	speakers := map[string]bool{}
	for _, sp := range r.p.Speakers {
		speakers[sp.ID] = true
	}
	for i := range r.p.Annotations {
		a := &r.p.Annotations[i]
		if a.Speaker != "" && !speakers[a.Speaker] {
			r.p.Speakers = append(r.p.Speakers, Speaker{ID: a.Speaker, Name: "Unknown speaker " + a.Speaker})
			speakers[a.Speaker] = true
			r.note("speaker %q was referred to but missing; it was recreated as “Unknown speaker %s”", a.Speaker, a.Speaker)
		}
	}
	for i := range r.p.Annotations {
		a := &r.p.Annotations[i]
		if a.SpeakerMention != "" {
			m, ok := byID[a.SpeakerMention]
			switch {
			case !ok || m.Label != LabelSpeaker || m.Document != a.Document:
				r.note("annotation %q: its speaker mention %q is missing; the link was removed", a.ID, a.SpeakerMention)
				a.SpeakerMention = ""
			case m.Speaker != a.Speaker:
				r.note("annotation %q: its speaker now follows its speaker mention %q", a.ID, m.ID)
				a.Speaker = m.Speaker
			}
		}
		if a.Cue != "" {
			if c, ok := byID[a.Cue]; !ok || c.Label != LabelCue || c.Document != a.Document {
				r.note("annotation %q: its cue %q is missing; the link was removed", a.ID, a.Cue)
				a.Cue = ""
			}
		}
	}
	sort.Slice(r.p.Speakers, func(i, j int) bool { return idLess(r.p.Speakers[i].ID, r.p.Speakers[j].ID) })
}

// newID returns the first annotation id numbered after every id in anns
// that is not taken, and takes it.
func (r *repairer) newID(anns []Annotation, taken map[string]bool) string {
	n := 1
	for _, a := range anns {
		if k, ok := numericSuffix(a.ID, "a"); ok && k >= n {
			n = k + 1
		}
	}
	for taken["a"+strconv.Itoa(n)] {
		n++
	}
	taken["a"+strconv.Itoa(n)] = true
	return "a" + strconv.Itoa(n)
}
