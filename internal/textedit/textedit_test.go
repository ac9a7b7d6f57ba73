package textedit

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/text"
)

// span is the code-point span of the first sub in s.
func span(t testing.TB, s, sub string) text.Span {
	t.Helper()
	i := strings.Index(s, sub)
	require.GreaterOrEqual(t, i, 0, "%q in the text", sub)
	start := utf8.RuneCountInString(s[:i])
	return text.Span{Start: start, End: start + utf8.RuneCountInString(sub)}
}

const article = "Harbour town splits over car-free plan\n" +
	"Leave a reply\n" +
	"Mayor Ines Okafor said the plan would “give the streets back to people.”\n" +
	"Shop owner Tomas Reyes called it “a slow deth for small businesses.”\n" +
	"20 Views\n" +
	"Wang Wen, a planner, said: “Towns that tried it saw more shoppers.”\n"

func TestPlaceFollowsAnEditOfTheText(t *testing.T) {
	cleaned := strings.NewReplacer("Leave a reply\n", "", "20 Views\n", "", "deth", "death").Replace(article)
	tests := []struct {
		name     string
		quote    string // in the old text
		want     string // its quote in the new text; "" when it becomes an orphan
		anchored bool   // marked as re-anchored
	}{
		{"before every change: stays", "Harbour town", "Harbour town", false},
		{"after a removed line: moves with the text, unmarked", "Mayor Ines Okafor", "Mayor Ines Okafor", false},
		{"a typo fixed inside: found again and marked", "“a slow deth for small businesses.”", "“a slow death for small businesses.”", true},
		{"after two removals and a fix: moves, unmarked", "“Towns that tried it saw more shoppers.”", "“Towns that tried it saw more shoppers.”", false},
		{"in a removed line: gone", "Leave a reply", "", false},
		{"a short quote in a removed line: gone", "Views", "", false},
		{"touching the removed line's end: gone", "20 Views\nWang", "", false},
	}
	old, nw := text.NewIndex(article), text.NewIndex(cleaned)
	e := Diff(old, nw)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sp := span(t, article, tt.quote)
			a := &annotation.Annotation{Fragments: []text.Span{sp}, Quote: tt.quote}
			p := e.Place(a, old, nw)
			if tt.want == "" {
				require.Nil(t, p.Fragments, "placed at %v", p.Fragments)
				require.NotEmpty(t, p.Why)
				return
			}
			require.Equal(t, []text.Span{span(t, cleaned, tt.want)}, p.Fragments)
			require.Equal(t, tt.anchored, p.Anchored != "", "anchored %q", p.Anchored)
			if tt.anchored {
				require.Positive(t, p.Confidence)
			}
		})
	}
}

func TestPlaceMovesADiscontinuousAnnotation(t *testing.T) {
	old := "One two three. Clutter line\nFour five six."
	nw := "One two three. Four five six."
	a := &annotation.Annotation{Fragments: []text.Span{span(t, old, "two"), span(t, old, "five")}}
	e := Diff(text.NewIndex(old), text.NewIndex(nw))
	p := e.Place(a, text.NewIndex(old), text.NewIndex(nw))
	require.Equal(t, []text.Span{span(t, nw, "two"), span(t, nw, "five")}, p.Fragments)
	require.Empty(t, p.Anchored)
}

func TestDiffCountsCodePoints(t *testing.T) {
	old := "😀 王文 said no.\nجملة عربية 👩🏽‍🔬\nהמשך."
	nw := "😀 王文 said yes.\nהמשך."
	e := Diff(text.NewIndex(old), text.NewIndex(nw))
	sp, ok := e.Shift(span(t, old, "王文"))
	require.True(t, ok)
	require.Equal(t, span(t, nw, "王文"), sp)
	sp, ok = e.Shift(span(t, old, "המשך"))
	require.True(t, ok)
	require.Equal(t, span(t, nw, "המשך"), sp)
	_, ok = e.Shift(span(t, old, "no"))
	require.False(t, ok, "a changed word is not shifted")
}

// checkBlocks checks that every block maps text to the same text, in
// order, without overlap.
func checkBlocks(t testing.TB, old, nw string) {
	x, y := text.NewIndex(old), text.NewIndex(nw)
	e := Diff(x, y)
	lastOld, lastNew := 0, 0
	shared := 0
	for _, b := range e.blocks {
		require.Positive(t, b.Len)
		require.GreaterOrEqual(t, b.Old, lastOld)
		require.GreaterOrEqual(t, b.New, lastNew)
		require.LessOrEqual(t, b.Old+b.Len, x.Len())
		require.LessOrEqual(t, b.New+b.Len, y.Len())
		require.Equal(t, x.Slice(b.Old, b.Old+b.Len), y.Slice(b.New, b.New+b.Len))
		lastOld, lastNew = b.Old+b.Len, b.New+b.Len
		shared += b.Len
	}
	if old == nw {
		require.Equal(t, x.Len(), shared, "an unchanged text is shared whole")
	}
	for _, sp := range []text.Span{{Start: 0, End: 1}, {Start: x.Len() / 2, End: x.Len()/2 + 1}} {
		n := e.Near(sp)
		require.GreaterOrEqual(t, n.Start, 0)
	}
}

func TestDiffBlocksMapTextToTheSameText(t *testing.T) {
	for _, c := range [][2]string{
		{"a\nb\nc\n", "a\nc\n"},
		{"a\nb\nc", "x\na\nb\ny\nc"},
		{"same", "same"},
		{"", "new"},
		{"old", ""},
		{"café\n", "cafe\u0301\n"},
		{"a\nb\na\nb\n", "b\na\nb\na\n"},
	} {
		checkBlocks(t, c[0], c[1])
	}
}

func FuzzDiff(f *testing.F) {
	f.Add("Leave a reply\nMayor said yes.\n20 Views\n", "Mayor said yes.\n")
	f.Add("😀 王文 said no.\nجملة\n", "😀 王文 said yes.\n")
	f.Add("a\nb\nc\nd\n", "d\nc\nb\na\n")
	f.Fuzz(func(t *testing.T, old, nw string) {
		if !utf8.ValidString(old) || !utf8.ValidString(nw) {
			return
		}
		checkBlocks(t, old, nw)
	})
}

func TestPlaceKeepsWhatSharesAChangedStretchUnmarked(t *testing.T) {
	// The removed line and the fixed typo are one changed stretch of
	// lines: the speaker inside it only moved.
	old := "Mayor said so.\nLeave a reply\nTomas Reyes called it “a slow deth.”\nFacebook 20 Views\nEnd."
	nw := "Mayor said so.\nTomas Reyes called it “a slow death.”\nEnd."
	x, y := text.NewIndex(old), text.NewIndex(nw)
	e := Diff(x, y)
	p := e.Place(&annotation.Annotation{Fragments: []text.Span{span(t, old, "Tomas Reyes")}, Quote: "Tomas Reyes"}, x, y)
	require.Equal(t, []text.Span{span(t, nw, "Tomas Reyes")}, p.Fragments)
	require.Empty(t, p.Anchored, "moved with the text around it")
	p = e.Place(&annotation.Annotation{Fragments: []text.Span{span(t, old, "“a slow deth.”")}, Quote: "“a slow deth.”"}, x, y)
	require.Equal(t, []text.Span{span(t, nw, "“a slow death.”")}, p.Fragments)
	require.NotEmpty(t, p.Anchored)
	p = e.Place(&annotation.Annotation{Fragments: []text.Span{span(t, old, "Facebook")}, Quote: "Facebook"}, x, y)
	require.Nil(t, p.Fragments)
}
