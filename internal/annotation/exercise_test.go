package annotation

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestSetExerciseCountsAsARevisionAndCannotBeUndone(t *testing.T) {
	s, _ := newTestStore(t, "T", "Wang Wen said so.")
	rev := s.Revision()
	require.Zero(t, s.Exercise(), "a new project belongs to no exercise")

	ref := ExerciseRef{ID: "ex-0123456789ab", Title: "Week 3", Role: RoleKey}
	s.SetExercise(ref)
	require.Equal(t, ref, s.Exercise())
	require.Equal(t, ref, s.Project().Exercise)
	require.Equal(t, rev+1, s.Revision())

	s.SetExercise(ref)
	require.Equal(t, rev+1, s.Revision(), "setting the same exercise changes nothing")

	_, err := s.Undo()
	require.ErrorIs(t, err, ErrNothingToUndo)
	require.Equal(t, ref, s.Exercise())
}

func TestLoadAndRepairKeepTheExercise(t *testing.T) {
	p := richProject(t)
	p.Exercise = ExerciseRef{ID: "ex-1", Title: "Bridges"}

	s, err := Load(p, fixedClock)
	require.NoError(t, err)
	require.Equal(t, p.Exercise, s.Exercise())
	require.Equal(t, p, s.Project())

	p.Annotations[0].Quote = "something else entirely"
	fixed, notes := Repair(p)
	require.NotEmpty(t, notes)
	require.Equal(t, p.Exercise, fixed.Exercise)
}
