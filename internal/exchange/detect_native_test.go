package exchange

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
)

// isNative is the shortcut Detect takes for Sayso's own files: it must
// say Native exactly when decoding the first object would, for the files
// Sayso writes and for the ones that only look like them.
func TestIsNativeAgreesWithDecodingTheObject(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   string
		want bool
	}{
		{"written by Sayso", `{"format": "sayso", "version": 1, "documents": []}`, true},
		{"compact", `{"format":"sayso","documents":[]}`, true},
		{"spaces and newlines", "{\n  \"format\" :\t\"sayso\"\n}", true},
		{"format not first: decoded instead", `{"version": 1, "format": "sayso"}`, false},
		{"another format", `{"format": "sayso-exercise"}`, false},
		{"a longer name", `{"format": "saysox"}`, false},
		{"broken after the format", `{"format": "sayso", "documents": [}`, false},
		{"unterminated", `{"format": "sayso", "documents": [`, false},
		{"an array", `[{"format": "sayso"}]`, false},
		{"not an object", `"format"`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, isNative([]byte(tc.in)))
			if tc.want {
				assert.Equal(t, Native, detectJSON([]byte(tc.in)))
			}
		})
	}
}

func FuzzIsNativeAgreesWithDecodingTheObject(f *testing.F) {
	for _, s := range []string{
		`{"format": "sayso", "documents": []}`,
		`{"format":"sayso"}`,
		`{"format": "sayso", "documents": [}`,
		`{"format": "sayso-exercise"}`,
		`{"version": 1, "format": "sayso"}`,
		`[{"format": "sayso"}]`,
		`{"format": "sayso"} {"format": "x"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		b = bytes.TrimSpace(b)
		if len(b) == 0 || !isNative(b) {
			return
		}
		// A later duplicate "format" member is the one case it does not
		// look at (the decoded map keeps the last value).
		if bytes.Count(b, []byte(`"format"`)) > 1 {
			return
		}
		assert.Equal(t, Native, detectJSON(b), "%q", b)
	})
}
