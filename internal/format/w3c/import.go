package w3c

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"sayso/internal/annotation"
	"sayso/internal/format"
	"sayso/internal/text"
)

// MaxInput is the largest file Import reads, in bytes.
const MaxInput = 64 << 20

// maxPages bounds the pages of a collection Import follows.
const maxPages = 10000

// Import reads W3C annotations — a single Annotation, an array of them, an
// AnnotationPage or an AnnotationCollection with its pages embedded — into
// a project. W3C annotations do not carry their document's text, so texts
// gives it by source IRI (see Texts). Annotations are placed by their
// TextPositionSelector when the text there reads their TextQuoteSelector,
// and otherwise re-anchored by the quote with its prefix and suffix. What
// cannot be placed or mapped is listed in the report with the reason; the
// error is only for input that is not W3C annotations at all.
func Import(data []byte, texts map[string]string) (annotation.Project, format.Report, error) {
	if len(data) > MaxInput {
		return annotation.Project{}, format.Report{}, fmt.Errorf("the file is larger than %d MiB", MaxInput>>20)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return annotation.Project{}, format.Report{}, fmt.Errorf("the file is not JSON: %w", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return annotation.Project{}, format.Report{}, errors.New("the file has more after its JSON value")
	}
	im := newImporter(texts)
	if err := im.collect(v); err != nil {
		return annotation.Project{}, format.Report{}, err
	}
	for i, a := range im.found {
		im.annotation(i, a)
	}
	im.resolve()
	if _, err := annotation.Load(im.p, time.Now); err != nil {
		return annotation.Project{}, im.rep, fmt.Errorf("the imported annotations do not hold together: %w", err)
	}
	return im.p, im.rep, nil
}

// importer builds a project from W3C annotations.
type importer struct {
	texts   map[string]string
	p       annotation.Project
	rep     format.Report
	found   []map[string]any // the annotations, in order
	docs    map[string]*doc  // source IRI → document
	labels  map[string]bool
	stances map[string]bool
	items   []item // per imported annotation, what resolve needs
}

type doc struct {
	id string
	x  *text.Index
}

func newImporter(texts map[string]string) *importer {
	im := &importer{texts: texts, p: annotation.Project{Schema: annotation.DefaultSchema()},
		docs: map[string]*doc{}, labels: map[string]bool{}, stances: map[string]bool{}}
	for _, l := range im.p.Schema.Labels {
		im.labels[l.ID] = true
	}
	for _, s := range im.p.Schema.Stances {
		im.stances[s] = true
	}
	return im
}

// collect finds the annotations of the top-level value.
func (im *importer) collect(v any) error {
	if list, ok := v.([]any); ok {
		for i, e := range list {
			m, ok := object(e)
			if !ok || !isAnnotation(m) {
				im.rep.Skip("item %d of the list is not an annotation, so it is not imported", i+1)
				continue
			}
			im.found = append(im.found, m)
		}
		return nil
	}
	m, ok := object(v)
	switch {
	case !ok:
		return errors.New("the file is not a W3C Web Annotation, AnnotationPage or AnnotationCollection")
	case hasType(m, "AnnotationCollection"):
		first := m["first"]
		if s, isIRI := first.(string); isIRI {
			im.rep.Skip("the collection's first page %s is not in the file, so it was not read", s)
			return nil
		}
		if page, ok := object(first); ok {
			im.pages(page)
		}
		return nil
	case hasType(m, "AnnotationPage"):
		im.pages(m)
		return nil
	case isAnnotation(m):
		im.found = append(im.found, m)
		return nil
	}
	return errors.New("the file is not a W3C Web Annotation, AnnotationPage or AnnotationCollection")
}

// pages reads a page's items and follows the pages embedded as its next.
func (im *importer) pages(page map[string]any) {
	for n := 0; page != nil && n < maxPages; n++ {
		for i, e := range values(page["items"]) {
			m, ok := object(e)
			if !ok || !isAnnotation(m) {
				im.rep.Skip("item %d of page %d is not an annotation written out in the file, so it is not imported", i+1, n+1)
				continue
			}
			im.found = append(im.found, m)
		}
		next := page["next"]
		if s, isIRI := next.(string); isIRI {
			im.rep.Skip("the next page %s is not in the file, so it was not read", s)
		}
		page, _ = object(next)
	}
}

// isAnnotation reports whether m is an Annotation: typed so, or untyped
// with a target.
func isAnnotation(m map[string]any) bool {
	return hasType(m, "Annotation") || (m["type"] == nil && m["target"] != nil)
}
