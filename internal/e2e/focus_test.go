//go:build !js

package e2e

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"sayso/internal/browsertest"
)

// TestEditingAFieldThenClickingTheNextKeepsTheTyping is the focus bug of
// issue 12: leaving an edited field redrew its panel, the clicked field
// was replaced, focus fell to the page and the next keys ran shortcuts
// (Backspace deleted the claim).
func TestEditingAFieldThenClickingTheNextKeepsTheTyping(t *testing.T) {
	p := browsertest.Open(t, serveSite(t), "")
	p.Click(`[data-action="sample"]`)
	p.WaitFor(`!document.getElementById("workspace").hidden`)
	p.SelectText("“a slow death for small businesses.”", 0)
	p.Click(`[data-action="tag"][data-label="claim"]`)
	p.WaitFor(`document.querySelector('#inspector [data-field="target"]') !== null`)

	p.Click(`#inspector [data-field="target"]`)
	p.Type("the plan")
	p.Click(`#inspector [data-field="note"]`) // leaving Target redraws the inspector
	p.WaitFor(`document.activeElement === document.querySelector('#inspector [data-field="note"]')`)
	p.Type("tpyo")
	p.Press("\b")
	p.Press("\b")
	p.Click(`#inspector [data-value="against"]`) // leaving Note redraws it again; this click must land
	p.WaitFor(`document.querySelector('#inspector [data-value="against"]').getAttribute("aria-pressed") === "true"`)

	assert.Equal(t, "tp", browsertest.Eval[string](p, `document.querySelector('#inspector [data-field="note"]').value`))
	assert.Equal(t, 1, browsertest.Eval[int](p, `document.querySelectorAll("#sidebar [data-id]").length`), "Backspace in the note deleted nothing")
	assert.NotContains(t, p.Text("#message-text"), "Deleted")

	// Tab from an edited field goes to the next control, not to the page.
	p.Click(`#inspector [data-field="note"]`)
	p.Type("!")
	p.Press("\t")
	p.WaitFor(`document.activeElement === document.querySelector('#inspector [data-action="delete"]')`)
	assert.Equal(t, "tp!", browsertest.Eval[string](p, `document.querySelector('#inspector [data-field="note"]').value`))

	// With the focus on a button, Backspace deletes nothing either.
	p.Press("\b")
	assert.Equal(t, 1, browsertest.Eval[int](p, `document.querySelectorAll("#sidebar [data-id]").length`))
	assert.Contains(t, browsertest.Eval[string](p, `document.querySelector('#inspector [data-field="target"]').value`), "the plan",
		"what was typed in Target was kept")
}
