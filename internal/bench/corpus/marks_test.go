package corpus

import (
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/text"
)

func TestMarkedParagraphs(t *testing.T) {
	paras := []string{"abc def", "x<y 😀 z"}
	// "abc def\n\nx<y 😀 z": the second paragraph starts at code point 9.
	for _, tc := range []struct {
		name  string
		spans []text.Span
		want  string
	}{
		{"none", nil, "<p>abc def</p>\n<p>x&lt;y 😀 z</p>\n"},
		{"one word", []text.Span{{Start: 4, End: 7}}, "<p>abc <mark>def</mark></p>\n<p>x&lt;y 😀 z</p>\n"},
		{"overlapping flattened", []text.Span{{Start: 0, End: 5}, {Start: 2, End: 7}}, "<p><mark>abc def</mark></p>\n<p>x&lt;y 😀 z</p>\n"},
		{"touching kept apart", []text.Span{{Start: 0, End: 3}, {Start: 4, End: 7}}, "<p><mark>abc</mark> <mark>def</mark></p>\n<p>x&lt;y 😀 z</p>\n"},
		{"emoji and escape", []text.Span{{Start: 10, End: 13}}, "<p>abc def</p>\n<p>x<mark>&lt;y </mark>😀 z</p>\n"},
		{"across the paragraph break", []text.Span{{Start: 5, End: 11}}, "<p>abc d<mark>ef</mark></p>\n<p><mark>x&lt;</mark>y 😀 z</p>\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ids := make([]string, len(tc.spans))
			assert.Equal(t, tc.want, MarkedParagraphs(paras, tc.spans, ids))
		})
	}
}

func TestPeerSpansCountUTF16(t *testing.T) {
	paras := []string{"a 😀 b", "cd 😀 ef"}
	// Text: "a 😀 b\n\ncd 😀 ef"; code points: para 2 starts at 7.
	for _, tc := range []struct {
		name string
		span text.Span
		want PeerSpan
	}{
		{"first paragraph, after the emoji", text.Span{Start: 4, End: 5}, PeerSpan{ID: "x", Start: 5, End: 6, Quote: "b"}},
		{"second paragraph", text.Span{Start: 7, End: 9}, PeerSpan{ID: "x", Start: 6, End: 8, Quote: "cd"}},
		{"the emoji itself", text.Span{Start: 10, End: 11}, PeerSpan{ID: "x", Start: 9, End: 11, Quote: "😀"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := PeerSpansOf(paras, []text.Span{tc.span}, []string{"x"})
			require.Len(t, got, 1)
			assert.Equal(t, tc.want, got[0])
		})
	}
}

func TestPeerSpansMatchTheGeneratedText(t *testing.T) {
	c, err := Generate(Spec{Name: "t", Bytes: 3000, Annotations: 20, Seed: 7})
	require.NoError(t, err)
	content := utf16.Encode([]rune(strings.Join(c.Paragraphs, "")))
	spans := c.PeerSpans()
	require.NotEmpty(t, spans)
	for _, s := range spans {
		require.LessOrEqual(t, s.End, len(content))
		assert.Equal(t, s.Quote, string(utf16.Decode(content[s.Start:s.End])), s.ID)
	}
	html := c.MarkedHTML()
	assert.Equal(t, len(c.Paragraphs), strings.Count(html, "<p>"))
	assert.Contains(t, html, "<mark>")
	assert.Equal(t, strings.Count(html, "<mark>"), strings.Count(html, "</mark>"))
}
