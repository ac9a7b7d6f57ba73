package handinclient_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/handinclient"
)

// FuzzDecodeKey: any input is refused with an error or read into an
// owner whose key file reads back the same.
func FuzzDecodeKey(f *testing.F) {
	f.Add(handinclient.EncodeKey(handinclient.Owner{Origin: "https://sayso.example.org", Box: strings.Repeat("ab", 12), Secret: strings.Repeat("cd", 16), ExerciseTitle: "T"}))
	f.Add([]byte(`{"format":"sayso-box-key","version":1,"origin":"http://127.0.0.1:8787","box":"","ownerSecret":""}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		o, err := handinclient.DecodeKey(b)
		if err != nil {
			return
		}
		again, err := handinclient.DecodeKey(handinclient.EncodeKey(o))
		require.NoError(t, err)
		assert.Equal(t, o, again)
	})
}
