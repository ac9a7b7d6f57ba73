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
