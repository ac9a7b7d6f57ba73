package view

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/app"
)

// firstScreenCopy is FirstScreen's JSON, as web/preview.js reads it.
type firstScreenCopy struct {
	V      int      `json:"v"`
	Seq    uint64   `json:"seq"`
	Doc    string   `json:"doc"`
	Title  string   `json:"title"`
	Topic  string   `json:"topic"`
	CSS    string   `json:"css"`
	Styles string   `json:"styles"`
	IDs    string   `json:"ids"`
	Ranges []int32  `json:"ranges"`
	Paras  [][2]any `json:"paras"`
}

func decodeFirstScreen(t *testing.T, st *app.State) firstScreenCopy {
	t.Helper()
	v, ok := FirstScreen(st)
	require.True(t, ok)
	var c firstScreenCopy
	require.NoError(t, json.Unmarshal([]byte(v), &c), "the copy is JSON")
	return c
}

func TestTheFirstScreensCopyHoldsWhatTheAppDrawsOfItsFirstSections(t *testing.T) {
	st := longState(t, 300) // about 16 KB of text
	d, x, _ := st.Store.Document(st.Doc)
	app.Update(st, app.SetTopic{Value: `the <plan> & "its" cost`})
	c := decodeFirstScreen(t, st)

	assert.Equal(t, 1, c.V)
	assert.Equal(t, st.Doc, c.Doc)
	assert.Equal(t, d.Title, c.Title)
	assert.Equal(t, `the <plan> & "its" cost`, c.Topic)
	assert.Equal(t, LabelCSS(st), c.CSS)
	assert.Equal(t, app.HighlightStyles(), c.Styles)

	to := previewParagraphs(st)
	require.Less(t, to, len(st.Paras), "a long document's copy is its first sections only")
	require.Len(t, c.Paras, to)
	for i, p := range c.Paras {
		assert.Equal(t, float64(st.Paras[i].Start), p[0], "paragraph %d starts where the app's does", i)
		assert.Equal(t, x.Slice(st.Paras[i].Start, st.Paras[i].End), p[1], "paragraph %d's text", i)
	}

	// The highlights are the app's of the annotations in those
	// paragraphs, no more.
	var in []*annotation.Annotation
	for _, a := range st.Store.Annotations(st.Doc) {
		if a.Hull().Start < st.Paras[to-1].End {
			in = append(in, a)
		}
	}
	ids, packed := app.HighlightRanges(st, in)
	assert.Equal(t, ids, c.IDs)
	assert.Equal(t, packed, c.Ranges, "every range of them lies in the copy's paragraphs")
	assert.Len(t, strings.Fields(c.IDs), 2*to, "a speaker and a claim in each paragraph")
}

func TestTheFirstScreensCopyLeavesOutRangesPastItsParagraphs(t *testing.T) {
	st := longState(t, 400)
	to := previewParagraphs(st)
	require.Less(t, to, len(st.Paras))
	// A claim from the copy's last paragraph into the next one.
	app.Update(st, app.Tag{Label: annotation.LabelClaim, Sel: app.Selection{Start: st.Paras[to-1].Start + 2, End: st.Paras[to].Start + 5, Exact: true}})
	c := decodeFirstScreen(t, st)
	require.Zero(t, len(c.Ranges)%5)
	crossing := 0
	for i := 0; i < len(c.Ranges); i += 5 {
		assert.Less(t, int(c.Ranges[i+2]), to, "range %d is in a paragraph of the copy", i/5)
		if int(c.Ranges[i+2]) == to-1 && c.Ranges[i+3] == 2 {
			crossing++
		}
	}
	assert.Equal(t, 1, crossing, "the crossing claim's part in the copy is there")
}

func TestThereIsNoFirstScreenCopyWhereThePageIsNotADocumentToRead(t *testing.T) {
	tests := []struct {
		name  string
		state func(t *testing.T) *app.State
	}{
		{"the start screen", func(t *testing.T) *app.State { return app.NewState(fixedClock) }},
		{"the class compared", func(t *testing.T) *app.State {
			st := sampleState(t)
			st.Comparing = true
			return st
		}},
		{"a first section longer than the copy holds", func(t *testing.T) *app.State {
			st := app.NewState(fixedClock)
			app.Update(st, app.Paste{Title: "one paragraph", Text: strings.Repeat("A long paragraph without an end. ", 3000)})
			require.NotEmpty(t, st.Doc)
			return st
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, ok := FirstScreen(tc.state(t))
			assert.False(t, ok)
		})
	}
}

func TestTheFirstScreensCopyOfTheSampleIsWholeAndReadsAsText(t *testing.T) {
	st := sampleState(t)
	app.Update(st, app.Paste{Title: hostile, Text: "First " + hostile + "\n\nSecond paragraph."})
	c := decodeFirstScreen(t, st)
	assert.Equal(t, hostile, c.Title, "the title as text, whatever it holds")
	require.Len(t, c.Paras, 2, "a short document whole")
	assert.Equal(t, "First "+hostile, c.Paras[0][1])
	v, _ := FirstScreen(st)
	assert.NotContains(t, v, "<", "HTML-safe escapes: the copy never holds a raw tag")
}

func TestTheFirstScreensCopyFollowsAnEditOfTheText(t *testing.T) {
	st := sampleState(t)
	before := decodeFirstScreen(t, st)
	_, x, _ := st.Store.Document(st.Doc)
	text := x.Slice(0, x.Len())
	app.Update(st, app.OpenTextEditor{})
	app.Update(st, app.SaveText{Text: strings.Replace(text, "Harbour town", "Harbor town", 1)})
	after := decodeFirstScreen(t, st)
	assert.NotEqual(t, before.Paras, after.Paras)
	assert.Contains(t, after.Paras[0][1], "Harbor town", "the copy is of the text as it is now, not as it was first made")
}
