package app

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/text"
)

// A speaker tagged from a selection with the punctuation around the name
// is stored as the name alone: the mention's span (in code points) drops
// the comma, quotes, brackets and spaces, whole grapheme clusters at a
// time, and keeps what the name keeps.
func TestATaggedSpeakerMentionDropsThePunctuationAroundTheName(t *testing.T) {
	for _, tc := range []struct {
		name, text, selected, want string
	}{
		{"a trailing comma", "As Wang Wen, a grocer, said, it works.", "Wang Wen,", "Wang Wen"},
		{"a comma and a space", "As Wang Wen, a grocer, said, it works.", "Wang Wen, ", "Wang Wen"},
		{"curly quotes", "The mayor, “Okafor”, said so.", "“Okafor”,", "Okafor"},
		{"brackets", "A trader (Reyes) said no.", "(Reyes)", "Reyes"},
		{"an abbreviation keeps its full stop", "Said Martin Luther King Jr., then left.", "Martin Luther King Jr.,", "Martin Luther King Jr."},
		{"an apostrophe inside the name", "Said O'Brien: no.", "O'Brien:", "O'Brien"},
		{"an emoji after the name, with its skin tone", "Ana 👍🏽 said yes.", "Ana 👍🏽", "Ana"},
		{"a comma with a combining mark is one cluster, kept whole", "Wen,\u0301 said it.", "Wen,\u0301", "Wen,\u0301"},
		{"an Arabic comma and a direction mark", "قال \u200fأحمد، إن", "\u200fأحمد،", "أحمد"},
		{"a name alone is unchanged", "Tomas Reyes said no.", "Tomas Reyes", "Tomas Reyes"},
		{"only punctuation is left as selected", "He said: “…” and left.", "“…”", "“…”"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := NewState(fixedClock)
			Update(st, Paste{Title: "Names", Text: tc.text})
			require.NotEmpty(t, st.Doc, st.Message.Text)
			Update(st, Tag{Label: annotation.LabelSpeaker, Sel: cp(t, tc.text, tc.selected)})
			a, ok := st.Store.Annotation(st.Selected)
			require.True(t, ok, st.Message.Text)
			require.Len(t, a.Fragments, 1)
			want := cp(t, tc.text, tc.want)
			f := a.Fragments[0]
			assert.Equal(t, []int{want.Start, want.End}, []int{f.Start, f.End}, "the span in code points")
			assert.Equal(t, tc.want, a.Quote)
			assert.Equal(t, tc.want, string([]rune(tc.text)[f.Start:f.End]), "text[start:end] is the quote")
			if sp, ok := st.Store.Speaker(a.Speaker); ok && !strings.ContainsAny(tc.want, "“…") {
				assert.Equal(t, annotation.CleanSpeakerName(tc.want), sp.Name)
			}
		})
	}
}

// A claim keeps its punctuation (a quote's closing mark belongs to it),
// and Alt keeps the exact selection of a speaker too.
func TestOnlyASpeakerSelectionIsTrimmedToTheName(t *testing.T) {
	text := "As Wang Wen, a grocer, said, it works."
	for _, tc := range []struct {
		name  string
		label string
		exact bool
		want  string
	}{
		{"a claim", annotation.LabelClaim, false, "Wang Wen,"},
		{"a speaker with Alt (exact)", annotation.LabelSpeaker, true, "Wang Wen,"},
		{"a speaker", annotation.LabelSpeaker, false, "Wang Wen"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := NewState(fixedClock)
			Update(st, Paste{Title: "Names", Text: text})
			sel := cp(t, text, "Wang Wen,")
			sel.Exact = tc.exact
			Update(st, Tag{Label: tc.label, Sel: sel})
			a, ok := st.Store.Annotation(st.Selected)
			require.True(t, ok, st.Message.Text)
			assert.Equal(t, tc.want, a.Quote)
		})
	}
}

// nameSpan keeps the name and only trims: the span stays inside the
// selection, its ends on grapheme boundaries, and the name it proposes is
// the selection's.
func FuzzNameSpan(f *testing.F) {
	for _, s := range []struct {
		text       string
		start, end int
	}{
		{"As Wang Wen, a grocer, said.", 3, 12},
		{"“Okafor”, said", 0, 9},
		{"Ana 👍🏽 said", 0, 6},
		{"Wen,\u0301 said", 0, 5},
		{"قال \u200fأحمد، إن", 4, 10},
		{"Martin Luther King Jr., then", 0, 23},
		{"“…”", 0, 3},
	} {
		f.Add(s.text, s.start, s.end)
	}
	f.Fuzz(func(t *testing.T, s string, start, end int) {
		body, _, _ := text.Clean([]byte(s))
		x := text.NewIndex(body)
		if x.Len() == 0 {
			return
		}
		start, end = min(max(start, 0), x.Len()), min(max(end, 0), x.Len())
		if start > end {
			start, end = end, start
		}
		sp := x.SnapToGraphemes(text.Span{Start: start, End: end})
		got := nameSpan(x, sp)
		if got.Start < sp.Start || got.End > sp.End || got.Start > got.End {
			t.Fatalf("nameSpan(%q, %v) = %v: not inside the selection", body, sp, got)
		}
		if !x.IsGraphemeBoundary(got.Start) || !x.IsGraphemeBoundary(got.End) {
			t.Fatalf("nameSpan(%q, %v) = %v splits a grapheme", body, sp, got)
		}
		if want := annotation.CleanSpeakerName(x.Slice(sp.Start, sp.End)); want != "" && annotation.CleanSpeakerName(x.Slice(got.Start, got.End)) != want {
			t.Fatalf("nameSpan(%q, %v) = %v proposes %q, not %q", body, sp, got, x.Slice(got.Start, got.End), want)
		}
	})
}
