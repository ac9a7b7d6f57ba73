package native

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLexerReadsEveryNumberCharacterAndSeparator(t *testing.T) {
	src := []byte("[0,\t9,\r1E+9:\n-0.5e-3 ,7]")
	l := lexer{src: src}
	var nums []string
	var poss []int
	for tk := l.next(); tk.kind != tokEnd; tk = l.next() {
		if tk.kind == tokNumber {
			nums = append(nums, string(tk.raw))
			poss = append(poss, tk.pos)
		}
	}
	assert.Equal(t, []string{"0", "9", "1E+9", "-0.5e-3", "7"}, nums)
	assert.Equal(t, []int{1, 4, 7, 13, 22}, poss)
	assert.Equal(t, len(src), l.off)
}

func TestLexerStopsAtAByteThatStartsNoToken(t *testing.T) {
	for _, src := range []string{"/", "x", "  ", ""} {
		l := lexer{src: []byte(src)}
		tk := l.next()
		assert.Equal(t, tokEnd, tk.kind, "%q", src)
		assert.Nil(t, tk.raw)
	}
}

func TestLexerStringTokens(t *testing.T) {
	tests := []struct {
		name, src, raw, want string
	}{
		{"an escaped backslash just before the closing quote", `"a\\" 1`, `"a\\"`, `a\`},
		{"an escaped quote", `"say \"hi\"" 1`, `"say \"hi\""`, `say "hi"`},
		{"empty", `"" 1`, `""`, ""},
		{"unterminated: up to the end", `"abc`, `"abc`, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l := lexer{src: []byte(tc.src)}
			tk := l.next()
			require.Equal(t, tokString, tk.kind)
			assert.Equal(t, tc.raw, string(tk.raw))
			assert.Equal(t, len(tc.raw), l.off)
			if tc.want != "" || tc.raw == `""` {
				assert.Equal(t, tc.want, tk.str())
			}
		})
	}
}

func TestLexerLiteralsAtTheEndOfInput(t *testing.T) {
	for src, kind := range map[string]tokenKind{"true": tokBool, "false": tokBool, "null": tokNull, "tru": tokBool} {
		l := lexer{src: []byte(src)}
		tk := l.next()
		assert.Equal(t, kind, tk.kind, src)
		assert.Equal(t, len(src), l.off, src)
		assert.Equal(t, tokEnd, l.next().kind, src)
	}
}

func TestLexerPeek(t *testing.T) {
	l := lexer{src: []byte(" ,\t{ } ")}
	assert.Equal(t, 3, l.peekPos())
	assert.Equal(t, byte('{'), l.peek())
	l.next()
	assert.Equal(t, byte('}'), l.peek())
	l.next()
	assert.Equal(t, byte(0), l.peek(), "at the end")
	assert.Equal(t, 7, l.peekPos())
}

func TestSkipValueSkipsNestedValuesWhole(t *testing.T) {
	tests := []struct {
		name, src string
		next      tokenKind
		at        int
	}{
		{"nested objects and lists", `{"a": [{"b": []}, {"c": {}}], "d": 1} 5`, tokNumber, 38},
		{"a list of lists", `[[1], [[2]], []] "x"`, tokString, 17},
		{"a scalar is skipped by reading it", `7 true`, tokBool, 2},
		{"unclosed: stops at the end", `{"a": [1, 2`, tokEnd, 11},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			l := lexer{src: []byte(tc.src)}
			l.skipValue(l.next())
			tk := l.next()
			assert.Equal(t, tc.next, tk.kind)
			assert.Equal(t, tc.at, tk.pos)
		})
	}
}

func TestTokenKindNames(t *testing.T) {
	for kind, want := range map[tokenKind]string{
		tokString: "a string", tokNumber: "a number", tokBool: "true or false", tokNull: "null",
		tokBeginObject: "an object", tokBeginArray: "a list", tokEndObject: "nothing", tokEnd: "nothing",
	} {
		assert.Equal(t, want, token{kind: kind}.kindName())
	}
}

func TestUnquoteHexDigitsAndRawBytesAsEncodingJSON(t *testing.T) {
	for _, raw := range []string{
		`"\u0009\u0030\u0039"`,                 // the digits 0 and 9
		`"\u00aa\u00af\u00AA\u00AF\u00fF"`,     // a, f, A, F in both cases
		`"\uD83D\uDE00"`,                       // a surrogate pair in capitals
		`"x\ud83d\ude00"`,                      // a pair at the very end
		`"\ud83d\ude00y"`,                      // a pair followed by text
		`"\ud83d\ud83d\ude00"`,                 // a lone high surrogate, then a pair
		`"\ud83d"`,                             // a lone high surrogate at the end
		`"\ud83dabcdef"`,                       // a lone high surrogate followed by six bytes
		"\"\x80\"",                             // a lone continuation byte
		"\"\x7f\xc2\x80\xdf\xbf\"",             // DEL, then the first and last two-byte code points
		"\"\xe2\x82\xac\xf0\x9f\x9a\x80\xc3\"", // three and four bytes, a cut sequence
		`"\\u0041"`,                            // an escaped backslash, not an escape
	} {
		var want string
		require.NoError(t, json.Unmarshal([]byte(raw), &want), "%q is not JSON", raw)
		assert.Equal(t, want, unquote([]byte(raw[1:len(raw)-1])), "%q", raw)
		assert.Equal(t, want, token{kind: tokString, raw: []byte(raw)}.str(), "%q", raw)
	}
}
