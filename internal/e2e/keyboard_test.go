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
