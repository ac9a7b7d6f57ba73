//go:build !js

package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"

	"sayso/internal/bench/corpus"
	"sayso/internal/browsertest"
)

// TestLongDocumentKeepsTheSideListSmall opens a generated document with
// 2,000 annotations: the side list draws only the rows near its view,
// scrolling it draws the others, and moving the selection to the last
// annotation brings its row into view.
func TestLongDocumentKeepsTheSideListSmall(t *testing.T) {
	file, _ := writeGenerated(t, corpus.Spec{Name: "e2e", Bytes: 200 << 10, Annotations: 2000, Seed: 7})

	p := browsertest.Open(t, serveSite(t), "")
	p.Do(chromedp.SetUploadFiles("#open-file-start", []string{file}))
	p.WaitFor(`!document.getElementById("workspace").hidden`)
	assert.Contains(t, p.Text("#sidebar .summary"), "2000 annotations")
	rows := `document.querySelectorAll("#sidebar .vrow").length`
	drawn := browsertest.Eval[int](p, rows)
	assert.Greater(t, drawn, 5)
	assert.Less(t, drawn, 120, "only the rows near the view are in the page")
	assert.Greater(t, browsertest.Eval[int](p, `document.querySelector("#sidebar .vlist").offsetHeight`), 2000*30,
		"the list is as tall as all its rows, so the scroll bar is true")

	// Scroll the list to its end: its last rows are drawn there.
	browsertest.Eval[int](p, `(() => { const s = document.getElementById("sidebar"); s.scrollTop = s.scrollHeight; return 0; })()`)
	p.WaitFor(`Number(document.querySelector("#sidebar .vrows").dataset.first) > 1500`)
	lastRowBottom := `(() => { const r = document.querySelector("#sidebar .vrows").lastElementChild.getBoundingClientRect(), s = document.getElementById("sidebar").getBoundingClientRect(); return Math.round(r.bottom - s.bottom); })()`
	assert.InDelta(t, 0, browsertest.Eval[int](p, lastRowBottom), 40, "the list's last row is drawn at its end")
	assert.Less(t, browsertest.Eval[int](p, rows), 120)
	rowInView := `(() => { const r = document.querySelector("#sidebar .item.sel"), s = document.getElementById("sidebar");
		if (!r) return false;
		const a = r.getBoundingClientRect(), b = s.getBoundingClientRect();
		return a.top >= b.top - 1 && a.bottom <= b.bottom + 1; })()`

	// Back to the top; with nothing selected, k selects the last
	// annotation of the text, whose row is far down the list: the list
	// scrolls to it, and it is drawn, selected and in view.
	browsertest.Eval[int](p, `document.getElementById("sidebar").scrollTop = 0`)
	p.WaitFor(`document.querySelector("#sidebar .vrows").dataset.first === "0"`)
	p.Click(`#sidebar .item.l-speaker`)
	p.WaitFor(rowInView)
	p.Press("\u001b")
	p.Press("k")
	p.WaitFor(`document.querySelector("#inspector .id") !== null`)
	last := p.Text("#inspector .id")
	p.WaitFor(`document.querySelector("#sidebar .item.sel")?.dataset.id === ` + jsQuote(last))
	p.WaitFor(rowInView)
	assert.Greater(t, browsertest.Eval[int](p, `document.getElementById("sidebar").scrollTop`), 1000)
	assert.Less(t, browsertest.Eval[int](p, rows), 120)
}

// TestALongDocumentHandsTheBrowserOnlyTheHighlightsNearTheView opens a
// generated document with 2,000 annotations: every range is drawn
// (saysoHighlights.count), but the browser holds only those of the
// sections near the view (it rebuilds its markers for every range it
// holds after any change to the page, so holding all made each add cost
// O(annotations)); scrolled to the end, the highlights there are held.
func TestALongDocumentHandsTheBrowserOnlyTheHighlightsNearTheView(t *testing.T) {
	file, _ := writeGenerated(t, corpus.Spec{Name: "e2e", Bytes: 200 << 10, Annotations: 2000, Seed: 7})

	p := browsertest.Open(t, serveSite(t), "")
	p.Do(chromedp.SetUploadFiles("#open-file-start", []string{file}))
	p.WaitFor(`!document.getElementById("workspace").hidden`)
	drawn := `["claim", "claim-favor", "claim-against", "claim-neutral", "claim-unclear", "speaker", "cue"].reduce((n, s) => n + saysoHighlights.count(s), 0)`
	p.WaitFor(drawn + ` >= 2000`)
	p.WaitFor(`saysoHighlights.registered() > 0 && saysoHighlights.registered() < 400`)
	heldInView := highlightInView(`name !== "sayso-sel" && name !== "sayso-rel"`)
	p.WaitFor(heldInView)

	browsertest.Eval[int](p, `(() => { window.scrollTo(0, document.body.scrollHeight); return 0; })()`)
	p.WaitFor(heldInView)
	assert.Less(t, browsertest.Eval[int](p, `saysoHighlights.registered()`), 400)
	assert.GreaterOrEqual(t, browsertest.Eval[int](p, drawn), 2000, "every range is still drawn")
}

// highlightInView is a script that says whether a range of a CSS
// highlight whose name passes the JavaScript condition cond (on name) is
// in the view.
func highlightInView(cond string) string {
	return `(() => {
		for (const [name, h] of CSS.highlights) {
			if (!(` + cond + `)) continue;
			for (const s of h) {
				const r = new Range();
				r.setStart(s.startContainer, s.startOffset);
				r.setEnd(s.endContainer, s.endOffset);
				const b = r.getBoundingClientRect();
				if (b.height > 0 && b.bottom > 0 && b.top < innerHeight) return true;
			}
		}
		return false;
	})()`
}
