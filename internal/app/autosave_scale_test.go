package app

import (
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/bench/corpus"
	"sayso/internal/store"
)

// saveWork is what one save of one change cost the app: the records its
// batch holds, the bytes written, and the heap the Autosave and Persisted
// steps allocated (the browser's part, the write itself, left out).
type saveWork struct {
	records, bytes int
	allocBytes     uint64
	allocs         uint64
}

// openedAndSaved opens a generated project, saves it whole and folds the
// log into the records, as the page does after an open.
func openedAndSaved(t *testing.T, spec corpus.Spec) (*State, *memKV) {
	t.Helper()
	c, err := corpus.Generate(spec)
	require.NoError(t, err)
	kv := &memKV{m: map[string]string{}}
	st := NewState(fixedClock)
	Update(st, Restore{Data: c.Native})
	require.NotEmpty(t, st.Doc)
	require.Len(t, st.Store.Annotations(st.Doc), spec.Annotations)
	st.Save.Revision = -1 // as a project opened from a file: not yet saved
	carryOut(t, st, kv, persistOf(t, Update(st, Autosave{})))
	for range 1000 {
		plan := Step(st, Compact{})
		if len(plan.Effects) == 0 {
			break
		}
		carryOut(t, st, kv, persistOf(t, plan.Effects))
	}
	require.False(t, st.saving.log.NeedsCompaction(), "the log is folded in")
	return st, kv
}

// saveOne saves the change made last and says what that cost.
func saveOne(t *testing.T, st *State, kv *memKV) saveWork {
	t.Helper()
	var m0, m1, m2, m3 runtime.MemStats
	runtime.ReadMemStats(&m0)
	plan := Step(st, Autosave{})
	runtime.ReadMemStats(&m1)
	p := persistOf(t, plan.Effects)
	err := runKV(kv, p.Write)
	runtime.ReadMemStats(&m2)
	Step(st, Persisted{Write: p.Write, Revision: p.Revision, Generation: p.Generation, Err: err})
	runtime.ReadMemStats(&m3)
	require.NoError(t, err)
	require.False(t, st.Unsaved())

	w := saveWork{bytes: p.Write.Bytes,
		allocBytes: (m1.TotalAlloc - m0.TotalAlloc) + (m3.TotalAlloc - m2.TotalAlloc),
		allocs:     (m1.Mallocs - m0.Mallocs) + (m3.Mallocs - m2.Mallocs)}
	for _, op := range p.Write.Ops {
		if op.Delete {
			continue
		}
		_, ops, err := store.DecodeBatch(op.Value)
		require.NoError(t, err)
		w.records += len(ops)
	}
	return w
}

// TestSavingOneChangeCostsTheSameInAProjectOf25000AnnotationsAsIn20 makes
// the same changes in a project of 5 MB with 25,000 annotations and in
// one of 3 KB with 20, and saves each: the save writes the same few
// records in both, and its steps allocate about as much memory in both —
// a save that walked, encoded or wrote the project (O(project), as a diff
// of the whole project against storage would) allocates hundreds of
// times more in the large one. Work is counted, not timed.
func TestSavingOneChangeCostsTheSameInAProjectOf25000AnnotationsAsIn20(t *testing.T) {
	if testing.Short() {
		t.Skip("a 5 MB project")
	}
	small, smallKV := openedAndSaved(t, corpus.Spec{Name: "small", Bytes: 3 << 10, Annotations: 20, Seed: 3})
	large, largeKV := openedAndSaved(t, corpus.Spec{Name: "large", Bytes: 5 << 20, Annotations: 25000, Seed: 3})

	changes := []struct {
		name    string
		do      func(st *State)
		records int // the records the batch holds
	}{
		{"a claim added", func(st *State) {
			Step(st, Tag{Label: annotation.LabelClaim, Sel: Selection{Start: 40, End: 52, Exact: true}})
		}, 3}, // the annotation, its undo step, the history
		{"its stance set", func(st *State) { Step(st, SetStance{Value: "favor"}) }, 3},
		{"its note written", func(st *State) { Step(st, SetNote{Value: "checked against the recording"}) }, 3},
		{"it is deleted", func(st *State) { Step(st, Delete{}) }, 3},
		{"the delete undone", func(st *State) { Step(st, Undo{}) }, 2}, // the annotation back, the history
	}
	for _, c := range changes {
		t.Run(c.name, func(t *testing.T) {
			rev := large.Store.Revision()
			c.do(small)
			c.do(large)
			require.NotEqual(t, rev, large.Store.Revision(), "the change was made")
			s := saveOne(t, small, smallKV)
			l := saveOne(t, large, largeKV)
			t.Logf("20 annotations: %d records, %d bytes written, %d bytes in %d allocations; 25,000: %d records, %d bytes written, %d bytes in %d allocations",
				s.records, s.bytes, s.allocBytes, s.allocs, l.records, l.bytes, l.allocBytes, l.allocs)

			assert.Equal(t, c.records, l.records, "the records the change touched, and no others")
			assert.Equal(t, s.records, l.records)
			assert.Less(t, l.bytes, 6000, "a few records written")
			assert.LessOrEqual(t, l.allocBytes, 2*s.allocBytes+16<<10, "memory allocated by the save does not grow with the project")
			assert.LessOrEqual(t, l.allocs, 2*s.allocs+100, "allocations by the save do not grow with the project")
		})
	}

	fresh := NewState(fixedClock)
	Update(fresh, RestoreAutosave{Storage: largeKV})
	assert.Equal(t, large.Store.Project(), fresh.Store.Project(), "what was saved change by change reads back as the project")
}
