//go:build !js

package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/app"
	"sayso/internal/browsertest"
	"sayso/internal/wording"
)

const (
	suggestionCount   = `document.querySelectorAll("#sidebar .sg").length`
	currentSuggestion = `document.querySelector("#sidebar .sg.cur .qt").textContent`
)

// suggestAll runs Suggest on st's document to the end, as the page does in
// slices, and returns the suggestions found: what the browser must show.
func suggestAll(st *app.State) []app.Suggested {
	for effects := app.Update(st, app.Suggest{}); len(effects) > 0; {
		effects = app.Update(st, app.SuggestMore{})
	}
	list, _ := st.Suggestions()
	return list
}

// longArticle is the reference article repeated, a blank line after each
// copy, to at least size bytes.
func longArticle(t *testing.T, size int) string {
	t.Helper()
	article, err := os.ReadFile(browsertest.CorpusFile(t, "articles/xi-trump-summit.txt"))
	require.NoError(t, err)
	return strings.Repeat(string(article)+"\n\n", size/len(article)+1)
}

// pasteAtOnce pastes body from the start screen as pasteArticle does, but
// puts the text in the field at once, as a paste does, and says so with an
// input event: a long article typed key by key takes minutes.
func pasteAtOnce(p *browsertest.Page, title, body string) {
	p.T.Helper()
	paste(p, title, func() {
		browsertest.Eval[bool](p, `(() => { const a = document.getElementById("paste-text"); a.value = `+jsQuote(body)+`; a.dispatchEvent(new Event("input", {bubbles: true})); return true; })()`)
	})
}

// TestSuggestAcceptRejectUndoExportAndReload drives Suggest on the
// reference article with the keys and buttons a person uses, and checks
// what the export holds and what a reload remembers. The same steps run
// natively on the app logic give the expectations, so that a better
// finder does not break the test.
func TestSuggestAcceptRejectUndoExportAndReload(t *testing.T) {
	article, err := os.ReadFile(browsertest.CorpusFile(t, "articles/xi-trump-summit.txt"))
	require.NoError(t, err)
	native := app.NewState(time.Now)
	app.Update(native, app.Paste{Title: "Xi–Trump Summit", Text: string(article)})
	shown := func() int { list, _ := native.Suggestions(); return len(list) }
	list := suggestAll(native)
	require.GreaterOrEqual(t, len(list), 5, "the finder finds the reference article's attributions")
	quote := func(s app.Suggested) string { return wording.Clip(app.SuggestionQuote(native, s), 120) }
	waitCounts := func(p *browsertest.Page) {
		p.T.Helper()
		annotations := sidebarCount + " === 0" // the list draws only its visible rows: count with the summary
		if n := native.Store.Len(); n > 0 {
			annotations = `document.querySelector("#sidebar .summary").textContent.startsWith(` + jsQuote(wording.Count(n, "annotation")+",") + `)`
		}
		p.WaitFor(fmt.Sprintf(`%s === %d && %s`, suggestionCount, shown(), annotations))
	}

	p := browsertest.Open(t, serveSite(t), t.TempDir())
	pasteArticle(p, "Xi–Trump Summit", string(article))

	// g suggests: dashed highlights and their own group in the side list,
	// no annotation yet.
	p.Press("g")
	waitCounts(p)
	assert.GreaterOrEqual(t, browsertest.Eval[int](p, `saysoHighlights.count("sg-claim")`), len(list))
	assert.Equal(t, 1, browsertest.Eval[int](p, `saysoHighlights.count("sg-cur")`))
	assert.Equal(t, 0, browsertest.Eval[int](p, sidebarCount), "suggestions are not annotations")
	assert.Equal(t, 0, browsertest.Eval[int](p, `saysoHighlights.count("claim")`))
	assert.Contains(t, p.Text("#sidebar .suggestions h3"), wording.Count(len(list), "suggestion")+", not annotations yet")
	browsertest.Screenshot(t, p.Ctx, "suggestions-reference-article")

	// a accepts the current one: a claim linked to its cue and speaker.
	assert.Equal(t, quote(list[0]), browsertest.Eval[string](p, currentSuggestion))
	p.Press("a")
	app.Update(native, app.AcceptSuggestion{})
	waitCounts(p)
	assert.Greater(t, browsertest.Eval[int](p, sidebarCount), 1, "a claim with its cue (and speaker)")

	// x rejects the next one.
	rejected := app.SuggestionQuote(native, list[1])
	assert.Equal(t, quote(list[1]), browsertest.Eval[string](p, currentSuggestion))
	p.Press("x")
	app.Update(native, app.RejectSuggestion{})
	waitCounts(p)

	// n skips one; Enter accepts the one after.
	p.Press("n")
	app.Update(native, app.NextSuggestion{Delta: 1})
	p.WaitFor(currentSuggestion + ` === ` + jsQuote(quote(list[3])))
	said := p.Text("#announce")
	assert.True(t, strings.HasPrefix(said, "Suggestion "), "n says which suggestion is current: %q", said)
	words := []rune(quote(list[3]))
	assert.Contains(t, said, string(words[:min(40, len(words))]), "and reads it")
	p.Press("\r")
	app.Update(native, app.AcceptSuggestion{})
	waitCounts(p)
	accepted := native.Store.Len()

	// Accept all, then one undo takes all of it back.
	p.Click(`#sidebar [data-action="suggest-accept-all"]`)
	app.Update(native, app.AcceptAllSuggestions{})
	waitCounts(p)
	assert.Equal(t, 0, shown())
	assert.Greater(t, native.Store.Len(), accepted)
	p.Press("z", chromedp.ModifierCtrl)
	app.Update(native, app.Undo{})
	waitCounts(p)
	require.Equal(t, accepted, native.Store.Len(), "one undo takes accept all back")

	// The export holds the accepted claims, their cues and speakers, and
	// nothing of the suggestions.
	p.Click("#export")
	var e exported
	require.NoError(t, json.Unmarshal(p.WaitDownload("Xi–Trump Summit.sayso.json"), &e))
	text := []rune(e.Documents[0].Text)
	var got, want []string
	for _, a := range e.Annotations {
		for _, f := range a.Fragments { // a quote broken by "said …" has two
			assert.Contains(t, a.Quote, string(text[f.Start:f.End]))
		}
		assert.NotEqual(t, rejected, a.Quote, "the rejected suggestion is not exported")
		got = append(got, a.Label+": "+a.Quote)
	}
	for _, a := range native.Store.Annotations(native.Doc) {
		want = append(want, a.Label+": "+a.Quote)
	}
	assert.ElementsMatch(t, want, got)
	claims := 0
	for _, a := range e.Annotations {
		if a.Label == "claim" {
			claims++
		}
	}
	assert.Equal(t, 2, claims, "the two accepted, not the suggestions")
	var names, wantNames []string
	for _, s := range e.Speakers {
		names = append(names, s.Name)
	}
	for _, s := range native.Store.Speakers() {
		wantNames = append(wantNames, s.Name)
	}
	assert.ElementsMatch(t, wantNames, names)

	// Reload: the work is back; Suggest again offers neither the accepted
	// nor the rejected ones.
	p.WaitFor(`document.getElementById("save-status").textContent.startsWith("Saved")`)
	p.Do(chromedp.Reload())
	p.WaitReady()
	p.WaitFor(`document.querySelector("#sidebar .summary") !== null && document.querySelector("#sidebar .summary").textContent.startsWith(` + jsQuote(wording.Count(accepted, "annotation")+",") + `)`)
	p.Click(`#tools [data-action="suggest"]`)
	suggestAll(native)
	waitCounts(p)
	require.Equal(t, len(list)-3, shown(), "neither the two accepted nor the rejected one")
	assert.NotContains(t, p.Text("#sidebar .suggestions"), quote(list[1]), "a rejection survives the reload")
}

// TestAnExerciseWithoutSuggestGivesTheStudentNone: the teacher turns
// Suggest off; the student's offline page has no Suggest button, and the
// key does nothing.
func TestAnExerciseWithoutSuggestGivesTheStudentNone(t *testing.T) {
	teacher := browsertest.Open(t, serveSite(t), "")
	teacher.Click(`[data-action="sample"]`)
	teacher.WaitFor(`document.querySelector('#tools [data-action="suggest"]') !== null`)
	teacher.Click("#setup-button")
	teacher.Click(`#setup-menu [data-action="exercise"]`)
	teacher.WaitFor(`!document.getElementById("exercise").hidden`)
	typeInto(teacher, `#exercise [data-field="exercise-title"]`, "Week 3: who said it?")
	teacher.Click(`#exercise [data-field="exercise-suggest"]`)
	teacher.WaitFor(`!document.querySelector('#exercise [data-field="exercise-suggest"]').checked`)
	teacher.Click(`[data-action="exercise-page"]`)
	page := teacher.WaitDownload(exPage)
	assert.Contains(t, string(page), `"suggest": false`, "the page carries the setting")

	pagePath := filepath.Join(t.TempDir(), exPage)
	require.NoError(t, os.WriteFile(pagePath, page, 0o644))
	p := browsertest.Open(t, "file://"+filepath.ToSlash(pagePath), filepath.Join(t.TempDir(), "profile"))
	p.WaitFor(`!document.getElementById("name-dialog").hidden`)
	p.Click("#student-name")
	p.Type("Ana")
	p.Press("\r")
	// The dialog closes and gives the focus back to the page, so the next
	// key is a shortcut, not typing in the hidden name field.
	p.WaitFor(`document.getElementById("name-dialog").hidden && !document.getElementById("name-dialog").contains(document.activeElement)`)
	assert.Equal(t, 0, browsertest.Eval[int](p, `document.querySelectorAll('[data-action="suggest"]').length`), "no Suggest button")
	p.Press("?")
	p.WaitFor(`!document.getElementById("help").hidden`)
	assert.Contains(t, p.Text("#help"), "undo")
	assert.NotContains(t, p.Text("#help"), "suggest", "no Suggest key in the help")
	p.Press("\u001b")
	p.Press("g")
	p.SelectText("Tomas Reyes", 0)
	p.Press("s")
	p.WaitFor(sidebarCount + ` === 1`)
	assert.Equal(t, 0, browsertest.Eval[int](p, suggestionCount), "g found nothing for the student")
	assert.Equal(t, 0, browsertest.Eval[int](p, `saysoHighlights.count("sg-claim")`))
	assert.False(t, strings.Contains(p.Text("#sidebar"), "Suggestions"))
}

// TestSuggestOnALongArticleLeavesTheKeysWorking presses g on an article
// of about 2 MB and, once the side list shows the search under way (1 to
// 69 %), ? for the keyboard help: the help opens while the suggestions
// are still being found (Suggest works in idle slices, so the key does not
// wait for the whole search), and the search then finishes with what the
// finder finds at once.
func TestSuggestOnALongArticleLeavesTheKeysWorking(t *testing.T) {
	// About 2 MB: the search takes long enough in the page (slices fill
	// the browser's idle time) for the test to see it under way.
	body := longArticle(t, 2<<20)
	native := app.NewState(time.Now)
	app.Update(native, app.Paste{Title: "Long", Text: body})
	list := suggestAll(native)

	p := browsertest.Open(t, serveSite(t), t.TempDir())
	pasteAtOnce(p, "Long", body)
	// Note, the moment the help dialog opens, whether the side list still
	// says the suggestions are being found.
	browsertest.Eval[bool](p, `(() => {
		window.__helpWhileFinding = null;
		const help = document.getElementById("help");
		new MutationObserver(() => {
			if (window.__helpWhileFinding === null && !help.hidden) {
				const hint = document.querySelector("#sidebar .suggestions .hint");
				window.__helpWhileFinding = !!hint && hint.textContent.startsWith("Finding suggestions");
			}
		}).observe(help, {attributes: true, attributeFilter: ["hidden"]});
		return true;
	})()`)
	p.Press("g")
	// Once the search is under way (not only the word lists built), ?.
	p.WaitFor(`/Finding suggestions… ([1-9]|[1-6][0-9]) %/.test((document.querySelector("#sidebar .suggestions .hint") || {}).textContent || "")`)
	p.Press("?")
	p.WaitFor(`window.__helpWhileFinding !== null`)
	assert.True(t, browsertest.Eval[bool](p, `window.__helpWhileFinding`), "the help opened while Suggest was still working")
	p.Press("\u001b")
	p.WaitFor(`document.getElementById("help").hidden`)
	p.WaitFor(`!!document.querySelector("#sidebar .suggestions .count")`)
	assert.Contains(t, p.Text("#sidebar .suggestions h3"), wording.Count(len(list), "suggestion")+", not annotations yet", "the same suggestions as one run natively")
}

// TestSuggestIsReadiedWhileThePageIsIdle opens the app and leaves it on
// the start screen: Suggest is readied at idle time (the page marks the
// end of it, sayso:suggest-warmed) with nothing redrawn and the focus
// where it was; the reference article pasted and g pressed then give the
// suggestions one run natively gives.
func TestSuggestIsReadiedWhileThePageIsIdle(t *testing.T) {
	article, err := os.ReadFile(browsertest.CorpusFile(t, "articles/xi-trump-summit.txt"))
	require.NoError(t, err)
	native := app.NewState(time.Now)
	app.Update(native, app.Paste{Title: "Xi–Trump Summit", Text: string(article)})
	list := suggestAll(native)
	require.NotEmpty(t, list)

	p := browsertest.Open(t, serveSite(t), t.TempDir())
	require.True(t, p.Visible("#start"))
	p.Click("#paste-title")
	start := browsertest.Eval[string](p, `document.getElementById("start").innerHTML`)
	p.WaitFor(`performance.getEntriesByName("sayso:suggest-warmed").length === 1`)
	assert.Positive(t, browsertest.Eval[int](p, `performance.getEntriesByName("sayso:suggest-warm").length`), "warmed in steps")
	assert.Equal(t, "paste-title", browsertest.Eval[string](p, `document.activeElement.id`), "the focus stays")
	assert.Equal(t, start, browsertest.Eval[string](p, `document.getElementById("start").innerHTML`), "nothing redrawn")
	assert.True(t, p.Visible("#start"))

	p.Type("Xi–Trump Summit")
	p.Click("#paste-text")
	p.Type(string(article))
	p.Click(`[data-action="paste"]`)
	p.WaitFor(`!document.getElementById("workspace").hidden`)
	p.Press("g")
	p.WaitFor(`!!document.querySelector("#sidebar .suggestions .count")`)
	assert.Contains(t, p.Text("#sidebar .suggestions h3"), wording.Count(len(list), "suggestion")+", not annotations yet")
	assert.Equal(t, wording.Clip(app.SuggestionQuote(native, list[0]), 120), browsertest.Eval[string](p, currentSuggestion), "the first suggestion is current")
}

// TestSuggestionsFarFromTheViewAreDrawnWhenScrolledTo runs Suggest on a
// long article (about 200 KB, over 600 suggestions): every
// suggestion's ranges are drawn (saysoHighlights.count, once the page
// marks the drawing done: those away from the view follow in idle time),
// but those far from the view are neither made into ranges nor handed to
// the browser until their part of the article nears the view; scrolled
// to the last suggestion, its claim is drawn there.
func TestSuggestionsFarFromTheViewAreDrawnWhenScrolledTo(t *testing.T) {
	body := longArticle(t, 200<<10)
	native := app.NewState(time.Now)
	app.Update(native, app.Paste{Title: "Long", Text: body})
	list := suggestAll(native)
	require.Greater(t, len(list), 500)
	claimStyle := -1
	for i, s := range strings.Fields(app.HighlightStyles()) {
		if s == "sg-claim" {
			claimStyle = i
		}
	}
	require.GreaterOrEqual(t, claimStyle, 0)
	_, packed := app.SuggestionRanges(native)
	claimRanges := 0
	for i := 0; i+4 < len(packed); i += 5 {
		if int(packed[i+1]) == claimStyle {
			claimRanges++
		}
	}
	last := list[len(list)-1].Claim[0].Start

	p := browsertest.Open(t, serveSite(t), t.TempDir())
	pasteAtOnce(p, "Long", body)
	p.Press("g")
	p.WaitFor(`!!document.querySelector("#sidebar .suggestions .count")`)
	assert.Contains(t, p.Text("#sidebar .suggestions h3"), wording.Count(len(list), "suggestion")+", not annotations yet")
	p.WaitFor(`performance.getEntriesByName("sayso:suggest-drawn").length > 0`)
	assert.Equal(t, claimRanges, browsertest.Eval[int](p, `saysoHighlights.count("sg-claim")`), "every suggestion's claim is drawn once the page says so")

	// heldAt: the browser holds a suggested claim's range in the
	// paragraph with code point at, inside the view.
	heldAt := func(at int) string {
		return fmt.Sprintf(`(() => {
			const ps = [...document.querySelectorAll("#doc p[data-o]")].filter(p => Number(p.dataset.o) <= %d);
			const para = ps[ps.length - 1];
			for (const s of CSS.highlights.get("sayso-sg-claim") || []) {
				if (s.startContainer.parentElement !== para) continue;
				const r = new Range();
				r.setStart(s.startContainer, s.startOffset);
				r.setEnd(s.endContainer, s.endOffset);
				const b = r.getBoundingClientRect();
				if (b.height > 0 && b.bottom > 0 && b.top < innerHeight) return true;
			}
			return false;
		})()`, at)
	}
	p.WaitFor(heldAt(list[0].Claim[0].Start))
	assert.False(t, browsertest.Eval[bool](p, heldAt(last)), "the last one is far from the view")
	held := `saysoHighlights.registered()`
	assert.Less(t, browsertest.Eval[int](p, held), claimRanges/4, "the browser holds only what is near the view")

	// Scroll the last suggestion's paragraph into the middle of the view.
	browsertest.Eval[int](p, fmt.Sprintf(`(() => {
		const ps = [...document.querySelectorAll("#doc p[data-o]")].filter(p => Number(p.dataset.o) <= %d);
		ps[ps.length - 1].scrollIntoView({block: "center"});
		return 0;
	})()`, last))
	p.WaitFor(heldAt(last))
	assert.Less(t, browsertest.Eval[int](p, held), claimRanges/4, "still only what is near the view")
	assert.Equal(t, claimRanges, browsertest.Eval[int](p, `saysoHighlights.count("sg-claim")`))
}
