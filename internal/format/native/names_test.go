package native

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestWordShowsSimpleWordsPlainAndQuotesTheRest(t *testing.T) {
	forty := strings.Repeat("a", 40)
	tests := []struct{ s, want string }{
		{"utf16", "utf16"},
		{"UTF-16", "UTF-16"},
		{"code_points", "code_points"},
		{"az09AZ", "az09AZ"},
		{forty, forty},
		{forty + "a", `"` + strings.Repeat("a", 39) + `…"`},
		{"", `""`},
		{"a`", "\"a`\""}, // just before 'a'
		{"a{", `"a{"`},   // just after 'z'
		{"a@", `"a@"`},   // just before 'A'
		{"a[", `"a["`},   // just after 'Z'
		{"a/", `"a/"`},   // just before '0'
		{"a:", `"a:"`},   // just after '9'
		{"code units", `"code units"`},
		{"é", `"é"`},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, word(tc.s), "%q", tc.s)
	}
}

func TestQQuotesFieldNamesAsStrconvDoes(t *testing.T) {
	tests := []struct{ key, want string }{
		{"id", `"id"`},
		{"speakerMention", `"speakerMention"`},
		{"AZaz", `"AZaz"`},
		{"a_b", `"a_b"`},
		{"é", `"é"`},
		{"a\"b", `"a\"b"`},     // below 'A', escaped
		{"a\\b", `"a\\b"`},     // between 'Z' and 'a', escaped
		{"a\x7fb", `"a\x7fb"`}, // above 'z', escaped
		{"a\x01", `"a\x01"`},
		// Nothing but a character strconv escapes: no letter can send the
		// key to strconv.Quote, so the check of that character must.
		{"\"", `"\""`},     // below 'A'
		{"\\", `"\\"`},     // between 'Z' and 'a'
		{"\x7f", `"\x7f"`}, // above 'z'
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, q(tc.key), "%q", tc.key)
	}
}

func TestUTF16LenCountsCodePointsAboveFFFFTwice(t *testing.T) {
	for s, want := range map[string]int{"": 0, "aé": 2, "\uffff": 1, "\U00010000": 2, "😀x": 3, "中文": 2} {
		assert.Equal(t, want, utf16Len(s), "%q", s)
	}
}

func TestNamedUsesTheIDOnceKnownElseTheOneBasedPosition(t *testing.T) {
	assert.Equal(t, "speaker 1", named("speaker", 0, ""))
	assert.Equal(t, "annotation 3", named("annotation", 2, ""))
	assert.Equal(t, `annotation "a7"`, named("annotation", 2, "a7"))
}
