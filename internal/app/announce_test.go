package app

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// claimBy tags a claim and a speaker mention, links them and sets the
// claim's stance; the claim is selected.
func claimBy(t *testing.T, st *State, claim, speaker string, stance int) {
	t.Helper()
	Step(st, Tag{Label: "speaker", Sel: cp(t, SampleText, speaker)})
	Step(st, Tag{Label: "claim", Sel: cp(t, SampleText, claim)})
	Step(st, LinkNearest{})
	Step(st, SetStanceIndex{N: stance})
}

func TestEveryChangeIsAnnouncedInWords(t *testing.T) {
	claim := "a slow death for small businesses."
	tests := []struct {
		name  string
		setup func(t *testing.T, st *State)
		act   Action
		want  string
	}{
		{"tagging with nothing selected explains", func(*testing.T, *State) {}, Tag{Label: "claim", Sel: Selection{}}, "Select some text first, then press c to tag it as claim."},
		{"a speaker added", func(*testing.T, *State) {}, Tag{Label: "speaker", Sel: Selection{Start: 535, End: 546}}, ""},
		{"stance set", func(t *testing.T, st *State) { claimBy(t, st, claim, "Tomas Reyes", 1) }, SetStanceIndex{N: 2},
			"Stance set: Claim “a slow death for small businesses.”, against, Tomas Reyes."},
		{"stance cleared", func(t *testing.T, st *State) { claimBy(t, st, claim, "Tomas Reyes", 1) }, PressStance{Value: "favor"},
			"Stance cleared: Claim “a slow death for small businesses.”, no stance, Tomas Reyes."},
		{"deleted", func(t *testing.T, st *State) { claimBy(t, st, claim, "Tomas Reyes", 1) }, Delete{},
			"Deleted the claim “a slow death for small businesses.”, favor, Tomas Reyes. Undo with Ctrl+Z."},
		{"note", func(t *testing.T, st *State) { claimBy(t, st, claim, "Tomas Reyes", 3) }, SetNote{Value: "check"},
			"Note saved: Claim “a slow death for small businesses.”, neutral, Tomas Reyes."},
		{"next", func(t *testing.T, st *State) { claimBy(t, st, claim, "Tomas Reyes", 3) }, Move{Delta: -1},
			"Selected Speaker “Tomas Reyes”."},
		{"selection cleared", func(t *testing.T, st *State) { claimBy(t, st, claim, "Tomas Reyes", 3) }, Select{},
			"No annotation selected."},
		{"undo says what it undid", func(t *testing.T, st *State) { claimBy(t, st, claim, "Tomas Reyes", 3) }, Undo{},
			"Undid set stance."},
		{"a failure is an alert, not the live region", func(*testing.T, *State) {}, Failed{Text: "Could not read"}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := sampleState(t)
			tc.setup(t, st)
			seq := st.Announce.Seq
			Step(st, tc.act)
			if tc.want == "" {
				if tc.name == "a speaker added" {
					assert.Regexp(t, `^Speaker added: “.+”\.$`, st.Announce.Text)
					assert.Greater(t, st.Announce.Seq, seq)
					return
				}
				assert.Equal(t, seq, st.Announce.Seq, "nothing announced: %q", st.Announce.Text)
				return
			}
			assert.Equal(t, tc.want, st.Announce.Text)
			assert.Greater(t, st.Announce.Seq, seq, "a new announcement")
		})
	}
}

func TestAClaimAddedIsAnnouncedWithStanceAndSpeaker(t *testing.T) {
	st := sampleState(t)
	Step(st, Tag{Label: "speaker", Sel: cp(t, SampleText, "Tomas Reyes")})
	assert.Equal(t, "Speaker added: “Tomas Reyes”.", st.Announce.Text)
	Step(st, Tag{Label: "claim", Sel: cp(t, SampleText, "a slow death for small businesses.")})
	assert.Equal(t, "Claim added: “a slow death for small businesses.”, no stance, no speaker.", st.Announce.Text)
	Step(st, LinkNearest{})
	assert.Equal(t, "Speaker linked: Claim “a slow death for small businesses.”, no stance, Tomas Reyes.", st.Announce.Text)
}

func TestTheSameWordsTwiceAreAnnouncedTwice(t *testing.T) {
	st := sampleState(t)
	Step(st, Tag{Label: "claim"})
	first := st.Announce
	Step(st, Tag{Label: "claim"})
	assert.Equal(t, first.Text, st.Announce.Text)
	assert.Greater(t, st.Announce.Seq, first.Seq)
}

func TestTheCaretEnteringAnnotatedTextSelectsAndAnnouncesIt(t *testing.T) {
	st := sampleState(t)
	claimBy(t, st, "a slow death for small businesses.", "Tomas Reyes", 2)
	claimID := st.Selected
	Step(st, Select{})
	inClaim := cp(t, SampleText, "slow death").Start
	mention := cp(t, SampleText, "Tomas Reyes")

	Step(st, CaretAt{Offset: inClaim})
	assert.Equal(t, claimID, st.Selected, "shown in the inspector")
	assert.Equal(t, "In Claim “a slow death for small businesses.”, against, Tomas Reyes.", st.Announce.Text)

	seq := st.Announce.Seq
	Step(st, CaretAt{Offset: inClaim + 1})
	assert.Equal(t, seq, st.Announce.Seq, "moving inside the same annotation says nothing again")

	Step(st, CaretAt{Offset: mention.Start + 2})
	a := selected(t, st)
	assert.Equal(t, "speaker", a.Label)
	assert.Equal(t, "In Speaker “Tomas Reyes”.", st.Announce.Text)

	Step(st, CaretAt{Offset: 0})
	assert.Empty(t, st.Selected, "leaving clears what the caret selected")
	assert.Equal(t, "Outside the annotations.", st.Announce.Text)
}

func TestTheCaretInNestedAnnotationsReadsTheInnermostFirst(t *testing.T) {
	st := sampleState(t)
	outer := cp(t, SampleText, "“Nobody asked us,” Reyes told reporters")
	Step(st, Tag{Label: "claim", Sel: outer})
	Step(st, Tag{Label: "speaker", Sel: cp(t, SampleText, "Reyes told")})
	Step(st, Select{})
	Step(st, CaretAt{Offset: cp(t, SampleText, "Reyes told").Start + 1})
	require.Equal(t, "speaker", selected(t, st).Label)
	assert.Regexp(t, `^In Speaker “Reyes.*”; within Claim “.*Nobody asked us.*”, no stance, no speaker\.$`, st.Announce.Text)
}

func TestDescribeReadsAListItemInFull(t *testing.T) {
	st := sampleState(t)
	claimBy(t, st, "a slow death for small businesses.", "Tomas Reyes", 1)
	assert.Equal(t, "Claim “a slow death for small businesses.”, favor, Tomas Reyes", Describe(st, selected(t, st)))
}

func TestANoticeIsSaidAfterTheChangeItComesWith(t *testing.T) {
	st := NewState(fixedClock)
	Step(st, Paste{Title: "Bad bytes", Text: "Caf\xe9 owners said the vote was rushed."})
	assert.Equal(t, "Started on “Bad bytes”. Select text in the article, then press c for a claim, s for a speaker, q for a cue. "+st.Message.Text, st.Announce.Text)
	assert.Contains(t, st.Announce.Text, "not valid UTF-8")
}

func TestDescribeNamesTheSpeakerAMentionRefersToWhenItsWordsDiffer(t *testing.T) {
	st := sampleState(t)
	Step(st, Tag{Label: "speaker", Sel: cp(t, SampleText, "Ines Okafor")})
	full := selected(t, st)
	at := cp(t, SampleText, "Okafor said").Start
	Step(st, Tag{Label: "speaker", Sel: Selection{Start: at, End: at + len("Okafor")}})
	surname := selected(t, st)
	require.Equal(t, full.Speaker, surname.Speaker, "the surname joins the one speaker it can be")
	for _, tc := range []struct {
		name string
		a    string
		want string
	}{
		{"the full name says no more", full.ID, "Speaker “Ines Okafor”"},
		{"a surname names the speaker", surname.ID, "Speaker “Okafor”, mentions Ines Okafor"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a, ok := st.Store.Annotation(tc.a)
			require.True(t, ok)
			assert.Equal(t, tc.want, Describe(st, a))
		})
	}
}

func TestTheCaretInTwoAnnotationsOfTheSameWordsReadsTheFirstMadeFirst(t *testing.T) {
	st := sampleState(t)
	words := cp(t, SampleText, "Reyes told")
	Step(st, Tag{Label: "claim", Sel: words})
	claim := st.Selected
	Step(st, Tag{Label: "speaker", Sel: words})
	Step(st, Select{})
	Step(st, CaretAt{Offset: words.Start + 1})
	assert.Equal(t, claim, st.Selected, "of equal spans, the first made is selected")
	assert.Equal(t, "In Claim “Reyes told”, no stance, no speaker; within Speaker “Reyes told”.", st.Announce.Text)
}

func TestAnEditThatChangesNothingSaysNothing(t *testing.T) {
	claim := "a slow death for small businesses."
	for _, tc := range []struct {
		name  string
		setup Action
		again Action
	}{
		{"the same note again", SetNote{Value: "check"}, SetNote{Value: "check"}},
		{"the same target again", SetTarget{Value: "the plan"}, SetTarget{Value: "the plan"}},
		{"the same stance again", SetStance{Value: "against"}, SetStance{Value: "against"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := sampleState(t)
			claimBy(t, st, claim, "Tomas Reyes", 1)
			Step(st, tc.setup)
			seq := st.Announce.Seq
			Step(st, tc.again)
			assert.Equal(t, seq, st.Announce.Seq, "nothing announced: %q", st.Announce.Text)
		})
	}
}
