package app

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
)

// longState is a document of n paragraphs "Speaker k said claim k." with a
// speaker mention, and a claim linked to it, in each: 2n annotations,
// n speakers.
func longState(t *testing.T, n int) *State {
	t.Helper()
	var b strings.Builder
	for k := range n {
		fmt.Fprintf(&b, "Person%04d said that the plan number %d is good.\n", k, k)
	}
	st := NewState(fixedClock)
	Update(st, Paste{Title: "long", Text: b.String()})
	require.NotEmpty(t, st.Doc)
	for i, p := range st.Paras {
		Update(st, Tag{Label: annotation.LabelSpeaker, Sel: Selection{Start: p.Start, End: p.Start + 10, Exact: true}})
		Update(st, Tag{Label: annotation.LabelClaim, Sel: Selection{Start: p.Start + 21, End: p.End - 1}})
		Update(st, LinkNearest{})
		require.Equal(t, 2*(i+1), st.Store.Len(), "paragraph %d", i)
	}
	Update(st, Select{ID: ""})
	st.takeRedraw()
	st.takeListScroll()
	return st
}

// TestListCoveredSkipsOnlyRedrawsThatWouldDrawNothingNew holds
// ListCovered, which lets a scroll or a height change of the list draw
// nothing, to what a redraw would draw: never true when a row in view, or
// within half the extra rows of it, is not drawn.
func TestListCoveredSkipsOnlyRedrawsThatWouldDrawNothingNew(t *testing.T) {
	const top = 40 * ListRowHeight
	tests := []struct {
		name    string
		then    Action
		covered bool
	}{
		{"the list made shorter by the inspector", ListResized{Height: 600}, true},
		{"the list made taller", ListResized{Height: 1600}, false},
		{"scrolled down by a few pixels", ListScrolled{Top: top + 5, Height: 900}, true},
		{"scrolled down by half the extra rows", ListScrolled{Top: top + ListOverscan/2*ListRowHeight, Height: 900}, true},
		{"scrolled down past half the extra rows", ListScrolled{Top: top + (ListOverscan/2+1)*ListRowHeight, Height: 900}, false},
		{"scrolled up by half the extra rows", ListScrolled{Top: top - ListOverscan/2*ListRowHeight, Height: 900}, true},
		{"scrolled up past half the extra rows", ListScrolled{Top: top - (ListOverscan/2+1)*ListRowHeight, Height: 900}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := longState(t, 60)
			Update(st, ListScrolled{Top: top, Height: 900})
			drawn := ListDrawnNow(st)
			Update(st, tc.then)
			require.Equal(t, tc.covered, ListCovered(st, drawn))
			if !tc.covered {
				return
			}
			// What is in view is drawn.
			h := st.list.height
			require.LessOrEqual(t, drawn.First, st.list.top/ListRowHeight)
			require.GreaterOrEqual(t, drawn.End, min((st.list.top+h)/ListRowHeight+1, drawn.Rows))
		})
	}
	t.Run("a row added to the list", func(t *testing.T) {
		st := longState(t, 20)
		drawn := ListDrawnNow(st)
		p := st.Paras[3]
		Update(st, Tag{Label: annotation.LabelClaim, Sel: Selection{Start: p.Start + 30, End: p.End - 1}})
		require.False(t, ListCovered(st, drawn))
	})
}
