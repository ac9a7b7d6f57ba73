package brat

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"sayso/internal/anchor"
	"sayso/internal/annotation"
	"sayso/internal/text"
)

// textBound maps a text-bound line to an annotation, unless it is the
// trigger of an event, which the event takes care of.
func (im *importer) textBound(d *doc, r *record) {
	if _, ok := d.trigger[r.ID]; ok {
		return
	}
	if isAttribution(r.Type) {
		im.skip(d, "%s: the %s trigger %q belongs to no event, so it is not imported", r.ID, r.Type, clip(r.Text))
		return
	}
	frags, why := im.fragments(d, r)
	if why != "" {
		im.skip(d, "%s (%s %q) is not imported: %s", r.ID, r.Type, clip(r.Text), why)
		return
	}
	label, builtIn := saysoLabel(r.Type)
	if !builtIn {
		im.addLabel(label)
	}
	d.ann[r.ID] = len(im.p.Annotations)
	im.p.Annotations = append(im.p.Annotations, im.spanAnnotation(d, label, frags))
	im.rep.Annotations++
}

// spanAnnotation makes the annotation of fragments of the document, with
// the id the next one appended to the project gets.
func (im *importer) spanAnnotation(d *doc, label string, frags []text.Span) annotation.Annotation {
	a := annotation.Annotation{
		ID:        fmt.Sprintf("a%d", len(im.p.Annotations)+1),
		Document:  d.id,
		Label:     label,
		Fragments: frags,
		Quote:     annotation.QuoteOf(d.x, frags),
	}
	a.Prefix, a.Suffix = d.x.Context(a.Hull(), annotation.ContextLength)
	return a
}

// fragments checks a text-bound line's offsets and text against the
// document and returns its fragments sorted, without empty ones, and with
// overlapping or touching ones merged. A line whose offsets do not fit the
// text but whose text is found elsewhere is re-anchored there, with a line
// in the report. why says why the line cannot be imported.
func (im *importer) fragments(d *doc, r *record) (frags []text.Span, why string) {
	why = d.checkSpans(r)
	if why != "" {
		if len(r.Spans) != 1 || strings.TrimSpace(r.Text) == "" {
			return nil, why
		}
		hint := text.Span{Start: r.Spans[0].Start, End: r.Spans[0].End}
		res, ok := anchor.Locate(d.x, anchor.Quote{Exact: r.Text}, hint)
		if !ok || res.Span.Start >= res.Span.End {
			return nil, why
		}
		im.skip(d, "%s (%s %q): %s; it was placed at %d–%d instead, found by %s",
			r.ID, r.Type, clip(r.Text), why, res.Span.Start, res.Span.End, res.Method)
		return []text.Span{res.Span}, ""
	}
	for _, s := range r.Spans {
		if s.Start < s.End {
			frags = append(frags, text.Span{Start: s.Start, End: s.End})
		}
	}
	if len(frags) == 0 {
		return nil, "it covers no text"
	}
	written := spanList(frags)
	merged := mergeSpans(frags)
	switch {
	case len(merged) < len(frags):
		im.adjust(d, "%s (%s %s): its spans %s overlap or touch, so they were merged into %s", r.ID, r.Type, quoted(r.Text), written, spanList(merged))
	case spanList(merged) != written:
		im.adjust(d, "%s (%s %s): its spans %s were put in reading order, %s", r.ID, r.Type, quoted(r.Text), written, spanList(merged))
	}
	return merged, ""
}

// spanList writes spans as brat does: "10 14;26 28".
func spanList(spans []text.Span) string {
	parts := make([]string, len(spans))
	for i, s := range spans {
		parts[i] = fmt.Sprintf("%d %d", s.Start, s.End)
	}
	return strings.Join(parts, ";")
}

// checkSpans says what is wrong with a text-bound line's offsets and text,
// following brat's own check: the text is the spans' texts joined by one
// space, optionally followed by white space and anything else.
func (d *doc) checkSpans(r *record) string {
	n := d.x.Len()
	parts := make([]string, len(r.Spans))
	for i, s := range r.Spans {
		switch {
		case s.Start > s.End:
			return fmt.Sprintf("the span %d–%d ends before it starts", s.Start, s.End)
		case s.End > n:
			return fmt.Sprintf("the span %d–%d goes past the end of the %d-character text", s.Start, s.End, n)
		}
		parts[i] = d.x.Slice(s.Start, s.End)
	}
	ref := strings.Join(parts, " ")
	if r.Text == "" || r.Text == ref {
		return ""
	}
	if rest, ok := strings.CutPrefix(r.Text, ref); ok {
		if c, _ := utf8.DecodeRuneInString(rest); unicode.IsSpace(c) {
			return ""
		}
	}
	return fmt.Sprintf("its text does not match the document, which reads %q there", clip(ref))
}

// mergeSpans sorts spans and merges those that overlap or touch.
func mergeSpans(spans []text.Span) []text.Span {
	if len(spans) == 0 {
		return nil
	}
	slices.SortFunc(spans, func(a, b text.Span) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return a.End - b.End
	})
	out := spans[:1]
	for _, s := range spans[1:] {
		last := &out[len(out)-1]
		if s.Start <= last.End {
			last.End = max(last.End, s.End)
			continue
		}
		out = append(out, s)
	}
	return out
}

// sameSpans reports whether two lists of brat offsets cover the same text.
func sameSpans(a, b []rawSpan) bool {
	conv := func(rs []rawSpan) []text.Span {
		var out []text.Span
		for _, s := range rs {
			if s.Start < s.End {
				out = append(out, text.Span{Start: s.Start, End: s.End})
			}
		}
		return mergeSpans(out)
	}
	return slices.Equal(conv(a), conv(b))
}
