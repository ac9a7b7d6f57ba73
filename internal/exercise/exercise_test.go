package exercise_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/exercise"
)

func TestNewTakesTheChosenDocumentsInProjectOrder(t *testing.T) {
	p := teacherProject(t)
	tests := []struct {
		name   string
		docIDs []string
		want   []string
	}{
		{"every document when none is chosen", nil, []string{"d1", "d2", "d3"}},
		{"project order, not the order chosen", []string{"d3", "d1"}, []string{"d1", "d3"}},
		{"a document chosen twice is taken once", []string{"d2", "d2"}, []string{"d2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := exercise.New(p, "  Week 3  ", "Read.\r\nThen mark.", tt.docIDs)
			require.NoError(t, err)
			var got []string
			for _, d := range e.Documents {
				got = append(got, d.ID)
				assert.False(t, d.Done)
			}
			assert.Equal(t, tt.want, got)
			assert.Equal(t, "Week 3", e.Title, "the title is trimmed")
			assert.Equal(t, "Read.\nThen mark.", e.Instructions, "line ends are normalised")
			assert.Equal(t, p.Schema, e.Schema)
		})
	}
}

func TestNewRefusesWhatCannotBeAnExercise(t *testing.T) {
	tests := []struct {
		name   string
		p      annotation.Project
		docIDs []string
		want   string
	}{
		{"unknown document", teacherProject(t), []string{"d1", "d9"},
			`new exercise: document "d9" is not in the project`},
		{"no documents", annotation.Project{Schema: annotation.DefaultSchema()}, nil,
			"new exercise: this exercise has no documents"},
		{"no labels", annotation.Project{Documents: []annotation.Document{{ID: "d1", Text: "Hi."}}}, nil,
			"new exercise: the exercise's schema has no labels"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := exercise.New(tt.p, "T", "", tt.docIDs)
			assert.EqualError(t, err, tt.want)
			assert.Zero(t, e)
		})
	}
}

func TestTheSameExerciseGetsTheSameID(t *testing.T) {
	p := teacherProject(t)
	e1, err := exercise.New(p, "Week 3", "", nil)
	require.NoError(t, err)
	e2, err := exercise.New(teacherProject(t), "Week 3", "Other instructions", nil)
	require.NoError(t, err)
	assert.Equal(t, e1.ID, e2.ID, "instructions and annotations do not change the id")
	assert.Regexp(t, `^ex-[0-9a-f]{12}$`, e1.ID)

	renamed, err := exercise.New(p, "Week 4", "", nil)
	require.NoError(t, err)
	assert.NotEqual(t, e1.ID, renamed.ID, "another title is another exercise")

	fewer, err := exercise.New(p, "Week 3", "", []string{"d1", "d2"})
	require.NoError(t, err)
	assert.NotEqual(t, e1.ID, fewer.ID, "other texts are another exercise")

	q := teacherProject(t)
	q.Documents[0].Title = "Renamed"
	q.Annotations = nil
	same, err := exercise.New(q, "Week 3", "", nil)
	require.NoError(t, err)
	assert.Equal(t, e1.ID, same.ID, "document titles do not change the id")
}

func TestTheKeyNeverTravelsInTheExerciseFile(t *testing.T) {
	p := teacherProject(t)
	require.NotEmpty(t, p.Annotations)
	b, err := exercise.Encode(newExercise(t))
	require.NoError(t, err)
	s := string(b)
	for _, secret := range []string{secretNote, secretTarget, secretSpeaker, teacherName, "KEY-ONLY"} {
		assert.NotContains(t, s, secret)
	}
	for _, a := range p.Annotations {
		assert.NotContains(t, s, `"`+a.ID+`"`, "annotation ids")
	}
	for _, field := range []string{`"annotations"`, `"speakers"`, `"stance"`, `"note"`, `"annotator"`, `"fragments"`, `"exercise"`, `"done"`} {
		assert.NotContains(t, s, field)
	}
}

func TestKeyKeepsOnlyTheExerciseDocuments(t *testing.T) {
	p := teacherProject(t)
	e, err := exercise.New(p, "Week 3", "", []string{"d2", "d3"})
	require.NoError(t, err)

	k := exercise.Key(p, e)
	assert.Equal(t, annotation.ExerciseRef{ID: e.ID, Title: "Week 3", Role: annotation.RoleKey}, k.Exercise)
	assert.Equal(t, teacherName, k.Annotator)
	assert.Equal(t, e.Documents, k.Documents)
	require.NotEmpty(t, k.Annotations)
	for _, a := range k.Annotations {
		assert.Equal(t, "d2", a.Document)
	}
	require.Len(t, k.Speakers, 1, "only the speakers the kept annotations use")
	assert.Equal(t, "王文", k.Speakers[0].Name)
	assert.NotContains(t, k.Speakers, annotation.Speaker{ID: "s1", Name: secretSpeaker})

	s, err := annotation.Load(k, clock)
	require.NoError(t, err, "the key is a project that loads")
	assert.Equal(t, k, s.Project())
}

func TestKeyFindsADocumentByItsText(t *testing.T) {
	p := teacherProject(t)
	e, err := exercise.New(p, "Week 3", "", []string{"d1"})
	require.NoError(t, err)
	// The teacher removed and re-added the document: a new id, the same text.
	for i := range p.Annotations {
		if p.Annotations[i].Document == "d1" {
			p.Annotations[i].Document = "d7"
		}
	}
	p.Documents[0].ID = "d7"

	k := exercise.Key(p, e)
	require.Len(t, k.Documents, 1)
	assert.Equal(t, "d1", k.Documents[0].ID, "the exercise's id")
	require.Len(t, k.Annotations, 3)
	for _, a := range k.Annotations {
		assert.Equal(t, "d1", a.Document)
	}
	_, err = annotation.Load(k, clock)
	require.NoError(t, err)
}

func TestKeyDoesNotChangeTheTeachersProject(t *testing.T) {
	p := teacherProject(t)
	e, err := exercise.New(p, "Week 3", "", []string{"d2"})
	require.NoError(t, err)
	k := exercise.Key(p, e)
	k.Annotations[0].Fragments[0].Start = 99
	assert.Equal(t, teacherProject(t), p)
}

func TestStartGivesAStudentAFreshProject(t *testing.T) {
	e := newExercise(t)
	p := e.Start("  Mia Chen ")
	assert.Equal(t, "Mia Chen", p.Annotator)
	assert.Equal(t, annotation.ExerciseRef{ID: e.ID, Title: e.Title, Instructions: e.Instructions}, p.Exercise, "a student's work has no role, and carries the instructions")
	assert.Equal(t, e.Documents, p.Documents)
	assert.Equal(t, e.Schema, p.Schema)
	assert.Empty(t, p.Annotations)
	assert.Empty(t, p.Speakers)
	assert.Empty(t, p.Orphans)

	s, err := annotation.Load(p, clock)
	require.NoError(t, err, "the student's project loads")
	add(t, s, "d1", annotation.LabelClaim, "the budget is a fantasy")
	assert.Equal(t, "Mia Chen", s.Project().Annotations[0].Annotator)
	assert.Equal(t, p.Exercise, s.Exercise())

	p.Documents[0].Title = "changed"
	assert.NotEqual(t, "changed", e.Documents[0].Title, "the project has its own documents")
}
