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

	other := sampleState(t)
	Update(other, Tag{Label: annotation.LabelClaim, Sel: cp(t, SampleText, slowDeath)})
	effects := Update(other, EmbeddedExercise{Data: file.Data})
	require.Len(t, effects, 1, "other work is not replaced without asking")
	c := effects[0].(Confirm)
	assert.Contains(t, c.Text, "1 annotation")
	assert.Equal(t, 1, other.Store.Len())
}
