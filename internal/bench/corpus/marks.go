package corpus

import (
	"html"
	"slices"
	"strings"
	"unicode/utf8"

	"sayso/internal/text"
)

// ParagraphSep is what Generate writes between two paragraphs.
const ParagraphSep = "\n\n"

// PeerSpan is one annotation fragment as a DOM-based annotator sees it
// in a container holding the paragraphs as <p>s with nothing between
// them: UTF-16 offsets into the container's textContent.
type PeerSpan struct {
	ID    string `json:"id"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Quote string `json:"quote"`
}

// paragraphStarts returns the code point offset in Text of each paragraph.
func paragraphStarts(paras []string) []int {
	starts := make([]int, len(paras))
	at := 0
	for i, p := range paras {
		starts[i] = at
		at += utf8.RuneCountInString(p) + utf8.RuneCountInString(ParagraphSep)
	}
	return starts
}

// localSpan is a fragment in code points of its paragraph.
type localSpan struct {
	id         string
	start, end int // code points in the paragraph
}

// spansByParagraph splits spans (code points in the text) by paragraph
// into offsets local to each paragraph, dropping what falls between
// paragraphs; ids[k] is the id of spans[k].
func spansByParagraph(paras []string, spans []text.Span, ids []string) [][]localSpan {
	starts := paragraphStarts(paras)
	out := make([][]localSpan, len(paras))
	for k, s := range spans {
		// The last paragraph starting at or before s.Start.
		i, found := slices.BinarySearch(starts, s.Start)
		if !found {
			i--
		}
		for ; i >= 0 && i < len(paras) && starts[i] < s.End; i++ {
			n := utf8.RuneCountInString(paras[i])
			a, b := max(s.Start-starts[i], 0), min(s.End-starts[i], n)
			if a < b {
				out[i] = append(out[i], localSpan{id: ids[k], start: a, end: b})
			}
		}
	}
	return out
}

// fragments lists every fragment of every annotation, with its
// annotation's id.
func (c *Corpus) fragments() ([]text.Span, []string) {
	var spans []text.Span
	var ids []string
	for _, a := range c.Project.Annotations {
		for _, f := range a.Fragments {
			spans = append(spans, f)
			ids = append(ids, a.ID)
		}
	}
	return spans, ids
}

// MarkedHTML is the text as paragraphs with every annotated stretch in a
// <mark> (overlapping annotations flattened: one <mark> per stretch
// covered by the same set of annotations): the baseline of drawing the
// highlights with one innerHTML.
func (c *Corpus) MarkedHTML() string {
	spans, ids := c.fragments()
	return MarkedParagraphs(c.Paragraphs, spans, ids)
}

// MarkedParagraphs writes paras as <p>s with the stretches covered by
// spans (code points in the paragraphs joined by ParagraphSep) in
// <mark>s, escaped.
func MarkedParagraphs(paras []string, spans []text.Span, ids []string) string {
	local := spansByParagraph(paras, spans, ids)
	var b strings.Builder
	for i, p := range paras {
		b.WriteString("<p>")
		writeMarked(&b, p, local[i])
		b.WriteString("</p>\n")
	}
	return b.String()
}

// writeMarked writes p with the stretches in spans marked.
func writeMarked(b *strings.Builder, p string, spans []localSpan) {
	n := utf8.RuneCountInString(p)
	depth := make([]int, n+1) // +1 at each start, -1 at each end
	for _, s := range spans {
		depth[s.start]++
		depth[s.end]--
	}
	runes := []rune(p)
	cover, from := 0, 0
	flush := func(to int, marked bool) {
		if from == to {
			return
		}
		seg := html.EscapeString(string(runes[from:to]))
		if marked {
			b.WriteString("<mark>" + seg + "</mark>")
		} else {
			b.WriteString(seg)
		}
		from = to
	}
	for i := 0; i < n; i++ {
		next := cover + depth[i]
		if (cover > 0) != (next > 0) {
			flush(i, cover > 0)
		}
		cover = next
	}
	flush(n, cover > 0)
}

// PeerSpans is every annotation fragment as offsets into the paragraphs
// concatenated with nothing between them, in UTF-16 code units (what a
// DOM Range and String.length count).
func (c *Corpus) PeerSpans() []PeerSpan {
	spans, ids := c.fragments()
	return PeerSpansOf(c.Paragraphs, spans, ids)
}

// PeerSpansOf is PeerSpans for paras and spans (code points in the
// paragraphs joined by ParagraphSep), in paragraph order.
func PeerSpansOf(paras []string, spans []text.Span, ids []string) []PeerSpan {
	local := spansByParagraph(paras, spans, ids)
	var out []PeerSpan
	base := 0
	for i, p := range paras {
		runes := []rune(p)
		u16 := make([]int, len(runes)+1) // code point offset → UTF-16 offset
		for k, r := range runes {
			u16[k+1] = u16[k] + utf16Len(r)
		}
		for _, s := range local[i] {
			out = append(out, PeerSpan{ID: s.id, Start: base + u16[s.start], End: base + u16[s.end],
				Quote: string(runes[s.start:s.end])})
		}
		base += u16[len(runes)]
	}
	return out
}

func utf16Len(r rune) int {
	if r >= 0x10000 {
		return 2
	}
	return 1
}

// PeerHTML is the paragraphs as <p>s with nothing between them, escaped:
// the container's textContent is the paragraphs concatenated.
func (c *Corpus) PeerHTML() string {
	var b strings.Builder
	for _, p := range c.Paragraphs {
		b.WriteString("<p>" + html.EscapeString(p) + "</p>")
	}
	return b.String()
}
