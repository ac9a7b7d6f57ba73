package app_test

import (
	"testing"
	"time"

	"sayso/internal/app"
	"sayso/internal/app/view"
	"sayso/internal/bench/corpus"
)

// benchOpen measures what the page's thread does in Go when a person opens
// a generated .sayso.json with Open: the chosen file handed back
// (FilesRead), decoded, checked and loaded, and the page built for it
// (view.Build), as the browser layer does before the first frame.
func benchOpen(b *testing.B, spec corpus.Spec) {
	c, err := corpus.Generate(spec)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(c.Native)))
	for b.Loop() {
		st := app.NewState(func() time.Time { return time.Unix(0, 0) })
		plan := app.Step(st, app.FilesRead{Purpose: app.FilesOpen, Files: []app.TextFile{{Name: "doc.sayso.json", Data: c.Native}}})
		if st.Doc == "" {
			b.Fatalf("the corpus did not open: %s", st.Message.Text)
		}
		view.Build(st)
		app.HighlightRanges(st, plan.Redraw.Set)
	}
}

func BenchmarkOpenArticle3KB(b *testing.B) {
	benchOpen(b, corpus.Spec{Name: "3kb", Bytes: 3 << 10, Annotations: 20, Seed: 6})
}

func BenchmarkOpen1MBWith5000(b *testing.B) {
	benchOpen(b, corpus.Spec{Name: "1mb", Bytes: 1 << 20, Annotations: 5000, Seed: 2})
}
