//go:build !js

package e2e

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/browsertest"
)

// columnsFile is a doccano file whose maker named its columns: "body" and
// "content" both hold strings, "spans" and "marks" both lists of spans.
// Only the person can say which hold the text and the labels.
const columnsFile = `{"body": "Nothing to see here.", "content": "The mayor said the bridge will reopen in May.", "spans": [[0, 7, "Content"]], "marks": [[0, 9, "Source"], [10, 14, "Cue"], [15, 44, "Content"]]}
{"body": "Still nothing.", "content": "Ana said it rains.", "spans": [[0, 5, "Content"]], "marks": [[0, 3, "Source"]]}
`

// columnsShown is the columns dialog's visibility.
const columnsShown = `!document.getElementById("columns").hidden`

func TestOpenAsksWhichColumnsHoldTheTextAndTheLabels(t *testing.T) {
	file := filepath.Join(t.TempDir(), "renamed.jsonl")
	require.NoError(t, os.WriteFile(file, []byte(columnsFile), 0o644))
	p := browsertest.Open(t, serveSite(t), "")

	// Esc cancels, and nothing was opened.
	p.Do(chromedp.SetUploadFiles("#open-file-start", []string{file}))
	p.WaitFor(columnsShown)
	assert.Equal(t, "body", browsertest.Eval[string](p, `document.activeElement.value`), "the keyboard starts on the first text column")
	p.Press(kb.Escape)
	p.WaitFor(`document.getElementById("columns").hidden`)
	assert.Equal(t, "Nothing was opened from “renamed.jsonl”: the work is as it was.", p.Text("#message-text"))
	assert.True(t, p.Visible("#start"), "still on the start screen")

	// Chosen by keyboard (the text) and by mouse (the labels), then Open.
	p.Do(chromedp.SetUploadFiles("#open-file-start", []string{file}))
	p.WaitFor(columnsShown)
	choices := `[...document.querySelectorAll("#columns input")].map(i => i.name + "=" + i.value + (i.checked ? "*" : "")).join(" ")`
	assert.Equal(t, "columns-text=body* columns-text=content columns-label=marks* columns-label=spans", browsertest.Eval[string](p, choices))
	assert.Contains(t, p.Text("#columns"), "content “The mayor said the bridge will reopen in May.”", "the first example helps to choose")
	assert.Contains(t, p.Text("#columns"), "marks (3 spans)")
	browsertest.Screenshot(t, p.Ctx, "columns-dialog")
	p.Press(kb.ArrowDown)
	p.WaitFor(`document.querySelector('#columns input[value="content"]').checked`)
	p.Click(`#columns input[value="marks"]`)
	p.Click(`#columns [data-action="columns-open"]`)
	p.WaitFor(`!document.getElementById("workspace").hidden`)
	p.WaitFor(messageText + `.startsWith("Opened")`)
	msg := p.Text("#message-text")
	assert.Contains(t, msg, "Opened “renamed.jsonl” (doccano): 2 documents, 4 annotations")
	assert.Contains(t, msg, "Read the text from the column “content” and the labels from the column “marks”.")
	assert.True(t, browsertest.Eval[bool](p, `document.getElementById("columns").hidden`))
	assert.Contains(t, p.Text("#doc"), "The mayor said the bridge will reopen in May.")
	side := p.Text("#sidebar")
	assert.Contains(t, side, "the bridge will reopen in May", "the claim from “marks” is in the side list")
	assert.Contains(t, side, "The mayor")
	assert.Positive(t, browsertest.Eval[int](p, sidebarCount))
	browsertest.Screenshot(t, p.Ctx, "columns-opened")
}
