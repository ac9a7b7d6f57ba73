package text

import (
	"math/rand/v2"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// naive is the obvious implementation of the maps, with a table entry per
// code point, to check Index against.
type naive struct {
	runes []rune
	bytes []int // bytes[cp] is the byte offset of code point cp; bytes[n] = len
	u16   []int // u16[cp] is the UTF-16 offset of code point cp; u16[n] = UTF16Len
}

func newNaive(s string) naive {
	nv := naive{runes: []rune(s)}
	for i := range s {
		nv.bytes = append(nv.bytes, i)
	}
	nv.bytes = append(nv.bytes, len(s))
	var buf []uint16
	for _, r := range nv.runes {
		nv.u16 = append(nv.u16, len(buf))
		buf = utf16.AppendRune(buf, r)
	}
	u := len(buf)
	nv.u16 = append(nv.u16, u)
	return nv
}

// last returns the last cp with offs[cp] <= off, for 0 <= off <= offs[n].
func last(offs []int, off int) int {
	return sort.SearchInts(offs, off+1) - 1
}

// checkMaps compares every map of NewIndex(s) with the naive implementation,
// for every offset and a few out of range. It avoids testify so that fuzzing
// stays fast.
func check[T comparable](t testing.TB, s, name string, arg int, got, want T) {
	t.Helper()
	if got != want {
		t.Fatalf("%s(%d) = %#v, want %#v (text %+q)", name, arg, got, want, s)
	}
}

func checkMaps(t testing.TB, s string) {
	t.Helper()
	x, nv := NewIndex(s), newNaive(s)
	n, n16 := len(nv.runes), nv.u16[len(nv.runes)]
	check(t, s, "Text", 0, x.Text(), s)
	check(t, s, "Len", 0, x.Len(), n)
	check(t, s, "UTF16Len", 0, x.UTF16Len(), n16)
	clamp := func(v, hi int) int { return min(max(v, 0), hi) }
	for cp := -2; cp <= n+2; cp++ {
		c := clamp(cp, n)
		check(t, s, "ByteOffset", cp, x.ByteOffset(cp), nv.bytes[c])
		check(t, s, "UTF16Offset", cp, x.UTF16Offset(cp), nv.u16[c])
		want := rune(-1)
		if cp >= 0 && cp < n {
			want = nv.runes[cp]
		}
		check(t, s, "RuneAt", cp, x.RuneAt(cp), want)
		check(t, s, "Slice(cp, n+5)", cp, x.Slice(cp, n+5), s[nv.bytes[c]:])
		check(t, s, "Slice(-5, cp)", cp, x.Slice(-5, cp), s[:nv.bytes[c]])
		check(t, s, "Slice(cp, cp+1)", cp, x.Slice(cp, cp+1), s[nv.bytes[c]:nv.bytes[clamp(cp+1, n)]])
	}
	for b := -2; b <= len(s)+2; b++ {
		check(t, s, "CodePointAtByte", b, x.CodePointAtByte(b), last(nv.bytes, clamp(b, len(s))))
	}
	for u := -2; u <= n16+2; u++ {
		check(t, s, "CodePointAtUTF16", u, x.CodePointAtUTF16(u), last(nv.u16, clamp(u, n16)))
	}
}

var sampleTexts = []struct{ name, text string }{
	{"empty", ""},
	{"ascii", "Wang Wen said: \"It's fine.\"\n"},
	{"emoji", "I 😀 you"},
	{"emoji only", "😀"},
	{"zwj family", "a 👩\u200d👩\u200d👧 b"},
	{"skin tone", "👍🏽 ok"},
	{"flags", "🇫🇷🇩🇪"},
	{"cjk", "我们是学生。日本語のテキスト、한국어"},
	{"combining accent", "cafe\u0301 e\u0301te\u0301"},
	{"precomposed", "café été"},
	{"arabic", "قال وانغ ون: مرحبا بالعالم"},
	{"hebrew", "שלום עולם, אמר"},
	{"mixed rtl ltr", "He said \u202bשלום\u202c to 𝒳"},
	{"curly quotes", "“Don’t,” she said — ‘never’…"},
	{"invalid utf8", "a\xffb\xe2\x82c\xed\xa0\x80d\xf0\x9f\x98"},
	{"bmp edge", "\uffff\U00010000\u007f\u0080\u07ff\u0800"},
}

func TestIndexMaps(t *testing.T) {
	for _, tt := range sampleTexts {
		t.Run(tt.name, func(t *testing.T) { checkMaps(t, tt.text) })
	}
}

func TestIndexKnownOffsets(t *testing.T) {
	// "a😀é中" has code points a, 😀, é, 中.
	x := NewIndex("a😀é中")
	assert.Equal(t, 4, x.Len())
	assert.Equal(t, 5, x.UTF16Len())
	assert.Equal(t, []int{0, 1, 5, 7, 10}, mapAll(x.Len(), x.ByteOffset))
	assert.Equal(t, []int{0, 1, 3, 4, 5}, mapAll(x.Len(), x.UTF16Offset))
	// Inside a rune rounds down.
	assert.Equal(t, []int{0, 1, 1, 1, 1, 2, 2, 3, 3, 3, 4}, mapAll(10, x.CodePointAtByte))
	assert.Equal(t, []int{0, 1, 1, 2, 3, 4}, mapAll(5, x.CodePointAtUTF16))
	assert.Equal(t, "😀é", x.Slice(1, 3))
	assert.Equal(t, "", x.Slice(3, 1))
	assert.Equal(t, '中', x.RuneAt(3))
	assert.Equal(t, rune(-1), x.RuneAt(4))
}

func mapAll(n int, f func(int) int) []int {
	var out []int
	for i := 0; i <= n; i++ {
		out = append(out, f(i))
	}
	return out
}

func TestIndexASCIIHasNoTables(t *testing.T) {
	s := strings.Repeat("plain ASCII text\n", 1000)
	x := NewIndex(s)
	assert.True(t, x.ascii)
	assert.Nil(t, x.bytes)
	assert.Nil(t, x.u16)
	assert.Equal(t, len(s), x.Len())
	assert.Equal(t, len(s), x.UTF16Len())
	assert.Equal(t, 1234, x.ByteOffset(1234))
	assert.Equal(t, len(s), x.CodePointAtUTF16(len(s)+9))
	checkMaps(t, s[:300])
}

func TestIndexCheckpointSize(t *testing.T) {
	for _, n := range []int{1, stride - 1, stride, stride + 1, 10*stride - 1, 10 * stride, 10*stride + 1} {
		x := NewIndex(strings.Repeat("é", n))
		assert.Len(t, x.bytes, (n+stride-1)/stride, "n=%d", n)
		assert.Len(t, x.u16, (n+stride-1)/stride, "n=%d", n)
	}
}

func TestIndexCheckpointBoundaries(t *testing.T) {
	var tests []struct{ name, text string }
	add := func(name, s string) { tests = append(tests, struct{ name, text string }{name, s}) }
	for _, r := range []string{"é", "中", "😀", "\xff"} {
		// A multi-byte rune just before, at and just after a checkpoint.
		for _, k := range []int{stride - 1, stride, stride + 1, 2*stride - 1, 2 * stride} {
			add(r+" at "+strconv.Itoa(k), strings.Repeat("a", k)+r+strings.Repeat("b", 3*stride))
		}
		// Only multi-byte runes, over several checkpoints, ending on one.
		add("only "+r, strings.Repeat(r, 4*stride))
		add("only "+r+" plus one", strings.Repeat(r, 4*stride+1))
	}
	// A pattern whose period is prime to the stride puts every kind of rune
	// on every checkpoint.
	add("mixed pattern", strings.Repeat("a😀é中b👩\u200d👧", 150))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkMaps(t, tt.text) })
	}
}

func TestIndexRoundTrips(t *testing.T) {
	texts := []string{strings.Repeat("a😀é中b👩\u200d👧 שלום ", 40)}
	for _, tt := range sampleTexts {
		texts = append(texts, tt.text)
	}
	for _, s := range texts {
		x := NewIndex(s)
		for cp := 0; cp <= x.Len(); cp++ {
			require.Equal(t, cp, x.CodePointAtUTF16(x.UTF16Offset(cp)), "cp->utf16->cp %d in %q", cp, s)
			require.Equal(t, cp, x.CodePointAtByte(x.ByteOffset(cp)), "cp->byte->cp %d in %q", cp, s)
		}
	}
}

// randomText returns a string of n pieces drawn from ASCII, 2-, 3- and
// 4-byte runes, joiners, newlines and invalid bytes.
func randomText(rng *rand.Rand, n int) string {
	pieces := []string{"a", "Z", " ", "\n", "'", "-", "é", "\u0301", "ש", "ق", "中", "の", "’", "😀", "👩", "\u200d", "\ufe0f", "🏽", "🇫", "𝒳", "\xff", "\xe2\x82", "\uffff"}
	var sb strings.Builder
	for range n {
		sb.WriteString(pieces[rng.IntN(len(pieces))])
	}
	return sb.String()
}

func TestIndexMatchesNaiveOnRandomText(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range 200 {
		s := randomText(rng, rng.IntN(5*stride))
		if i%10 == 0 {
			s = randomText(rng, 20*stride)
		}
		checkMaps(t, s)
	}
}
