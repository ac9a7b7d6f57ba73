package handinclient_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/handinclient"
)

func TestKeyFileRoundTrips(t *testing.T) {
	o := handinclient.Owner{Origin: "https://sayso.example.org", Box: strings.Repeat("ab", 12), Secret: strings.Repeat("cd", 16),
		ExerciseID: "ex-0123456789ab", ExerciseTitle: "Week 3: </script> “who”"}
	got, err := handinclient.DecodeKey(handinclient.EncodeKey(o))
	require.NoError(t, err)
	assert.Equal(t, o, got)
}

func TestDecodeKeyRefusesOtherFiles(t *testing.T) {
	valid := string(handinclient.EncodeKey(handinclient.Owner{Origin: "https://sayso.example.org", Box: strings.Repeat("ab", 12), Secret: strings.Repeat("cd", 16)}))
	tests := []struct{ name, in, want string }{
		{"an exercise", `{"format":"sayso-exercise","version":1}`, "this is not a hand-in box's key file (.sayso-box-key.json)"},
		{"not JSON", `box`, "this is not a hand-in box's key file (.sayso-box-key.json)"},
		{"newer", strings.Replace(valid, `"version": 1`, `"version": 2`, 1), "this key file has version 2; this Sayso reads version 1"},
		{"a site with a path", strings.Replace(valid, `"https://sayso.example.org"`, `"https://sayso.example.org/x"`, 1),
			`the key file's site "https://sayso.example.org/x" is not an address such as https://sayso.example.org`},
		{"short secret", strings.Replace(valid, strings.Repeat("cd", 16), "cd", 1), "the key file's owner secret is not 32 hexadecimal digits"},
		{"short box", strings.Replace(valid, strings.Repeat("ab", 12), "ab", 1), "the key file's box id is not 24 hexadecimal digits"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := handinclient.DecodeKey([]byte(tt.in))
			assert.EqualError(t, err, tt.want)
		})
	}
}
