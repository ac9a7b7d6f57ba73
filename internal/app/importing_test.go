package app

import (
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/format/native"
)

// exportOf is the native export of a project holding text with a claim on
// each quote given.
func exportOf(t *testing.T, title, body string, claims ...string) []byte {
	t.Helper()
	st := NewState(fixedClock)
	Update(st, Paste{Title: title, Text: body})
	for _, q := range claims {
		Update(st, Tag{Label: annotation.LabelClaim, Sel: cp(t, body, q)})
		require.NotEmpty(t, st.Selected, st.Message.Text)
		Update(st, SetNote{Value: "from the import"})
	}
	data, err := native.Encode(st.Store.Project())
	require.NoError(t, err)
	return data
}

const harbourText = "The mayor said the harbour will reopen in May.\nCritics said the plan is too costly.\nThe council meets on Friday."

func TestImportAddsNewDocumentsWithoutAsking(t *testing.T) {
	st := sampleState(t)
	Update(st, ImportInto{Name: "other.sayso.json", Data: exportOf(t, "Harbour", harbourText, "the plan is too costly")})
	assert.Nil(t, st.Import, "nothing to ask")
	assert.Equal(t, []string{SampleTitle, "Harbour"}, docTitles(st))
	assert.Contains(t, st.Message.Text, "Imported “other.sayso.json”")
}

func TestDroppingOneUnplacedAnnotationKeepsTheOthers(t *testing.T) {
	st := NewState(fixedClock)
	Update(st, Paste{Title: "Harbour", Text: "Nothing in common here."})
	Update(st, ImportInto{Name: "old.sayso.json", Data: exportOf(t, "Harbour", harbourText, "the plan is too costly", "The council meets on Friday")})
	Update(st, ConfirmImport{})
	require.Len(t, st.Store.Orphans(), 2, st.Message.Text)
	Update(st, DropOrphan{Index: 0})
	require.Len(t, st.Store.Orphans(), 1)
}

func TestWorkImportedBeforeTheFirstAutosaveIsStillSaved(t *testing.T) {
	st := NewState(fixedClock)
	Update(st, Paste{Title: "Harbour", Text: "Nothing in common here."})
	require.True(t, st.ShouldSave())
	Update(st, ImportInto{Name: "old.sayso.json", Data: exportOf(t, "Other", harbourText, "the plan is too costly")})
	assert.True(t, st.ShouldSave(), "a new store is unsaved, whatever its revision count")
	Update(st, Saved{Revision: st.Store.Revision()})
	assert.False(t, st.ShouldSave())
	Update(st, ImportFile{Name: "again.sayso.json", Data: exportOf(t, "Other", harbourText)})
	assert.True(t, st.ShouldSave(), "opening a file replaces the store: save it")
}

func TestImportedDocumentsWhoseIdsAreTakenGetTheNextFreeNumber(t *testing.T) {
	st := sampleState(t)
	Update(st, ImportInto{Name: "a.sayso.json", Data: exportOf(t, "Harbour", harbourText)})
	Update(st, ImportInto{Name: "b.sayso.json", Data: exportOf(t, "Ferry", "The ferry runs again from Monday.")})
	var ids []string
	for _, d := range st.Store.Documents() {
		ids = append(ids, d.ID)
	}
	assert.Equal(t, []string{"d1", "d1-2", "d1-3"}, ids, "d1 is taken, then d1-2")
	assert.Equal(t, []string{SampleTitle, "Harbour", "Ferry"}, docTitles(st))
}

func TestAnImportSaysHowToPlaceWhatItCouldNotPlaceOnlyWhenThereIsSome(t *testing.T) {
	st := sampleState(t)
	Update(st, ImportInto{Name: "other.sayso.json", Data: exportOf(t, "Harbour", harbourText, "the plan is too costly")})
	assert.NotContains(t, st.Message.Text, "could not be placed", "everything placed")

	st = NewState(fixedClock)
	Update(st, Paste{Title: "Harbour", Text: "Nothing in common here."})
	Update(st, ImportInto{Name: "old.sayso.json", Data: exportOf(t, "Harbour", harbourText, "the plan is too costly")})
	Update(st, ConfirmImport{})
	require.Len(t, st.Store.Orphans(), 1, st.Message.Text)
	assert.Contains(t, st.Message.Text, "The annotations that could not be placed are listed under “Not placed” in the side list")
}

func TestAFileOfExactlyTheImportLimitIsReadIntoTheProject(t *testing.T) {
	st := sampleState(t)
	data := make([]byte, MaxImportBytes)
	copy(data, "PK\x03\x04")
	Update(st, ImportInto{Name: "huge.zip", Data: data})
	assert.Equal(t, "error", st.Message.Kind)
	assert.NotContains(t, st.Message.Text, "up to 64 MB", "read, and refused for what it holds")
	Update(st, ImportInto{Name: "huge.zip", Data: append(data, 0)})
	assert.Equal(t, "Could not import “huge.zip”: the file is 64.0 MB; Sayso reads files of up to 64 MB.", st.Message.Text)
}

// A 64 MB file that is no format at all is refused, into an open project
// or in its place, with a message that names the file and what is wrong,
// and telling its format does not go through all of it: what the whole
// import allocates stays a small part of the file (before the probe was
// bounded, it decoded the whole first JSON value: 256 MB).
func TestALargeFileThatIsNoProjectIsRefusedWithoutReadingItAll(t *testing.T) {
	const cannotTell = "Sayso cannot tell which format it is in. It opens Sayso project, brat standoff, W3C Web Annotation, CoNLL (BIO), Label Studio, doccano, Citron (quote attribution) and WebAnno TSV 3.3 (INCEpTION) files."
	data := []byte(`{"x": "` + strings.Repeat("a", MaxImportBytes-8) + `"`)
	for _, tc := range []struct {
		name, file, want string
		into             bool
	}{
		{"into the project, named as a zip", "huge.zip", "Could not import “huge.zip” as brat standoff: the file is not a zip archive: zip: not a valid zip file", true},
		{"into the project, named as JSON Lines", "huge.jsonl", "Could not import “huge.jsonl”: " + cannotTell, true},
		{"into the project, named as text", "huge.txt", "Could not import “huge.txt”: " + cannotTell, true},
		{"into the project, named as a dataset", "huge.csv", "Could not import “huge.csv”: this is a dataset export (one row per claim), which Sayso writes but cannot read back: open the project's .sayso.json file instead.", true},
		{"opened in its place, named as a zip", "huge.zip", "Could not open “huge.zip” as brat standoff: the file is not a zip archive: zip: not a valid zip file", false},
		{"opened in its place, named as text", "huge.txt", "Could not open “huge.txt”: " + cannotTell, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := sampleState(t)
			before := st.Store.Project()
			var a Action = ImportFile{Name: tc.file, Data: data}
			if tc.into {
				a = ImportInto{Name: tc.file, Data: data}
			}
			var m0, m1 runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&m0)
			Update(st, a)
			runtime.ReadMemStats(&m1)
			assert.Equal(t, "error", st.Message.Kind)
			assert.Equal(t, tc.want, st.Message.Text)
			assert.Equal(t, before, st.Store.Project(), "the work is as it was")
			assert.Less(t, m1.TotalAlloc-m0.TotalAlloc, uint64(MaxImportBytes/4), "allocated %d MB for a %d MB file", (m1.TotalAlloc-m0.TotalAlloc)>>20, MaxImportBytes>>20)
		})
	}
}
