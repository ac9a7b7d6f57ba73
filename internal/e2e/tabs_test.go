//go:build !js

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"

	"sayso/internal/browsertest"
)

// savedClaimTab serves the site and opens a tab with the sample article
// and one claim, saved; it returns the site's address and the tab.
func savedClaimTab(t *testing.T) (string, *browsertest.Page) {
	t.Helper()
	url := serveSite(t)
	a := browsertest.Open(t, url, "")
	a.Click(`[data-action="sample"]`)
	a.SelectText("Nobody asked us", 0)
	a.Press("c")
	a.WaitFor(savedStatus)
	return url, a
}

func TestOneTabSavesAndTheOtherTakesOverWhenItCloses(t *testing.T) {
	url, a := savedClaimTab(t)

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

// answerLocksLate delays every answer of the Web Locks API by 3 s, as a
// busy browser may: what a tab does before it knows whether it is the
// writer shows.
const answerLocksLate = `(() => {
	const locks = navigator.locks, request = locks.request.bind(locks);
	locks.request = (name, options, callback) => {
		if (typeof options === "function") { callback = options; options = {}; }
		return request(name, options, lock => new Promise(done => setTimeout(() => done(callback(lock)), 3000)));
	};
})()`

func TestATabWritesNothingBeforeItKnowsWhetherItIsTheWriter(t *testing.T) {
	url, a := savedClaimTab(t)

	// B opens while A saves, and a change is made there at once, before
	// Web Locks has answered: B writes nothing, then or after.
	b := a.NewTabWithScript(url, watchWrites+";"+answerLocksLate)
	b.WaitFor(sidebarCount + ` === 1`)
	b.SelectText("They held one consultation", 0)
	b.Press("c")
	b.WaitFor(sidebarCount + ` === 2`)
	b.WaitFor(`document.getElementById("message-text").textContent.includes("does not save")`)
	assert.Zero(t, browsertest.Eval[int](b, `window.__writes.begun`), "B wrote nothing")

	// What A saved is what a new tab restores.
	closeTab(t, b)
	c := a.NewTab(url)
	c.WaitFor(sidebarCount + ` === 1`)
	assert.NotContains(t, c.Text("#sidebar"), "They held one consultation")
}
