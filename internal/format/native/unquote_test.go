package native

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestUnquoteDecodesAsEncodingJSONDoes(t *testing.T) {
	tests := []struct{ name, raw string }{
		{"plain", `"hello"`},
		{"escapes", `"a\"b\\c\/d\b\f\n\r\t"`},
		{"unicode escapes", `"\u00e9\u4e2d\u2028"`},
		{"surrogate pair", `"\ud83d\ude00"`},
		{"lone high surrogate", `"\ud83d x"`},
		{"lone low surrogate", `"\ude00"`},
		{"high then not low", `"\ud83d\u0041"`},
		{"invalid UTF-8", "\"a\xffb\xc3\""},
		{"raw emoji", `"😀 ok"`},
		{"invalid bytes between escapes", "\"\\n\xff\xfeab\\t\xe2\x82\\u0041\xef\xbf\xbd\""},
		{"a long stretch between escapes", `"` + strings.Repeat("words “quoted” 港口 ", 200) + `\n\n` + strings.Repeat("more ", 100) + `"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var want string
			if err := json.Unmarshal([]byte(tc.raw), &want); err != nil {
				t.Fatalf("the case is not JSON: %v", err)
			}
			assert.Equal(t, want, unquote([]byte(tc.raw[1:len(tc.raw)-1])))
		})
	}
}

func FuzzUnquote(f *testing.F) {
	f.Add(`"\ud83d\ude00\u0041\\n"`)
	f.Add("\"\xff\\ud800\\udbff\\udc00\"")
	f.Add("\"plain words\\n\xff\xfe more words \xe2\x82\\t\xef\xbf\xbd end\"")
	f.Fuzz(func(t *testing.T, raw string) {
		raw = strings.Trim(raw, " \t\r\n")
		if !json.Valid([]byte(raw)) || len(raw) < 2 || raw[0] != '"' || raw[len(raw)-1] != '"' {
			return
		}
		var want string
		if err := json.Unmarshal([]byte(raw), &want); err != nil {
			return
		}
		if got := unquote([]byte(raw[1 : len(raw)-1])); got != want {
			t.Fatalf("unquote(%q) = %q, encoding/json gives %q", raw, got, want)
		}
	})
}
