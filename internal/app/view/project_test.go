package view

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/app"
	"sayso/internal/exchange"
	"sayso/internal/format/native"
)

func TestDoneMarksAndAnnotatorAreExported(t *testing.T) {
	st := sampleState(t)
	app.Update(st, app.SetAnnotator{Name: "  Ana Lima "})
	app.Update(st, app.SetDone{ID: st.Doc, Done: true})
	app.Update(st, app.AddPasted{Title: "Second", Text: "Another article."})
	effects := app.Update(st, app.Export{})
	require.Len(t, effects, 1)
	dl := effects[0].(app.Download)
	assert.Equal(t, "Ana Lima – 2 documents.sayso.json", dl.Name)
	p, err := native.Decode(dl.Data)
	require.NoError(t, err)
	assert.Equal(t, "Ana Lima", p.Annotator)
	require.Len(t, p.Documents, 2)
	assert.True(t, p.Documents[0].Done)
	assert.False(t, p.Documents[1].Done)
	assert.Contains(t, Documents(st).String(), "2 documents, 1 done")
}

func TestExportScopeOneDocumentOrTheWholeProject(t *testing.T) {
	st := sampleState(t)
	app.Update(st, app.Tag{Label: annotation.LabelSpeaker, Sel: cp(t, app.SampleText, "Tomas Reyes")})
	app.Update(st, app.AddPasted{Title: "Second", Text: "Bob said it rains."})
	_, x, _ := st.Store.Document(st.Doc)
	app.Update(st, app.Tag{Label: annotation.LabelSpeaker, Sel: cp(t, x.Slice(0, 18), "Bob")})
	assert.Contains(t, ExportMenu(st).String(), "Only this document")

	app.Update(st, app.SetExportScope{DocumentOnly: true})
	dl := app.Update(st, app.ExportAs{Format: exchange.Native})[0].(app.Download)
	assert.Equal(t, "Second.sayso.json", dl.Name)
	p, err := native.Decode(dl.Data)
	require.NoError(t, err)
	require.Len(t, p.Documents, 1)
	assert.Equal(t, "Second", p.Documents[0].Title)
	require.Len(t, p.Annotations, 1)
	require.Len(t, p.Speakers, 1, "only the speakers this document names")
	assert.Equal(t, "Bob", p.Speakers[0].Name)

	app.Update(st, app.SetExportScope{DocumentOnly: false})
	dl = app.Update(st, app.ExportAs{Format: exchange.Native})[0].(app.Download)
	assert.True(t, strings.HasSuffix(dl.Name, "and 1 more document.sayso.json"), dl.Name)
	p, err = native.Decode(dl.Data)
	require.NoError(t, err)
	assert.Len(t, p.Documents, 2)
	assert.Len(t, p.Annotations, 2)
}

func TestSchemaEditsAskBeforeRemovingWhatIsUsed(t *testing.T) {
	st := sampleState(t)
	app.Update(st, app.AddLabel{Name: "Evidence", Color: "#8e44ad", Key: "e"})
	require.Len(t, st.Store.Schema().Labels, 4, st.Message.Text)
	app.Update(st, app.Tag{Label: "evidence", Sel: cp(t, app.SampleText, "Tomas Reyes")})
	require.Equal(t, 1, st.Store.Len())
	_, packed := app.HighlightRanges(st, []*annotation.Annotation{selected(t, st)})
	require.NotEmpty(t, packed)
	assert.Equal(t, "x3", strings.Fields(app.HighlightStyles())[packed[1]], "a label of one's own has its own highlight")
	assert.Contains(t, LabelCSS(st), "::highlight(sayso-x3){background-color:rgba(142,68,173,0.4);text-decoration:underline solid 2px ")
	assert.Contains(t, Tools(st).String(), `data-label="evidence"`)

	effects := app.Update(st, app.RemoveLabel{ID: "evidence"})
	require.Len(t, effects, 1, "a label in use is not removed without asking")
	c := effects[0].(app.Confirm)
	assert.Contains(t, c.Text, "1 annotation")
	assert.Equal(t, 1, st.Store.Len())
	app.Update(st, c.Then)
	assert.Equal(t, 0, st.Store.Len())
	assert.Len(t, st.Store.Schema().Labels, 3)
	app.Update(st, app.Undo{})
	assert.Equal(t, 1, st.Store.Len())
	assert.Len(t, st.Store.Schema().Labels, 4)

	app.Update(st, app.Tag{Label: annotation.LabelClaim, Sel: cp(t, app.SampleText, "Nobody asked us")})
	app.Update(st, app.SetStanceIndex{N: 1})
	app.Update(st, app.RenameStanceValue{Old: "favor", New: "support"})
	assert.Equal(t, "support", selected(t, st).Stance)
	effects = app.Update(st, app.RemoveStanceValue{Value: "support"})
	require.Len(t, effects, 1)
	app.Update(st, effects[0].(app.Confirm).Then)
	assert.Equal(t, "", selected(t, st).Stance)
	assert.Equal(t, []string{"against", "neutral", "unclear"}, st.Store.Schema().Stances)

	app.Update(st, app.EditLabel{ID: annotation.LabelClaim, Field: "color", Value: "red"})
	assert.Equal(t, "error", st.Message.Kind, "a colour must be #rrggbb")
	app.Update(st, app.EditLabel{ID: annotation.LabelClaim, Field: "name", Value: "Assertion"})
	l, _ := st.Store.Schema().Label(annotation.LabelClaim)
	assert.Equal(t, "Assertion", l.Name)
	assert.Contains(t, Tools(st).String(), `<span class="tool-name">Assertion</span> <kbd>c</kbd>`)
}

func TestLabelCSSHoldsOnlyCheckedColours(t *testing.T) {
	st := sampleState(t)
	css := LabelCSS(st)
	assert.NotContains(t, css, "<")
	assert.Contains(t, css, ".tool.l-claim{box-shadow:inset 0 -3px 0 "+MarkOn("#f5c542", Paper, MinMarkContrast)+"}")
	assert.Contains(t, css, ".l-claim>.tag,.l-claim .tag{background:#f5c542;color:#000000}")
}
