package app

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/text"
)

// The highlights are redrawn incrementally (drawnSet, highlightChanges):
// after any run of changes, what the app believes is drawn must be what a
// redraw of the whole document would draw, and the position index must
// file exactly the drawn annotations.
func TestIncrementalHighlightsEqualAFullRedrawAfterRandomEdits(t *testing.T) {
	var body strings.Builder
	for i := range 700 {
		body.WriteString(strings.Repeat("Someone said something here", 1+i%3) + ".\n")
	}
	labels := []string{annotation.LabelClaim, annotation.LabelSpeaker, annotation.LabelCue}
	for _, seed := range []uint64{1, 2, 3, 4} {
		t.Run("seed "+string(rune('0'+seed)), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 13))
			st := NewState(fixedClock)
			Step(st, Paste{Title: "Long", Text: body.String()})
			n := len([]rune(body.String()))
			for step := range 300 {
				var a Action
				switch k := rng.IntN(10); {
				case k < 5:
					start := rng.IntN(n - 1)
					// Some hulls are longer than a bucket of the index.
					length := 1 + rng.IntN(40)
					if rng.IntN(8) == 0 {
						length = 1 + rng.IntN(3*drawnBucket)
					}
					a = Tag{Label: labels[rng.IntN(len(labels))], Sel: Selection{Start: start, End: min(start+length, n)}}
				case k < 7:
					if anns := st.Store.Annotations(st.Doc); len(anns) > 0 {
						Step(st, Select{ID: anns[rng.IntN(len(anns))].ID})
					}
					a = Delete{}
				case k < 8:
					a = Undo{}
				case k < 9:
					a = Redo{}
				default:
					a = ClickText{Offset: rng.IntN(n)}
				}
				Step(st, a)
				requireDrawnIsFullRedraw(t, st, step, a)
			}
		})
	}
}

func requireDrawnIsFullRedraw(t *testing.T, st *State, step int, a Action) {
	t.Helper()
	want := map[string]drawnAnnotation{}
	for _, an := range st.Store.Annotations(st.Doc) {
		want[an.ID] = st.drawnOf(an)
	}
	require.Equal(t, want, st.drawn.byID, "step %d (%T): the drawn highlights differ from a full redraw", step, a)
	var filed []string
	for b, ids := range st.drawn.at {
		for id := range ids {
			first, last := buckets(st.drawn.byID[id].hull)
			assert.True(t, first <= b && b <= last, "step %d: %s filed under a stretch its hull does not cover", step, id)
			if b == first {
				filed = append(filed, id)
			}
		}
	}
	for id, d := range st.drawn.byID {
		first, last := buckets(d.hull)
		for b := first; b <= last; b++ {
			_, ok := st.drawn.at[b][id]
			require.True(t, ok, "step %d: %s not filed under bucket %d of its hull", step, id, b)
		}
	}
	var drawn []string
	for id := range st.drawn.byID {
		drawn = append(drawn, id)
	}
	slices.Sort(filed)
	slices.Sort(drawn)
	require.Equal(t, drawn, filed, "step %d (%T): the position index files other annotations than are drawn", step, a)
}

// TestAChangeLooksAtTheDrawnHighlightsNearItOnly counts the drawn
// highlights a change next to a very long one makes the app look at:
// those filed under the changed stretch, not every one that starts
// within the long one's length before it.
func TestAChangeLooksAtTheDrawnHighlightsNearItOnly(t *testing.T) {
	var body strings.Builder
	for range 2000 {
		body.WriteString("Someone said something here and then went on.\n")
	}
	st := NewState(fixedClock)
	Step(st, Paste{Title: "Long", Text: body.String()})
	for i, p := range st.Paras {
		if i%2 == 0 {
			Step(st, Tag{Label: annotation.LabelCue, Sel: Selection{Start: p.Start, End: p.Start + 7, Exact: true}})
		}
	}
	// One claim over the whole of the text but its last paragraph.
	last := st.Paras[len(st.Paras)-1]
	Step(st, Tag{Label: annotation.LabelClaim, Sel: Selection{Start: st.Paras[0].Start, End: last.Start - 1, Exact: true}})
	seen := 0
	st.drawn.near(text.Span{Start: last.Start + 10, End: last.Start + 20}, func(string, drawnAnnotation) { seen++ })
	assert.LessOrEqual(t, seen, 2*drawnBucket/len("Someone said something here and then went on.\n")+2,
		"a change in the last paragraph looks at %d drawn highlights of %d", seen, len(st.drawn.byID))
}
