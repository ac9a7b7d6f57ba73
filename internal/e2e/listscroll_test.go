//go:build !js

package e2e

import (
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"

	"sayso/internal/app"
	"sayso/internal/bench/corpus"
	"sayso/internal/browsertest"
)

// TestScrollingTheSideListKeepsTheRowsStillInView scrolls the side list
// of a long document a few rows at a time: the rows still in view after
// each scroll are the same elements as before it (patched in place, not
// drawn again), and the rows drawn are those of the new place. A scroll
// by no more than half the extra rows drawn on either side draws nothing
// (the rows drawn still cover the view); the next one draws for both.
func TestScrollingTheSideListKeepsTheRowsStillInView(t *testing.T) {
	file, _ := writeGenerated(t, corpus.Spec{Name: "e2e", Bytes: 100 << 10, Annotations: 800, Seed: 5})

	p := browsertest.Open(t, serveSite(t), "")
	p.Do(chromedp.SetUploadFiles("#open-file-start", []string{file}))
	p.WaitFor(`!document.getElementById("workspace").hidden && document.querySelector("#sidebar .vrows") !== null`)
	// Start some way down, where every scroll moves the drawn rows.
	browsertest.Eval[int](p, `(() => { document.getElementById("sidebar").scrollTop = 40 * 32; return 0; })()`)
	p.WaitFor(`Number(document.querySelector("#sidebar .vrows").dataset.first) > 20`)
	expected := browsertest.Eval[int](p, `Number(document.querySelector("#sidebar .vrows").dataset.first)`)
	pending := 0
	for _, step := range []struct {
		rows   int
		redraw bool
	}{{4, true}, {10, true}, {app.ListOverscan / 2, false}, {1, true}} {
		// Mark every drawn row, then scroll down by step.rows rows.
		browsertest.Eval[int](p, `(() => {
			for (const r of document.querySelectorAll("#sidebar .vrow")) r.sayso_seen = true; // a property, not an attribute: a patch keeps it only on the same element
			return 0;
		})()`)
		browsertest.Eval[int](p, `(() => { const s = document.getElementById("sidebar"); s.scrollTop += `+strconv.Itoa(step.rows*32)+`; return 0; })()`)
		pending += step.rows
		moved := 0
		if step.redraw {
			expected += pending
			moved, pending = pending, 0
			p.WaitFor(`Number(document.querySelector("#sidebar .vrows").dataset.first) === ` + strconv.Itoa(expected))
		} else {
			// Three frames: the scroll was seen and its redraw, if any, made.
			browsertest.Eval[int](p, `(() => { window.sayso_frames = 0; const f = () => { if (++window.sayso_frames < 3) requestAnimationFrame(f); }; requestAnimationFrame(f); return 0; })()`)
			p.WaitFor(`window.sayso_frames >= 3`)
			assert.Equal(t, expected, browsertest.Eval[int](p, `Number(document.querySelector("#sidebar .vrows").dataset.first)`), "scrolled by %d rows: nothing drawn", step.rows)
			covered := browsertest.Eval[bool](p, `(() => {
				const s = document.getElementById("sidebar"), rows = [...document.querySelectorAll("#sidebar .vrow")];
				const top = s.getBoundingClientRect().top, bottom = top + s.clientHeight;
				return rows[0].getBoundingClientRect().top <= Math.max(top, rows[0].parentElement.getBoundingClientRect().top) &&
					rows[rows.length - 1].getBoundingClientRect().bottom >= bottom;
			})()`)
			assert.True(t, covered, "scrolled by %d rows: the rows drawn cover the view", step.rows)
		}
		kept := browsertest.Eval[int](p, `[...document.querySelectorAll("#sidebar .vrow")].filter((r) => r.sayso_seen).length`)
		drawn := browsertest.Eval[int](p, `document.querySelectorAll("#sidebar .vrow").length`)
		assert.Equal(t, drawn-moved, kept, "scrolled by %d rows: all but the %d new rows were kept", step.rows, moved)
		posinset := browsertest.Eval[int](p, `Number(document.querySelector("#sidebar .vrow").getAttribute("aria-posinset"))`)
		assert.Equal(t, expected+1, posinset, "the first drawn row is the drawn place's")
	}
}
