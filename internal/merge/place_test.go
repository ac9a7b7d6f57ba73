package merge

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/anchor"
	"sayso/internal/annotation"
	"sayso/internal/text"
)

// spans is the code-point spans of the first occurrence of each part in s.
func spans(t *testing.T, s string, parts ...string) []text.Span {
	t.Helper()
	var out []text.Span
	for _, p := range parts {
		i := strings.Index(s, p)
		require.GreaterOrEqual(t, i, 0, "%q is not in %q", p, s)
		start := len([]rune(s[:i]))
		out = append(out, text.Span{Start: start, End: start + len([]rune(p))})
	}
	return out
}

func TestRelocate(t *testing.T) {
	const q1 = "aaaa bbbb cccc dddd" // 19 code points: long enough to be believed anywhere
	stayed := anchor.Result{Method: anchor.ByPosition, Confidence: 1}
	tests := []struct {
		name    string
		old, to string
		parts   []string // the fragments, by their first occurrence in old
		want    []string // where they are found, by their first occurrence in to
		weakest anchor.Result
	}{
		{
			name: "unchanged text, fragments at both ends: all stay",
			old:  "Reyes said no and left", to: "Reyes said no and left",
			parts: []string{"Reyes", "left"}, want: []string{"Reyes", "left"},
			weakest: stayed,
		},
		{
			name: "touching fragments stay",
			old:  "Reyes said no", to: "Reyes said no",
			parts: []string{"Reyes", " said"}, want: []string{"Reyes", " said"},
			weakest: stayed,
		},
		{
			name: "a fragment whose context changed on one side only stays",
			old:  "Mayor Reyes said no today", to: "Chief Reyes said no today",
			parts: []string{"Reyes said"}, want: []string{"Reyes said"},
			weakest: anchor.Result{Method: anchor.ByPosition, Confidence: 1},
		},
		{
			name: "text inserted before: both found by quote, the first is the weakest of equals",
			old:  "Reyes said no and left", to: "Early on, Reyes said no and left",
			parts: []string{"Reyes said", "left"}, want: []string{"Reyes said", "left"},
			weakest: anchor.Result{Span: text.Span{Start: 10, End: 20}, Method: anchor.ByQuote, Confidence: 0.95},
		},
		{
			name: "one stays, one moved: the moved one is the weakest",
			old:  "Reyes said no. " + q1, to: "Reyes said no. Then " + q1,
			parts: []string{"Reyes said", q1}, want: []string{"Reyes said", q1},
			weakest: anchor.Result{Span: text.Span{Start: 20, End: 39}, Method: anchor.ByQuote, Confidence: 0.95},
		},
		{
			name: "a weaker first fragment stays the weakest after a surer second",
			old:  "0123456789abcdefghij and " + q1, to: "Intro. 0123456789abcdeXghij and " + q1,
			parts: []string{"0123456789abcdefghij", q1}, want: []string{"0123456789abcdeXghij", q1},
			weakest: anchor.Result{Span: text.Span{Start: 7, End: 27}, Method: anchor.ByFuzzy, Confidence: 0.95 * 0.9},
		},
		{
			name: "fragments found in the other order come back in reading order",
			old:  q1 + " | zzzz yyyy xxxx wwww", to: "zzzz yyyy xxxx wwww | " + q1,
			parts: []string{q1, "zzzz yyyy xxxx wwww"}, want: []string{"zzzz yyyy xxxx wwww", q1},
			weakest: anchor.Result{Span: text.Span{Start: 22, End: 41}, Method: anchor.ByQuote, Confidence: 0.95},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, why := relocate(text.NewIndex(tc.old), text.NewIndex(tc.to), spans(t, tc.old, tc.parts...))
			require.Empty(t, why)
			assert.Equal(t, placement{fragments: spans(t, tc.to, tc.want...), weakest: tc.weakest}, p)
		})
	}
}

func TestRelocateRefuses(t *testing.T) {
	const (
		q1 = "aaaa bbbb cccc dddd"
		q2 = "cccc dddd eeee ffff"
	)
	tests := []struct {
		name    string
		old, to string
		parts   []string
		why     string
	}{
		{
			name: "a quote that is gone",
			old:  "Reyes said no", to: "Okafor agreed",
			parts: []string{"said"}, why: "its quote is not in the text any more",
		},
		{
			name: "a short quote found only outside its context",
			old:  "Reyes said no to the plan", to: "Okafor wept. Later she said yes",
			parts: []string{"said"}, why: "its quote is short and is found only outside its context",
		},
		{
			name: "fragments that overlap once found",
			old:  q1 + " | " + q2, to: "aaaa bbbb cccc dddd eeee ffff",
			parts: []string{q1, q2}, why: "its fragments, found again, overlap",
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, why := relocate(text.NewIndex(tc.old), text.NewIndex(tc.to), spans(t, tc.old, tc.parts...))
			assert.Equal(t, tc.why, why)
			assert.Equal(t, placement{}, p)
		})
	}
}

func TestInContext(t *testing.T) {
	tests := []struct {
		name string
		to   string
		at   string // where the quote was found in to
		q    anchor.Quote
		want bool
	}{
		{"16 code points are believed anywhere", "xx 0123456789abcdef xx", "0123456789abcdef",
			anchor.Quote{Exact: "0123456789abcdef", Prefix: "nothing alike ", Suffix: " here"}, true},
		{"15 code points need their context", "xx 0123456789abcde xx", "0123456789abcde",
			anchor.Quote{Exact: "0123456789abcde", Prefix: "nothing alike ", Suffix: " here"}, false},
		{"8 code points of prefix agree", "abcdefgh said", "said",
			anchor.Quote{Exact: "said", Prefix: "Qbcdefgh ", Suffix: " more"}, true},
		{"7 code points of prefix agree", "abcdefgh said", "said",
			anchor.Quote{Exact: "said", Prefix: "QQcdefgh ", Suffix: " more"}, false},
		{"8 code points of suffix agree", "said abcdefgh", "said",
			anchor.Quote{Exact: "said", Prefix: "more ", Suffix: " abcdefgQ"}, true},
		{"7 code points of suffix agree", "said abcdefgh", "said",
			anchor.Quote{Exact: "said", Prefix: "more ", Suffix: " abcdefQQ"}, false},
		{"4 of prefix and 4 of suffix agree", "xx abc said abc yy", "said",
			anchor.Quote{Exact: "said", Prefix: "Qabc ", Suffix: " abc"}, true},
		{"4 of prefix and 3 of suffix agree", "xx abc said abc yy", "said",
			anchor.Quote{Exact: "said", Prefix: "Qabc ", Suffix: " abQ"}, false},
		{"a context shorter than 8 must agree whole", "ab said", "said",
			anchor.Quote{Exact: "said", Prefix: "ab "}, true},
		{"a context shorter than 8 not agreeing whole", "ab said", "said",
			anchor.Quote{Exact: "said", Prefix: "xb "}, false},
		{"no context at all", "said", "said",
			anchor.Quote{Exact: "said"}, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			x := text.NewIndex(tc.to)
			assert.Equal(t, tc.want, inContext(x, spans(t, tc.to, tc.at)[0], tc.q))
		})
	}
}

func TestStays(t *testing.T) {
	const to = "Reyes said no today"
	tests := []struct {
		name string
		f    text.Span
		q    anchor.Quote
		want bool
	}{
		{"at the start, context intact", text.Span{Start: 0, End: 5}, anchor.Quote{Exact: "Reyes", Prefix: "", Suffix: " said no today"}, true},
		{"at the end, context intact", text.Span{Start: 14, End: 19}, anchor.Quote{Exact: "today", Prefix: "Reyes said no ", Suffix: ""}, true},
		{"the prefix alone intact", text.Span{Start: 6, End: 10}, anchor.Quote{Exact: "said", Prefix: "Reyes ", Suffix: " yes"}, true},
		{"the suffix alone intact", text.Span{Start: 6, End: 10}, anchor.Quote{Exact: "said", Prefix: "Okafor ", Suffix: " no today"}, true},
		{"both sides changed", text.Span{Start: 6, End: 10}, anchor.Quote{Exact: "said", Prefix: "Okafor ", Suffix: " yes"}, false},
		{"another quote there", text.Span{Start: 6, End: 10}, anchor.Quote{Exact: "told", Prefix: "Reyes ", Suffix: " no today"}, false},
		{"past the end", text.Span{Start: 14, End: 20}, anchor.Quote{Exact: "today", Prefix: "Reyes said no ", Suffix: ""}, false},
		{"before the start", text.Span{Start: -1, End: 5}, anchor.Quote{Exact: "Reyes", Prefix: "", Suffix: " said no today"}, false},
		{"empty", text.Span{Start: 5, End: 5}, anchor.Quote{Exact: "", Prefix: "Reyes", Suffix: " said no today"}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, stays(text.NewIndex(to), tc.f, tc.q))
		})
	}
}

func TestSortAnnotationsByDocumentStartLongerFirstThenShorterID(t *testing.T) {
	ann := func(id, doc string, start, end int) annotation.Annotation {
		return annotation.Annotation{ID: id, Document: doc, Fragments: []text.Span{{Start: start, End: end}}}
	}
	m := &merger{docPos: map[string]int{"d1": 0, "d2": 1}}
	m.out.Annotations = []annotation.Annotation{
		ann("a10", "d1", 5, 9),
		ann("b", "d2", 0, 3),
		ann("a9", "d1", 5, 9),
		ann("a2", "d1", 5, 7),
		ann("a3", "d1", 5, 12),
		ann("a1", "d1", 6, 7),
		ann("a5", "d1", 0, 1),
		ann("a8", "d1", 5, 9),
	}
	m.sortAnnotations()
	var ids []string
	for _, a := range m.out.Annotations {
		ids = append(ids, a.ID)
	}
	assert.Equal(t, []string{"a5", "a3", "a8", "a9", "a10", "a2", "a1", "b"}, ids)
}
