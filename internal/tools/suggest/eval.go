package main

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"

	"sayso/internal/suggest"
	"sayso/internal/text"
)

// The span types scored, in PolNeAR's labels.
var types = [3]string{"Source", "Cue", "Content"}

// spans is one annotation's fragments, in text order.
type spans []text.Span

func (s spans) key() string {
	var b strings.Builder
	for _, f := range s {
		fmt.Fprintf(&b, "%d-%d;", f.Start, f.End)
	}
	return b.String()
}

func (s spans) size() int {
	n := 0
	for _, f := range s {
		n += f.Len()
	}
	return n
}

// overlaps reports whether a and b share at least half of the longer one.
func overlaps(a, b spans) bool {
	common := 0
	for _, x := range a {
		for _, y := range b {
			if lo, hi := max(x.Start, y.Start), min(x.End, y.End); hi > lo {
				common += hi - lo
			}
		}
	}
	return common > 0 && 2*common >= max(a.size(), b.size())
}

// attr ties indices into a docSpans' lists; -1 when absent.
type attr struct{ source, cue, content int }

// docSpans is one side (gold or predicted) of one document.
type docSpans struct {
	spans  [3][]spans
	attrs  []attr
	direct []bool // per content: it opens with a quotation mark
}

// intern adds s to list t unless it is there already, returning its index.
func (d *docSpans) intern(t int, s spans) int {
	k := s.key()
	for i, o := range d.spans[t] {
		if o.key() == k {
			return i
		}
	}
	d.spans[t] = append(d.spans[t], s)
	return len(d.spans[t]) - 1
}

func opensQuote(doc []rune, s spans) bool {
	if len(s) == 0 || s[0].Start >= len(doc) {
		return false
	}
	return strings.ContainsRune("“\"«‘'„", doc[s[0].Start])
}

func (d *docSpans) markDirect(doc []rune) {
	d.direct = make([]bool, len(d.spans[2]))
	for i, s := range d.spans[2] {
		d.direct[i] = opensQuote(doc, s)
	}
}

// parseGold reads the Source, Cue and Content spans and the E lines of a
// brat .ann file.
func parseGold(src string) (docSpans, error) {
	var d docSpans
	ids := map[string][2]int{} // T id → type, index
	type event struct{ args map[string]string }
	var events []event
	for n, line := range strings.Split(src, "\n") {
		f := strings.Split(line, "\t")
		if len(f) < 2 || f[0] == "" {
			continue
		}
		switch f[0][0] {
		case 'T':
			label, offs, _ := strings.Cut(f[1], " ")
			t := -1
			for i, ty := range types {
				if label == ty {
					t = i
				}
			}
			if t < 0 {
				continue
			}
			var s spans
			for _, part := range strings.Split(offs, ";") {
				a, b, ok := strings.Cut(strings.TrimSpace(part), " ")
				start, err1 := strconv.Atoi(a)
				end, err2 := strconv.Atoi(b)
				if !ok || err1 != nil || err2 != nil {
					return d, fmt.Errorf("line %d: offsets %q", n+1, offs)
				}
				s = append(s, text.Span{Start: start, End: end})
			}
			sort.Slice(s, func(i, j int) bool { return s[i].Start < s[j].Start })
			ids[f[0]] = [2]int{t, d.intern(t, s)}
		case 'E':
			ev := event{args: map[string]string{}}
			for _, a := range strings.Fields(f[1]) {
				role, id, _ := strings.Cut(a, ":")
				ev.args[role] = id
			}
			events = append(events, ev)
		}
	}
	for _, ev := range events {
		a := attr{-1, -1, -1}
		for t, ty := range types {
			if v, ok := ids[ev.args[ty]]; ok && v[0] == t {
				switch t {
				case 0:
					a.source = v[1]
				case 1:
					a.cue = v[1]
				case 2:
					a.content = v[1]
				}
			}
		}
		if a.content >= 0 {
			d.attrs = append(d.attrs, a)
		}
	}
	return d, nil
}

// predicted turns suggestions into a docSpans.
func predicted(doc string, res suggest.Result) docSpans {
	var d docSpans
	for _, sg := range res.Suggestions {
		a := attr{-1, -1, -1}
		if sg.Source.Len() > 0 {
			a.source = d.intern(0, spans{sg.Source})
		}
		a.cue = d.intern(1, spans{sg.Cue})
		c := append(spans(nil), sg.Content...)
		sort.Slice(c, func(i, j int) bool { return c[i].Start < c[j].Start })
		a.content = d.intern(2, c)
		d.attrs = append(d.attrs, a)
	}
	return d
}

// counts are matched predictions, predictions and gold spans.
type counts struct{ Matched, Predicted, Gold int }

// prf is precision, recall and F1 in per cent.
type prf struct {
	Precision, Recall, F1 float64
	counts
}

func (c counts) prf() prf {
	r := prf{counts: c}
	if c.Predicted > 0 {
		r.Precision = 100 * float64(c.Matched) / float64(c.Predicted)
	}
	if c.Gold > 0 {
		r.Recall = 100 * float64(c.Matched) / float64(c.Gold)
	}
	if r.Precision+r.Recall > 0 {
		r.F1 = 2 * r.Precision * r.Recall / (r.Precision + r.Recall)
	}
	return r
}

// scorer sums counts over documents.
type scorer struct {
	files          int
	exact, overlap [3]counts
	attrRight      int // gold attributions whose content and source were both found together
	attrFound      int // gold attributions with a source whose content was found
	attrAll        int // gold attributions with a source
	quotes         counts
	quoteSpeaker   int
}

// match pairs predicted with gold spans one to one, by overlap or exactly;
// it returns, for each predicted span, its gold span or -1.
func match(pred, gold []spans, exact bool) []int {
	out := make([]int, len(pred))
	taken := make([]bool, len(gold))
	keys := map[string]int{}
	if exact {
		for i, g := range gold {
			keys[g.key()] = i
		}
	}
	for i, p := range pred {
		out[i] = -1
		if exact {
			if g, ok := keys[p.key()]; ok && !taken[g] {
				out[i], taken[g] = g, true
			}
			continue
		}
		best, bestSize := -1, 0
		for g, gs := range gold {
			if taken[g] || !overlaps(p, gs) {
				continue
			}
			if sz := commonSize(p, gs); sz > bestSize {
				best, bestSize = g, sz
			}
		}
		if best >= 0 {
			out[i], taken[best] = best, true
		}
	}
	return out
}

func commonSize(a, b spans) int {
	n := 0
	for _, x := range a {
		for _, y := range b {
			if lo, hi := max(x.Start, y.Start), min(x.End, y.End); hi > lo {
				n += hi - lo
			}
		}
	}
	return n
}

func matchedCount(m []int) int {
	n := 0
	for _, g := range m {
		if g >= 0 {
			n++
		}
	}
	return n
}

func (sc *scorer) add(doc string, gold, pred docSpans) {
	sc.files++
	r := []rune(doc)
	gold.markDirect(r)
	pred.markDirect(r)
	var overlapMatch [3][]int
	for t := range types {
		ex := match(pred.spans[t], gold.spans[t], true)
		ov := match(pred.spans[t], gold.spans[t], false)
		overlapMatch[t] = ov
		sc.exact[t].add(matchedCount(ex), len(pred.spans[t]), len(gold.spans[t]))
		sc.overlap[t].add(matchedCount(ov), len(pred.spans[t]), len(gold.spans[t]))
	}
	// Attribution: a gold content found, with its source found for it.
	contentOf := map[int]int{} // gold content → predicted content
	for p, g := range overlapMatch[2] {
		if g >= 0 {
			contentOf[g] = p
		}
	}
	for _, ga := range gold.attrs {
		if ga.source < 0 {
			continue
		}
		sc.attrAll++
		p, ok := contentOf[ga.content]
		if !ok {
			continue
		}
		sc.attrFound++
		if sc.sourceRight(gold, pred, ga.source, p) {
			sc.attrRight++
		}
	}
	// Direct quotes: contents opening with a quotation mark.
	var gq, pq []spans
	var gi, pi []int
	for i, s := range gold.spans[2] {
		if gold.direct[i] {
			gq, gi = append(gq, s), append(gi, i)
		}
	}
	for i, s := range pred.spans[2] {
		if pred.direct[i] {
			pq, pi = append(pq, s), append(pi, i)
		}
	}
	qm := match(pq, gq, false)
	sc.quotes.add(matchedCount(qm), len(pq), len(gq))
	for p, g := range qm {
		if g < 0 {
			continue
		}
		for _, ga := range gold.attrs {
			if ga.content == gi[g] && ga.source >= 0 && sc.sourceRight(gold, pred, ga.source, pi[p]) {
				sc.quoteSpeaker++
				break
			}
		}
	}
}

// sourceRight reports whether a predicted attribution of content p has a
// source overlapping gold source gs.
func (sc *scorer) sourceRight(gold, pred docSpans, gs, p int) bool {
	for _, pa := range pred.attrs {
		if pa.content == p && pa.source >= 0 && overlaps(pred.spans[0][pa.source], gold.spans[0][gs]) {
			return true
		}
	}
	return false
}

func (c *counts) add(m, p, g int) { c.Matched += m; c.Predicted += p; c.Gold += g }

// report is what -eval prints and writes as JSON.
type report struct {
	Part    string         `json:"part"`
	Files   int            `json:"files"`
	Exact   map[string]prf `json:"exact"`
	Overlap map[string]prf `json:"overlap"`
	// AttributionAccuracy: of the gold contents found (by overlap), the
	// share whose suggested source overlaps the gold source.
	AttributionAccuracy float64 `json:"attributionAccuracy"`
	// AttributionRecall: of all gold attributions with a source, the share
	// found with the right source.
	AttributionRecall float64 `json:"attributionRecall"`
	DirectQuotes      prf     `json:"directQuotes"`
	// DirectQuoteSpeaker: of the direct quotes found, the share with the
	// right source.
	DirectQuoteSpeaker float64 `json:"directQuoteSpeaker"`
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

func (sc *scorer) report() report {
	r := report{Exact: map[string]prf{}, Overlap: map[string]prf{}}
	for t, ty := range types {
		name := strings.ToLower(ty)
		r.Exact[name] = sc.exact[t].prf()
		r.Overlap[name] = sc.overlap[t].prf()
	}
	r.AttributionAccuracy = pct(sc.attrRight, sc.attrFound)
	r.AttributionRecall = pct(sc.attrRight, sc.attrAll)
	r.DirectQuotes = sc.quotes.prf()
	r.DirectQuoteSpeaker = pct(sc.quoteSpeaker, sc.quotes.Matched)
	return r
}

func printReport(w io.Writer, r report) {
	fmt.Fprintf(w, "%s: %d files\n", r.Part, r.Files)
	fmt.Fprintf(w, "%-8s %-8s %6s %6s %6s %6s %6s\n", "type", "match", "P", "R", "F1", "pred", "gold")
	for _, ty := range types {
		name := strings.ToLower(ty)
		for _, m := range []struct {
			how string
			v   prf
		}{{"exact", r.Exact[name]}, {"overlap", r.Overlap[name]}} {
			fmt.Fprintf(w, "%-8s %-8s %6.1f %6.1f %6.1f %6d %6d\n", name, m.how, m.v.Precision, m.v.Recall, m.v.F1, m.v.Predicted, m.v.Gold)
		}
	}
	q := r.DirectQuotes
	fmt.Fprintf(w, "%-8s %-8s %6.1f %6.1f %6.1f %6d %6d  right speaker %.1f%%\n", "quotes", "overlap", q.Precision, q.Recall, q.F1, q.Predicted, q.Gold, r.DirectQuoteSpeaker)
	fmt.Fprintf(w, "attribution accuracy %.1f%% of found contents (%.1f%% of all gold attributions)\n", r.AttributionAccuracy, r.AttributionRecall)
}

// errorLog collects what -errors prints: per span type, the texts of gold
// spans missed and of predicted spans that match no gold span exactly, and
// for spans that overlap but differ, the words at the boundaries that
// differ ("+that" = only the gold span has it, "-." = only the prediction).
type errorLog struct {
	missed, spurious, boundary [3]map[string]int
	examples                   [3][]string
	// quotes lists, per document, the direct quotes missed, spurious
	// (matching no gold direct quote by overlap) and found with a wrong
	// speaker, each with the text around it.
	quotes []string
}

func newErrorLog() *errorLog {
	var e errorLog
	for t := range types {
		e.missed[t], e.spurious[t], e.boundary[t] = map[string]int{}, map[string]int{}, map[string]int{}
	}
	return &e
}

func spanText(doc []rune, s spans) string {
	var parts []string
	for _, f := range s {
		if f.Start >= 0 && f.End <= len(doc) && f.Start <= f.End {
			parts = append(parts, strings.Join(strings.Fields(string(doc[f.Start:f.End])), " "))
		}
	}
	return strings.Join(parts, " | ")
}

// edge describes how predicted span p differs from gold span g at its
// start and end.
func edge(doc []rune, p, g spans) string {
	ps, pe, gs, ge := p[0].Start, p[len(p)-1].End, g[0].Start, g[len(g)-1].End
	clip := func(a, b int) string {
		t := strings.Join(strings.Fields(string(doc[a:b])), " ")
		if w := strings.Fields(t); len(w) > 3 {
			t = strings.Join(w[:2], " ") + " …"
		}
		return t
	}
	var d []string
	switch {
	case gs < ps:
		d = append(d, "start +"+clip(gs, ps))
	case ps < gs:
		d = append(d, "start -"+clip(ps, gs))
	}
	switch {
	case ge > pe:
		d = append(d, "end +"+clip(pe, ge))
	case pe > ge:
		d = append(d, "end -"+clip(ge, pe))
	}
	if len(d) == 0 {
		return "fragments differ"
	}
	return strings.Join(d, ", ")
}

// around returns s's text with up to n code points of context either
// side, the span itself between ⟦ and ⟧.
func around(doc []rune, s spans, n int) string {
	a, b := s[0].Start, s[len(s)-1].End
	lo, hi := max(0, a-n), min(len(doc), b+n)
	return strings.Join(strings.Fields(string(doc[lo:a])+"⟦"+string(doc[a:b])+"⟧"+string(doc[b:hi])), " ")
}

// addQuotes logs the direct quotes missed, spurious and found with a wrong
// speaker, as the quote figures count them.
func (e *errorLog) addQuotes(doc []rune, name string, gold, pred docSpans) {
	gold.markDirect(doc)
	pred.markDirect(doc)
	var gq, pq []spans
	var gi, pi []int
	for i, s := range gold.spans[2] {
		if gold.direct[i] {
			gq, gi = append(gq, s), append(gi, i)
		}
	}
	for i, s := range pred.spans[2] {
		if pred.direct[i] {
			pq, pi = append(pq, s), append(pi, i)
		}
	}
	qm := match(pq, gq, false)
	hit := make([]bool, len(gq))
	var sc scorer
	for p, g := range qm {
		if g < 0 {
			var near []string
			for _, gs := range gold.spans[2] {
				if commonSize(gs, pq[p]) > 0 {
					near = append(near, spanText(doc, gs))
				}
			}
			e.quotes = append(e.quotes, fmt.Sprintf("SPURIOUS %s: %s\n    gold there: %q", name, around(doc, pq[p], 60), near))
			continue
		}
		hit[g] = true
		right, hasGoldSource := false, false
		goldSrc, predSrc := "", ""
		for _, ga := range gold.attrs {
			if ga.content == gi[g] && ga.source >= 0 {
				hasGoldSource = true
				goldSrc = spanText(doc, gold.spans[0][ga.source])
				if sc.sourceRight(gold, pred, ga.source, pi[p]) {
					right = true
				}
			}
		}
		if !right && hasGoldSource {
			for _, pa := range pred.attrs {
				if pa.content == pi[p] && pa.source >= 0 {
					predSrc = spanText(doc, pred.spans[0][pa.source])
				}
			}
			e.quotes = append(e.quotes, fmt.Sprintf("SPEAKER %s: gold %q pred %q: %s", name, goldSrc, predSrc, around(doc, gq[g], 80)))
		}
	}
	for g, h := range hit {
		if !h {
			var near []string
			for _, ps := range pred.spans[2] {
				if commonSize(ps, gq[g]) > 0 {
					near = append(near, spanText(doc, ps))
				}
			}
			e.quotes = append(e.quotes, fmt.Sprintf("MISSED %s: %s\n    suggested there: %q", name, around(doc, gq[g], 60), near))
		}
	}
}

func (e *errorLog) add(doc []rune, name string, gold, pred docSpans) {
	e.addQuotes(doc, name, gold, pred)
	for t := range types {
		ex := match(pred.spans[t], gold.spans[t], true)
		ov := match(pred.spans[t], gold.spans[t], false)
		hit := make([]bool, len(gold.spans[t]))
		for _, g := range ex {
			if g >= 0 {
				hit[g] = true
			}
		}
		for p, g := range ex {
			if g >= 0 {
				continue
			}
			if og := ov[p]; og >= 0 && !hit[og] {
				e.boundary[t][edge(doc, pred.spans[t][p], gold.spans[t][og])]++
				if len(e.examples[t]) < 400 {
					e.examples[t] = append(e.examples[t], fmt.Sprintf("%s\n  gold: %s\n  pred: %s", name, spanText(doc, gold.spans[t][og]), spanText(doc, pred.spans[t][p])))
				}
				hit[og] = true
				continue
			}
			e.spurious[t][strings.ToLower(spanText(doc, pred.spans[t][p]))]++
		}
		for g, h := range hit {
			if !h {
				e.missed[t][strings.ToLower(spanText(doc, gold.spans[t][g]))]++
			}
		}
	}
}

func printTop(w io.Writer, title string, m map[string]int, n int) {
	type kv struct {
		k string
		v int
	}
	var l []kv
	total := 0
	for k, v := range m {
		l = append(l, kv{k, v})
		total += v
	}
	sort.Slice(l, func(i, j int) bool { return l[i].v > l[j].v || l[i].v == l[j].v && l[i].k < l[j].k })
	fmt.Fprintf(w, "== %s (%d)\n", title, total)
	for i := 0; i < len(l) && i < n; i++ {
		k := l[i].k
		if len(k) > 160 {
			k = k[:160] + "…"
		}
		fmt.Fprintf(w, "%5d  %s\n", l[i].v, k)
	}
}

func (e *errorLog) print(w io.Writer, n int) {
	for t, ty := range types {
		printTop(w, ty+" missed", e.missed[t], n)
		printTop(w, ty+" spurious", e.spurious[t], n)
		printTop(w, ty+" boundary (overlapping, not exact)", e.boundary[t], n)
		fmt.Fprintf(w, "== %s boundary examples\n%s\n", ty, strings.Join(e.examples[t], "\n"))
	}
	fmt.Fprintf(w, "== Direct quotes missed, spurious or with a wrong speaker (%d)\n%s\n", len(e.quotes), strings.Join(e.quotes, "\n"))
}
