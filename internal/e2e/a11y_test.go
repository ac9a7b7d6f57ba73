//go:build !js

package e2e

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/app"
	"sayso/internal/browsertest"
)

// Issue 12, the last gaps: Delete on a focused row of the annotation
// list, the menus' Tab and type-ahead, the text editor's question before
// discarding, a style for every stance value, forced colours and print,
// and a speaker mention without its comma.

// rowsJS are the annotation list's rows.
const rowsJS = `[...document.querySelectorAll("#sidebar [data-id]")]`

// tagByKeys selects each text in the article with the keyboard and tags it
// with its key, waiting for the announcement.
func tagByKeys(p *browsertest.Page, tags ...[2]string) {
	p.T.Helper()
	for _, s := range tags {
		selectByKeys(p, s[0])
		p.Press(s[1])
		p.WaitFor(fmt.Sprintf(`document.getElementById("announce").textContent.includes(%s)`, jsQuote(strings.TrimRight(s[0], ", "))))
	}
}

func TestDeleteOnAFocusedListRowDeletesThatRowNotTheSelection(t *testing.T) {
	p := browsertest.Open(t, serveSite(t), "")
	startOnSample(p)
	tagByKeys(p, [2]string{"Mayor Ines Okafor", "s"}, [2]string{"Our streets were built for people, not for parking,", "c"}, [2]string{"said", "q"})
	p.Press(kb.Escape)
	require.Equal(t, 3, browsertest.Eval[int](p, rowsJS+`.length`))

	// Select the first row with Enter, then arrow to the second: Delete
	// deletes the second (the focused row), not the selected first.
	tabTo(p, "#sidebar [data-id]", false)
	p.Press(kb.Home)
	p.WaitFor(rowsJS + `.indexOf(document.activeElement) === 0`)
	p.Press(kb.Enter)
	first := browsertest.Eval[string](p, `document.activeElement.dataset.id`)
	waitAnnounced(p, "Selected ")
	p.Press(kb.ArrowDown)
	p.WaitFor(rowsJS + `.indexOf(document.activeElement) === 1`)
	victim := browsertest.Eval[string](p, `document.activeElement.dataset.id`)
	label := browsertest.Eval[string](p, `document.activeElement.getAttribute("aria-label")`)
	require.NotEqual(t, first, victim)
	p.Press(kb.Delete)
	p.WaitFor(fmt.Sprintf(`!document.querySelector('#sidebar [data-id="%s"]')`, victim))
	assert.True(t, browsertest.Eval[bool](p, fmt.Sprintf(`!!document.querySelector('#sidebar [data-id="%s"]')`, first)), "the selected row is kept")
	_, words, _ := strings.Cut(label, " ")
	waitAnnounced(p, "Deleted the "+strings.ToLower(label[:strings.Index(label, " ")])+" "+words+". Undo with Ctrl+Z.")
	assert.True(t, focused(p, "#sidebar [data-id]"), "the focus stays in the list, on a row")
	assert.Equal(t, 1, browsertest.Eval[int](p, rowsJS+`.filter(r => r.tabIndex === 0).length`), "still one Tab stop")

	// Backspace on the focused row too; Ctrl+Z brings it back.
	p.Press(kb.Backspace)
	p.WaitFor(rowsJS + `.length === 1`)
	p.Press("z", chromedp.ModifierCtrl)
	p.WaitFor(rowsJS + `.length === 2`)
}

func TestMenusCloseOnTabMovingOnAndFindItemsByTheirFirstLetter(t *testing.T) {
	p := browsertest.Open(t, serveSite(t), "")
	startOnSample(p)
	tagByKeys(p, [2]string{"Tomas Reyes", "s"})

	items := `[...document.querySelectorAll('#export-menu [role^="menuitem"]')]`
	at := func() int { return browsertest.Eval[int](p, items+`.indexOf(document.activeElement)`) }
	open := func() {
		tabTo(p, "#export-more", true)
		p.Press(kb.ArrowDown)
		p.WaitFor(`!document.getElementById("export-menu").hidden`)
		require.Equal(t, 0, at())
	}

	// Type-ahead: a letter moves to the next item whose name starts with
	// it, wrapping round; a letter no item has moves nothing and tags
	// nothing.
	open()
	names := browsertest.Eval[[]string](p, items+`.map(i => (i.querySelector(".fmt") || i).textContent.trim().toLowerCase())`)
	require.Greater(t, len(names), 3)
	next := func(from int, letter string) int {
		for i := 1; i <= len(names); i++ {
			if k := (from + i) % len(names); strings.HasPrefix(names[k], letter) {
				return k
			}
		}
		return from
	}
	cur := 0
	for _, i := range []int{2, len(names) - 1, 1} {
		letter := names[i][:1]
		want := next(cur, letter)
		p.Press(strings.ToUpper(letter))
		assert.Equal(t, want, at(), "after %q from %d (%v)", letter, cur, names)
		cur = want
	}
	p.Press("ž")
	assert.Equal(t, cur, at(), "no item starts with ž")
	assert.Equal(t, 1, browsertest.Eval[int](p, sidebarCount), "letters in the menu are no shortcuts")

	// Tab closes the menu and moves on, as from the menu button.
	after := browsertest.Eval[string](p, `(() => {
		const sel = 'button:not([disabled]), input:not([disabled]):not([hidden]), [tabindex="0"]';
		const all = [...document.querySelectorAll(sel)].filter(e => e.getClientRects().length && !document.getElementById("export-menu").contains(e));
		return all[all.indexOf(document.getElementById("export-more")) + 1].id;
	})()`)
	require.NotEmpty(t, after)
	p.Press(kb.Tab)
	p.WaitFor(`document.getElementById("export-menu").hidden`)
	assert.True(t, focused(p, "#"+after), "Tab moved on to #%s", after)
	assert.Equal(t, "false", browsertest.Eval[string](p, `document.getElementById("export-more").getAttribute("aria-expanded")`))

	// Shift+Tab closes it and goes back to its button.
	open()
	p.Press(kb.Tab, chromedp.ModifierShift)
	p.WaitFor(`document.getElementById("export-menu").hidden`)
	assert.True(t, focused(p, "#export-more"))

	// The Set up menu: "e" finds Exercise for students…, Tab moves on.
	tabTo(p, "#setup-button", false)
	p.Press(kb.Enter)
	p.WaitFor(`!document.getElementById("setup-menu").hidden`)
	p.Press("e")
	assert.True(t, focused(p, `#setup-menu [data-action="exercise"]`))
	p.Press("l")
	assert.True(t, focused(p, `#setup-menu [data-action="schema"]`))
	p.Press(kb.Tab)
	p.WaitFor(`document.getElementById("setup-menu").hidden`)
	assert.False(t, focused(p, "#setup-button"), "Tab did not return to the button")
	assert.False(t, browsertest.Eval[bool](p, `document.activeElement === document.body`), "the focus is not lost")
}

func TestTheTextEditorAsksBeforeDiscardingAnEditedText(t *testing.T) {
	p := browsertest.Open(t, serveSite(t), "")
	startOnSample(p)
	shown := p.Text("#doc")

	openEditor := func() {
		tabTo(p, "#edit-text-button", true)
		p.Press(kb.Enter)
		p.WaitFor(`!document.getElementById("textedit").hidden`)
		p.WaitFor(`document.activeElement && document.activeElement.id === "edit-text"`)
	}

	// Unchanged: Esc closes at once, the focus goes back to the button.
	openEditor()
	p.Press(kb.Escape)
	p.WaitFor(`document.getElementById("textedit").hidden`)
	assert.True(t, browsertest.Eval[bool](p, `document.getElementById("confirm").hidden`), "nothing to ask")
	assert.True(t, focused(p, "#edit-text-button"))

	// Changed: Esc asks; Esc again answers Cancel and the typing is still
	// there, the focus back in the text.
	openEditor()
	p.Press(kb.End, chromedp.ModifierCtrl)
	p.Type(" Typed here.")
	p.Press(kb.Escape)
	p.WaitFor(`!document.getElementById("confirm").hidden`)
	assert.Contains(t, p.Text("#confirm"), "Discard your changes to the text?")
	assert.True(t, focused(p, `#confirm [data-action="confirm-no"]`), "Cancel takes the focus")
	p.Press(kb.Escape)
	p.WaitFor(`document.getElementById("confirm").hidden`)
	assert.False(t, browsertest.Eval[bool](p, `document.getElementById("textedit").hidden`), "the editor stays open")
	assert.True(t, focused(p, "#edit-text"), "the focus is back in the text")
	assert.True(t, strings.HasSuffix(browsertest.Eval[string](p, `document.getElementById("edit-text").value`), " Typed here."))

	// The Cancel button asks too; OK discards: the text is as it was, the
	// focus on what opened the editor.
	p.Click(`#textedit [data-action="edit-cancel"]`)
	p.WaitFor(`!document.getElementById("confirm").hidden`)
	p.Click(`#confirm [data-action="confirm-yes"]`)
	p.WaitFor(`document.getElementById("textedit").hidden && document.getElementById("confirm").hidden`)
	assert.Equal(t, shown, p.Text("#doc"), "nothing was saved")
	p.WaitFor(`document.activeElement && document.activeElement.id === "edit-text-button"`)
}

func TestEveryAddedStanceValueIsDrawnWithALineOfItsOwn(t *testing.T) {
	p := browsertest.Open(t, serveSite(t), "")
	p.Click(`[data-action="sample"]`)
	p.WaitFor(`!document.getElementById("workspace").hidden`)
	p.Click("#setup-button")
	p.Click(`#setup-menu [data-action="schema"]`)
	p.WaitFor(`!document.getElementById("schema").hidden`)
	for _, v := range []string{"mixed", "ironic", "hedged"} {
		p.Click("#new-stance")
		p.Type(v)
		p.Click(`[data-action="stance-add"]`)
		p.WaitFor(fmt.Sprintf(`!!document.querySelector('#legend .mk-words') && document.getElementById("legend").textContent.includes(%s)`, jsQuote(v)))
	}
	p.Press(kb.Escape)
	p.WaitFor(`document.getElementById("schema").hidden`)

	// The legend's samples, as the browser computes them: no two stances
	// have the same lines (colour aside).
	type sample struct{ Name, Lines, Style, Width string }
	samples := browsertest.Eval[[]sample](p, `[...document.querySelectorAll('#legend .mk[class*="mk-claim"]')].map(e => {
		const s = getComputedStyle(e);
		return {Name: e.textContent, Lines: s.textDecorationLine, Style: s.textDecorationStyle, Width: s.textDecorationThickness};
	})`)
	require.Len(t, samples, 1+4+3, "no stance, the four built-in and three added: %v", samples)
	seen := map[string]string{}
	for _, s := range samples {
		shape := s.Lines + " " + s.Style + " " + s.Width
		if other, ok := seen[shape]; ok {
			t.Errorf("%s is drawn like %s: %s", s.Name, other, shape)
		}
		seen[shape] = s.Name
	}

	// A claim with an added stance is drawn with its highlight, and its
	// badge in the list has the same lines.
	tabTo(p, "#doc", false)
	selectByKeys(p, "Footfall usually rises")
	p.Press("c")
	waitAnnounced(p, "Claim added")
	p.Press("6") // the sixth stance value: ironic
	waitAnnounced(p, "Stance set: Claim “Footfall usually rises”, ironic")
	p.WaitFor(`saysoHighlights.count("claim-y1") === 1`)
	badge := browsertest.Eval[sample](p, `(() => { const s = getComputedStyle(document.querySelector('#sidebar .badge')); return {Lines: s.textDecorationLine, Style: s.textDecorationStyle, Width: s.textDecorationThickness}; })()`)
	legend := browsertest.Eval[sample](p, `(() => { const s = getComputedStyle(document.querySelector('#legend .mk-claim-y1')); return {Lines: s.textDecorationLine, Style: s.textDecorationStyle, Width: s.textDecorationThickness}; })()`)
	assert.Equal(t, legend, badge, "the list's badge shows the legend's lines")
	assert.Contains(t, badge.Lines, "overline")
}

// emulate sets the emulated media type ("print", or "" for the screen)
// and forced-colors feature ("active", or "" for none) (CDP
// Emulation.setEmulatedMedia).
func emulate(p *browsertest.Page, media, forced string) {
	p.T.Helper()
	features := []*emulation.MediaFeature{{Name: "forced-colors", Value: forced}}
	p.Do(chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: media, Features: features})
		return err
	}))
}

func TestForcedColoursKeepEveryMarkAndThePrintShowsTheArticleAndItsAnnotations(t *testing.T) {
	p := browsertest.Open(t, serveSite(t), "")
	startOnSample(p)
	tagByKeys(p, [2]string{"Mayor Ines Okafor", "s"}, [2]string{"Our streets were built for people, not for parking,", "c"})
	p.Press("2")
	waitAnnounced(p, "Stance set")

	type look struct{ Border, BorderWidth, Outline, OutlineWidth, Display string }
	lookOf := func(sel string) look {
		return browsertest.Eval[look](p, fmt.Sprintf(`(() => { const s = getComputedStyle(document.querySelector(%s));
			return {Border: s.borderBottomStyle, BorderWidth: s.borderBottomWidth, Outline: s.outlineStyle, OutlineWidth: s.outlineWidth, Display: s.display}; })()`, jsQuote(sel)))
	}

	// Forced colours (Windows High Contrast): the legend's marks, the
	// list's chips and the focus ring keep a border or outline.
	emulate(p, "", "active")
	require.True(t, browsertest.Eval[bool](p, `matchMedia("(forced-colors: active)").matches`))
	for _, sel := range []string{"#legend .mk-claim-against", "#legend .mk-speaker", "#legend .mk-cue", "#sidebar .tag", "#sidebar .badge"} {
		l := lookOf(sel)
		assert.NotEqual(t, "none", l.Border, "%s keeps a border", sel)
		assert.NotEqual(t, "0px", l.BorderWidth, sel)
	}
	tabTo(p, "#doc", true)
	ring := lookOf("#doc")
	assert.Equal(t, "solid", ring.Outline, "the focus ring")
	assert.Equal(t, "3px", ring.OutlineWidth)
	// The marks in the text are highlights: the adopted sheet draws them
	// in system colours under forced colours.
	assert.True(t, browsertest.Eval[bool](p, `[...document.adoptedStyleSheets].some(sh => [...sh.cssRules].some(r =>
		r instanceof CSSMediaRule && r.conditionText.includes("forced-colors") &&
		[...r.cssRules].some(x => x.selectorText.includes("::highlight(sayso-claim-against)") && x.style.backgroundColor.toLowerCase() === "mark")))`))

	// Without forced colours the marks have no border (a sanity check that
	// the rule above is what gives it).
	emulate(p, "", "")
	require.False(t, browsertest.Eval[bool](p, `matchMedia("(forced-colors: active)").matches`))
	assert.Equal(t, "none", lookOf("#legend .mk-claim-against").Border)

	// Print: the toolbar, the side list and the inspector go; the article,
	// the key to the marks and the list of every annotation stay.
	p.Do(chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, page.PrintToPDF, page.PrintToPDFParams{}) // fires beforeprint, as printing does
		return err
	}))
	p.WaitFor(`document.querySelectorAll("#print-list li").length === 2`)
	assert.Contains(t, p.Text("#print-list"), "Claim “Our streets were built for people, not for parking,”, against")
	assert.Contains(t, p.Text("#print-list"), "Speaker “Mayor Ines Okafor”")
	emulate(p, "print", "")
	require.True(t, browsertest.Eval[bool](p, `matchMedia("print").matches`))
	shownJS := func(sel string) bool {
		return browsertest.Eval[bool](p, fmt.Sprintf(`document.querySelector(%s).getClientRects().length > 0`, jsQuote(sel)))
	}
	for sel, want := range map[string]bool{"#toolbar": false, "#export-more": false, "#sidebar": false, "#inspector": false, "#doc": true, "#legend": true, "#print-list": true} {
		assert.Equal(t, want, shownJS(sel), "%s printed", sel)
	}
	assert.True(t, browsertest.Eval[bool](p, `getComputedStyle(document.querySelector("#legend .mk-claim-against")).textDecorationStyle === "wavy"`), "the marks keep their lines on paper")
	emulate(p, "", "")
	assert.Equal(t, "none", lookOf("#print-list").Display, "the printed list is not on the screen")
}

func TestASpeakerTaggedWithItsCommaIsStoredWithout(t *testing.T) {
	p := browsertest.Open(t, serveSite(t), "")
	startOnSample(p)
	selectByKeys(p, "Tomas Reyes,")
	p.Press("s")
	waitAnnounced(p, "Speaker added: “Tomas Reyes”")
	assert.Equal(t, "Tomas Reyes", p.Text("#inspector .quote"))

	p.Click("#export")
	e := checkExport(t, p.WaitDownload(app.FileName(app.SampleTitle)+".sayso.json"))
	i := byQuote(t, e, "Tomas Reyes")
	f := e.Annotations[i].Fragments[0]
	assert.Equal(t, "Tomas Reyes", string([]rune(e.Documents[0].Text)[f.Start:f.End]), "the span in code points holds the name, not the comma")
	assert.Equal(t, "Tomas Reyes", e.Speakers[0].Name)
}

// Found in the audit: the focus fell to the page when the inspector's
// Delete took its own button away; the narrow screen's Menu stayed open
// after the focus had left the toolbar; per-row buttons (↑, ↓, Remove,
// done) had one name for every row.
func TestTheAuditsFindingsStayFixed(t *testing.T) {
	p := browsertest.Open(t, serveSite(t), "")
	startOnSample(p)
	tagByKeys(p, [2]string{"Tomas Reyes", "s"})

	// Enter on the inspector's Delete: the focus goes to the article.
	tabTo(p, `#inspector [data-action="delete"]`, false)
	p.Press(kb.Enter)
	waitAnnounced(p, "Deleted the speaker")
	p.WaitFor(`document.activeElement && document.activeElement.id === "doc"`)

	// Per-row buttons of the Documents dialog and the schema editor are
	// named after their row.
	p.Click("#docs-button")
	p.WaitFor(`!document.getElementById("docs").hidden`)
	names := browsertest.Eval[[]string](p, `[...document.querySelectorAll('#docs .doc-row button:not(.doc-open), #docs .doc-row input[type=checkbox]')].map(b => b.getAttribute("aria-label"))`)
	title := app.SampleTitle
	assert.Subset(t, names, []string{"Move “" + title + "” up", "Move “" + title + "” down", "Remove “" + title + "”", "“" + title + "” done"})
	p.Press(kb.Escape)
	p.WaitFor(`document.getElementById("docs").hidden`)
	p.Click("#setup-button")
	p.Click(`#setup-menu [data-action="schema"]`)
	p.WaitFor(`!document.getElementById("schema").hidden`)
	names = browsertest.Eval[[]string](p, `[...document.querySelectorAll('#schema .stances button')].map(b => b.getAttribute("aria-label"))`)
	assert.Subset(t, names, []string{"Move “against” up", "Move “against” down", "Remove “against”"})
	p.Press(kb.Escape)
	p.WaitFor(`document.getElementById("schema").hidden`)

	// At 390 px the toolbar folds under Menu: Tab past its last command
	// closes it.
	setViewport(p, viewport{name: "phone", width: 390, height: 844})
	tabTo(p, "#bar-menu", true)
	p.Press(kb.Enter)
	p.WaitFor(`document.getElementById("bar-menu").getAttribute("aria-expanded") === "true"`)
	tabTo(p, "#help-button", false)
	p.Press(kb.Tab)
	p.WaitFor(`document.getElementById("bar-menu").getAttribute("aria-expanded") === "false"`)
	assert.False(t, browsertest.Eval[bool](p, `document.getElementById("toolbar").contains(document.activeElement)`))
}
