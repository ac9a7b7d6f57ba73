package view

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"sayso/internal/app"
)

func TestColumnsDialogOffersEachCandidateWithTheChosenOneChecked(t *testing.T) {
	const file = `{"body": "Ana said hi.", "source": "Bob wrote.", "gold": [[0, 3, "speaker"]], "pred": [[4, 9, "cue"]]}`
	st := app.NewState(fixedClock)
	assert.True(t, ColumnsDialog(st).IsEmpty(), "no question, no dialog")

	app.Update(st, app.ImportFile{Name: "x.jsonl", Data: []byte(file)})
	app.Update(st, app.SetColumn{Column: app.ColumnLabel, Key: "pred"})
	html := ColumnsDialog(st).String()
	assertOnlyOwnMarkup(t, html)
	assert.Contains(t, html, "“x.jsonl” names its columns itself, and more than one could hold its text and its labels.")
	assert.Contains(t, html, `<input type="radio" name="columns-text" data-field="column-text" value="body" checked> body <span class="hint">“Ana said hi.”</span></label>`)
	assert.Contains(t, html, `<input type="radio" name="columns-text" data-field="column-text" value="source"> source <span class="hint">“Bob wrote.”</span></label>`)
	assert.Contains(t, html, `<input type="radio" name="columns-label" data-field="column-label" value="gold"> gold <span class="hint">(1 span)</span></label>`)
	assert.Contains(t, html, `<input type="radio" name="columns-label" data-field="column-label" value="pred" checked> pred <span class="hint">(1 span)</span></label>`)
	assert.Contains(t, html, `data-action="columns-open">Open</button>`)
	assert.Contains(t, html, `data-action="columns-cancel">Cancel`)
	assert.Equal(t, ColumnsDialog(st), Build(st).ColumnsDialog, "the page shows it")

	app.Update(st, app.CancelColumns{})
	assert.True(t, ColumnsDialog(st).IsEmpty())
}

func TestColumnsDialogForImportAnnotationsAsksOnlyAboutTheAmbiguousColumn(t *testing.T) {
	st := app.NewState(fixedClock)
	app.Update(st, app.Paste{Title: "Open", Text: "Something open."})
	app.Update(st, app.ImportInto{Name: "x.jsonl", Data: []byte(`{"body": "Ana said hi.", "gold": [[0, 3, "speaker"]], "pred": [[4, 8, "cue"]]}`)})
	html := ColumnsDialog(st).String()
	assert.Contains(t, html, "could hold its labels.")
	assert.NotContains(t, html, "columns-text", "the text column is settled")
	assert.Contains(t, html, `data-action="columns-open">Import</button>`)
}
