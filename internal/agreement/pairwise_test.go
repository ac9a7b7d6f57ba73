package agreement

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/text"
)

func TestPairwiseF1IsASymmetricMatrix(t *testing.T) {
	a := spanClaims("A", []text.Span{sp(0, 10), sp(20, 30)})
	b := spanClaims("B", []text.Span{sp(0, 9)})              // F1 with A: P 1, R 1/2 → 2/3
	c := spanClaims("C", []text.Span{sp(0, 10), sp(50, 60)}) // with A: 1/2; with B: P 1/2, R 1 → 2/3

	pw, err := PairwiseF1([]Annotator{a, b, c}, annotation.LabelClaim)
	require.NoError(t, err)
	assert.Equal(t, []string{"A", "B", "C"}, pw.Names)
	want := [][]float64{
		{1, 2.0 / 3, 0.5},
		{2.0 / 3, 1, 2.0 / 3},
		{0.5, 2.0 / 3, 1},
	}
	for i := range want {
		assert.InDeltaSlice(t, want[i], pw.F1[i], 1e-12)
		for j := range want {
			assert.Equal(t, pw.F1[i][j], pw.F1[j][i])
		}
	}
	assert.InDelta(t, (2.0/3+0.5+2.0/3)/3, pw.Mean, 1e-12)
}

func TestPairwiseF1NeedsTwoAnnotators(t *testing.T) {
	_, err := PairwiseF1([]Annotator{spanClaims("A", nil)}, "")
	assert.ErrorIs(t, err, ErrTooFewAnnotators)
}
