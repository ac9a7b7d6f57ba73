package view

import (
	"sayso/internal/annotation"
	"sayso/internal/app"
	"sayso/internal/wording"
)

// undecidedControls asks who a speaker mention that could be several
// speakers (a surname two of them share) refers to: one button per
// candidate, and one for a new speaker of its own.
func undecidedControls(b *Builder, st *app.State, m *annotation.Annotation, name string) {
	b.Printf(`<fieldset class="undecided"><legend>Who is “%s”?</legend>`, wording.Clip(name, 50))
	cands := st.Store.SpeakerCandidates(m.Quote)
	if len(cands) > 0 {
		b.Printf(`<p class="hint">%s could be meant. Choose one:</p>`, wording.Count(len(cands), "speaker"))
	} else {
		b.Markup(`<p class="hint">This mention has no speaker yet. Choose one below.</p>`)
	}
	b.Markup(`<div class="row">`)
	for _, sp := range cands {
		b.Printf(`<button type="button" data-action="%s" data-speaker="%s">%s</button>`, ActChooseSpeaker, sp.ID, wording.Clip(sp.Name, 60))
	}
	b.Printf(`<button type="button" data-action="%s" data-speaker="%s">Someone else: new speaker “%s”</button>`,
		ActChooseSpeaker, app.NewSpeakerOption, wording.Clip(name, 40))
	b.Markup(`</div></fieldset>`)
}
