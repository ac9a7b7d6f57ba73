package exercise_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/exercise"
)

// boxed is smallExercise with an online hand-in box.
func boxed() exercise.Exercise {
	e := smallExercise()
	e.HandIn = &exercise.HandIn{Origin: "https://sayso.example.org", Box: strings.Repeat("ab", 12), Code: strings.Repeat("0f", 16)}
	return e
}

func TestHandInBoxRoundTripsAndKeepsTheExerciseID(t *testing.T) {
	sch := compileSchema(t)
	b := encodeValid(t, sch, boxed())
	assert.Contains(t, string(b), `"handIn": {
    "origin": "https://sayso.example.org",
    "box": "abababababababababababab",
    "code": "0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f"
  }
}`)
	e, err := exercise.Decode(b)
	require.NoError(t, err)
	assert.Equal(t, boxed(), e)
	assert.Equal(t, "https://sayso.example.org/api/boxes/abababababababababababab/hand-ins", e.HandIn.URL())

	// An exercise without a box is written as before: no "handIn" at all,
	// so files made before the field existed are the same bytes.
	plain := smallFile(t)
	assert.NotContains(t, plain, "handIn")
	e, err = exercise.Decode([]byte(plain))
	require.NoError(t, err)
	assert.Nil(t, e.HandIn)
}

func TestDecodeRefusesAMalformedHandInBox(t *testing.T) {
	valid := string(mustEncode(t, boxed()))
	tests := []struct {
		name, old, new, want string
	}{
		{"origin with a path", `"https://sayso.example.org"`, `"https://sayso.example.org/app"`,
			`the hand-in box: "origin" must be a site's address such as "https://sayso.example.org", not "https://sayso.example.org/app" (line 29, column 15)`},
		{"origin of another scheme", `"https://sayso.example.org"`, `"javascript:alert(1)"`,
			`the hand-in box: "origin" must be a site's address such as "https://sayso.example.org", not "javascript:alert(1)" (line 29, column 15)`},
		{"origin with a user", `"https://sayso.example.org"`, `"https://eve@sayso.example.org"`,
			`the hand-in box: "origin" must be a site's address such as "https://sayso.example.org", not "https://eve@sayso.example.org" (line 29, column 15)`},
		{"short box id", `"abababababababababababab"`, `"abab"`,
			`the hand-in box: "box" must be 24 lowercase hexadecimal digits, not "abab" (line 30, column 12)`},
		{"code in capitals", `"0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f"`, `"0F0F0F0F0F0F0F0F0F0F0F0F0F0F0F0F"`,
			`the hand-in box: "code" must be 32 lowercase hexadecimal digits, not "0F0F0F0F0F0F0F0F0F0F0F0F0F0F0F0F" (line 31, column 13)`},
		{"no code", `,
    "code": "0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f0f"`, ``,
			`the hand-in box has no "code" field (line 28, column 13)`},
		{"an owner secret", `"box": "abababababababababababab",`, `"box": "abababababababababababab", "ownerSecret": "x",`,
			`the hand-in box has an unknown field "ownerSecret" (line 30, column 40)`},
		{"not an object", `"handIn": {`, `"handIn": "x", "old": {`,
			`"handIn" must be an object, not a string (line 28, column 13)`},
	}
	sch := compileSchema(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := edit(t, valid, tt.old, tt.new)
			e, err := exercise.Decode([]byte(in))
			assert.EqualError(t, err, tt.want)
			assert.Zero(t, e)
			assert.Error(t, sch.Validate(mustJSON(t, in)), "the schema refuses it too")
		})
	}
}

func TestEncodeRefusesAMalformedHandInBox(t *testing.T) {
	e := boxed()
	e.HandIn.Origin = "https://sayso.example.org/"
	_, err := exercise.Encode(e)
	assert.EqualError(t, err, `encode exercise: the hand-in box: "origin" must be a site's address such as "https://sayso.example.org", not "https://sayso.example.org/"`)
}

func mustEncode(t *testing.T, e exercise.Exercise) []byte {
	t.Helper()
	b, err := exercise.Encode(e)
	require.NoError(t, err)
	return b
}
