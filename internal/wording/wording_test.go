package wording_test

import (
	"strings"
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

// clipPlainly is Clip written the obvious way: fold, then cut the runes.
func clipPlainly(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// FuzzClipIsTheFoldThenTheCut holds Clip, which cuts a text already
// folded where it stands, to folding and cutting runes.
func FuzzClipIsTheFoldThenTheCut(f *testing.F) {
	f.Add("Wang Wen, dean of the school", 10)
	f.Add("  two  spaces\tand a tab ", 8)
	f.Add("emoji 👍 and CJK 中文 here", 9)
	f.Add("exactly", 7)
	f.Add("no\u00a0break and \u0085 next", 5)
	f.Add("bad \xff byte", 4)
	f.Add("\ufffd replacement", 3)
	f.Add("", 1)
	f.Fuzz(func(t *testing.T, s string, n int) {
		if n < 1 || n > 400 {
			return
		}
		assert.Equal(t, clipPlainly(s, n), wording.Clip(s, n))
	})
}
