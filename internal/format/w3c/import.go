package w3c

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"sayso/internal/annotation"
	"sayso/internal/format"
	"sayso/internal/format/jsonsyntax"
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
	p, rep, _, err := ImportWith(data, texts, Options{})
	return p, rep, err
}

// Options are what ImportWith is told beyond the texts.
type Options struct {
	// OpenText is the text open in the app, or "". Annotations made by
	// other tools point at their document by its address on the web
	// (Hypothesis's target.source is the page's URL), not by a Sayso
	// source IRI: those whose source is not among the texts are placed on
	// this text by their quote and its context, their position a hint,
	// in one document whose source IRI is SourceIRI(OpenText).
	OpenText string
}

// Placement counts how the annotations of other tools (whose source was
// not among the texts) were placed on the open text.
type Placement struct {
	Sources    []string // the sources they named, in order of first use
	Total      int      // annotations with such a source
	ByPosition int      // where their TextPositionSelector said, the text there reading their quote
	ByQuote    int      // their quote, found once in the text
	ByContext  int      // their quote, told apart from other occurrences by its prefix and suffix
	ByFuzzy    int      // a close match of their quote
	NotFound   int      // not placed: their quote is not in the text
}

// Placed is how many were placed.
func (pl Placement) Placed() int { return pl.ByPosition + pl.ByQuote + pl.ByContext + pl.ByFuzzy }

// String says for a person how many were placed and how: "12 of 14
// annotations made on https://example.org/a were placed on the open text:
// 9 by their position, 2 by their quote, 1 by its quote and its context;
// 2 were not found".
func (pl Placement) String() string {
	if pl.Total == 0 {
		return ""
	}
	on := "another document"
	if len(pl.Sources) == 1 {
		on = pl.Sources[0]
	} else if len(pl.Sources) > 1 {
		on = fmt.Sprintf("%d other documents", len(pl.Sources))
	}
	s := fmt.Sprintf("%d of %d %s made on %s %s placed on the open text", pl.Placed(), pl.Total,
		plural(pl.Total, "annotation"), on, map[bool]string{true: "was", false: "were"}[pl.Placed() == 1])
	var how []string
	for _, h := range []struct {
		n    int
		what string
	}{{pl.ByPosition, "by %s position"}, {pl.ByQuote, "by %s quote"}, {pl.ByContext, "by %s quote and its context"}, {pl.ByFuzzy, "by a close match of %s quote"}} {
		if h.n > 0 {
			whose := map[bool]string{true: "its", false: "their"}[h.n == 1]
			how = append(how, fmt.Sprintf("%d "+h.what, h.n, whose))
		}
	}
	if len(how) > 0 {
		s += ": " + strings.Join(how, ", ")
	}
	if pl.NotFound > 0 {
		s += fmt.Sprintf("; %d %s not found", pl.NotFound, map[bool]string{true: "was", false: "were"}[pl.NotFound == 1])
	}
	return s
}

func plural(n int, noun string) string {
	if n == 1 {
		return noun
	}
	return noun + "s"
}

// ImportWith is Import that also places annotations of other tools on the
// open text (see Options) and says how in the Placement.
func ImportWith(data []byte, texts map[string]string, opts Options) (annotation.Project, format.Report, Placement, error) {
	if len(data) > MaxInput {
		return annotation.Project{}, format.Report{}, Placement{}, fmt.Errorf("the file is larger than %d MiB", MaxInput>>20)
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		var syn *json.SyntaxError
		if errors.As(err, &syn) {
			return annotation.Project{}, format.Report{}, Placement{}, jsonsyntax.Explain(data)
		}
		return annotation.Project{}, format.Report{}, Placement{}, fmt.Errorf("the file is not JSON: %w", err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return annotation.Project{}, format.Report{}, Placement{}, errors.New("the file has more after its JSON value")
	}
	im := newImporter(texts)
	im.open = opts.OpenText
	if err := im.collect(v); err != nil {
		return annotation.Project{}, format.Report{}, Placement{}, err
	}
	seen := map[string]int{}
	for i, a := range im.found {
		im.annotation(i, a, im.inContext[i], seen)
	}
	im.resolve()
	if _, err := annotation.Load(im.p, time.Now); err != nil {
		return annotation.Project{}, im.rep, Placement{}, fmt.Errorf("the imported annotations do not hold together: %w", err)
	}
	return im.p, im.rep, im.placement, nil
}

// importer builds a project from W3C annotations.
type importer struct {
	texts map[string]string
	p     annotation.Project
	rep   format.Report
	found []map[string]any // the annotations, in order
	// inContext says of each annotation found whether the page or
	// collection around it has a JSON-LD @context.
	inContext []bool
	open      string // the text open in the app, for other tools' annotations
	placement Placement
	docs      map[string]*doc // source IRI → document
	labels    map[string]bool
	stances   map[string]bool
	items     []item // per imported annotation, what resolve needs
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
			im.add(m, false)
		}
		return nil
	}
	m, ok := object(v)
	outer := ok && m["@context"] != nil
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
			im.pages(page, outer)
		}
		return nil
	case hasType(m, "AnnotationPage"):
		im.pages(m, outer)
		return nil
	case isAnnotation(m):
		im.add(m, false)
		return nil
	}
	return errors.New("the file is not a W3C Web Annotation, AnnotationPage or AnnotationCollection")
}

// add keeps an annotation found, and whether a context is given around it.
func (im *importer) add(m map[string]any, inContext bool) {
	im.found = append(im.found, m)
	im.inContext = append(im.inContext, inContext)
}

// pages reads a page's items and follows the pages embedded as its next.
func (im *importer) pages(page map[string]any, inContext bool) {
	for n := 0; page != nil && n < maxPages; n++ {
		for i, e := range values(page["items"]) {
			m, ok := object(e)
			if !ok || !isAnnotation(m) {
				im.rep.Skip("item %d of page %d is not an annotation written out in the file, so it is not imported", i+1, n+1)
				continue
			}
			im.add(m, inContext || page["@context"] != nil)
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
