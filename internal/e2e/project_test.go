//go:build !js

package e2e

import (
	"encoding/json"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/app"
	"sayso/internal/browsertest"
)

func sampleTitle() string    { return app.SampleTitle }
func sampleFileName() string { return app.FileName(app.SampleTitle) }

// typeInto clicks a form field, types text over its value and leaves it
// with Tab, as a person does; the field's change event follows.
func typeInto(p *browsertest.Page, sel, text string) {
	p.T.Helper()
	p.Click(sel)
	browsertest.Eval[bool](p, `(document.querySelector(`+jsQuote(sel)+`).select(), true)`)
	p.Type(text)
	p.Press("\t")
}

type projectFile struct {
	Annotator string `json:"annotator"`
	Schema    struct {
		Labels []struct {
			ID, Name, Color, Key string
		} `json:"labels"`
		StanceValues []string `json:"stanceValues"`
	} `json:"schema"`
	Documents []struct {
		ID, Title string
		Done      bool
	} `json:"documents"`
	Annotations []struct {
		Document, Label, Quote, Stance string
	} `json:"annotations"`
}

func decodeProject(t *testing.T, data []byte) projectFile {
	t.Helper()
	var f projectFile
	require.NoError(t, json.Unmarshal(data, &f))
	return f
}

func TestAProjectHoldsManyDocuments(t *testing.T) {
	p := browsertest.Open(t, serveSite(t), "")
	p.Click(`[data-action="sample"]`)
	p.SelectText("Tomas Reyes", 0)
	p.Press("s")
	p.WaitFor(sidebarCount + ` === 1`)

	// The documents panel: name the annotator, paste a second article.
	p.Click("#docs-button")
	p.WaitFor(`!document.getElementById("docs").hidden`)
	typeInto(p, `#docs [data-field="annotator"]`, "Ana Lima")
	typeInto(p, "#add-title", "Second article")
	p.Click("#add-text")
	p.Type("The mayor said the bridge “will open in May”.\nCritics doubt it.")
	p.Click(`[data-action="add-pasted"]`)
	p.WaitFor(`document.getElementById("doc-title").textContent === "Second article"`)
	assert.Equal(t, "Documents 2/2", p.Text("#docs-button"))
	p.SelectText("will open in May", 0)
	p.Press("c")
	p.WaitFor(sidebarCount + ` === 1`)

	// Drop two articles at once: both are added.
	p.DropFiles(browsertest.CorpusFile(t, "articles/fnc1-body-506.txt"), browsertest.CorpusFile(t, "articles/fnc1-body-724.txt"))
	p.WaitFor(`document.getElementById("message-text").textContent.startsWith("Added 2 documents")`)
	p.Click("#docs-button")
	p.WaitFor(`document.querySelectorAll("#docs .doc-row").length === 4`)
	rows := `[...document.querySelectorAll("#docs .doc-row .doc-open")].map(b => b.textContent).join("|")`
	assert.Equal(t, "1. "+sampleTitle()+"|2. Second article|3. fnc1-body-506|4. fnc1-body-724", browsertest.Eval[string](p, rows))
	assert.Contains(t, p.Text(`#docs .doc-row[data-doc="d1"] .count`), "1 annotation")

	// Rename, reorder, mark done.
	typeInto(p, `#docs [data-field="doc-title"][data-doc="d3"]`, "Lab report")
	p.WaitFor(`document.querySelector('#docs .doc-row[data-doc="d3"] .doc-open').textContent === "3. Lab report"`)
	p.Click(`#docs [data-action="doc-up"][data-doc="d4"]`)
	p.WaitFor(`document.querySelectorAll("#docs .doc-row")[2].dataset.doc === "d4"`)
	p.Click(`#docs [data-field="doc-done"][data-doc="d1"]`)
	p.WaitFor(`document.querySelector('#docs .doc-row[data-doc="d1"]').classList.contains("done")`)
	assert.Contains(t, p.Text("#docs .summary"), "4 documents, 1 done")
	browsertest.Screenshot(t, p.Ctx, "documents-panel")

	// Remove the second article, with its claim; undo brings both back.
	p.Click(`#docs [data-action="doc-remove"][data-doc="d2"]`)
	p.WaitFor(`document.querySelectorAll("#docs .doc-row").length === 3`)
	p.Press("\u001b")
	p.WaitFor(`document.getElementById("docs").hidden`)
	p.Press("z", chromedp.ModifierCtrl)
	p.Click("#docs-button")
	p.WaitFor(`document.querySelectorAll("#docs .doc-row").length === 4`)
	assert.Contains(t, p.Text(`#docs .doc-row[data-doc="d2"] .count`), "1 annotation")

	// Switch to the second article: its claim is there.
	p.Click(`#docs [data-action="show-doc"][data-doc="d2"]`)
	p.WaitFor(`document.getElementById("doc-title").textContent === "Second article"`)
	p.WaitFor(sidebarCount + ` === 1`)
	assert.Equal(t, 1, browsertest.Eval[int](p, `saysoHighlights.count("claim")`))

	// Export the whole project, then only this document.
	p.Press("\u001b")
	p.Click("#export")
	whole := decodeProject(t, p.WaitDownload("Ana Lima – 4 documents.sayso.json"))
	assert.Equal(t, "Ana Lima", whole.Annotator)
	require.Len(t, whole.Documents, 4)
	assert.Equal(t, []string{sampleTitle(), "Second article", "fnc1-body-724", "Lab report"},
		[]string{whole.Documents[0].Title, whole.Documents[1].Title, whole.Documents[2].Title, whole.Documents[3].Title})
	assert.True(t, whole.Documents[0].Done)
	assert.Len(t, whole.Annotations, 2)

	// A reload brings back the whole project: documents, order, done marks, the name.
	p.WaitFor(`document.getElementById("save-status").textContent.startsWith("Saved")`)
	p.Do(chromedp.Reload())
	p.WaitReady()
	p.WaitFor(`document.getElementById("doc-title").textContent === "Second article"`)
	assert.Equal(t, "Documents 2/4", p.Text("#docs-button"))
	p.Click("#docs-button")
	assert.Equal(t, "1. "+sampleTitle()+"|2. Second article|3. fnc1-body-724|4. Lab report", browsertest.Eval[string](p, rows))
	assert.Contains(t, p.Text("#docs .summary"), "4 documents, 1 done")
	assert.Equal(t, "Ana Lima", browsertest.Eval[string](p, `document.querySelector('#docs [data-field="annotator"]').value`))
	p.Press("\u001b")

	p.Click("#export-more")
	p.Click(`#export-menu [data-action="export-scope"]`)
	p.Click(`#export-menu [data-format="native"]`)
	one := decodeProject(t, p.WaitDownload("Second article.sayso.json"))
	require.Len(t, one.Documents, 1)
	assert.Equal(t, "Second article", one.Documents[0].Title)
	require.Len(t, one.Annotations, 1)
	assert.Equal(t, "will open in May", one.Annotations[0].Quote)
}

func TestTheSchemaEditorChangesLabelsAndStancesWithoutLosingAnnotations(t *testing.T) {
	p := browsertest.Open(t, serveSite(t), "")
	p.AcceptDialogs()
	p.Click(`[data-action="sample"]`)
	p.SelectText("“a slow death for small businesses.”", 0)
	p.Press("c")
	p.Press("1") // favor
	p.WaitFor(`document.querySelector("#sidebar .badge").textContent === "favor"`)

	p.Click("#setup-button")
	p.Click(`#setup-menu [data-action="schema"]`)
	p.WaitFor(`!document.getElementById("schema").hidden`)

	// A new label with its own key, used at once.
	typeInto(p, "#new-label-name", "Evidence")
	typeInto(p, "#new-label-key", "e")
	p.Click(`[data-action="label-add"]`)
	p.WaitFor(`document.querySelector('#tools [data-label="evidence"]') !== null`)
	assert.Contains(t, p.Text(`#tools [data-label="evidence"]`), "Evidence")
	p.Press("\u001b")
	p.SelectText("Tomas Reyes", 0)
	p.Press("e")
	p.WaitFor(`saysoHighlights.count("x3") === 1`)
	assert.Contains(t, p.Text("#sidebar"), "Evidence")

	// Renames carry over: the claim label and a stance value.
	p.Click("#setup-button")
	p.Click(`#setup-menu [data-action="schema"]`)
	typeInto(p, `#schema [data-field="label-name"][data-label="claim"]`, "Assertion")
	p.WaitFor(`document.querySelector('#tools [data-label="claim"]').textContent.startsWith("Assertion")`)
	typeInto(p, `#schema [data-field="stance-name"][data-stance="favor"]`, "support")
	p.WaitFor(`document.querySelector("#sidebar .badge").textContent === "support"`)
	typeInto(p, "#new-stance", "mixed")
	p.Click(`[data-action="stance-add"]`)
	p.WaitFor(`document.querySelectorAll("#schema .stances li").length === 5`)
	browsertest.Screenshot(t, p.Ctx, "schema-editor")

	// Removing a label in use asks first (accepted here) and takes its
	// annotations; undo brings both back.
	p.Click(`#schema [data-action="label-remove"][data-label="evidence"]`)
	p.WaitFor(`document.querySelector('#tools [data-label="evidence"]') === null`)
	p.WaitFor(`saysoHighlights.count("x3") === 0`)
	p.Press("\u001b")
	p.Press("z", chromedp.ModifierCtrl)
	p.WaitFor(`document.querySelector('#tools [data-label="evidence"]') !== null`)
	p.WaitFor(`saysoHighlights.count("x3") === 1`)

	p.Click("#export")
	f := decodeProject(t, p.WaitDownload(sampleFileName()+".sayso.json"))
	assert.Equal(t, []string{"support", "against", "neutral", "unclear", "mixed"}, f.Schema.StanceValues)
	require.Len(t, f.Schema.Labels, 4)
	assert.Equal(t, "Assertion", f.Schema.Labels[0].Name)
	assert.Equal(t, "e", f.Schema.Labels[3].Key)
	require.Len(t, f.Annotations, 2)
	for _, a := range f.Annotations {
		if a.Label == "claim" {
			assert.Equal(t, "support", a.Stance, "the claim's stance followed the rename")
		}
	}
}
