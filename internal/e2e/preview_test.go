//go:build !js

package e2e

import (
	"context"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/browsertest"
)

// holdProgram keeps Sayso's program from starting until the test calls
// __releaseProgram(): the page's WebAssembly is instantiated only then, as
// on a machine where loading it takes long.
const holdProgram = `(() => {
	let release;
	const held = new Promise((r) => { release = r; });
	window.__releaseProgram = () => release();
	for (const f of ["instantiateStreaming", "instantiate"]) {
		const orig = WebAssembly[f];
		WebAssembly[f] = async function (...args) { await held; return orig.apply(this, args); };
	}
})()`

// drawnFirstScreen is what the page shows of the document: its title, the
// text of its paragraphs, and each highlight as "style:text", sorted (the
// selection's and its relations' marks left out).
const drawnFirstScreen = `(() => {
	const text = (r) => { const x = document.createRange(); x.setStart(r.startContainer, r.startOffset); x.setEnd(r.endContainer, r.endOffset); return x.toString(); };
	const marks = [];
	for (const [name, h] of CSS.highlights) {
		if (name === "sayso-sel" || name === "sayso-rel") continue;
		for (const r of h) if (r.startContainer.isConnected) marks.push(name + ":" + text(r));
	}
	return {
		title: document.getElementById("doc-title").textContent,
		paras: [...document.querySelectorAll("#doc p")].map((p) => p.textContent),
		marks: marks.sort(),
	};
})()`

type firstScreen struct {
	Title string
	Paras []string
	Marks []string
}

// holdEveryLoad holds the program back (holdProgram) in every page p
// loads from now on.
func holdEveryLoad(p *browsertest.Page) {
	p.Do(chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: holdProgram})
		return err
	}))
}

// reloadHeld reloads p with the program held back.
func reloadHeld(t *testing.T, p *browsertest.Page) {
	t.Helper()
	holdEveryLoad(p)
	p.Do(chromedp.Reload())
}

// savedSample is the sample article with two claims and their speakers
// (annotatedSample), saved.
func savedSample(t *testing.T) *browsertest.Page {
	t.Helper()
	p := browsertest.Open(t, serveSite(t), "")
	annotatedSample(t, p)
	p.WaitFor(savedStatus)
	return p
}

// A reload shows the work at once, from the copy of the first screen its
// last save kept, while the program still loads: the same title, text and
// highlights as the page the program draws, and nothing in it can be
// changed until the program takes over.
func TestAReloadShowsTheSavedFirstScreenWhileTheProgramLoads(t *testing.T) {
	p := savedSample(t)
	before := browsertest.Eval[firstScreen](p, drawnFirstScreen)
	require.Len(t, before.Marks, 4, "two claims and their speakers")

	browsertest.Eval[any](p, `scrollTo(0, 300)`) // read on a little
	reloadHeld(t, p)
	p.WaitFor(`window.saysoPreview && saysoPreview.painted()`)
	assert.Equal(t, before, browsertest.Eval[firstScreen](p, drawnFirstScreen), "the copy shows what the program drew")
	assert.Zero(t, browsertest.Eval[float64](p, `scrollY`), "the copy shows the document's top, where the program draws it")
	assert.Empty(t, browsertest.Eval[string](p, `document.body.dataset.ready || ""`), "the program has not started")
	assert.True(t, browsertest.Eval[bool](p, `document.getElementById("workspace").inert`), "nothing in the copy can be focused or changed")
	assert.Equal(t, "true", browsertest.Eval[string](p, `document.getElementById("workspace").getAttribute("aria-busy")`))
	assert.False(t, p.Visible("#loading"))
	assert.Equal(t, "hidden", browsertest.Eval[string](p, `getComputedStyle(document.querySelector("#workspace aside")).visibility`),
		"the side panels wait for the program")
	browsertest.Audit(t, p, browsertest.AxeSource(t), "the copy of the first screen")

	browsertest.Eval[any](p, `__releaseProgram()`)
	p.WaitReady()
	assert.False(t, browsertest.Eval[bool](p, `saysoPreview.painted()`), "the program's page replaced the copy")
	assert.False(t, browsertest.Eval[bool](p, `document.getElementById("workspace").inert`))
	assert.False(t, browsertest.Eval[bool](p, `document.getElementById("workspace").hasAttribute("aria-busy")`))
	assert.Equal(t, "visible", browsertest.Eval[string](p, `getComputedStyle(document.querySelector("#workspace aside")).visibility`))
	assert.Zero(t, browsertest.Eval[float64](p, `scrollY`), "the page does not move when the program takes over")
	assert.Equal(t, before, browsertest.Eval[firstScreen](p, drawnFirstScreen), "the program draws the same, and the copy's highlights are gone")

	// The program is live: a new claim is taken and saved.
	p.SelectText("half of his customers arrive by car", 0)
	p.Press("c")
	p.WaitFor(shownAnnotations + ` === 5`)
}

// The copy is shown only for the document the page showed last (the one
// the program shows), and only when it can be read: anything else is left
// to the program, which restores the work as before.
func TestACopyThatIsNotOfThisWorkOrCannotBeReadIsNotShown(t *testing.T) {
	tests := []struct {
		name, tamper string
		painted      bool // the rest of the copy still shows
	}{
		{"another document shown last", `localStorage.setItem("sayso:shown", "another document")`, false},
		{"not JSON", `localStorage.setItem("sayso:screen", "{\"v\":1,\"doc\":")`, false},
		{"a newer version's copy", `localStorage.setItem("sayso:screen", localStorage.getItem("sayso:screen").replace('"v":1', '"v":2'))`, false},
		// A range that does not fit its paragraph is left out.
		{"a range past the text", `localStorage.setItem("sayso:screen", localStorage.getItem("sayso:screen").replace('"ranges":[', '"ranges":[0,0,0,5,999999,'))`, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := savedSample(t)
			before := browsertest.Eval[firstScreen](p, drawnFirstScreen)
			// Leaving keeps the copy; the page loaded then, held before
			// the program runs, changes what storage holds.
			reloadHeld(t, p)
			p.WaitFor(`window.saysoPreview && saysoPreview.painted()`)
			browsertest.Eval[any](p, tc.tamper)
			p.Do(chromedp.Reload())
			p.WaitFor(`window.saysoPreview && document.readyState !== "loading"`)
			browsertest.EvalAwait[bool](p, `saysoPreview.settled(5000).then(() => true)`)
			require.Equal(t, tc.painted, browsertest.Eval[bool](p, `saysoPreview.painted()`))
			if tc.painted {
				assert.Equal(t, before, browsertest.Eval[firstScreen](p, drawnFirstScreen))
			} else {
				assert.True(t, browsertest.Eval[bool](p, `document.getElementById("workspace").hidden`), "the page waits for the program, as before")
			}
			browsertest.Eval[any](p, `__releaseProgram()`)
			p.WaitReady()
			assert.Equal(t, before, browsertest.Eval[firstScreen](p, drawnFirstScreen), "the program restores the work")
		})
	}
}

// A save made after the copy was kept removes it first: a page that dies
// after saving again leaves no copy of an older state behind.
func TestASaveAfterTheCopyWasKeptRemovesItFirst(t *testing.T) {
	url := serveSite(t)
	home := browsertest.Open(t, url, "")
	home.Do(chromedp.Navigate("about:blank")) // stays out of the crash
	tab := home.NewTab(url)
	annotatedSample(t, tab)
	tab.WaitFor(savedStatus)
	tab.Do(chromedp.Reload())
	tab.WaitReady()
	require.True(t, browsertest.Eval[bool](tab, `localStorage.getItem("sayso:screen") !== null`), "kept as the page was left")
	tab.SelectText("half of his customers arrive by car", 0)
	tab.Press("c")
	tab.WaitFor(shownAnnotations + ` === 5`)
	tab.WaitFor(savedStatus)
	assert.True(t, browsertest.Eval[bool](tab, `localStorage.getItem("sayso:screen") === null`))
	crash(tab)

	// The next load shows no copy; the program restores the last save,
	// the new claim with it.
	ctx, cancel := chromedp.NewContext(home.Ctx)
	t.Cleanup(cancel)
	again := &browsertest.Page{T: t, Ctx: ctx}
	holdEveryLoad(again)
	again.Do(chromedp.Navigate(url))
	again.WaitFor(`window.saysoPreview && document.readyState !== "loading"`)
	browsertest.EvalAwait[bool](again, `saysoPreview.settled(5000).then(() => true)`)
	assert.False(t, browsertest.Eval[bool](again, `saysoPreview.painted()`))
	browsertest.Eval[any](again, `__releaseProgram()`)
	again.WaitReady()
	again.WaitFor(shownAnnotations + ` === 5`)
}

// A browser without saved work paints nothing before the program.
func TestANewBrowserPaintsNoCopy(t *testing.T) {
	p := &browsertest.Page{T: t, Ctx: browsertest.New(t)}
	holdEveryLoad(p)
	p.Do(chromedp.Navigate(serveSite(t)))
	p.WaitFor(`window.saysoPreview && document.readyState !== "loading"`)
	browsertest.EvalAwait[bool](p, `saysoPreview.settled(5000).then(() => true)`)
	assert.False(t, browsertest.Eval[bool](p, `saysoPreview.painted()`))
	browsertest.Eval[any](p, `__releaseProgram()`)
	p.WaitReady()
	assert.True(t, p.Visible("#start"), "the start screen, as in any new browser")
}

// From the keyboard, the copy is out of reach until the program takes
// over: Tab goes through the page's bar, never into the copy, typing
// changes nothing, and the focus stays where it was when the program
// draws its page.
func TestTheKeyboardCannotReachTheCopyAndKeepsItsFocusWhenTheProgramTakesOver(t *testing.T) {
	p := savedSample(t)
	before := browsertest.Eval[firstScreen](p, drawnFirstScreen)
	reloadHeld(t, p)
	p.WaitFor(`window.saysoPreview && saysoPreview.painted()`)
	for i := range 12 {
		p.Press(kb.Tab)
		assert.False(t, browsertest.Eval[bool](p, `document.getElementById("workspace").contains(document.activeElement)`), "Tab %d", i+1)
	}
	p.Press(kb.Tab, chromedp.ModifierShift)
	focused := browsertest.Eval[string](p, `document.activeElement.id || document.activeElement.textContent`)
	p.Press("c")
	p.Press(kb.Enter)
	p.Press(kb.Escape)
	assert.Equal(t, before, browsertest.Eval[firstScreen](p, drawnFirstScreen), "nothing typed changed the copy")

	browsertest.Eval[any](p, `__releaseProgram()`)
	p.WaitReady()
	assert.Equal(t, focused, browsertest.Eval[string](p, `document.activeElement.id || document.activeElement.textContent`),
		"the program's page keeps the focus where it was")
}
