package app

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestOffsetOfSegmentCountsUTF16Units(t *testing.T) {
	st := NewState(fixedClock)
	Update(st, Paste{Title: "t", Text: "a😀b👩‍👩‍👧c"})
	assert.Equal(t, 2, OffsetOfSegment(st, 0, 3), "after the emoji (2 UTF-16 units) is code point 2")
	assert.Equal(t, 3, OffsetOfSegment(st, 2, 1))
}

func TestFileNameIsSafe(t *testing.T) {
	tests := []struct{ title, want string }{
		{"Plain title", "Plain title"},
		{"../../etc/passwd", "etc passwd"},
		{`a\b:c*d?e"f<g>h|i`, "a b c d e f g h i"},
		{"\x00\x1fbell\u202eevil", "bell evil"},
		{"   ", "sayso"},
		{"...hidden", "hidden"},
		{strings.Repeat("x", 300), strings.Repeat("x", MaxFileNameRunes)},
		{"Émile’s 🚲 story", "Émile’s 🚲 story"},
		{" \t Leading white space", "Leading white space"},
		{"/leading slash", "leading slash"},
		{strings.Repeat("x", MaxFileNameRunes-2) + " y", strings.Repeat("x", MaxFileNameRunes-2) + " y"},
		{strings.Repeat("x", MaxFileNameRunes-1) + " y", strings.Repeat("x", MaxFileNameRunes-1)},
		{strings.Repeat("x", MaxFileNameRunes-2) + " yz", strings.Repeat("x", MaxFileNameRunes-2) + " y"},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, FileName(tc.title), "title %q", tc.title)
	}
}

func TestStyleIndexIsTheStylesPlaceInHighlightStyles(t *testing.T) {
	styles := highlightStyles()
	for i, s := range styles {
		assert.Equal(t, int32(i), styleIndex(s), s)
	}
	assert.Equal(t, styleIndex("x"+strconv.Itoa(MaxLabelStyles-1)), styleIndex("unknown"), "the last label style")
}
