package phrase

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestCountAddsAnSExceptForOne(t *testing.T) {
	for n, want := range map[int]string{0: "0 claims", 1: "1 claim", 2: "2 claims"} {
		assert.Equal(t, want, Count(n, "claim"))
	}
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
			assert.Equal(t, tt.want, Clip(tt.in, tt.n))
		})
	}
}
