//go:build !js

package e2e

import (
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"

	"sayso/internal/bench/corpus"
	"sayso/internal/browsertest"
)

// TestScrollingTheSideListKeepsTheRowsStillInView scrolls the side list
// of a long document a few rows at a time: the rows still in view after
// each scroll are the same elements as before it (patched in place, not
// drawn again), and the rows drawn are those of the new place.
func TestScrollingTheSideListKeepsTheRowsStillInView(t *testing.T) {
	file, _ := writeGenerated(t, corpus.Spec{Name: "e2e", Bytes: 100 << 10, Annotations: 800, Seed: 5})

	p := browsertest.Open(t, serveSite(t), "")
	p.Do(chromedp.SetUploadFiles("#open-file-start", []string{file}))
	p.WaitFor(`!document.getElementById("workspace").hidden && document.querySelector("#sidebar .vrows") !== null`)
	// Start some way down, where every scroll moves the drawn rows.
	browsertest.Eval[int](p, `(() => { document.getElementById("sidebar").scrollTop = 40 * 32; return 0; })()`)
	p.WaitFor(`Number(document.querySelector("#sidebar .vrows").dataset.first) > 20`)
	for _, rows := range []int{3, 10, 1} {
		// Mark every drawn row, then scroll down by rows rows.
		first := browsertest.Eval[int](p, `(() => {
			for (const r of document.querySelectorAll("#sidebar .vrow")) r.sayso_seen = true; // a property, not an attribute: a patch keeps it only on the same element
			return Number(document.querySelector("#sidebar .vrows").dataset.first);
		})()`)
		browsertest.Eval[int](p, `(() => { const s = document.getElementById("sidebar"); s.scrollTop += `+strconv.Itoa(rows*32)+`; return 0; })()`)
		p.WaitFor(`Number(document.querySelector("#sidebar .vrows").dataset.first) === ` + strconv.Itoa(first+rows))
		kept := browsertest.Eval[int](p, `[...document.querySelectorAll("#sidebar .vrow")].filter((r) => r.sayso_seen).length`)
		drawn := browsertest.Eval[int](p, `document.querySelectorAll("#sidebar .vrow").length`)
		assert.Equal(t, drawn-rows, kept, "scrolled by %d rows: all but the %d new rows were kept", rows, rows)
		posinset := browsertest.Eval[int](p, `Number(document.querySelector("#sidebar .vrow").getAttribute("aria-posinset"))`)
		assert.Equal(t, first+rows+1, posinset, "the first drawn row is the new place's")
	}
}
