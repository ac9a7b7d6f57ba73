package stats

import (
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestSummarize(t *testing.T) {
	tests := []struct {
		name string
		in   []float64
		want Summary
	}{
		{"empty", nil, Summary{}},
		{"one", []float64{3}, Summary{3, 3, 3, 1}},
		{"odd, unsorted", []float64{5, 1, 3}, Summary{3, 1, 5, 3}},
		{"even averages the middle", []float64{4, 1, 3, 2}, Summary{2.5, 1, 4, 4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, Summarize(tt.in))
		})
	}
}

func TestSummarizeLeavesInputAlone(t *testing.T) {
	in := []float64{3, 1, 2}
	Summarize(in)
	assert.Equal(t, []float64{3, 1, 2}, in)
}

func TestPercentile(t *testing.T) {
	xs := []float64{10, 1, 9, 2, 8, 3, 7, 4, 6, 5}
	tests := []struct {
		p    float64
		want float64
	}{
		{50, 5}, {95, 10}, {90, 9}, {10, 1}, {100, 10}, {0.1, 1},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Percentile(xs, tt.p), "p%v", tt.p)
	}
	assert.True(t, math.IsNaN(Percentile(nil, 50)))
}
