package view

import (
	"sort"
	"strings"

	"sayso/internal/annotation"
	"sayso/internal/app"
)

// Paragraphs are dir="auto": the browser sets each one's direction from
// its first strong character, so an Arabic or Hebrew paragraph reads right
// to left, with its punctuation on its own side, in an English article
// and the other way round.

// Paragraph renders paragraph i of the shown document: a <p> whose text is
// cut into <span data-o="N"> segments at every annotation boundary, N being
// the code-point offset where the segment starts. Segments under
// annotations carry classes for their labels, the stances of their claims,
// the selection and the annotations related to it.
func Paragraph(st *app.State, i int) HTML {
	_, x, ok := st.Store.Document(st.Doc)
	if !ok || i < 0 || i >= len(st.Paras) {
		return HTML{}
	}
	para := st.Paras[i]
	anns := st.Store.Overlapping(st.Doc, para)
	related := st.Related()

	cuts := []int{para.Start, para.End}
	for _, a := range anns {
		for _, f := range a.Fragments {
			if f.Start > para.Start && f.Start < para.End {
				cuts = append(cuts, f.Start)
			}
			if f.End > para.Start && f.End < para.End {
				cuts = append(cuts, f.End)
			}
		}
	}
	sort.Ints(cuts)

	var b Builder
	b.Printf(`<p id="p%d" data-p="%d" dir="auto">`, i, i)
	for k := 0; k+1 < len(cuts); k++ {
		start, end := cuts[k], cuts[k+1]
		if start == end {
			continue
		}
		b.Printf(`<span data-o="%d"`, start)
		if cls := segmentClasses(anns, start, st.Selected, related); cls != "" {
			b.Printf(` class="%s"`, cls)
		}
		b.Printf(`>%s</span>`, x.Slice(start, end))
	}
	b.Markup(`</p>`)
	return b.HTML()
}

// segmentClasses lists the classes of the segment starting at cp.
func segmentClasses(anns []*annotation.Annotation, cp int, selected string, related map[string]bool) string {
	var labels, stances []string
	n := 0
	sel, rel := false, false
	for _, a := range anns {
		if !a.Covers(cp) {
			continue
		}
		n++
		labels = appendUnique(labels, "l-"+cssName(a.Label))
		if a.Label == annotation.LabelClaim && a.Stance != "" {
			stances = appendUnique(stances, "st-"+cssName(a.Stance))
		}
		sel = sel || a.ID == selected
		rel = rel || related[a.ID]
	}
	if n == 0 {
		return ""
	}
	cls := append([]string{"ann"}, labels...)
	cls = append(cls, stances...)
	if n > 1 {
		cls = append(cls, "nest")
	}
	if sel {
		cls = append(cls, "sel")
	}
	if rel {
		cls = append(cls, "rel")
	}
	return strings.Join(cls, " ")
}

func appendUnique(list []string, s string) []string {
	for _, v := range list {
		if v == s {
			return list
		}
	}
	return append(list, s)
}

// cssName keeps only the characters safe in a class name.
func cssName(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// SectionSize is the number of paragraphs per <section>: sections let the
// browser skip laying out the text that is off screen
// (content-visibility: auto) without a style rule per paragraph.
const SectionSize = 20

// Document renders every paragraph of the shown document as segments
// (Paragraph), grouped in sections of SectionSize paragraphs.
func Document(st *app.State) HTML { return sections(st, Paragraph) }

// PlainParagraph renders paragraph i as one text node in a <p> whose data-o
// is the code point where the paragraph starts (highlight rendering: the
// annotations are drawn as ranges over the plain text).
func PlainParagraph(st *app.State, i int) HTML {
	_, x, ok := st.Store.Document(st.Doc)
	if !ok || i < 0 || i >= len(st.Paras) {
		return HTML{}
	}
	p := st.Paras[i]
	var b Builder
	b.Printf(`<p id="p%d" data-o="%d" dir="auto">%s</p>`, i, p.Start, x.Slice(p.Start, p.End))
	return b.HTML()
}

// PlainDocument renders the shown document as plain paragraphs
// (PlainParagraph), in sections of SectionSize.
func PlainDocument(st *app.State) HTML { return sections(st, PlainParagraph) }

// PlainSections renders the sections [from, to) of the shown document as
// PlainDocument does: the first ones alone draw a long document's first
// screen, and the rest, appended in order, complete it.
func PlainSections(st *app.State, from, to int) HTML {
	return sectionRange(st, PlainParagraph, from, to)
}

// Sections is the number of sections of the shown document.
func Sections(st *app.State) int { return (len(st.Paras) + SectionSize - 1) / SectionSize }

// SectionParagraphs is the paragraphs [from, to) that the sections
// [first, last) hold.
func SectionParagraphs(st *app.State, first, last int) (from, to int) {
	return min(first*SectionSize, len(st.Paras)), min(last*SectionSize, len(st.Paras))
}

// SectionsWithin is where a stretch of sections that starts at section
// from ends: the sections whose paragraphs hold at most budget code
// points of text, and at least one section when one is left.
func SectionsWithin(st *app.State, from, budget int) int {
	n := Sections(st)
	to := from
	text := 0
	for to < n {
		first, last := SectionParagraphs(st, to, to+1)
		text += st.Paras[last-1].End - st.Paras[first].Start
		if to > from && text > budget {
			break
		}
		to++
	}
	return to
}

// sections renders every paragraph with paragraph, grouped in sections.
func sections(st *app.State, paragraph func(*app.State, int) HTML) HTML {
	return sectionRange(st, paragraph, 0, Sections(st))
}

// sectionRange renders the sections [from, to), each paragraph with
// paragraph.
func sectionRange(st *app.State, paragraph func(*app.State, int) HTML, from, to int) HTML {
	var b Builder
	first, last := SectionParagraphs(st, max(from, 0), to)
	for i := first; i < last; i++ {
		if i%SectionSize == 0 {
			if i > first {
				b.Markup(`</section>`)
			}
			b.Markup(`<section>`)
		}
		b.Put(paragraph(st, i))
	}
	if last > first {
		b.Markup(`</section>`)
	}
	return b.HTML()
}
