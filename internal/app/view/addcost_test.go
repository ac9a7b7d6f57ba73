package view

import (
	"runtime"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/app"
	"sayso/internal/bench/corpus"
)

// addWork is what the Go side of adding one claim and undoing it
// allocates, on average over runs: the step, the page (Build) and the
// highlight ranges of what changed, as the browser layer runs them.
func addWork(t *testing.T, spec corpus.Spec) (allocs, bytes float64) {
	t.Helper()
	c, err := corpus.Generate(spec)
	require.NoError(t, err)
	st := app.NewState(func() time.Time { return time.Unix(0, 0) })
	app.Step(st, app.Restore{Data: c.Native})
	require.NotEmpty(t, st.Doc, st.Message.Text)
	Build(st)
	p := st.Paras[len(st.Paras)/2]
	sel := app.Selection{Start: p.Start, End: p.Start + 20}
	add := func() {
		r := app.Step(st, app.Tag{Label: annotation.LabelClaim, Sel: sel}).Redraw
		Build(st)
		app.HighlightRanges(st, r.Set)
		r = app.Step(st, app.Undo{}).Redraw
		Build(st)
		app.HighlightRanges(st, r.Set)
	}
	add() // the first builds what is kept
	const runs = 20
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for range runs {
		add()
	}
	runtime.ReadMemStats(&after)
	return float64(after.Mallocs-before.Mallocs) / runs, float64(after.TotalAlloc-before.TotalAlloc) / runs
}

// TestAnAddCostsTheSameWithFiveTimesTheAnnotations counts the Go side's
// work for one add and its undo (allocations and bytes, not time) in a
// project and in one five times larger: an add that went over every
// annotation again (regrouping the side list, copying the store's lists,
// rebuilding the page's strings of every row) would grow with it.
func TestAnAddCostsTheSameWithFiveTimesTheAnnotations(t *testing.T) {
	if testing.Short() {
		t.Skip("generates two large projects")
	}
	smallAllocs, smallBytes := addWork(t, corpus.Spec{Name: "small", Bytes: 200 << 10, Annotations: 1000, Seed: 1})
	largeAllocs, largeBytes := addWork(t, corpus.Spec{Name: "large", Bytes: 1 << 20, Annotations: 5000, Seed: 1})
	t.Logf("per add and undo: %.0f allocations, %.0f bytes at 1,000 annotations; %.0f, %.0f at 5,000", smallAllocs, smallBytes, largeAllocs, largeBytes)
	assert.Less(t, largeAllocs, 1.25*smallAllocs+100, "allocations grow with the project")
	assert.Less(t, largeBytes, 1.25*smallBytes+16<<10, "bytes allocated grow with the project")
}
