package app

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/exchange"
)

// Doccano files whose columns are named by whoever made them, and more
// than one could hold the text, the labels, or both.
const (
	twoTextColumns  = `{"body": "Ana said hi.", "source": "Bob wrote.", "spans": [[0, 3, "speaker"]]}`
	twoLabelColumns = `{"body": "Ana said hi.", "gold": [[0, 3, "speaker"]], "pred": [[4, 8, "cue"]]}`
	twoOfEachColumn = `{"body": "Ana said hi.", "source": "Bob wrote.", "gold": [[0, 3, "speaker"]], "pred": [[4, 9, "cue"]]}`
)

// quotesShown lists the shown document's annotations as "label: quote".
func quotesShown(st *State) []string { return quotesOf(st.Store.Annotations(st.Doc)) }

func quotesOf(anns []*annotation.Annotation) []string {
	var out []string
	for _, a := range anns {
		out = append(out, a.Label+": "+a.Quote)
	}
	return out
}

func TestOpenAsksWhichColumnsHoldWhatThenReadsTheChosenOnes(t *testing.T) {
	tests := []struct {
		name        string
		file        string
		text, label []string
		choose      []SetColumn
		quotes      []string
		read        string
	}{
		{"ambiguous text, first candidate kept", twoTextColumns, []string{"body", "source"}, nil, nil,
			[]string{"speaker: Ana"}, "Read the text from the column “body”."},
		{"ambiguous text, another chosen", twoTextColumns, []string{"body", "source"}, nil,
			[]SetColumn{{ColumnText, "source"}},
			[]string{"speaker: Bob"}, "Read the text from the column “source”."},
		{"ambiguous labels", twoLabelColumns, nil, []string{"gold", "pred"},
			[]SetColumn{{ColumnLabel, "pred"}},
			[]string{"cue: said"}, "Read the labels from the column “pred”."},
		{"both ambiguous", twoOfEachColumn, []string{"body", "source"}, []string{"gold", "pred"},
			[]SetColumn{{ColumnText, "source"}, {ColumnLabel, "pred"}},
			[]string{"cue: wrote"}, "Read the text from the column “source” and the labels from the column “pred”."},
		{"chosen twice, the last choice counts", twoOfEachColumn, []string{"body", "source"}, []string{"gold", "pred"},
			[]SetColumn{{ColumnLabel, "pred"}, {ColumnLabel, "gold"}},
			[]string{"speaker: Ana"}, "Read the text from the column “body” and the labels from the column “gold”."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := NewState(fixedClock)
			Update(st, ImportFile{Name: "x.jsonl", Data: []byte(tc.file)})
			require.NotNil(t, st.Columns, "asks: %s", st.Message.Text)
			assert.Empty(t, st.Doc, "nothing opened before the choice")
			assert.Empty(t, st.Message.Text)
			assert.Equal(t, tc.text, st.Columns.Text)
			assert.Equal(t, tc.label, st.Columns.Label)
			assert.False(t, st.Columns.Into)
			first := exchange.Columns{}
			if len(tc.text) > 0 {
				first.Text = tc.text[0]
			}
			if len(tc.label) > 0 {
				first.Label = tc.label[0]
			}
			assert.Equal(t, first, st.Columns.Chosen, "the first candidates are chosen to begin with")
			for _, k := range append(append([]string{}, tc.text...), tc.label...) {
				assert.NotEmpty(t, st.Columns.Samples[k], "what %q holds is shown", k)
			}

			for _, c := range tc.choose {
				Update(st, c)
				require.NotEqual(t, "error", st.Message.Kind, st.Message.Text)
			}
			Update(st, ConfirmColumns{})
			assert.Nil(t, st.Columns)
			require.NotEmpty(t, st.Doc, st.Message.Text)
			assert.Equal(t, tc.quotes, quotesShown(st))
			assert.Equal(t, "info", st.Message.Kind)
			assert.Contains(t, st.Message.Text, "Opened “x.jsonl” (doccano): 1 document")
			assert.Contains(t, st.Message.Text, "\n"+tc.read)
		})
	}
}

func TestCancellingTheColumnsQuestionLeavesTheWorkAsItWas(t *testing.T) {
	for name, cancel := range map[string]Action{"Cancel": CancelColumns{}, "Esc": Escape{}} {
		t.Run(name, func(t *testing.T) {
			st := annotatedState(t)
			before, doc := st.Store.Project(), st.Doc
			Update(st, ImportFile{Name: "x.jsonl", Data: []byte(twoOfEachColumn)})
			require.NotNil(t, st.Columns, st.Message.Text)
			assert.Equal(t, before, st.Store.Project(), "asking changes nothing")

			Update(st, cancel)
			assert.Nil(t, st.Columns)
			assert.Equal(t, before, st.Store.Project())
			assert.Equal(t, doc, st.Doc)
			assert.Equal(t, Message{Kind: "info", Text: "Nothing was opened from “x.jsonl”: the work is as it was."}, st.Message)
		})
	}
}

func TestABadColumnChoiceIsRefusedWithAMessage(t *testing.T) {
	tests := []struct {
		name   string
		choose SetColumn
		msg    string
	}{
		{"a label column as the text", SetColumn{ColumnText, "gold"},
			"“gold” cannot hold the text of “x.jsonl”: choose “body” or “source”."},
		{"a text column as the labels", SetColumn{ColumnLabel, "body"},
			"“body” cannot hold the labels of “x.jsonl”: choose “gold” or “pred”."},
		{"a column the file does not have", SetColumn{ColumnText, "nope"},
			"“nope” cannot hold the text of “x.jsonl”: choose “body” or “source”."},
		{"neither text nor labels", SetColumn{"speaker", "body"},
			`Sayso asks only which column holds the text and which the labels, not "speaker".`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := NewState(fixedClock)
			Update(st, ImportFile{Name: "x.jsonl", Data: []byte(twoOfEachColumn)})
			require.NotNil(t, st.Columns, st.Message.Text)
			chosen := st.Columns.Chosen

			Update(st, tc.choose)
			assert.Equal(t, Message{Kind: "error", Text: tc.msg}, st.Message)
			require.NotNil(t, st.Columns, "the question stays open")
			assert.Equal(t, chosen, st.Columns.Chosen, "the choice is as it was")

			Update(st, ConfirmColumns{})
			assert.Nil(t, st.Columns)
			assert.Equal(t, []string{"speaker: Ana"}, quotesShown(st), "the first candidates open")
		})
	}
}

func TestConfirmingColumnsNotOfferedIsRefused(t *testing.T) {
	st := NewState(fixedClock)
	Update(st, ImportFile{Name: "x.jsonl", Data: []byte(twoTextColumns)})
	require.NotNil(t, st.Columns, st.Message.Text)
	st.Columns.Chosen.Text = "spans" // not a candidate: only the view could send it

	Update(st, ConfirmColumns{})
	assert.Equal(t, Message{Kind: "error", Text: "Choose a column for the text and one for the labels among those listed, then press Open."}, st.Message)
	assert.NotNil(t, st.Columns, "the question stays open")
	assert.Empty(t, st.Doc)
}

func TestImportAnnotationsAsksWhichColumnsAndAddsTheDocument(t *testing.T) {
	st := annotatedState(t)
	Update(st, ImportInto{Name: "x.jsonl", Data: []byte(twoOfEachColumn)})
	require.NotNil(t, st.Columns, st.Message.Text)
	assert.True(t, st.Columns.Into)
	assert.Len(t, st.Store.Documents(), 1, "nothing imported before the choice")

	Update(st, SetColumn{ColumnText, "source"})
	Update(st, ConfirmColumns{})
	assert.Nil(t, st.Columns)
	require.Len(t, st.Store.Documents(), 2, st.Message.Text)
	assert.Len(t, st.Store.Annotations(st.Store.Documents()[0].ID), 6, "the open document's annotations stay")
	assert.Equal(t, []string{"speaker: Bob"}, quotesOf(st.Store.Annotations(st.Store.Documents()[1].ID)))
	assert.Contains(t, st.Message.Text, "Imported “x.jsonl”.")
	assert.Contains(t, st.Message.Text, "\nRead the text from the column “source” and the labels from the column “gold”.")
}

func TestCancellingImportAnnotationsSaysNothingWasImported(t *testing.T) {
	st := annotatedState(t)
	before := st.Store.Project()
	Update(st, ImportInto{Name: "x.jsonl", Data: []byte(twoLabelColumns)})
	require.NotNil(t, st.Columns, st.Message.Text)
	Update(st, CancelColumns{})
	assert.Nil(t, st.Columns)
	assert.Equal(t, before, st.Store.Project())
	assert.Equal(t, Message{Kind: "info", Text: "Nothing was imported from “x.jsonl”."}, st.Message)
}

func TestOpeningAnotherFileForgetsTheColumnsQuestion(t *testing.T) {
	st := NewState(fixedClock)
	Update(st, ImportFile{Name: "x.jsonl", Data: []byte(twoTextColumns)})
	require.NotNil(t, st.Columns)
	Update(st, ImportFile{Name: "y.jsonl", Data: []byte(`{"text": "Ann said it.", "label": [[0, 3, "speaker"]]}`)})
	assert.Nil(t, st.Columns)
	assert.Equal(t, []string{"speaker: Ann"}, quotesShown(st))
}

func TestColumnActionsWithoutAQuestionDoNothing(t *testing.T) {
	st := annotatedState(t)
	before := st.Store.Project()
	for _, a := range []Action{SetColumn{ColumnText, "body"}, ConfirmColumns{}, CancelColumns{}} {
		Update(st, a)
		assert.Equal(t, before, st.Store.Project())
		assert.Empty(t, st.Message.Text, "%T", a)
	}
}
