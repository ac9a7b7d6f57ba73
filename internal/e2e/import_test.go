//go:build !js

package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/app"
	"sayso/internal/browsertest"
	"sayso/internal/format/native"
)

// sampleExport is a native export of the sample article with a claim on
// each quote, made by the app itself.
func sampleExport(t *testing.T, quotes ...string) []byte {
	t.Helper()
	st := app.NewState(func() time.Time { return time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC) })
	app.Update(st, app.LoadSample{})
	for _, q := range quotes {
		i := strings.Index(app.SampleText, q)
		require.GreaterOrEqual(t, i, 0, q)
		start := len([]rune(app.SampleText[:i]))
		app.Update(st, app.Tag{Label: annotation.LabelClaim, Sel: app.Selection{Start: start, End: start + len([]rune(q)), Exact: true}})
		require.NotEmpty(t, st.Selected, st.Message.Text)
	}
	data, err := native.Encode(st.Store.Project())
	require.NoError(t, err)
	return data
}

func TestImportIntoAnEditedArticleReanchorsAndLetsThePersonPlaceTheRest(t *testing.T) {
	removed := "“Nobody asked us,” Reyes told reporters after leaving the meeting."
	require.Contains(t, app.SampleText, removed)
	edited := "Updated on Wednesday.\n" + strings.Replace(app.SampleText, removed, "", 1)
	file := filepath.Join(t.TempDir(), "colleague.sayso.json")
	require.NoError(t, os.WriteFile(file, sampleExport(t, "a slow death for small businesses", "Nobody asked us"), 0o644))

	p := browsertest.Open(t, serveSite(t), "")
	p.Click("#paste-title")
	p.Type(app.SampleTitle)
	p.Click("#paste-text")
	p.Type(edited)
	p.Click(`[data-action="paste"]`)
	p.WaitFor(`!document.getElementById("workspace").hidden`)

	p.Click("#docs-button")
	p.Do(chromedp.SetUploadFiles("#import-file", []string{file}))
	p.WaitFor(`!document.getElementById("import").hidden`)
	assert.Contains(t, p.Text("#import"), "same title")
	assert.Equal(t, "merge", browsertest.Eval[string](p, `document.querySelector('#import [data-field="import-choice"]').value`))
	p.Click(`[data-action="import-confirm"]`)
	p.WaitFor(`document.getElementById("import").hidden`)
	p.Press("\u001b")

	p.WaitFor(sidebarCount + ` === 1`)
	assert.Equal(t, 1, browsertest.Eval[int](p, `document.querySelectorAll("#sidebar .badge.anchored").length`), "the moved claim is marked")
	assert.Contains(t, p.Text("#message-text"), "re-anchored")
	assert.Contains(t, p.Text("#sidebar .orphans"), "Nobody asked us")

	p.Click(`#sidebar .vrow.item.l-claim`)
	p.WaitFor(`document.querySelector("#inspector .anchored") !== null`)

	// The mark survives a reload (it is in the saved project) until the
	// person confirms the position.
	p.WaitFor(`document.getElementById("save-status").textContent.startsWith("Saved")`)
	p.Do(chromedp.Reload())
	p.WaitReady()
	p.WaitFor(`document.querySelectorAll("#sidebar .badge.anchored").length === 1`)
	p.Click(`#sidebar .vrow.item.l-claim`)
	p.Click(`#inspector [data-action="confirm-anchor"]`)
	p.WaitFor(`document.querySelectorAll("#sidebar .badge.anchored").length === 0`)

	// Place the unplaced claim on a selection.
	p.SelectText("Updated on Wednesday", 0)
	p.Click(`#sidebar [data-action="place-orphan"]`)
	p.WaitFor(sidebarCount + ` === 2`)
	assert.Empty(t, browsertest.Eval[string](p, `(document.querySelector("#sidebar .orphans") || {textContent: ""}).textContent`))
	assert.Equal(t, 2, browsertest.Eval[int](p, `saysoHighlights.count("claim")`))
	browsertest.Screenshot(t, p.Ctx, "import-placed")
}
