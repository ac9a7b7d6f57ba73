package agreement

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
)

const (
	text1 = "Wang Wen said taxes must fall. Critics call it reckless."
	text2 = "Mayor Ann Lee noted that parks are safe."
)

// classKey is the answer key of a two-document exercise.
func classKey(t *testing.T) Annotator {
	return newBuilder(t,
		annotation.Document{ID: "d1", Text: text1},
		annotation.Document{ID: "d2", Text: text2}).
		speaker("k1", "Wang Wen").speaker("k2", "Critics").speaker("k3", "Ann Lee").
		mention("m1", "d1", "Wang Wen", "k1").
		claim("c1", "d1", "taxes must fall", "favor", "k1", "m1").
		mention("m2", "d1", "Critics", "k2").
		claim("c2", "d1", "it reckless", "against", "k2", "m2").
		mention("m3", "d2", "Mayor Ann Lee", "k3").
		claim("c3", "d2", "parks are safe", "favor", "k3", "m3").
		annotator("key")
}

// classStudent did well but not perfectly. Their second document has
// another id (they pasted the text again); it is recognised by its text.
func classStudent(t *testing.T) Annotator {
	return newBuilder(t,
		annotation.Document{ID: "d1", Text: text1},
		annotation.Document{ID: "pasted", Text: text2}).
		speaker("s1", "wang  WEN").speaker("s2", "The critics").speaker("s3", "Lee").
		mention("n1", "d1", "Wang Wen", "s1").
		// Overlap but not exact; right stance; right speaker by name.
		claim("x1", "d1", "taxes must fall.", "favor", "s1", "n1").
		mention("n2", "d1", "Critics", "s2").
		// Exact; wrong stance; speaker named differently but the mention
		// is the key's.
		claim("x2", "d1", "it reckless", "favor", "s2", "n2").
		// Overlaps the key mention "Mayor Ann Lee" by 7/13.
		mention("n3", "pasted", "Ann Lee", "s3").
		// Exact; right stance; speaker "Lee" without a mention: wrong.
		claim("x3", "pasted", "parks are safe", "favor", "s3", "").
		// Not in the key.
		claim("x4", "pasted", "Mayor Ann", "neutral", "", "").
		annotator("Ada")
}

func TestCompareScoresClaimsSpeakersStanceAndAttribution(t *testing.T) {
	r, err := Compare(classKey(t), classStudent(t), DefaultWeights())
	require.NoError(t, err)

	assert.Equal(t, "Ada", r.Annotator)
	assert.Equal(t, NewPRF(2, 3, 4), r.Claims.Exact, "x1 is off by a full stop")
	assert.Equal(t, NewPRF(3, 3, 4), r.Claims.Overlap)
	assert.InDelta(t, 6.0/7, r.Claims.Overlap.F1, 1e-12)
	assert.Equal(t, NewPRF(2, 3, 3), r.Speakers.Exact)
	assert.Equal(t, NewPRF(3, 3, 3), r.Speakers.Overlap)

	assert.Equal(t, Accuracy{Correct: 2, Total: 3, Value: 2.0 / 3}, r.Stance)
	assert.Equal(t, Accuracy{Correct: 2, Total: 3, Value: 2.0 / 3}, r.Attribution)

	want := 100 * (0.4*6/7 + 0.2*1 + 0.2*2/3 + 0.2*2/3)
	assert.InDelta(t, want, r.Score, 1e-9)
}

func TestCompare(t *testing.T) {
	empty := newBuilder(t, annotation.Document{ID: "d1", Text: text1}).annotator("Blank")
	tests := []struct {
		name          string
		key, student  Annotator
		weights       Weights
		score         float64
		stance, attrs float64
	}{
		{"the key against itself scores 100", classKey(t), classKey(t), DefaultWeights(), 100, 1, 1},
		{"an empty answer scores 0", classKey(t), empty, DefaultWeights(), 0, 0, 0},
		{"an empty key and an empty answer agree", empty, empty, DefaultWeights(), 100, 1, 1},
		{"only the weighted parts count", classKey(t), classStudent(t), Weights{Stance: 1}, 100 * 2.0 / 3, 2.0 / 3, 2.0 / 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := Compare(tt.key, tt.student, tt.weights)
			require.NoError(t, err)
			assert.InDelta(t, tt.score, r.Score, 1e-9)
			assert.InDelta(t, tt.stance, r.Stance.Value, 1e-12)
			assert.InDelta(t, tt.attrs, r.Attribution.Value, 1e-12)
		})
	}
}

func TestCompareRejectsBadWeights(t *testing.T) {
	for _, w := range []Weights{{}, {Claims: -1, Stance: 2}} {
		_, err := Compare(classKey(t), classStudent(t), w)
		assert.ErrorIs(t, err, ErrInvalid)
		assert.ErrorContains(t, err, "Ada")
	}
}

func TestAttributionByMentionOfAnotherMentionOfTheKeySpeaker(t *testing.T) {
	const txt = "Li said so. She added that rain is good."
	key := newBuilder(t, annotation.Document{ID: "d", Text: txt}).
		speaker("k", "Li").
		mention("m1", "d", "Li", "k").mention("m2", "d", "She", "k").
		claim("c", "d", "rain is good", "favor", "k", "m1").
		annotator("key")
	student := newBuilder(t, annotation.Document{ID: "d", Text: txt}).
		speaker("s", "Unknown woman").
		mention("n", "d", "She", "s").
		claim("c", "d", "rain is good", "favor", "s", "n").
		annotator("Bo")
	r, err := Compare(key, student, DefaultWeights())
	require.NoError(t, err)
	assert.Equal(t, 1, r.Attribution.Correct, "the student pointed at 'She', a mention of the key's speaker")
}

func TestScoreOfEveryLabel(t *testing.T) {
	p := Score(classKey(t), classStudent(t), "", Overlap)
	assert.Equal(t, NewPRF(6, 6, 7), p, "claims and speakers together")
}

func TestCompareAllScoresLikeCompare(t *testing.T) {
	key, student := classKey(t), classStudent(t)
	students := []Annotator{student, {Name: "same as the key", Project: key.Project}}
	all, err := CompareAll(key, students, DefaultWeights())
	require.NoError(t, err)
	for i, s := range students {
		one, err := Compare(key, s, DefaultWeights())
		require.NoError(t, err)
		assert.Equal(t, one, all[i])
	}
	_, err = CompareAll(key, students, Weights{})
	assert.Error(t, err, "weights that sum to 0")
}
