package app

import (
	"context"
	"runtime/pprof"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/bench/corpus"
)

// BenchmarkAutosaveOneChange is the Go side of the page's save of one
// change in a 5 MB project with 25,000 annotations: the Autosave step
// (the records the change touched, encoded as one batch) and the
// Persisted step that takes the write's outcome, as the page runs them.
func BenchmarkAutosaveOneChange(b *testing.B) {
	c, err := corpus.Generate(corpus.Spec{Name: "5mb-25k", Bytes: 5 << 20, Annotations: 25000, Seed: 1})
	require.NoError(b, err)
	kv := &memKV{m: map[string]string{}}
	st := NewState(fixedClock)
	Update(st, Restore{Data: c.Native})
	require.NotEmpty(b, st.Doc)
	st.Save.Revision = -1 // as a project opened from a file: not yet saved
	p := persistOf(b, Update(st, Autosave{}))
	Step(st, Persisted{Write: p.Write, Revision: p.Revision, Generation: p.Generation, Err: runKV(kv, p.Write)})
	Step(st, Compact{Storage: kv})
	runes := []rune(c.Text)
	b.ResetTimer()
	var worst, inSave, inDone time.Duration
	for i := range b.N {
		b.StopTimer()
		start := 10 + (i*7919)%(len(runes)-40)
		Step(st, Tag{Label: annotation.LabelSpeaker, Sel: Selection{Start: start, End: start + 5, Exact: true}})
		b.StartTimer()
		t0 := time.Now()
		var plan Plan
		pprof.Do(context.Background(), pprof.Labels("phase", "save"), func(context.Context) { plan = Step(st, Autosave{}) })
		t1 := time.Now()
		p := persistOf(b, plan.Effects)
		b.StopTimer()
		err := runKV(kv, p.Write) // the browser's part: IndexedDB
		b.StartTimer()
		t2 := time.Now()
		Step(st, Persisted{Write: p.Write, Revision: p.Revision, Generation: p.Generation, Err: err})
		t3 := time.Now()
		inSave += t1.Sub(t0)
		inDone += t3.Sub(t2)
		worst = max(worst, t1.Sub(t0)+t3.Sub(t2))
	}
	b.ReportMetric(float64(inSave.Microseconds())/float64(b.N), "autosave-µs/op")
	b.ReportMetric(float64(inDone.Microseconds())/float64(b.N), "persisted-µs/op")
	b.ReportMetric(float64(worst.Microseconds())/1000, "max-ms")
}
