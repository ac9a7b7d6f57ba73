package agreement

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/text"
)

// transpose turns coders × units rows ("." = missing) into the units ×
// annotators table AlphaNominal takes.
func transpose(coders []string) [][]string {
	var rows [][]string
	for c, line := range coders {
		for u, v := range strings.Fields(line) {
			if u == len(rows) {
				rows = append(rows, make([]string, len(coders)))
			}
			if v != "." {
				rows[u][c] = v
			}
		}
	}
	return rows
}

func TestAlphaNominal(t *testing.T) {
	tests := []struct {
		name   string
		coders []string
		want   float64
	}{
		{
			// Krippendorff (2011), "Computing Krippendorff's
			// Alpha-Reliability", C: 4 coders, 12 units, missing values.
			name: "Krippendorff 2011 nominal example",
			coders: []string{
				"1 2 3 3 2 1 4 1 2 . . .",
				"1 2 3 3 2 2 4 1 2 5 . 3",
				". 3 3 3 2 3 4 2 2 5 1 .",
				"1 2 3 3 2 4 4 1 2 5 1 .",
			},
			want: 0.743,
		},
		{
			name:   "perfect agreement with missing values",
			coders: []string{"a b a .", "a b . c", ". b a c"},
			want:   1,
		},
		{
			// Units (a,b) and (b,a): o_ab = o_ba = 2, n_a = n_b = 2,
			// alpha = 1 − 3·4 / (16 − 8) = −0.5.
			name:   "systematic disagreement",
			coders: []string{"a b", "b a"},
			want:   -0.5,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := AlphaNominal(transpose(tt.coders))
			require.NoError(t, err)
			assert.InDelta(t, tt.want, got, 0.0005)
		})
	}
}

func TestAlphaNominalIsUndefinedWithoutVariation(t *testing.T) {
	tests := []struct {
		name   string
		coders []string
	}{
		{"one value used", []string{"x x x", "x x ."}},
		{"no unit with two values", []string{"a . .", ". b ."}},
		{"no units", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := AlphaNominal(transpose(tt.coders))
			assert.ErrorIs(t, err, ErrUndefined)
			assert.Zero(t, got, "no NaN leaks out")
		})
	}
}

func TestStanceAlphaOnClusteredClaims(t *testing.T) {
	// Three annotators, three claims; the third is marked by one only and
	// is left out by the default minimum of 2 of 3.
	a := spanClaims("A", []text.Span{sp(0, 10), sp(20, 30), sp(40, 50)}, "favor", "against", "neutral")
	b := spanClaims("B", []text.Span{sp(0, 9), sp(21, 30)}, "favor", "against")
	c := spanClaims("C", []text.Span{sp(1, 10)}, "favor")

	r, err := StanceAlpha([]Annotator{a, b, c}, 0)
	require.NoError(t, err)
	assert.InDelta(t, 1, r.Alpha, 1e-12)
	assert.Equal(t, 2, r.Units)
	assert.Equal(t, 5, r.Values)
	assert.Equal(t, 2, r.MinAnnotators)
	assert.Equal(t, "Krippendorff's alpha (nominal), units = claims clustered by ≥50% overlap, marked by ≥ 2 of 3 annotators", r.Method)
}

func TestStanceAlphaErrors(t *testing.T) {
	a := spanClaims("A", []text.Span{sp(0, 10)}, "favor")
	b := spanClaims("B", []text.Span{sp(0, 10)}, "favor")
	far := spanClaims("C", []text.Span{sp(50, 60)}, "favor")
	tests := []struct {
		name       string
		annotators []Annotator
		min        int
		want       error
	}{
		{"one annotator", []Annotator{a}, 0, ErrTooFewAnnotators},
		{"minimum above the annotators", []Annotator{a, b}, 3, ErrInvalid},
		{"no shared claim", []Annotator{a, far}, 0, ErrNoUnits},
		{"one stance only", []Annotator{a, b}, 0, ErrUndefined},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := StanceAlpha(tt.annotators, tt.min)
			assert.ErrorIs(t, err, tt.want)
			assert.NotEmpty(t, r.Method)
		})
	}
}
