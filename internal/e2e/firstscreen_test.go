//go:build !js

package e2e

import (
	"context"
	"slices"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/bench/corpus"
	"sayso/internal/browsertest"
)

// holdIdleCallbacks keeps the page's idle callbacks in window.heldIdle
// instead of running them, so that a test sees the page as it is before
// any idle time; runHeldIdle runs them (and those they ask for), once.
const (
	holdIdleCallbacks = `(() => { window.heldIdle = []; window.requestIdleCallback = (f) => window.heldIdle.push(f); return 0; })()`
	runHeldIdle       = `(() => { const now = window.heldIdle.splice(0); for (const f of now) f({ timeRemaining: () => 50, didTimeout: false }); return window.heldIdle.length; })()`
	drawnParagraphs   = `document.querySelectorAll("#doc p").length`
	drawnParaTexts    = `Array.from(document.querySelectorAll("#doc p"), (p) => p.textContent)`
	drawnRanges       = `["claim", "claim-favor", "claim-against", "claim-neutral", "claim-unclear", "speaker", "cue"].reduce((n, s) => n + saysoHighlights.count(s), 0)`
)

// openHeld opens a generated long document with the page's idle time held
// and returns the page and the document.
func openHeld(t *testing.T) (*browsertest.Page, *corpus.Corpus) {
	t.Helper()
	file, c := writeGenerated(t, corpus.Spec{Name: "long", Bytes: 600 << 10, Annotations: 3000, Seed: 11})
	p := browsertest.Open(t, serveSite(t), "")
	browsertest.Eval[int](p, holdIdleCallbacks)
	p.Do(chromedp.SetUploadFiles("#open-file-start", []string{file}))
	p.WaitFor(`!document.getElementById("workspace").hidden`)
	return p, c
}

// TestALongDocumentIsDrawnFirstScreenFirstAndWholeWhenIdle opens a
// 600 KB document with 3,000 annotations: before any idle time only its
// first sections and their highlights are in the page; idle time appends
// the rest in order, until the page holds the whole text and every
// annotation's ranges.
func TestALongDocumentIsDrawnFirstScreenFirstAndWholeWhenIdle(t *testing.T) {
	p, c := openHeld(t)
	first := browsertest.Eval[int](p, drawnParagraphs)
	assert.Positive(t, first)
	assert.Less(t, first, len(c.Paragraphs)/5, "only the first screen's sections are drawn before idle time")
	assert.True(t, slices.Equal(c.Paragraphs[:first], browsertest.Eval[[]string](p, drawnParaTexts)), "the first paragraphs, whole and in order")
	firstRanges := browsertest.Eval[int](p, drawnRanges)
	assert.Positive(t, firstRanges, "the first screen has its highlights")
	assert.Less(t, firstRanges, 3000/5)
	assert.Equal(t, 0, browsertest.Eval[int](p, `performance.getEntriesByName("sayso:document-drawn").length`))

	stretches := 0
	for browsertest.Eval[int](p, drawnParagraphs) < len(c.Paragraphs) {
		stretches++
		require.Less(t, stretches, 50, "idle time draws the rest")
		browsertest.Eval[int](p, runHeldIdle)
	}
	assert.Greater(t, stretches, 1, "the rest comes in stretches, one per idle callback")
	assert.True(t, slices.Equal(c.Paragraphs, browsertest.Eval[[]string](p, drawnParaTexts)), "the whole text, each paragraph once, in order")
	assert.GreaterOrEqual(t, browsertest.Eval[int](p, drawnRanges), 3000, "every annotation is drawn")
	assert.Equal(t, 1, browsertest.Eval[int](p, `performance.getEntriesByName("sayso:document-drawn").length`))
}

// TestAnActionOnAHalfDrawnDocumentDrawsTheRestFirst: with the long
// document's rest not drawn yet, the first action draws it whole, and k
// (the last annotation of the text) scrolls to it, selected.
func TestAnActionOnAHalfDrawnDocumentDrawsTheRestFirst(t *testing.T) {
	p, c := openHeld(t)
	require.Less(t, browsertest.Eval[int](p, drawnParagraphs), len(c.Paragraphs))

	p.Click(`#sidebar .item.l-speaker`)
	assert.Equal(t, len(c.Paragraphs), browsertest.Eval[int](p, drawnParagraphs), "the action drew the rest, without idle time")
	assert.True(t, slices.Equal(c.Paragraphs, browsertest.Eval[[]string](p, drawnParaTexts)), "each paragraph once, in order")
	p.Press("\u001b")
	p.Press("k")
	p.WaitFor(`document.querySelector("#inspector .id") !== null`)
	p.WaitFor(highlightInView(`name === "sayso-sel"`))
	assert.Greater(t, browsertest.Eval[int](p, `Math.round(window.scrollY)`), 10000, "scrolled far down, to the text's last annotation")
}

// TestPrintingAHalfDrawnDocumentPrintsItWhole: printing (which no action
// of the app starts: the browser's own Print does) draws what is left of
// a long document first.
func TestPrintingAHalfDrawnDocumentPrintsItWhole(t *testing.T) {
	p, c := openHeld(t)
	require.Less(t, browsertest.Eval[int](p, drawnParagraphs), len(c.Paragraphs))
	p.Do(chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, page.PrintToPDF, page.PrintToPDFParams{}) // fires beforeprint, as printing does
		return err
	}))
	assert.Equal(t, len(c.Paragraphs), browsertest.Eval[int](p, drawnParagraphs), "the whole article is in the page")
	assert.True(t, slices.Equal(c.Paragraphs, browsertest.Eval[[]string](p, drawnParaTexts)), "each paragraph once, in order")
}

// TestAddingAClaimOnAHalfDrawnDocumentLeavesTheRestToIdleTime: with the
// long document's rest not drawn yet, tagging words of its first screen
// as a claim draws the claim and nothing more of the text (drawing the
// rest made the first add after opening 5 MB cost hundreds of
// milliseconds); idle time then draws the rest, and the page ends with
// the same highlights as the same document drawn whole, plus the claim.
func TestAddingAClaimOnAHalfDrawnDocumentLeavesTheRestToIdleTime(t *testing.T) {
	ref, c := openHeld(t)
	drainIdle(t, ref)
	require.Equal(t, len(c.Paragraphs), browsertest.Eval[int](ref, drawnParagraphs))
	whole := browsertest.Eval[int](ref, drawnRanges)

	p, _ := openHeld(t)
	first := browsertest.Eval[int](p, drawnParagraphs)
	require.Less(t, first, len(c.Paragraphs))
	claims := `saysoHighlights.count("claim")`
	before := browsertest.Eval[int](p, claims)

	p.SelectText(string([]rune(c.Paragraphs[1])[:30]), 0)
	p.Press("c")
	p.WaitFor(`document.querySelector("#inspector .insp-head.l-claim") !== null`)
	assert.Equal(t, before+1, browsertest.Eval[int](p, claims), "the new claim is drawn")
	assert.Positive(t, browsertest.Eval[int](p, `saysoHighlights.count("sel")`), "and selected")
	assert.Equal(t, first, browsertest.Eval[int](p, drawnParagraphs), "the add drew nothing more of the text")

	drainIdle(t, p)
	assert.True(t, slices.Equal(c.Paragraphs, browsertest.Eval[[]string](p, drawnParaTexts)), "idle time drew the rest, each paragraph once, in order")
	assert.Equal(t, whole+1, browsertest.Eval[int](p, drawnRanges), "every annotation drawn once, and the claim")
}

// drainIdle runs the page's held idle callbacks, and those they ask for,
// until none is left.
func drainIdle(t *testing.T, p *browsertest.Page) {
	t.Helper()
	for i := 0; browsertest.Eval[int](p, runHeldIdle) > 0; i++ {
		require.Less(t, i, 100, "idle time comes to an end")
	}
}
