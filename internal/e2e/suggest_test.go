//go:build !js

package e2e

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/browsertest"
)

const (
	suggestionCount   = `document.querySelectorAll("#sidebar .sg").length`
	currentSuggestion = `document.querySelector("#sidebar .sg.cur .qt").textContent`
)

// TestSuggestAcceptRejectUndoExportAndReload drives Suggest on the
// reference article with the keys and buttons a person uses, and checks
// what the export holds and what a reload remembers.
func TestSuggestAcceptRejectUndoExportAndReload(t *testing.T) {
	article, err := os.ReadFile(browsertest.CorpusFile(t, "articles/xi-trump-summit.txt"))
	require.NoError(t, err)
	p := browsertest.Open(t, serveSite(t), t.TempDir())
	pasteArticle(p, "Xi–Trump Summit", string(article))

	// g suggests: dashed highlights and their own group in the side list,
	// no annotation yet.
	p.Press("g")
	p.WaitFor(suggestionCount + ` === 9`)
	assert.Greater(t, browsertest.Eval[int](p, `saysoHighlights.count("sg-claim")`), 8)
	assert.Greater(t, browsertest.Eval[int](p, `saysoHighlights.count("sg-cue")`), 8)
	assert.Equal(t, 1, browsertest.Eval[int](p, `saysoHighlights.count("sg-cur")`))
	assert.Equal(t, 0, browsertest.Eval[int](p, sidebarCount), "suggestions are not annotations")
	assert.Equal(t, 0, browsertest.Eval[int](p, `saysoHighlights.count("claim")`))
	assert.Contains(t, p.Text("#sidebar .suggestions h3"), "9 suggestions, not annotations yet")
	browsertest.Screenshot(t, p.Ctx, "suggestions-reference-article")

	// a accepts the current one: a claim linked to its cue and speaker.
	assert.Equal(t, "a pivotal test of power and diplomacy", browsertest.Eval[string](p, currentSuggestion))
	p.Press("a")
	p.WaitFor(suggestionCount + ` === 8`)
	assert.Equal(t, 3, browsertest.Eval[int](p, sidebarCount), "a claim, its cue and its speaker mention")
	assert.Equal(t, "analysts", p.Text("#sidebar .ghead .who"))

	// x rejects the next one.
	rejected := browsertest.Eval[string](p, currentSuggestion)
	assert.Equal(t, "it has already won", rejected)
	p.Press("x")
	p.WaitFor(suggestionCount + ` === 7`)
	assert.Equal(t, 3, browsertest.Eval[int](p, sidebarCount))

	// n skips one; Enter accepts Wang Wen's quote.
	p.Press("n")
	p.WaitFor(currentSuggestion + `.startsWith("“China is very calm")`)
	p.Press("\r")
	p.WaitFor(suggestionCount + ` === 6`)
	assert.Equal(t, 6, browsertest.Eval[int](p, sidebarCount))

	// Accept all, then one undo takes all of it back.
	p.Click(`#sidebar [data-action="suggest-accept-all"]`)
	p.WaitFor(suggestionCount + ` === 0`)
	all := browsertest.Eval[int](p, sidebarCount)
	assert.Greater(t, all, 20, "six more claims with their cues and speakers")
	p.Press("z", chromedp.ModifierCtrl)
	p.WaitFor(sidebarCount + ` === 6`)
	assert.Equal(t, 6, browsertest.Eval[int](p, suggestionCount), "undone suggestions are offered again")

	// The export holds the two accepted claims, their cues and speakers,
	// and nothing of the suggestions.
	p.Click("#export")
	var e exported
	require.NoError(t, json.Unmarshal(p.WaitDownload("Xi–Trump Summit.sayso.json"), &e))
	text := []rune(e.Documents[0].Text)
	for _, a := range e.Annotations {
		for _, f := range a.Fragments { // a quote broken by "said Wang Wen" has two
			assert.Contains(t, a.Quote, string(text[f.Start:f.End]))
		}
	}
	require.Len(t, e.Annotations, 6)
	labels := map[string]int{}
	for _, a := range e.Annotations {
		labels[a.Label]++
		assert.NotEqual(t, rejected, a.Quote)
	}
	assert.Equal(t, map[string]int{"claim": 2, "cue": 2, "speaker": 2}, labels)
	claim := e.Annotations[byQuote(t, e, "a pivotal test of power and diplomacy")]
	mention := e.Annotations[byQuote(t, e, "analysts")]
	assert.Equal(t, mention.ID, claim.SpeakerMention)
	wang := e.Annotations[byQuote(t, e, "Wang Wen")]
	var names []string
	for _, s := range e.Speakers {
		names = append(names, s.Name)
	}
	assert.ElementsMatch(t, []string{"analysts", "Wang Wen"}, names)
	assert.NotEmpty(t, wang.Speaker)

	// Reload: the work is back; Suggest again offers neither the accepted
	// nor the rejected ones.
	p.WaitFor(`document.getElementById("save-status").textContent.startsWith("Saved")`)
	p.Do(chromedp.Reload())
	p.WaitReady()
	p.WaitFor(sidebarCount + ` === 6`)
	p.Click(`#tools [data-action="suggest"]`)
	p.WaitFor(suggestionCount + ` === 6`)
	shown := p.Text("#sidebar .suggestions")
	assert.NotContains(t, shown, rejected, "a rejection survives the reload")
	assert.NotContains(t, shown, "a pivotal test", "an accepted suggestion is a claim now")
}

// TestAnExerciseWithoutSuggestGivesTheStudentNone: the teacher turns
// Suggest off; the student's offline page has no Suggest button, and the
// key does nothing.
func TestAnExerciseWithoutSuggestGivesTheStudentNone(t *testing.T) {
	teacher := browsertest.Open(t, serveSite(t), "")
	teacher.Click(`[data-action="sample"]`)
	teacher.WaitFor(`document.querySelector('#tools [data-action="suggest"]') !== null`)
	teacher.Click("#docs-button")
	teacher.Click(`#docs [data-action="exercise"]`)
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
	p.WaitFor(`document.getElementById("name-dialog").hidden`)
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
