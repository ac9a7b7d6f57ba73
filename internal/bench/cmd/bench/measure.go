//go:build !js

package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"

	"sayso/internal/bench/browser"
	"sayso/internal/bench/corpus"
	"sayso/internal/bench/floor"
	"sayso/internal/bench/results"
	"sayso/internal/bench/sizes"
	"sayso/internal/bench/suite"
)

// docSpecs are the generated documents: full size, or small for -smoke.
func docSpecs(smoke bool, seed uint64) (medium, large, io corpus.Spec) {
	if smoke {
		return corpus.Spec{Name: "64kb-500", Bytes: 64 << 10, Annotations: 500, Seed: seed},
			corpus.Spec{Name: "256kb-2000", Bytes: 256 << 10, Annotations: 2000, Seed: seed + 1},
			corpus.Spec{Name: "64kb-600", Bytes: 64 << 10, Annotations: 600, Seed: seed + 2}
	}
	return corpus.Spec{Name: "1mb-5k", Bytes: 1 << 20, Annotations: 5000, Seed: seed},
		corpus.Spec{Name: "5mb-25k", Bytes: 5 << 20, Annotations: 25000, Seed: seed + 1},
		corpus.Spec{Name: "1mb-10k", Bytes: 1 << 20, Annotations: 10000, Seed: seed + 2}
}

// classSpec is the class whose exports the compare step reads: a
// 3,000-word article with 300 annotations in the key, and the students'
// exports of it (fewer in -smoke; the figure's name says how many).
func classSpec(students int, seed uint64) corpus.ClassSpec {
	return corpus.ClassSpec{Words: 3000, Annotations: 300, Students: students, Seed: seed + 4, Variation: corpus.DefaultVariation}
}

// classLabel names a class in figures: "40 exports, 3,000-word article"
// (the article has at least that many words).
func classLabel(c *corpus.Class) string {
	return fmt.Sprintf("%s exports, %s-word article",
		results.Format(results.Count, float64(len(c.Students))), results.Format(results.Count, float64(c.Spec.Words)))
}

// label names a document in figures: "1 MB + 5,000 annotations".
func label(s corpus.Spec) string {
	size := fmt.Sprintf("%d KB", s.Bytes>>10)
	if s.Bytes >= 1<<20 {
		size = fmt.Sprintf("%d MB", s.Bytes>>20)
	}
	return size + " + " + results.Format(results.Count, float64(s.Annotations)) + " annotations"
}

// measureAll takes every measurement and returns the report.
func measureAll(ctx context.Context, o options, log io.Writer) (*results.Report, error) {
	rep := &results.Report{Meta: results.Meta{
		Smoke: o.smoke, Runs: o.runs, Seed: o.seed, GoVersion: runtime.Version(), CPUs: runtime.NumCPU(),
		LoadBefore: loadAverage(), Command: command(), Window: fmt.Sprintf("%d×%d", browser.WindowWidth, browser.WindowHeight),
	}}
	chromium, err := browser.ExecPath()
	if err != nil {
		return nil, err
	}
	rep.Meta.Browser = browser.Version(chromium)

	tmp, err := os.MkdirTemp("", "sayso-bench-")
	if err != nil {
		return nil, fmt.Errorf("scratch directory: %w", err)
	}
	defer os.RemoveAll(tmp)
	site, err := browser.Snapshot(o.site, tmp)
	if err != nil {
		return nil, err
	}
	rep.Meta.Site = o.site

	fmt.Fprintln(log, "== wasm size")
	wasmPath, err := sizes.FindWasm(site)
	if err != nil {
		return nil, err
	}
	w, err := sizes.Measure(wasmPath)
	if err != nil {
		return nil, err
	}
	rep.Meta.Wasm = w.Name
	rep.Figures = append(rep.Figures, wasmFigures(w, !o.smoke)...)

	fmt.Fprintln(log, "== generating documents")
	cfg, err := documents(o, tmp, log)
	if err != nil {
		return nil, err
	}
	if o.wants("floor") {
		fmt.Fprintln(log, "== the least Go program (floor)")
		fl, err := floor.Build(ctx, "go", o.floor, filepath.Join(tmp, "floor"))
		if err != nil {
			return nil, err
		}
		fw, err := sizes.Measure(fl.Wasm)
		if err != nil {
			return nil, err
		}
		cw, err := sizes.Measure(fl.Core)
		if err != nil {
			return nil, err
		}
		rep.Figures = append(rep.Figures, floorFigures(fw, cw)...)
		cfg.FloorSite = fl.Dir
	}
	if err := issue13Docs(o, tmp, log, &cfg); err != nil {
		return nil, err
	}
	cfg.Chromium, cfg.Site, cfg.Tmp, cfg.Log = chromium, site, tmp, log
	cfg.Runs, cfg.Adds, cfg.ScrollStep, cfg.MaxFrames, cfg.Targets = o.runs, [2]int{o.adds, o.addsLarge}, o.scrollStep, 1500, !o.smoke
	cfg.Only = o.steps()

	samples, err := suite.Run(ctx, cfg)
	if err != nil {
		return nil, err
	}
	figs := suite.Figures(samples, suite.Labels{
		Medium: cfg.Medium.Label, Large: cfg.Large.Label, IO: cfg.IO.Label,
		Class: cfg.Class.Label, Students: len(cfg.Class.Files) - 1,
		ScrollStep: cfg.ScrollStep, Adds: cfg.Adds,
		StaticNote: "cold: first load of that page in the browser; the app's own cold load uses a fresh profile",
		Suggest:    cfg.SuggestLabel,
	}, !o.smoke)
	figs13 := suite.Figures13(samples, labels13(cfg, o), !o.smoke)
	cmp := suite.SideBySide(figs13, labels13(cfg, o))
	rep.Comparison = &cmp
	figs = append(figs, figs13...)
	if len(cfg.Only) > 0 {
		// Only some steps ran: leave out the figures of the others.
		figs = slices.DeleteFunc(figs, func(f results.Figure) bool { return f.N == 0 })
	}
	rep.Figures = append(rep.Figures, figs...)

	if o.goBench {
		fmt.Fprintln(log, "== go test -bench")
		lines, err := goBench(ctx, log)
		if err != nil {
			return nil, err
		}
		rep.GoBench = lines
	}
	rep.Meta.Definitions = definitions()
	return rep, nil
}

// documents generates the three documents and writes their files.
func documents(o options, tmp string, log io.Writer) (suite.Config, error) {
	ms, ls, is := docSpecs(o.smoke, o.seed)
	var cfg suite.Config
	for _, d := range []struct {
		role string
		spec corpus.Spec
		dst  **suite.Doc
	}{{"medium", ms, &cfg.Medium}, {"large", ls, &cfg.Large}, {"io", is, &cfg.IO}} {
		start := time.Now()
		c, err := corpus.Generate(d.spec)
		if err != nil {
			return cfg, err
		}
		path := filepath.Join(tmp, d.spec.Name+".sayso.json")
		if err := os.WriteFile(path, c.Native, 0o644); err != nil {
			return cfg, fmt.Errorf("write %s: %w", path, err)
		}
		*d.dst = &suite.Doc{Role: d.role, Label: label(d.spec), Corpus: c, File: path}
		fmt.Fprintf(log, "   %s: %d bytes of text in %d paragraphs, %d annotations (%v), %d bytes of JSON, %.1f s\n",
			d.spec.Name, len(c.Text), len(c.Paragraphs), len(c.Project.Annotations), c.Counts, len(c.Native), time.Since(start).Seconds())
	}
	paste, err := corpus.Generate(corpus.Spec{Name: "paste", Bytes: 3000, Seed: o.seed + 3})
	if err != nil {
		return cfg, err
	}
	cfg.Paste = paste.Text
	cfg.SuggestText, cfg.SuggestLabel = suggestArticle(o.reference, paste.Text, log)
	cfg.Class, err = class(classSpec(o.students, o.seed), tmp, log)
	return cfg, err
}

// class generates the class and writes its files, the key first, into a
// directory of their own.
func class(spec corpus.ClassSpec, tmp string, log io.Writer) (*suite.ClassDoc, error) {
	start := time.Now()
	c, err := corpus.GenerateClass(spec)
	if err != nil {
		return nil, err
	}
	dir := filepath.Join(tmp, "class")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("class directory: %w", err)
	}
	d := &suite.ClassDoc{Label: classLabel(c), Class: c}
	size := 0
	for _, f := range c.Files() {
		path := filepath.Join(dir, f.Name)
		if err := os.WriteFile(path, f.Native, 0o644); err != nil {
			return nil, fmt.Errorf("write %s: %w", path, err)
		}
		d.Files = append(d.Files, path)
		size += len(f.Native)
	}
	fmt.Fprintf(log, "   class: %d words (%d bytes), %d annotations in the key, %d students' exports, %d bytes of JSON in all, %.1f s\n",
		c.Words, len(c.Article.Text), len(c.Key.Project.Annotations), len(c.Students), size, time.Since(start).Seconds())
	return d, nil
}

func wasmFigures(w sizes.Wasm, targets bool) []results.Figure {
	var brTarget *results.Target
	if targets {
		brTarget = results.AtMost(700_000)
	}
	return []results.Figure{
		results.New("wasm.raw", "wasm size, raw", results.Bytes, []float64{float64(w.Raw)}, nil, w.Name),
		results.New("wasm.gzip", "wasm size, gzip -9", results.Bytes, []float64{float64(w.Gzip)}, nil, "compress/gzip at BestCompression"),
		results.New("wasm.brotli", "wasm transfer, brotli -q 11", results.Bytes, []float64{float64(w.Brotli)}, brTarget,
			"brotli quality 11, window 2^24 ("+w.BrotliSource+"); 700 kB = 700,000 bytes (issue 13)"),
	}
}

// floorFigures are the floors under the wasm transfer: the least Go
// program with the DOM binding, and the least that keeps a project,
// built like the app.
func floorFigures(prog, core sizes.Wasm) []results.Figure {
	return []results.Figure{
		results.New("floor.wasm.brotli", "  the least Go program, brotli -q 11", results.Bytes, []float64{float64(prog.Brotli)}, nil,
			"the floor under the wasm transfer: internal/bench/floor/prog (the Go runtime and honnef.co/go/js/dom/v2, a key listener, nothing else) built like the app (-trimpath -ldflags='-s -w'), brotli as above ("+prog.BrotliSource+")"),
		results.New("floor.core.brotli", "  the least Go program that keeps a project, brotli -q 11", results.Bytes, []float64{float64(core.Brotli)}, nil,
			"the second floor: internal/bench/floor/core (as the least Go program, plus reading, storing and writing a project in the native format: internal/format/native and internal/store; no view, no update loop, no other format), built and compressed the same way"),
	}
}

// definitions explains the table's conventions.
func definitions() []string {
	return []string{
		"Every time is measured in the page with performance.now() by a script injected before the page's own (Page.addScriptToEvaluateOnNewDocument); the app is unchanged.",
		"\"Painted\": the second requestAnimationFrame callback after the first frame in which the result is visible; the frame before it has been rendered.",
		"median, min and max are over runs; each run uses a fresh tab (a fresh browser and profile for cold loads); baselines are measured in the same run and browser.",
		"kB and MB are decimal (network sizes); MiB is 2^20 bytes (memory).",
	}
}

// loadAverage is /proc/loadavg's first three fields, or "".
func loadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return ""
	}
	f := strings.Fields(string(b))
	return strings.Join(f[:min(3, len(f))], " ")
}

// suggestArticle is the article the Suggest step times and its label:
// issue 16's 3 KB reference article, read in place from the shared corpus
// (its text is not ours to ship), or, when it is not there (a clone
// without ../shared), the generated 3 KB article pasted for time to
// interactive.
func suggestArticle(reference, generated string, log io.Writer) (string, string) {
	b, err := os.ReadFile(reference)
	if err != nil || len(b) == 0 {
		fmt.Fprintf(log, "   Suggest: the reference article is not here (%v); timing the generated 3 KB article\n", err)
		return generated, "the generated 3 KB article"
	}
	return string(b), fmt.Sprintf("the 3 KB reference article (%s, %d bytes)", filepath.Base(reference), len(b))
}
