package text

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// marked splits a string with two '|' marks into the text without them and
// the span of code points between them.
func marked(t *testing.T, s string) (string, Span) {
	t.Helper()
	parts := strings.Split(s, "|")
	if len(parts) != 3 {
		t.Fatalf("%q needs exactly two '|' marks", s)
	}
	start := len([]rune(parts[0]))
	return strings.Join(parts, ""), Span{start, start + len([]rune(parts[1]))}
}

func TestParagraphs(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []Span
	}{
		{"empty", "", nil},
		{"one line", "Hello", []Span{{0, 5}}},
		{"trailing newline", "Hello\n", []Span{{0, 5}}},
		{"two lines", "ab\ncd", []Span{{0, 2}, {3, 5}}},
		{"blank lines skipped", "\n\nab\n\n\ncd\n\n", []Span{{2, 4}, {7, 9}}},
		{"whitespace-only lines skipped", "ab\n  \t \n\u00a0\u3000\ncd", []Span{{0, 2}, {11, 13}}},
		{"indentation kept", "  ab  \ncd", []Span{{0, 6}, {7, 9}}},
		{"code points", "😀é\n中文", []Span{{0, 2}, {3, 5}}},
		{"only newlines", "\n\n\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, NewIndex(tt.text).Paragraphs())
		})
	}
}

func TestParagraphAt(t *testing.T) {
	paras := []Span{{2, 4}, {7, 9}, {12, 20}}
	tests := []struct{ cp, want int }{
		{-1, 0}, {0, 0}, {1, 0}, // before the first
		{2, 0}, {3, 0}, // inside
		{4, 1}, {5, 1}, {6, 1}, // between: the next one
		{7, 1}, {8, 1},
		{9, 2}, {12, 2}, {19, 2},
		{20, 3}, {100, 3}, // after the last
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, ParagraphAt(paras, tt.cp), "ParagraphAt(%d)", tt.cp)
	}
	assert.Equal(t, 0, ParagraphAt(nil, 5))
}

func TestTrimSpace(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"nothing to trim", "a |bc| d", "a |bc| d"},
		{"both ends", "a| bc |d", "a |bc| d"},
		{"tabs and newlines", "a|\t\nbc\n|d", "a\t\n|bc|\nd"},
		{"unicode spaces", "a|\u00a0\u3000bc\u2003|d", "a\u00a0\u3000|bc|\u2003d"},
		{"inner space kept", "|a b|", "|a b|"},
		{"only space", "a|   |b", "a||   b"},
		{"empty", "a||b", "a||b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, sp := marked(t, tt.in)
			_, want := marked(t, tt.want)
			assert.Equal(t, want, NewIndex(text).TrimSpace(sp))
		})
	}
	x := NewIndex("ab")
	assert.Equal(t, Span{0, 2}, x.TrimSpace(Span{-3, 9}), "clamped")
	assert.Equal(t, Span{2, 2}, x.TrimSpace(Span{5, 9}), "clamped after the end")
}

func TestSnapToWords(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"whole word untouched", "Wang |Wen| said", "Wang |Wen| said"},
		{"end inside word", "|Wang W|en said", "|Wang Wen| said"},
		{"start inside word", "Wang W|en said|", "Wang |Wen said|"},
		{"both inside one word", "Wang W|e|n said", "Wang |Wen| said"},
		{"spaces trimmed", "Wang| Wen |said", "Wang |Wen| said"},
		{"spaces trimmed then widened", "Wang Wen|  sa|id", "Wang Wen  |said|"},
		{"only spaces", "Wang|  |Wen", "Wang||  Wen"},
		{"empty", "Wa||ng", "Wa||ng"},
		{"apostrophe inside word", "I do|n’t| know", "I |don’t| know"},
		{"ascii apostrophe", "I |do|n't know", "I |don't| know"},
		{"start at apostrophe", "I don|’t| know", "I |don’t| know"},
		{"possessive apostrophe not added", "the |dog|s’ bowl", "the |dogs|’ bowl"},
		{"possessive apostrophe kept", "the |dogs’| bowl", "the |dogs’| bowl"},
		{"quotes not part of word", "say '|hi|' now", "say '|hi|' now"},
		{"hyphen inside word", "a well-kn|own| fact", "a |well-known| fact"},
		{"hyphen at selection end", "a |well-|known fact", "a |well-known| fact"},
		{"dash between words", "a -|-b| c", "a -|-b| c"},
		{"hyphen before space", "pre- |and| post", "pre- |and| post"},
		{"leading punctuation kept", "He said, |“Go ho|me.”", "He said, |“Go home|.”"},
		{"trailing punctuation kept", "He s|aid,| “Go", "He |said,| “Go"},
		{"punctuation alone", "a |,| b", "a |,| b"},
		{"connector punctuation", "x snake_c|ase| y", "x |snake_case| y"},
		{"digits", "in 20|2|4 we", "in |2024| we"},
		{"combining accent at end", "|cafe|\u0301 noir", "|cafe\u0301| noir"},
		{"combining accent at start", "cafe|\u0301 noir|", "|cafe\u0301 noir|"},
		{"arabic", "قال وان|غ و|ن", "قال |وانغ ون|"},
		{"hebrew", "ש|לו|ם עולם", "|שלום| עולם"},
		{"cjk each char a word", "我们|是学|生", "我们|是学|生"},
		{"cjk next to latin", "中|文ab|c", "中|文abc|"},
		{"korean words snap like latin", "안녕|하세|요 세계", "|안녕하세요| 세계"},
		{"japanese", "日本|語の|テキスト", "日本|語の|テキスト"},
		{"katakana with combining mark", "テ|キ|\u3099スト", "テ|キ\u3099|スト"},
		{"thai vowel mark", "ส|ว|ัสดี", "ส|วั|สดี"},
		{"emoji untouched", "I |😀| you", "I |😀| you"},
		{"zwj family end", "a |👩|\u200d👩\u200d👧 b", "a |👩\u200d👩\u200d👧| b"},
		{"zwj family middle", "a 👩\u200d|👩|\u200d👧 b", "a |👩\u200d👩\u200d👧| b"},
		{"zwj family at text end", "👩\u200d|👧|", "|👩\u200d👧|"},
		{"skin tone", "|👍|🏽 ok", "|👍🏽| ok"},
		{"variation selector", "I |❤|\ufe0f it", "I |❤\ufe0f| it"},
		{"flag pair split", "🇫|🇷🇩|🇪", "|🇫🇷🇩🇪|"},
		{"flag pairs whole", "|🇫🇷|🇩🇪", "|🇫🇷|🇩🇪"},
		{"second flag", "🇫🇷|🇩|🇪", "🇫🇷|🇩🇪|"},
		{"emoji after word", "ok|😀|", "ok|😀|"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text, sp := marked(t, tt.in)
			_, want := marked(t, tt.want)
			x := NewIndex(text)
			got := x.SnapToWords(sp)
			assert.Equal(t, want, got, "got %q", x.Slice(got.Start, got.End))
			assert.Equal(t, got, x.SnapToWords(got), "idempotent")
		})
	}
}

func TestContext(t *testing.T) {
	x := NewIndex("the 😀 quick brown fox")
	tests := []struct {
		sp             Span
		n              int
		prefix, suffix string
	}{
		{Span{12, 17}, 4, "ick ", " fox"},
		{Span{12, 17}, 100, "the 😀 quick ", " fox"},
		{Span{5, 6}, 1, "😀", "q"},
		{Span{0, 3}, 2, "", " 😀"},
		{Span{0, 21}, 5, "", ""},
		{Span{12, 17}, 0, "", ""},
		{Span{12, 17}, -1, "", ""},
		{Span{-5, 50}, 3, "", ""},
	}
	for _, tt := range tests {
		prefix, suffix := x.Context(tt.sp, tt.n)
		assert.Equal(t, tt.prefix, prefix, "prefix of %v, %d", tt.sp, tt.n)
		assert.Equal(t, tt.suffix, suffix, "suffix of %v, %d", tt.sp, tt.n)
	}
}

func TestCommonPrefixAndSuffixCountCodePoints(t *testing.T) {
	tests := []struct {
		a, b           string
		prefix, suffix int
	}{
		{"", "", 0, 0},
		{"abc", "abd", 2, 0},
		{"😀 said", "😀 says", 4, 0},
		{"he said", "she said", 0, 7},
		{"é", "e\u0301", 0, 0},
		{"said", "said so", 4, 0}, // a is all of b's start
		{"said so", "said", 4, 0}, // b is all of a's start
		{"so", "also", 0, 2},      // a is all of b's end
		{"also", "so", 0, 2},      // b is all of a's end
		{"same", "same", 4, 4},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.prefix, CommonPrefixLen(tc.a, tc.b), "prefix of %q and %q", tc.a, tc.b)
		assert.Equal(t, tc.suffix, CommonSuffixLen(tc.a, tc.b), "suffix of %q and %q", tc.a, tc.b)
	}
}
