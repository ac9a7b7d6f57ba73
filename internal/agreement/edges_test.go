package agreement

import (
	"fmt"
	"math"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/text"
)

// Exact values at the edges of the agreement measures, each worked out by
// hand in its comment.

func TestAlphaNominalByHand(t *testing.T) {
	tests := []struct {
		name  string
		table [][]string
		want  float64
	}{
		{
			// One unit (a, b): o_ab = o_ba = 1, n = 2, Σ n_c·n_k = 4 − 2;
			// alpha = 1 − 1·2/2 = 0. Two values are enough to pair.
			name:  "one unit of two different values",
			table: [][]string{{"a", "b"}},
			want:  0,
		},
		{
			// Units (a,a), (a,b,b), (b,·,b) and (c,·,·), which has one value
			// and is left out. Observed Σ o = 0 + (9−5)/2 + 0 = 2;
			// n_a = 3, n_b = 4, n = 7, expected = 49 − 25 = 24;
			// alpha = 1 − 6·2/24 = 0.5.
			name:  "units of two and three values, missing values, an unpairable unit",
			table: [][]string{{"a", "a", ""}, {"a", "b", "b"}, {"b", "", "b"}, {"c", "", ""}},
			want:  0.5,
		},
		{
			// Units (a,b,c) and (a,a,a): observed (9−3)/2 = 3; n_a = 4,
			// n_b = n_c = 1, n = 6, expected = 36 − 18 = 18;
			// alpha = 1 − 5·3/18 = 1/6.
			name:  "three values in a unit, all different",
			table: [][]string{{"a", "b", "c"}, {"a", "a", "a"}},
			want:  1.0 / 6,
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := AlphaNominal(tc.table)
			require.NoError(t, err)
			assert.InDelta(t, tc.want, got, 1e-12)
		})
	}
}

func TestDefaultMinAnnotatorsIsHalfRoundedUpAndAtLeastTwo(t *testing.T) {
	for n, want := range map[int]int{0: 2, 1: 2, 2: 2, 3: 2, 4: 2, 5: 3, 6: 3, 7: 4, 10: 5, 11: 6} {
		assert.Equal(t, want, DefaultMinAnnotators(n), "of %d", n)
	}
}

func TestStanceAlphaCountsUnitsAndPairableValues(t *testing.T) {
	// Unit 1 (0–10): favor, favor, against — 3 values.
	// Unit 2 (20–30): favor, against (C did not mark it) — 2 values.
	// Unit 3 (40–50): neutral, and B marked it without a stance — 1 value,
	// a unit but no pairable values.
	// Unit 4 (60–70): only A.
	a := spanClaims("A", []text.Span{sp(0, 10), sp(20, 30), sp(40, 50), sp(60, 70)}, "favor", "favor", "neutral", "favor")
	b := spanClaims("B", []text.Span{sp(0, 10), sp(20, 30), sp(40, 50)}, "favor", "against", "")
	c := spanClaims("C", []text.Span{sp(0, 10)}, "against")
	annotators := []Annotator{a, b, c}
	tests := []struct {
		name          string
		min           int
		units, values int
		want          float64
	}{
		// Units 1–3: observed 2 + 2; n_favor = 3, n_against = 2, n = 5,
		// expected = 25 − 13 = 12; alpha = 1 − 4·4/12 = −1/3.
		{"at least 2 of 3 (the default)", 0, 3, 5, -1.0 / 3},
		{"at least 2 of 3", 2, 3, 5, -1.0 / 3},
		// Unit 4 joins with one value: nothing changes but the count.
		{"at least 1 of 3", 1, 4, 5, -1.0 / 3},
		// Unit 1 alone: observed 2, n = 3, expected = 9 − 5 = 4; alpha =
		// 1 − 2·2/4 = 0.
		{"all 3 of 3", 3, 1, 3, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := StanceAlpha(annotators, tc.min)
			require.NoError(t, err)
			assert.Equal(t, tc.units, r.Units)
			assert.Equal(t, tc.values, r.Values)
			assert.Equal(t, 3, r.Annotators)
			assert.InDelta(t, tc.want, r.Alpha, 1e-12)
		})
	}
}

func TestStanceAlphaRefusesAMinimumOutside1ToN(t *testing.T) {
	a := spanClaims("A", []text.Span{sp(0, 10)}, "favor")
	b := spanClaims("B", []text.Span{sp(0, 10)}, "against")
	for _, min := range []int{-1, 3} {
		r, err := StanceAlpha([]Annotator{a, b}, min)
		assert.ErrorIs(t, err, ErrInvalid, "minimum %d", min)
		assert.Equal(t, min, r.MinAnnotators)
	}
	r, err := StanceAlpha([]Annotator{a, b}, 2)
	require.NoError(t, err)
	assert.InDelta(t, 0, r.Alpha, 1e-12, "one unit (favor, against)")
}

func TestFleissKappaWithTwoRaters(t *testing.T) {
	// {2,0}, {1,1}: p = (3/4, 1/4); P_1 = (4 − 2)/2 = 1, P_2 = (1 + 1 − 2)/2
	// = 0; mean P = 1/2; P_e = 9/16 + 1/16 = 5/8; kappa = (1/2 − 5/8)/(3/8)
	// = −1/3.
	got, err := FleissKappa([][]int{{2, 0}, {1, 1}})
	require.NoError(t, err)
	assert.InDelta(t, -1.0/3, got, 1e-12)

	// Three subjects, three categories, 4 raters: {4,0,0}, {0,2,2}, {1,1,2}.
	// p = (5/12, 3/12, 4/12); P = (1, (8−4)/12 = 1/3, (6−4)/12 = 1/6);
	// mean P = 1/2; P_e = (25+9+16)/144 = 50/144; kappa = (1/2 − 50/144) /
	// (94/144) = 22/94.
	got, err = FleissKappa([][]int{{4, 0, 0}, {0, 2, 2}, {1, 1, 2}})
	require.NoError(t, err)
	assert.InDelta(t, 22.0/94, got, 1e-12)
}

func TestStanceKappaLeavesOutUnitsNotEveryoneGaveAStance(t *testing.T) {
	// Three annotators. Units: (f, f, a), (a, a, a), (f, f, ·: C gave no
	// stance), (f, f: C did not mark it). Used: the first two, categories
	// (against, favor): {1,2}, {3,0}. p = (4/6, 2/6); P = ((1+4−3)/6 = 1/3,
	// 1); mean P = 2/3; P_e = 20/36; kappa = (2/3 − 5/9)/(4/9) = 1/4.
	a := spanClaims("A", []text.Span{sp(0, 10), sp(20, 30), sp(40, 50), sp(60, 70)}, "favor", "against", "favor", "favor")
	b := spanClaims("B", []text.Span{sp(0, 10), sp(20, 30), sp(40, 50), sp(60, 70)}, "favor", "against", "favor", "favor")
	c := spanClaims("C", []text.Span{sp(0, 10), sp(20, 30), sp(40, 50)}, "against", "against", "")
	r, err := StanceKappa([]Annotator{a, b, c})
	require.NoError(t, err)
	assert.InDelta(t, 0.25, r.Kappa, 1e-12)
	assert.Equal(t, 2, r.Units)
	assert.Equal(t, 3, r.Annotators)
	assert.Equal(t, []string{"against", "favor"}, r.Categories)
	assert.Equal(t, "Fleiss' kappa, units = claims clustered by ≥50% overlap that all 3 annotators marked with a stance", r.Method)
}

func TestUnitSpanIsTheMajorityHullThenTheEarliestThenTheShortest(t *testing.T) {
	member := func(spans ...text.Span) Member {
		return Member{Annotation: annotation.Annotation{Fragments: spans}}
	}
	tests := []struct {
		name    string
		members []Member
		want    text.Span
	}{
		{"the hull most members have", []Member{member(sp(0, 10)), member(sp(2, 8)), member(sp(2, 8))}, sp(2, 8)},
		{"the majority even when it comes last", []Member{member(sp(0, 8)), member(sp(0, 10)), member(sp(0, 10))}, sp(0, 10)},
		{"a tie: the earliest", []Member{member(sp(5, 10)), member(sp(0, 10))}, sp(0, 10)},
		{"a tie: the earliest, given first", []Member{member(sp(0, 10)), member(sp(5, 10))}, sp(0, 10)},
		{"a tie at the same start: the shortest", []Member{member(sp(0, 8)), member(sp(0, 10))}, sp(0, 8)},
		{"a tie at the same start: the shortest, given last", []Member{member(sp(0, 10)), member(sp(0, 8))}, sp(0, 8)},
		{"the hull of a discontinuous member", []Member{member(sp(0, 3), sp(6, 9))}, sp(0, 9)},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, Unit{Members: tc.members}.Span())
		})
	}
}

func TestNewPRFAtZeroDenominators(t *testing.T) {
	tests := []struct {
		name                 string
		matched, key, other  int
		precision, recall, f float64
	}{
		{"nothing to find, nothing marked", 0, 0, 0, 1, 1, 1},
		{"nothing marked", 0, 3, 0, 0, 0, 0},
		{"nothing to find, something marked", 0, 0, 2, 0, 0, 0},
		{"none right", 0, 2, 2, 0, 0, 0},
		{"one of two found among four", 1, 2, 4, 0.25, 0.5, 2 * 0.25 * 0.5 / 0.75},
		{"all found, one extra", 3, 3, 4, 0.75, 1, 2 * 0.75 / 1.75},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := NewPRF(tc.matched, tc.key, tc.other)
			assert.Equal(t, tc.matched, p.Matched)
			assert.Equal(t, tc.key, p.Key)
			assert.Equal(t, tc.other, p.Other)
			assert.InDelta(t, tc.precision, p.Precision, 1e-12)
			assert.InDelta(t, tc.recall, p.Recall, 1e-12)
			assert.InDelta(t, tc.f, p.F1, 1e-12)
			assert.False(t, math.IsNaN(p.F1))
		})
	}
}

func TestPRFPlusAddsTheCountsNotTheRatios(t *testing.T) {
	got := NewPRF(1, 1, 1).plus(NewPRF(0, 3, 1))
	assert.Equal(t, 1, got.Matched)
	assert.Equal(t, 4, got.Key)
	assert.Equal(t, 2, got.Other)
	assert.InDelta(t, 0.5, got.Precision, 1e-12)
	assert.InDelta(t, 0.25, got.Recall, 1e-12)
}

func TestMatchesAndOverlapRatioAtTheThreshold(t *testing.T) {
	tests := []struct {
		name         string
		a, b         text.Span
		ratio        float64
		exact, overl bool
	}{
		{"equal", sp(0, 4), sp(0, 4), 1, true, true},
		{"exactly half of the longer", sp(0, 4), sp(2, 6), 0.5, false, true},
		{"exactly half, the other way round", sp(2, 6), sp(0, 4), 0.5, false, true},
		{"just under half", sp(0, 5), sp(3, 8), 0.4, false, false},
		{"contained, more than half", sp(0, 4), sp(1, 4), 0.75, false, true},
		{"touching", sp(0, 4), sp(4, 8), 0, false, false},
		{"empty", sp(2, 2), sp(0, 4), 0, false, false},
		{"both empty and equal", sp(2, 2), sp(2, 2), 0, false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.InDelta(t, tc.ratio, OverlapRatio(tc.a, tc.b), 1e-12)
			assert.Equal(t, tc.exact, Matches(tc.a, tc.b, Exact))
			assert.Equal(t, tc.overl, Matches(tc.a, tc.b, Overlap))
		})
	}
}

func TestMatchTakesTheBestRatioFirstAndBreaksTiesByIndex(t *testing.T) {
	tests := []struct {
		name       string
		key, other []text.Span
		want       []Pair
	}{
		{
			// Key 0 overlaps others 0 (ratio 0.5) and 1 (ratio 1); key 1
			// only other 0 (ratio 0.8). Best first: (0,1), then (1,0).
			name:  "the better pair first, then what is left",
			key:   []text.Span{sp(10, 20), sp(3, 13)},
			other: []text.Span{sp(5, 15), sp(10, 20)},
			want:  []Pair{{0, 1}, {1, 0}},
		},
		{
			// Both keys match other 0 with ratio 0.5: the lower key index.
			name:  "equal ratios: the lower key",
			key:   []text.Span{sp(0, 4), sp(4, 8)},
			other: []text.Span{sp(2, 6)},
			want:  []Pair{{0, 0}},
		},
		{
			// Key 0 matches others 0 and 1 with ratio 0.5: the lower other.
			name:  "equal ratios: the lower other",
			key:   []text.Span{sp(2, 6)},
			other: []text.Span{sp(4, 8), sp(0, 4)},
			want:  []Pair{{0, 0}},
		},
		{
			// An other span starting long before, reaching in: the search
			// window must go back by the longest other span (17).
			name:  "a long other span starting well before the key",
			key:   []text.Span{sp(50, 60)},
			other: []text.Span{sp(0, 3), sp(45, 62)},
			want:  []Pair{{0, 1}},
		},
		{
			name:  "a long other span covering most of the key",
			key:   []text.Span{sp(50, 60)},
			other: []text.Span{sp(52, 53), sp(45, 60)},
			want:  []Pair{{0, 1}},
		},
		{
			name:  "pairs come back in key order",
			key:   []text.Span{sp(20, 30), sp(0, 10)},
			other: []text.Span{sp(0, 10), sp(20, 29)},
			want:  []Pair{{0, 1}, {1, 0}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, Match(tc.key, tc.other, Overlap))
		})
	}
}

func TestRunsCountsEachAnnotatorOnceAndMergesEqualNeighbours(t *testing.T) {
	tests := []struct {
		name  string
		marks [][]text.Span
		want  []Run
	}{
		{"nothing", nil, nil},
		{"one span", [][]text.Span{{sp(2, 5)}}, []Run{{2, 5, 1}}},
		{"an annotator's own overlap counts once", [][]text.Span{{sp(0, 5), sp(3, 8)}}, []Run{{0, 8, 1}}},
		{"touching spans of one annotator make one run", [][]text.Span{{sp(0, 5), sp(5, 8)}}, []Run{{0, 8, 1}}},
		{"two annotators overlapping", [][]text.Span{{sp(0, 6)}, {sp(4, 10)}}, []Run{{0, 4, 1}, {4, 6, 2}, {6, 10, 1}}},
		{"a gap between runs", [][]text.Span{{sp(0, 2)}, {sp(5, 7)}}, []Run{{0, 2, 1}, {5, 7, 1}}},
		{"equal neighbours from two annotators merge", [][]text.Span{{sp(0, 3)}, {sp(3, 6)}}, []Run{{0, 6, 1}}},
		{"empty spans are ignored", [][]text.Span{{sp(3, 3)}, {sp(1, 2)}}, []Run{{1, 2, 1}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, Runs(tc.marks))
		})
	}
}

func TestPluralityNeedsAStrictMajorityOfTheGivenValues(t *testing.T) {
	tests := []struct {
		values []string
		want   string
	}{
		{nil, ""},
		{[]string{"", ""}, ""},
		{[]string{"favor"}, "favor"},
		{[]string{"favor", "against"}, ""},
		{[]string{"favor", "against", "favor"}, "favor"},
		{[]string{"against", "favor", "favor", "", ""}, "favor"},
		{[]string{"a", "a", "b", "b", "c"}, ""},
		{[]string{"c", "a", "a", "b", "b", "b"}, "b"},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, plurality(tc.values), "%q", tc.values)
	}
}

func TestNewAccuracy(t *testing.T) {
	assert.Equal(t, Accuracy{Correct: 1, Total: 4, Value: 0.25}, newAccuracy(1, 4, 9))
	assert.Equal(t, Accuracy{Value: 1}, newAccuracy(0, 0, 0), "nothing to assess")
	assert.Equal(t, Accuracy{Value: 0}, newAccuracy(0, 0, 2), "the key had some, none matched")
}

func TestWeightsValidate(t *testing.T) {
	assert.NoError(t, Weights{Claims: 1}.validate())
	assert.NoError(t, Weights{Attribution: 0.5}.validate())
	assert.NoError(t, DefaultWeights().validate())
	for _, w := range []Weights{
		{},
		{Claims: -0.1, Speakers: 1},
		{Speakers: math.NaN(), Claims: 1},
		{Stance: math.Inf(1)},
	} {
		assert.ErrorIs(t, w.validate(), ErrInvalid, "%+v", w)
	}
}

func TestCandidatesAreAcceptedWhenMoreThanHalfMarkedThem(t *testing.T) {
	// Four annotators: the first claim is marked by two (exactly half), the
	// second by three.
	a := spanClaims("A", []text.Span{sp(0, 10), sp(20, 30)}, "favor", "against")
	b := spanClaims("B", []text.Span{sp(0, 10), sp(20, 30)}, "against", "against")
	c := spanClaims("C", []text.Span{sp(21, 30)}, "favor")
	d := spanClaims("D", nil)
	got := Candidates([]Annotator{a, b, c, d})
	require.Len(t, got, 2)
	assert.Equal(t, Candidate{Document: "d", Label: annotation.LabelClaim, Span: sp(0, 10), Fragments: []text.Span{sp(0, 10)},
		Markers: []string{"A", "B"}, Count: 2, Stance: "", Accept: false}, got[0], "a tie of stances gives none")
	assert.Equal(t, Candidate{Document: "d", Label: annotation.LabelClaim, Span: sp(20, 30), Fragments: []text.Span{sp(20, 30)},
		Markers: []string{"A", "B", "C"}, Count: 3, Stance: "against", Accept: true}, got[1])
}

func TestCompareMatchesInReadingOrderWhateverTheOrderOfTheFile(t *testing.T) {
	key := spanClaims("K", []text.Span{sp(10, 20)}, "favor")
	claim := func(id string, s text.Span, stance string) annotation.Annotation {
		return annotation.Annotation{ID: id, Document: "d", Label: annotation.LabelClaim, Fragments: []text.Span{s}, Stance: stance}
	}
	tests := []struct {
		name  string
		anns  []annotation.Annotation
		right int
	}{
		// Both overlap the key by half: the one read first is matched.
		{"the earlier start", []annotation.Annotation{claim("s1", sp(15, 25), "against"), claim("s2", sp(5, 15), "favor")}, 1},
		{"the earlier start, listed first", []annotation.Annotation{claim("s1", sp(5, 15), "against"), claim("s2", sp(15, 25), "favor")}, 0},
		// The same start: the shorter (both overlap by half).
		{"the same start: the shorter", []annotation.Annotation{claim("s1", sp(10, 30), "against"), claim("s2", sp(10, 15), "favor")}, 1},
		// The same span: the lower id.
		{"the same span: the lower id", []annotation.Annotation{claim("s2", sp(10, 20), "against"), claim("s1", sp(10, 20), "favor")}, 1},
		{"an empty claim is not matched", []annotation.Annotation{claim("s1", sp(12, 12), "favor"), claim("s2", sp(15, 25), "against")}, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			student := Annotator{Name: "S", Project: annotation.Project{Documents: []annotation.Document{{ID: "d"}}, Annotations: tc.anns}}
			r, err := Compare(key, student, DefaultWeights())
			require.NoError(t, err)
			assert.Equal(t, Accuracy{Correct: tc.right, Total: 1, Value: float64(tc.right)}, r.Stance)
		})
	}
}

// unitSpans is each unit's members' hulls, by annotator name.
func unitSpans(us []Unit, names ...string) []map[string]text.Span {
	var out []map[string]text.Span
	for _, u := range us {
		m := map[string]text.Span{}
		for _, mem := range u.Members {
			m[names[mem.Annotator]] = mem.Annotation.Hull()
		}
		out = append(out, m)
	}
	return out
}

func TestUnitsSeedTheBestSupportedAnnotationFirst(t *testing.T) {
	// B's claim overlaps both A's and C's (support 2); A's and C's do not
	// overlap each other enough (support 1 each). Seeded by B, all three
	// make one unit; seeded in reading order, A's would take B's and leave
	// C's alone.
	a := spanClaims("A", []text.Span{sp(0, 10)})
	b := spanClaims("B", []text.Span{sp(4, 14)})
	c := spanClaims("C", []text.Span{sp(8, 18)})
	got := Units([]Annotator{a, b, c}, annotation.LabelClaim)
	assert.Equal(t, []map[string]text.Span{{"A": sp(0, 10), "B": sp(4, 14), "C": sp(8, 18)}}, unitSpans(got, "A", "B", "C"))
}

func TestUnitsTakeTheBestOverlapOfEachOtherAnnotator(t *testing.T) {
	tests := []struct {
		name string
		b    []text.Span
		want []map[string]text.Span
	}{
		{
			name: "the higher overlap ratio",
			b:    []text.Span{sp(1, 7), sp(2, 10)},
			want: []map[string]text.Span{{"A": sp(0, 10), "B": sp(2, 10)}, {"B": sp(1, 7)}},
		},
		{
			name: "equal ratios: the one read first",
			b:    []text.Span{sp(1, 6), sp(5, 10)},
			want: []map[string]text.Span{{"A": sp(0, 10), "B": sp(1, 6)}, {"B": sp(5, 10)}},
		},
	}
	// A's claim starts first, so it is the seed.
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := spanClaims("A", []text.Span{sp(0, 10)})
			b := spanClaims("B", tc.b)
			got := Units([]Annotator{a, b}, annotation.LabelClaim)
			assert.Equal(t, tc.want, unitSpans(got, "A", "B"))
		})
	}
}

func TestUnitsComeInOrderOfSpanThenFirstAnnotator(t *testing.T) {
	// Nothing overlaps across annotators: every claim is a unit of one.
	a := spanClaims("A", []text.Span{sp(30, 40), sp(0, 10)})
	b := spanClaims("B", []text.Span{sp(0, 4), sp(50, 52), sp(30, 34)})
	c := spanClaims("C", []text.Span{sp(30, 34)})
	got := Units([]Annotator{a, b, c}, annotation.LabelClaim)
	assert.Equal(t, []map[string]text.Span{
		{"B": sp(0, 4)}, {"A": sp(0, 10)}, {"B": sp(30, 34), "C": sp(30, 34)}, {"A": sp(30, 40)}, {"B": sp(50, 52)},
	}, unitSpans(got, "A", "B", "C"))
}

func TestCoverageByLabelHasOnlyTheLabelsMarkedInThatDocument(t *testing.T) {
	p := annotation.Project{
		Documents: []annotation.Document{{ID: "d1", Text: "First document."}, {ID: "d2", Text: "Second one."}},
		Annotations: []annotation.Annotation{
			{ID: "a", Document: "d2", Label: annotation.LabelClaim, Fragments: []text.Span{sp(0, 6)}},
			{ID: "b", Document: "d1", Label: annotation.LabelSpeaker, Fragments: []text.Span{sp(0, 5)}},
		},
	}
	one := Annotator{Name: "A", Project: p}
	assert.Equal(t, map[string][]Run{annotation.LabelSpeaker: {{0, 5, 1}}}, CoverageByLabel([]Annotator{one}, p.Documents[0]))
	assert.Equal(t, map[string][]Run{annotation.LabelClaim: {{0, 6, 1}}}, CoverageByLabel([]Annotator{one}, p.Documents[1]))
	assert.Equal(t, map[string][]Run{}, CoverageByLabel([]Annotator{one}, annotation.Document{ID: "d3", Text: "Other."}))
}

func TestAttributionCountsOnlyKeyClaimsThatSayWhoSpeaks(t *testing.T) {
	const body = "Ann said taxes rise. Bo said parks close. Rumours say roads open. Cy said fees drop. Ann said rents fall."
	doc := annotation.Document{ID: "d", Text: body}
	key := newBuilder(t, doc).speaker("k1", "Ann").
		// A speaker without a mention.
		claim("c1", "d", "taxes rise", "", "k1", "").
		// A mention whose entity is not set: the mention alone says who.
		add(annotation.Annotation{ID: "m2", Document: "d", Label: annotation.LabelSpeaker, Fragments: []text.Span{sp(21, 23)}, Quote: "Bo"}).
		claim("c2", "d", "parks close", "", "", "m2").
		// No speaker at all: not assessed.
		claim("c3", "d", "roads open", "", "", "").
		add(annotation.Annotation{ID: "m4", Document: "d", Label: annotation.LabelSpeaker, Fragments: []text.Span{sp(66, 68)}, Quote: "Cy"}).
		claim("c4", "d", "fees drop", "", "", "m4").
		claim("c5", "d", "rents fall", "", "k1", "").
		annotator("key")
	student := newBuilder(t, doc).speaker("s1", " ann ").
		claim("x1", "d", "taxes rise", "", "s1", "").
		add(annotation.Annotation{ID: "n2", Document: "d", Label: annotation.LabelSpeaker, Fragments: []text.Span{sp(21, 23)}, Quote: "Bo"}).
		claim("x2", "d", "parks close", "", "", "n2").
		claim("x3", "d", "roads open", "", "", "").
		// Neither a name nor a mention: wrong, even though the key's
		// speaker has no name either.
		claim("x4", "d", "fees drop", "", "", "").
		claim("x5", "d", "rents fall", "", "s1", "").
		annotator("S")
	r, err := Compare(key, student, DefaultWeights())
	require.NoError(t, err)
	assert.Equal(t, Accuracy{Correct: 3, Total: 4, Value: 3.0 / 4}, r.Attribution)
}

func TestCandidatesComeInOrderOfStartThenEndThenLabel(t *testing.T) {
	claimAt := func(id string, s text.Span, label string) annotation.Annotation {
		return annotation.Annotation{ID: id, Document: "d", Label: label, Fragments: []text.Span{s}}
	}
	p := annotation.Project{Documents: []annotation.Document{{ID: "d"}}, Annotations: []annotation.Annotation{
		claimAt("a", sp(10, 20), annotation.LabelClaim),
		claimAt("b", sp(0, 30), annotation.LabelClaim),
		claimAt("c", sp(10, 20), annotation.LabelCue),
		claimAt("d", sp(10, 15), annotation.LabelSpeaker),
	}}
	var got []string
	for _, c := range Candidates([]Annotator{{Name: "A", Project: p}}) {
		got = append(got, fmt.Sprintf("%s %d-%d", c.Label, c.Span.Start, c.Span.End))
	}
	assert.Equal(t, []string{"claim 0-30", "speaker 10-15", "claim 10-20", "cue 10-20"}, got)
}

func TestPairwiseF1OfTwoAnnotatorsIsTheirF1(t *testing.T) {
	a := spanClaims("A", []text.Span{sp(0, 10), sp(20, 30)})
	b := spanClaims("B", []text.Span{sp(0, 9)}) // P 1, R 1/2: F1 2/3
	pw, err := PairwiseF1([]Annotator{a, b}, annotation.LabelClaim)
	require.NoError(t, err)
	assert.Equal(t, []string{"A", "B"}, pw.Names)
	assert.InDeltaSlice(t, []float64{1, 2.0 / 3}, pw.F1[0], 1e-12)
	assert.InDeltaSlice(t, []float64{2.0 / 3, 1}, pw.F1[1], 1e-12)
	assert.InDelta(t, 2.0/3, pw.Mean, 1e-12, "one pair")
}

func TestScoreIsTheWeightedMeanWhateverTheWeightsAddUpTo(t *testing.T) {
	// Claims F1 2/3 (one of two found, nothing extra), no speakers in
	// either (F1 1), stance 1/1, attribution: nothing to assess (1).
	key := spanClaims("K", []text.Span{sp(0, 10), sp(20, 30)}, "favor", "favor")
	student := spanClaims("S", []text.Span{sp(0, 10)}, "favor")
	tests := []struct {
		w    Weights
		want float64
	}{
		{Weights{Claims: 2}, 100 * 2.0 / 3},
		{Weights{Claims: 3, Stance: 1}, 100 * (3*2.0/3 + 1) / 4},
		{Weights{Claims: 0.5, Speakers: 0.5}, 100 * (0.5*2.0/3 + 0.5) / 1},
	}
	for _, tc := range tests {
		r, err := Compare(key, student, tc.w)
		require.NoError(t, err)
		assert.InDelta(t, tc.want, r.Score, 1e-9, "%+v", tc.w)
	}
}

func TestUnitsSeedInReadingOrderWhenSupportTies(t *testing.T) {
	// Every claim below matches every other annotator's (support 2 each)
	// and starts at 0, so the seed is the claim that ends first.
	// The seed takes C's claim with the higher overlap ratio, so which
	// claim seeds decides which of C's two claims joins A and B.
	tests := []struct {
		name    string
		a, b, c []text.Span
		want    []map[string]text.Span
	}{
		{
			name: "the shorter span seeds when a later annotator marked it",
			a:    []text.Span{sp(0, 20)},
			b:    []text.Span{sp(0, 10)},
			c:    []text.Span{sp(0, 10), sp(0, 20)},
			want: []map[string]text.Span{{"A": sp(0, 20), "B": sp(0, 10), "C": sp(0, 10)}, {"C": sp(0, 20)}},
		},
		{
			name: "the shorter span seeds when the first annotator marked it",
			a:    []text.Span{sp(0, 10)},
			b:    []text.Span{sp(0, 20)},
			c:    []text.Span{sp(0, 10), sp(0, 20)},
			want: []map[string]text.Span{{"A": sp(0, 10), "B": sp(0, 20), "C": sp(0, 10)}, {"C": sp(0, 20)}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Units([]Annotator{spanClaims("A", tc.a), spanClaims("B", tc.b), spanClaims("C", tc.c)}, annotation.LabelClaim)
			assert.Equal(t, tc.want, unitSpans(got, "A", "B", "C"))
		})
	}
}
