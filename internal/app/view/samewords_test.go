package view

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestSameWordsIsNormalizeCompared holds sameWords, which the inspector
// asks without building strings, to comparing normalize's results.
func TestSameWordsIsNormalizeCompared(t *testing.T) {
	tests := []struct{ a, b string }{
		{"Ana Silva", "ana  silva"},
		{" Ana\tSilva ", "ANA SILVA"},
		{"Ana Silva", "Ana Silvas"},
		{"Ana", "Ana Silva"},
		{"", "  "},
		{"", "x"},
		{"ÉMILE Zola", "émile zola"},
		{"İstanbul", "i̇stanbul"},
		{"a\xffb", "A\xffB"},
		{"a\xffb", "a\uFFFDb"},
	}
	for _, tc := range tests {
		assert.Equal(t, normalize(tc.a) == normalize(tc.b), sameWords(tc.a, tc.b), "%q vs %q", tc.a, tc.b)
	}
}

func FuzzSameWords(f *testing.F) {
	for _, s := range [][2]string{{"Ana Silva", "ana  silva"}, {"İ x", "i̇ X"}, {"a\xffb", "a\uFFFDb"}, {"\u2003a", "A"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if got, want := sameWords(a, b), normalize(a) == normalize(b); got != want {
			t.Fatalf("sameWords(%q, %q) = %v, normalize says %v", a, b, got, want)
		}
	})
}
