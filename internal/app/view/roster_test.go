package view

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"sayso/internal/app"
	"sayso/internal/handinclient"
)

func TestHandInRosterIsATableOfWhoHandedInWhichDocument(t *testing.T) {
	roster := &app.Roster{Documents: []string{"Harbour", "Budget", "Schools"}, Rows: []app.RosterRow{
		{Who: "Ana", Received: "2026-12-05 17:03:09 UTC", Versions: 1, Counts: []int{2, 1, 0}},
		{Who: "Ben", Received: "2026-12-05 17:04:10 UTC", Versions: 2, Counts: []int{0, 0, 1}},
		{Who: "Cy", Received: "2026-12-05 17:05:11 UTC", Versions: 1},
	}}
	tests := []struct {
		name   string
		roster *app.Roster
		want   string
	}{
		{"nothing fetched", nil, ""},
		{"no one handed in", &app.Roster{Documents: []string{"Harbour"}}, ""},
		{"a team", roster, `<div class="roster-scroll" role="region" tabindex="0" aria-label="Who handed in which document of “Batch 1”"><table class="grid roster">` +
			`<caption>Who handed in which document of “Batch 1”: annotations in each person's latest hand-in</caption>` +
			`<thead><tr><th scope="col">Person</th><th scope="col">Harbour</th><th scope="col">Budget</th><th scope="col">Schools</th>` +
			`<th scope="col">Latest hand-in</th><th scope="col">Versions</th></tr></thead><tbody>` +
			`<tr><th scope="row">Ana</th><td class="num">2 annotations</td><td class="num">1 annotation</td><td class="none">none</td>` +
			`<td>2026-12-05 17:03:09 UTC</td><td class="num">1</td></tr>` +
			`<tr><th scope="row">Ben</th><td class="none">none</td><td class="none">none</td><td class="num">1 annotation</td>` +
			`<td>2026-12-05 17:04:10 UTC</td><td class="num">2</td></tr>` +
			`<tr><th scope="row">Cy</th><td class="none">could not be read</td><td class="none">could not be read</td><td class="none">could not be read</td>` +
			`<td>2026-12-05 17:05:11 UTC</td><td class="num">1</td></tr>` +
			`</tbody></table></div>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, HandInRoster("Batch 1", tt.roster).String())
		})
	}
}

func TestCompareBoxesShowTheRosterOfAFetchedBox(t *testing.T) {
	o := handinclient.Owner{Origin: "https://sayso.example.org", Box: strings.Repeat("a", 24), Secret: strings.Repeat("d", 32), ExerciseTitle: "Batch 1"}
	st := sampleState(t)
	st.HandIn.Boxes = []handinclient.Owner{o}
	st.HandIn.Status = map[string]app.BoxStatus{o.Box: {State: &handinclient.State{HandIns: 1}}}
	assert.NotContains(t, CompareBoxes(st).String(), "<caption>", "not fetched yet")
	roster := &app.Roster{Documents: []string{"Harbour"}, Rows: []app.RosterRow{{Who: "Ana", Versions: 1, Counts: []int{3}}}}
	st.HandIn.Status[o.Box] = app.BoxStatus{State: &handinclient.State{HandIns: 1}, Fetched: 1, Roster: roster}
	h := CompareBoxes(st).String()
	assert.Contains(t, h, HandInRoster("Batch 1", roster).String())
	assert.Less(t, strings.Index(h, `<table class="grid boxes">`), strings.Index(h, `<table class="grid roster">`), "below the boxes")
}
