package app

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/agreement"
	"sayso/internal/annotation"
	"sayso/internal/exchange"
)

// classExport is one person's export of the sample article: speaker
// "Tomas Reyes" and the claims given, each with a stance and linked to him.
func classExport(t *testing.T, who string, role string, claims map[string]string) TextFile {
	t.Helper()
	st := NewState(fixedClock)
	Update(st, LoadSample{})
	Update(st, SetAnnotator{Name: who})
	Update(st, Tag{Label: annotation.LabelSpeaker, Sel: cp(t, SampleText, "Tomas Reyes")})
	for quote, stance := range claims {
		Update(st, Tag{Label: annotation.LabelClaim, Sel: cp(t, SampleText, quote)})
		require.NotEmpty(t, st.Selected, st.Message.Text)
		Update(st, SetStance{Value: stance})
		Update(st, LinkNearest{})
	}
	p := st.Store.Project()
	p.Exercise = annotation.ExerciseRef{ID: "ex-1", Title: "Harbour", Role: role}
	data, err := exchange.EncodeProject(p)
	require.NoError(t, err)
	return TextFile{Name: who + ".sayso.json", Data: data}
}

const (
	slowDeath = "“a slow death for small businesses.”"
	customers = "half of his customers arrive by car"
)

func classState(t *testing.T) *State {
	st := NewState(fixedClock)
	Update(st, AddCompareFiles{Files: []TextFile{
		classExport(t, "Teacher", "key", map[string]string{slowDeath: "against", customers: "against"}),
		classExport(t, "Ana", "", map[string]string{slowDeath: "against", customers: "against"}),
		classExport(t, "Ben", "", map[string]string{slowDeath: "favor"}),
		classExport(t, "Cleo", "", map[string]string{slowDeath: "against", customers: "neutral"}),
	}})
	require.True(t, st.Comparing)
	require.Len(t, st.Compare.Files, 4, st.Message.Text)
	return st
}

func TestCompareFlagsAnotherExerciseAndLeavesItOut(t *testing.T) {
	st := classState(t)
	other := classExport(t, "Dan", "", map[string]string{slowDeath: "against"})
	p, err := exchange.DecodeProject(other.Data)
	require.NoError(t, err)
	p.Exercise.ID, p.Exercise.Title = "ex-2", "Another one"
	other.Data, err = exchange.EncodeProject(p)
	require.NoError(t, err)
	Update(st, AddCompareFiles{Files: []TextFile{other}})
	dan := st.Compare.Files[4]
	assert.False(t, dan.Include, "not mixed in silently")
	assert.Contains(t, strings.Join(dan.Notices, " "), "another exercise (Another one)")
	reports, _ := st.Compare.Reports()
	assert.Len(t, reports, 3)
	Update(st, IncludeCompareFile{Index: 4, Include: true})
	reports, _ = st.Compare.Reports()
	assert.Len(t, reports, 4, "the teacher may count it after all")
}

func TestAdjudicatedCandidatesBecomeTheGoldProject(t *testing.T) {
	st := classState(t)
	cands := st.CompareCandidates()
	var claims []int
	for i, c := range cands {
		if c.Label == annotation.LabelClaim {
			claims = append(claims, i)
		}
	}
	require.Len(t, claims, 2)
	slow := cands[claims[0]]
	assert.True(t, slow.Accept, "all four marked it")
	assert.Equal(t, "against", slow.Stance, "the majority stance")
	Update(st, AcceptCandidate{Index: claims[1], Accept: false})

	Update(st, AdoptGold{})
	assert.False(t, st.Comparing)
	require.NotEmpty(t, st.Doc)
	p := st.Store.Project()
	var gotClaims []annotation.Annotation
	for _, a := range p.Annotations {
		if a.Label == annotation.LabelClaim {
			gotClaims = append(gotClaims, a)
		}
	}
	require.Len(t, gotClaims, 1)
	assert.Equal(t, slowDeath, gotClaims[0].Quote)
	assert.Equal(t, "against", gotClaims[0].Stance)
	require.NotEmpty(t, gotClaims[0].Speaker, "attributed to the majority's speaker")
	assert.Equal(t, "key", p.Exercise.Role)
}

func TestCompareRefusesFilesThatAreNotProjects(t *testing.T) {
	st := NewState(fixedClock)
	Update(st, AddCompareFiles{Files: []TextFile{{Name: "notes.sayso.json", Data: []byte("{nope")}}})
	assert.Equal(t, "error", st.Message.Kind)
	assert.Contains(t, st.Message.Text, "“notes.sayso.json”")
	assert.Empty(t, st.Compare.Files)
}

func TestAStudentExportOfAnEditedTextIsReanchoredWithANotice(t *testing.T) {
	st := classState(t)
	edited := "Corrected on Monday.\n" + SampleText
	s := NewState(fixedClock)
	Update(s, Paste{Title: SampleTitle, Text: edited})
	Update(s, SetAnnotator{Name: "Dan"})
	Update(s, Tag{Label: annotation.LabelClaim, Sel: cp(t, edited, slowDeath)})
	Update(s, SetStance{Value: "against"})
	p := s.Store.Project()
	p.Exercise = annotation.ExerciseRef{ID: "ex-1", Title: "Harbour"}
	data, err := exchange.EncodeProject(p)
	require.NoError(t, err)

	Update(st, AddCompareFiles{Files: []TextFile{{Name: "dan.sayso.json", Data: data}}})
	dan := st.Compare.Files[4]
	assert.True(t, dan.Include, "re-anchored, so counted")
	require.Len(t, dan.Notices, 1)
	assert.Contains(t, dan.Notices[0], "1 annotation re-anchored on the reference text")
	reports, _ := st.Compare.Reports()
	var found bool
	for _, r := range reports {
		if r.Annotator == "Dan" {
			found = true
			assert.InDelta(t, 1.0, r.Claims.Exact.Precision, 1e-9, "the claim sits on the reference's words")
		}
	}
	assert.True(t, found)
}

func TestCompareWeightsMustMakeAScoreAndScoresNeedAKey(t *testing.T) {
	st := classState(t)
	Update(st, SetCompareWeight{Name: "claims", Value: -1})
	assert.Equal(t, "error", st.Message.Kind, "a negative weight is refused")
	assert.InDelta(t, 0.4, st.Compare.Weights.Claims, 1e-9)
	for _, name := range []string{"claims", "speakers", "stance", "attribution"} {
		Update(st, SetCompareWeight{Name: name, Value: 0})
	}
	assert.Contains(t, st.Message.Text, "at least one is above 0", "the last weight cannot go to 0")
	assert.InDelta(t, 0.2, st.Compare.Weights.Attribution, 1e-9)
	Update(st, SetCompareWeight{Name: "attribution", Value: 0.5})
	Update(st, SetCompareWeight{Name: "stance", Value: 1.5})
	reports, _ := st.Compare.Reports()
	for _, r := range reports {
		assert.InDelta(t, 100*(1.5*r.Stance.Value+0.5*r.Attribution.Value)/2, r.Score, 1e-9, "the score follows the weights")
	}

	Update(st, SetCompareKey{Index: -1})
	assert.Empty(t, Update(st, ExportScores{}), "no key, no scores")
	assert.Contains(t, st.Message.Text, "Choose the answer key")
}

func TestCompareActionsTakeEveryFileAndNoIndexPastTheLast(t *testing.T) {
	all := []bool{true, true, true, true}
	tests := []struct {
		name    string
		act     Action
		key     int    // Compare.Key after
		include []bool // each file's Include after
	}{
		{"the first file can be left out", IncludeCompareFile{Index: 0, Include: false}, 0, []bool{false, true, true, true}},
		{"the last file can be left out", IncludeCompareFile{Index: 3, Include: false}, 0, []bool{true, true, true, false}},
		{"no file past the last is left out", IncludeCompareFile{Index: 4, Include: false}, 0, all},
		{"the last file can be the key", SetCompareKey{Index: 3}, 3, all},
		{"no file past the last is the key", SetCompareKey{Index: 4}, 0, all},
		{"no key at all", SetCompareKey{Index: -1}, -1, all},
		{"nothing before no key", SetCompareKey{Index: -2}, 0, all},
		{"the key's file removed: no key", RemoveCompareFile{Index: 0}, -1, []bool{true, true, true}},
		{"the last file removed", RemoveCompareFile{Index: 3}, 0, []bool{true, true, true}},
		{"no file past the last removed", RemoveCompareFile{Index: 4}, 0, all},
		{"no file before the first removed", RemoveCompareFile{Index: -1}, 0, all},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := classState(t)
			require.Equal(t, 0, st.Compare.Key, "the teacher's file is the key")
			Update(st, tt.act)
			assert.Equal(t, tt.key, st.Compare.Key)
			var include []bool
			for _, f := range st.Compare.Files {
				include = append(include, f.Include)
			}
			assert.Equal(t, tt.include, include)
		})
	}
}

func TestAnyOneCompareWeightCanBeZeroButNoneNegative(t *testing.T) {
	for _, name := range []string{"claims", "speakers", "stance", "attribution"} {
		for _, tc := range []struct {
			value float64
			taken bool
		}{{0, true}, {0.5, true}, {-0.1, false}} {
			t.Run(fmt.Sprintf("%s %v", name, tc.value), func(t *testing.T) {
				st := classState(t)
				before := st.Compare.Weights
				Update(st, SetCompareWeight{Name: name, Value: tc.value})
				w := st.Compare.Weights
				got := map[string]float64{"claims": w.Claims, "speakers": w.Speakers, "stance": w.Stance, "attribution": w.Attribution}[name]
				if tc.taken {
					assert.InDelta(t, tc.value, got, 1e-12)
					assert.NotEqual(t, "error", st.Message.Kind, st.Message.Text)
					return
				}
				assert.Equal(t, before, w, "refused")
				assert.Equal(t, "error", st.Message.Kind)
			})
		}
	}
}

func TestTwoNonZeroWeightsThatCancelOutStillMakeAScore(t *testing.T) {
	st := classState(t)
	for _, w := range []SetCompareWeight{
		{Name: "claims", Value: 1}, {Name: "speakers", Value: 1},
		{Name: "stance", Value: 0}, {Name: "attribution", Value: 0},
	} {
		Update(st, w)
		require.NotEqual(t, "error", st.Message.Kind, "%+v: %s", w, st.Message.Text)
	}
	assert.Equal(t, 1.0, st.Compare.Weights.Claims)
	assert.Equal(t, 1.0, st.Compare.Weights.Speakers)
	assert.Zero(t, st.Compare.Weights.Stance)
	assert.Zero(t, st.Compare.Weights.Attribution)
}

func TestAcceptingACandidatePastTheLastChangesNothing(t *testing.T) {
	st := classState(t)
	st.CompareCandidates()
	n := len(st.Compare.Candidates)
	require.Positive(t, n)
	before := append([]agreement.Candidate(nil), st.Compare.Candidates...)
	for _, index := range []int{-1, n, n + 1} {
		require.NotPanics(t, func() { Update(st, AcceptCandidate{Index: index, Accept: !before[0].Accept}) }, "index %d", index)
		assert.Equal(t, before, st.Compare.Candidates, "index %d", index)
	}
	Update(st, AcceptCandidate{Index: n - 1, Accept: !before[n-1].Accept})
	assert.Equal(t, !before[n-1].Accept, st.Compare.Candidates[n-1].Accept, "the last candidate can be changed")
}

func TestTheFirstAnswerKeyAmongTheFilesIsTheKey(t *testing.T) {
	st := NewState(fixedClock)
	Update(st, AddCompareFiles{Files: []TextFile{
		classExport(t, "Ana", "", map[string]string{slowDeath: "against"}),
		classExport(t, "Teacher", "key", map[string]string{slowDeath: "against"}),
		classExport(t, "Deputy", "key", map[string]string{slowDeath: "favor"}),
	}})
	require.Len(t, st.Compare.Files, 3, st.Message.Text)
	assert.Equal(t, 1, st.Compare.Key, "the teacher's file, the first key read")

	st = NewState(fixedClock)
	Update(st, AddCompareFiles{Files: []TextFile{
		classExport(t, "Teacher", "key", map[string]string{slowDeath: "against"}),
		classExport(t, "Deputy", "key", map[string]string{slowDeath: "favor"}),
	}})
	assert.Equal(t, 0, st.Compare.Key, "a key in the first place is kept too")
}

func TestTheScoreTableSortsByTheColumnChosenAndKeepsTiesInFileOrder(t *testing.T) {
	st := classState(t)
	Update(st, AddCompareFiles{Files: []TextFile{
		classExport(t, "Dan", "", map[string]string{slowDeath: "against", customers: "against"}), // as Ana: a tie
	}})
	names := func() []string {
		reports, err := st.Compare.Reports()
		require.Empty(t, err)
		var out []string
		for _, r := range reports {
			out = append(out, r.Annotator)
		}
		return out
	}
	scores := func() []float64 {
		reports, _ := st.Compare.Reports()
		var out []float64
		for _, r := range reports {
			out = append(out, r.Score)
		}
		return out
	}
	require.Len(t, names(), 4, "the students, not the key")

	s := scores()
	assert.True(t, s[0] >= s[1] && s[1] >= s[2] && s[2] >= s[3], "highest score first by default: %v", s)
	assert.Equal(t, []string{"Ana", "Dan"}, names()[:2], "Ana and Dan tie: the file read first stays first")

	Update(st, SortCompare{Column: "name"})
	assert.Equal(t, []string{"Ana", "Ben", "Cleo", "Dan"}, names(), "names A to Z first")
	Update(st, SortCompare{Column: "name"})
	assert.Equal(t, []string{"Dan", "Cleo", "Ben", "Ana"}, names(), "then Z to A")

	Update(st, SortCompare{Column: "score"})
	Update(st, SortCompare{Column: "score"})
	s = scores()
	assert.True(t, s[0] <= s[1] && s[1] <= s[2] && s[2] <= s[3], "lowest score first the second time: %v", s)
	got := names()
	assert.Equal(t, []string{"Ana", "Dan"}, got[2:], "ties still in file order: %v", got)
}

func TestTheGoldSetSaysHowManyAnnotationsItTookAndNothingOfSkippedWhenNoneWere(t *testing.T) {
	st := classState(t)
	accepted := 0
	for _, c := range st.CompareCandidates() {
		if c.Accept {
			accepted++
		}
	}
	require.Greater(t, accepted, 1)
	Update(st, AdoptGold{})
	assert.Equal(t, fmt.Sprintf("The gold set is open: %d annotations accepted. Export it in any format from the Export menu.", accepted), st.Message.Text)
	assert.Len(t, st.Store.Project().Annotations, accepted)
}

func TestStudentsOfTheSameNameKeepTheirFileOrderInEitherNameOrder(t *testing.T) {
	st := classState(t)
	Update(st, AddCompareFiles{Files: []TextFile{
		classExport(t, "Eve", "", map[string]string{slowDeath: "against"}),
		classExport(t, "Eve", "", map[string]string{slowDeath: "favor", customers: "against"}),
	}})
	eves := func(reports []agreement.Report) []float64 {
		var out []float64
		for _, r := range reports {
			if r.Annotator == "Eve" {
				out = append(out, r.Score)
			}
		}
		return out
	}
	sorted := func() []float64 {
		reports, err := st.Compare.Reports()
		require.Empty(t, err)
		return eves(reports)
	}
	sorted()
	inFileOrder := eves(st.Compare.reports)
	require.Len(t, inFileOrder, 2)
	require.NotEqual(t, inFileOrder[0], inFileOrder[1], "the two files score differently, so their order shows")

	Update(st, SortCompare{Column: "name"})
	assert.Equal(t, inFileOrder, sorted(), "A to Z: the first file's Eve first")
	Update(st, SortCompare{Column: "name"})
	assert.Equal(t, inFileOrder, sorted(), "Z to A: still the first file's Eve first")
}
