package view

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/app"
	"sayso/internal/format/native"
)

func TestImportOfADocumentAlreadyThereAsksAndMerges(t *testing.T) {
	st := app.NewState(fixedClock)
	app.Update(st, app.Paste{Title: "Harbour", Text: harbourText})
	app.Update(st, app.Tag{Label: annotation.LabelClaim, Sel: cp(t, harbourText, "the harbour will reopen in May")})
	before := st.Store.Project()

	data := exportOf(t, "Harbour", harbourText, "the harbour will reopen in May", "the plan is too costly")
	app.Update(st, app.ImportInto{Name: "ana.sayso.json", Data: data})
	require.NotNil(t, st.Import, "the same text: the person chooses")
	assert.Equal(t, before, st.Store.Project(), "nothing changed before the choice")
	html := ImportDialog(st).String()
	assertOnlyOwnMarkup(t, html)
	assert.Contains(t, html, "same text")

	app.Update(st, app.CancelImport{})
	assert.Nil(t, st.Import)
	assert.Equal(t, before, st.Store.Project(), "cancel changes nothing")

	app.Update(st, app.ImportInto{Name: "ana.sayso.json", Data: data})
	app.Update(st, app.SetImportChoice{Imported: st.Import.Conflicts[0].Imported, Choice: "merge"})
	app.Update(st, app.ConfirmImport{})
	assert.Nil(t, st.Import)
	assert.Len(t, st.Store.Documents(), 1)
	assert.Equal(t, 2, st.Store.Len(), "the shared claim is folded, the new one added")
	assert.Contains(t, st.Message.Text, "Imported")

	app.Update(st, app.ImportInto{Name: "ana.sayso.json", Data: data})
	app.Update(st, app.SetImportChoice{Imported: st.Import.Conflicts[0].Imported, Choice: "keep-both"})
	app.Update(st, app.ConfirmImport{})
	assert.Equal(t, []string{"Harbour", "Harbour (imported)"}, docTitles(st))
}

func TestImportOntoAChangedTextReanchorsAndListsWhatItCannotPlace(t *testing.T) {
	st := app.NewState(fixedClock)
	edited := "Breaking news first.\nThe mayor said the harbour will reopen in June.\nThe council meets on Friday."
	app.Update(st, app.Paste{Title: "Harbour", Text: edited})
	data := exportOf(t, "Harbour", harbourText, "The council meets on Friday", "the plan is too costly")
	app.Update(st, app.ImportInto{Name: "old.sayso.json", Data: data})
	require.NotNil(t, st.Import, "same title, other text: ask")
	app.Update(st, app.ConfirmImport{}) // merge is the default
	require.Nil(t, st.Import, st.Message.Text)

	assert.Contains(t, st.Message.Text, "Not placed")
	anns := st.Store.Annotations(st.Doc)
	require.Len(t, anns, 1, st.Message.Text)
	assert.Equal(t, "The council meets on Friday", anns[0].Quote, "moved with its text")
	assert.Equal(t, "quote", anns[0].Anchored, "marked as re-anchored")
	app.Update(st, app.Select{ID: anns[0].ID})
	assert.Contains(t, Inspector(st).String(), "Re-anchored by its quote")
	assert.Contains(t, Sidebar(st).String(), `class="badge anchored"`)

	// The mark is in the file too, until the person confirms it (undoably).
	data, err := native.Encode(st.Store.Project())
	require.NoError(t, err)
	assert.Contains(t, string(data), `"anchored": {`)
	app.Update(st, app.ConfirmAnchor{})
	assert.NotContains(t, Inspector(st).String(), "Re-anchored")
	assert.NotContains(t, Sidebar(st).String(), `class="badge anchored"`)
	app.Update(st, app.Undo{})
	assert.Contains(t, Inspector(st).String(), "Re-anchored by its quote")

	require.Len(t, st.Store.Orphans(), 1, "the deleted sentence's claim waits to be placed")
	side := Sidebar(st).String()
	assert.Contains(t, side, "the plan is too costly")
	assert.Contains(t, side, `data-action="place-orphan"`)

	app.Update(st, app.PlaceOrphan{Index: 0, Sel: nil})
	assert.Len(t, st.Store.Orphans(), 1, "placing needs a selection")
	sel := cp(t, edited, "Breaking news first")
	app.Update(st, app.PlaceOrphan{Index: 0, Sel: &sel})
	assert.Empty(t, st.Store.Orphans())
	placed := selected(t, st)
	assert.Equal(t, "Breaking news first", placed.Quote)
	assert.Equal(t, "from the import", placed.Note, "it keeps what it was imported with")
	assert.True(t, strings.Contains(st.Message.Text, "Placed"))
}
