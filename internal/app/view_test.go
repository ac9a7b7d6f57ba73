package app

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"sayso/internal/annotation"
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

func TestAnnotationsInParagraphsAreThoseWithTextThere(t *testing.T) {
	st := NewState(fixedClock)
	// Paragraphs: 0 "aaaa" [0,4), 1 "bbbb" [5,9), 2 "cccc" [10,14), 3 "dddd" [15,19).
	Update(st, Paste{Title: "t", Text: "aaaa\nbbbb\ncccc\ndddd"})
	tag := func(start, end int) string {
		Update(st, Tag{Label: annotation.LabelClaim, Sel: Selection{Start: start, End: end, Exact: true}})
		return st.Selected
	}
	inFirst := tag(0, 2)
	across := tag(2, 7)    // paragraphs 0 and 1
	inThird := tag(11, 13) // paragraph 2
	longest := tag(3, 17)  // paragraphs 0 to 3
	last := tag(18, 19)    // paragraph 3's last code point
	all := st.Store.Annotations(st.Doc)
	ids := func(anns []*annotation.Annotation) []string {
		var out []string
		for _, a := range anns {
			out = append(out, a.ID)
		}
		return out
	}
	for _, tc := range []struct {
		name     string
		from, to int
		want     []string
	}{
		{"the first paragraph", 0, 1, []string{inFirst, across, longest}},
		{"the second", 1, 2, []string{across, longest}},
		{"the third", 2, 3, []string{inThird, longest}},
		{"the last", 3, 4, []string{longest, last}},
		{"all of them", 0, 4, []string{inFirst, across, inThird, longest, last}},
		{"past the end is cut", 3, 9, []string{longest, last}},
		{"before the start is cut", -2, 1, []string{inFirst, across, longest}},
		{"none", 2, 2, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, sortedIDs(tc.want, all), ids(AnnotationsInParagraphs(st, all, tc.from, tc.to)))
		})
	}
}

// sortedIDs orders ids as anns holds them.
func sortedIDs(ids []string, anns []*annotation.Annotation) []string {
	var out []string
	for _, a := range anns {
		if slices.Contains(ids, a.ID) {
			out = append(out, a.ID)
		}
	}
	return out
}
