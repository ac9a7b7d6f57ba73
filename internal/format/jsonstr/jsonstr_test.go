package jsonstr

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// marshal is encoding/json's answer: json.Marshal (HTML escaped) or an
// Encoder without HTML escaping.
func marshal(t testing.TB, s string, html bool) string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(html)
	require.NoError(t, enc.Encode(s))
	return string(bytes.TrimSuffix(buf.Bytes(), []byte("\n")))
}

var cases = []struct{ name, in, plain, html string }{
	{"empty", "", `""`, `""`},
	{"plain words", "Ana said it works.", `"Ana said it works."`, `"Ana said it works."`},
	{"quote and backslash", `a "b" \c`, `"a \"b\" \\c"`, `"a \"b\" \\c"`},
	{"short escapes", "\b\f\n\r\t", `"\b\f\n\r\t"`, `"\b\f\n\r\t"`},
	{"other controls", "\x00\x01\x1f\x7f", `"\u0000\u0001\u001f` + "\x7f" + `"`, `"\u0000\u0001\u001f` + "\x7f" + `"`},
	{"markup", "<b>&</b>", `"<b>&</b>"`, `"\u003cb\u003e\u0026\u003c/b\u003e"`},
	{"line and paragraph separators", "a\u2028b\u2029c", `"a\u2028b\u2029c"`, `"a\u2028b\u2029c"`},
	{"invalid UTF-8", "a\xffb\xe2\x82", `"a\ufffdb\ufffd\ufffd"`, `"a\ufffdb\ufffd\ufffd"`},
	{"emoji, CJK and curly quotes kept", "“港口” 👩‍👩‍👧", `"“港口” 👩‍👩‍👧"`, `"“港口” 👩‍👩‍👧"`},
}

func TestAppendWritesWhatEncodingJSONWrites(t *testing.T) {
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.plain, string(Append(nil, tc.in, false)))
			assert.Equal(t, tc.html, string(Append(nil, tc.in, true)))
			assert.Equal(t, marshal(t, tc.in, false), tc.plain, "the table agrees with encoding/json")
			assert.Equal(t, marshal(t, tc.in, true), tc.html, "the table agrees with encoding/json")
		})
	}
}

func TestAppendKeepsWhatIsAlreadyThere(t *testing.T) {
	assert.Equal(t, `{"k":"v\n"`, string(Append([]byte(`{"k":`), "v\n", false)))
}

func FuzzAppendAgreesWithEncodingJSON(f *testing.F) {
	for _, tc := range cases {
		f.Add(tc.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, html := range []bool{false, true} {
			if got, want := string(Append(nil, s, html)), marshal(t, s, html); got != want {
				t.Fatalf("Append(%q, html %v) = %s, encoding/json writes %s", s, html, got, want)
			}
		}
	})
}
