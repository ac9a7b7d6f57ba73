package exercise_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/exercise"
)

func TestEmbedJSONIsSafeInsideAScriptElement(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"closing tag", `{"t": "</script><script>alert(1)</script>"}`,
			`{"t": "\u003c/script\u003e\u003cscript\u003ealert(1)\u003c/script\u003e"}`},
		{"comment and ampersand", `["<!--", "a & b"]`, `["\u003c!--", "a \u0026 b"]`},
		{"line and paragraph separators", "\"a\u2028b\u2029c\"", `"a\u2028b\u2029c"`},
		{"other non-ASCII is kept", `"é 🚀 \u2027 \u202a"`, `"é 🚀 \u2027 \u202a"`},
		{"nothing to escape", `{"a": [1, 2.5, true, null]}`, `{"a": [1, 2.5, true, null]}`},
		{"empty", ``, ``},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := exercise.EmbedJSON([]byte(tt.in))
			assert.Equal(t, tt.want, string(got))
			if tt.in != "" {
				requireSameJSON(t, []byte(tt.in), got)
			}
		})
	}
}

func TestEmbedJSONKeepsAnExerciseIntact(t *testing.T) {
	e := newExercise(t)
	e.Title = "</script><!-- & \u2028"
	e.Documents[0].Text = "<b>bold</b> & </script>\u2029 end"
	b, err := exercise.Encode(e)
	require.NoError(t, err)

	embedded := exercise.EmbedJSON(b)
	assert.NotContains(t, string(embedded), "<")
	assert.NotContains(t, string(embedded), ">")
	assert.NotContains(t, string(embedded), "&")
	got, err := exercise.Decode(embedded)
	require.NoError(t, err)
	assert.Equal(t, e, got)
}

func FuzzEmbedJSON(f *testing.F) {
	f.Add(`{"a": "</script>"}`)
	f.Add("[\"\u2028\", \"<!--\", \"&amp;\", \"\\u003c\"]")
	f.Add(`"\u00e2\u0080\u00a8 â€¨"`)
	f.Fuzz(func(t *testing.T, s string) {
		out := exercise.EmbedJSON([]byte(s))
		require.NotContains(t, string(out), "<")
		require.NotContains(t, string(out), "\u2028")
		if json.Valid([]byte(s)) {
			requireSameJSON(t, []byte(s), out)
		}
	})
}

// requireSameJSON checks that a and b are JSON of the same value.
func requireSameJSON(t *testing.T, a, b []byte) {
	t.Helper()
	require.True(t, json.Valid(b), "still JSON: %s", b)
	var va, vb any
	require.NoError(t, json.Unmarshal(a, &va))
	require.NoError(t, json.Unmarshal(b, &vb))
	require.Equal(t, va, vb)
	require.False(t, strings.Contains(string(b), "</"), "no end tag")
}
