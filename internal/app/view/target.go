package view

import (
	"strings"

	"sayso/internal/annotation"
	"sayso/internal/app"
	"sayso/internal/wording"
)

// targetControls edit a claim's stance target: what the claim argues for
// or against, said beside the field with an example; empty until someone
// fills it, and a button that takes the article's topic when there is one
// and the target differs.
func targetControls(b *Builder, st *app.State, a *annotation.Annotation) {
	b.Printf(`<label class="field">Stance target<input type="text" data-field="%s" value="%s" maxlength="500" placeholder="e.g. the car-free plan" aria-describedby="target-hint"></label>`,
		FieldTarget, a.Target)
	b.Markup(`<p class="hint" id="target-hint">What this claim argues for or against: its stance (favor, against…) is toward this.</p>`)
	d, _, ok := st.Store.Document(a.Document)
	if !ok {
		return
	}
	if topic := strings.TrimSpace(d.Topic); topic != "" && topic != a.Target {
		b.Printf(`<div class="row"><button type="button" data-action="%s">Use the topic: “%s”</button></div>`, ActUseTopic, wording.Clip(topic, 50))
	}
}
