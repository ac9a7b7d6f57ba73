package agreement

import (
	"sort"
	"strings"

	"sayso/internal/annotation"
	"sayso/internal/text"
)

// group is the set of annotations compared with each other: one document
// (by identity, see docIdentity) and one label.
type group struct{ doc, label string }

// view indexes one project for comparison. It is built per call and never
// shared between calls.
type view struct {
	docKey   map[string]string // document id → identity
	docID    map[string]string // identity → document id (first listed)
	docOrder []string          // identities in the order documents are listed
	speakers map[string]string // speaker entity id → name as written
	byID     map[string]*annotation.Annotation
	groups   map[group][]*annotation.Annotation // in reading order
}

// docIdentity is how documents of different projects are recognised as the
// same: by their text when it is known, by id otherwise.
func docIdentity(d annotation.Document) string {
	if d.Text != "" {
		return "text:" + text.Hash(d.Text)
	}
	return "id:" + d.ID
}

func newView(p *annotation.Project) *view {
	v := &view{
		docKey:   map[string]string{},
		docID:    map[string]string{},
		speakers: map[string]string{},
		byID:     map[string]*annotation.Annotation{},
		groups:   map[group][]*annotation.Annotation{},
	}
	for _, d := range p.Documents {
		k := docIdentity(d)
		v.docKey[d.ID] = k
		if _, seen := v.docID[k]; !seen {
			v.docID[k] = d.ID
			v.docOrder = append(v.docOrder, k)
		}
	}
	for _, s := range p.Speakers {
		v.speakers[s.ID] = s.Name
	}
	var extra []string // identities of documents the project does not list
	for i := range p.Annotations {
		a := &p.Annotations[i]
		v.byID[a.ID] = a
		if a.Hull().Len() == 0 {
			continue
		}
		k := v.identity(a.Document)
		if _, seen := v.docID[k]; !seen {
			v.docID[k] = a.Document
			extra = append(extra, k)
		}
		g := group{k, a.Label}
		v.groups[g] = append(v.groups[g], a)
	}
	sort.Strings(extra)
	v.docOrder = append(v.docOrder, extra...)
	for _, as := range v.groups {
		sort.SliceStable(as, func(i, j int) bool { return readingLess(as[i], as[j]) })
	}
	return v
}

// newViews indexes every annotator's project.
func newViews(annotators []Annotator) []*view {
	views := make([]*view, len(annotators))
	for i := range annotators {
		views[i] = newView(&annotators[i].Project)
	}
	return views
}

// readingLess orders annotations by hull start, then end, then id.
func readingLess(a, b *annotation.Annotation) bool {
	ha, hb := a.Hull(), b.Hull()
	if ha.Start != hb.Start {
		return ha.Start < hb.Start
	}
	if ha.End != hb.End {
		return ha.End < hb.End
	}
	return a.ID < b.ID
}

func (v *view) identity(docID string) string {
	if k, ok := v.docKey[docID]; ok {
		return k
	}
	return "id:" + docID
}

// hulls returns the hulls of a group's annotations, in reading order.
func (v *view) hulls(g group) []text.Span {
	as := v.groups[g]
	out := make([]text.Span, len(as))
	for i, a := range as {
		out[i] = a.Hull()
	}
	return out
}

// labels returns every label the view has annotations of, sorted.
func (v *view) labels() []string {
	seen := map[string]bool{}
	var out []string
	for g := range v.groups {
		if !seen[g.label] {
			seen[g.label] = true
			out = append(out, g.label)
		}
	}
	sort.Strings(out)
	return out
}

// speakerEntity is the speaker entity an annotation refers to: a claim's
// own link, else that of its linked mention; a mention's entity.
func (v *view) speakerEntity(a *annotation.Annotation) string {
	if a.Speaker != "" {
		return a.Speaker
	}
	if m, ok := v.byID[a.SpeakerMention]; ok {
		return m.Speaker
	}
	return ""
}

// speakerName is the name, as written, of the entity a refers to, or "".
func (v *view) speakerName(a *annotation.Annotation) string {
	return strings.TrimSpace(v.speakers[v.speakerEntity(a)])
}

// mentionsOf returns the hulls of the speaker mentions of entity in the
// document with identity doc.
func (v *view) mentionsOf(doc, entity string) []text.Span {
	if entity == "" {
		return nil
	}
	var out []text.Span
	for _, m := range v.groups[group{doc, annotation.LabelSpeaker}] {
		if m.Speaker == entity {
			out = append(out, m.Hull())
		}
	}
	return out
}

// labelsOf returns the union of the views' labels, sorted.
func labelsOf(views ...*view) []string {
	seen := map[string]bool{}
	var out []string
	for _, v := range views {
		for _, l := range v.labels() {
			if !seen[l] {
				seen[l] = true
				out = append(out, l)
			}
		}
	}
	sort.Strings(out)
	return out
}

// docsOf returns the document identities of the views: each view's
// documents in its order, first appearance first.
func docsOf(views ...*view) []string {
	seen := map[string]bool{}
	var out []string
	for _, v := range views {
		for _, k := range v.docOrder {
			if !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	return out
}
