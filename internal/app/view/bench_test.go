package view

import (
	"testing"
	"time"

	"sayso/internal/annotation"
	"sayso/internal/app"
	"sayso/internal/bench/corpus"
)

// renderAll does what the browser layer does after an action: take the
// redraw, build the highlight ranges, the side list and the inspector.
func renderAll(st *app.State, r app.Redraw) {
	app.HighlightRanges(st, r.Set)
	app.MarkedIDs(st)
	Sidebar(st)
	Inspector(st)
	UndoTitle(st)
	SaveText(st)
}

func openCorpus(b *testing.B, spec corpus.Spec) *app.State {
	b.Helper()
	c, err := corpus.Generate(spec)
	if err != nil {
		b.Fatal(err)
	}
	st := app.NewState(func() time.Time { return time.Unix(0, 0) })
	plan := app.Step(st, app.Restore{Data: c.Native})
	if st.Doc == "" {
		b.Fatalf("the corpus did not open: %s", st.Message.Text)
	}
	renderAll(st, plan.Redraw)
	return st
}

// BenchmarkOpen1MB measures opening a 1 MB document with 5,000
// annotations and drawing it (the Go side of the render figure).
func BenchmarkOpen1MB(b *testing.B) {
	c, err := corpus.Generate(corpus.Spec{Name: "1mb", Bytes: 1 << 20, Annotations: 5000, Seed: 1})
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		st := app.NewState(func() time.Time { return time.Unix(0, 0) })
		r := app.Step(st, app.Restore{Data: c.Native}).Redraw
		PlainDocument(st)
		app.HighlightRanges(st, r.Set)
		Sidebar(st)
		Inspector(st)
	}
}

// BenchmarkAdd1MB measures tagging one claim and undoing it in a 1 MB
// document with 5,000 annotations, with the render after each.
func BenchmarkAdd1MB(b *testing.B) {
	st := openCorpus(b, corpus.Spec{Name: "1mb", Bytes: 1 << 20, Annotations: 5000, Seed: 1})
	p := st.Paras[len(st.Paras)/2]
	sel := app.Selection{Start: p.Start, End: p.Start + 20}
	for b.Loop() {
		renderAll(st, app.Step(st, app.Tag{Label: annotation.LabelClaim, Sel: sel}).Redraw)
		renderAll(st, app.Step(st, app.Undo{}).Redraw)
	}
}

// BenchmarkAdd5MB is BenchmarkAdd1MB at 5 MB with 25,000 annotations, the
// largest document of the browser benchmark, with the whole page built
// (Build) after each step, as the browser layer does: work that grows with
// the project shows here first.
func BenchmarkAdd5MB(b *testing.B) {
	st := openCorpus(b, corpus.Spec{Name: "5mb", Bytes: 5 << 20, Annotations: 25000, Seed: 3})
	p := st.Paras[len(st.Paras)/2]
	sel := app.Selection{Start: p.Start, End: p.Start + 20}
	for b.Loop() {
		Build(st)
		renderAll(st, app.Step(st, app.Tag{Label: annotation.LabelClaim, Sel: sel}).Redraw)
		Build(st)
		renderAll(st, app.Step(st, app.Undo{}).Redraw)
	}
}

// BenchmarkCompare40Students measures what the compare view computes for
// 40 students' exports of a 3,000-word article and the key (the Go side of
// the browser figure).
func BenchmarkCompare40Students(b *testing.B) {
	class, err := corpus.GenerateClass(corpus.ClassSpec{Words: 3000, Annotations: 300, Students: 40, Seed: 1, Variation: corpus.DefaultVariation})
	if err != nil {
		b.Fatal(err)
	}
	var files []app.TextFile
	for _, f := range class.Files() {
		files = append(files, app.TextFile{Name: f.Name, Data: f.Native})
	}
	for b.Loop() {
		st := app.NewState(func() time.Time { return time.Unix(0, 0) })
		app.Update(st, app.AddCompareFiles{Files: files})
		Compare(st)
	}
}

// BenchmarkAddPage1MB is what the browser layer runs in Go for one add
// and its undo at 1 MB + 5,000 annotations: the step, the page (Build)
// and the highlight ranges of what changed.
func BenchmarkAddPage1MB(b *testing.B) {
	benchAddPage(b, corpus.Spec{Name: "1mb", Bytes: 1 << 20, Annotations: 5000, Seed: 1})
}

// BenchmarkAddPage5MB is BenchmarkAddPage1MB at 5 MB + 25,000: the same
// figure, if nothing of an add grows with the project.
func BenchmarkAddPage5MB(b *testing.B) {
	benchAddPage(b, corpus.Spec{Name: "5mb", Bytes: 5 << 20, Annotations: 25000, Seed: 3})
}

func benchAddPage(b *testing.B, spec corpus.Spec) {
	st := openCorpus(b, spec)
	Build(st)
	p := st.Paras[len(st.Paras)/2]
	sel := app.Selection{Start: p.Start, End: p.Start + 20}
	for b.Loop() {
		r := app.Step(st, app.Tag{Label: annotation.LabelClaim, Sel: sel}).Redraw
		Build(st)
		app.HighlightRanges(st, r.Set)
		r = app.Step(st, app.Undo{}).Redraw
		Build(st)
		app.HighlightRanges(st, r.Set)
	}
}

// BenchmarkFirstScreen5MB measures the copy of the first screen that the
// page keeps as it is hidden or left (FirstScreen), in the 5 MB document
// with 25,000 annotations.
func BenchmarkFirstScreen5MB(b *testing.B) {
	st := openCorpus(b, corpus.Spec{Name: "5mb", Bytes: 5 << 20, Annotations: 25000, Seed: 3})
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := FirstScreen(st); !ok {
			b.Fatal("no copy")
		}
	}
}
