package view

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/app"
)

func TestSavingStopsWhenAnotherTabSaved(t *testing.T) {
	st := sampleState(t)
	app.Update(st, app.Tag{Label: annotation.LabelClaim, Sel: cp(t, app.SampleText, "Nobody asked us")})
	require.True(t, st.ShouldSave())
	app.Update(st, app.ChangedElsewhere{})
	assert.False(t, st.ShouldSave(), "this tab must not overwrite the newer work")
	assert.Equal(t, "error", st.Message.Kind)
	assert.Contains(t, SaveText(st), "another tab")
	assert.NotEmpty(t, app.Update(st, app.Export{}), "export still works")
}

func TestImportReanchorsMovedQuotesAndKeepsOrphans(t *testing.T) {
	st := sampleState(t)
	app.Update(st, app.Tag{Label: annotation.LabelClaim, Sel: cp(t, app.SampleText, "Nobody asked us")})
	app.Update(st, app.Tag{Label: annotation.LabelCue, Sel: cp(t, app.SampleText, "Reyes told reporters")})
	good := string(app.Update(st, app.Export{})[0].(app.Download).Data)

	// The first quote was edited in the file; the second points at text
	// that is nowhere in the article.
	edited := strings.Replace(good, `"quote": "Nobody asked us"`, `"quote": "Somebody asked us"`, 1)
	edited = strings.Replace(edited, `"quote": "Reyes told reporters"`, `"quote": "Zanzibar quartz lorem"`, 1)
	require.NotEqual(t, good, edited)

	fresh := app.NewState(fixedClock)
	app.Update(fresh, app.Import{Name: "edited.sayso.json", Data: []byte(edited)})
	require.Equal(t, "info", fresh.Message.Kind, fresh.Message.Text)
	assert.Contains(t, fresh.Message.Text, `"a1" ("Somebody asked us") was found again`)
	assert.Contains(t, fresh.Message.Text, `"a2" ("Zanzibar quartz lorem") could not be placed`)
	require.Equal(t, 1, fresh.Store.Len())
	a, _ := fresh.Store.Annotation("a1")
	assert.Equal(t, "Nobody asked us", a.Quote)
	require.Len(t, fresh.Store.Orphans(), 1)
	assert.Contains(t, Sidebar(fresh).String(), "Zanzibar quartz lorem", "orphans are listed, never dropped silently")

	// Orphans survive export and import, until the person drops them.
	again := app.Update(fresh, app.Export{})[0].(app.Download).Data
	assert.Contains(t, string(again), `"orphans"`)
	app.Update(fresh, app.DropOrphans{})
	assert.Empty(t, fresh.Store.Orphans())
	assert.NotContains(t, Sidebar(fresh).String(), "Zanzibar")
}
