package corpus

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/agreement"
	"sayso/internal/annotation"
	"sayso/internal/format/native"
	"sayso/internal/text"
)

var classSpec = ClassSpec{Words: 3000, Annotations: 300, Students: 40, Seed: 1, Variation: DefaultVariation}

func TestGenerateClassIsDeterministic(t *testing.T) {
	a, err := GenerateClass(classSpec)
	require.NoError(t, err)
	b, err := GenerateClass(classSpec)
	require.NoError(t, err)
	require.Len(t, b.Files(), len(a.Files()))
	for i, f := range a.Files() {
		assert.Equal(t, f.Native, b.Files()[i].Native, "same seed, same %s", f.Name)
	}

	spec := classSpec
	spec.Seed = 2
	other, err := GenerateClass(spec)
	require.NoError(t, err)
	assert.NotEqual(t, a.Article.Text, other.Article.Text, "another seed, another article")
}

func TestClassIsAThreeThousandWordArticleAndFortyStudents(t *testing.T) {
	c, err := GenerateClass(classSpec)
	require.NoError(t, err)
	assert.GreaterOrEqual(t, c.Words, 3000)
	assert.Less(t, c.Words, 3200, "one paragraph more at most")
	assert.Len(t, c.Article.Project.Annotations, 300)
	require.Len(t, c.Students, 40)

	names, files := map[string]bool{}, map[string]bool{c.Key.Name: true}
	for _, s := range c.Students {
		assert.NotEmpty(t, s.Who)
		assert.False(t, names[s.Who], "%q is used twice", s.Who)
		assert.False(t, files[s.Name], "%q is used twice", s.Name)
		names[s.Who], files[s.Name] = true, true
	}
}

func TestClassFilesOpenAsOneExerciseOnOneText(t *testing.T) {
	c, err := GenerateClass(classSpec)
	require.NoError(t, err)
	hash := text.Hash(c.Article.Text)
	for _, f := range c.Files() {
		s, err := native.Open(f.Native, time.Now)
		require.NoError(t, err, f.Name)
		p := s.Project()
		assert.Equal(t, f.Who, p.Annotator, f.Name)
		assert.Equal(t, ExerciseID, p.Exercise.ID, f.Name)
		assert.Equal(t, ExerciseTitle, p.Exercise.Title, f.Name)
		require.Len(t, p.Documents, 1, f.Name)
		assert.Equal(t, hash, text.Hash(p.Documents[0].Text), "%s: the same text", f.Name)
		assert.Contains(t, string(f.Native), hash, "%s records the text's sha256", f.Name)
	}
	assert.Equal(t, annotation.RoleKey, c.Key.Project.Exercise.Role)
	for _, s := range c.Students {
		assert.Empty(t, s.Project.Exercise.Role, s.Name)
	}
}

func TestStudentsVaryFromTheKey(t *testing.T) {
	c, err := GenerateClass(classSpec)
	require.NoError(t, err)
	n := len(c.Key.Project.Annotations)
	key := agreement.Annotator{Name: c.Key.Who, Project: c.Key.Project}
	scores := map[float64]bool{}
	var dropped, shifted, restanced, spurious int
	for _, s := range c.Students {
		assert.Positive(t, s.Dropped, s.Who)
		assert.Positive(t, s.Spurious, s.Who)
		assert.Equal(t, n-s.Dropped+s.Spurious, len(s.Project.Annotations), s.Who)
		dropped += s.Dropped
		shifted += s.Shifted
		restanced += s.Restanced
		spurious += s.Spurious

		r, err := agreement.Compare(key, agreement.Annotator{Name: s.Who, Project: s.Project}, agreement.DefaultWeights())
		require.NoError(t, err)
		assert.Less(t, r.Claims.Exact.F1, r.Claims.Overlap.F1, "%s: moved boundaries miss exactly, match by overlap", s.Who)
		assert.Less(t, r.Score, 100.0, s.Who)
		assert.Greater(t, r.Score, 50.0, "%s: a variation, not another text's annotations", s.Who)
		assert.Less(t, r.Stance.Value, 1.0, s.Who)
		scores[r.Score] = true
	}
	students := float64(len(c.Students))
	assert.InDelta(t, 0.2, float64(dropped)/(students*float64(n)), 0.03, "about a fifth dropped")
	assert.InDelta(t, 0.15, float64(shifted)/(students*float64(n)*0.8), 0.03, "some boundaries moved")
	assert.Positive(t, restanced)
	assert.GreaterOrEqual(t, spurious, 2*len(c.Students))
	assert.Greater(t, len(scores), len(c.Students)/2, "the scores differ from student to student")
}

func TestClassStudentsLinksStayValid(t *testing.T) {
	c, err := GenerateClass(ClassSpec{Words: 500, Annotations: 40, Students: 30, Seed: 5,
		Variation: Variation{Drop: 0.6, Shift: 1, MaxShift: 50, Restance: 1, Spurious: [2]int{10, 10}}})
	require.NoError(t, err, "every file opens even when most is dropped and every boundary moves far")
	for _, s := range c.Students {
		ids := map[string]bool{}
		for _, a := range s.Project.Annotations {
			ids[a.ID] = true
		}
		for _, a := range s.Project.Annotations {
			if a.SpeakerMention != "" {
				assert.True(t, ids[a.SpeakerMention], "%s: %s links a dropped mention", s.Who, a.ID)
			}
			if a.Cue != "" {
				assert.True(t, ids[a.Cue], "%s: %s links a dropped cue", s.Who, a.ID)
			}
		}
	}
}

func TestStudentNamesAreDistinct(t *testing.T) {
	seen := map[string]bool{}
	for i := range len(firstNames) * len(lastNames) {
		n := studentName(i)
		require.False(t, seen[n], "%d: %q twice", i, n)
		seen[n] = true
	}
	_, err := GenerateClass(ClassSpec{Words: 100, Students: len(seen) + 1})
	assert.ErrorIs(t, err, errInvalid)
}

func BenchmarkGenerateClass(b *testing.B) {
	for b.Loop() {
		if _, err := GenerateClass(classSpec); err != nil {
			b.Fatal(err)
		}
	}
}
