//go:build !js

package e2e

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/browsertest"
)

// clutteredPage is an article pasted from a web page, with the page's
// clutter and a typo inside a claim.
const clutteredPage = "Mayor Ines Okafor said the plan would “give the streets back to people.”\n" +
	"Leave a reply\n" +
	"Tomas Reyes called it “a slow deth for small businesses.”\n" +
	"Facebook 20 Views\n" +
	"Residents will vote in March."

func listed(p *browsertest.Page) int {
	return browsertest.Eval[int](p, sidebarCount)
}

// TestEditingTheTextRemovesClutterAndFixesATypoAndUndoRestoresIt edits
// the text after annotating: a clutter line with a claim on it is taken
// out, a typo inside a claim fixed. The annotations follow (the touched
// claim marked ≈), the clutter claim waits under Not placed, and one
// Ctrl+Z brings back the old text and every annotation.
func TestEditingTheTextRemovesClutterAndFixesATypoAndUndoRestoresIt(t *testing.T) {
	p := browsertest.Open(t, serveSite(t), "")
	pasteArticle(p, "Harbour", clutteredPage)
	tag := func(quote, key string) {
		p.SelectText(quote, 0)
		p.Press(key)
	}
	tag("Mayor Ines Okafor", "s")
	tag("“give the streets back to people.”", "c")
	tag("Tomas Reyes", "s")
	tag("“a slow deth for small businesses.”", "c")
	tag("Facebook 20 Views", "c")
	tag("Residents will vote in March.", "c")
	p.WaitFor(`document.querySelectorAll("#sidebar [data-id]").length === 6`)
	textBefore := p.Text("#doc")

	p.Click(`[data-action="edit-text"]`)
	p.WaitFor(`!document.getElementById("textedit").hidden && document.activeElement === document.getElementById("edit-text")`)
	require.Equal(t, clutteredPage, browsertest.Eval[string](p, `document.getElementById("edit-text").value`),
		"the editor holds the text as it is")
	// Take out the clutter lines and fix the typo as a person would: with
	// the caret, selecting and typing.
	removeLine := func(line string) {
		browsertest.Eval[bool](p, `(() => { const ta = document.getElementById("edit-text");
			const i = ta.value.indexOf(`+jsQuote(line)+`); ta.setSelectionRange(i, i + `+jsQuote(line)+`.length); return true; })()`)
		p.Press("\b")
	}
	removeLine("Leave a reply\n")
	removeLine("Facebook 20 Views\n")
	browsertest.Eval[bool](p, `(() => { const ta = document.getElementById("edit-text");
		const i = ta.value.indexOf("deth"); ta.setSelectionRange(i, i + 4); return true; })()`)
	p.Type("death")
	p.Click(`[data-action="edit-save"]`)
	p.WaitFor(`document.getElementById("textedit").hidden`)

	want := strings.NewReplacer("Leave a reply\n", "", "Facebook 20 Views\n", "", "deth", "death").Replace(clutteredPage)
	assert.NotContains(t, p.Text("#doc"), "Leave a reply")
	assert.Contains(t, p.Text("#doc"), "a slow death")
	assert.Equal(t, 5, listed(p), "the clutter claim left the text")
	assert.Contains(t, p.Text("#sidebar"), "Not placed")
	assert.Contains(t, p.Text("#sidebar .orphans"), "Facebook 20 Views")
	assert.Equal(t, 1, browsertest.Eval[int](p, `document.querySelectorAll("#sidebar [data-id] .badge.anchored").length`),
		"only the claim whose text changed is marked ≈")
	assert.Contains(t, p.Text(`#sidebar [data-id]:has(.badge.anchored)`), "a slow death")
	assert.Contains(t, p.Text("#message-text"), "Not placed")

	// The claim that moved sits on its new words: select it from the list.
	p.Click(`#sidebar [data-id]:has(.badge.anchored)`)
	p.WaitFor(`document.querySelector("#inspector .quote") !== null`)
	assert.Equal(t, "“a slow death for small businesses.”", p.Text("#inspector .quote"))
	assert.Contains(t, p.Text("#inspector"), "Re-anchored")

	// The new text is what Export writes.
	p.Click(`[data-action="export"]`)
	e := checkExport(t, p.WaitDownload("Harbour.sayso.json"))
	require.Len(t, e.Documents, 1)
	assert.Equal(t, want, e.Documents[0].Text)

	// One undo restores the old text and every annotation.
	p.ClickText("Residents", 0)
	p.Press("z", chromedp.ModifierCtrl)
	p.WaitFor(`document.getElementById("doc").textContent.includes("Leave a reply")`)
	assert.Equal(t, textBefore, p.Text("#doc"))
	assert.Equal(t, 6, listed(p))
	assert.NotContains(t, p.Text("#sidebar"), "Not placed")
	assert.Equal(t, 0, browsertest.Eval[int](p, `document.querySelectorAll("#sidebar .badge.anchored").length`))
}

// TestSpeakersFromASelectionJoinBySurname tags speakers as a newcomer
// does: a selection with its comma, a later surname, and a surname two
// speakers share, which the inspector asks about.
func TestSpeakersFromASelectionJoinBySurname(t *testing.T) {
	p := browsertest.Open(t, serveSite(t), "")
	pasteArticle(p, "Campus", "Wang Wen, the dean, said yes. Mayor Ines Okafor agreed. "+
		"Later Okafor said more. Wang Li disagreed. In the end Wang left.")
	speakerName := func() string {
		p.WaitFor(`document.querySelector('#inspector [data-field="speaker-name"], #inspector .undecided') !== null`)
		return browsertest.Eval[string](p, `(document.querySelector('#inspector [data-field="speaker-name"]') || {}).value || ""`)
	}
	p.SelectText("Wang Wen,", 0)
	p.Press("s", chromedp.ModifierAlt) // exact: the comma stays in the selection
	p.WaitFor(`document.querySelector("#inspector .quote") !== null`)
	assert.Equal(t, "Wang Wen,", p.Text("#inspector .quote"), "the mention is what was selected")
	assert.Equal(t, "Wang Wen", speakerName(), "the speaker's name has no comma")

	p.SelectText("Mayor Ines Okafor", 0)
	p.Press("s")
	assert.Equal(t, "Mayor Ines Okafor", speakerName())
	p.SelectText("Okafor", 1)
	p.Press("s")
	assert.Equal(t, "Mayor Ines Okafor", speakerName(), "the surname joins the mayor")
	assert.Contains(t, p.Text("#inspector"), "2 mentions")

	p.SelectText("Wang Li", 0)
	p.Press("s")
	assert.Equal(t, "Wang Li", speakerName())
	p.SelectText("Wang", 2)
	p.Press("s")
	p.WaitFor(`document.querySelector("#inspector .undecided") !== null`)
	assert.Contains(t, p.Text("#inspector .undecided"), "Who is “Wang”?")
	choices := browsertest.Eval[[]string](p, `[...document.querySelectorAll('#inspector .undecided [data-action="choose-speaker"]')].map(b => b.textContent)`)
	assert.Equal(t, []string{"Wang Li", "Wang Wen", "Someone else: new speaker “Wang”"}, choices)

	p.Click(`#inspector .undecided [data-speaker]:not([data-speaker="+new"])` + `:nth-of-type(2)`)
	p.WaitFor(`document.querySelector('#inspector [data-field="speaker-name"]') !== null`)
	assert.Equal(t, "Wang Wen", speakerName(), "the choice is made")
	assert.Equal(t, 0, browsertest.Eval[int](p, `document.querySelectorAll("#inspector .undecided").length`))

	p.Click(`[data-action="export"]`)
	e := checkExport(t, p.WaitDownload("Campus.sayso.json"))
	var names []string
	for _, s := range e.Speakers {
		names = append(names, s.Name)
	}
	assert.ElementsMatch(t, []string{"Wang Wen", "Mayor Ines Okafor", "Wang Li"}, names, "no comma travels into the export")
}
