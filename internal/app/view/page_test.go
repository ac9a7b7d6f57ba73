package view

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"sayso/internal/app"
)

func TestPageShowsTheScreenOfTheState(t *testing.T) {
	st := app.NewState(fixedClock)
	assert.Equal(t, ScreenStart, Build(st).Screen)
	app.Update(st, app.LoadSample{})
	assert.Equal(t, ScreenDoc, Build(st).Screen)
	app.Update(st, app.OpenCompare{})
	p := Build(st)
	assert.Equal(t, ScreenCompare, p.Screen)
	assert.Contains(t, p.Compare.String(), "Compare a class")
}

func TestPagePanelsAreEmptyWhileClosed(t *testing.T) {
	st := sampleState(t)
	p := Build(st)
	for name, h := range map[string]HTML{"documents": p.Documents, "exercise": p.Exercise, "schema": p.Schema,
		"export menu": p.ExportMenu, "help": p.Help, "import": p.ImportDialog, "columns": p.ColumnsDialog, "instructions": p.Instructions} {
		assert.True(t, h.IsEmpty(), "%s is closed", name)
	}
	app.Update(st, app.ToggleDocuments{})
	app.Update(st, app.ToggleHelp{})
	app.Update(st, app.ToggleExportMenu{})
	p = Build(st)
	assert.False(t, p.Documents.IsEmpty())
	assert.False(t, p.Help.IsEmpty())
	assert.False(t, p.ExportMenu.IsEmpty())
	assert.True(t, p.ExportMenuOpen)
	assert.Equal(t, app.SampleTitle, p.Title)
	assert.Equal(t, "Documents 1/1", p.DocsButton)
	assert.Empty(t, p.UndoTitle, "nothing to undo yet")
}
