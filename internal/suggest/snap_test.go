package suggest

import (
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/text"
)

// decoded returns a Suggester for doc with the whole text decoded, as it
// is once the finder has reached its last paragraph.
func decoded(doc string) *Suggester {
	s := New(doc)
	for !s.scanned() {
		s.scanLine()
	}
	return s
}

// snapTexts hold what snap must leave to SnapToWords: combining marks,
// joiners, CR LF, prefixed signs, emoji and flags, scripts written without
// spaces, odd spaces and controls, apostrophes and hyphens at a word's
// edge, Hangul, spacing marks.
var snapTexts = []string{
	"“We will win,” she said. “Then we rest.”",
	"don't-stop 'quoted' -dash- it’s ’90s ‘single’ x-",
	"e\u0301 said e\u0301\u0301 that x\u200d\u200d. a\u0308b \u0300x",
	"a\r\nb\r\n\r\nc d\r",
	"\u0600123 \u06001 said \u0600",
	"👩‍👩‍👧 families 🇫🇷🇩🇪 would ❤️ x",
	"中文字 said ไทย ภาษา",
	"\u00a0x\u00a0 \u00ad y\u2028z\u200bw \u0085",
	"Ab_c ²³ ª º µ × ÷ – — … ‐ ‑ ‿x",
	"Hangul 한국어 각 \u1100\u1161",
	"ab\u0903c \u0915\u093f said",
}

// TestSnapMatchesSnapToWordsOnEverySpan snaps every span of each of
// snapTexts, and a little outside them.
func TestSnapMatchesSnapToWordsOnEverySpan(t *testing.T) {
	for _, doc := range snapTexts {
		s, x := decoded(doc), text.NewIndex(doc)
		for a := -1; a <= x.Len()+1; a++ {
			for b := a; b <= x.Len()+1; b++ {
				sp := Span{Start: a, End: b}
				if !assert.Equal(t, x.SnapToWords(sp), s.snap(sp), "%v of %q", sp, doc) {
					return
				}
			}
		}
	}
}

// FuzzSnapMatchesSnapToWords checks that the suggester's snap gives what
// text.Index.SnapToWords gives, for any span of any text.
func FuzzSnapMatchesSnapToWords(f *testing.F) {
	for _, s := range snapTexts {
		f.Add(s, 0, 5)
		f.Add(s, 3, 9)
	}
	f.Fuzz(func(t *testing.T, doc string, a, b int) {
		if !utf8.ValidString(doc) {
			return
		}
		s := decoded(doc)
		x := text.NewIndex(doc)
		n := x.Len()
		a, b = a%(n+2)-1, b%(n+2) // a little outside the text too
		sp := Span{Start: min(a, b), End: max(a, b)}
		if got, want := s.snap(sp), x.SnapToWords(sp); got != want {
			t.Fatalf("snap(%v) of %q = %v, SnapToWords %v", sp, doc, got, want)
		}
	})
}

// TestSnapMatchesSnapToWordsOnEveryTokenSpan snaps every span from a token's
// start to the end of a token at most 12 tokens on, in every paragraph of
// real articles of the shared corpus, as the finder makes its spans.
func TestSnapMatchesSnapToWordsOnEveryTokenSpan(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "corpus", "articles", "*.txt"))
	more, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "corpus", "polnear-train", "text", "*.txt"))
	if len(more) > 30 {
		more = more[:30]
	}
	files = append(files, more...)
	if len(files) == 0 {
		t.Skip("the shared corpus is not here")
	}
	fast := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		s := decoded(string(data))
		ws := &words{lx: newLexicon()}
		for _, ps := range s.paras {
			toks := ws.tokenize(nil, s.r, ps.Start, ps.End)
			for i := range toks {
				for j := i; j < len(toks) && j < i+12; j++ {
					sp := Span{Start: toks[i].s, End: toks[j].e}
					got, want := s.snap(sp), s.x.SnapToWords(sp)
					if !assert.Equal(t, want, got, "%s: %q", f, s.x.Slice(sp.Start, sp.End)) {
						return
					}
					if got == sp {
						fast++
					}
				}
			}
		}
	}
	assert.Positive(t, fast)
}
