//go:build !js

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

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

// field is a text field of the page: how to find it, what to type in it,
// and the value it must show once everything was typed (want; the typed
// text when empty).
type field struct {
	name, sel, typed, want string
}

// screenOfFields is a screen of the page with its text fields, and how a
// person gets there.
type screenOfFields struct {
	name   string
	open   func(p *browsertest.Page)
	fields []field
}

// openFromSetup chooses a command of the toolbar's Set up menu (Labels
// and stances…, Exercise for students…) as a person would: Escape first
// closes the dialog the previous screen left open, then Set up ▾, then
// the command.
func openFromSetup(action string) func(p *browsertest.Page) {
	return func(p *browsertest.Page) {
		p.T.Helper()
		if browsertest.Eval[string](p, openDialogsJS) != "" {
			p.Press("\x1b")
			p.WaitFor(openDialogsJS + ` === ""`)
		}
		openSetup(p, action)
		p.WaitFor(`!document.getElementById(` + jsQuote(action) + `).hidden`)
	}
}

// TestEveryTextFieldKeepsWhatIsTypedThroughTabAndClicks walks every text
// field of the page: click it, type, Tab (the focus must land on a
// control, never on the page), click the next field, type. Each text must
// land where it was typed, no key may run a shortcut, and each value must
// be kept once its field was left.
func TestEveryTextFieldKeepsWhatIsTypedThroughTabAndClicks(t *testing.T) {
	p := browsertest.Open(t, serveSite(t), "")
	p.Click(`#paste-title`)
	p.Type("Council splits")
	p.Click(`#paste-text`)
	p.Type("Mayor Ines Okafor said the plan would work.\nTomas Reyes called it a slow death.")
	p.Click(`[data-action="paste"]`)
	p.WaitFor(`!document.getElementById("workspace").hidden`)
	p.SelectText("the plan would work", 0)
	p.Click(`[data-action="tag"][data-label="claim"]`)
	p.SelectText("Tomas Reyes", 0)
	p.Click(`[data-action="tag"][data-label="speaker"]`)
	p.WaitFor(`document.querySelectorAll("#sidebar [data-id]").length === 2`)
	count := func() int { return browsertest.Eval[int](p, `document.querySelectorAll("#sidebar [data-id]").length`) }

	// Letters that are shortcuts (c s q l j k, digits, ?) in every text.
	screens := []screenOfFields{
		{name: "article and claim", open: func(p *browsertest.Page) {
			p.ClickText("the plan would work", 0)
			p.WaitFor(`document.querySelector('#inspector [data-field="target"]') !== null`)
		}, fields: []field{
			{"topic", `#topic`, "cars quick? 1 2", ""},
			{"stance target", `#inspector [data-field="target"]`, "the car-free plan: ljk 3", ""},
			{"note", `#inspector [data-field="note"]`, "check sql 4?", ""},
		}},
		{name: "speaker mention", open: func(p *browsertest.Page) {
			p.ClickText("Tomas Reyes", 0)
			p.WaitFor(`document.querySelector('#inspector [data-field="speaker-name"]') !== null`)
		}, fields: []field{
			{"speaker name", `#inspector [data-field="speaker-name"]`, "Tomas J. Reyes sq", ""},
			{"note of the mention", `#inspector [data-field="note"]`, "jk cs 12", ""},
		}},
		{name: "documents", open: func(p *browsertest.Page) {
			p.Click(`#docs-button`)
			p.WaitFor(`!document.getElementById("docs").hidden`)
		}, fields: []field{
			{"your name", `#docs [data-field="annotator"]`, "Ana Lima qs", ""},
			{"document title", `#docs [data-field="doc-title"]`, "Council splits, jk 9", ""},
			{"pasted article title", `#add-title`, "Second cl", ""},
			{"pasted article text", `#add-text`, "Some text lq 1", ""},
		}},
		{name: "labels and stances", open: openFromSetup("schema"), fields: []field{
			{"label name", `#schema [data-field="label-name"][data-label="claim"]`, "Assertion cs", ""},
			{"stance name", `#schema [data-field="stance-name"][data-stance="against"]`, "opposed lq", ""},
			{"new label name", `#new-label-name`, "Evidence jk", ""},
			{"new stance value", `#new-stance`, "mixed sq", ""},
		}},
		{name: "exercise", open: openFromSetup("exercise"), fields: []field{
			{"exercise title", `#exercise [data-field="exercise-title"]`, "Week 3: who says so? cq", ""},
			{"exercise instructions", `#exercise [data-field="exercise-instructions"]`, "Mark every claim.\n- link its speaker (l) 1", ""},
		}},
		{name: "text editor", open: func(p *browsertest.Page) {
			p.Press("\x1b")
			p.Click(`[data-action="edit-text"]`)
			p.WaitFor(`!document.getElementById("textedit").hidden`)
		}, fields: []field{
			{"text", `#edit-text`, "Leave a reply jk cs\n", "Leave a reply jk cs\n"},
		}},
	}
	for _, sc := range screens {
		sc.open(p)
		for _, f := range sc.fields {
			p.Click(f.sel)
			p.WaitFor(`document.activeElement === document.querySelector(` + jsQuote(f.sel) + `)`)
			p.Press("a", chromedp.ModifierCtrl)
			p.Type(f.typed)
			require.Equal(t, f.typed, browsertest.Eval[string](p, `document.activeElement.value`),
				"%s / %s: the text landed in the field clicked", sc.name, f.name)
			p.Press("\t")
			p.WaitFor(`document.activeElement !== null && document.activeElement !== document.body`)
			assert.NotEqual(t, "BODY", browsertest.Eval[string](p, `document.activeElement.tagName`),
				"%s / %s: Tab went to a control", sc.name, f.name)
		}
		for _, f := range sc.fields {
			want := f.want
			if want == "" {
				want = f.typed
			}
			sel := f.sel
			if f.name == "stance name" {
				sel = `#schema [data-field="stance-name"][data-stance="opposed lq"]`
			}
			assert.Equal(t, want, browsertest.Eval[string](p, `(document.querySelector(`+jsQuote(sel)+`) || {}).value`),
				"%s / %s kept what was typed", sc.name, f.name)
		}
		assert.Equal(t, 2, count(), "%s: no key deleted or added an annotation", sc.name)
		assert.NotContains(t, p.Text("#message-text"), "Deleted", sc.name)
	}
}
