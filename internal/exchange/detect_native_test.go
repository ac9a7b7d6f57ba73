package exchange

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
)

// isNative is the shortcut Detect takes for Sayso's own files: an object
// whose first member is "format": "sayso" is native, well formed or not;
// for a well-formed one it says what decoding the first object would.
func TestIsNativeLooksAtTheFirstMemberOnly(t *testing.T) {
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
		{"broken after the format: the native reader explains", `{"format": "sayso", "documents": [}`, true},
		{"unterminated: the native reader explains", `{"format": "sayso", "documents": [`, true},
		{"an array", `[{"format": "sayso"}]`, false},
		{"not an object", `"format"`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, isNative([]byte(tc.in)))
			if tc.want && json.Valid([]byte(tc.in)) {
				assert.Equal(t, Native, detectJSON([]byte(tc.in), false))
			}
		})
	}
}

// A broken project file reaches the native reader whatever its name, and
// the person is told where it breaks.
func TestDetectSendsABrokenProjectToTheNativeReaderWhateverItsName(t *testing.T) {
	broken := []byte("{\"format\": \"sayso\", \"version\": 1,\n  \"documents\": [}")
	for _, name := range []string{"work.sayso.json", "work.json", "work.jsonld", "work.txt", "work"} {
		t.Run(name, func(t *testing.T) {
			require.Equal(t, Native, Detect(name, broken))
			_, err := ImportAs(Native, broken, annotation.Project{})
			require.Error(t, err)
			assert.Contains(t, err.Error(), "line 2")
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
		// Whatever follows the first member, the native reader answers
		// (an error for what is broken), and never panics.
		_, _ = ImportAs(Native, b, annotation.Project{})
		// A later duplicate "format" member is the one case it does not
		// look at (the decoded map keeps the last value).
		if bytes.Count(b, []byte(`"format"`)) > 1 {
			return
		}
		var first json.RawMessage
		if json.NewDecoder(bytes.NewReader(b)).Decode(&first) != nil {
			return
		}
		assert.Equal(t, Native, detectJSON(b, false), "%q", b)
		assert.Equal(t, Native, Detect("x.jsonld", b), "%q", b)
	})
}
