package view

import (
	"sayso/internal/app"
	"sayso/internal/wording"
)

// The suggestion controls' data-action names (listed in Actions).
const (
	ActSuggest          Action = "suggest"            // run Suggest on the shown document
	ActSuggestAccept    Action = "suggest-accept"     // accept the current suggestion
	ActSuggestReject    Action = "suggest-reject"     // reject the current suggestion
	ActSuggestNext      Action = "suggest-next"       // make the next suggestion current
	ActSuggestAcceptAll Action = "suggest-accept-all" // accept every shown suggestion
	ActSuggestRejectAll Action = "suggest-reject-all" // reject every shown suggestion
	ActSuggestSelect    Action = "suggest-select"     // make suggestion data-sg current
)

// FieldExerciseSuggest is the exercise panel's "students may use Suggest"
// checkbox.
const FieldExerciseSuggest Field = "exercise-suggest"

// suggestActions lists the suggestion data-action names.
func suggestActions() []Action {
	return []Action{ActSuggest, ActSuggestAccept, ActSuggestReject, ActSuggestNext,
		ActSuggestAcceptAll, ActSuggestRejectAll, ActSuggestSelect}
}

// maxSuggestionsListed is how many suggestions the side list shows around
// the current one (a long article has thousands).
const maxSuggestionsListed = 30

// suggestButton is the toolbar's Suggest button; there is none for a
// student whose exercise turned Suggest off.
func suggestButton(b *Builder, st *app.State) {
	if st.Doc == "" || !st.SuggestAllowed() {
		return
	}
	b.Printf(`<button type="button" class="tool suggest" data-action="%s" title="Suggest claims, cues and speakers in this article (%s)">Suggest <kbd>%s</kbd></button>`,
		ActSuggest, app.SuggestKey, app.SuggestKey)
}

// exerciseSuggestChoice is the exercise panel's Suggest checkbox.
func exerciseSuggestChoice(b *Builder, st *app.State) {
	b.Printf(`<label class="check"><input type="checkbox" data-field="%s"%s> Students may use Suggest (it finds claims, cues and speakers for them)</label>`,
		FieldExerciseSuggest, attrIf(!st.Draft.NoSuggest, " checked"))
}

// Suggestions is the side list's group of suggestions: what Suggest found
// and the person has neither accepted nor rejected, the current one
// marked, with the buttons that the keys a, x and n also press. It is
// empty when there are none.
func Suggestions(st *app.State) HTML {
	var b Builder
	suggestionsGroup(&b, st)
	return b.HTML()
}

func suggestionsGroup(b *Builder, st *app.State) {
	if pct, running := st.SuggestRunning(); running {
		b.Printf(`<section class="group suggestions" aria-label="Suggestions"><h3>Suggestions</h3><p class="hint">Finding suggestions… %d %%</p></section>`, pct)
		return
	}
	list, cur := st.Suggestions()
	if len(list) == 0 {
		return
	}
	b.Printf(`<section class="group suggestions" aria-label="Suggestions"><h3>Suggestions <span class="count">%s, not annotations yet</span></h3>`, wording.Count(len(list), "suggestion"))
	b.Markup(`<p class="hint">Drawn with dashed lines over and under the text. <kbd>a</kbd> or <kbd>Enter</kbd> accepts the current one (tinted), <kbd>x</kbd> rejects it, <kbd>n</kbd> goes to the next.</p>`)
	b.Printf(`<div class="row"><button type="button" data-action="%s">Accept <kbd>a</kbd></button><button type="button" data-action="%s">Reject <kbd>x</kbd></button><button type="button" data-action="%s">Next <kbd>n</kbd></button></div>`,
		ActSuggestAccept, ActSuggestReject, ActSuggestNext)
	b.Printf(`<div class="row"><button type="button" data-action="%s">Accept all</button><button type="button" data-action="%s">Reject all</button></div>`,
		ActSuggestAcceptAll, ActSuggestRejectAll)
	first := max(min(cur-maxSuggestionsListed/2, len(list)-maxSuggestionsListed), 0)
	end := min(first+maxSuggestionsListed, len(list))
	if first > 0 {
		b.Printf(`<p class="more">%s before</p>`, wording.Count(first, "suggestion"))
	}
	b.Markup(`<ol class="sg-list">`)
	for i := first; i < end; i++ {
		s := list[i]
		who := s.Speaker
		if who == "" {
			who = "no speaker found"
		}
		kind := "Suggested claim"
		if s.Direct {
			kind = "Suggested quote"
		}
		b.Printf(`<li class="sg%s"><button type="button" class="sg-pick" data-action="%s" data-sg="%d"%s><span class="tag">%s</span> <span class="who">%s</span> <span class="qt">%s</span></button></li>`,
			attrIf(i == cur, " cur"), ActSuggestSelect, i, attrIf(i == cur, ` aria-current="true"`), kind, wording.Clip(who, 40), wording.Clip(app.SuggestionQuote(st, s), 120))
	}
	b.Markup(`</ol>`)
	if end < len(list) {
		b.Printf(`<p class="more">%s after</p>`, wording.Count(len(list)-end, "suggestion"))
	}
	b.Markup(`</section>`)
}
