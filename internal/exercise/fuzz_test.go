package exercise_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"sayso/internal/exercise"
)

// FuzzDecode checks that Decode never panics, returns nothing but an error
// for what it refuses, and that whatever it accepts matches the JSON Schema
// and encodes to a file that decodes to the same exercise. Seeds are in
// testdata/fuzz/FuzzDecode.
func FuzzDecode(f *testing.F) {
	sch := compileSchema(f)
	f.Fuzz(func(t *testing.T, b []byte) {
		e, err := exercise.Decode(b)
		if err != nil {
			require.NotEmpty(t, err.Error())
			require.Zero(t, e, "no exercise on error")
			return
		}
		requireValid(t, sch, b)
		enc, err := exercise.Encode(e)
		require.NoError(t, err, "what Decode accepts, Encode writes")
		requireValid(t, sch, enc)
		again, err := exercise.Decode(enc)
		require.NoError(t, err)
		require.Equal(t, e, again)
		enc2, err := exercise.Encode(again)
		require.NoError(t, err)
		require.Equal(t, string(enc), string(enc2), "encode(decode(encode(e))) is encode(e)")
	})
}
