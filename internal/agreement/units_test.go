package agreement

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"sayso/internal/annotation"
	"sayso/internal/text"
)

func TestUnitsTakeAtMostOneClaimPerAnnotator(t *testing.T) {
	// A marked one claim twice over; B once; C somewhere else.
	a := spanClaims("A", []text.Span{sp(0, 10), sp(1, 10)})
	b := spanClaims("B", []text.Span{sp(0, 10)})
	c := spanClaims("C", []text.Span{sp(40, 50)})

	us := Units([]Annotator{a, b, c}, annotation.LabelClaim)
	var got [][]int
	var spans []text.Span
	for _, u := range us {
		var who []int
		for _, m := range u.Members {
			who = append(who, m.Annotator)
		}
		got = append(got, who)
		spans = append(spans, u.Span())
		assert.Equal(t, "d", u.Document)
	}
	assert.Equal(t, [][]int{{0, 1}, {0}, {2}}, got)
	assert.Equal(t, []text.Span{sp(0, 10), sp(1, 10), sp(40, 50)}, spans)
}

func TestUnitsSeedWithTheMostSupportedSpan(t *testing.T) {
	// A's long span overlaps B's and C's by less than half, and comes
	// first in reading order; B and C agree with each other. Seeding by
	// support keeps B and C together.
	a := spanClaims("A", []text.Span{sp(0, 30)})
	b := spanClaims("B", []text.Span{sp(10, 24)})
	c := spanClaims("C", []text.Span{sp(12, 24)})

	us := Units([]Annotator{a, b, c}, annotation.LabelClaim)
	if assert.Len(t, us, 2) {
		assert.Len(t, us[0].Members, 1, "A alone, first by span")
		assert.Len(t, us[1].Members, 2, "B and C together")
	}
}

func TestUnitSpanIsTheMostCommonThenEarliestThenShortest(t *testing.T) {
	unit := func(spans ...text.Span) Unit {
		var u Unit
		for i, s := range spans {
			u.Members = append(u.Members, Member{Annotator: i, Annotation: annotation.Annotation{Fragments: []text.Span{s}}})
		}
		return u
	}
	tests := []struct {
		name string
		u    Unit
		want text.Span
	}{
		{"most common", unit(sp(2, 9), sp(0, 10), sp(0, 10)), sp(0, 10)},
		{"tie goes to the earliest", unit(sp(2, 9), sp(0, 10)), sp(0, 10)},
		{"then the shortest", unit(sp(0, 10), sp(0, 9)), sp(0, 9)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, tt.u.Span())
		})
	}
}
