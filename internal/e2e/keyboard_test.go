//go:build !js

package e2e

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/app"
	"sayso/internal/browsertest"
)

// Issue 12, "Everything by keyboard" and "Screen readers": the whole loop
// with keys only, the menu buttons, modal dialogs, the app's own
// confirmation dialog, the annotation list, selecting without dragging.

// countMouseJS counts every mouse and pointer event the page receives
// from now on (window.__mouse); a click the keyboard makes (Enter on a
// button) has detail 0 and no pointer, and is not counted.
const countMouseJS = `(() => {
	window.__mouse = 0;
	for (const t of ["mousedown", "mouseup", "mousemove", "pointerdown", "pointerup", "pointermove", "dblclick", "contextmenu", "wheel"]) {
		addEventListener(t, () => { window.__mouse++; }, true);
	}
	addEventListener("click", (e) => { if (e.detail > 0) window.__mouse++; }, true);
	return true;
})()`

// caretJS gives the article's selection as offsets into its text (as
// #doc's textContent counts them): [anchor, focus].
const caretJS = `(() => {
	const root = document.getElementById("doc"), s = getSelection();
	if (!s.rangeCount || !root.contains(s.focusNode)) return [-1, -1];
	const at = (n, o) => { const r = document.createRange(); r.setStart(root, 0); r.setEnd(n, o); return r.toString().length; };
	return [at(s.anchorNode, s.anchorOffset), at(s.focusNode, s.focusOffset)];
})()`

func caret(p *browsertest.Page) (anchor, focus int) {
	c := browsertest.Eval[[]int](p, caretJS)
	return c[0], c[1]
}

// textIndex is where needle starts in the article's text, in the units
// caretJS counts.
func textIndex(p *browsertest.Page, needle string) int {
	i := browsertest.Eval[int](p, fmt.Sprintf(`document.getElementById("doc").textContent.indexOf(%s)`, jsQuote(needle)))
	require.GreaterOrEqual(p.T, i, 0, "%q is in the article", needle)
	return i
}

// caretTo moves the article's caret to pos with the arrow keys: down by
// lines, by words (Ctrl+arrows), then by characters.
func caretTo(p *browsertest.Page, pos int) {
	p.T.Helper()
	for range 3000 {
		_, at := caret(p)
		switch {
		case at == pos:
			return
		case pos-at > 300:
			p.Press(kb.ArrowDown)
		case pos-at > 12:
			p.Press(kb.ArrowRight, chromedp.ModifierCtrl)
		case at < pos:
			p.Press(kb.ArrowRight)
		case at-pos > 12:
			p.Press(kb.ArrowLeft, chromedp.ModifierCtrl)
		default:
			p.Press(kb.ArrowLeft)
		}
	}
	p.T.Fatalf("the caret did not reach %d", pos)
}

// extendTo extends the article's selection to pos with Shift: by words
// (Ctrl+Shift+arrows) while far, then by characters.
func extendTo(p *browsertest.Page, pos int) {
	p.T.Helper()
	for range 1000 {
		_, at := caret(p)
		switch {
		case at == pos:
			return
		case pos-at > 12:
			p.Press(kb.ArrowRight, chromedp.ModifierCtrl, chromedp.ModifierShift)
		case at < pos:
			p.Press(kb.ArrowRight, chromedp.ModifierShift)
		default:
			p.Press(kb.ArrowLeft, chromedp.ModifierShift)
		}
	}
	p.T.Fatalf("the selection did not reach %d", pos)
}

// selectByKeys selects needle in the article with the keyboard only: the
// focus must be in the article.
func selectByKeys(p *browsertest.Page, needle string) {
	p.T.Helper()
	start := textIndex(p, needle)
	caretTo(p, start)
	extendTo(p, start+len([]rune(needle)))
	require.Equal(p.T, needle, strings.TrimSpace(p.Selected()), "a selection at a paragraph's start may begin after the break before it; tagging trims it")
}

// tabTo presses Tab (Shift+Tab when back) until the focused element
// matches the selector sel.
func tabTo(p *browsertest.Page, sel string, back bool) {
	p.T.Helper()
	cond := fmt.Sprintf(`!!document.activeElement && document.activeElement.matches(%s)`, jsQuote(sel))
	for range 120 {
		if browsertest.Eval[bool](p, cond) {
			return
		}
		if back {
			p.Press(kb.Tab, chromedp.ModifierShift)
		} else {
			p.Press(kb.Tab)
		}
	}
	p.T.Fatalf("Tab never reached %s", sel)
}

// focused reports whether the focused element matches sel.
func focused(p *browsertest.Page, sel string) bool {
	return browsertest.Eval[bool](p, fmt.Sprintf(`!!document.activeElement && document.activeElement.matches(%s)`, jsQuote(sel)))
}

// announced is what the live region says now.
func announced(p *browsertest.Page) string {
	return strings.TrimSuffix(p.Text("#announce"), "\u00a0")
}

// waitAnnounced waits for the live region to say something starting with
// prefix.
func waitAnnounced(p *browsertest.Page, prefix string) {
	p.T.Helper()
	p.WaitFor(fmt.Sprintf(`document.getElementById("announce").textContent.startsWith(%s)`, jsQuote(prefix)))
}

// pickFilesByKeyboard presses Enter on the focused file button and
// answers the file chooser it opens with files (the browser's own file
// dialog, intercepted through the debugging protocol): proof that the
// button opens its input's picker.
func pickFilesByKeyboard(p *browsertest.Page, files ...string) {
	p.T.Helper()
	ctx, cancel := context.WithTimeout(p.Ctx, 30*time.Second)
	defer cancel()
	opened := make(chan page.EventFileChooserOpened, 1)
	events := chromedp.Events(ctx, page.FileChooserOpened)
	go func() {
		for ev, err := range events {
			if err != nil {
				return
			}
			opened <- ev
			return
		}
	}()
	p.Do(chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, page.SetInterceptFileChooserDialog, page.SetInterceptFileChooserDialogParams{Enabled: true})
		return err
	}))
	p.Press(kb.Enter)
	select {
	case ev := <-opened:
		p.Do(chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
			_, err := chromedp.Call(ctx, dom.SetFileInputFiles, dom.SetFileInputFilesParams{Files: files, BackendNodeID: ev.BackendNodeID})
			return err
		}))
	case <-ctx.Done():
		p.T.Fatal("Enter on the file button opened no file chooser")
	}
}

func TestTheWholeLoopWithTheKeyboardOnly(t *testing.T) {
	p := browsertest.Open(t, serveSite(t), "")
	require.True(t, browsertest.Eval[bool](p, countMouseJS))
	claim := "“a slow death for small businesses.”"

	// Paste and start.
	tabTo(p, "#paste-title", false)
	p.Type(app.SampleTitle)
	p.Press(kb.Tab)
	require.True(t, focused(p, "#paste-text"))
	p.Type(app.SampleText)
	tabTo(p, `[data-action="paste"]`, false)
	p.Press(kb.Enter)
	p.WaitFor(`!document.getElementById("workspace").hidden`)
	waitAnnounced(p, "Started on “"+app.SampleTitle+"”")

	// Into the article; select and tag a speaker, a cue, a claim.
	tabTo(p, "#doc", false)
	selectByKeys(p, "Tomas Reyes")
	p.Press("s")
	waitAnnounced(p, "Speaker added: “Tomas Reyes”")
	selectByKeys(p, "called")
	p.Press("q")
	waitAnnounced(p, "Cue added: “called”")
	selectByKeys(p, claim)
	p.Press("c")
	waitAnnounced(p, "Claim added: “"+claim+"”, no stance, no speaker.")

	// Stance and link by key; the cue in the inspector, by keys.
	p.Press("2")
	waitAnnounced(p, "Stance set: Claim “"+claim+"”, against, no speaker.")
	p.Press("l")
	waitAnnounced(p, "Speaker linked: Claim “"+claim+"”, against, Tomas Reyes.")
	tabTo(p, `#inspector [data-field="cue"]`, false)
	p.Press(kb.ArrowDown)
	waitAnnounced(p, "Cue linked: Claim")

	// A note: typed, then Tab saves it.
	tabTo(p, `#inspector [data-field="note"]`, false)
	p.Type("checked by keys")
	p.Press(kb.Tab)
	waitAnnounced(p, "Note saved:")

	// Next and previous.
	p.Press("k")
	waitAnnounced(p, "Selected Cue “called”")
	assert.Equal(t, "called", p.Text("#inspector .quote"))
	p.Press("j")
	waitAnnounced(p, "Selected Claim “"+claim+"”, against, Tomas Reyes")

	// Undo and redo the note.
	p.Press("z", chromedp.ModifierCtrl)
	p.WaitFor(`document.querySelector('#inspector [data-field="note"]').value === ""`)
	waitAnnounced(p, "Undid")
	p.Press("z", chromedp.ModifierCtrl, chromedp.ModifierShift)
	p.WaitFor(`document.querySelector('#inspector [data-field="note"]').value === "checked by keys"`)

	// Export, and check the downloaded file.
	tabTo(p, "#export", true)
	p.Press(kb.Enter)
	name := app.FileName(app.SampleTitle) + ".sayso.json"
	data := p.WaitDownload(name)
	e := checkExport(t, data)
	require.Len(t, e.Annotations, 3)
	c := e.Annotations[byQuote(t, e, claim)]
	assert.Equal(t, "against", c.Stance)
	require.NotEmpty(t, c.Speaker)
	assert.Equal(t, e.Annotations[byQuote(t, e, "Tomas Reyes")].ID, c.SpeakerMention)
	assert.Contains(t, string(data), `"cue": "`+e.Annotations[byQuote(t, e, "called")].ID+`"`)
	assert.Contains(t, string(data), `"note": "checked by keys"`)
	exported := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(exported, data, 0o600))

	// Delete the claim from the annotation list, then open the export:
	// it comes back.
	tabTo(p, "#sidebar [data-id]", false)
	for range 5 {
		if strings.HasPrefix(browsertest.Eval[string](p, `document.activeElement.getAttribute("aria-label")`), "Claim") {
			break
		}
		p.Press(kb.ArrowDown)
	}
	p.Press(kb.Enter)
	waitAnnounced(p, "Selected Claim")
	p.Press(kb.Delete)
	waitAnnounced(p, "Deleted the claim “"+claim+"”, against, Tomas Reyes. Undo with Ctrl+Z.")
	p.WaitFor(sidebarCount + ` === 2`)

	tabTo(p, "#open-button", true)
	pickFilesByKeyboard(p, exported)
	// It replaces the work: the app's own question, answered by keys.
	p.WaitFor(`!document.getElementById("confirm").hidden`)
	require.True(t, focused(p, `#confirm [data-action="confirm-no"]`), "the question starts on Cancel")
	p.Press(kb.Tab)
	require.True(t, focused(p, `#confirm [data-action="confirm-yes"]`))
	p.Press(kb.Enter)
	p.WaitFor(sidebarCount + ` === 3`)
	assert.Contains(t, p.Text("#message-text"), "Opened")
	assert.Contains(t, p.Text("#sidebar"), "slow death")

	assert.Zero(t, browsertest.Eval[int](p, `window.__mouse`), "no mouse event at all")
}

// startOnSample starts on the sample article with the keyboard and puts
// the focus in the article.
func startOnSample(p *browsertest.Page) {
	p.T.Helper()
	tabTo(p, `[data-action="sample"]`, false)
	p.Press(kb.Enter)
	p.WaitFor(`!document.getElementById("workspace").hidden`)
	tabTo(p, "#doc", false)
}

func TestTheMenuButtonsWorkFromTheKeyboard(t *testing.T) {
	p := browsertest.Open(t, serveSite(t), "")
	startOnSample(p)
	selectByKeys(p, "Tomas Reyes")
	p.Press("s")
	waitAnnounced(p, "Speaker added")

	more := "#export-more"
	attr := func(name string) string {
		return browsertest.Eval[string](p, fmt.Sprintf(`document.querySelector(%s).getAttribute(%s)`, jsQuote(more), jsQuote(name)))
	}
	assert.Equal(t, "More export formats", browsertest.Eval[string](p, `document.getElementById("export-more").getAttribute("aria-label")`))
	assert.Equal(t, "menu", attr("aria-haspopup"))
	assert.Equal(t, "false", attr("aria-expanded"))
	assert.Equal(t, "Keyboard shortcuts", browsertest.Eval[string](p, `document.getElementById("help-button").getAttribute("aria-label")`))

	tabTo(p, more, true)
	p.Press(kb.ArrowDown)
	p.WaitFor(`!document.getElementById("export-menu").hidden`)
	assert.Equal(t, "true", attr("aria-expanded"))
	items := `[...document.querySelectorAll('#export-menu [role^="menuitem"]')]`
	at := func() int {
		return browsertest.Eval[int](p, items+`.indexOf(document.activeElement)`)
	}
	n := browsertest.Eval[int](p, items+`.length`)
	require.Greater(t, n, 3)
	assert.Equal(t, 0, at(), "ArrowDown opens the menu on its first item")
	assert.Equal(t, "menu", browsertest.Eval[string](p, `document.querySelector("#export-menu ul").getAttribute("role")`))
	for _, step := range []struct {
		key  string
		want int
	}{{kb.ArrowDown, 1}, {kb.End, n - 1}, {kb.ArrowDown, 0}, {kb.ArrowUp, n - 1}, {kb.Home, 0}, {kb.ArrowUp, n - 1}} {
		p.Press(step.key)
		assert.Equal(t, step.want, at(), "after %q", step.key)
	}
	p.Press(kb.Escape)
	p.WaitFor(`document.getElementById("export-menu").hidden`)
	assert.Equal(t, "false", attr("aria-expanded"))
	assert.True(t, focused(p, more), "Esc gives the focus back to the button")

	// ArrowUp opens it on its last item; Enter on an item exports.
	p.Press(kb.ArrowUp)
	p.WaitFor(`!document.getElementById("export-menu").hidden`)
	assert.Equal(t, n-1, at())
	p.Press(kb.Home)
	for !focused(p, `[data-format="native"]`) {
		p.Press(kb.ArrowDown)
	}
	p.Press(kb.Enter)
	p.WaitFor(`document.getElementById("export-menu").hidden`)
	assert.Contains(t, string(p.WaitDownload(app.FileName(app.SampleTitle)+".sayso.json")), "Tomas Reyes")
	assert.True(t, focused(p, more), "the focus is back on the button after choosing")

	// Tab out of an open menu closes it.
	p.Press(kb.Enter)
	p.WaitFor(`!document.getElementById("export-menu").hidden`)
	p.Press(kb.Tab)
	p.WaitFor(`document.getElementById("export-menu").hidden`)

	// The Set up menu: the same pattern; its items open their dialogs, and
	// closing one gives the focus back to the menu's button.
	tabTo(p, "#setup-button", false)
	assert.Equal(t, "menu", browsertest.Eval[string](p, `document.getElementById("setup-button").getAttribute("aria-haspopup")`))
	p.Press(kb.Enter)
	p.WaitFor(`!document.getElementById("setup-menu").hidden`)
	assert.True(t, focused(p, `#setup-menu [data-action="schema"]`))
	p.Press(kb.ArrowDown)
	assert.True(t, focused(p, `#setup-menu [data-action="exercise"]`))
	p.Press(kb.ArrowUp)
	p.Press(kb.Enter)
	p.WaitFor(`!document.getElementById("schema").hidden`)
	p.WaitFor(`document.getElementById("setup-menu").hidden`)
	assert.True(t, browsertest.Eval[bool](p, `document.getElementById("schema").contains(document.activeElement)`), "the dialog took the focus")
	p.Press(kb.Escape)
	p.WaitFor(`document.getElementById("schema").hidden`)
	assert.True(t, focused(p, "#setup-button"), "closing it gives the focus back to the menu's button")
	assert.NotContains(t, p.Text("#docs"), "Labels and stances", "no longer under Add documents")
}

func TestDialogsAreModalAndGiveTheFocusBack(t *testing.T) {
	p := browsertest.Open(t, serveSite(t), "")
	startOnSample(p)
	for _, d := range []struct {
		name, open, id string
		key            bool // opened with a key from the article, else Enter on the button
	}{
		{"the keyboard shortcuts", "?", "help", true},
		{"the documents", "#docs-button", "docs", false},
	} {
		t.Run(d.name, func(t *testing.T) {
			opener := "#doc"
			if d.key {
				tabTo(p, "#doc", true)
				p.Press(d.open)
			} else {
				tabTo(p, d.open, true)
				opener = d.open
				p.Press(kb.Enter)
			}
			p.WaitFor(`!document.getElementById("` + d.id + `").hidden`)
			inside := `document.getElementById("` + d.id + `").contains(document.activeElement)`
			assert.True(t, browsertest.Eval[bool](p, inside), "the focus moved into the dialog")
			assert.Equal(t, "true", browsertest.Eval[string](p, `document.getElementById("`+d.id+`").getAttribute("aria-modal")`))
			assert.True(t, browsertest.Eval[bool](p, `document.getElementById("workspace").inert && document.getElementById("toolbar").inert`), "the page behind is inert")
			for range 12 {
				p.Press(kb.Tab)
				require.True(t, browsertest.Eval[bool](p, inside), "Tab stays in the dialog")
			}
			for range 5 {
				p.Press(kb.Tab, chromedp.ModifierShift)
				require.True(t, browsertest.Eval[bool](p, inside), "Shift+Tab stays in the dialog")
			}
			p.Press("c") // not a shortcut in a dialog
			p.Press(kb.Escape)
			p.WaitFor(`document.getElementById("` + d.id + `").hidden`)
			assert.True(t, focused(p, opener), "Esc gives the focus back to %s", opener)
			assert.False(t, browsertest.Eval[bool](p, `document.getElementById("workspace").inert`))
			assert.Zero(t, browsertest.Eval[int](p, sidebarCount), "c in the dialog tagged nothing")
		})
	}
}

func TestQuestionsAreTheAppsOwnDialogNotANativeConfirm(t *testing.T) {
	p := browsertest.Open(t, serveSite(t), "")
	native := 0
	events := chromedp.Events(p.Ctx, page.JavascriptDialogOpening)
	go func() {
		for _, err := range events {
			if err != nil {
				return
			}
			native++
			_, _ = chromedp.Call(p.Ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
	}()
	startOnSample(p)
	selectByKeys(p, "Tomas Reyes")
	p.Press("s")
	waitAnnounced(p, "Speaker added")

	tabTo(p, "#new", true)
	p.Press(kb.Enter)
	p.WaitFor(`!document.getElementById("confirm").hidden`)
	assert.Equal(t, "alertdialog", browsertest.Eval[string](p, `document.getElementById("confirm").getAttribute("role")`))
	assert.Contains(t, p.Text("#confirm"), "Close this article and start another?")
	assert.True(t, focused(p, `#confirm [data-action="confirm-no"]`), "Cancel takes the focus: Enter alone loses nothing")

	// Esc answers no: the work stays, the focus goes back to New.
	p.Press(kb.Escape)
	p.WaitFor(`document.getElementById("confirm").hidden`)
	assert.True(t, focused(p, "#new"))
	assert.Equal(t, 1, browsertest.Eval[int](p, sidebarCount))

	// Cancel by Enter: the same.
	p.Press(kb.Enter)
	p.WaitFor(`!document.getElementById("confirm").hidden`)
	p.Press(kb.Enter)
	p.WaitFor(`document.getElementById("confirm").hidden`)
	assert.Equal(t, 1, browsertest.Eval[int](p, sidebarCount))

	// Tab wraps between OK and Cancel; OK closes the article.
	p.Press(kb.Enter)
	p.WaitFor(`!document.getElementById("confirm").hidden`)
	p.Press(kb.Tab)
	p.Press(kb.Tab)
	assert.True(t, focused(p, `#confirm [data-action="confirm-no"]`), "Tab stays in the question")
	p.Press(kb.Tab, chromedp.ModifierShift)
	require.True(t, focused(p, `#confirm [data-action="confirm-yes"]`))
	p.Press(kb.Enter)
	p.WaitFor(`!document.getElementById("start").hidden`)
	assert.Zero(t, native, "no native confirm() was shown")
}

func TestTheAnnotationListIsOneTabStopWalkedWithArrows(t *testing.T) {
	p := browsertest.Open(t, serveSite(t), "")
	startOnSample(p)
	for _, s := range []struct{ text, key string }{
		{"Mayor Ines Okafor", "s"}, {"Our streets were built for people, not for parking,", "c"}, {"said", "q"}, {"Tomas Reyes", "s"},
	} {
		selectByKeys(p, s.text)
		p.Press(s.key)
		p.WaitFor(fmt.Sprintf(`document.getElementById("announce").textContent.includes(%s)`, jsQuote(s.text)))
	}
	p.Press(kb.Escape) // clear the selection
	rows := `[...document.querySelectorAll("#sidebar [data-id]")]`
	require.Equal(t, 4, browsertest.Eval[int](p, rows+`.length`))
	assert.Equal(t, 1, browsertest.Eval[int](p, rows+`.filter(r => r.tabIndex === 0).length`), "one Tab stop")
	assert.NotEmpty(t, browsertest.Eval[string](p, `document.querySelector("#sidebar ul").getAttribute("aria-label")`), "a labelled list")
	labels := browsertest.Eval[[]string](p, rows+`.map(r => r.getAttribute("aria-label"))`)
	assert.Contains(t, labels, "Claim “Our streets were built for people, not for parking,”, no stance, no speaker", "items read in full")

	tabTo(p, "#sidebar [data-id]", false)
	first := browsertest.Eval[string](p, `document.activeElement.dataset.id`)
	p.Press(kb.Tab)
	assert.False(t, browsertest.Eval[bool](p, `document.getElementById("sidebar").contains(document.activeElement)`), "Tab leaves the list after one stop")
	p.Press(kb.Tab, chromedp.ModifierShift)
	require.Equal(t, first, browsertest.Eval[string](p, `document.activeElement.dataset.id`))

	for _, step := range []struct {
		key  string
		want int
	}{{kb.ArrowDown, 1}, {kb.ArrowDown, 2}, {kb.End, 3}, {kb.ArrowDown, 3}, {kb.Home, 0}, {kb.ArrowUp, 0}, {kb.ArrowDown, 1}} {
		p.Press(step.key)
		p.WaitFor(fmt.Sprintf(`%s.indexOf(document.activeElement) === %d`, rows, step.want))
		assert.Equal(t, 1, browsertest.Eval[int](p, rows+`.filter(r => r.tabIndex === 0).length`))
	}
	assert.Equal(t, "", browsertest.Eval[string](p, `document.querySelector("#inspector .quote") ? "shown" : ""`), "arrows move the focus only")
	want := browsertest.Eval[string](p, `document.activeElement.getAttribute("aria-label")`)
	p.Press(kb.Enter)
	waitAnnounced(p, "Selected "+want)
	assert.Equal(t, "true", browsertest.Eval[string](p, `document.activeElement.getAttribute("aria-current")`))
	assert.NotEmpty(t, p.Text("#inspector .quote"))
}

func TestSelectingWithoutDraggingAndTheCaretSaysWhereItIs(t *testing.T) {
	p := browsertest.Open(t, serveSite(t), "")
	p.Click(`[data-action="sample"]`)
	p.WaitFor(`!document.getElementById("workspace").hidden`)

	// Click a word, Shift+click another: the words between are selected,
	// snapped to whole words when tagged (WCAG 2.2 SC 2.5.7).
	p.ClickText("Footfall", 0)
	p.ClickText("rises", 0, chromedp.ModifierShift)
	p.Press("c")
	waitAnnounced(p, "Claim added: “Footfall usually rises”")

	// The caret moved by keys into annotated text: what it is inside is
	// announced and shown in the inspector.
	p.Press(kb.Escape)
	p.WaitFor(`document.querySelector("#inspector .quote") === null`)
	tabTo(p, "#doc", false)
	caretTo(p, textIndex(p, "usually"))
	waitAnnounced(p, "In Claim “Footfall usually rises”, no stance, no speaker.")
	assert.Equal(t, "Footfall usually rises", p.Text("#inspector .quote"))
	caretTo(p, textIndex(p, "after streets"))
	waitAnnounced(p, "Outside the annotations.")
	p.WaitFor(`document.querySelector("#inspector .quote") === null`)
}
