//go:build !js

// Command opentrace shows where the time goes when Sayso opens a
// project: it hands a generated .sayso.json to the Open file input, as
// the benchmark's open-and-paint step does, and prints the timeline from
// the change event to the painted frame (each call into Go, each
// animation frame) and, with -profile, the functions that took the most
// main-thread time (CDP Profiler; build the wasm without -s -w for Go's
// names). With -add it traces adding a claim after the open instead, and
// with -export the click on Export to the download's Blob (the
// benchmark's io step: -bytes 1048576 -annotations 10000 -seed 3).
//
//	go run ./internal/bench/cmd/opentrace -site build/site -bytes 3072 -annotations 20
package main

import (
	"flag"
	"fmt"
	"os"
	"sort"
	"time"

	"sayso/internal/bench/browser"
	"sayso/internal/bench/chrometrace"
	"sayso/internal/bench/corpus"
	"sayso/internal/bench/cpuprofile"
	"sayso/internal/bench/tracerun"
)

func main() {
	var o options
	flag.StringVar(&o.site, "site", "build/site", "the built site")
	bytes := flag.Int("bytes", 3<<10, "bytes of text of the generated article")
	anns := flag.Int("annotations", 20, "annotations of the generated article")
	seed := flag.Uint64("seed", 6, "seed of the generated article (6: the benchmark's 3 KB one)")
	flag.IntVar(&o.runs, "runs", 3, "opens, each in a fresh tab after one untimed open")
	flag.BoolVar(&o.profile, "profile", false, "also print the top functions by self time (CDP Profiler)")
	flag.IntVar(&o.top, "top", 40, "functions printed with -profile")
	flag.StringVar(&o.out, "out", "", "with -profile: write each run's profile as OUT-N.cpuprofile (Chromium DevTools' format)")
	flag.BoolVar(&o.trace, "trace", false, "also print the renderer main thread's trace events (style, layout, paint, hit tests) by self thread time")
	flag.BoolVar(&o.add, "add", false, "trace adding a claim (drag over a few words, press c) after the open instead of the open")
	flag.BoolVar(&o.export, "export", false, "trace Export (the click on the Export button to the download's Blob) after the open instead of the open, as the benchmark's io step does (-bytes 1048576 -annotations 10000 -seed 3 for its document)")
	flag.BoolVar(&o.warmed, "warmed", false, "hand the file over only once the page has rehearsed opening in idle time after start-up (User Timing sayso:open-warmed), as when a person picks a file a moment after the page is ready")
	flag.StringVar(&o.dump, "dump", "", "with -trace: write each run's renderer main-thread trace events (complete events, with their arguments) as DUMP-N.json")
	flag.IntVar(&o.settle, "settle", 200, "with -suggest: milliseconds waited after warming ends before g (the benchmark waits none)")
	flag.BoolVar(&o.start, "start", false, "trace start-up instead of the open: navigation to the app until it is ready (body[data-ready]); the untimed first load is the cold one, the timed ones are cached (HTTP cache and service worker warm)")
	flag.BoolVar(&o.suggest, "suggest", false, "trace Suggest instead of the open: the generated article's text pasted, warming waited for, then g until the Suggestions group shows its count (-bytes 3000 -seed 4: the benchmark's 3 KB article)")
	flag.Parse()
	o.spec = corpus.Spec{Name: "trace", Bytes: *bytes, Annotations: *anns, Seed: *seed}
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "opentrace:", err)
		os.Exit(1)
	}
}

// options are the command's flags: what to open or do, how many times,
// and what to print besides the timeline.
type options struct {
	site    string      // -site
	spec    corpus.Spec // -bytes, -annotations, -seed
	runs    int         // -runs
	profile bool        // -profile
	top     int         // -top
	out     string      // -out
	trace   bool        // -trace
	warmed  bool        // -warmed
	dump    string      // -dump
	settle  int         // -settle

	// What is timed: the open, unless one of -add, -export, -suggest,
	// -start.
	add, export, suggest, start bool
}

// suggestWait resolves once Suggest's result is painted: the Suggestions
// group shows its count, then two animation frames.
const suggestWait = `new Promise((resolve, reject) => {
	const deadline = performance.now() + 120000;
	const frame = () => {
		if (document.querySelector("#sidebar .group.suggestions .count")) {
			requestAnimationFrame(() => requestAnimationFrame(t => resolve(t)));
			return;
		}
		if (performance.now() > deadline) { reject(new Error("Suggest did not finish")); return; }
		requestAnimationFrame(frame);
	};
	requestAnimationFrame(frame);
})`

// openWarmed resolves once the page marks the rehearsals of an open done.
const openWarmed = `new Promise(resolve => {
	const check = () => performance.getEntriesByName("sayso:open-warmed").length > 0 ? resolve(true) : setTimeout(check, 20);
	check();
})`

// suggestWarmed resolves once the page marks warming done.
const suggestWarmed = `new Promise(resolve => {
	const check = () => performance.getEntriesByName("sayso:suggest-warmed").length > 0 ? resolve(true) : setTimeout(check, 20);
	check();
})`

// target is hook.js pickTarget's answer.
type target struct {
	X1, X2, Y, Mx float64
}

// openFile opens file and waits until it is drawn and the autosave ran.
func openFile(t *browser.Tab, file string) error {
	if _, err := browser.Eval[bool](t, `__bench.arm({on: "change", until: "frame", pred: "render", timeoutMs: 120000})`); err != nil {
		return err
	}
	if err := t.SetFile("#open-file-start", file); err != nil {
		return err
	}
	if _, err := browser.EvalTimeout[result](t, 2*time.Minute, "__bench.result()"); err != nil {
		return err
	}
	_, err := browser.EvalTimeout[bool](t, time.Minute, "__bench.settle(400)")
	return err
}

type result struct {
	T0, TSeen, T1, ReadAt float64
	Frames                int
	Timeline              [][]any
}

func run(o options) error {
	setUp, err := tracerun.Start("opentrace", o.site, o.spec)
	if err != nil {
		return err
	}
	defer setUp.Close()
	c, file, srv, b := setUp.Corpus, setUp.File, setUp.Server, setUp.Browser
	var cpus []float64
	var times cpuprofile.Times
	traced := map[string]float64{}
	for r := range o.runs + 1 {
		hook := browser.Hook{ClearStorage: true}
		if o.suggest {
			hook.PasteAtReady, hook.PasteText = true, c.Text
		}
		t, err := b.NewTab(hook)
		if err != nil {
			return err
		}
		if err := t.EnableCPU(); err != nil {
			return err
		}
		if o.start {
			if err := startUp(t, srv, o, r, &times, traced); err != nil {
				return err
			}
			continue
		}
		if err := t.Navigate(srv.URL + "/"); err != nil {
			return err
		}
		if _, err := browser.EvalTimeout[float64](t, time.Minute, "__bench.ready"); err != nil {
			return err
		}
		var tg *target
		if o.export {
			if err := openFile(t, file); err != nil {
				return err
			}
		}
		if o.warmed {
			if _, err := browser.EvalTimeout[bool](t, time.Minute, openWarmed); err != nil {
				return err
			}
			if _, err := browser.Eval[bool](t, "__bench.settle(200)"); err != nil {
				return err
			}
		}
		if o.suggest {
			if _, err := browser.EvalTimeout[bool](t, time.Minute, suggestWarmed); err != nil {
				return err
			}
			if _, err := browser.Eval[bool](t, fmt.Sprintf("__bench.settle(%d)", o.settle)); err != nil {
				return err
			}
		}
		if o.add {
			if err := openFile(t, file); err != nil {
				return err
			}
			if tg, err = browser.Eval[*target](t, fmt.Sprintf("__bench.pickTarget(%d, 0)", 1+r*7%max(len(c.Paragraphs)-2, 1))); err != nil || tg == nil {
				return fmt.Errorf("no target: %v", err)
			}
			if _, err := browser.Eval[bool](t, "__bench.settle(30)"); err != nil {
				return err
			}
			if err := t.Drag(tg.X1, tg.X2, tg.Y); err != nil {
				return err
			}
		}
		rec, err := tracerun.Record(t, o.profile && r > 0, o.trace && r > 0)
		if err != nil {
			return err
		}
		var t0 float64
		if o.suggest {
			if t0, err = browser.Eval[float64](t, "performance.now()"); err != nil {
				return err
			}
			if err := t.Key("g"); err != nil {
				return err
			}
		} else if o.export {
			c, err := browser.Eval[struct{ X, Y float64 }](t, `(() => { const r = document.getElementById("export").getBoundingClientRect();
				return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()`)
			if err != nil {
				return err
			}
			if _, err := browser.Eval[bool](t, `__bench.arm({on: "click", until: "blob", timeoutMs: 60000})`); err != nil {
				return err
			}
			if err := t.Click(c.X, c.Y); err != nil {
				return err
			}
		} else if o.add {
			spec := fmt.Sprintf(`__bench.arm({on: "keydown", key: "c", until: "frame", pred: "add", point: {x: %g, y: %g}, timeoutMs: 60000})`, tg.Mx, tg.Y)
			if _, err := browser.Eval[bool](t, spec); err != nil {
				return err
			}
			if err := t.Key("c"); err != nil {
				return err
			}
		} else {
			if _, err := browser.Eval[bool](t, `__bench.arm({on: "change", until: "frame", pred: "render", timeoutMs: 60000})`); err != nil {
				return err
			}
			if err := t.SetFile("#open-file-start", file); err != nil {
				return err
			}
		}
		var m result
		if o.suggest {
			m.T0 = t0
			if m.T1, err = browser.EvalTimeout[float64](t, 2*time.Minute, suggestWait); err != nil {
				return err
			}
		} else if m, err = browser.EvalTimeout[result](t, time.Minute, "__bench.result()"); err != nil {
			return err
		}
		cpu, err := rec.Stop(t, r, tracerun.Kept{Traced: traced, Times: &times, Dump: o.dump, Out: o.out})
		if err != nil {
			return err
		}
		cpus = append(cpus, cpu)
		t.Close()
		if r == 0 {
			continue
		}
		fmt.Printf("run %d: painted %.1f ms after the event (seen %.1f, file read %.1f), %d frames, main-thread CPU %.1f ms\n",
			r, m.T1-m.T0, m.TSeen-m.T0, m.ReadAt-m.T0, m.Frames, cpu)
		for _, e := range m.Timeline {
			if e[0] == "go" {
				fmt.Printf("   go    %7.1f – %7.1f  (%.1f ms)\n", e[1], e[2], e[2].(float64)-e[1].(float64))
			} else {
				fmt.Printf("   frame %7.1f\n", e[1])
			}
		}
	}
	if o.start {
		printSummary(o, &times, traced)
		return nil
	}
	cpus = cpus[1:]
	sort.Float64s(cpus)
	fmt.Printf("main-thread CPU, median of %d: %.1f ms (min %.1f, max %.1f)\n", len(cpus), cpus[len(cpus)/2], cpus[0], cpus[len(cpus)-1])
	printSummary(o, &times, traced)
	return nil
}

// printSummary prints what -trace and -profile gathered over the runs.
func printSummary(o options, times *cpuprofile.Times, traced map[string]float64) {
	if o.trace {
		chrometrace.Print(traced, o.runs)
	}
	if o.profile {
		times.Print(os.Stdout, o.top)
	}
}

// startUp loads the app in t from a blank page of the same origin (so
// that the profiler and the trace, started there, follow the load) and
// prints when it was ready; run 0 is the cold load and is not reported.
func startUp(t *browser.Tab, srv *browser.Server, o options, r int, times *cpuprofile.Times, traced map[string]float64) error {
	defer t.Close()
	if err := t.Navigate(srv.Put("blank.html", "text/html", []byte("<!doctype html><title>blank</title>"))); err != nil {
		return err
	}
	timed := r > 0
	rec, err := tracerun.Record(t, o.profile && timed, o.trace && timed)
	if err != nil {
		return err
	}
	if err := t.Navigate(srv.URL + "/"); err != nil {
		return err
	}
	ready, err := browser.EvalTimeout[float64](t, time.Minute, "__bench.ready")
	if err != nil {
		return err
	}
	cpu, err := rec.Stop(t, r, tracerun.Kept{Traced: traced, Times: times, Dump: o.dump, Out: o.out})
	if err != nil {
		return err
	}
	kind := "cached"
	if !timed {
		kind = "cold"
	}
	fmt.Printf("run %d (%s): ready %.1f ms after navigation start, main-thread CPU of the tab %.1f ms\n", r, kind, ready, cpu)
	return nil
}
