package app

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/testenv"
)

// corpusDir is the shared corpus, outside the repository.
const corpusDir = "../../../shared/corpus"

// The corpus files the set tests read: a PolNeAR pair, and a training
// text annotated by several annotators in PolNeAR's text/ + attributions/
// layout.
const (
	pairStem   = "breitbart_2015-11-17_wash-post-fact-check-if-obama-sa"
	pairText   = "brat/polnear/" + pairStem + ".txt"
	pairAnn    = "brat/polnear/" + pairStem + "_4e07.ann"
	twiceStem  = "breitbart_2016-03-20_ted-cruz-refuses-to-disavow-lind"
	twiceText  = "polnear-train/text/" + twiceStem + ".txt"
	twiceFirst = "polnear-train/attributions/" + twiceStem + "_4e07.ann"
	twiceOther = "polnear-train/attributions/" + twiceStem + "_d473.ann"
)

// corpusFile reads a file of the shared corpus as the browser hands it
// over: by its name alone.
func corpusFile(t *testing.T, name string) TextFile {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(corpusDir, name))
	if errors.Is(err, fs.ErrNotExist) {
		testenv.Missing(t, "the shared corpus file %s is not on this machine", name)
	}
	require.NoError(t, err)
	return TextFile{Name: filepath.Base(name), Data: b}
}

func TestFilesWithAnAnnotationFileAreReadAsOneSet(t *testing.T) {
	txt := FileInfo{Name: "a.txt", Type: "text/plain", Size: 10}
	ann := FileInfo{Name: "a_d473.ann", Size: 10}
	other := FileInfo{Name: "b.sayso.json", Size: 10}
	huge := FileInfo{Name: "c.ann", Size: MaxImportBytes + 1}
	tests := []struct {
		name   string
		doc    bool
		action Action
		want   []Effect
	}{
		{"a text and its annotation file chosen with Open", false, ChooseFiles{Purpose: FilesOpen, Files: []FileInfo{txt, ann}},
			[]Effect{ReadFiles{Purpose: filesOpenSet, Indexes: []int{0, 1}}}},
		{"a text and its annotation file dropped", true, DropFiles{Files: []FileInfo{ann, txt}},
			[]Effect{ReadFiles{Purpose: filesOpenSet, Indexes: []int{0, 1}}}},
		{"a lone annotation file dropped on an open text", true, DropFiles{Files: []FileInfo{ann}},
			[]Effect{ReadFiles{Purpose: filesOpenSet, Indexes: []int{0}}}},
		{"files of other kinds and too large ones are not read", false, ChooseFiles{Purpose: FilesOpen, Files: []FileInfo{other, txt, huge, ann}},
			[]Effect{ReadFiles{Purpose: filesOpenSet, Indexes: []int{1, 3}, Skipped: []string{
				"“b.sayso.json” is not a brat .txt or .ann file (open it on its own)",
				"“c.ann” is 64.0 MB, over the 64 MB limit"}}}},
		{"several text files chosen with Open become documents, as dropped ones do", false, ChooseFiles{Purpose: FilesOpen, Files: []FileInfo{txt, txt}},
			[]Effect{ReadFiles{Purpose: FilesAdd, Indexes: []int{0, 1}}}},
		{"one text file chosen with Open still opens as an article", true, ChooseFiles{Purpose: FilesOpen, Files: []FileInfo{txt}},
			[]Effect{ReadFiles{Purpose: filesOpenText, Indexes: []int{0}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := NewState(fixedClock)
			if tt.doc {
				Update(st, LoadSample{})
			}
			assert.Equal(t, tt.want, Update(st, tt.action))
		})
	}
}

func TestASetWithTextsAsksBeforeReplacingWork(t *testing.T) {
	files := []FileInfo{{Name: "a.txt", Size: 10}, {Name: "a_d473.ann", Size: 10}, {Name: "b.txt", Size: 10}}
	tests := []struct {
		name    string
		files   []FileInfo
		confirm string
	}{
		{"a text replaces the project, so Sayso asks", files[:2],
			"Open “a.txt” with its annotation files? This replaces the current project and its 1 annotation. Export them first to keep them."},
		{"texts replace the project, so Sayso asks", files,
			"Open “a.txt” and “b.txt” with their annotation files? This replaces the current project and its 1 annotation. Export them first to keep them."},
		{"a lone annotation file only adds, so it reads at once", files[1:2], ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := sampleState(t)
			Update(st, Tag{Label: annotation.LabelClaim, Sel: cp(t, SampleText, "Nobody asked us")})
			effects := Update(st, DropFiles{Files: tt.files})
			require.Len(t, effects, 1)
			c, asked := effects[0].(Confirm)
			if tt.confirm == "" {
				assert.False(t, asked)
				return
			}
			require.True(t, asked)
			assert.Equal(t, tt.confirm, c.Text)
			all := make([]int, len(tt.files))
			for i := range all {
				all[i] = i
			}
			assert.Equal(t, []Effect{ReadFiles{Purpose: filesOpenSet, Indexes: all}}, Update(st, c.Then))
		})
	}
}

func TestASetOpensItsPairsAndSaysWhatItRead(t *testing.T) {
	tests := []struct {
		name    string
		files   []string
		titles  []string
		message []string
	}{
		{"a PolNeAR pair", []string{pairText, pairAnn}, []string{pairStem},
			[]string{"Opened “" + pairStem + ".txt” and “" + pairStem + "_4e07.ann” (brat standoff): 1 document, "}},
		{"a text annotated twice, in PolNeAR's layout, becomes one document per annotator",
			[]string{twiceText, twiceFirst, twiceOther, pairText, pairAnn},
			[]string{pairStem, twiceStem + "_4e07", twiceStem + "_d473"},
			[]string{"Opened 5 files (brat standoff): 3 documents, "}},
		{"an annotation file without its text is named",
			[]string{pairText, pairAnn, twiceOther}, []string{pairStem},
			[]string{"Opened 3 files (brat standoff): 1 document, ", "Left without their text (1), so not opened:\n“" + twiceStem + "_d473.ann” needs “" + twiceStem + ".txt”"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := NewState(fixedClock)
			var files []TextFile
			for _, n := range tt.files {
				files = append(files, corpusFile(t, n))
			}
			Update(st, FilesRead{Purpose: filesOpenSet, Files: files})
			var titles []string
			for _, d := range st.Store.Documents() {
				titles = append(titles, d.Title)
			}
			assert.Equal(t, tt.titles, titles)
			assert.Equal(t, "info", st.Message.Kind, st.Message.Text)
			for _, m := range tt.message {
				assert.Contains(t, st.Message.Text, m)
			}
			assert.Positive(t, st.Store.Len(), "the annotations were read")
			for _, d := range st.Store.Documents() {
				assert.Positive(t, st.Store.AnnotationCount(d.ID), "%s has its annotations", d.Title)
			}
		})
	}
}

func TestALoneAnnotationFileIsPlacedOnTheOpenTextWhenItFits(t *testing.T) {
	text, ann := corpusFile(t, pairText), corpusFile(t, pairAnn)
	other := corpusFile(t, twiceText)
	tests := []struct {
		name    string
		open    *TextFile
		kind    string
		message string
		placed  bool
	}{
		{"its own text is open", &text, "info", "Placed “" + pairStem + "_4e07.ann” on “" + pairStem + "”, whose text its spans fit: ", true},
		{"another text is open", &other, "error", "“" + pairStem + "_4e07.ann” needs its text, “" + pairStem + ".txt”: open them together. It does not fit the text open now: 61 of its 61 spans", false},
		{"no text is open", nil, "error", "“" + pairStem + "_4e07.ann” needs its text, “" + pairStem + ".txt”: open them together (choose or drop both).", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := NewState(fixedClock)
			if tt.open != nil {
				Update(st, FilesRead{Purpose: filesOpenText, Files: []TextFile{*tt.open}})
				require.NotEmpty(t, st.Doc)
			}
			doc := st.Doc
			Update(st, FilesRead{Purpose: filesOpenSet, Files: []TextFile{ann}})
			assert.Equal(t, tt.kind, st.Message.Kind, st.Message.Text)
			assert.Contains(t, st.Message.Text, tt.message)
			assert.Nil(t, st.Import, "no question is left open")
			assert.Equal(t, doc, st.Doc, "the open text stays shown")
			assert.Equal(t, tt.placed, st.Store.Len() > 0)
			if tt.placed {
				assert.Len(t, st.Store.Documents(), 1, "placed on the open text, not beside it")
			}
		})
	}
}

func TestALoneAnnotationFileOnAnnotatedTextAsksHowToMerge(t *testing.T) {
	text, ann := corpusFile(t, pairText), corpusFile(t, pairAnn)
	st := NewState(fixedClock)
	Update(st, FilesRead{Purpose: filesOpenText, Files: []TextFile{text}})
	Update(st, Tag{Label: annotation.LabelClaim, Sel: Selection{Start: 0, End: 5}})
	require.Equal(t, 1, st.Store.Len())
	Update(st, FilesRead{Purpose: filesOpenSet, Files: []TextFile{ann}})
	require.NotNil(t, st.Import, "the import dialog asks: merge, replace or keep both")
	assert.Equal(t, 1, st.Store.Len(), "nothing changed before the answer")
	Update(st, ConfirmImport{})
	assert.Greater(t, st.Store.Len(), 1, "merged into the open text")
	assert.Len(t, st.Store.Documents(), 1)
}

func TestASetOfUnreadableFilesSaysWhy(t *testing.T) {
	st := NewState(fixedClock)
	Update(st, FilesRead{Purpose: filesOpenSet, Skipped: []string{"“b.json” is not a brat .txt or .ann file (open it on its own)"},
		Failed: []ReadFailure{{Name: "a.ann", Why: "NotReadableError"}}})
	assert.Equal(t, Message{Kind: "error", Text: "Nothing was opened. Not read: “b.json” is not a brat .txt or .ann file (open it on its own); “a.ann” could not be read: NotReadableError"}, st.Message)
}

func TestASetKeepsTwoFilesOfTheSameName(t *testing.T) {
	st := NewState(fixedClock)
	Update(st, FilesRead{Purpose: filesOpenSet, Files: []TextFile{
		{Name: "a.txt", Data: []byte("The mayor said no.")},
		{Name: "a.txt", Data: []byte("Another folder's text.")},
		{Name: "a_d473.ann", Data: []byte("T1\tSource 4 9\tmayor\n")},
	}})
	require.Len(t, st.Store.Documents(), 2, st.Message.Text)
	assert.Equal(t, 1, st.Store.Len())
}

func TestImportAnnotationsPlacesAnAnnotationFileOnTheOpenText(t *testing.T) {
	text, ann := corpusFile(t, pairText), corpusFile(t, pairAnn)
	st := NewState(fixedClock)
	Update(st, FilesRead{Purpose: filesOpenText, Files: []TextFile{text}})
	doc := st.Doc
	effects := Update(st, ChooseFiles{Purpose: FilesImport, Files: []FileInfo{{Name: ann.Name, Size: len(ann.Data)}}})
	require.Equal(t, []Effect{ReadFiles{Purpose: filesOpenSet, Indexes: []int{0}}}, effects, "read as a set of one lone .ann")
	Update(st, FilesRead{Purpose: filesOpenSet, Files: []TextFile{ann}})
	assert.Equal(t, "info", st.Message.Kind, st.Message.Text)
	assert.Contains(t, st.Message.Text, "Placed “"+pairStem+"_4e07.ann” on “"+pairStem+"”")
	assert.Equal(t, doc, st.Doc)
	assert.Len(t, st.Store.Documents(), 1, "placed on the open text, not beside it")
	assert.Greater(t, st.Store.Len(), 0)
}
