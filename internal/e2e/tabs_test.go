//go:build !js

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"

	"sayso/internal/browsertest"
)

func TestTwoTabsNeverOverwriteNewerWork(t *testing.T) {
	url := serveSite(t)
	a := browsertest.Open(t, url, "")
	a.Click(`[data-action="sample"]`)
	a.SelectText("Nobody asked us", 0)
	a.Press("c")
	a.WaitFor(`document.getElementById("save-status").textContent.startsWith("Saved")`)

	// The second tab restores the work and both are told of each other.
	b := a.NewTab(url)
	b.WaitFor(`document.querySelectorAll("#sidebar [data-id]").length === 1`)
	b.WaitFor(`document.getElementById("message-text").textContent.includes("open in another tab")`)
	a.WaitFor(`document.getElementById("message-text").textContent.includes("open in another tab")`)

	// A saves newer work: B stops saving rather than overwrite it.
	a.SelectText("Reyes told reporters", 0)
	a.Press("s")
	a.WaitFor(`document.getElementById("save-status").textContent.startsWith("Saved")`)
	b.WaitFor(`document.getElementById("save-status").textContent.includes("another tab")`)
	assert.Contains(t, b.Text("#message-text"), "saved from another tab")
	b.SelectText("They held one consultation", 0)
	b.Press("c")
	b.WaitFor(`document.querySelectorAll("#sidebar [data-id]").length === 2`)

	// A reload of A shows A's work, not B's unsaved change.
	a.Do(chromedp.Reload())
	a.WaitReady()
	a.WaitFor(`document.querySelectorAll("#sidebar [data-id]").length === 2`)
	assert.Contains(t, a.Text("#sidebar"), "Reyes")
	assert.NotContains(t, a.Text("#sidebar"), "They held one consultation")
}
