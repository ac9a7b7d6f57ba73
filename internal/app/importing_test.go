package app

import (
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
