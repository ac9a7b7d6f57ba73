package app

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
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
		{"move the second to the top", MoveDocument{ID: "d2", Delta: -1}, []string{"B", "A", "C"}, false},
		{"move the last down does nothing", MoveDocument{ID: "d3", Delta: 1}, []string{"A", "B", "C"}, false},
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

func TestAddingTextFilesSaysWhatWasAdded(t *testing.T) {
	tests := []struct {
		name  string
		files []TextFile
		kind  string
		want  string
	}{
		{"one file", []TextFile{{Name: "two.txt", Data: []byte("Second text.")}}, "info",
			"Added “two” to the project (2 documents now)."},
		{"two files", []TextFile{{Name: "two.txt", Data: []byte("Second text.")}, {Name: "three.txt", Data: []byte("Third text.")}}, "info",
			"Added 2 documents: “two.txt”, “three.txt”."},
		{"one of two files", []TextFile{{Name: "empty.txt", Data: []byte(" ")}, {Name: "three.txt", Data: []byte("Third text.")}}, "error",
			"Added 1 document: “three.txt”.\nThere is no text in “empty.txt”."},
		{"a file with an invalid byte and a control character", []TextFile{{Name: "odd.txt", Data: []byte("Odd \xff text\x01.")}}, "info",
			"Added “odd” to the project (2 documents now). “odd.txt” is not valid UTF-8 text: 1 byte could not be read and show as “\uFFFD”. Removed 1 control character (such as NUL) that cannot be shown."},
		{"a file with a control character only", []TextFile{{Name: "ctl.txt", Data: []byte("Odd text\x01.")}}, "info",
			"Added “ctl” to the project (2 documents now). Removed 1 control character (such as NUL) that cannot be shown."},
		{"a file of the longest length", []TextFile{{Name: "long.txt", Data: []byte(strings.Repeat("word ", MaxPasteBytes/5))}}, "info",
			"Added “long” to the project (2 documents now)."},
		{"a file over it", []TextFile{{Name: "long.txt", Data: []byte(strings.Repeat("word ", MaxPasteBytes/5) + "x")}}, "error",
			"The text in “long.txt” is too long (10.0 MB): Sayso takes articles of up to 10 MB."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := NewState(fixedClock)
			Update(st, Paste{Title: "one", Text: "First text."})
			Update(st, AddTextFiles{Files: tc.files})
			assert.Equal(t, tc.kind, st.Message.Kind)
			assert.Equal(t, tc.want, st.Message.Text)
		})
	}
}

func TestRemovingTheShownDocumentShowsTheNextOrElseThePrevious(t *testing.T) {
	tests := []struct {
		remove, shown string
	}{
		{"d1", "d2"},
		{"d2", "d3"},
		{"d3", "d2"},
	}
	for _, tc := range tests {
		t.Run(tc.remove, func(t *testing.T) {
			st := NewState(fixedClock)
			Update(st, AddTextFiles{Files: []TextFile{{Name: "A.txt", Data: []byte("a")}, {Name: "B.txt", Data: []byte("b")}, {Name: "C.txt", Data: []byte("c")}}})
			Update(st, ShowDocument{ID: tc.remove})
			title := Title(st)
			Update(st, RemoveDocument{ID: tc.remove})
			assert.Equal(t, tc.shown, st.Doc)
			assert.Equal(t, "Removed “"+title+"” and its annotations. Undo (Ctrl+Z) brings them back.", st.Message.Text)
		})
	}
}

func TestUndoingTheAddedDocumentShownShowsAnother(t *testing.T) {
	st := sampleState(t)
	Update(st, AddPasted{Title: "Second", Text: "Another article."})
	require.Equal(t, "d2", st.Doc)
	Update(st, RemoveDocument{ID: "d1"})
	Update(st, ShowDocument{ID: "d2"})
	Update(st, Undo{})
	assert.Equal(t, "d2", st.Doc, "the shown document is still there")
	Update(st, Redo{})
	assert.Equal(t, "d2", st.Doc)
	Update(st, Undo{})
	Update(st, ShowDocument{ID: "d1"})
	Update(st, Redo{})
	assert.Equal(t, "d2", st.Doc, "the shown document went again: another is shown")
}
