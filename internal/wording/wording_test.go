package wording_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"sayso/internal/wording"
)

func TestCountAddsAnSExceptForOne(t *testing.T) {
	tests := []struct {
		n    int
		want string
	}{
		{0, "0 claims"},
		{1, "1 claim"},
		{2, "2 claims"},
		{-1, "-1 claims"},
		{1000, "1000 claims"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, wording.Count(tt.n, "claim"))
	}
}

func TestChooseTakesTheSingularOnlyForOne(t *testing.T) {
	assert.Equal(t, "it", wording.Choose(1, "it", "them"))
	assert.Equal(t, "them", wording.Choose(0, "it", "them"))
	assert.Equal(t, "them", wording.Choose(2, "it", "them"))
}

func TestClipFoldsSpacesAndCutsWithAnEllipsis(t *testing.T) {
	tests := []struct {
		name, in string
		n        int
		want     string
	}{
		{"short text is kept", "Wang Wen", 8, "Wang Wen"},
		{"white space is folded", " Wang\n\tWen ", 8, "Wang Wen"},
		{"long text is cut on code points", "héllo wörld", 6, "héllo…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, wording.Clip(tt.in, tt.n))
		})
	}
}
