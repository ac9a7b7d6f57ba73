package app

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
)

// longState is a document of n paragraphs "Speaker k said claim k." with a
// speaker mention, and a claim linked to it, in each: 2n annotations,
// n speakers.
func longState(t *testing.T, n int) *State {
	t.Helper()
	var b strings.Builder
	for k := range n {
		fmt.Fprintf(&b, "Person%04d said that the plan number %d is good.\n", k, k)
	}
	st := NewState(fixedClock)
	Update(st, Paste{Title: "long", Text: b.String()})
	require.NotEmpty(t, st.Doc)
	for i, p := range st.Paras {
		Update(st, Tag{Label: annotation.LabelSpeaker, Sel: Selection{Start: p.Start, End: p.Start + 10, Exact: true}})
		Update(st, Tag{Label: annotation.LabelClaim, Sel: Selection{Start: p.Start + 21, End: p.End - 1}})
		Update(st, LinkNearest{})
		require.Equal(t, 2*(i+1), st.Store.Len(), "paragraph %d", i)
	}
	Update(st, Select{ID: ""})
	st.TakeRedraw()
	st.TakeListScroll()
	return st
}

var dataID = regexp.MustCompile(`data-id="([^"]+)"`)

func drawnIDs(html string) []string {
	var ids []string
	for _, m := range dataID.FindAllStringSubmatch(html, -1) {
		ids = append(ids, m[1])
	}
	return ids
}

func TestSideListDrawsOnlyTheRowsNearTheVisibleWindow(t *testing.T) {
	st := longState(t, 600) // 1,200 annotations, 600 speakers: 1,800 rows
	Update(st, ListScrolled{Top: 0, Height: 640})
	rows, first := ListGeometry(st)
	assert.Equal(t, 1800, rows, "one heading and two items per speaker")
	assert.Equal(t, 0, first)
	html := SidebarHTML(st)
	visible := 640 / ListRowHeight
	assert.Len(t, drawnIDs(html), countItems(st, 0, visible+1+listOverscan), "only the visible rows and the overscan below")
	assert.Contains(t, html, "1200 annotations, 600 claims, 600 speakers", "the summary counts the whole list")

	Update(st, ListScrolled{Top: 1000 * ListRowHeight, Height: 640})
	rows, first = ListGeometry(st)
	assert.Equal(t, 1800, rows)
	assert.Equal(t, 1000-listOverscan, first)
	ids := drawnIDs(SidebarHTML(st))
	assert.Less(t, len(ids), 2*listOverscan+visible+1)
	for _, r := range st.listRows()[first:] {
		if r.kind == rowItem {
			assert.Equal(t, r.ann.ID, ids[0], "the drawn rows are the window's")
			break
		}
	}
}

// countItems counts the annotation rows among rows [from, to).
func countItems(st *State, from, to int) int {
	n := 0
	for _, r := range st.listRows()[from:min(to, len(st.listRows()))] {
		if r.kind == rowItem {
			n++
		}
	}
	return n
}

func TestSideListScrollsToTheSelectedAnnotation(t *testing.T) {
	st := longState(t, 300)
	Update(st, ListScrolled{Top: 0, Height: 320})
	_, ok := st.TakeListScroll()
	require.False(t, ok, "nothing moved the list")

	last := st.Store.Annotations(st.Doc)[len(st.Store.Annotations(st.Doc))-1]
	Update(st, Select{ID: last.ID})
	top, ok := st.TakeListScroll()
	require.True(t, ok, "selecting an annotation far down the list scrolls to it")
	assert.Greater(t, top, 800*ListRowHeight)
	assert.Contains(t, drawnIDs(SidebarHTML(st)), last.ID)
	assert.Contains(t, SidebarHTML(st), `class="vrow item l-claim sel"`)

	Update(st, ListScrolled{Top: top, Height: 320})
	Update(st, Move{Delta: -1})
	_, ok = st.TakeListScroll()
	assert.False(t, ok, "a row already in view does not move the list")
}

func TestSideListFollowsChanges(t *testing.T) {
	st := longState(t, 3)
	before := SidebarHTML(st)
	Update(st, Tag{Label: annotation.LabelCue, Sel: Selection{Start: st.Paras[0].Start + 11, End: st.Paras[0].Start + 15}})
	after := SidebarHTML(st)
	assert.NotEqual(t, before, after)
	assert.Contains(t, after, `<span class="who">Cues</span> <span class="count">1 cue</span>`)
	Update(st, Undo{})
	assert.Equal(t, before, SidebarHTML(st), "undo gives back the same list")
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
	Update(st, Select{ID: claim.ID})
	Update(st, LinkMention{MentionID: anns[0].ID})
	html := InspectorHTML(st)
	options := regexp.MustCompile(`<select data-field="mention">(.*?)</select>`).FindStringSubmatch(html)
	require.Len(t, options, 2)
	n := strings.Count(options[1], "<option")
	assert.Equal(t, maxChoices+2, n, "none, the nearest mentions, and the linked one")
	assert.Contains(t, options[1], `value="`+anns[0].ID+`" selected`)

	mention := anns[len(anns)/2]
	if mention.Label != annotation.LabelSpeaker {
		mention = anns[len(anns)/2+1]
	}
	Update(st, Select{ID: mention.ID})
	speakers := regexp.MustCompile(`<select data-field="mention-speaker">(.*?)</select>`).FindStringSubmatch(InspectorHTML(st))
	require.Len(t, speakers, 2)
	assert.Equal(t, maxChoices+1, strings.Count(speakers[1], "<option"), "the nearest speakers and a new one")
	assert.Contains(t, speakers[1], `value="`+mention.Speaker+`" selected`)
}
