package merge

import (
	"sort"
	"unicode/utf8"

	"sayso/internal/anchor"
	"sayso/internal/annotation"
	"sayso/internal/text"
)

// placement is where an imported annotation's fragments were found in the
// text it is merged onto.
type placement struct {
	fragments []text.Span
	weakest   anchor.Result // the least sure fragment; Method is ByPosition when none moved
}

// relocate finds fragments, positions in the imported text old, in the
// text to. Each fragment is looked for with its quote and the context it
// has in old (not the stored prefix and suffix, which only a hull has and
// which nothing checks). A fragment stays at its old position when the new
// text still reads its quote there with its context intact on at least one
// side; otherwise anchor.Locate searches for it, its old start telling
// apart equal candidates, and a short quote found elsewhere must have kept
// some of its context (see inContext). It returns why when a fragment cannot be found
// or the fragments found overlap.
func relocate(old, to *text.Index, fragments []text.Span) (placement, string) {
	return relocateNear(old, to, fragments, func(f text.Span) text.Span { return f })
}

// Relocate finds fragments of the text old in the text to as an import
// does (see Merge), where expects each fragment at where(fragment) in to
// (its position moved by the edit that made to from old). It returns the
// fragments found and how the least sure of them was found (Method
// anchor.ByPosition when none moved from where expected), or why they
// cannot be placed.
func Relocate(old, to *text.Index, fragments []text.Span, where func(text.Span) text.Span) ([]text.Span, anchor.Result, string) {
	p, why := relocateNear(old, to, fragments, where)
	return p.fragments, p.weakest, why
}

func relocateNear(old, to *text.Index, fragments []text.Span, where func(text.Span) text.Span) (placement, string) {
	p := placement{weakest: anchor.Result{Method: anchor.ByPosition, Confidence: 1}}
	for _, of := range fragments {
		q := anchor.Quote{Exact: old.Slice(of.Start, of.End)}
		q.Prefix, q.Suffix = old.Context(of, annotation.ContextLength)
		f := where(of)
		res := anchor.Result{Span: f, Method: anchor.ByPosition, Confidence: 1}
		if !stays(to, f, q) {
			var ok bool
			// An empty hint skips Locate's position test, done above with
			// the context, but keeps the expected start for telling apart.
			res, ok = anchor.Locate(to, q, text.Span{Start: f.Start, End: f.Start})
			if !ok {
				return placement{}, "its quote is not in the text any more"
			}
			if !inContext(to, res.Span, q) {
				return placement{}, "its quote is short and is found only outside its context"
			}
		}
		p.fragments = append(p.fragments, res.Span)
		if res.Confidence < p.weakest.Confidence || (p.weakest.Method == anchor.ByPosition && res.Method != anchor.ByPosition) {
			p.weakest = res
		}
	}
	sort.Slice(p.fragments, func(i, j int) bool { return p.fragments[i].Start < p.fragments[j].Start })
	for i, f := range p.fragments {
		if f.Start < 0 || f.End > to.Len() || f.Start >= f.End || (i > 0 && p.fragments[i-1].End > f.Start) {
			return placement{}, "its fragments, found again, overlap"
		}
	}
	return p, ""
}

// Short quotes (a cue like "said", a pronoun) occur all over a text: found
// away from their position, they must also have kept some of their context.
const (
	shortQuote    = 16 // code points
	shortEvidence = 8  // code points of context that must agree
)

// inContext reports whether a quote found at sp is long enough to be
// believed anywhere, or has kept at least shortEvidence code points of its
// old context (all of it, if it had less).
func inContext(to *text.Index, sp text.Span, q anchor.Quote) bool {
	if utf8.RuneCountInString(q.Exact) >= shortQuote {
		return true
	}
	pre, suf := to.Context(sp, annotation.ContextLength)
	agree := text.CommonSuffixLen(pre, q.Prefix) + text.CommonPrefixLen(suf, q.Suffix)
	return agree >= min(shortEvidence, utf8.RuneCountInString(q.Prefix)+utf8.RuneCountInString(q.Suffix))
}

// stays reports whether to still reads q at f, with q's prefix or suffix
// around it.
func stays(to *text.Index, f text.Span, q anchor.Quote) bool {
	if f.Start < 0 || f.End > to.Len() || f.Start >= f.End || to.Slice(f.Start, f.End) != q.Exact {
		return false
	}
	pre, suf := to.Context(f, annotation.ContextLength)
	return pre == q.Prefix || suf == q.Suffix
}
