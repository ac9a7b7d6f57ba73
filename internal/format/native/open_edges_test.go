package native_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/format/native"
)

func TestOpenRepairedLoadsAFileThatFitsWithoutNotes(t *testing.T) {
	b, err := native.Encode(sparseProject())
	require.NoError(t, err)
	s, notes, err := native.OpenRepaired(b, clock)
	require.NoError(t, err)
	assert.Nil(t, notes)
	assert.Equal(t, sparseProject(), s.Project())
}

func TestOpenRepairedPlacesAnnotationsAgainAndSaysWhat(t *testing.T) {
	p := sparseProject()
	p.Annotations[1].Fragments[0].Start, p.Annotations[1].Fragments[0].End = 0, 3 // reads "Yes", not "No."
	b, err := native.Encode(p)
	require.NoError(t, err)
	_, err = native.Open(b, clock)
	require.ErrorContains(t, err, "the file's annotations do not fit its text")

	s, notes, err := native.OpenRepaired(b, clock)
	require.NoError(t, err)
	require.NotEmpty(t, notes)
	got := s.Project().Annotations
	require.Len(t, got, 2)
	assert.Equal(t, sparseProject().Annotations[1].Fragments, got[1].Fragments, "found again by its quote")
}

func TestOpenRepairedFailsOnWhatCannotBeRepaired(t *testing.T) {
	p := sparseProject()
	p.Documents = append(p.Documents, p.Documents[0])
	b, err := native.Encode(p)
	require.NoError(t, err)
	s, notes, err := native.OpenRepaired(b, clock)
	assert.EqualError(t, err, `the file's contents do not fit together, and could not be repaired: document id "d1" is used twice`)
	assert.Nil(t, s)
	assert.Nil(t, notes)
	_, isProblems := annotation.IsProblems(err)
	assert.True(t, isProblems)
}

func TestOpenRepairedPassesDecodeErrorsThrough(t *testing.T) {
	s, notes, err := native.OpenRepaired([]byte("  "), clock)
	assert.EqualError(t, err, "this file is empty")
	assert.Nil(t, s)
	assert.Nil(t, notes)
}
