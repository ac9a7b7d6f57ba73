package view

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/app"
)

// pastedParagraphs is a state showing n pasted paragraphs, the k-th
// "Paragraph k é." (12 or more code points each, joined by one line
// break).
func pastedParagraphs(t *testing.T, n int) *app.State {
	t.Helper()
	lines := make([]string, n)
	for k := range lines {
		lines[k] = fmt.Sprintf("Paragraph %d é.", k)
	}
	st := app.NewState(fixedClock)
	app.Update(st, app.Paste{Title: "t", Text: strings.Join(lines, "\n")})
	require.Len(t, st.Paras, n)
	return st
}

func TestSectionsCountTwentyParagraphsEach(t *testing.T) {
	for _, tc := range []struct{ paras, sections int }{
		{1, 1}, {19, 1}, {20, 1}, {21, 2}, {40, 2}, {41, 3}, {205, 11},
	} {
		t.Run(fmt.Sprint(tc.paras), func(t *testing.T) {
			assert.Equal(t, tc.sections, Sections(pastedParagraphs(t, tc.paras)))
		})
	}
	assert.Equal(t, 0, Sections(app.NewState(fixedClock)), "no document, no section")
}

func TestPlainSectionsJoinedInOrderAreThePlainDocument(t *testing.T) {
	st := pastedParagraphs(t, 65) // sections of 20, 20, 20 and 5
	whole := PlainDocument(st).String()
	for _, cuts := range [][]int{{0, 4}, {0, 1, 4}, {0, 1, 2, 3, 4}, {0, 3, 4}} {
		var joined strings.Builder
		for k := 1; k < len(cuts); k++ {
			joined.WriteString(PlainSections(st, cuts[k-1], cuts[k]).String())
		}
		assert.Equal(t, whole, joined.String(), "cut at %v", cuts)
	}
	third := PlainSections(st, 2, 3).String()
	assert.True(t, strings.HasPrefix(third, `<section><p id="p40" data-o="`), third[:40])
	assert.True(t, strings.HasSuffix(third, `Paragraph 59 é.</p></section>`))
	assert.Equal(t, 20, strings.Count(third, "<p "))
	assert.Equal(t, 5, strings.Count(PlainSections(st, 3, 4).String(), "<p "), "the last section holds what is left")
	assert.Empty(t, PlainSections(st, 4, 9).String(), "past the end, nothing")
	assert.Empty(t, PlainSections(st, 2, 2).String())
}

func TestSectionParagraphsAreTheSectionsParagraphs(t *testing.T) {
	st := pastedParagraphs(t, 45)
	for _, tc := range []struct{ first, last, from, to int }{
		{0, 1, 0, 20}, {1, 2, 20, 40}, {2, 3, 40, 45}, {0, 3, 0, 45}, {3, 4, 45, 45}, {1, 1, 20, 20},
	} {
		from, to := SectionParagraphs(st, tc.first, tc.last)
		assert.Equal(t, [2]int{tc.from, tc.to}, [2]int{from, to}, "sections [%d, %d)", tc.first, tc.last)
	}
}

func TestSectionsWithinStopsAtTheBudgetAndTakesAtLeastOne(t *testing.T) {
	// Paragraphs 0–9 have 14 code points, 10–99 have 15, 100–104 16;
	// with one line break between paragraphs, a section of 20 paragraphs
	// spans 20 texts and 19 breaks.
	st := pastedParagraphs(t, 105)
	span := func(first, last int) int {
		from, to := SectionParagraphs(st, first, last)
		return st.Paras[to-1].End - st.Paras[from].Start
	}
	require.Equal(t, 10*14+10*15+19, span(0, 1))
	require.Equal(t, 20*15+19, span(1, 2))
	for _, tc := range []struct {
		name             string
		from, budget, to int
	}{
		{"a budget smaller than one section still takes one", 0, 1, 1},
		{"exactly one section", 0, span(0, 1), 1},
		{"one code point short of two sections", 0, span(0, 1) + span(1, 2) - 1, 1},
		{"two sections", 0, span(0, 1) + span(1, 2), 2},
		{"from the middle", 2, span(2, 3) + span(3, 4), 4},
		{"the whole rest", 3, 1 << 20, 6},
		{"at the end, nothing", 6, 1 << 20, 6},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.to, SectionsWithin(st, tc.from, tc.budget))
		})
	}
}
