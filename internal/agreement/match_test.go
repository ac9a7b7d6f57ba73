package agreement

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"sayso/internal/text"
)

func TestOverlapRatioDividesByTheLongerSpan(t *testing.T) {
	tests := []struct {
		name string
		a, b text.Span
		want float64
	}{
		{"equal", sp(2, 6), sp(2, 6), 1},
		{"half of the longer", sp(0, 10), sp(5, 15), 0.5},
		{"short inside long", sp(0, 10), sp(2, 4), 0.2},
		{"disjoint", sp(0, 3), sp(3, 6), 0},
		{"empty", sp(4, 4), sp(0, 10), 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.InDelta(t, tt.want, OverlapRatio(tt.a, tt.b), 1e-12)
			assert.InDelta(t, tt.want, OverlapRatio(tt.b, tt.a), 1e-12, "symmetric")
		})
	}
}

func TestMatchesAtTheThreshold(t *testing.T) {
	assert.True(t, Matches(sp(0, 10), sp(5, 15), Overlap), "ratio 0.5 matches")
	assert.False(t, Matches(sp(0, 10), sp(6, 16), Overlap), "ratio 0.4 does not")
	assert.False(t, Matches(sp(0, 10), sp(0, 9), Exact))
	assert.True(t, Matches(sp(0, 10), sp(0, 10), Exact))
	assert.False(t, Matches(sp(3, 3), sp(3, 3), Exact), "empty spans match nothing")
}

func TestNewPRF(t *testing.T) {
	tests := []struct {
		name               string
		matched, key, oth  int
		wantP, wantR, want float64
	}{
		{"both empty is perfect", 0, 0, 0, 1, 1, 1},
		{"nothing marked", 0, 3, 0, 0, 0, 0},
		{"nothing to find", 0, 0, 2, 0, 0, 0},
		{"no match", 0, 2, 2, 0, 0, 0},
		{"half", 1, 2, 2, 0.5, 0.5, 0.5},
		{"all found, one extra", 2, 2, 3, 2.0 / 3, 1, 0.8},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := NewPRF(tt.matched, tt.key, tt.oth)
			assert.InDelta(t, tt.wantP, p.Precision, 1e-12)
			assert.InDelta(t, tt.wantR, p.Recall, 1e-12)
			assert.InDelta(t, tt.want, p.F1, 1e-12)
		})
	}
}

func TestScoreSpans(t *testing.T) {
	tests := []struct {
		name       string
		key, other []text.Span
		mode       Mode
		want       PRF
	}{
		{"exact and overlap differ: exact misses a shifted span",
			[]text.Span{sp(0, 10), sp(20, 30)}, []text.Span{sp(0, 10), sp(21, 30)}, Exact, NewPRF(1, 2, 2)},
		{"exact and overlap differ: overlap finds it",
			[]text.Span{sp(0, 10), sp(20, 30)}, []text.Span{sp(0, 10), sp(21, 30)}, Overlap, NewPRF(2, 2, 2)},
		{"two student spans over one key span count once",
			[]text.Span{sp(0, 10)}, []text.Span{sp(0, 8), sp(2, 10)}, Overlap, NewPRF(1, 1, 2)},
		{"duplicate exact spans count once",
			[]text.Span{sp(0, 10)}, []text.Span{sp(0, 10), sp(0, 10)}, Exact, NewPRF(1, 1, 2)},
		{"a short span inside a long one is no match",
			[]text.Span{sp(0, 20)}, []text.Span{sp(5, 9)}, Overlap, NewPRF(0, 1, 1)},
		{"both empty", nil, nil, Overlap, NewPRF(0, 0, 0)},
		{"empty key", nil, []text.Span{sp(0, 1)}, Overlap, NewPRF(0, 0, 1)},
		{"empty other", []text.Span{sp(0, 1)}, nil, Exact, NewPRF(0, 1, 0)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, ScoreSpans(tt.key, tt.other, tt.mode))
		})
	}
}

func TestMatchIsGreedyByRatioWithDeterministicTies(t *testing.T) {
	tests := []struct {
		name       string
		key, other []text.Span
		want       []Pair
	}{
		{"the better overlap wins the key span",
			[]text.Span{sp(0, 10)}, []text.Span{sp(0, 6), sp(0, 9)}, []Pair{{0, 1}}},
		{"a tie goes to the earlier other span",
			[]text.Span{sp(0, 10)}, []text.Span{sp(0, 8), sp(2, 10)}, []Pair{{0, 0}}},
		{"a tie goes to the earlier key span",
			[]text.Span{sp(0, 8), sp(2, 10)}, []text.Span{sp(0, 10)}, []Pair{{0, 0}}},
		{"greedy leaves the second best to the other key span",
			[]text.Span{sp(0, 10), sp(4, 12)}, []text.Span{sp(0, 10), sp(3, 12)},
			[]Pair{{0, 0}, {1, 1}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Match(tt.key, tt.other, Overlap))
		})
	}
}
