package agreement

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/text"
)

func TestFleissKappa(t *testing.T) {
	tests := []struct {
		name   string
		counts [][]int
		want   float64
		delta  float64
	}{
		{
			// https://en.wikipedia.org/wiki/Fleiss%27_kappa, worked example:
			// 10 subjects, 14 raters, 5 categories.
			name: "Wikipedia worked example",
			counts: [][]int{
				{0, 0, 0, 0, 14}, {0, 2, 6, 4, 2}, {0, 0, 3, 5, 6}, {0, 3, 9, 2, 0}, {2, 2, 8, 1, 1},
				{7, 7, 0, 0, 0}, {3, 2, 6, 3, 0}, {2, 5, 3, 2, 2}, {6, 5, 2, 1, 0}, {0, 2, 2, 3, 7},
			},
			want:  0.210,
			delta: 0.0005,
		},
		{
			// By hand: 2 subjects, 3 raters, 2 categories.
			// p = (4/6, 2/6); P_1 = (9 − 3)/6 = 1, P_2 = (1 + 4 − 3)/6 = 1/3;
			// mean P = 2/3; P_e = 4/9 + 1/9 = 5/9;
			// kappa = (2/3 − 5/9) / (1 − 5/9) = (1/9) / (4/9) = 1/4.
			name:   "hand-computed example",
			counts: [][]int{{3, 0}, {1, 2}},
			want:   0.25,
			delta:  1e-12,
		},
		{
			name:   "perfect agreement",
			counts: [][]int{{3, 0}, {0, 3}},
			want:   1,
			delta:  1e-12,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := FleissKappa(tt.counts)
			require.NoError(t, err)
			assert.InDelta(t, tt.want, got, tt.delta)
		})
	}
}

func TestFleissKappaErrors(t *testing.T) {
	tests := []struct {
		name   string
		counts [][]int
		want   error
	}{
		{"no subjects", nil, ErrNoUnits},
		{"unequal raters", [][]int{{2, 0}, {1, 2}}, ErrInvalid},
		{"ragged categories", [][]int{{2, 0}, {2}}, ErrInvalid},
		{"negative count", [][]int{{3, -1}}, ErrInvalid},
		{"one rater", [][]int{{1, 0}, {0, 1}}, ErrTooFewAnnotators},
		{"one category used", [][]int{{2, 0}, {2, 0}}, ErrUndefined},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := FleissKappa(tt.counts)
			assert.ErrorIs(t, err, tt.want)
		})
	}
}

func TestStanceKappaUsesClaimsEveryAnnotatorMarkedWithAStance(t *testing.T) {
	// Units: (favor, favor), (favor, against); the third claim only A
	// marked, the fourth B left without stance. Categories (against,
	// favor): counts {0,2}, {1,1}; p = (1/4, 3/4); P = (1, 0);
	// P_e = 10/16; kappa = (1/2 − 5/8) / (3/8) = −1/3.
	a := spanClaims("A", []text.Span{sp(0, 10), sp(20, 30), sp(40, 50), sp(60, 70)}, "favor", "favor", "neutral", "favor")
	b := spanClaims("B", []text.Span{sp(0, 10), sp(20, 30), sp(60, 70)}, "favor", "against", "")

	r, err := StanceKappa([]Annotator{a, b})
	require.NoError(t, err)
	assert.InDelta(t, -1.0/3, r.Kappa, 1e-12)
	assert.Equal(t, 2, r.Units)
	assert.Equal(t, []string{"against", "favor"}, r.Categories)
	assert.Contains(t, r.Method, "Fleiss' kappa")
}

func TestStanceKappaErrors(t *testing.T) {
	a := spanClaims("A", []text.Span{sp(0, 10)}, "favor")
	b := spanClaims("B", []text.Span{sp(30, 40)}, "favor")
	_, err := StanceKappa([]Annotator{a})
	assert.ErrorIs(t, err, ErrTooFewAnnotators)
	_, err = StanceKappa([]Annotator{a, b})
	assert.ErrorIs(t, err, ErrNoUnits)
}
