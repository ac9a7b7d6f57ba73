// Package anchor re-finds an annotation in a text that may have changed,
// from what was stored about it: its position and a W3C TextQuoteSelector
// (the exact quote with some text before and after it).
//
// Locate tries, in order: the stored position (the text there still reads
// the quote); the quote found once, or several times and told apart by its
// context and closeness to the old position; the stored context around a
// changed quote; and a fuzzy match of the quote. Each result says how it was
// found and with what confidence, so that the person can check the doubtful
// ones. Positions are code points.
package anchor

import (
	"strings"

	"sayso/internal/text"
)

// Quote is a TextQuoteSelector.
type Quote struct {
	Exact  string
	Prefix string
	Suffix string
}

// How an annotation was found.
const (
	ByPosition = "position" // the stored position still reads the quote
	ByQuote    = "quote"    // the quote occurs once in the text
	ByContext  = "context"  // chosen among several occurrences, or between the stored prefix and suffix
	ByFuzzy    = "fuzzy"    // an approximate match of the quote
)

// Result is where Locate found a quote.
type Result struct {
	Span       text.Span
	Method     string
	Confidence float64 // 1 for an exact position; lower as guesses get looser
}

// MinFuzzyConfidence is the least similarity a fuzzy match needs.
const MinFuzzyConfidence = 0.75

// MinContextSimilarity is the least similarity a changed quote found
// between its old prefix and suffix needs: below it the passage was
// rewritten, not edited.
const MinContextSimilarity = 0.5

// Bounds on the work of the searches: candidates compared by context, and
// the quote length and candidates a fuzzy search (quadratic) takes on.
const (
	maxCandidates      = 500
	maxFuzzyCandidates = 40
	maxFuzzyLength     = 400
)

// Locate finds q in x, near hint (the stored position) when that helps.
func Locate(x *text.Index, q Quote, hint text.Span) (Result, bool) {
	if q.Exact == "" {
		return Result{}, false
	}
	if hint.Start >= 0 && hint.End <= x.Len() && hint.Start < hint.End && x.Slice(hint.Start, hint.End) == q.Exact {
		return Result{Span: hint, Method: ByPosition, Confidence: 1}, true
	}
	n := len([]rune(q.Exact))
	occ := occurrences(x, q.Exact, maxCandidates)
	switch {
	case len(occ) == 1:
		return Result{Span: text.Span{Start: occ[0], End: occ[0] + n}, Method: ByQuote, Confidence: 0.95}, true
	case len(occ) > 1:
		best, bestScore := occ[0], -1.0
		for _, o := range occ {
			sp := text.Span{Start: o, End: o + n}
			if s := contextScore(x, q, sp, hint); s > bestScore {
				best, bestScore = o, s
			}
		}
		return Result{Span: text.Span{Start: best, End: best + n}, Method: ByContext, Confidence: 0.6 + 0.3*min(bestScore, 1)}, true
	}
	if r, ok := betweenContext(x, q, n); ok {
		return r, true
	}
	return fuzzy(x, q, hint)
}

// occurrences lists the code-point starts of s in x, at most limit of them.
// Byte matches that do not start and end on code-point boundaries (possible
// with invalid UTF-8) do not count.
func occurrences(x *text.Index, s string, limit int) []int {
	var out []int
	body := x.Text()
	n := len([]rune(s))
	for from := 0; len(out) < limit; {
		i := strings.Index(body[from:], s)
		if i < 0 {
			break
		}
		b := from + i
		if cp := x.CodePointAtByte(b); x.ByteOffset(cp) == b && x.ByteOffset(cp+n) == b+len(s) {
			out = append(out, cp)
		}
		from = b + 1
	}
	return out
}

// nextOccurrence is the code-point start of the first s at or after from.
func nextOccurrence(x *text.Index, s string, from int) (int, bool) {
	b := x.ByteOffset(from)
	i := strings.Index(x.Text()[b:], s)
	if i < 0 || x.ByteOffset(x.CodePointAtByte(b+i)) != b+i {
		return 0, false
	}
	return x.CodePointAtByte(b + i), true
}

// contextScore rates a candidate by how much of the stored prefix and
// suffix surround it (0–1) and, slightly, by closeness to the hint.
func contextScore(x *text.Index, q Quote, sp text.Span, hint text.Span) float64 {
	before, _ := x.Context(sp, len([]rune(q.Prefix)))
	_, after := x.Context(sp, len([]rune(q.Suffix)))
	pre := text.CommonSuffixLen(before, q.Prefix)
	suf := text.CommonPrefixLen(after, q.Suffix)
	total := len([]rune(q.Prefix)) + len([]rune(q.Suffix))
	score := 0.0
	if total > 0 {
		score = float64(pre+suf) / float64(total)
	}
	d := sp.Start - hint.Start
	if d < 0 {
		d = -d
	}
	return score + 0.01/float64(1+d)
}

// betweenContext finds a changed quote between its stored prefix and
// suffix, when both are long enough to be telling and occur once, close
// together.
func betweenContext(x *text.Index, q Quote, n int) (Result, bool) {
	const minContext = 8
	if len([]rune(q.Prefix)) < minContext || len([]rune(q.Suffix)) < minContext {
		return Result{}, false
	}
	pre := occurrences(x, q.Prefix, 2)
	if len(pre) != 1 {
		return Result{}, false
	}
	start := pre[0] + len([]rune(q.Prefix))
	end, ok := nextOccurrence(x, q.Suffix, start)
	if !ok {
		return Result{}, false
	}
	if end <= start || float64(end-start) > 1.5*float64(n)+8 || float64(end-start) < 0.5*float64(n) {
		return Result{}, false
	}
	sim := similarity(q.Exact, x.Slice(start, end))
	if sim < MinContextSimilarity {
		return Result{}, false // the context survived but the quote was rewritten
	}
	return Result{Span: text.Span{Start: start, End: end}, Method: ByContext, Confidence: 0.5 + 0.4*sim}, true
}

// fuzzy looks for the window of the text most similar to the quote, among
// windows starting where the quote's first characters or ending where its
// last characters occur.
func fuzzy(x *text.Index, q Quote, hint text.Span) (Result, bool) {
	r := []rune(q.Exact)
	n := len(r)
	if n < 4 || n > maxFuzzyLength {
		return Result{}, false
	}
	k := min(8, max(2, n/4))
	head, tail := string(r[:k]), string(r[n-k:])
	best := Result{}
	consider := func(start, end int) {
		if start < 0 || end > x.Len() || start >= end {
			return
		}
		sim := similarity(q.Exact, x.Slice(start, end))
		if sim > best.Confidence || (sim == best.Confidence && closer(start, best.Span.Start, hint.Start)) {
			best = Result{Span: text.Span{Start: start, End: end}, Method: ByFuzzy, Confidence: sim}
		}
	}
	for _, s := range occurrences(x, head, maxFuzzyCandidates) {
		for _, l := range []int{n, n * 9 / 10, n * 11 / 10} {
			consider(s, s+l)
		}
		// The end where the tail occurs next, if close.
		if e, ok := nextOccurrence(x, tail, s); ok && e+k-s <= 2*n {
			consider(s, e+k)
		}
	}
	for _, e := range occurrences(x, tail, maxFuzzyCandidates) {
		end := e + k
		for _, l := range []int{n, n * 9 / 10, n * 11 / 10} {
			consider(end-l, end)
		}
	}
	if best.Confidence < MinFuzzyConfidence {
		return Result{}, false
	}
	best.Confidence *= 0.9 // a fuzzy match is never certain
	return best, true
}

func closer(a, b, to int) bool {
	da, db := a-to, b-to
	if da < 0 {
		da = -da
	}
	if db < 0 {
		db = -db
	}
	return da < db
}

// similarity is 1 - Levenshtein distance / longer length, over code points.
func similarity(a, b string) float64 {
	ra, rb := []rune(a), []rune(b)
	if len(ra) == 0 && len(rb) == 0 {
		return 1
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return 1 - float64(prev[len(rb)])/float64(max(len(ra), len(rb)))
}
