//go:build !js

package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/browsertest"
	"sayso/internal/format/native"
	"sayso/internal/text"
)

// box is an element's rectangle in the viewport.
type box struct{ Left, Top, Right, Bottom, Width, Height float64 }

func boxOf(p *browsertest.Page, sel string) box {
	p.T.Helper()
	b := browsertest.Eval[box](p, `(() => {
		const e = document.querySelector(`+jsQuote(sel)+`);
		if (!e) return {Left: 0, Top: 0, Right: 0, Bottom: 0, Width: -1, Height: -1};
		const r = e.getBoundingClientRect();
		return {Left: r.left, Top: r.top, Right: r.right, Bottom: r.bottom, Width: r.width, Height: r.height};
	})()`)
	require.GreaterOrEqual(p.T, b.Width, 0.0, "no element %s", sel)
	return b
}

// inView reports whether the element is wholly on screen, without
// scrolling the page or any box around it.
func inView(p *browsertest.Page, sel string) bool {
	p.T.Helper()
	return browsertest.Eval[bool](p, `(() => {
		const e = document.querySelector(`+jsQuote(sel)+`);
		if (!e || !e.getClientRects().length) return false;
		const r = e.getBoundingClientRect();
		if (r.top < 0 || r.left < 0 || r.bottom > innerHeight || r.right > innerWidth) return false;
		const fixed = x => getComputedStyle(x).position === "fixed";
		for (let a = e.parentElement, f = fixed(e); a && !f; f = fixed(a), a = a.parentElement) {
			const s = getComputedStyle(a);
			if (!/(auto|scroll|hidden)/.test(s.overflowY + s.overflowX)) continue;
			const c = a.getBoundingClientRect();
			if (r.top < c.top - 1 || r.bottom > c.bottom + 1) return false;
		}
		return true;
	})()`)
}

// annotatedSample opens the sample, tags two claims with their speakers
// and a cue, and selects the first claim.
func annotatedSample(t *testing.T, p *browsertest.Page) {
	t.Helper()
	p.Click(`[data-action="sample"]`)
	p.WaitFor(`!document.getElementById("workspace").hidden`)
	claimBy(p, "Tomas Reyes", slowDeath, "2")
	claimBy(p, "Mayor Ines Okafor", ourStreets, "1")
	p.WaitFor(sidebarCount + ` === 4`)
	p.Click(`#sidebar .item.l-claim`)
	p.WaitFor(`document.querySelector('#inspector [data-field="note"]') !== null`)
	browsertest.Eval[bool](p, `(scrollTo(0, 0), true)`)
}

func TestTheInspectorsNoteAndDeleteShowWithoutScrollingOnALaptop(t *testing.T) {
	p := browsertest.Open(t, serveSite(t), "")
	setViewport(p, viewports[0]) // 1366×768
	annotatedSample(t, p)
	assert.Zero(t, browsertest.Eval[float64](p, `scrollY`))
	assert.True(t, inView(p, `#inspector [data-field="note"]`), "Note is on screen")
	assert.True(t, inView(p, `#inspector [data-action="delete"]`), "Delete is on screen")
	assert.True(t, inView(p, `#inspector [data-action="stance"][data-value="favor"]`), "the stances are on screen")
	shoot(t, p, "layout-1366x768-inspector")
}

func TestOnATabletThePanelSitsBesideTheText(t *testing.T) {
	p := browsertest.Open(t, serveSite(t), "")
	setViewport(p, viewports[1]) // 820×1000
	annotatedSample(t, p)
	reader, side := boxOf(p, ".reader"), boxOf(p, ".side")
	assert.GreaterOrEqual(t, side.Left, reader.Right, "the panel is beside the article, not below it")
	assert.Less(t, side.Top, 200.0)
	assert.GreaterOrEqual(t, reader.Width, 450.0, "the text keeps a readable column")
	assert.True(t, inView(p, `#inspector [data-field="note"]`), "Note is on screen")
	assert.True(t, inView(p, `#inspector [data-action="delete"]`), "Delete is on screen")
	assert.LessOrEqual(t, boxOf(p, ".bar").Height, 60.0, "the toolbar is one row")
	shoot(t, p, "layout-820x1000-inspector")
}

func TestOnAPhoneTheToolbarFoldsIntoAMenuAndTheTextTakesTheScreen(t *testing.T) {
	p := browsertest.Open(t, serveSite(t), "")
	setViewport(p, viewports[2]) // 390×844
	p.Click(`[data-action="sample"]`)
	p.WaitFor(`!document.getElementById("workspace").hidden`)

	assert.True(t, p.Visible("#bar-menu"))
	assert.False(t, p.Visible("#docs-button"), "Documents is in the menu")
	assert.False(t, p.Visible("#export"), "Export is in the menu")
	assert.True(t, p.Visible(`#tools [data-label="claim"]`), "the label buttons stay")
	bar, reader := boxOf(p, ".bar"), boxOf(p, ".reader")
	assert.LessOrEqual(t, bar.Height, 52.0, "the bar is one row")
	assert.GreaterOrEqual(t, reader.Width, 0.9*390, "the text takes the width")
	assert.GreaterOrEqual(t, 844-bar.Height-reader.Top+bar.Height, 0.8*844, "and most of the height")

	// The menu, by keyboard: Enter opens it, Esc closes it and the focus
	// comes back to its button.
	browsertest.Eval[bool](p, `(document.getElementById("bar-menu").focus(), true)`)
	p.Press(kb.Enter)
	p.WaitFor(`document.getElementById("bar-menu").getAttribute("aria-expanded") === "true"`)
	assert.True(t, p.Visible("#docs-button"))
	shoot(t, p, "layout-390x844-menu-open")
	p.Press("\t")
	p.Press(kb.Escape)
	p.WaitFor(`document.getElementById("bar-menu").getAttribute("aria-expanded") === "false"`)
	assert.Equal(t, "bar-menu", browsertest.Eval[string](p, `document.activeElement.id`))
	assert.False(t, p.Visible("#docs-button"))

	// A command chosen from the menu closes it.
	p.Click("#bar-menu")
	p.Click("#docs-button")
	p.WaitFor(`!document.getElementById("docs").hidden`)
	assert.Equal(t, "false", browsertest.Eval[string](p, `document.getElementById("bar-menu").getAttribute("aria-expanded")`))
	p.Press(kb.Escape)
	p.WaitFor(`document.getElementById("docs").hidden`)

	// The selected annotation's editor comes up over the text.
	claimBy(p, "Tomas Reyes", slowDeath, "2")
	p.WaitFor(`document.querySelector('#inspector [data-field="note"]') !== null`)
	assert.True(t, inView(p, `#inspector .insp-head`), "the editor shows without scrolling to the end of the article")
	shoot(t, p, "layout-390x844-inspector")
}

func TestOnASmallLaptopTheToolbarIsOneRowAndFoldsOnlyTheRarelyUsedCommands(t *testing.T) {
	p := browsertest.Open(t, serveSite(t), "")
	p.Click(`[data-action="sample"]`)
	p.WaitFor(`!document.getElementById("workspace").hidden`)
	for _, width := range []int64{1152, 1024, 961} {
		setViewport(p, viewport{"laptop", width, 768})
		assert.LessOrEqual(t, boxOf(p, "#toolbar").Height, 45.0, "%d px: the toolbar is one row", width)
		for _, sel := range []string{`#tools [data-label="claim"]`, "#undo", "#export", "#docs-button", "#help-button", "#bar-menu"} {
			assert.True(t, p.Visible(sel), "%d px: %s stays in the bar", width, sel)
		}
		assert.False(t, p.Visible("#compare-button"), "%d px: Compare is under Menu", width)
		assert.Equal(t, p.Text(`#tools [data-label="speaker"] .tool-name`), "Speaker")
		assert.False(t, browsertest.Eval[bool](p, `(() => { const e = document.querySelector('#tools [data-label="speaker"] .tool-name'); return e.scrollWidth > e.clientWidth + 1; })()`),
			"%d px: a short label name is whole", width)
	}
	// The folded commands are one click away.
	p.Click("#bar-menu")
	p.WaitFor(`document.getElementById("bar-menu").getAttribute("aria-expanded") === "true"`)
	for _, sel := range []string{"#open-button", "#setup-button", "#compare-button", "#new"} {
		assert.True(t, p.Visible(sel), "%s shows from Menu", sel)
	}
	shoot(t, p, "layout-961x768-menu-open")
	p.Click("#bar-menu")
	p.WaitFor(`document.getElementById("bar-menu").getAttribute("aria-expanded") === "false"`)
	shoot(t, p, "layout-961x768")
}

func TestAStatusNeverMakesTheToolbarWrap(t *testing.T) {
	p := browsertest.Open(t, serveSite(t), "")
	p.Click(`[data-action="sample"]`)
	p.WaitFor(`!document.getElementById("workspace").hidden`)
	for _, v := range viewports {
		setViewport(p, v)
		before := boxOf(p, "#toolbar").Height
		// The longest status the app writes, a failed save.
		browsertest.Eval[bool](p, `(() => { const s = document.getElementById("save-status");
			s.className = "save error";
			s.textContent = "Not saved: this browser's storage for the page is full (the project is 9.8 MB). Export to keep your work.";
			return true; })()`)
		assert.Equal(t, before, boxOf(p, "#toolbar").Height, "%s: the toolbar keeps its rows", v.name)
		assert.LessOrEqual(t, boxOf(p, "#save-status").Height, 30.0, "%s: the status is one line", v.name)
		browsertest.Eval[bool](p, `(document.getElementById("save-status").textContent = "", true)`)
	}
}

// longLabel is a label name longer than any button.
const longLabel = "Rhetorical question addressed to the council members"

func TestLongLabelNamesAreCutInTheToolbarAndListAndWholeInTheInspector(t *testing.T) {
	schema := annotation.DefaultSchema()
	schema.Labels = append(schema.Labels, annotation.Label{ID: "rhetorical", Name: longLabel, Color: "#e07a5f", Key: "r"})
	s := annotation.New(schema, "", fixedNow)
	doc, err := s.AddDocument("Long labels", "Why would anyone want a car-free centre? asked the mayor.")
	require.NoError(t, err)
	_, err = s.Add(doc, "rhetorical", spanOf(t, s, doc, "Why would anyone want a car-free centre?"))
	require.NoError(t, err)
	data, err := native.Encode(s.Project())
	require.NoError(t, err)
	file := filepath.Join(t.TempDir(), "long.sayso.json")
	require.NoError(t, os.WriteFile(file, data, 0o644))

	p := browsertest.Open(t, serveSite(t), "")
	p.Do(chromedp.SetUploadFiles("#open-file-start", []string{file}))
	p.WaitFor(sidebarCount + ` === 1`)
	cut := func(sel string) bool {
		return browsertest.Eval[bool](p, `(() => { const e = document.querySelector(`+jsQuote(sel)+`);
			return e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).textOverflow === "ellipsis"; })()`)
	}
	assert.True(t, cut(`#tools [data-label="rhetorical"] .tool-name`), "cut on its toolbar button")
	assert.Equal(t, longLabel, p.Text(`#tools [data-label="rhetorical"] .tool-name`), "the button's text (its accessible name) is whole")
	assert.True(t, cut(`#sidebar .item .tag`), "cut in the list")
	p.Click(`#sidebar .item`)
	p.WaitFor(`document.querySelector("#inspector .insp-head") !== null`)
	assert.False(t, cut(`#inspector .insp-head .tag`), "whole in the inspector")
	assert.Equal(t, longLabel, p.Text(`#inspector .insp-head .tag`))
	assert.LessOrEqual(t, boxOf(p, "#toolbar").Height, 45.0, "the toolbar stays one row")
	shoot(t, p, "layout-long-label")
}

func TestTheOpenedNoticeFadesByItselfAndStaysForScreenReaders(t *testing.T) {
	file := filepath.Join(t.TempDir(), "colleague.sayso.json")
	require.NoError(t, os.WriteFile(file, sampleExport(t, "a slow death for small businesses"), 0o644))
	p := browsertest.Open(t, serveSite(t), "")
	p.Do(chromedp.SetUploadFiles("#open-file-start", []string{file}))
	p.WaitFor(messageText + `.startsWith("Opened")`)
	assert.True(t, inView(p, "#message-text"), "the notice shows first")
	p.WaitFor(`document.getElementById("message").classList.contains("faded")`)
	assert.False(t, inView(p, "#message-text"), "then leaves the screen by itself")
	assert.True(t, strings.HasPrefix(p.Text("#message-text"), "Opened"), "its text stays in the page")
	assert.False(t, browsertest.Eval[bool](p, `document.getElementById("message").hidden`), "not hidden from assistive technology")

}

// rtlArticle has an English, an Arabic and a Hebrew paragraph (written for
// this test), each ending with a full stop.
const rtlArticle = "The council met on Tuesday.\n" +
	"قال رئيس البلدية إن الجسر سيفتح في أيار.\n" +
	"ראש העיר אמר שהגשר ייפתח במאי.\n"

func TestArabicAndHebrewParagraphsReadRightToLeft(t *testing.T) {
	p := browsertest.Open(t, serveSite(t), "")
	p.Click("#paste-title")
	p.Type("Bridge")
	p.Click("#paste-text")
	p.Type(rtlArticle)
	p.Click(`[data-action="paste"]`)
	p.WaitFor(`!document.getElementById("workspace").hidden`)

	dirs := browsertest.Eval[[]string](p, `[...document.querySelectorAll("#doc p")].map(e => getComputedStyle(e).direction)`)
	assert.Equal(t, []string{"ltr", "rtl", "rtl"}, dirs)
	// The full stop ends each line: on the right in English, on the left
	// in Arabic and Hebrew.
	stopSide := func(sel string) string {
		return browsertest.Eval[string](p, `(() => {
			const t = document.querySelector(`+jsQuote(sel)+`).firstChild;
			const at = i => { const r = document.createRange(); r.setStart(t, i); r.setEnd(t, i + 1); return r.getBoundingClientRect(); };
			return at(t.length - 1).left < at(0).left ? "left" : "right";
		})()`)
	}
	assert.Equal(t, "right", stopSide("#p0"))
	assert.Equal(t, "left", stopSide("#p1"))
	assert.Equal(t, "left", stopSide("#p2"))

	// A claim in the Arabic paragraph, selected with the mouse.
	p.SelectText("إن الجسر سيفتح في أيار.", 0)
	p.Press("c")
	p.WaitFor(sidebarCount + ` === 1`)
	assert.Equal(t, "إن الجسر سيفتح في أيار.", p.Text("#inspector .quote"))
	assert.Equal(t, "left", stopSide("#inspector .quote"), "the quote reads right to left in the inspector too")
	shoot(t, p, "layout-rtl")
}

func fixedNow() time.Time { return time.Date(2026, 12, 5, 12, 0, 0, 0, time.UTC) }

// spanOf is the code-point span of the first quote in a document.
func spanOf(t *testing.T, s *annotation.Store, doc, quote string) []text.Span {
	t.Helper()
	_, x, ok := s.Document(doc)
	require.True(t, ok)
	i := strings.Index(x.Text(), quote)
	require.GreaterOrEqual(t, i, 0, quote)
	start := x.CodePointAtByte(i)
	return []text.Span{{Start: start, End: start + len([]rune(quote))}}
}
