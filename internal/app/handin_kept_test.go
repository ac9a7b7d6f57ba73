package app

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/handinclient"
)

// whoIsCompared lists the people in Compare, in order.
func whoIsCompared(p *page) []string {
	if p.st.Compare == nil {
		return nil
	}
	var who []string
	for _, f := range p.st.Compare.Files {
		who = append(who, f.Who)
	}
	return who
}

// A reload (a new page on the same storage) finds what the lead fetched:
// the boxes, each box's roster and state, and the hand-ins in Compare —
// without a request to the box. Removing a fetched file from Compare
// removes it from what is kept; deleting the box keeps what was fetched.
func TestFetchedHandInsAndTheRosterSurviveAReload(t *testing.T) {
	site, transport := newSite(t)
	lead := newPage(t, transport(site), nil)
	teamLead(t, site, lead)
	lead.do(ExportExercise{})
	file := lead.lastDownload().Data
	for _, who := range []string{"Ana", "Ben"} {
		s := newPage(t, transport(site), nil)
		s.do(OpenExercise{Name: "batch1.sayso-exercise.json", Data: file})
		s.do(SetStudentName{Name: who})
		annotate(t, s, "Harbour", "it never will")
		s.do(HandIn{})
		require.NotNil(t, s.st.HandIn.Receipt, s.st.Message.Text)
	}
	box := lead.st.HandIn.Opened.Owner.Box
	lead.do(OpenCompare{})
	lead.do(FetchHandIns{Box: box})
	require.Equal(t, []string{"Ana", "Ben"}, whoIsCompared(lead), lead.st.Message.Text)
	status := lead.st.HandIn.Status[box]

	offline := newPage(t, func(r handinclient.Request) (handinclient.Response, error) {
		t.Errorf("a reload asked the box: %s %s", r.Method, r.URL)
		return handinclient.Response{}, errors.New("no network")
	}, lead.kv)
	assert.Equal(t, lead.st.HandIn.Boxes, offline.st.HandIn.Boxes)
	assert.Equal(t, status.Roster, offline.st.HandIn.Status[box].Roster, "the roster is kept")
	assert.Equal(t, status.State, offline.st.HandIn.Status[box].State, "and the box's state")
	assert.Equal(t, []string{"Ana", "Ben"}, whoIsCompared(offline), "the hand-ins are back in Compare")
	assert.False(t, offline.st.Comparing, "the page opens where it always does")
	assert.Empty(t, offline.st.Message.Text, "quietly")

	// Ben's file removed from Compare stays removed after a reload.
	offline.do(RemoveCompareFile{Index: 1})
	again := newPage(t, transport(site), offline.kv)
	assert.Equal(t, []string{"Ana"}, whoIsCompared(again))

	// A fetch after the reload replaces the kept one, as it replaces
	// what was in Compare: each person once.
	again.do(FetchHandIns{Box: box})
	assert.Equal(t, []string{"Ana", "Ben"}, whoIsCompared(again), again.st.Message.Text)

	// Deleted, the box is forgotten; what was fetched stays, reload or not.
	again.do(RequestDeleteBox{Box: box})
	require.Empty(t, again.st.HandIn.Boxes)
	after := newPage(t, transport(site), again.kv)
	assert.Empty(t, after.st.HandIn.Boxes)
	assert.Equal(t, []string{"Ana", "Ben"}, whoIsCompared(after), "what was fetched stays in Compare")

	// Removing one of them keeps the other, reload or not; removing both
	// at last forgets the deleted box's record.
	after.do(RemoveCompareFile{Index: 0})
	assert.Equal(t, []string{"Ben"}, whoIsCompared(newPage(t, transport(site), after.kv)))
	after.do(RemoveCompareFile{Index: 0})
	assert.NotContains(t, after.kv.m, keyFetchedOf+box)
	assert.NotContains(t, after.kv.m, keyFetched, "no fetch is kept: the list of them is gone too")
	assert.Nil(t, whoIsCompared(newPage(t, transport(site), after.kv)))
}

// Closing a box after its hand-ins were fetched is kept with them (Compare
// shows the box closed after a reload); closing a box never fetched keeps
// nothing.
func TestClosingAFetchedBoxIsKeptWithItsHandIns(t *testing.T) {
	site, transport := newSite(t)
	lead := newPage(t, transport(site), nil)
	teamLead(t, site, lead)
	box := lead.st.HandIn.Opened.Owner.Box

	lead.do(SetBoxClosed{Box: box, Closed: true})
	require.Equal(t, "info", lead.st.Message.Kind, lead.st.Message.Text)
	assert.NotContains(t, lead.kv.m, keyFetchedOf+box, "never fetched: nothing kept")
	lead.do(SetBoxClosed{Box: box, Closed: false})

	lead.do(ExportExercise{})
	ana := newPage(t, transport(site), nil)
	ana.do(OpenExercise{Name: "batch1.sayso-exercise.json", Data: lead.lastDownload().Data})
	ana.do(SetStudentName{Name: "Ana"})
	annotate(t, ana, "Harbour", "it never will")
	ana.do(HandIn{})
	require.NotNil(t, ana.st.HandIn.Receipt, ana.st.Message.Text)
	lead.do(OpenCompare{})
	lead.do(FetchHandIns{Box: box})
	require.Contains(t, lead.kv.m, keyFetchedOf+box)
	lead.do(SetBoxClosed{Box: box, Closed: true})
	require.True(t, lead.st.HandIn.Status[box].State.Closed)

	offline := newPage(t, func(r handinclient.Request) (handinclient.Response, error) {
		return handinclient.Response{}, errors.New("no network")
	}, lead.kv)
	require.NotNil(t, offline.st.HandIn.Status[box].State)
	assert.True(t, offline.st.HandIn.Status[box].State.Closed, "the box is shown closed after a reload")
}
