package merge

import (
	"math"
	"strings"

	"sayso/internal/anchor"
	"sayso/internal/annotation"
	"sayso/internal/text"
)

// document brings one imported document and its annotations in.
func (m *merger) document(d annotation.Document, anns []*annotation.Annotation) {
	dec, matched := m.decisions[d.ID]
	switch {
	case !matched:
		m.addDocument(d, d.Title, Added, anns)
	case dec.choice == KeepBoth:
		m.addDocument(d, strings.TrimSpace(d.Title+" (imported)"), KeptBoth, anns)
	case dec.choice == Replace:
		m.replace(d, dec.existing, anns)
	default:
		m.merge(d, dec.existing, anns)
	}
}

// addDocument adds d as a new document, titled title, with its annotations
// where they were.
func (m *merger) addDocument(d annotation.Document, title string, how Action, anns []*annotation.Annotation) {
	nd := d
	nd.ID = m.rename("document", m.docs, d.ID)
	nd.Title = title
	m.docPos[nd.ID] = len(m.out.Documents)
	m.out.Documents = append(m.out.Documents, nd)
	m.docIDs[d.ID] = nd.ID
	m.rep.Documents = append(m.rep.Documents, DocumentOutcome{Imported: d.ID, Result: nd.ID, Title: title, Action: how})
	for _, a := range anns {
		c := clone(a)
		c.Document = nd.ID
		m.add(a, c)
	}
}

// replace puts d in the place of the existing document, keeping its id,
// with the imported annotations (those of the existing one are already
// gone: see run).
func (m *merger) replace(d annotation.Document, existing string, anns []*annotation.Annotation) {
	i := m.docPos[existing]
	nd := d
	nd.ID = existing
	if strings.TrimSpace(nd.Title) == "" {
		nd.Title = m.out.Documents[i].Title
	}
	m.out.Documents[i] = nd
	m.docIDs[d.ID] = existing
	m.rep.Documents = append(m.rep.Documents, DocumentOutcome{Imported: d.ID, Result: existing, Title: nd.Title, Action: Replaced})
	for _, a := range anns {
		c := clone(a)
		c.Document = existing
		m.add(a, c)
	}
}

// merge brings the imported annotations of d onto the existing document,
// re-anchoring them when the texts differ and folding duplicates.
func (m *merger) merge(d annotation.Document, existing string, anns []*annotation.Annotation) {
	e := &m.out.Documents[m.docPos[existing]]
	m.fillDocument(e, d)
	m.docIDs[d.ID] = existing
	same := e.Text == d.Text
	m.rep.Documents = append(m.rep.Documents, DocumentOutcome{Imported: d.ID, Result: existing, Title: e.Title, Action: Merged, SameText: same})
	var from, to *text.Index
	if !same {
		from, to = text.NewIndex(d.Text), text.NewIndex(e.Text)
	}
	seen := map[string]string{} // fold key → result id
	for _, a := range m.out.Annotations {
		if a.Document == existing {
			seen[foldKey(&a)] = a.ID
		}
	}
	for _, a := range anns {
		c := clone(a)
		c.Document = existing
		how := anchor.Result{Method: anchor.ByPosition}
		if !same {
			p, why := relocate(from, to, a.Fragments)
			if why != "" {
				m.orphan(a, c, why)
				continue
			}
			how = p.weakest
			c.Fragments = p.fragments
			c.Quote = annotation.QuoteOf(to, c.Fragments)
			c.Prefix, c.Suffix = to.Context(c.Hull(), annotation.ContextLength)
		}
		k := foldKey(&c)
		if into, dup := seen[k]; dup {
			m.folds = append(m.folds, arrival{src: a, id: into})
			m.fates[a.ID] = fate{id: into}
			m.rep.AnnotationIDs[a.ID] = into
			m.rep.Folded++
			continue
		}
		if how.Method != anchor.ByPosition {
			// The mark travels with the annotation (and the file) until the
			// person confirms it.
			c.Anchored, c.AnchorConfidence = how.Method, int(math.Round(100*how.Confidence))
		}
		id := m.add(a, c)
		seen[k] = id
		if how.Method != anchor.ByPosition {
			m.rep.Anchored[id] = Anchoring{Method: how.Method, Confidence: how.Confidence, Quote: c.Quote}
		}
	}
}

// fillDocument fills the existing document's empty title and topic.
func (m *merger) fillDocument(e *annotation.Document, d annotation.Document) {
	conflict := func(field, kept, imported string) {
		m.rep.FieldConflicts = append(m.rep.FieldConflicts, FieldConflict{ID: e.ID, Label: "document", Quote: e.Title, Field: field, Kept: kept, Imported: imported})
	}
	switch {
	case strings.TrimSpace(d.Title) == "":
	case strings.TrimSpace(e.Title) == "":
		e.Title = d.Title
		m.rep.Filled++
	case foldTitle(e.Title) != foldTitle(d.Title):
		conflict("title", e.Title, d.Title)
	}
	switch {
	case d.Topic == "" || d.Topic == e.Topic:
	case e.Topic == "":
		e.Topic = d.Topic
		m.rep.Filled++
	default:
		conflict("topic", e.Topic, d.Topic)
	}
}

// add puts c, the copy of imported a, among the result's annotations under
// a free id, which it returns.
func (m *merger) add(a *annotation.Annotation, c annotation.Annotation) string {
	c.ID = m.rename("annotation", m.anns, a.ID)
	m.out.Annotations = append(m.out.Annotations, c)
	m.arrived = append(m.arrived, arrival{src: a, id: c.ID})
	m.fates[a.ID] = fate{id: c.ID}
	m.rep.AnnotationIDs[a.ID] = c.ID
	m.rep.Added++
	return c.ID
}

// orphan keeps c, the copy of imported a that could not be placed, among
// the result's orphans.
func (m *merger) orphan(a *annotation.Annotation, c annotation.Annotation, why string) {
	c.ID = m.rename("annotation", m.anns, a.ID)
	m.out.Orphans = append(m.out.Orphans, c)
	m.orphaned = append(m.orphaned, arrival{src: a, id: c.ID})
	m.fates[a.ID] = fate{id: c.ID, orphan: true}
	m.rep.AnnotationIDs[a.ID] = c.ID
	m.rep.Unplaced = append(m.rep.Unplaced, Unplaced{ID: c.ID, Document: c.Document, Label: c.Label, Quote: c.Quote, Reason: why})
}

// carryOrphans keeps the import's own orphans, in the documents theirs
// became.
func (m *merger) carryOrphans() {
	for i := range m.imp.Orphans {
		o := &m.imp.Orphans[i]
		c := clone(o)
		c.ID = m.rename("annotation", m.anns, o.ID)
		if id, ok := m.docIDs[o.Document]; ok {
			c.Document = id
		}
		m.out.Orphans = append(m.out.Orphans, c)
		m.orphaned = append(m.orphaned, arrival{src: o, id: c.ID})
		if _, ok := m.rep.AnnotationIDs[o.ID]; !ok {
			m.rep.AnnotationIDs[o.ID] = c.ID
		}
		m.rep.OrphansCarried++
	}
}
