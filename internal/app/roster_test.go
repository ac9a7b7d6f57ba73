package app

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
)

// The three texts of the team's exercise.
var teamTexts = []struct{ Title, Text string }{
	{"Harbour", "The mayor said the harbour will reopen in May. Critics said it never will."},
	{"Budget", "The minister said the budget is balanced. The opposition disagreed."},
	{"Schools", "The head teacher said the schools stay open. Parents said they hope so."},
}

// teamLead is a lead on the site with a three-document exercise and no
// answer key: the lead annotated nothing, and ticked "Collect hand-ins
// online".
func teamLead(t *testing.T, site string, p *page) {
	t.Helper()
	p.st = NewState(fixedClock)
	for _, d := range teamTexts {
		p.do(AddPasted{Title: d.Title, Text: d.Text})
	}
	require.Equal(t, 3, len(p.st.Store.Documents()), p.st.Message.Text)
	p.do(ToggleExercise{})
	p.do(SetExerciseField{Field: "title", Value: "Dataset batch 1"})
	p.do(SiteOrigin{Origin: site})
	p.do(SetCollect{On: true})
	require.NotNil(t, p.st.HandIn.Opened, p.st.Message.Text)
}

// annotate shows the document titled title and tags each of quotes in it
// as a claim.
func annotate(t *testing.T, p *page, title string, quotes ...string) {
	t.Helper()
	for _, d := range p.st.Store.Documents() {
		if d.Title == title {
			p.do(ShowDocument{ID: d.ID})
			for _, q := range quotes {
				p.do(Tag{Label: annotation.LabelClaim, Sel: cp(t, d.Text, q)})
				require.NotEqual(t, "error", p.st.Message.Kind, p.st.Message.Text)
			}
			return
		}
	}
	t.Fatalf("no document %q", title)
}

func TestATeamHandsInDifferentDocumentsAndTheLeadSeesWhoDidWhich(t *testing.T) {
	site, transport := newSite(t)
	lead := newPage(t, transport(site), nil)
	teamLead(t, site, lead)
	lead.do(ExportExercise{})
	file := lead.lastDownload().Data

	// Ana labels Harbour and Budget; Ben labels Schools, hands in, then
	// adds one more and hands in again.
	ana := newPage(t, transport(site), nil)
	ana.do(OpenExercise{Name: "batch1.sayso-exercise.json", Data: file})
	ana.do(SetStudentName{Name: "Ana"})
	annotate(t, ana, "Harbour", "the harbour will reopen in May", "it never will")
	annotate(t, ana, "Budget", "the budget is balanced")
	ana.do(HandIn{})
	require.NotNil(t, ana.st.HandIn.Receipt, ana.st.Message.Text)

	ben := newPage(t, transport("null"), nil)
	ben.do(EmbeddedExercise{Data: file})
	ben.do(SetStudentName{Name: "Ben"})
	annotate(t, ben, "Schools", "the schools stay open")
	ben.do(HandIn{})
	require.NotNil(t, ben.st.HandIn.Receipt, ben.st.Message.Text)
	annotate(t, ben, "Schools", "they hope so")
	ben.do(HandIn{})
	require.Len(t, ben.sent, 2)

	lead.do(OpenCompare{})
	box := lead.st.HandIn.Opened.Owner.Box
	lead.do(FetchHandIns{Box: box})
	assert.Equal(t, "Fetched the latest hand-in of 2 students from the box of “Dataset batch 1”.", lead.st.Message.Text)

	roster := lead.st.HandIn.Status[box].Roster
	require.NotNil(t, roster)
	assert.Equal(t, []string{"Harbour", "Budget", "Schools"}, roster.Documents)
	require.Len(t, roster.Rows, 2)
	for _, r := range roster.Rows {
		assert.Regexp(t, `^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$`, r.Received, r.Who)
	}
	got := []RosterRow{roster.Rows[0], roster.Rows[1]}
	got[0].Received, got[1].Received = "", ""
	assert.Equal(t, []RosterRow{
		{Who: "Ana", Versions: 1, Counts: []int{2, 1, 0}},
		{Who: "Ben", Versions: 2, Counts: []int{0, 0, 2}},
	}, got)

	// Without a key: no scores, but agreement and adjudication over
	// everyone's work, and the gold set holds both people's labels.
	c := lead.st.Compare
	assert.Equal(t, -1, c.Key)
	require.Len(t, c.Files, 2)
	for _, f := range c.Files {
		assert.True(t, f.Include, f.Who)
		assert.Empty(t, f.Notices, f.Who)
	}
	_, why := c.Reports()
	assert.Equal(t, "Choose the answer key (the “Key” column) to score the students against it. Without one (a team labelling a dataset), agreement and adjudication below work all the same.", why)
	cands := lead.st.CompareCandidates()
	require.Len(t, cands, 5, "each of the five claims is a candidate")
	for i := range cands {
		lead.do(AcceptCandidate{Index: i, Accept: true})
	}
	lead.do(AdoptGold{})
	require.NotEqual(t, "error", lead.st.Message.Kind, lead.st.Message.Text)
	gold := lead.st.Store.Project()
	assert.Len(t, gold.Documents, 3)
	perDoc := map[string]int{}
	titles := map[string]string{}
	for _, d := range gold.Documents {
		titles[d.ID] = d.Title
	}
	for _, a := range gold.Annotations {
		perDoc[titles[a.Document]]++
	}
	assert.Equal(t, map[string]int{"Harbour": 2, "Budget": 1, "Schools": 2}, perDoc)
}
