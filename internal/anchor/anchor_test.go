package anchor

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/text"
)

// quoteAt builds the selector of the first occurrence of exact in s, with
// 16 code points of context, and its span.
func quoteAt(t *testing.T, s, exact string) (Quote, text.Span) {
	t.Helper()
	x := text.NewIndex(s)
	i := strings.Index(s, exact)
	require.GreaterOrEqual(t, i, 0)
	start := x.CodePointAtByte(i)
	sp := text.Span{Start: start, End: start + len([]rune(exact))}
	pre, suf := x.Context(sp, 16)
	return Quote{Exact: exact, Prefix: pre, Suffix: suf}, sp
}

func TestLocate(t *testing.T) {
	const original = "😀 Mayor Okafor said the plan works. Reyes said the plan fails. Okafor said the plan works well."
	tests := []struct {
		name       string
		quote      string // quoted in the original
		nth        int    // which occurrence in the original (0-based) the annotation was on
		changed    string // the new text
		wantQuote  string // what the new text reads at the result
		wantMethod string
	}{
		{"unchanged text: the position", "Reyes said", 0, original, "Reyes said", ByPosition},
		{"text inserted before: the unique quote", "Reyes said", 0, "New lead. " + original, "Reyes said", ByQuote},
		{"repeated quote: the one whose context matches", "said the plan works", 1, "Intro 🚲. " + original, "said the plan works", ByContext},
		{"quote edited: found between its context", "the plan fails", 0, strings.Replace(original, "the plan fails", "the plan will fail", 1), "the plan will fail", ByContext},
		{"typo fixed: fuzzy", "Reyes said the plan fails", 0, strings.Replace("Intro. "+original, "Reyes said the plan fails.", "Reyes sayd the plan fails!", 1), "Reyes sayd the plan fails", ByFuzzy},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x0 := text.NewIndex(original)
			var sp text.Span
			from := 0
			for i := 0; i <= tc.nth; i++ {
				b := strings.Index(original[from:], tc.quote) + from
				require.GreaterOrEqual(t, b, from)
				start := x0.CodePointAtByte(b)
				sp = text.Span{Start: start, End: start + len([]rune(tc.quote))}
				from = b + 1
			}
			pre, suf := x0.Context(sp, 16)
			x := text.NewIndex(tc.changed)
			r, ok := Locate(x, Quote{Exact: tc.quote, Prefix: pre, Suffix: suf}, sp)
			require.True(t, ok)
			assert.Equal(t, tc.wantMethod, r.Method)
			assert.Equal(t, tc.wantQuote, x.Slice(r.Span.Start, r.Span.End))
			assert.Greater(t, r.Confidence, 0.0)
			assert.LessOrEqual(t, r.Confidence, 1.0)
		})
	}
}

func TestLocateRepeatedQuotePicksTheSecondByContext(t *testing.T) {
	s := "he said no. Later, at the summit, he said no."
	q := Quote{Exact: "he said no", Prefix: "at the summit, ", Suffix: "."}
	x := text.NewIndex("Intro. " + s)
	r, ok := Locate(x, q, text.Span{Start: 100, End: 110})
	require.True(t, ok)
	assert.Equal(t, ByContext, r.Method)
	assert.Equal(t, len([]rune("Intro. he said no. Later, at the summit, ")), r.Span.Start)
}

func TestLocateGivesUpOnVanishedQuotes(t *testing.T) {
	q, sp := quoteAt(t, "The minister denied the report entirely.", "denied the report")
	for _, changed := range []string{"Completely different text about weather.", "", "denied"} {
		_, ok := Locate(text.NewIndex(changed), q, sp)
		assert.False(t, ok, "in %q", changed)
	}
	_, ok := Locate(text.NewIndex("anything"), Quote{}, text.Span{})
	assert.False(t, ok, "an empty quote is never found")
}

func TestSimilarity(t *testing.T) {
	assert.Equal(t, 1.0, similarity("abc", "abc"))
	assert.Equal(t, 1.0, similarity("", ""))
	assert.InDelta(t, 2.0/3, similarity("abc", "abd"), 1e-9)
	assert.Equal(t, 0.0, similarity("abc", ""))
	assert.InDelta(t, 0.5, similarity("😀😀", "😀x"), 1e-9, "counts code points")
}

func FuzzLocate(f *testing.F) {
	f.Add("Mayor Okafor said the plan works.", "Okafor said", "Mayor ", " the plan", 6, 17)
	f.Add("😀 é 中文 said 😀 é 中文 said", "中文 said", "é ", "", 12, 19)
	f.Add("aaaa", "aa", "a", "a", 1, 3)
	f.Fuzz(func(t *testing.T, s, exact, prefix, suffix string, start, end int) {
		x := text.NewIndex(s)
		r, ok := Locate(x, Quote{Exact: exact, Prefix: prefix, Suffix: suffix}, text.Span{Start: start, End: end})
		if !ok {
			return
		}
		if r.Span.Start < 0 || r.Span.End > x.Len() || r.Span.Start >= r.Span.End {
			t.Fatalf("span %v outside a %d-code-point text", r.Span, x.Len())
		}
		if r.Confidence <= 0 || r.Confidence > 1 {
			t.Fatalf("confidence %v", r.Confidence)
		}
		got := x.Slice(r.Span.Start, r.Span.End)
		if r.Method != ByFuzzy && r.Method != ByContext && got != exact {
			t.Fatalf("%s match reads %q, not %q", r.Method, got, exact)
		}
	})
}

func TestLocateRefusesARewrittenQuoteBetweenItsContext(t *testing.T) {
	orig := "Before the vote, Reyes told reporters that nobody asked."
	q, sp := quoteAt(t, orig, "Reyes told reporters")
	changed := strings.Replace(orig, "Reyes told reporters", "Zanzibar quartz lorem", 1)
	_, ok := Locate(text.NewIndex(changed), q, sp)
	assert.False(t, ok)
}
