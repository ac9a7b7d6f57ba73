package suggest

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

// wordTexts are words whose lower case strings.ToLower and a byte-wise
// ASCII fold could disagree on.
var wordTexts = []string{"Said", "SAID", "said", "Ⓐbc", "İstanbul", "ΣΟΦΊΑ", "Straße", "ǅemal", "x\uFFFDY", "Ünal", "'", "“", "A"}

// TestWordsAreWhatStringsToLowerGives checks the tokens' interned texts
// against strings.ToLower (and the plain text), met once and again, and
// their classes against the lexicon's.
func TestWordsAreWhatStringsToLowerGives(t *testing.T) {
	lx := newLexicon()
	ws := &words{lx: lx}
	for range 2 {
		for _, w := range append(wordTexts, "Officials", "according", "he") {
			r := []rune(w)
			low := ws.of(r, true)
			assert.Equal(t, strings.ToLower(w), low.l, w)
			assert.Equal(t, lx.class[strings.ToLower(w)], low.c, w)
			assert.Equal(t, w, ws.of(r, false).l, w)
		}
	}
	assert.NotZero(t, ws.of([]rune("He"), true).c, "classes are looked up (he never starts a name)")
}

// FuzzWordsAreWhatStringsToLowerGives checks any text's words.
func FuzzWordsAreWhatStringsToLowerGives(f *testing.F) {
	for _, w := range wordTexts {
		f.Add(w)
	}
	ws := &words{lx: newLexicon()}
	f.Fuzz(func(t *testing.T, w string) {
		if !utf8.ValidString(w) {
			return
		}
		r := []rune(w)
		if got := ws.of(r, true).l; got != strings.ToLower(w) {
			t.Fatalf("lower of %q: %q, strings.ToLower %q", w, got, strings.ToLower(w))
		}
		if got := ws.of(r, false).l; got != w {
			t.Fatalf("text of %q: %q", w, got)
		}
	})
}
