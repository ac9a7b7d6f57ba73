package agreement

import (
	"math/rand/v2"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"

	"sayso/internal/text"
)

// bruteMatch is Match comparing every pair, as it was written first: the
// sweep must give the same pairs.
func bruteMatch(key, other []text.Span, m Mode) []Pair {
	type cand struct{ k, o, inter, longest int }
	var cands []cand
	for i, a := range key {
		for j, b := range other {
			if Matches(a, b, m) {
				inter, longest := overlap(a, b)
				cands = append(cands, cand{i, j, inter, longest})
			}
		}
	}
	sort.Slice(cands, func(x, y int) bool {
		a, b := cands[x], cands[y]
		if l, r := a.inter*b.longest, b.inter*a.longest; l != r {
			return l > r
		}
		if a.k != b.k {
			return a.k < b.k
		}
		return a.o < b.o
	})
	ku, ou := make([]bool, len(key)), make([]bool, len(other))
	var pairs []Pair
	for _, c := range cands {
		if !ku[c.k] && !ou[c.o] {
			ku[c.k], ou[c.o] = true, true
			pairs = append(pairs, Pair{c.k, c.o})
		}
	}
	sort.Slice(pairs, func(i, j int) bool { return pairs[i].Key < pairs[j].Key })
	return pairs
}

func randomSpans(r *rand.Rand, n int) []text.Span {
	out := make([]text.Span, n)
	for i := range out {
		s := r.IntN(200)
		out[i] = text.Span{Start: s, End: s + r.IntN(40)}
	}
	return out
}

func TestMatchBySweepFindsWhatComparingEveryPairFinds(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	for round := range 2000 {
		key, other := randomSpans(r, r.IntN(30)), randomSpans(r, r.IntN(30))
		for _, m := range []Mode{Exact, Overlap} {
			assert.Equal(t, bruteMatch(key, other, m), Match(key, other, m), "round %d, mode %v", round, m)
		}
	}
}
