package view

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/app"
)

func TestTheStanceTargetSaysWhatItIsAndOffersTheTopic(t *testing.T) {
	body := "Okafor said the plan would work."
	st := app.NewState(fixedClock)
	app.Update(st, app.Paste{Title: "Council splits", Text: body})
	app.Update(st, app.Tag{Label: annotation.LabelClaim, Sel: cp(t, body, "the plan would work")})
	html := Inspector(st).String()
	assert.Contains(t, html, `Stance target<input type="text" data-field="target" value=""`, "empty, not the headline")
	assert.Contains(t, html, `placeholder="e.g. the car-free plan"`)
	assert.Contains(t, html, "What this claim argues for or against")
	assert.NotContains(t, html, ActUseTopic, "no topic to use yet")

	app.Update(st, app.SetTopic{Value: "the plan"})
	assert.Contains(t, Inspector(st).String(), `data-action="use-topic">Use the topic: “the plan”`)
	app.Update(st, app.UseTopic{})
	assert.NotContains(t, Inspector(st).String(), ActUseTopic, "the target is the topic already")
}

func TestAnUndecidedMentionOffersEveryCandidate(t *testing.T) {
	body := "Wang Wen spoke. Wang Li spoke. Wang said more."
	st := app.NewState(fixedClock)
	app.Update(st, app.Paste{Title: "T", Text: body})
	app.Update(st, app.Tag{Label: annotation.LabelSpeaker, Sel: cp(t, body, "Wang Wen")})
	app.Update(st, app.Tag{Label: annotation.LabelSpeaker, Sel: cp(t, body, "Wang Li")})
	sel := cp(t, body, "Wang said")
	sel.End = sel.Start + 4
	app.Update(st, app.Tag{Label: annotation.LabelSpeaker, Sel: sel})
	m, ok := st.Store.Annotation(st.Selected)
	require.True(t, ok)
	require.Empty(t, m.Speaker)

	html := Inspector(st).String()
	assert.Contains(t, html, "Who is “Wang”?")
	assert.Contains(t, html, "2 speakers could be meant")
	for _, sp := range st.Store.Speakers() {
		assert.Contains(t, html, `data-action="choose-speaker" data-speaker="`+sp.ID+`">`+sp.Name+`</button>`)
	}
	assert.Contains(t, html, `<option value="" selected disabled>— undecided —</option>`)

	wen, _ := st.Store.SpeakerByName("Wang Wen")
	app.Update(st, app.SetMentionSpeaker{SpeakerID: wen.ID})
	html = Inspector(st).String()
	assert.NotContains(t, html, "Who is")
	assert.Contains(t, html, `value="Wang Wen"`)
}

func TestTheTextEditorHoldsTheTextAndSaysWhatSavingDoes(t *testing.T) {
	st := sampleState(t)
	assert.True(t, TextEditor(st).IsEmpty(), "closed")
	app.Update(st, app.OpenTextEditor{})
	html := TextEditor(st).String()
	assert.Contains(t, html, `<textarea id="edit-text"`)
	assert.Contains(t, html, "Lennick Bay")
	assert.Contains(t, html, "Not placed")
	assert.Contains(t, html, ActEditSave)
	d, _, _ := st.Store.Document(st.Doc)
	app.Update(st, app.Escape{EditedText: d.Text})
	assert.True(t, TextEditor(st).IsEmpty(), "Esc closes it (the text unchanged)")
}
