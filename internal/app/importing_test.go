package app

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/exchange"
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
	data, err := exchange.EncodeProject(st.Store.Project())
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

func TestImportOfADocumentAlreadyThereAsksAndMerges(t *testing.T) {
	st := NewState(fixedClock)
	Update(st, Paste{Title: "Harbour", Text: harbourText})
	Update(st, Tag{Label: annotation.LabelClaim, Sel: cp(t, harbourText, "the harbour will reopen in May")})
	before := st.Store.Project()

	data := exportOf(t, "Harbour", harbourText, "the harbour will reopen in May", "the plan is too costly")
	Update(st, ImportInto{Name: "ana.sayso.json", Data: data})
	require.NotNil(t, st.Import, "the same text: the person chooses")
	assert.Equal(t, before, st.Store.Project(), "nothing changed before the choice")
	html := ImportHTML(st)
	assertOnlyOwnMarkup(t, html)
	assert.Contains(t, html, "same text")

	Update(st, CancelImport{})
	assert.Nil(t, st.Import)
	assert.Equal(t, before, st.Store.Project(), "cancel changes nothing")

	Update(st, ImportInto{Name: "ana.sayso.json", Data: data})
	Update(st, SetImportChoice{Imported: st.Import.Conflicts[0].Imported, Choice: "merge"})
	Update(st, ConfirmImport{})
	assert.Nil(t, st.Import)
	assert.Len(t, st.Store.Documents(), 1)
	assert.Equal(t, 2, st.Store.Len(), "the shared claim is folded, the new one added")
	assert.Contains(t, st.Message.Text, "Imported")

	Update(st, ImportInto{Name: "ana.sayso.json", Data: data})
	Update(st, SetImportChoice{Imported: st.Import.Conflicts[0].Imported, Choice: "keep-both"})
	Update(st, ConfirmImport{})
	assert.Equal(t, []string{"Harbour", "Harbour (imported)"}, docTitles(st))
}

func TestImportOntoAChangedTextReanchorsAndListsWhatItCannotPlace(t *testing.T) {
	st := NewState(fixedClock)
	edited := "Breaking news first.\nThe mayor said the harbour will reopen in June.\nThe council meets on Friday."
	Update(st, Paste{Title: "Harbour", Text: edited})
	data := exportOf(t, "Harbour", harbourText, "The council meets on Friday", "the plan is too costly")
	Update(st, ImportInto{Name: "old.sayso.json", Data: data})
	require.NotNil(t, st.Import, "same title, other text: ask")
	Update(st, ConfirmImport{}) // merge is the default
	require.Nil(t, st.Import, st.Message.Text)

	assert.Contains(t, st.Message.Text, "Not placed")
	anns := st.Store.Annotations(st.Doc)
	require.Len(t, anns, 1, st.Message.Text)
	assert.Equal(t, "The council meets on Friday", anns[0].Quote, "moved with its text")
	assert.Equal(t, "quote", anns[0].Anchored, "marked as re-anchored")
	Update(st, Select{ID: anns[0].ID})
	assert.Contains(t, InspectorHTML(st), "Re-anchored by its quote")
	assert.Contains(t, SidebarHTML(st), `class="badge anchored"`)

	// The mark is in the file too, until the person confirms it (undoably).
	data, err := exchange.EncodeProject(st.Store.Project())
	require.NoError(t, err)
	assert.Contains(t, string(data), `"anchored": {`)
	Update(st, ConfirmAnchor{})
	assert.NotContains(t, InspectorHTML(st), "Re-anchored")
	assert.NotContains(t, SidebarHTML(st), `class="badge anchored"`)
	Update(st, Undo{})
	assert.Contains(t, InspectorHTML(st), "Re-anchored by its quote")

	require.Len(t, st.Store.Orphans(), 1, "the deleted sentence's claim waits to be placed")
	side := SidebarHTML(st)
	assert.Contains(t, side, "the plan is too costly")
	assert.Contains(t, side, `data-action="place-orphan"`)

	Update(st, PlaceOrphan{Index: 0, Sel: nil})
	assert.Len(t, st.Store.Orphans(), 1, "placing needs a selection")
	sel := cp(t, edited, "Breaking news first")
	Update(st, PlaceOrphan{Index: 0, Sel: &sel})
	assert.Empty(t, st.Store.Orphans())
	placed := selected(t, st)
	assert.Equal(t, "Breaking news first", placed.Quote)
	assert.Equal(t, "from the import", placed.Note, "it keeps what it was imported with")
	assert.True(t, strings.Contains(st.Message.Text, "Placed"))
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
