package agreement_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/agreement"
	"sayso/internal/annotation"
	"sayso/internal/workedclass"
)

// The class of package workedclass (its doc draws the article and every
// span), worked out by hand. Spans, with their lengths in code points:
//
//	key  C1 23–53 (30)  C2 72–106 (34)  C3 126–158 (32)  C4 178–193 (15)
//	     M1 0–17 (17)   M2 55–66 (11)   M3 108–114 (6)   M4 160–165 (5)
//	Ben  "the harbour" 42–53 (11), "a slow death for shops" 84–106 (22),
//	     mention "Ines Okafor" 6–17 (11)
//	Cleo "that buses will run every ten minutes" 121–158 (37)
//	Dev  "said the plan will save the harbour" 18–53 (35),
//	     mentions "Mayor Ines Okafor said" 0–22 (22), "Reyes" 61–66 (5)
//
// Overlap ratios (|a ∩ b| / longer) that decide a match (≥ 0.5):
//
//	"a slow death for shops" ~ C2          22/34 = 0.65  match
//	"that buses will run…"   ~ C3          32/37 = 0.86  match
//	"said the plan will…"    ~ C1          30/35 = 0.86  match
//	"the harbour"            ~ C1          11/30 = 0.37  no match
//	"Ines Okafor"            ~ M1          11/17 = 0.65  match
//	"Mayor Ines Okafor said" ~ M1          17/22 = 0.77  match
//	"Reyes" 61–66            ~ M2           5/11 = 0.45  no match
//
// F1 = 2·matched / (key spans + other spans).

func workedClass(t *testing.T) (agreement.Annotator, []agreement.Annotator) {
	t.Helper()
	key, err := workedclass.Key()
	require.NoError(t, err)
	projects, err := workedclass.Students()
	require.NoError(t, err)
	students := make([]agreement.Annotator, len(projects))
	for i, p := range projects {
		students[i] = agreement.Annotator{Name: workedclass.Names()[i], Project: p}
	}
	return agreement.Annotator{Name: "key", Project: key}, students
}

// scoreRow is one student's row of the score table, every column.
type scoreRow struct {
	claimsExact, claimsOverlap, precision, recall float64
	speakersExact, speakersOverlap                float64
	stance, attribution                           float64
	score                                         float64
}

func TestWorkedClassScoresEveryColumnAsWorkedByHand(t *testing.T) {
	// Score = 100 × (0.4·claims F1 + 0.2·speakers F1 + 0.2·stance + 0.2·attribution),
	// both F1 by overlap (the default weights).
	want := map[string]scoreRow{
		// Ana is the key: every span exact, every stance and speaker right.
		"Ana": {1, 1, 1, 1, 1, 1, 1, 1, 100},
		// Ben, claims: exact C1, C4 → 2·2/(4+4) = 0.5; by overlap also the
		// slow death → 3 of 4 found, 3 of 4 right: P = R = F1 = 0.75 ("the
		// harbour" matches nothing).
		// Speakers: exact M2 only → 2·1/(4+2) = 1/3; by overlap also
		// "Ines Okafor" ~ M1 → 2·2/(4+2) = 2/3.
		// Stance on the 3 matched claims: C1 favor ✓, slow death favor ✗
		// (key against), C4 against ✓ → 2/3.
		// Attribution: C1 → "Ines Okafor" (same name ✓), slow death →
		// "Tomas Reyes" ✓, C4 → "Ines Okafor" (key: Tomas Reyes; the
		// mention 6–17 touches no Reyes mention) ✗ → 2/3.
		// Score = 100·(0.4·0.75 + 0.2·2/3 + 0.2·2/3 + 0.2·2/3) = 100·(0.3 + 0.4) = 70.
		"Ben": {0.5, 0.75, 0.75, 0.75, 1.0 / 3, 2.0 / 3, 2.0 / 3, 2.0 / 3, 70},
		// Cleo, claims: exact C1, C2 → 2·2/(4+3) = 4/7; by overlap also
		// "that buses…" ~ C3 → 3 found of 4, all 3 right: P = 1, R = 0.75,
		// F1 = 2·3/(4+3) = 6/7.
		// Speakers: M1, M2, M3 exact → 2·3/(4+3) = 6/7 both ways.
		// Stance: C1 neutral ✗, C2 against ✓, C3 favor ✓ → 2/3.
		// Attribution: C1 → "Mayor Ines Okafor" (name differs, but her M1
		// overlaps the key's M1 of Ines Okafor ✓), C2 → M2 ✓, C3 → M2
		// (Tomas Reyes; M2 touches no Okafor mention) ✗ → 2/3.
		// Score = 100·(0.4·6/7 + 0.2·6/7 + 0.2·2/3 + 0.2·2/3)
		//       = 100·(3.6/7 + 0.8/3) = 100·(0.514286 + 0.266667) = 78.0952.
		"Cleo": {4.0 / 7, 6.0 / 7, 1, 0.75, 6.0 / 7, 6.0 / 7, 2.0 / 3, 2.0 / 3, 100 * (3.6/7 + 0.8/3)},
		// Dev, claims: exact C2, C3, C4 → 2·3/(4+4) = 0.75; by overlap also
		// "said the plan…" ~ C1 → 4 of 4: P = R = F1 = 1.
		// Speakers: exact M3, M4 → 2·2/(4+4) = 0.5; by overlap also
		// "Mayor Ines Okafor said" ~ M1 ("Reyes" 61–66 is under half of
		// M2) → 2·3/(4+4) = 0.75.
		// Stance: C1 favor ✓, C2 unclear ✗, C3 favor ✓, C4 none ✗ → 2/4.
		// Attribution: C1 → "Okafor" by a mention over M1 ✓, C2 → "Reyes"
		// 61–66 inside M2 ✓, C3 → M3 ✓, C4 no speaker ✗ → 3/4.
		// Score = 100·(0.4·1 + 0.2·0.75 + 0.2·0.5 + 0.2·0.75) = 100·0.8 = 80.
		"Dev": {0.75, 1, 1, 1, 0.5, 0.75, 0.5, 0.75, 80},
	}
	key, students := workedClass(t)
	reports, err := agreement.CompareAll(key, students, agreement.DefaultWeights())
	require.NoError(t, err)
	require.Len(t, reports, len(want))
	for _, r := range reports {
		t.Run(r.Annotator, func(t *testing.T) {
			w, ok := want[r.Annotator]
			require.True(t, ok)
			got := scoreRow{
				r.Claims.Exact.F1, r.Claims.Overlap.F1, r.Claims.Overlap.Precision, r.Claims.Overlap.Recall,
				r.Speakers.Exact.F1, r.Speakers.Overlap.F1,
				r.Stance.Value, r.Attribution.Value, r.Score,
			}
			assert.InDeltaSlice(t, []float64{w.claimsExact, w.claimsOverlap, w.precision, w.recall,
				w.speakersExact, w.speakersOverlap, w.stance, w.attribution, w.score},
				[]float64{got.claimsExact, got.claimsOverlap, got.precision, got.recall,
					got.speakersExact, got.speakersOverlap, got.stance, got.attribution, got.score}, 1e-9,
				"claims exact, overlap, P, R; speakers exact, overlap; stance; attribution; score")
		})
	}
}

func TestWorkedClassCountsBehindTheScores(t *testing.T) {
	key, students := workedClass(t)
	reports, err := agreement.CompareAll(key, students, agreement.DefaultWeights())
	require.NoError(t, err)
	type counts struct {
		claimsExact, claimsOverlap, speakersOverlap agreement.PRF
		stance, attribution                         [2]int // correct, assessed
	}
	prf := func(m, k, o int) agreement.PRF { return agreement.NewPRF(m, k, o) }
	want := map[string]counts{
		"Ana":  {prf(4, 4, 4), prf(4, 4, 4), prf(4, 4, 4), [2]int{4, 4}, [2]int{4, 4}},
		"Ben":  {prf(2, 4, 4), prf(3, 4, 4), prf(2, 4, 2), [2]int{2, 3}, [2]int{2, 3}},
		"Cleo": {prf(2, 4, 3), prf(3, 4, 3), prf(3, 4, 3), [2]int{2, 3}, [2]int{2, 3}},
		"Dev":  {prf(3, 4, 4), prf(4, 4, 4), prf(3, 4, 4), [2]int{2, 4}, [2]int{3, 4}},
	}
	for _, r := range reports {
		w := want[r.Annotator]
		assert.Equal(t, w.claimsExact, r.Claims.Exact, "%s claims exact", r.Annotator)
		assert.Equal(t, w.claimsOverlap, r.Claims.Overlap, "%s claims overlap", r.Annotator)
		assert.Equal(t, w.speakersOverlap, r.Speakers.Overlap, "%s speakers overlap", r.Annotator)
		assert.Equal(t, w.stance, [2]int{r.Stance.Correct, r.Stance.Total}, "%s stance", r.Annotator)
		assert.Equal(t, w.attribution, [2]int{r.Attribution.Correct, r.Attribution.Total}, "%s attribution", r.Annotator)
	}
}

// Among the students (the key is not one of them), claims cluster into
// units by ≥ 50 % overlap:
//
//	U1 C1:  Ana favor,   Ben favor,  Cleo neutral, Dev favor ("said the plan…")
//	U2 C2:  Ana against, Ben favor ("a slow death…"), Cleo against, Dev unclear
//	U3 C3:  Ana favor,   Cleo favor ("that buses…"), Dev favor
//	U4 C4:  Ana against, Ben against, Dev (no stance)
//	U5 "the harbour": Ben alone
func TestWorkedClassAgreementAsWorkedByHand(t *testing.T) {
	_, students := workedClass(t)

	t.Run("mean pairwise F1", func(t *testing.T) {
		// Matched claims by overlap, F1 = 2·m/(a+b):
		//   Ana–Ben   C1, C2, C4 of 4 and 4: 6/8 = 0.75
		//   Ana–Cleo  C1, C2, C3 of 4 and 3: 6/7
		//   Ana–Dev   all 4 of 4 and 4:      1
		//   Ben–Cleo  C1, C2 of 4 and 3:     4/7
		//   Ben–Dev   C1, C2, C4 of 4 and 4: 0.75
		//   Cleo–Dev  C1, C2, C3 of 3 and 4: 6/7
		// Mean = (0.75 + 6/7 + 1 + 4/7 + 0.75 + 6/7) / 6 = (2.5 + 16/7) / 6
		//      = (33.5/7) / 6 = 33.5/42 = 0.797619…
		pw, err := agreement.PairwiseF1(students, annotation.LabelClaim)
		require.NoError(t, err)
		assert.InDelta(t, 33.5/42, pw.Mean, 1e-12)
		assert.InDelta(t, 4.0/7, pw.F1[1][2], 1e-12, "Ben–Cleo")
		assert.InDelta(t, 6.0/7, pw.F1[3][2], 1e-12, "Dev–Cleo")
	})

	t.Run("Krippendorff's alpha", func(t *testing.T) {
		// Units marked by ≥ max(2, ⌈4/2⌉) = 2 students: U1–U4 (U5 has one).
		// Per unit, with m values, Σ_{c≠k} o_ck = (m² − Σ_c n_uc²)/(m − 1):
		//   U1 favor 3, neutral 1:            (16 − 10)/3 = 2
		//   U2 against 2, favor 1, unclear 1: (16 − 6)/3  = 10/3
		//   U3 favor 3:                       (9 − 9)/2   = 0
		//   U4 against 2 (Dev's is missing):  (4 − 4)/1   = 0
		//   observed = 16/3
		// Pairable values: favor 3+1+3 = 7, against 2+2 = 4, neutral 1,
		// unclear 1; n = 13; Σ_{c≠k} n_c·n_k = 13² − (49+16+1+1) = 102.
		// alpha = 1 − (n − 1)·observed/expected = 1 − 12·(16/3)/102
		//       = 1 − 64/102 = 38/102 = 19/51 = 0.372549…
		r, err := agreement.StanceAlpha(students, 0)
		require.NoError(t, err)
		assert.InDelta(t, 19.0/51, r.Alpha, 1e-12)
		assert.Equal(t, 2, r.MinAnnotators)
		assert.Equal(t, 4, r.Units)
		assert.Equal(t, 13, r.Values)
	})

	t.Run("Fleiss' kappa", func(t *testing.T) {
		// Units all 4 marked with a stance: U1 and U2 (U3 lacks Ben, U4
		// lacks Dev's stance). Categories against, favor, neutral, unclear:
		//   U1 0 3 1 0: P_1 = (9 + 1 − 4)/(4·3) = 1/2
		//   U2 2 1 0 1: P_2 = (4 + 1 + 1 − 4)/12 = 1/6
		//   mean P = (1/2 + 1/6)/2 = 1/3
		//   p = 2/8, 4/8, 1/8, 1/8: Pe = (4 + 16 + 1 + 1)/64 = 22/64 = 11/32
		// kappa = (1/3 − 11/32)/(1 − 11/32) = (−1/96)/(21/32) = −1/63 = −0.015873…
		r, err := agreement.StanceKappa(students)
		require.NoError(t, err)
		assert.InDelta(t, -1.0/63, r.Kappa, 1e-12)
		assert.Equal(t, 2, r.Units)
		assert.Equal(t, []string{"against", "favor", "neutral", "unclear"}, r.Categories)
	})

	t.Run("units", func(t *testing.T) {
		units := agreement.Units(students, annotation.LabelClaim)
		var got [][]string
		for _, u := range units {
			var row []string
			for _, m := range u.Members {
				row = append(row, workedclass.Names()[m.Annotator]+":"+m.Annotation.Stance)
			}
			got = append(got, row)
		}
		assert.Equal(t, [][]string{
			{"Ana:favor", "Ben:favor", "Cleo:neutral", "Dev:favor"},
			{"Ben:"}, // "the harbour", 42–53: its span starts after U1's (23–53)
			{"Ana:against", "Ben:favor", "Cleo:against", "Dev:unclear"},
			{"Ana:favor", "Cleo:favor", "Dev:favor"},
			{"Ana:against", "Ben:against", "Dev:"},
		}, got)
	})
}
