package agreement

import (
	"sort"

	"sayso/internal/text"
)

// Mode is how two spans must relate to match.
type Mode int

const (
	// Exact: same start and same end.
	Exact Mode = iota
	// Overlap: OverlapRatio ≥ OverlapThreshold.
	Overlap
)

func (m Mode) String() string {
	switch m {
	case Exact:
		return "exact"
	case Overlap:
		return "overlap"
	}
	return "unknown"
}

// OverlapThreshold is the least OverlapRatio of two spans matched by
// overlap.
const OverlapThreshold = 0.5

// OverlapRatio is |a ∩ b| / max(|a|, |b|), in code points: 1 for equal
// spans, 0 for disjoint or empty ones.
func OverlapRatio(a, b text.Span) float64 {
	inter, longest := overlap(a, b)
	if inter == 0 {
		return 0
	}
	return float64(inter) / float64(longest)
}

// overlap returns |a ∩ b| and max(|a|, |b|).
func overlap(a, b text.Span) (inter, longest int) {
	longest = max(a.Len(), b.Len())
	if !a.Overlaps(b) {
		return 0, longest
	}
	return min(a.End, b.End) - max(a.Start, b.Start), longest
}

// Matches reports whether a and b match in mode m. Empty spans match
// nothing.
func Matches(a, b text.Span, m Mode) bool {
	inter, longest := overlap(a, b)
	if inter == 0 {
		return false
	}
	if m == Exact {
		return a == b
	}
	return 2*inter >= longest // inter/longest ≥ OverlapThreshold, in integers
}

// Pair is one match: indexes into the key and the other span lists.
type Pair struct{ Key, Other int }

// Match pairs key spans with other spans one to one. Every pair of spans
// that match in mode m is a candidate; candidates are taken by decreasing
// OverlapRatio, ties going to the lower key index and then the lower other
// index, and a candidate is kept when neither of its spans is taken yet.
// The pairs come back ordered by key index.
func Match(key, other []text.Span, m Mode) []Pair {
	type cand struct{ k, o, inter, longest int }
	var cands []cand
	// Only other spans starting before a ends, and late enough to reach
	// it, can match a: sorted by start, they are a slice found by search.
	byStart := make([]int, len(other))
	longest := 0
	for j := range other {
		byStart[j] = j
		longest = max(longest, other[j].Len())
	}
	sort.SliceStable(byStart, func(x, y int) bool { return other[byStart[x]].Start < other[byStart[y]].Start })
	for i, a := range key {
		hi := sort.Search(len(byStart), func(x int) bool { return other[byStart[x]].Start >= max(a.End, a.Start+1) })
		lo := sort.Search(hi, func(x int) bool { return other[byStart[x]].Start >= a.Start-longest })
		for _, j := range byStart[lo:hi] {
			if b := other[j]; Matches(a, b, m) {
				inter, longest := overlap(a, b)
				cands = append(cands, cand{i, j, inter, longest})
			}
		}
	}
	sort.Slice(cands, func(x, y int) bool {
		a, b := cands[x], cands[y]
		if l, r := a.inter*b.longest, b.inter*a.longest; l != r {
			return l > r // larger ratio first, compared without division
		}
		if a.k != b.k {
			return a.k < b.k
		}
		return a.o < b.o
	})
	keyUsed := make([]bool, len(key))
	otherUsed := make([]bool, len(other))
	var pairs []Pair
	for _, c := range cands {
		if keyUsed[c.k] || otherUsed[c.o] {
			continue
		}
		keyUsed[c.k], otherUsed[c.o] = true, true
		pairs = append(pairs, Pair{c.k, c.o})
	}
	sort.Slice(pairs, func(i, j int) bool { return pairs[i].Key < pairs[j].Key })
	return pairs
}

// ScoreSpans compares other with key in mode m: Match, then NewPRF.
func ScoreSpans(key, other []text.Span, m Mode) PRF {
	return NewPRF(len(Match(key, other, m)), len(key), len(other))
}
