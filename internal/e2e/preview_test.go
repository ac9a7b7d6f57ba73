//go:build !js

package e2e

import (
	"context"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
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

// reloadHeld reloads p with the program held back (holdProgram).
func reloadHeld(t *testing.T, p *browsertest.Page) {
	t.Helper()
	p.Do(chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: holdProgram})
		return err
	}))
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

	reloadHeld(t, p)
	p.WaitFor(`window.saysoPreview && saysoPreview.painted()`)
	assert.Equal(t, before, browsertest.Eval[firstScreen](p, drawnFirstScreen), "the copy shows what the program drew")
	assert.Empty(t, browsertest.Eval[string](p, `document.body.dataset.ready || ""`), "the program has not started")
	assert.True(t, browsertest.Eval[bool](p, `document.getElementById("workspace").inert`), "nothing in the copy can be focused or changed")
	assert.Equal(t, "true", browsertest.Eval[string](p, `document.getElementById("workspace").getAttribute("aria-busy")`))
	assert.False(t, p.Visible("#loading"))

	browsertest.Eval[any](p, `__releaseProgram()`)
	p.WaitReady()
	assert.False(t, browsertest.Eval[bool](p, `saysoPreview.painted()`), "the program's page replaced the copy")
	assert.False(t, browsertest.Eval[bool](p, `document.getElementById("workspace").inert`))
	assert.False(t, browsertest.Eval[bool](p, `document.getElementById("workspace").hasAttribute("aria-busy")`))
	assert.Equal(t, before, browsertest.Eval[firstScreen](p, drawnFirstScreen), "the program draws the same, and the copy's highlights are gone")

	// The program is live: a new claim is taken and saved.
	p.SelectText("half of his customers arrive by car", 0)
	p.Press("c")
	p.WaitFor(shownAnnotations + ` === 5`)
}

// The copy is shown only when it is of the work the program will restore:
// the document shown last, saved with the last batch storage holds.
func TestACopyThatIsNotOfTheStoredWorkIsNotShown(t *testing.T) {
	tests := []struct {
		name, tamper string
	}{
		{"another document shown last", `localStorage.setItem("sayso:shown", "another document")`},
		{"kept by an older save", `new Promise((r, fail) => { const q = indexedDB.open("sayso"); q.onsuccess = () => {
			const tx = q.result.transaction("kv", "readwrite"), st = tx.objectStore("kv"), g = st.get("screen-seq");
			g.onsuccess = () => st.put(String(Number(g.result) - 1), "screen-seq");
			tx.oncomplete = () => { q.result.close(); r(true); }; tx.onerror = () => fail(tx.error); }; })`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := savedSample(t)
			before := browsertest.Eval[firstScreen](p, drawnFirstScreen)
			// Leaving keeps the copy; the page loaded then, held
			// before the program runs, changes what storage holds, as
			// a later save of a page that crashed would.
			reloadHeld(t, p)
			p.WaitFor(`window.saysoPreview && saysoPreview.painted()`)
			browsertest.EvalAwait[any](p, `Promise.resolve(`+tc.tamper+`)`)
			p.Do(chromedp.Reload())
			// The copy was read and judged.
			p.WaitFor(`performance.getEntriesByName("sayso:preview-read").length > 0 && document.readyState !== "loading"`)
			browsertest.EvalAwait[bool](p, `saysoPreview.settled(5000).then(() => true)`)
			assert.False(t, browsertest.Eval[bool](p, `saysoPreview.painted()`))
			assert.True(t, browsertest.Eval[bool](p, `document.getElementById("workspace").hidden`), "the page waits for the program, as before")
			browsertest.Eval[any](p, `__releaseProgram()`)
			p.WaitReady()
			assert.Equal(t, before, browsertest.Eval[firstScreen](p, drawnFirstScreen), "the program restores the work")
		})
	}
}

// Opening the page in a browser that has no saved work does not create
// the database (the program creates it, with its store).
func TestThePreviewDoesNotCreateTheDatabase(t *testing.T) {
	p := &browsertest.Page{T: t, Ctx: browsertest.New(t)}
	p.Do(chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: holdProgram})
		return err
	}))
	p.Do(chromedp.Navigate(serveSite(t)))
	p.WaitFor(`window.saysoPreview && document.readyState !== "loading"`)
	browsertest.EvalAwait[bool](p, `saysoPreview.settled(5000).then(() => true)`)
	names := browsertest.EvalAwait[[]string](p, `indexedDB.databases().then((ds) => ds.map((d) => d.name))`)
	assert.NotContains(t, names, "sayso")
	assert.False(t, browsertest.Eval[bool](p, `saysoPreview.painted()`))
	browsertest.Eval[any](p, `__releaseProgram()`)
	p.WaitReady()
	assert.True(t, p.Visible("#start"), "the start screen, as in any new browser")
}
