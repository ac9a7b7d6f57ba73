package text

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/testenv"
)

func TestSnapToWordsKeepsJoinedScriptsWhole(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"persian zwnj end inside", "من |می|\u200cخواهم بروم", "من |می\u200cخواهم| بروم"},
		{"persian zwnj start inside", "من می\u200c|خواهم| بروم", "من |می\u200cخواهم| بروم"},
		{"persian zwnj selected alone", "من می|\u200c|خواهم بروم", "من |می\u200cخواهم| بروم"},
		{"zwj between letters joins", "x |a|\u200db y", "x |a\u200db| y"},
		{"arabic number sign with its digits", "رقم \u0600|12|3 هنا", "رقم |\u0600123| هنا"},
		{"arabic number sign selected alone", "رقم |\u0600|123 هنا", "رقم |\u0600123| هنا"},
		{"arabic end of ayah sign", "آية \u06dd|4|5.", "آية |\u06dd45|."},
		{"decomposed hangul syllable", "|\u1100|\u1161\u11a8 x", "|\u1100\u1161\u11a8| x"},
		{"hangul jamo inside a word", "가|\u1100|\u1161 x", "|가\u1100\u1161| x"},
		{"devanagari spacing mark", "नम|स|्ते जी", "|नमस्ते| जी"},
		{"flag alone", "in |🇫|🇷 now", "in |🇫🇷| now"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text, sp := marked(t, tc.in)
			_, want := marked(t, tc.want)
			x := NewIndex(text)
			got := x.SnapToWords(sp)
			assert.Equal(t, want, got, "got %q", x.Slice(got.Start, got.End))
		})
	}
}

func TestSnapToGraphemesNeverCutsACluster(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"whole clusters untouched", "a |bc| d", "a |bc| d"},
		{"part of a word kept", "Wa|ng W|en", "Wa|ng W|en"},
		{"half a flag", "Vive la |🇫|🇷 !", "Vive la |🇫🇷| !"},
		{"second half of a flag", "🇫|🇷|🇩🇪", "|🇫🇷|🇩🇪"},
		{"flags pair from the start of their run", "🇫🇷🇩|🇪|", "🇫🇷|🇩🇪|"},
		{"zwj family", "a 👩\u200d|👩|\u200d👧 b", "a |👩\u200d👩\u200d👧| b"},
		{"skin tone", "|👍|🏽 ok", "|👍🏽| ok"},
		{"combining accent", "caf|e|\u0301 noir", "caf|e\u0301| noir"},
		{"zwnj stays with its letter", "م|ی|\u200cخ", "م|ی\u200c|خ"},
		{"zwj before a letter is not joined to it", "a\u200d|b|", "a\u200d|b|"},
		{"number sign", "\u0600|1|23", "|\u06001|23"},
		{"hangul jamo", "\u1100|\u1161|\u11a8", "|\u1100\u1161\u11a8|"},
		{"white space trimmed first", "a|  🇫|🇷", "a  |🇫🇷|"},
		{"only white space", "a|  |b", "a||  b"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text, sp := marked(t, tc.in)
			_, want := marked(t, tc.want)
			x := NewIndex(text)
			got := x.SnapToGraphemes(sp)
			assert.Equal(t, want, got, "got %q", x.Slice(got.Start, got.End))
			assert.Equal(t, got, x.SnapToGraphemes(got), "idempotent")
		})
	}
	x := NewIndex("🇫🇷")
	assert.Equal(t, Span{0, 2}, x.SnapToGraphemes(Span{-4, 1}), "clamped")
}

func TestIsGraphemeBoundary(t *testing.T) {
	x := NewIndex("e\u0301🇫🇷\r\n")
	got := []bool{}
	for cp := 0; cp <= x.Len(); cp++ {
		got = append(got, x.IsGraphemeBoundary(cp))
	}
	assert.Equal(t, []bool{true, false, true, false, true, false, true}, got)
	assert.True(t, x.IsGraphemeBoundary(-1))
	assert.True(t, x.IsGraphemeBoundary(99))
}

// unicodeFile opens one of the Unicode Character Database files that
// Debian's unicode-data package installs; without it the test fails under
// CI and skips elsewhere (see testenv.Missing).
func unicodeFile(t *testing.T, name string) *os.File {
	t.Helper()
	f, err := os.Open("/usr/share/unicode/" + name)
	if err != nil {
		testenv.Missing(t, "Unicode data file not on this machine (make browser-deps installs Debian's unicode-data): %v", err)
		return nil
	}
	t.Cleanup(func() { _ = f.Close() })
	head := make([]byte, 1024)
	n, _ := f.Read(head)
	if !strings.Contains(string(head[:n]), "15.0") {
		testenv.Missing(t, "%s is not of Unicode 15.0.0, the version of Go's unicode package", name)
	}
	_, err = f.Seek(0, 0)
	require.NoError(t, err)
	return f
}

// TestGraphemeBoundariesFollowUnicodesOwnTests runs every case of
// GraphemeBreakTest.txt: "÷" marks a boundary, "×" none.
func TestGraphemeBoundariesFollowUnicodesOwnTests(t *testing.T) {
	sc := bufio.NewScanner(unicodeFile(t, "auxiliary/GraphemeBreakTest.txt"))
	cases := 0
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		var s strings.Builder
		var want []bool
		for _, f := range fields {
			switch f {
			case "÷", "×":
				want = append(want, f == "÷")
			default:
				v, err := strconv.ParseUint(f, 16, 32)
				require.NoError(t, err)
				s.WriteRune(rune(v))
			}
		}
		x := NewIndex(s.String())
		got := make([]bool, x.Len()+1)
		for cp := range got {
			got[cp] = x.IsGraphemeBoundary(cp)
		}
		assert.Equal(t, want, got, "%s", line)
		cases++
	}
	require.NoError(t, sc.Err())
	assert.Greater(t, cases, 600)
}

// TestBreakPropertiesFollowUnicodeData checks breakProperty and
// isPictographic against GraphemeBreakProperty.txt and emoji-data.txt for
// every assigned code point they list.
func TestBreakPropertiesFollowUnicodeData(t *testing.T) {
	names := map[string]gcb{
		"CR": gcbCR, "LF": gcbLF, "Control": gcbControl, "Extend": gcbExtend, "ZWJ": gcbZWJ,
		"Regional_Indicator": gcbRegional, "Prepend": gcbPrepend, "SpacingMark": gcbSpacingMark,
		"L": gcbL, "V": gcbV, "T": gcbT, "LV": gcbLV, "LVT": gcbLVT,
	}
	want := map[rune]gcb{}
	eachRange(t, "auxiliary/GraphemeBreakProperty.txt", func(lo, hi rune, prop, comment string) {
		if strings.HasPrefix(strings.TrimSpace(comment), "Cn") || strings.HasPrefix(strings.TrimSpace(comment), "Cs") {
			return // unassigned (or surrogates, which Go strings cannot hold)
		}
		g, ok := names[prop]
		require.True(t, ok, prop)
		for r := lo; r <= hi; r++ {
			want[r] = g
		}
	})
	pict := map[rune]bool{}
	eachRange(t, "emoji/emoji-data.txt", func(lo, hi rune, prop, _ string) {
		for r := lo; prop == "Extended_Pictographic" && r <= hi; r++ {
			pict[r] = true
		}
	})
	for r := rune(0); r <= 0x10FFFF; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		g, listed := want[r]
		if !listed && breakProperty(r) == gcbControl {
			continue // an unassigned default-ignorable the file lists as Cn
		}
		if !assert.Equal(t, g, breakProperty(r), "Grapheme_Cluster_Break of %U", r) {
			return
		}
		if !assert.Equal(t, pict[r], isPictographic(r), "Extended_Pictographic of %U", r) {
			return
		}
	}
}

// eachRange calls fn for each "LO..HI ; Property # comment" line of a
// Unicode data file.
func eachRange(t *testing.T, name string, fn func(lo, hi rune, prop, comment string)) {
	t.Helper()
	sc := bufio.NewScanner(unicodeFile(t, name))
	for sc.Scan() {
		data, comment, _ := strings.Cut(sc.Text(), "#")
		cps, prop, ok := strings.Cut(data, ";")
		if !ok {
			continue
		}
		loS, hiS, isRange := strings.Cut(strings.TrimSpace(cps), "..")
		if !isRange {
			hiS = loS
		}
		lo, err := strconv.ParseUint(loS, 16, 32)
		require.NoError(t, err)
		hi, err := strconv.ParseUint(hiS, 16, 32)
		require.NoError(t, err)
		fn(rune(lo), rune(hi), strings.TrimSpace(prop), comment)
	}
	require.NoError(t, sc.Err())
}

// An invalid byte is one code point, U+FFFD, to every function of Index,
// the grapheme rules included: a prepended mark (U+0600, Prepend) joins
// it as it joins any other character, and a control character would not.
func TestAnInvalidByteIsAReplacementCharacterToTheGraphemeRules(t *testing.T) {
	tests := []struct {
		name     string
		s        string
		boundary bool // between code points 0 and 1
	}{
		{"a lone continuation byte 0x80", "\u0600\x80", false},
		{"a lone continuation byte 0xBF", "\u0600\xbf", false},
		{"a byte that starts no sequence", "\u0600\xff", false},
		{"U+FFFD itself", "\u0600\uFFFD", false},
		{"a real control character", "\u0600\u0080", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			x := NewIndex(tt.s)
			require.Equal(t, 2, x.Len())
			assert.Equal(t, tt.boundary, x.IsGraphemeBoundary(1))
		})
	}
}
