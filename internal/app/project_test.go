package app

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/exchange"
)

func docTitles(st *State) []string {
	var out []string
	for _, d := range st.Store.Documents() {
		out = append(out, d.Title)
	}
	return out
}

func TestTextFilesStartAProjectOrJoinTheOpenOne(t *testing.T) {
	st := NewState(fixedClock)
	Update(st, AddTextFiles{Files: []TextFile{{Name: "one.txt", Data: []byte("First text.")}, {Name: "two.txt", Data: []byte("Second text.")}}})
	assert.Equal(t, []string{"one", "two"}, docTitles(st))
	assert.Equal(t, "d1", st.Doc, "the first file is shown")
	assert.Contains(t, st.Message.Text, "Added 2 documents")

	Update(st, AddTextFiles{Files: []TextFile{{Name: "empty.txt", Data: []byte("  \n")}, {Name: "three.txt", Data: []byte("Third.")}}})
	assert.Equal(t, []string{"one", "two", "three"}, docTitles(st))
	assert.Equal(t, "error", st.Message.Kind)
	assert.Contains(t, st.Message.Text, "There is no text in “empty.txt”", "the empty file is named, the others are added")
}

func TestRemovingDocumentsShowsANeighbourAndUndoBringsThemBack(t *testing.T) {
	st := sampleState(t)
	Update(st, Tag{Label: annotation.LabelClaim, Sel: cp(t, SampleText, "Nobody asked us")})
	Update(st, AddPasted{Title: "Second", Text: "Another article."})
	require.Equal(t, "d2", st.Doc)
	Update(st, ShowDocument{ID: "d1"})
	before := st.Store.Project()

	Update(st, RemoveDocument{ID: "d1"})
	assert.Equal(t, []string{"Second"}, docTitles(st))
	assert.Equal(t, "d2", st.Doc, "the shown document went: its neighbour is shown")
	assert.Contains(t, st.Message.Text, "Undo")

	Update(st, RemoveDocument{ID: "d2"})
	assert.Equal(t, "error", st.Message.Kind, "the last document stays")
	assert.Len(t, st.Store.Documents(), 1)

	Update(st, Undo{})
	assert.Equal(t, before, st.Store.Project(), "undo restores the document and its annotations")
	Update(st, Redo{})
	Update(st, Undo{})
	Update(st, Undo{}) // undo past the removal: the added document was not an undo step
	assert.NotEmpty(t, st.Doc)
	_, _, ok := st.Store.Document(st.Doc)
	assert.True(t, ok, "the shown document always exists")
}

func TestDocumentListEdits(t *testing.T) {
	tests := []struct {
		name   string
		action Action
		titles []string
		fails  bool
	}{
		{"rename", RenameDocument{ID: "d2", Title: "  Renamed  "}, []string{"A", "Renamed", "C"}, false},
		{"rename to nothing", RenameDocument{ID: "d2", Title: " "}, []string{"A", "B", "C"}, true},
		{"move up", MoveDocument{ID: "d3", Delta: -1}, []string{"A", "C", "B"}, false},
		{"move the first up does nothing", MoveDocument{ID: "d1", Delta: -1}, []string{"A", "B", "C"}, false},
		{"move down", MoveDocument{ID: "d1", Delta: 1}, []string{"B", "A", "C"}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := NewState(fixedClock)
			Update(st, AddTextFiles{Files: []TextFile{{Name: "A.txt", Data: []byte("a")}, {Name: "B.txt", Data: []byte("b")}, {Name: "C.txt", Data: []byte("c")}}})
			st.Message = Message{}
			Update(st, tc.action)
			assert.Equal(t, tc.titles, docTitles(st))
			assert.Equal(t, tc.fails, st.Message.Kind == "error", st.Message.Text)
		})
	}
}

func TestDoneMarksAndAnnotatorAreExported(t *testing.T) {
	st := sampleState(t)
	Update(st, SetAnnotator{Name: "  Ana Lima "})
	Update(st, SetDone{ID: st.Doc, Done: true})
	Update(st, AddPasted{Title: "Second", Text: "Another article."})
	effects := Update(st, Export{})
	require.Len(t, effects, 1)
	dl := effects[0].(Download)
	assert.Equal(t, "Ana Lima – 2 documents.sayso.json", dl.Name)
	p, err := exchange.DecodeProject(dl.Data)
	require.NoError(t, err)
	assert.Equal(t, "Ana Lima", p.Annotator)
	require.Len(t, p.Documents, 2)
	assert.True(t, p.Documents[0].Done)
	assert.False(t, p.Documents[1].Done)
	assert.Contains(t, DocumentsHTML(st), "2 documents, 1 done")
}

func TestExportScopeOneDocumentOrTheWholeProject(t *testing.T) {
	st := sampleState(t)
	Update(st, Tag{Label: annotation.LabelSpeaker, Sel: cp(t, SampleText, "Tomas Reyes")})
	Update(st, AddPasted{Title: "Second", Text: "Bob said it rains."})
	_, x, _ := st.Store.Document(st.Doc)
	Update(st, Tag{Label: annotation.LabelSpeaker, Sel: cp(t, x.Slice(0, 18), "Bob")})
	assert.Contains(t, ExportMenuHTML(st), "Only this document")

	Update(st, SetExportScope{DocumentOnly: true})
	dl := Update(st, ExportAs{Format: exchange.Native})[0].(Download)
	assert.Equal(t, "Second.sayso.json", dl.Name)
	p, err := exchange.DecodeProject(dl.Data)
	require.NoError(t, err)
	require.Len(t, p.Documents, 1)
	assert.Equal(t, "Second", p.Documents[0].Title)
	require.Len(t, p.Annotations, 1)
	require.Len(t, p.Speakers, 1, "only the speakers this document names")
	assert.Equal(t, "Bob", p.Speakers[0].Name)

	Update(st, SetExportScope{DocumentOnly: false})
	dl = Update(st, ExportAs{Format: exchange.Native})[0].(Download)
	assert.True(t, strings.HasSuffix(dl.Name, "and 1 more document.sayso.json"), dl.Name)
	p, err = exchange.DecodeProject(dl.Data)
	require.NoError(t, err)
	assert.Len(t, p.Documents, 2)
	assert.Len(t, p.Annotations, 2)
}

func TestSchemaEditsAskBeforeRemovingWhatIsUsed(t *testing.T) {
	st := sampleState(t)
	Update(st, AddLabel{Name: "Evidence", Color: "#8e44ad", Key: "e"})
	require.Len(t, st.Store.Schema().Labels, 4, st.Message.Text)
	Update(st, Tag{Label: "evidence", Sel: cp(t, SampleText, "Tomas Reyes")})
	require.Equal(t, 1, st.Store.Len())
	assert.Equal(t, "x3", st.highlightStyle(selected(t, st)), "a label of one's own has its own highlight")
	assert.Contains(t, LabelCSS(st), "::highlight(sayso-x3){background-color:#8e44ad66}")
	assert.Contains(t, ToolsHTML(st), `data-label="evidence"`)

	effects := Update(st, RemoveLabel{ID: "evidence"})
	require.Len(t, effects, 1, "a label in use is not removed without asking")
	c := effects[0].(Confirm)
	assert.Contains(t, c.Text, "1 annotation")
	assert.Equal(t, 1, st.Store.Len())
	Update(st, c.Then)
	assert.Equal(t, 0, st.Store.Len())
	assert.Len(t, st.Store.Schema().Labels, 3)
	Update(st, Undo{})
	assert.Equal(t, 1, st.Store.Len())
	assert.Len(t, st.Store.Schema().Labels, 4)

	Update(st, Tag{Label: annotation.LabelClaim, Sel: cp(t, SampleText, "Nobody asked us")})
	Update(st, SetStanceIndex{N: 1})
	Update(st, RenameStanceValue{Old: "favor", New: "support"})
	assert.Equal(t, "support", selected(t, st).Stance)
	effects = Update(st, RemoveStanceValue{Value: "support"})
	require.Len(t, effects, 1)
	Update(st, effects[0].(Confirm).Then)
	assert.Equal(t, "", selected(t, st).Stance)
	assert.Equal(t, []string{"against", "neutral", "unclear"}, st.Store.Schema().Stances)

	Update(st, EditLabel{ID: annotation.LabelClaim, Field: "color", Value: "red"})
	assert.Equal(t, "error", st.Message.Kind, "a colour must be #rrggbb")
	Update(st, EditLabel{ID: annotation.LabelClaim, Field: "name", Value: "Assertion"})
	l, _ := st.Store.Schema().Label(annotation.LabelClaim)
	assert.Equal(t, "Assertion", l.Name)
	assert.Contains(t, ToolsHTML(st), ">Assertion <kbd>c</kbd>")
}

func TestLabelCSSHoldsOnlyCheckedColours(t *testing.T) {
	st := sampleState(t)
	css := LabelCSS(st)
	assert.NotContains(t, css, "<")
	assert.Contains(t, css, ".tool.l-claim{box-shadow:inset 0 -3px 0 #f5c542}")
	assert.Equal(t, "#000", inkOn("#f5c542"))
	assert.Equal(t, "#fff", inkOn("#2f6fb5"))
}
