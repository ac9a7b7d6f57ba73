package corpus

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/format/native"
	"sayso/internal/text"
)

func TestBags(t *testing.T) {
	for n := range 200 {
		b := bags(n)
		assert.GreaterOrEqual(t, 3*b+b/bagEvery, n, "n=%d", n)
		if b > 0 {
			assert.Less(t, 3*(b-1)+(b-1)/bagEvery, n, "n=%d: one bag fewer would do", n)
		}
	}
}

func TestGenerateIsDeterministicAndExact(t *testing.T) {
	spec := Spec{Name: "t", Bytes: 64 << 10, Annotations: 600, Seed: 7}
	a, err := Generate(spec)
	require.NoError(t, err)
	b, err := Generate(spec)
	require.NoError(t, err)
	assert.Equal(t, a.Native, b.Native, "same seed, same file")

	other, err := Generate(Spec{Name: "t", Bytes: 64 << 10, Annotations: 600, Seed: 8})
	require.NoError(t, err)
	assert.NotEqual(t, a.Text, other.Text, "another seed, another text")

	assert.GreaterOrEqual(t, len(a.Text), spec.Bytes)
	assert.Less(t, len(a.Text), spec.Bytes+2000, "one paragraph past the size at most")
	assert.Len(t, a.Project.Annotations, spec.Annotations)
	assert.Equal(t, strings.Join(a.Paragraphs, "\n\n"), a.Text)
}

func TestGenerateMixesScriptsAndLabels(t *testing.T) {
	c, err := Generate(Spec{Name: "t", Bytes: 128 << 10, Annotations: 1200, Seed: 1})
	require.NoError(t, err)

	var astral, cjkRunes, curly int
	for _, r := range c.Text {
		switch {
		case r > 0xFFFF:
			astral++
		case r >= 0x4E00 && r <= 0x9FFF:
			cjkRunes++
		case r == '“' || r == '”' || r == '’':
			curly++
		}
	}
	assert.Positive(t, astral, "emoji outside the BMP")
	assert.Positive(t, cjkRunes, "CJK")
	assert.Positive(t, curly, "curly quotes")

	for _, l := range []string{annotation.LabelClaim, annotation.LabelSpeaker, annotation.LabelCue} {
		assert.Positive(t, c.Counts[l], "label %s", l)
	}
	assert.Positive(t, c.Outer)

	stances := map[string]bool{}
	var discontinuous, linked, overlapping, nested int
	anns := c.Project.Annotations
	for i, a := range anns {
		stances[a.Stance] = true
		if len(a.Fragments) > 1 {
			discontinuous++
		}
		if a.SpeakerMention != "" && a.Cue != "" {
			linked++
		}
		h := hull(a)
		for j := max(0, i-6); j < min(len(anns), i+6); j++ {
			o := hull(anns[j])
			switch {
			case j == i:
			case h.Contains(o) && h != o:
				nested++
			case h.Overlaps(o) && !h.Contains(o) && !o.Contains(h):
				overlapping++
			}
		}
	}
	assert.Len(t, stances, 5, "every stance and none")
	assert.Positive(t, discontinuous)
	assert.Positive(t, linked)
	assert.Positive(t, nested)
	assert.Positive(t, overlapping)

	// Fragments start and end on whole characters of the text.
	x := text.NewIndex(c.Text)
	for _, a := range anns {
		assert.True(t, utf8.ValidString(a.Quote))
		assert.Equal(t, annotation.QuoteOf(x, a.Fragments), a.Quote)
	}
}

func hull(a annotation.Annotation) text.Span {
	return text.Span{Start: a.Fragments[0].Start, End: a.Fragments[len(a.Fragments)-1].End}
}

func TestGenerateWritesAtLeastTheWordsAsked(t *testing.T) {
	c, err := Generate(Spec{Name: "t", Words: 3000, Annotations: 100, Seed: 9})
	require.NoError(t, err)
	n := len(strings.Fields(c.Text))
	assert.GreaterOrEqual(t, n, 3000)
	assert.Less(t, n-len(strings.Fields(c.Paragraphs[len(c.Paragraphs)-1])), 3000, "not one paragraph more than needed")

	small, err := Generate(Spec{Name: "t", Bytes: 1000, Words: 10, Seed: 9})
	require.NoError(t, err)
	assert.GreaterOrEqual(t, len(small.Text), 1000, "both bounds hold")
}

func TestGeneratedFileOpensInTheApp(t *testing.T) {
	c, err := Generate(Spec{Name: "t", Bytes: 32 << 10, Annotations: 300, Seed: 3})
	require.NoError(t, err)
	s, err := native.Open(c.Native, time.Now)
	require.NoError(t, err)
	assert.Equal(t, 300, s.Len())
	assert.NotEmpty(t, c.Paragraphs[0])
	assert.Equal(t, "d1", s.Documents()[0].ID)
	first := s.Annotations("d1")[0]
	assert.Less(t, first.Hull().Start, len([]rune(c.Paragraphs[0])), "the first paragraph is annotated")
}

func TestGenerateRefusesTooManyAnnotations(t *testing.T) {
	_, err := Generate(Spec{Name: "t", Bytes: 2000, Annotations: 5000, Seed: 1})
	assert.ErrorIs(t, err, errInvalid)
	_, err = Generate(Spec{Name: "t", Bytes: 0, Annotations: 5, Seed: 1})
	assert.ErrorIs(t, err, errInvalid)
	_, err = Generate(Spec{Name: "t", Words: -1, Annotations: 5, Seed: 1})
	assert.ErrorIs(t, err, errInvalid)
}

func TestPlainHTMLEscapes(t *testing.T) {
	c := &Corpus{Paragraphs: []string{"a < b & “c”", "d"}}
	assert.Equal(t, "<p>a &lt; b &amp; “c”</p>\n<p>d</p>\n", c.PlainHTML())
}

func BenchmarkGenerate1MB(b *testing.B) {
	for b.Loop() {
		if _, err := Generate(Spec{Name: "b", Bytes: 1 << 20, Annotations: 5000, Seed: 1}); err != nil {
			b.Fatal(err)
		}
	}
}
