package app

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/exchange"
	"sayso/internal/exercise"
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
	assert.Contains(t, ExerciseHTML(st), "Week 3: who said it?")
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
	p, err := exchange.DecodeProject(key.Data)
	require.NoError(t, err)
	assert.Equal(t, annotation.RoleKey, p.Exercise.Role)
	assert.Equal(t, e.ID, p.Exercise.ID)
}

func TestAnExerciseNeedsATitleAndADocument(t *testing.T) {
	st := sampleState(t)
	Update(st, ToggleExercise{})
	assert.Contains(t, ExerciseHTML(st), `value="`+SampleTitle+`"`, "the first document's title to start with")
	dl := Update(st, ExportExercise{})[0].(Download)
	assert.Equal(t, FileName(SampleTitle)+".sayso-exercise.json", dl.Name, "the title shown is the one exported")
	Update(st, SetExerciseField{Field: "title", Value: " "})
	assert.Empty(t, Update(st, ExportExercise{}))
	assert.Contains(t, st.Message.Text, "title")
	Update(st, SetExerciseField{Field: "title", Value: "T"})
	Update(st, SetExerciseDocument{ID: st.Doc, On: false})
	assert.Empty(t, Update(st, ExportExercise{}))
	assert.Contains(t, st.Message.Text, "at least one document")
}

func TestAStudentOpensTheExerciseGivesANameAndExportsWorkThatNamesIt(t *testing.T) {
	file := Update(teacherState(t), ExportExercise{})[0].(Download)
	st := NewState(fixedClock)
	Update(st, ImportFile{Name: file.Name, Data: file.Data})
	require.NotEmpty(t, st.Doc, st.Message.Text)
	assert.True(t, st.AskName)
	assert.Zero(t, st.Store.Len(), "no annotation travels with the exercise")
	assert.Contains(t, InstructionsPanelHTML(st), "<b>claim</b>")

	Update(st, SetStudentName{Name: "  "})
	assert.True(t, st.AskName, "a name is needed")
	Update(st, SetStudentName{Name: "Mia Chen"})
	assert.False(t, st.AskName)

	Update(st, Tag{Label: annotation.LabelClaim, Sel: cp(t, SampleText, slowDeath)})
	dl := Update(st, Export{})[0].(Download)
	assert.Equal(t, "Week 3 who said it – Mia Chen.sayso.json", dl.Name)
	p, err := exchange.DecodeProject(dl.Data)
	require.NoError(t, err)
	assert.Equal(t, "Mia Chen", p.Annotator)
	e, _ := exercise.Decode(file.Data)
	assert.Equal(t, e.ID, p.Exercise.ID)
	assert.Equal(t, e.Documents[0].Text, p.Documents[0].Text, "the same text, so the same SHA-256")
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
