package native

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLexerSplitsTokensWithTheirOffsets(t *testing.T) {
	src := []byte(` {"a": [1, -2.5e3, true, false, null, "x\"y"]}`)
	l := lexer{src: src}
	type tok struct {
		kind tokenKind
		pos  int
		raw  string
	}
	var got []tok
	for tk := l.next(); tk.kind != tokEnd; tk = l.next() {
		got = append(got, tok{tk.kind, tk.pos, string(tk.raw)})
	}
	assert.Equal(t, []tok{
		{tokBeginObject, 1, ""}, {tokString, 2, `"a"`}, {tokBeginArray, 7, ""},
		{tokNumber, 8, "1"}, {tokNumber, 11, "-2.5e3"}, {tokBool, 19, ""}, {tokBool, 25, ""},
		{tokNull, 32, ""}, {tokString, 38, `"x\"y"`}, {tokEndArray, 44, ""}, {tokEndObject, 45, ""},
	}, got)
}

// FuzzStringToken checks that a string token decodes exactly as
// encoding/json decodes it, escapes and invalid UTF-8 included.
func FuzzStringToken(f *testing.F) {
	for _, s := range []string{"", "plain", `a\"b\\c`, `\u00e9\ud83d\ude80\n`, "caf\xc3\xa9 \xff", `\ud800`, "🚀"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, body string) {
		raw := []byte(`"` + body + `"`)
		if !json.Valid(raw) {
			return
		}
		var want string
		require.NoError(t, json.Unmarshal(raw, &want))
		l := lexer{src: raw}
		tk := l.next()
		require.Equal(t, tokString, tk.kind)
		require.Equal(t, len(raw), l.off, "the token covers the whole string")
		require.Equal(t, want, tk.str())
	})
}
