package exercise_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/exercise"
	"sayso/internal/format/native"
)

func TestCheckAcceptsAStudentsExportOfTheExercise(t *testing.T) {
	e := newExercise(t)
	s, err := annotation.Load(e.Start("Mia Chen"), clock)
	require.NoError(t, err)
	add(t, s, "d1", annotation.LabelClaim, "the budget is a fantasy")
	b, err := native.Encode(s.Project())
	require.NoError(t, err)
	opened, err := native.Open(b, clock)
	require.NoError(t, err)

	got := exercise.Check(e, opened.Project())
	assert.Equal(t, exercise.Submission{
		Annotator:    "Mia Chen",
		SameExercise: true,
		Documents:    map[string]string{"d1": "d1", "d2": "d2", "d3": "d3"},
	}, got)
}

func TestCheckRecognisesTheKey(t *testing.T) {
	e := newExercise(t)
	got := exercise.Check(e, exercise.Key(teacherProject(t), e))
	assert.Equal(t, annotation.RoleKey, got.Role)
	assert.Equal(t, teacherName, got.Annotator)
	assert.True(t, got.SameExercise)
	assert.Empty(t, got.Problems)
}

func TestCheckFlagsWhatDoesNotBelong(t *testing.T) {
	e := newExercise(t)
	tests := []struct {
		name   string
		change func(p *annotation.Project)
		want   exercise.Submission
	}{
		{"another exercise", func(p *annotation.Project) {
			p.Exercise = annotation.ExerciseRef{ID: "ex-999999999999", Title: "Week 2"}
		}, exercise.Submission{
			Problems:  []string{"made for another exercise (“Week 2”)"},
			Documents: map[string]string{"d1": "d1", "d2": "d2", "d3": "d3"},
		}},
		{"another exercise without a title", func(p *annotation.Project) {
			p.Exercise = annotation.ExerciseRef{ID: "ex-999999999999"}
		}, exercise.Submission{
			Problems:  []string{"made for another exercise (“ex-999999999999”)"},
			Documents: map[string]string{"d1": "d1", "d2": "d2", "d3": "d3"},
		}},
		{"no exercise at all", func(p *annotation.Project) { p.Exercise = annotation.ExerciseRef{} },
			exercise.Submission{
				Problems:  []string{"made for no exercise"},
				Documents: map[string]string{"d1": "d1", "d2": "d2", "d3": "d3"},
			}},
		{"changed text", func(p *annotation.Project) { p.Documents[1].Text += "An edit.\n" },
			exercise.Submission{
				SameExercise: true,
				Problems:     []string{"document “Café prices” has a different text (re-anchored)"},
				Changed:      []string{"d2"},
				Documents:    map[string]string{"d1": "d1", "d2": "d2", "d3": "d3"},
			}},
		{"missing and extra documents", func(p *annotation.Project) {
			p.Documents = append(p.Documents[:2], annotation.Document{ID: "d4", Title: "Homework", Text: "Mine."})
		}, exercise.Submission{
			SameExercise: true,
			Problems:     []string{"document “Layla's plan” is missing", "document “Homework” is not part of the exercise"},
			Missing:      []string{"d3"},
			Documents:    map[string]string{"d1": "d1", "d2": "d2"},
		}},
		{"a document re-added under another id", func(p *annotation.Project) {
			p.Documents[0].ID = "d7"
			p.Documents = append(p.Documents[1:], p.Documents[0])
		}, exercise.Submission{
			SameExercise: true,
			Documents:    map[string]string{"d1": "d7", "d2": "d2", "d3": "d3"},
		}},
		{"texts swapped between ids", func(p *annotation.Project) {
			p.Documents[0].Text, p.Documents[1].Text = p.Documents[1].Text, p.Documents[0].Text
		}, exercise.Submission{
			SameExercise: true,
			Documents:    map[string]string{"d1": "d2", "d2": "d1", "d3": "d3"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := e.Start("Mia Chen")
			tt.change(&p)
			tt.want.Annotator = "Mia Chen"
			assert.Equal(t, tt.want, exercise.Check(e, p))
		})
	}
}
