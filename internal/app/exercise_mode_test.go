package app

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/exercise"
	"sayso/internal/format/native"
)

const secretNote = "KEY-ONLY: the answer is against"

// teacherState is the sample article annotated by the teacher (the key)
// with an exercise drafted.
func teacherState(t *testing.T) *State {
	st := sampleState(t)
	Update(st, Tag{Label: annotation.LabelClaim, Sel: cp(t, SampleText, slowDeath)})
	Update(st, SetStance{Value: "against"})
	Update(st, SetNote{Value: secretNote})
	Update(st, ToggleExercise{})
	Update(st, SetExerciseField{Field: "title", Value: "Week 3: who said it?"})
	Update(st, SetExerciseField{Field: "instructions", Value: "Mark every **claim**.\n- Link it to its speaker."})
	return st
}

func TestTheTeachersExerciseFilesNeverHoldTheKey(t *testing.T) {
	st := teacherState(t)
	dl := Update(st, ExportExercise{})[0].(Download)
	assert.Equal(t, "Week 3 who said it.sayso-exercise.json", dl.Name)
	assert.NotContains(t, string(dl.Data), secretNote)
	assert.NotContains(t, string(dl.Data), `"annotations"`)
	e, err := exercise.Decode(dl.Data)
	require.NoError(t, err)
	assert.Equal(t, "Mark every **claim**.\n- Link it to its speaker.", e.Instructions)

	page := Update(st, ExportExercisePage{})[0].(OfflineExercise)
	assert.Equal(t, "sayso-Week 3 who said it.html", page.Name)
	assert.NotContains(t, string(page.Exercise), secretNote)

	key := Update(st, ExportKey{})[0].(Download)
	assert.Contains(t, string(key.Data), secretNote, "the key is the teacher's annotations")
	p, err := native.Decode(key.Data)
	require.NoError(t, err)
	assert.Equal(t, annotation.RoleKey, p.Exercise.Role)
	assert.Equal(t, e.ID, p.Exercise.ID)
}

func TestTheOfflinePagesExerciseOpensOnceAndKeepsTheStudentsWork(t *testing.T) {
	file := Update(teacherState(t), ExportExercise{})[0].(Download)

	st := NewState(fixedClock)
	assert.Empty(t, Update(st, EmbeddedExercise{Data: file.Data}))
	require.NotEmpty(t, st.Doc)
	Update(st, SetStudentName{Name: "Mia"})
	Update(st, Tag{Label: annotation.LabelClaim, Sel: cp(t, SampleText, slowDeath)})

	assert.Empty(t, Update(st, EmbeddedExercise{Data: file.Data}), "reopening the page keeps the work")
	assert.Equal(t, 1, st.Store.Len())
	assert.False(t, st.AskName, "the student gave a name: it is not asked again")

	unnamed := NewState(fixedClock)
	Update(unnamed, EmbeddedExercise{Data: file.Data})
	Update(unnamed, Tag{Label: annotation.LabelClaim, Sel: cp(t, SampleText, slowDeath)})
	unnamed.AskName = false
	Update(unnamed, EmbeddedExercise{Data: file.Data})
	assert.True(t, unnamed.AskName, "no name given yet: reopening the page asks for it")

	other := sampleState(t)
	Update(other, Tag{Label: annotation.LabelClaim, Sel: cp(t, SampleText, slowDeath)})
	effects := Update(other, EmbeddedExercise{Data: file.Data})
	require.Len(t, effects, 1, "other work is not replaced without asking")
	c := effects[0].(Confirm)
	assert.Contains(t, c.Text, "1 annotation")
	assert.Equal(t, 1, other.Store.Len())
}

func TestTheExercisePanelKeepsTheTeachersChoicesWhenClosedAndOpenedAgain(t *testing.T) {
	st := sampleState(t)
	Update(st, AddPasted{Title: "Second", Text: "A second article, about the harbour."})
	docs := st.Store.Documents()
	require.Len(t, docs, 2)

	Update(st, ToggleExercise{})
	require.True(t, st.ExercisePanel)
	assert.Equal(t, docs[0].Title, st.Draft.Title, "the title starts as the first document's")
	Update(st, SetExerciseField{Field: "title", Value: "Week 4"})
	Update(st, SetExerciseDocument{ID: docs[1].ID, On: false})

	Update(st, ToggleExercise{})
	require.False(t, st.ExercisePanel)
	Update(st, ToggleExercise{})
	assert.Equal(t, "Week 4", st.Draft.Title, "the title typed stays")
	assert.Equal(t, map[string]bool{docs[1].ID: true}, st.Draft.Left, "the document left out stays out")
}

func TestTheExercisePanelOpensWithNoDocumentAndNoTitle(t *testing.T) {
	st := NewState(fixedClock)
	require.NotPanics(t, func() { Update(st, ToggleExercise{}) })
	assert.True(t, st.ExercisePanel)
	assert.Empty(t, st.Draft.Title)
	assert.NotNil(t, st.Draft.Left)
}
