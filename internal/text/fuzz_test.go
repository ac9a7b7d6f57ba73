package text

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func FuzzIndexMaps(f *testing.F) {
	for _, tt := range sampleTexts {
		f.Add(tt.text)
	}
	f.Add(strings.Repeat("a😀é中", 40))
	f.Add(strings.Repeat("\xff", stride+1))
	f.Fuzz(func(t *testing.T, s string) {
		checkMaps(t, s)
		x := NewIndex(s)
		for cp := 0; cp <= x.Len(); cp++ {
			if got := x.CodePointAtUTF16(x.UTF16Offset(cp)); got != cp {
				t.Fatalf("cp->utf16->cp: %d -> %d", cp, got)
			}
			if got := x.CodePointAtByte(x.ByteOffset(cp)); got != cp {
				t.Fatalf("cp->byte->cp: %d -> %d", cp, got)
			}
		}
	})
}

func FuzzSnapToWords(f *testing.F) {
	f.Add("Wang Wen said", 6, 8)
	f.Add("I don’t know", 3, 5)
	f.Add("a well-known fact", 7, 12)
	f.Add("a 👩\u200d👩\u200d👧 b", 2, 3)
	f.Add("🇫🇷🇩🇪🇮", 1, 4)
	f.Add("cafe\u0301  ", 2, 7)
	f.Add("我们是学生", 1, 3)
	f.Add("  \t ", 1, 3)
	f.Add("x\xff\u0301y", 2, 3)
	f.Fuzz(func(t *testing.T, s string, start, end int) {
		x := NewIndex(s)
		// Bring offsets far out of range into [-1, Len()+1].
		wrap := func(v int) int {
			if v < -1 || v > x.Len()+1 {
				m := x.Len() + 3
				v = (v%m+m)%m - 1
			}
			return v
		}
		sp := Span{wrap(start), wrap(end)}
		got := x.SnapToWords(sp)
		if got.Start < 0 || got.End > x.Len() || got.Start > got.End {
			t.Fatalf("SnapToWords(%v) = %v, out of [0, %d]", sp, got, x.Len())
		}
		trimmed := x.TrimSpace(sp)
		if trimmed.Len() == 0 {
			if got != trimmed {
				t.Fatalf("SnapToWords(%v) = %v of only space, want %v", sp, got, trimmed)
			}
			return
		}
		if !got.Contains(trimmed) {
			t.Fatalf("SnapToWords(%v) = %v does not contain %v", sp, got, trimmed)
		}
		if again := x.SnapToWords(got); again != got {
			t.Fatalf("SnapToWords(%v) = %v but SnapToWords(%v) = %v", sp, got, got, again)
		}
		for _, b := range []int{x.ByteOffset(got.Start), x.ByteOffset(got.End)} {
			if x.inCluster(b) {
				t.Fatalf("SnapToWords(%v) = %v ends inside a cluster", sp, got)
			}
		}
	})
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"", "a\r\nb", "\r", "\r\r\n\n\r", "x\xff\r", "e\u0301\r\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Normalize(s)
		if strings.Contains(got, "\r") {
			t.Fatalf("Normalize(%q) = %q contains \\r", s, got)
		}
		if again := Normalize(got); again != got {
			t.Fatalf("Normalize(%q) = %q, not idempotent: %q", s, got, again)
		}
		want := strings.Count(s, "\n") + strings.Count(s, "\r") - strings.Count(s, "\r\n")
		if n := strings.Count(got, "\n"); n != want {
			t.Fatalf("Normalize(%q) has %d newlines, want %d", s, n, want)
		}
		if utf8.ValidString(s) != utf8.ValidString(got) {
			t.Fatalf("Normalize(%q) changed validity", s)
		}
	})
}

// FuzzParagraphsSplitLikeARuneByRuneScan: Paragraphs, which steps over
// ASCII bytes without decoding them, finds the paragraphs a scan of every
// code point finds, for any string (invalid UTF-8 included).
func FuzzParagraphsSplitLikeARuneByRuneScan(f *testing.F) {
	for _, tt := range sampleTexts {
		f.Add(tt.text)
	}
	f.Add("one\n\n \u00a0\n two\u2028\nthree 😀\n\xff\n\u0085")
	f.Add(strings.Repeat("é\n", stride+3))
	f.Add("a\n \t\v\f\r\nb")
	f.Fuzz(func(t *testing.T, s string) {
		var want []Span
		cp, start, blank := 0, 0, true
		for _, r := range s {
			switch {
			case r == '\n':
				if !blank {
					want = append(want, Span{start, cp})
				}
				start, blank = cp+1, true
			case blank && !unicode.IsSpace(r):
				blank = false
			}
			cp++
		}
		if !blank {
			want = append(want, Span{start, cp})
		}
		if got := NewIndex(s).Paragraphs(); !slices.Equal(got, want) {
			t.Fatalf("Paragraphs(%q) = %v, want %v", s, got, want)
		}
	})
}
