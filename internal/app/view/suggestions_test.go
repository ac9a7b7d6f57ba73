package view

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/app"
	"sayso/internal/suggest"
	"sayso/internal/wording"
)

func TestTheSuggestButtonIsThereUnlessTheExerciseTurnedItOff(t *testing.T) {
	tests := []struct {
		name string
		on   bool
	}{
		{name: "on: the student has the button", on: true},
		{name: "off: the student has none", on: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			teacher := sampleState(t)
			app.Update(teacher, app.ToggleExercise{})
			app.Update(teacher, app.SetExerciseField{Field: "title", Value: "Week 1"})
			assert.Contains(t, Tools(teacher).String(), `data-action="suggest"`, "the teacher has it")
			app.Update(teacher, app.SetExerciseSuggest{On: tt.on})
			panel := Exercise(teacher).String()
			assert.Contains(t, panel, `data-field="exercise-suggest"`)
			assert.Equal(t, tt.on, strings.Contains(panel, `data-field="exercise-suggest" checked`))
			dl := app.Update(teacher, app.ExportExercise{})[0].(app.Download)
			student := app.NewState(fixedClock)
			app.Update(student, app.OpenExercise{Name: "w1", Data: dl.Data})
			assert.Equal(t, tt.on, strings.Contains(Tools(student).String(), `data-action="suggest"`))
		})
	}
}

func TestTheSideListGroupsTheSuggestions(t *testing.T) {
	res := suggest.Suggest(app.SampleText)
	n := len(res.Suggestions)
	require.Greater(t, n, 1)
	st := sampleState(t)
	assert.True(t, Suggestions(st).IsEmpty(), "none before Suggest")
	effects := app.Update(st, app.Suggest{})
	require.Empty(t, effects, "the sample article takes one slice")
	app.Update(st, app.NextSuggestion{Delta: 1})
	html := Sidebar(st).String()
	assert.Contains(t, html, `<section class="group suggestions" aria-label="Suggestions">`)
	assert.Contains(t, html, wording.Count(n, "suggestion")+", not annotations yet")
	assert.Equal(t, n, strings.Count(html, `data-action="suggest-select"`))
	assert.Equal(t, 1, strings.Count(html, `aria-current="true"`), "one current")
	who := "no speaker found"
	if k := res.Suggestions[1].Speaker; k >= 0 {
		who = res.Speakers[k].Name
	}
	assert.Contains(t, html, `<li class="sg cur"><button type="button" class="sg-pick" data-action="suggest-select" data-sg="1" aria-current="true"><span class="tag">Suggested `)
	assert.Contains(t, html, `<span class="who">`+who+`</span>`)
	for _, a := range []Action{ActSuggestAccept, ActSuggestReject, ActSuggestNext, ActSuggestAcceptAll, ActSuggestRejectAll} {
		assert.Contains(t, html, `data-action="`+string(a)+`"`)
	}
	assert.Contains(t, html, "No annotations yet", "suggestions are not counted as annotations")
}
