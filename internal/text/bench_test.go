package text

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// mixedText returns about n bytes of text mixing English with curly quotes,
// Arabic, Hebrew, CJK and emoji, in paragraphs.
func mixedText(n int) string {
	const para = "“Don’t,” Wang Wen said — the café’s 2024 report. قال وانغ ون: مرحبا. " +
		"שלום עולם. 我们是学生，日本語のテキスト。 I 😀 it 👩\u200d👩\u200d👧 👍🏽 🇫🇷\n\n"
	return strings.Repeat(para, n/len(para)+1)[:n]
}

var (
	benchText  = mixedText(1 << 20)
	benchASCII = strings.Repeat("Wang Wen said the report was fine.\n", (1<<20)/35)
)

func BenchmarkNewIndex(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		NewIndex(benchText)
	}
}

func BenchmarkNewIndexASCII(b *testing.B) {
	b.SetBytes(int64(len(benchASCII)))
	b.ReportAllocs()
	for b.Loop() {
		NewIndex(benchASCII)
	}
}

// offsets returns random offsets in [0, n].
func offsets(n int) []int {
	rng := rand.New(rand.NewPCG(1, 2))
	offs := make([]int, 1024)
	for i := range offs {
		offs[i] = rng.IntN(n + 1)
	}
	return offs
}

func benchMap(b *testing.B, n int, f func(int) int) {
	offs := offsets(n)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		f(offs[i%len(offs)])
		i++
	}
}

func BenchmarkByteOffset(b *testing.B) {
	x := NewIndex(benchText)
	benchMap(b, x.Len(), x.ByteOffset)
}

func BenchmarkCodePointAtByte(b *testing.B) {
	x := NewIndex(benchText)
	benchMap(b, len(x.Text()), x.CodePointAtByte)
}

func BenchmarkUTF16Offset(b *testing.B) {
	x := NewIndex(benchText)
	benchMap(b, x.Len(), x.UTF16Offset)
}

func BenchmarkCodePointAtUTF16(b *testing.B) {
	x := NewIndex(benchText)
	benchMap(b, x.UTF16Len(), x.CodePointAtUTF16)
}

func BenchmarkUTF16OffsetASCII(b *testing.B) {
	x := NewIndex(benchASCII)
	benchMap(b, x.Len(), x.UTF16Offset)
}

func BenchmarkSlice(b *testing.B) {
	x := NewIndex(benchText)
	benchMap(b, x.Len(), func(cp int) int { return len(x.Slice(cp, cp+50)) })
}

func BenchmarkParagraphs(b *testing.B) {
	x := NewIndex(benchText)
	b.SetBytes(int64(len(benchText)))
	b.ReportAllocs()
	for b.Loop() {
		x.Paragraphs()
	}
}

func BenchmarkSnapToWords(b *testing.B) {
	x := NewIndex(benchText)
	benchMap(b, x.Len(), func(cp int) int { return x.SnapToWords(Span{cp, cp + 20}).End })
}
