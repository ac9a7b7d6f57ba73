package anchor

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/text"
)

// The tests in this file pin exact spans, methods and confidences, so that
// a change to how Locate weighs its evidence shows up as a failure rather
// than as a quietly different place for someone's annotation.

func TestLocateTrustsTheStoredPositionAtBothEndsOfTheText(t *testing.T) {
	const s = "Okafor said no today"
	tests := []struct {
		name  string
		exact string
		hint  text.Span
	}{
		{"quote at the very start", "Okafor", text.Span{Start: 0, End: 6}},
		{"quote at the very end", "today", text.Span{Start: 15, End: 20}},
		{"the whole text", s, text.Span{Start: 0, End: 20}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			// The quote occurs once, so without the position it would be
			// found by quote at 0.95: only the position gives 1.
			r, ok := Locate(text.NewIndex(s), Quote{Exact: tc.exact}, tc.hint)
			require.True(t, ok)
			assert.Equal(t, Result{Span: tc.hint, Method: ByPosition, Confidence: 1}, r)
		})
	}
}

func TestLocateIgnoresAStoredPositionThatNoLongerReadsTheQuote(t *testing.T) {
	const s = "Okafor said no today"
	tests := []struct {
		name string
		hint text.Span
	}{
		{"starts before the text", text.Span{Start: -1, End: 5}},
		{"ends after the text", text.Span{Start: 15, End: 21}},
		{"reads other words", text.Span{Start: 7, End: 11}},
		{"empty", text.Span{Start: 0, End: 0}},
		{"reversed", text.Span{Start: 6, End: 0}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, ok := Locate(text.NewIndex(s), Quote{Exact: "Okafor"}, tc.hint)
			require.True(t, ok)
			assert.Equal(t, Result{Span: text.Span{Start: 0, End: 6}, Method: ByQuote, Confidence: 0.95}, r)
		})
	}
}

func TestLocateFindsAUniqueQuoteThatMovedWithConfidence095(t *testing.T) {
	x := text.NewIndex("😀 New lead. Reyes said no.")
	r, ok := Locate(x, Quote{Exact: "Reyes said"}, text.Span{Start: 0, End: 10})
	require.True(t, ok)
	assert.Equal(t, Result{Span: text.Span{Start: 12, End: 22}, Method: ByQuote, Confidence: 0.95}, r)
}

func TestLocateAmongRepeatedQuotes(t *testing.T) {
	// "no" occurs at 0, 4 and 8.
	const s = "no, no, no."
	tests := []struct {
		name     string
		q        Quote
		hint     text.Span
		want     text.Span
		wantConf float64
	}{
		{
			// Full context scores 1 plus a closeness bonus, capped at 1: 0.6 + 0.3.
			name: "the one whose whole context matches, at 0.9",
			q:    Quote{Exact: "no", Prefix: ", ", Suffix: "."},
			hint: text.Span{Start: 40, End: 42},
			want: text.Span{Start: 8, End: 10}, wantConf: 0.9,
		},
		{
			// Prefix ", " matches 2 of 2 before 4 and 8, suffix "," 1 of 1
			// after 0 and 4: only 4 has both (score 3/3 + 0.01/(1+0)).
			name: "the middle one by prefix and suffix together",
			q:    Quote{Exact: "no", Prefix: ", ", Suffix: ","},
			hint: text.Span{Start: 4, End: 3},
			want: text.Span{Start: 4, End: 6}, wantConf: 0.9,
		},
		{
			// Half the context (the suffix ", ") matches at 0 and at 4; 4 is
			// nearer the hint at 20: score 2/4 + 0.01/(1+16).
			name: "a partial context match, the nearer of two",
			q:    Quote{Exact: "no", Prefix: "xx", Suffix: ", "},
			hint: text.Span{Start: 20, End: 22},
			want: text.Span{Start: 4, End: 6}, wantConf: 0.6 + 0.3*(2.0/4+0.01/17),
		},
		{
			name: "no context at all: the nearest to a hint after all of them",
			q:    Quote{Exact: "no"},
			hint: text.Span{Start: 30, End: 32},
			want: text.Span{Start: 8, End: 10}, wantConf: 0.6 + 0.3*0.01/23,
		},
		{
			name: "no context at all: the nearest to a hint between them",
			q:    Quote{Exact: "no"},
			hint: text.Span{Start: 5, End: 99},
			want: text.Span{Start: 4, End: 6}, wantConf: 0.6 + 0.3*0.01/2,
		},
		{
			name: "no context at all: the nearest to a hint before all of them",
			q:    Quote{Exact: "no"},
			hint: text.Span{Start: -3, End: -1},
			want: text.Span{Start: 0, End: 2}, wantConf: 0.6 + 0.3*0.01/4,
		},
		{
			// The prefix matches nowhere: the one on the hint.
			name: "a context that matches nowhere: the nearest",
			q:    Quote{Exact: "no", Prefix: "zz"},
			hint: text.Span{Start: 4, End: 3},
			want: text.Span{Start: 4, End: 6}, wantConf: 0.6 + 0.3*0.01,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, ok := Locate(text.NewIndex(s), tc.q, tc.hint)
			require.True(t, ok)
			assert.Equal(t, ByContext, r.Method)
			assert.Equal(t, tc.want, r.Span)
			assert.InDelta(t, tc.wantConf, r.Confidence, 1e-12)
		})
	}
}

func TestLocateBreaksATieBetweenEquallyNearRepeatsInFavourOfTheFirst(t *testing.T) {
	// "no" at 0 and 8, the hint at 4 (reading "x" — not the quote).
	x := text.NewIndex("no, xx, no")
	r, ok := Locate(x, Quote{Exact: "no"}, text.Span{Start: 4, End: 5})
	require.True(t, ok)
	assert.Equal(t, text.Span{Start: 0, End: 2}, r.Span)
	assert.InDelta(t, 0.6+0.3*0.01/5, r.Confidence, 1e-12)
}

func TestContextScore(t *testing.T) {
	// "said" at 3 and 11.
	x := text.NewIndex("ab said cd said ef")
	first, second := text.Span{Start: 3, End: 7}, text.Span{Start: 11, End: 15}
	tests := []struct {
		name string
		q    Quote
		sp   text.Span
		hint text.Span
		want float64
	}{
		{"whole context, on the hint", Quote{Exact: "said", Prefix: "ab ", Suffix: " cd"}, first, first, 1 + 0.01},
		{"whole context, hint 8 after", Quote{Exact: "said", Prefix: "ab ", Suffix: " cd"}, first, second, 1 + 0.01/9},
		{"whole context, hint 8 before", Quote{Exact: "said", Prefix: "cd ", Suffix: " ef"}, second, first, 1 + 0.01/9},
		{"only the spaces next to it match", Quote{Exact: "said", Prefix: "ab ", Suffix: " cd"}, second, second, 2.0/6 + 0.01},
		{"the end of the prefix and the start of the suffix count", Quote{Exact: "said", Prefix: "Xb ", Suffix: " cX"}, first, first, 4.0/6 + 0.01},
		{"a longer prefix than the text has", Quote{Exact: "said", Prefix: "zzzzzab ", Suffix: ""}, first, first, 3.0/8 + 0.01},
		{"no context: closeness alone", Quote{Exact: "said"}, second, text.Span{Start: 1, End: 2}, 0.01 / 11},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.InDelta(t, tc.want, contextScore(x, tc.q, tc.sp, tc.hint), 1e-12)
		})
	}
}

func TestOccurrences(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		s     string
		limit int
		want  []int
	}{
		{"overlapping matches all count", "aaaa", "aa", 10, []int{0, 1, 2}},
		{"at most limit of them", "aaaa", "a", 2, []int{0, 1}},
		{"one at the very start", "said no", "said", 10, []int{0}},
		{"code points, not bytes", "😀é said, é said", "said", 10, []int{3, 11}},
		{"none", "said no", "yes", 10, nil},
		{"a byte match inside a code point does not count", "é", "\xa9", 10, nil},
		{"a byte match ending inside a code point does not count", "é", "\xc3", 10, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, occurrences(text.NewIndex(tc.text), tc.s, tc.limit))
		})
	}
}

func TestNextOccurrence(t *testing.T) {
	tests := []struct {
		name   string
		text   string
		s      string
		from   int
		want   int
		wantOK bool
	}{
		{"right at from", "😀 said said", "said", 2, 2, true},
		{"the next one after from", "😀 said said", "said", 3, 7, true},
		{"none after from", "😀 said said", "said", 8, 0, false},
		{"none at all", "😀 said", "told", 0, 0, false},
		{"a byte match inside a code point does not count", "aé", "\xa9", 0, 0, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := nextOccurrence(text.NewIndex(tc.text), tc.s, tc.from)
			assert.Equal(t, tc.wantOK, ok)
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestLocateFindsAnEditedQuoteBetweenItsContext(t *testing.T) {
	// The quote is 16 code points, its prefix and suffix 16 each.
	const prefix, exact, suffix = "Before the vote ", "Reyes told us no", " after the poll."
	q := Quote{Exact: exact, Prefix: prefix, Suffix: suffix}
	hint := text.Span{Start: 16, End: 32}
	tests := []struct {
		name     string
		between  string
		wantConf float64
	}{
		// The longest passage accepted, 1.5×16+8 = 32, at the least
		// similarity accepted, 1 − 16/32 = 0.5.
		{"twice as long, half the same", "Reyes told 0123456789abcdefus no", 0.5 + 0.4*0.5},
		// The shortest passage accepted, 0.5×16 = 8, similarity 0.5.
		{"half as long, all of it the same", "Reyes to", 0.5 + 0.4*0.5},
		{"one letter changed", "Reyes told us so", 0.5 + 0.4*(1-1.0/16)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := text.NewIndex(prefix + tc.between + suffix)
			r, ok := Locate(x, q, hint)
			require.True(t, ok)
			assert.Equal(t, ByContext, r.Method)
			assert.Equal(t, tc.between, x.Slice(r.Span.Start, r.Span.End))
			assert.Equal(t, 16, r.Span.Start)
			assert.InDelta(t, tc.wantConf, r.Confidence, 1e-12)
		})
	}
}

func TestBetweenContext(t *testing.T) {
	const exact = "Reyes told us no" // 16 code points
	tests := []struct {
		name   string
		text   string
		q      Quote
		want   text.Span
		wantOK bool
	}{
		{
			name: "prefix and suffix of exactly 8 code points are enough",
			text: "the vote Reyes told us so after th",
			q:    Quote{Exact: exact, Prefix: "the vote", Suffix: " after t"},
			want: text.Span{Start: 8, End: 25}, wantOK: true,
		},
		{
			name: "a prefix of 7 is too short",
			text: "he vote Reyes told us so after th",
			q:    Quote{Exact: exact, Prefix: "he vote", Suffix: " after t"},
		},
		{
			name: "a suffix of 7 is too short",
			text: "the vote Reyes told us so after t",
			q:    Quote{Exact: exact, Prefix: "the vote", Suffix: " after "},
		},
		{
			name: "a prefix that occurs twice tells nothing",
			text: "the vote the vote Reyes told us so after th",
			q:    Quote{Exact: exact, Prefix: "the vote", Suffix: " after t"},
		},
		{
			name: "a prefix that is gone tells nothing",
			text: "the poll Reyes told us so after th",
			q:    Quote{Exact: exact, Prefix: "the vote", Suffix: " after t"},
		},
		{
			name: "a suffix that is gone tells nothing",
			text: "the vote Reyes told us so before th",
			q:    Quote{Exact: exact, Prefix: "the vote", Suffix: " after t"},
		},
		{
			name: "nothing left between them",
			text: "the vote after th",
			q:    Quote{Exact: exact, Prefix: "the vote", Suffix: " after t"},
		},
		{
			name: "a suffix only before the prefix",
			text: " after t the vote Reyes told us so",
			q:    Quote{Exact: exact, Prefix: "the vote", Suffix: " after t"},
		},
		{
			name: "longer than 1.5×16+8 = 32",
			text: "the vote Reyes told 0123456789abcdefgus no after th",
			q:    Quote{Exact: exact, Prefix: "the vote", Suffix: " after t"},
		},
		{
			name: "shorter than 0.5×16 = 8",
			text: "the vote Reyes t after th",
			q:    Quote{Exact: exact, Prefix: "the vote", Suffix: " after t"},
		},
		{
			name: "similar below 0.5",
			text: "the vote XXXXX XXXX XX XX after th",
			q:    Quote{Exact: exact, Prefix: "the vote", Suffix: " after t"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := text.NewIndex(tc.text)
			r, ok := betweenContext(x, tc.q, len([]rune(tc.q.Exact)))
			require.Equal(t, tc.wantOK, ok)
			if ok {
				assert.Equal(t, tc.want, r.Span)
				assert.Equal(t, ByContext, r.Method)
				assert.InDelta(t, 0.5+0.4*similarity(tc.q.Exact, x.Slice(tc.want.Start, tc.want.End)), r.Confidence, 1e-12)
			}
		})
	}
}

func TestLocateFuzzy(t *testing.T) {
	const quote = "0123456789abcdefghij" // 20 code points; head "01234", tail "fghij"
	tests := []struct {
		name     string
		text     string
		exact    string
		hint     text.Span
		want     text.Span
		wantConf float64
	}{
		{
			name: "four code points, one changed: the least length and similarity accepted",
			text: "xx abXd yy", exact: "abcd",
			want: text.Span{Start: 3, End: 7}, wantConf: 0.75 * 0.9,
		},
		{
			// Only the window ending at the tail, 9/10 of the quote long,
			// fits: the full-length one would start before the text.
			name: "the first tenth deleted, at the start of the text",
			text: "23456789abcdefghij rest", exact: quote,
			want: text.Span{Start: 0, End: 18}, wantConf: 0.9 * 0.9,
		},
		{
			// The tail is changed, so only the windows from the head count;
			// the one 11/10 of the quote long ends at the end of the text.
			name: "two inserted and the last changed, at the end of the text",
			text: "0123456789XYabcdefghiJ", exact: quote,
			want: text.Span{Start: 0, End: 22}, wantConf: (1 - 3.0/22) * 0.9,
		},
		{
			// Head to tail spans 25 code points: longer than any fixed window.
			name: "five inserted in the middle: from the head to the next tail",
			text: "0123456789XXXXXabcdefghij", exact: quote,
			want: text.Span{Start: 0, End: 25}, wantConf: 0.8 * 0.9,
		},
		{
			// The tail is gone, and only the window from the head 9/10 of
			// the quote long fits before the end of the text.
			name: "the last tenth deleted, at the end of the text",
			text: "xx 0123456789abcdefgh", exact: quote,
			want: text.Span{Start: 3, End: 21}, wantConf: 0.9 * 0.9,
		},
		{
			// The head is changed, so only the windows ending at the tail
			// count; the one 11/10 of the quote long starts the text.
			name: "the first changed and two inserted, at the start of the text",
			text: "O123456789XYabcdefghij", exact: quote,
			want: text.Span{Start: 0, End: 22}, wantConf: (1 - 3.0/22) * 0.9,
		},
		{
			// As above, further into the text: the head-to-tail window is
			// measured from the head, not from the start of the text.
			name: "five inserted in the middle, ten code points in",
			text: "Intro: xx 0123456789XXXXXabcdefghij", exact: quote,
			want: text.Span{Start: 10, End: 35}, wantConf: 0.8 * 0.9,
		},
		{
			name: "two equal matches: the one nearer the hint (first)",
			text: "0123456789abcdeXghij and 0123456789abcdeXghij", exact: quote,
			hint: text.Span{Start: 3, End: 2},
			want: text.Span{Start: 0, End: 20}, wantConf: 0.95 * 0.9,
		},
		{
			name: "two equal matches: the one nearer the hint (second)",
			text: "0123456789abcdeXghij and 0123456789abcdeXghij", exact: quote,
			hint: text.Span{Start: 30, End: 2},
			want: text.Span{Start: 25, End: 45}, wantConf: 0.95 * 0.9,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, ok := Locate(text.NewIndex(tc.text), Quote{Exact: tc.exact}, tc.hint)
			require.True(t, ok)
			assert.Equal(t, ByFuzzy, r.Method)
			assert.Equal(t, tc.want, r.Span)
			assert.InDelta(t, tc.wantConf, r.Confidence, 1e-12)
		})
	}
}

func TestLocateFuzzyRefuses(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		exact string
	}{
		{"three code points are too few", "xx aXc yy", "abc"},
		{"four code points, two changed", "xx aXYd yy", "abcd"},
		{"neither head nor tail is left", "0123456789", "abcdefghij"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, ok := Locate(text.NewIndex(tc.text), Quote{Exact: tc.exact}, text.Span{})
			assert.False(t, ok)
		})
	}
}

func TestLocateFuzzyTakesQuotesUpTo400CodePoints(t *testing.T) {
	var b strings.Builder
	for i := 0; b.Len() < 410; i++ {
		b.WriteString(strings.Repeat(string(rune('a'+i%26)), 1+i%3))
		b.WriteString(" ")
	}
	long := b.String()
	for _, tc := range []struct {
		n      int
		wantOK bool
	}{{400, true}, {401, false}} {
		exact := long[:tc.n]
		changed := exact[:200] + "#" + exact[201:] // one code point changed
		r, ok := Locate(text.NewIndex(changed), Quote{Exact: exact}, text.Span{})
		require.Equal(t, tc.wantOK, ok, "%d code points", tc.n)
		if ok {
			assert.Equal(t, text.Span{Start: 0, End: tc.n}, r.Span)
			assert.InDelta(t, (1-1.0/float64(tc.n))*0.9, r.Confidence, 1e-12)
		}
	}
}

func TestCloser(t *testing.T) {
	tests := []struct {
		a, b, to int
		want     bool
	}{
		{4, 8, 5, true},
		{8, 4, 5, false},
		{2, 9, 5, true},
		{9, 2, 5, false},
		{3, 7, 5, false}, // equally near
		{7, 3, 5, false},
		{-1, 12, 5, true},
		{12, -1, 5, false},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, closer(tc.a, tc.b, tc.to), "closer(%d, %d, %d)", tc.a, tc.b, tc.to)
	}
}

func TestSimilarityIsOneMinusEditDistanceOverTheLongerLength(t *testing.T) {
	tests := []struct {
		a, b string
		want float64
	}{
		{"kitten", "sitting", 1 - 3.0/7},
		{"sitting", "kitten", 1 - 3.0/7},
		{"abcdef", "abdef", 1 - 1.0/6},
		{"abdef", "abcdef", 1 - 1.0/6},
		{"", "abc", 0},
		{"ab", "ba", 0},
		{"flaw", "lawn", 0.5},
		{"said", "said", 1},
	}
	for _, tc := range tests {
		assert.InDelta(t, tc.want, similarity(tc.a, tc.b), 1e-12, "similarity(%q, %q)", tc.a, tc.b)
	}
}
