package app

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/exchange"
)

func TestAPasteSaysWhatItCouldNotKeep(t *testing.T) {
	longest := strings.Repeat("word ", MaxPasteBytes/5)
	tests := []struct {
		name, text, kind, want string
	}{
		{"clean text", "A short article.", "", ""},
		{"an invalid byte", "A short \xff article.", "info", "The text box is not valid UTF-8 text: 1 byte could not be read and show as “\uFFFD”."},
		{"a control character", "A short\x00 article.", "info", "Removed 1 control character (such as NUL) that cannot be shown."},
		{"both", "A \xff short\x00 article.", "info", "The text box is not valid UTF-8 text: 1 byte could not be read and show as “\uFFFD”. Removed 1 control character (such as NUL) that cannot be shown."},
		{"the longest text", longest, "", ""},
		{"longer", longest + "x", "error", "The text in the text box is too long (10.0 MB): Sayso takes articles of up to 10 MB. Split it into parts."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := NewState(fixedClock)
			Update(st, Paste{Title: "Article", Text: tc.text})
			assert.Equal(t, tc.kind, st.Message.Kind)
			assert.Equal(t, tc.want, st.Message.Text)
			assert.Equal(t, tc.kind != "error", st.Doc != "", "pasted unless refused")
		})
	}
}

func TestATitleMadeFromTheFirstLineIsCutAfter80Characters(t *testing.T) {
	eighty := strings.Repeat("é", 80)
	tests := []struct{ body, want string }{
		{"Harbour reopens\nThe mayor said so.", "Harbour reopens"},
		{"  \n Harbour reopens  \nmore", "Harbour reopens"},
		{eighty + "\nmore", eighty},
		{eighty + "x\nmore", eighty + "…"},
		{" \n\t", "Untitled"},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, firstLine(tc.body), "%q", tc.body)
	}
}

func TestAStanceKeyPicksTheStanceOfItsNumber(t *testing.T) {
	st := sampleState(t)
	Update(st, Tag{Label: annotation.LabelClaim, Sel: cp(t, SampleText, "Nobody asked us")})
	stances := st.Store.Schema().Stances
	require.GreaterOrEqual(t, len(stances), 2)
	claim := st.Selected
	stanceOf := func() string { a, _ := st.Store.Annotation(claim); return a.Stance }

	Update(st, SetStanceIndex{N: 1})
	assert.Equal(t, stances[0], stanceOf(), "1 is the first")
	Update(st, SetStanceIndex{N: len(stances)})
	assert.Equal(t, stances[len(stances)-1], stanceOf(), "the last number is the last")
	for _, n := range []int{0, len(stances) + 1} {
		require.NotPanics(t, func() { Update(st, SetStanceIndex{N: n}) })
		assert.Equal(t, stances[len(stances)-1], stanceOf(), "%d is no stance: nothing changes", n)
	}
}

func TestSelectingScrollsToTheAnnotationAndClearingDoesNot(t *testing.T) {
	st := sampleState(t)
	Update(st, Tag{Label: annotation.LabelClaim, Sel: cp(t, SampleText, "Nobody asked us")})
	id := st.Selected
	assert.Equal(t, []Effect{ScrollTo{ID: id}}, Update(st, Select{ID: id}))
	assert.Empty(t, Update(st, Select{ID: ""}))
	assert.Empty(t, st.Selected)
}

func TestCapitalizeUpperCasesTheFirstLetterOnly(t *testing.T) {
	for in, want := range map[string]string{"": "", "abc def": "Abc def", "élan": "Élan", "1 thing": "1 thing", "Already": "Already"} {
		assert.Equal(t, want, capitalize(in), "%q", in)
	}
}

func TestJAndKMoveFromTheSelectedAnnotationAndStopAtTheEnds(t *testing.T) {
	st := sampleState(t)
	var ids []string
	for _, q := range []string{"Nobody asked us", "Tomas Reyes", "slow death"} {
		Update(st, Tag{Label: annotation.LabelClaim, Sel: cp(t, SampleText, q)})
		ids = append(ids, st.Selected)
	}
	var inOrder []string
	for _, a := range st.Store.Annotations(st.Doc) {
		inOrder = append(inOrder, a.ID)
	}
	require.Len(t, inOrder, 3)
	Update(st, Select{ID: inOrder[1]})
	Update(st, Move{Delta: 1})
	assert.Equal(t, inOrder[2], st.Selected, "j: the next after the selected")
	require.NotPanics(t, func() { Update(st, Move{Delta: 1}) })
	assert.Equal(t, inOrder[2], st.Selected, "j on the last stays")
	Update(st, Move{Delta: -1})
	assert.Equal(t, inOrder[1], st.Selected, "k: the one before")
	Update(st, Move{Delta: -1})
	Update(st, Move{Delta: -1})
	assert.Equal(t, inOrder[0], st.Selected, "k on the first stays")
}

func TestOpeningAProjectThatNeedsNoRepairSaysNothingOfRepairs(t *testing.T) {
	data := exportAs(t, annotatedState(t), exchange.Native).Data
	st := NewState(fixedClock)
	Update(st, Import{Name: "work.sayso.json", Data: data})
	require.Equal(t, "info", st.Message.Kind, st.Message.Text)
	assert.NotContains(t, st.Message.Text, "repaired")
	assert.NotContains(t, st.Message.Text, "\n")
}
