package w3c

import (
	"fmt"
	"slices"
	"strings"

	"sayso/internal/anchor"
	"sayso/internal/text"
)

// part is one piece of a target: text of a source chosen by a quote, a
// position, or both.
type part struct {
	source string
	quote  *anchor.Quote
	pos    *text.Span
	via    string   // the selector a quote refines, which Sayso does not use
	unused []string // selectors of other kinds (RangeSelector, CssSelector, …)
}

// targetParts lists the pieces of text a target selects, and why other
// targets or selectors cannot be used. A List, Composite or Independents
// target is all of its items; a Choice is its first item.
func targetParts(target any) ([]part, []string) {
	var parts []part
	var problems []string
	add := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }
	var walk func(v any, nested bool)
	walk = func(v any, nested bool) {
		o, ok := object(v)
		if !ok {
			add("its target %v is a whole resource; Sayso needs a span of text", v)
			return
		}
		for _, t := range []string{"List", "Composite", "Independents", "Choice"} {
			if !hasType(o, t) {
				continue
			}
			if nested {
				add("its target nests a %s in a set, which Sayso cannot hold", t)
				return
			}
			items := values(o["items"])
			if t == "Choice" && len(items) > 1 {
				add("only the first choice of its target is used")
				items = items[:1]
			}
			for _, it := range items {
				walk(it, true)
			}
			return
		}
		src := ref(o, "source")
		if src == "" {
			add("its target %s is a whole resource; Sayso needs a span of text", ref(o, "id"))
			return
		}
		p := part{source: src}
		for _, s := range values(o["selector"]) {
			p.addSelector(s, add)
		}
		if p.quote == nil && p.pos == nil {
			// Other selectors beside a quote or position (Hypothesis
			// writes a RangeSelector with them) are not missed.
			for _, what := range p.unused {
				add("its %s selector is not used: Sayso selects plain text by quote and position", what)
			}
			add("its target in %s has no TextQuoteSelector or TextPositionSelector", src)
			return
		}
		parts = append(parts, p)
	}
	for _, v := range values(target) {
		walk(v, false)
	}
	return parts, problems
}

// addSelector takes the first quote and position a selector gives.
func (p *part) addSelector(s any, add func(string, ...any)) {
	o, ok := object(s)
	if !ok {
		add("its selector %v is a link, which Sayso does not follow", s)
		return
	}
	switch {
	case hasType(o, "TextQuoteSelector"):
		if exact := str(o, "exact"); exact != "" && p.quote == nil {
			p.quote = &anchor.Quote{Exact: exact, Prefix: str(o, "prefix"), Suffix: str(o, "suffix")}
		}
	case hasType(o, "TextPositionSelector"):
		start, ok1 := integer(o["start"])
		end, ok2 := integer(o["end"])
		if ok1 && ok2 && start <= end && p.pos == nil {
			p.pos = &text.Span{Start: start, End: end}
		}
	default:
		what := strings.TrimSpace(str(o, "type") + " " + str(o, "value"))
		refined, _ := object(o["refinedBy"])
		switch {
		case refined != nil && hasType(refined, "TextQuoteSelector") && p.quote == nil:
			p.addSelector(refined, add)
			p.via = what
		case refined != nil && hasType(refined, "TextPositionSelector"):
			add("its position counts from its %s, which Sayso cannot find in plain text", what)
		default:
			p.unused = append(p.unused, what)
		}
	}
}

// place finds the parts of a target in the document, reporting parts found
// by other means than their exact position, and says how the loosest part
// was found (one of anchor's methods). A foreign annotation (of another
// tool, placed on the open text) is counted in the placement instead,
// with a report line only for a fuzzy match.
func (im *importer) place(d *doc, parts []part, foreign bool, skip func(string, ...any)) ([]text.Span, string, bool) {
	var frags []text.Span
	how := anchor.ByPosition
	for _, p := range parts {
		if p.source != parts[0].source {
			continue
		}
		sp, method, ok := locate(d.x, p, foreign, skip)
		if !ok {
			where := "the document"
			if foreign {
				where = "the open text"
			}
			skip("its text %s could not be found in %s, so it is not imported", describe(p), where)
			return nil, "", false
		}
		if looseness(method) > looseness(how) {
			how = method
		}
		frags = append(frags, sp)
	}
	return mergeSpans(frags), how, true
}

// looseness orders anchor's methods from the surest.
func looseness(method string) int {
	return slices.Index([]string{anchor.ByPosition, anchor.ByQuote, anchor.ByContext, anchor.ByFuzzy}, method)
}

// count adds one foreign annotation, placed by how or not found.
func (pl *Placement) count(how string, placed bool) {
	switch {
	case !placed:
		pl.NotFound++
	case how == anchor.ByPosition:
		pl.ByPosition++
	case how == anchor.ByQuote:
		pl.ByQuote++
	case how == anchor.ByContext:
		pl.ByContext++
	default:
		pl.ByFuzzy++
	}
}

func locate(x *text.Index, p part, foreign bool, skip func(string, ...any)) (text.Span, string, bool) {
	if p.pos != nil && p.pos.Start < p.pos.End && p.pos.End <= x.Len() &&
		(p.quote == nil || x.Slice(p.pos.Start, p.pos.End) == p.quote.Exact) {
		return *p.pos, anchor.ByPosition, true
	}
	if p.quote == nil {
		return text.Span{}, "", false
	}
	hint := text.Span{Start: -1, End: -1}
	if p.pos != nil {
		hint = *p.pos
	}
	res, ok := anchor.Locate(x, *p.quote, hint)
	if !ok || res.Span.Start >= res.Span.End || res.Span.Start < 0 || res.Span.End > x.Len() {
		return text.Span{}, "", false
	}
	switch {
	case foreign && res.Method != anchor.ByFuzzy:
		// Counted in the placement: another tool's positions count
		// another rendering of the page, so a quote found is expected.
	case p.via != "":
		skip("its %s is not used; its quote %s was found at %d–%d by %s", p.via, quoted(p.quote.Exact), res.Span.Start, res.Span.End, res.Method)
	case p.pos != nil || res.Method == anchor.ByFuzzy:
		skip("its text %s was re-anchored at %d–%d by %s, with confidence %.2f", describe(p), res.Span.Start, res.Span.End, res.Method, res.Confidence)
	}
	return res.Span, res.Method, true
}

// describe names a part for a person: its quote, or its position.
func describe(p part) string {
	switch {
	case p.quote != nil && p.pos != nil:
		return fmt.Sprintf("%s (at %d–%d)", quoted(p.quote.Exact), p.pos.Start, p.pos.End)
	case p.quote != nil:
		return quoted(p.quote.Exact)
	case p.pos != nil:
		return fmt.Sprintf("at %d–%d", p.pos.Start, p.pos.End)
	}
	return "(no selector)"
}

// quoteOf describes a target by its parts.
func quoteOf(parts []part) string {
	ds := make([]string, len(parts))
	for i, p := range parts {
		ds[i] = describe(p)
	}
	return strings.Join(ds, " … ")
}

func quoted(s string) string {
	if r := []rune(s); len(r) > 60 {
		s = string(r[:57]) + "…"
	}
	return "“" + s + "”"
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
		if last := &out[len(out)-1]; s.Start <= last.End {
			last.End = max(last.End, s.End)
			continue
		}
		out = append(out, s)
	}
	return out
}
