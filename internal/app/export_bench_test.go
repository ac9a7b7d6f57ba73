package app_test

import (
	"testing"
	"time"

	"sayso/internal/app"
	"sayso/internal/app/view"
	"sayso/internal/bench/corpus"
)

// ioSpec is the benchmark's io document (internal/bench/cmd/bench
// docSpecs): 1 MB of text with 10,000 annotations.
var ioSpec = corpus.Spec{Name: "1mb-10k", Bytes: 1 << 20, Annotations: 10000, Seed: 3}

// BenchmarkOpen1MBWith10000 is the Go side of the benchmark's io import:
// the file handed back to Open, decoded, checked and loaded, and the page
// built for it.
func BenchmarkOpen1MBWith10000(b *testing.B) {
	benchOpen(b, ioSpec)
}

// BenchmarkExport1MBWith10000 is the Go side of the benchmark's io
// export: Export pressed on the opened project, the download's bytes
// made, and the page built again as the browser layer does after every
// action.
func BenchmarkExport1MBWith10000(b *testing.B) {
	c, err := corpus.Generate(ioSpec)
	if err != nil {
		b.Fatal(err)
	}
	st := app.NewState(func() time.Time { return time.Unix(0, 0) })
	app.Step(st, app.FilesRead{Purpose: app.FilesOpen, Files: []app.TextFile{{Name: "doc.sayso.json", Data: c.Native}}})
	if st.Doc == "" {
		b.Fatalf("the corpus did not open: %s", st.Message.Text)
	}
	view.Build(st)
	for b.Loop() {
		plan := app.Step(st, app.Export{})
		if len(plan.Effects) != 1 {
			b.Fatalf("export gave %d effects: %s", len(plan.Effects), st.Message.Text)
		}
		view.Build(st)
	}
}
