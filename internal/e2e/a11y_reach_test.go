//go:build !js

package e2e

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/browsertest"
)

// unreachedJS lists the shown, enabled controls inside scope that Tab has
// not reached (marked data-reached by markReachedJS), leaving out the
// items a roving tab stop reaches with the arrows (tabindex="-1": menu
// items, list rows) and what an open dialog makes inert.
const unreachedJS = `((scope) => [...document.querySelector(scope).querySelectorAll('button, input:not([type=hidden]), select, textarea, a[href], [tabindex="0"]')]
	.filter(e => e.getClientRects().length && !e.disabled && e.tabIndex >= 0 && !e.closest("[inert]") && !e.hasAttribute("data-reached"))
	.map(e => e.id || e.getAttribute("data-action") || e.getAttribute("data-field") || e.getAttribute("aria-label") || e.outerHTML.slice(0, 80)))(%s)`

// unnamedJS lists the controls reached by Tab that have no name a screen
// reader can read: no text, aria-label, aria-labelledby, label or title.
const unnamedJS = `[...document.querySelectorAll("[data-reached]")].filter(e => {
	if (e.getAttribute("aria-label") || e.getAttribute("aria-labelledby") || e.title) return false;
	if ((e.labels && [...e.labels].some(l => l.textContent.trim()))) return false;
	return !(e.matches("button, a") && e.textContent.trim());
}).map(e => e.id || e.outerHTML.slice(0, 80))`

// tabAround presses Tab n times, marking every element the focus reaches.
func tabAround(p *browsertest.Page, n int) {
	p.T.Helper()
	browsertest.Eval[bool](p, `(() => { document.querySelectorAll("[data-reached]").forEach(e => e.removeAttribute("data-reached")); return true; })()`)
	for range n {
		p.Press(kb.Tab)
		browsertest.Eval[bool](p, `(() => { const a = document.activeElement; if (a && a !== document.body) a.setAttribute("data-reached", ""); return true; })()`)
	}
}

// Every control of every screen a new user goes through is reached by Tab
// and has a name; in a dialog, Tab stays inside and reaches all of it.
func TestEveryControlOfEveryScreenIsReachedByTabAndNamed(t *testing.T) {
	p := browsertest.Open(t, serveSite(t), "")
	check := func(name, scope string, presses int) {
		t.Helper()
		tabAround(p, presses)
		assert.Empty(t, browsertest.Eval[[]string](p, fmt.Sprintf(unreachedJS, jsQuote(scope))), "%s: controls Tab never reaches", name)
		assert.Empty(t, browsertest.Eval[[]string](p, unnamedJS), "%s: controls without a name", name)
	}
	check("start", "body", 30)

	startOnSample(p)
	tagByKeys(p, [2]string{"Mayor Ines Okafor", "s"}, [2]string{"Our streets were built for people, not for parking,", "c"})
	p.Press("l")
	waitAnnounced(p, "Speaker linked")
	check("workspace with the inspector", "body", 60)

	for _, d := range []struct{ name, open, id string }{
		{"documents", "#docs-button", "docs"},
		{"help", "#help-button", "help"},
		{"edit text", "#edit-text-button", "textedit"},
	} {
		p.Click(d.open)
		p.WaitFor(`!document.getElementById("` + d.id + `").hidden`)
		check(d.name, "#"+d.id, 40)
		assert.True(t, browsertest.Eval[bool](p, `document.getElementById("`+d.id+`").contains(document.activeElement)`), "%s: Tab stayed in the dialog", d.name)
		p.Press(kb.Escape)
		p.WaitFor(`document.getElementById("` + d.id + `").hidden`)
		require.True(t, focused(p, d.open), "%s: the focus is back on %s", d.name, d.open)
	}
	for _, d := range []struct{ name, action, id string }{
		{"labels and stances", "schema", "schema"},
		{"exercise builder", "exercise", "exercise"},
	} {
		p.Click("#setup-button")
		p.Click(`#setup-menu [data-action="` + d.action + `"]`)
		p.WaitFor(`!document.getElementById("` + d.id + `").hidden`)
		check(d.name, "#"+d.id, 80)
		p.Press(kb.Escape)
		p.WaitFor(`document.getElementById("` + d.id + `").hidden`)
		require.True(t, focused(p, "#setup-button"), "%s: the focus is back on Set up", d.name)
	}
	p.Click("#compare-button")
	p.WaitFor(`!document.getElementById("compare").hidden`)
	check("compare", "body", 30)
}
