//go:build !js

package e2e

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/app"
	"sayso/internal/browsertest"
)

func TestExportMenuOffersEveryFormatAndOpenReadsThemBack(t *testing.T) {
	p := browsertest.Open(t, serveSite(t), "")
	p.AcceptDialogs()
	p.Click(`[data-action="sample"]`)
	p.SelectText("Tomas Reyes", 0)
	p.Press("s")
	p.SelectText("called", 0)
	p.Press("q")
	p.SelectText("“a slow death for small businesses.”", 0)
	p.Press("c")
	p.Press("2")
	p.Press("l")
	chooseOption(p, `#inspector [data-field="cue"]`, "called") // Citron keeps only quotes with a cue
	p.WaitFor(sidebarCount + ` === 3`)

	base := app.FileName(app.SampleTitle)
	downloads := map[string][]byte{}
	for _, f := range app.Formats() {
		p.Click("#export-more")
		p.WaitFor(`!document.getElementById("export-menu").hidden`)
		item := `#export-menu [data-format="` + f.ID + `"]`
		if f.Loses != "" {
			assert.Contains(t, p.Text(item), f.Loses, "the menu says what %s cannot hold", f.Name)
		}
		p.Click(item)
		p.WaitFor(`document.getElementById("export-menu").hidden`)
		data := p.WaitDownload(base + f.Extension)
		assert.NotEmpty(t, data, f.Name)
		downloads[f.ID] = data
	}
	browsertest.Screenshot(t, p.Ctx, "export-menu")

	// Every format Sayso reads opens back into the same annotations.
	for _, f := range app.Formats() {
		if !f.CanImport || f.ID == app.FormatW3C {
			continue // W3C files carry no text: tested with the article open below
		}
		t.Run(f.ID, func(t *testing.T) {
			file := filepath.Join(t.TempDir(), base+f.Extension)
			require.NoError(t, os.WriteFile(file, downloads[f.ID], 0o644))
			p.Do(chromedp.SetUploadFiles("#open-file", []string{file}))
			p.WaitFor(`document.getElementById("message-text").textContent.includes(` + jsQuote(filepath.Base(file)) + `)`)
			assert.NotContains(t, p.Text("#message-text"), "Could not", f.Name)
			assert.Contains(t, p.Text("#sidebar"), "a slow death for small businesses.")
		})
	}
	// A W3C file finds its text in the article open now.
	var file string
	for _, f := range app.Formats() {
		if f.ID == app.FormatW3C {
			file = filepath.Join(t.TempDir(), base+f.Extension)
			require.NoError(t, os.WriteFile(file, downloads[f.ID], 0o644))
		}
	}
	require.NotEmpty(t, file, "W3C is in the menu")
	p.Do(chromedp.SetUploadFiles("#open-file", []string{file}))
	p.WaitFor(`document.getElementById("message-text").textContent.includes(` + jsQuote(filepath.Base(file)) + `)`)
	assert.NotContains(t, p.Text("#message-text"), "Could not")
	assert.Equal(t, 3, browsertest.Eval[int](p, sidebarCount))
}
