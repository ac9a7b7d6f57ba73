package app

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
)

func TestChosenFilesAreRoutedByPurposeAndLimit(t *testing.T) {
	txt := FileInfo{Name: "a.txt", Type: "text/plain", Size: 10}
	json := FileInfo{Name: "b.sayso.json", Type: "application/json", Size: 10}
	huge := FileInfo{Name: "c.txt", Size: MaxPasteBytes + 1}
	longest := FileInfo{Name: "e.txt", Type: "text/plain", Size: MaxPasteBytes}
	bigProject := FileInfo{Name: "f.sayso.json", Size: MaxPasteBytes + 1}
	ann := FileInfo{Name: "g.ann", Size: 10}
	tests := []struct {
		name           string
		comparing, doc bool
		action         Action
		want           []Effect
		message        string
	}{
		{"a text file opens as an article", false, false, ChooseFiles{Purpose: FilesOpen, Files: []FileInfo{txt}},
			[]Effect{ReadFiles{Purpose: filesOpenText, Indexes: []int{0}}}, ""},
		{"another file opens as a project", false, false, ChooseFiles{Purpose: FilesOpen, Files: []FileInfo{json}},
			[]Effect{ReadFiles{Purpose: FilesOpen, Indexes: []int{0}}}, ""},
		{"a too large article is refused before reading", false, false, ChooseFiles{Purpose: FilesOpen, Files: []FileInfo{huge}},
			nil, "Could not open “c.txt”: it is 10.0 MB, and Sayso opens files of up to 10 MB."},
		{"only text files are added", false, true, ChooseFiles{Purpose: FilesAdd, Files: []FileInfo{txt, json}},
			[]Effect{ReadFiles{Purpose: FilesAdd, Indexes: []int{0}, Skipped: []string{"“b.sayso.json” is not a .txt file (use Open for annotation files)"}}}, ""},
		{"files dropped on the compare screen are compared", true, false, DropFiles{Files: []FileInfo{json}},
			[]Effect{ReadFiles{Purpose: FilesCompare, Indexes: []int{0}}}, ""},
		{"several text files dropped are added", false, false, DropFiles{Files: []FileInfo{txt, txt}},
			[]Effect{ReadFiles{Purpose: FilesAdd, Indexes: []int{0, 1}}}, ""},
		{"one text file dropped on an open document is added", false, true, DropFiles{Files: []FileInfo{txt}},
			[]Effect{ReadFiles{Purpose: FilesAdd, Indexes: []int{0}}}, ""},
		{"one text file dropped on the start screen opens", false, false, DropFiles{Files: []FileInfo{txt}},
			[]Effect{ReadFiles{Purpose: filesOpenText, Indexes: []int{0}}}, ""},
		{"an article of exactly the limit opens", false, false, ChooseFiles{Purpose: FilesOpen, Files: []FileInfo{longest}},
			[]Effect{ReadFiles{Purpose: filesOpenText, Indexes: []int{0}}}, ""},
		{"a project over the article limit opens", false, false, ChooseFiles{Purpose: FilesOpen, Files: []FileInfo{bigProject}},
			[]Effect{ReadFiles{Purpose: FilesOpen, Indexes: []int{0}}}, ""},
		{"a project over the article limit is imported", false, true, ChooseFiles{Purpose: FilesImport, Files: []FileInfo{bigProject}},
			[]Effect{ReadFiles{Purpose: FilesImport, Indexes: []int{0}}}, ""},
		{"an article over the limit is not added", false, true, ChooseFiles{Purpose: FilesAdd, Files: []FileInfo{huge, longest}},
			[]Effect{ReadFiles{Purpose: FilesAdd, Indexes: []int{1}, Skipped: []string{"“c.txt” is 10.0 MB, over the 10 MB limit"}}}, ""},
		{"annotation files chosen for Compare are compared", true, false, ChooseFiles{Purpose: FilesCompare, Files: []FileInfo{ann}},
			[]Effect{ReadFiles{Purpose: FilesCompare, Indexes: []int{0}}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := NewState(fixedClock)
			if tt.doc {
				Update(st, LoadSample{})
			}
			st.Comparing = tt.comparing
			assert.Equal(t, tt.want, Update(st, tt.action))
			assert.Equal(t, tt.message, st.Message.Text)
		})
	}
}

func TestOpeningAFileOverWorkAsksFirst(t *testing.T) {
	st := sampleState(t)
	Update(st, Tag{Label: annotation.LabelClaim, Sel: cp(t, SampleText, "Nobody asked us")})
	files := []FileInfo{{Name: "b.sayso.json", Size: 10}}
	effects := Update(st, ChooseFiles{Purpose: FilesOpen, Files: files})
	require.Len(t, effects, 1)
	c := effects[0].(Confirm)
	assert.Equal(t, "Open “b.sayso.json”? It replaces the current article and its 1 annotations. Export them first to keep them.", c.Text)
	assert.Equal(t, []Effect{ReadFiles{Purpose: FilesOpen, Indexes: []int{0}}}, Update(st, c.Then))
}

func TestReadFilesGoWhereTheirPurposeSays(t *testing.T) {
	st := NewState(fixedClock)
	Update(st, FilesRead{Purpose: filesOpenText, Files: []TextFile{{Name: "vote.txt", Data: []byte("The council voted.")}}})
	assert.Equal(t, "vote", Title(st))

	Update(st, FilesRead{Purpose: FilesAdd, Files: []TextFile{{Name: "two.txt", Data: []byte("Second text.")}},
		Skipped: []string{"“x.json” is not a .txt file"}, Failed: []ReadFailure{{Name: "y.txt", Why: "NotReadableError"}}})
	assert.Len(t, st.Store.Documents(), 2)
	assert.Equal(t, "Not read: “x.json” is not a .txt file; “y.txt” could not be read: NotReadableError", st.Message.Text)

	Update(st, FilesRead{Purpose: FilesOpen, Failed: []ReadFailure{{Name: "z.json", Why: "gone"}}})
	assert.Equal(t, "Could not read “z.json”: gone", st.Message.Text)
}
