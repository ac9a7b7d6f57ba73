package view

import (
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/app"
)

var tabStop = regexp.MustCompile(`data-id="([^"]+)" tabindex="0"`)

func TestTheListHasOneTabStopThatFollowsTheArrowKeys(t *testing.T) {
	st := sampleState(t)
	for _, q := range []string{"Tomas Reyes", "a slow death for small businesses.", "Mayor Ines Okafor"} {
		label := annotation.LabelClaim
		if !strings.Contains(q, "death") {
			label = annotation.LabelSpeaker
		}
		app.Step(st, app.Tag{Label: label, Sel: cp(t, app.SampleText, q)})
	}
	app.Step(st, app.Select{})
	stops := func() []string {
		var ids []string
		for _, m := range tabStop.FindAllStringSubmatch(Sidebar(st).String(), -1) {
			ids = append(ids, m[1])
		}
		return ids
	}
	require.Len(t, stops(), 1)
	first := stops()[0]
	app.Step(st, app.ListKey{Key: "ArrowDown"})
	require.Len(t, stops(), 1)
	assert.NotEqual(t, first, stops()[0], "the Tab stop moved with the arrow")
	assert.Equal(t, app.ListFocus(st), stops()[0])
	assert.Len(t, drawnIDs(Sidebar(st).String()), 3)
}

func TestListRowsReadInFullWithTheirPlace(t *testing.T) {
	st := sampleState(t)
	app.Step(st, app.Tag{Label: annotation.LabelSpeaker, Sel: cp(t, app.SampleText, "Tomas Reyes")})
	app.Step(st, app.Tag{Label: annotation.LabelClaim, Sel: cp(t, app.SampleText, "a slow death for small businesses.")})
	app.Step(st, app.LinkNearest{})
	app.Step(st, app.SetStanceIndex{N: 2})
	html := Sidebar(st).String()
	assert.Contains(t, html, `aria-label="Claim “a slow death for small businesses.”, against, Tomas Reyes" aria-posinset="3" aria-setsize="3" aria-current="true"`)
	assert.Contains(t, html, `<ul class="vrows" data-first="0" aria-label="`)
}

func TestTheMenusAreMenusOfItems(t *testing.T) {
	st := sampleState(t)
	app.Step(st, app.AddPasted{Title: "Two", Text: "A second article."})
	for name, html := range map[string]string{"export": ExportMenu(st).String(), "setup": SetupMenu(st).String()} {
		assert.Contains(t, html, `role="menu" aria-label="`, name)
		assert.NotContains(t, html, "<input", "%s: every item is a button", name)
		items := strings.Count(html, `role="menuitem`)
		assert.Equal(t, items, strings.Count(html, `<button`), "%s: every button is an item", name)
		assert.Equal(t, items, strings.Count(html, `tabindex="-1"`), "%s: the arrow keys move, Tab leaves", name)
	}
	assert.Contains(t, ExportMenu(st).String(), `role="menuitemcheckbox" tabindex="-1" aria-checked="false"`)
	app.Step(st, app.SetExportScope{DocumentOnly: true})
	assert.Contains(t, ExportMenu(st).String(), `aria-checked="true"`)
}

func TestTheQuestionDialogStartsOnCancel(t *testing.T) {
	st := sampleState(t)
	assert.True(t, Question(st).IsEmpty(), "no question, no dialog")
	app.Step(st, app.Tag{Label: annotation.LabelClaim, Sel: cp(t, app.SampleText, "Tomas Reyes")})
	app.Step(st, app.RequestClose{})
	p := Build(st)
	html := p.Question.String()
	assert.Contains(t, html, "Close this article and start another?")
	assert.Contains(t, html, `data-action="`+string(ActConfirmNo)+`" data-autofocus`)
	assert.Contains(t, html, `data-action="`+string(ActConfirmYes)+`"`)
	app.Step(st, app.Escape{})
	assert.True(t, Build(st).Question.IsEmpty())
}

func TestThePageCarriesTheAnnouncement(t *testing.T) {
	st := sampleState(t)
	app.Step(st, app.Tag{Label: annotation.LabelSpeaker, Sel: cp(t, app.SampleText, "Tomas Reyes")})
	p := Build(st)
	assert.Equal(t, "Speaker added: “Tomas Reyes”.", p.Announce.Text)
	app.Step(st, app.ToggleSetupMenu{})
	assert.False(t, Build(st).SetupMenu.IsEmpty())
}
