//go:build !js

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"

	"sayso/internal/browsertest"
)

func TestOneTabSavesAndTheOtherTakesOverWhenItCloses(t *testing.T) {
	url := serveSite(t)
	a := browsertest.Open(t, url, "")
	a.Click(`[data-action="sample"]`)
	a.SelectText("Nobody asked us", 0)
	a.Press("c")
	a.WaitFor(savedStatus)

	// The second tab restores the work, is told it does not save, and the
	// first is told of it.
	b := a.NewTab(url)
	b.WaitFor(sidebarCount + ` === 1`)
	b.WaitFor(`document.getElementById("message-text").textContent.includes("open in another tab")`)
	assert.Contains(t, b.Text("#message-text"), "does not save")
	b.WaitFor(`document.getElementById("save-status").textContent.includes("another tab")`)
	a.WaitFor(`document.getElementById("message-text").textContent.includes("open in another tab")`)

	// A saves newer work; B's change is not saved over it.
	a.SelectText("Reyes told reporters", 0)
	a.Press("s")
	a.WaitFor(savedStatus)
	b.SelectText("They held one consultation", 0)
	b.Press("c")
	b.WaitFor(sidebarCount + ` === 2`)
	assert.Contains(t, b.Text("#save-status"), "another tab", "B still does not save")

	// A closes: B takes over with the work A saved last, and saves.
	closeTab(t, a)
	b.WaitFor(`document.getElementById("message-text").textContent.includes("this tab now saves")`)
	b.WaitFor(sidebarCount + ` === 2`)
	assert.Contains(t, b.Text("#sidebar"), "Reyes")
	assert.NotContains(t, b.Text("#sidebar"), "They held one consultation", "B shows what was saved, not its unsaved change")
	b.SelectText("They held one consultation", 0)
	b.Press("c")
	b.WaitFor(savedStatus)
	b.Do(chromedp.Reload())
	b.WaitReady()
	b.WaitFor(sidebarCount + ` === 3`)
}
