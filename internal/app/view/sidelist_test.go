package view

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/app"
)

func TestSideListDrawsOnlyTheRowsNearTheVisibleWindow(t *testing.T) {
	st := longState(t, 600) // 1,200 annotations, 600 speakers: 1,800 rows
	app.Update(st, app.ListScrolled{Top: 0, Height: 640})
	rows, first := app.ListGeometry(st)
	assert.Equal(t, 1800, rows, "one heading and two items per speaker")
	assert.Equal(t, 0, first)
	html := Sidebar(st).String()
	visible := 640 / app.ListRowHeight
	assert.Len(t, drawnIDs(html), countItems(st, 0, visible+1+app.ListOverscan), "only the visible rows and the overscan below")
	assert.Contains(t, html, "1200 annotations, 600 claims, 600 speakers", "the summary counts the whole list")

	app.Update(st, app.ListScrolled{Top: 1000 * app.ListRowHeight, Height: 640})
	rows, first = app.ListGeometry(st)
	assert.Equal(t, 1800, rows)
	assert.Equal(t, 1000-app.ListOverscan, first)
	ids := drawnIDs(Sidebar(st).String())
	assert.Less(t, len(ids), 2*app.ListOverscan+visible+1)
	for _, r := range st.ListRows()[first:] {
		if r.Annotation != nil {
			assert.Equal(t, r.Annotation.ID, ids[0], "the drawn rows are the window's")
			break
		}
	}
}

func TestSideListScrollsToTheSelectedAnnotation(t *testing.T) {
	st := longState(t, 300)
	plan := app.Step(st, app.ListScrolled{Top: 0, Height: 320})
	require.False(t, plan.ScrollList, "nothing moved the list")

	last := st.Store.Annotations(st.Doc)[len(st.Store.Annotations(st.Doc))-1]
	plan = app.Step(st, app.Select{ID: last.ID})
	top := plan.ListTop
	require.True(t, plan.ScrollList, "selecting an annotation far down the list scrolls to it")
	assert.Greater(t, top, 800*app.ListRowHeight)
	assert.Contains(t, drawnIDs(Sidebar(st).String()), last.ID)
	assert.Contains(t, Sidebar(st).String(), `class="vrow item l-claim sel"`)

	app.Update(st, app.ListScrolled{Top: top, Height: 320})
	plan = app.Step(st, app.Move{Delta: -1})
	assert.False(t, plan.ScrollList, "a row already in view does not move the list")
}

func TestSideListFollowsChanges(t *testing.T) {
	st := longState(t, 3)
	before := Sidebar(st).String()
	app.Update(st, app.Tag{Label: annotation.LabelCue, Sel: app.Selection{Start: st.Paras[0].Start + 11, End: st.Paras[0].Start + 15}})
	after := Sidebar(st).String()
	assert.NotEqual(t, before, after)
	assert.Contains(t, after, `<span class="who">Cues</span> <span class="count">1 cue</span>`)
	app.Update(st, app.Undo{})
	assert.Equal(t, before, Sidebar(st).String(), "undo gives back the same list")
}

func TestInspectorOffersTheNearestMentionsAndKeepsTheLinkedOne(t *testing.T) {
	st := longState(t, 200)
	anns := st.Store.Annotations(st.Doc)
	var claim *annotation.Annotation
	for _, a := range anns[len(anns)/2:] {
		if a.Label == annotation.LabelClaim {
			claim = a
			break
		}
	}
	require.NotNil(t, claim)
	// Link it to the very first mention, far away.
	app.Update(st, app.Select{ID: claim.ID})
	app.Update(st, app.LinkMention{MentionID: anns[0].ID})
	html := Inspector(st).String()
	options := regexp.MustCompile(`<select data-field="mention">(.*?)</select>`).FindStringSubmatch(html)
	require.Len(t, options, 2)
	n := strings.Count(options[1], "<option")
	assert.Equal(t, maxChoices+2, n, "none, the nearest mentions, and the linked one")
	assert.Contains(t, options[1], `value="`+anns[0].ID+`" selected`)

	mention := anns[len(anns)/2]
	if mention.Label != annotation.LabelSpeaker {
		mention = anns[len(anns)/2+1]
	}
	app.Update(st, app.Select{ID: mention.ID})
	speakers := regexp.MustCompile(`<select data-field="mention-speaker">(.*?)</select>`).FindStringSubmatch(Inspector(st).String())
	require.Len(t, speakers, 2)
	assert.Equal(t, maxChoices+1, strings.Count(speakers[1], "<option"), "the nearest speakers and a new one")
	assert.Contains(t, speakers[1], `value="`+mention.Speaker+`" selected`)
}

// placeAttrs are the attributes SideList keeps out of its rows.
var placeAttrs = regexp.MustCompile(` (tabindex|aria-posinset|aria-setsize)="(-?\d+)"`)

// TestSidebarListIsTheSidebarSplitIntoRows holds the side list the
// browser layer patches row by row to the one Sidebar renders: the same
// markup once each row's place attributes are taken out into Place, the
// same rows in the same order, each with a key of its own.
func TestSidebarListIsTheSidebarSplitIntoRows(t *testing.T) {
	for name, st := range map[string]*app.State{
		"a long list, scrolled": func() *app.State {
			st := longState(t, 200)
			app.Update(st, app.ListScrolled{Top: 150 * app.ListRowHeight, Height: 900})
			return st
		}(),
		"a list with a selection": func() *app.State {
			st := longState(t, 30)
			app.Update(st, app.Select{ID: st.Store.Annotations(st.Doc)[7].ID})
			return st
		}(),
		"hostile names": hostileAnnotating(t),
	} {
		t.Run(name, func(t *testing.T) { requireListIsSidebar(t, st) })
	}
}

// requireListIsSidebar holds SidebarList to Sidebar split into rows: the
// same markup once each row's place attributes are taken out into Place,
// the same rows in the same order, each with a key of its own.
func requireListIsSidebar(t *testing.T, st *app.State) {
	t.Helper()
	whole := Sidebar(st).String()
	l := SidebarList(st)
	require.Len(t, l.Keys, len(l.Rows))
	require.Len(t, l.Place, 3*len(l.Rows))
	var rows strings.Builder
	keys := map[string]bool{}
	for i, r := range l.Rows {
		rows.WriteString(r.String())
		assert.NotRegexp(t, placeAttrs, r.String(), "row %d carries its place", i)
		assert.False(t, keys[l.Keys[i]], "key %q twice", l.Keys[i])
		keys[l.Keys[i]] = true
	}
	head := strings.Replace(l.Head.String(), ` data-rows`, ``, 1)
	joined := strings.Replace(head, `</ul>`, rows.String()+`</ul>`, 1)
	var place []int
	for _, m := range placeAttrs.FindAllStringSubmatch(whole[strings.Index(whole, `<ul class="vrows"`):], -1) {
		v, err := strconv.Atoi(m[2])
		require.NoError(t, err)
		place = append(place, v)
	}
	assert.Equal(t, placeAttrs.ReplaceAllString(whole, ""), joined)
	var want []int
	for i := 0; i < len(l.Place); i += 3 {
		if l.Place[i] != NoTabindex {
			want = append(want, l.Place[i])
		}
		want = append(want, l.Place[i+1], l.Place[i+2])
	}
	assert.Equal(t, place, want)
}

// TestTheSideListsRowsAreBuiltAgainWhenWhatTheyShowChanged changes what
// rows show without a new annotation value (a speaker's name, a label's
// name) and with one (a stance), and moves the selection: the rows kept
// from one redraw to the next (app.State.ViewMemo) always show what a
// fresh build shows.
func TestTheSideListsRowsAreBuiltAgainWhenWhatTheyShowChanged(t *testing.T) {
	st := longState(t, 12)
	claim := func(k int) string {
		n := 0
		for _, a := range st.Store.Annotations(st.Doc) {
			if a.Label == annotation.LabelClaim {
				if n == k {
					return a.ID
				}
				n++
			}
		}
		t.Fatalf("no claim %d", k)
		return ""
	}
	mention := func(k int) string {
		n := 0
		for _, a := range st.Store.Annotations(st.Doc) {
			if a.Label == annotation.LabelSpeaker {
				if n == k {
					return a.ID
				}
				n++
			}
		}
		t.Fatalf("no mention %d", k)
		return ""
	}
	requireListIsSidebar(t, st)
	for _, step := range []struct {
		name string
		do   func()
	}{
		{"a claim selected", func() { app.Update(st, app.Select{ID: claim(2)}) }},
		{"its stance set", func() { app.Update(st, app.SetStance{Value: "favor"}) }},
		{"another selected", func() { app.Update(st, app.Select{ID: claim(5)}) }},
		{"a speaker renamed", func() {
			app.Update(st, app.Select{ID: mention(5)})
			app.Update(st, app.RenameSpeaker{Name: "Zed Renamed"})
		}},
		{"the claim label renamed", func() {
			app.Update(st, app.EditLabel{ID: annotation.LabelClaim, Field: "name", Value: "Assertion"})
		}},
		{"undone", func() { app.Update(st, app.Undo{}) }},
	} {
		step.do()
		t.Run(step.name, func(t *testing.T) { requireListIsSidebar(t, st) })
	}
}
