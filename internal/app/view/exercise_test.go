package view

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/app"
	"sayso/internal/exercise"
	"sayso/internal/format/native"
)

func TestAnExerciseNeedsATitleAndADocument(t *testing.T) {
	st := sampleState(t)
	app.Update(st, app.ToggleExercise{})
	assert.Contains(t, Exercise(st).String(), `value="`+app.SampleTitle+`"`, "the first document's title to start with")
	dl := app.Update(st, app.ExportExercise{})[0].(app.Download)
	assert.Equal(t, app.FileName(app.SampleTitle)+".sayso-exercise.json", dl.Name, "the title shown is the one exported")
	app.Update(st, app.SetExerciseField{Field: "title", Value: " "})
	assert.Empty(t, app.Update(st, app.ExportExercise{}))
	assert.Contains(t, st.Message.Text, "title")
	app.Update(st, app.SetExerciseField{Field: "title", Value: "T"})
	app.Update(st, app.SetExerciseDocument{ID: st.Doc, On: false})
	assert.Empty(t, app.Update(st, app.ExportExercise{}))
	assert.Contains(t, st.Message.Text, "at least one document")
}

func TestAStudentOpensTheExerciseGivesANameAndExportsWorkThatNamesIt(t *testing.T) {
	file := app.Update(teacherState(t), app.ExportExercise{})[0].(app.Download)
	st := app.NewState(fixedClock)
	app.Update(st, app.ImportFile{Name: file.Name, Data: file.Data})
	require.NotEmpty(t, st.Doc, st.Message.Text)
	assert.True(t, st.AskName)
	assert.Zero(t, st.Store.Len(), "no annotation travels with the exercise")
	assert.Contains(t, InstructionsPanel(st).String(), "<b>claim</b>")

	app.Update(st, app.SetStudentName{Name: "  "})
	assert.True(t, st.AskName, "a name is needed")
	app.Update(st, app.SetStudentName{Name: "Mia Chen"})
	assert.False(t, st.AskName)

	app.Update(st, app.Tag{Label: annotation.LabelClaim, Sel: cp(t, app.SampleText, slowDeath)})
	dl := app.Update(st, app.Export{})[0].(app.Download)
	assert.Equal(t, "Week 3 who said it – Mia Chen.sayso.json", dl.Name)
	p, err := native.Decode(dl.Data)
	require.NoError(t, err)
	assert.Equal(t, "Mia Chen", p.Annotator)
	e, _ := exercise.Decode(file.Data)
	assert.Equal(t, e.ID, p.Exercise.ID)
	assert.Equal(t, e.Documents[0].Text, p.Documents[0].Text, "the same text, so the same SHA-256")
}
