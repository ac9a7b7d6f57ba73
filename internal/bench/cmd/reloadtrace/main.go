//go:build !js

// Command reloadtrace shows where the time goes when Sayso reloads a
// project from IndexedDB: it opens a generated .sayso.json from its file,
// waits until the first save completed and the page is idle, closes the
// tab and opens the site in a new tab of the same browser profile, which
// restores the project, as the benchmark's reload step does. It prints,
// per run, the time from navigation start to the frame painted after the
// restored project is drawn, the page's User Timing marks and measures
// on the way (sayso:*), the main thread's CPU, and with -profile the
// functions that took the most main-thread time (CDP Profiler; build the
// wasm without -s -w for Go's names).
//
//	go run ./internal/bench/cmd/reloadtrace -site build/site
package main

import (
	"flag"
	"fmt"
	"os"
	"sort"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"sayso/internal/bench/browser"
	"sayso/internal/bench/chrometrace"
	"sayso/internal/bench/corpus"
	"sayso/internal/bench/cpuprofile"
	"sayso/internal/bench/stats"
	"sayso/internal/bench/suite"
	"sayso/internal/bench/tracerun"
)

func main() {
	var o options
	flag.StringVar(&o.site, "site", "build/site", "the built site")
	bytes := flag.Int("bytes", 1<<20, "bytes of text of the generated article")
	anns := flag.Int("annotations", 5000, "annotations of the generated article")
	seed := flag.Uint64("seed", 1, "seed of the generated article (1: the benchmark's)")
	flag.IntVar(&o.runs, "runs", 3, "reloads, each after one open and first save")
	flag.BoolVar(&o.profile, "profile", false, "also print the top functions by self and total time during the reload (CDP Profiler)")
	flag.IntVar(&o.top, "top", 40, "functions printed with -profile")
	flag.StringVar(&o.out, "out", "", "with -profile: write each run's profile as OUT-N.cpuprofile (Chromium DevTools' format)")
	flag.BoolVar(&o.trace, "trace", false, "also record a Chrome trace of each reload and print the renderer main thread's events by self time")
	flag.StringVar(&o.dump, "dump", "", "with -trace: write each run's main-thread events as DUMP-N.json (ts in µs, for a timeline)")
	flag.Parse()
	o.spec = corpus.Spec{Name: "reload", Bytes: *bytes, Annotations: *anns, Seed: *seed}
	if err := run(o); err != nil {
		fmt.Fprintln(os.Stderr, "reloadtrace:", err)
		os.Exit(1)
	}
}

// options are the command's flags.
type options struct {
	site    string
	spec    corpus.Spec
	runs    int
	profile bool
	trace   bool
	dump    string
	top     int
	out     string
}

// reloadPaintedJS resolves with the times suite.ReloadWatch noted and the
// page's sayso User Timing entries.
const reloadPaintedJS = `new Promise((resolve) => {
	const check = () => {
		if (!window.__reloadPainted) { setTimeout(check, 20); return; }
		const marks = performance.getEntries().filter(e => e.name.startsWith("sayso:") || e.entryType === "resource" && /\.(wasm|js)$/.test(e.name))
			.map(e => [e.entryType === "resource" ? "fetch " + e.name.split("/").pop() : e.name, e.startTime, e.duration])
			.concat(window.__longTasks || [])
			.concat(performance.getEntriesByType("navigation").flatMap((n) => [["navigation: worker start", n.workerStart, 0], ["navigation: response start", n.responseStart, 0], ["navigation: response end", n.responseEnd, 0], ["navigation: DOM interactive", n.domInteractive, 0]]));
		resolve({ready: window.__reloadReady, painted: window.__reloadPainted, preview: window.__previewPainted || 0, marks,
			count: __bench.annotationCount(),
			message: (document.getElementById("message-text") || {}).textContent || ""});
	};
	check();
})`

// longTaskWatch notes the page's long tasks (50 ms or more) as marks of
// the reload: what held the page's thread on the way.
const longTaskWatch = `(() => {
	window.__longTasks = [];
	if (!PerformanceObserver.supportedEntryTypes.includes("longtask")) return;
	new PerformanceObserver((list) => {
		for (const e of list.getEntries()) window.__longTasks.push(["long task (" + e.name + ")", e.startTime, e.duration]);
	}).observe({type: "longtask", buffered: true});
})()`

type reloaded struct {
	suite.ReloadTimes
	Marks   [][]any
	Count   int
	Message string
}

func run(o options) error {
	setUp, err := tracerun.Start("reloadtrace", o.site, o.spec)
	if err != nil {
		return err
	}
	defer setUp.Close()
	c, file, srv, b := setUp.Corpus, setUp.File, setUp.Server, setUp.Browser
	var painted, shown, cpus []float64
	traced := map[string]float64{}
	var times cpuprofile.Times
	for r := range o.runs + 1 {
		if err := openAndSave(b, srv.URL, file); err != nil {
			return err
		}
		t, err := b.NewTab(browser.Hook{}) // storage kept: the work is restored
		if err != nil {
			return err
		}
		if _, err := chromedp.Call(t.Context(), page.AddScriptToEvaluateOnNewDocument,
			page.AddScriptToEvaluateOnNewDocumentParams{Source: suite.ReloadWatch + ";" + longTaskWatch}); err != nil {
			return err
		}
		if err := t.EnableCPU(); err != nil {
			return err
		}
		rec, err := tracerun.Record(t, o.profile && r > 0, o.trace && r > 0)
		if err != nil {
			return err
		}
		if err := t.Navigate(srv.URL + "/"); err != nil {
			return err
		}
		m, err := browser.EvalTimeout[reloaded](t, 3*time.Minute, reloadPaintedJS)
		if err != nil {
			return fmt.Errorf("reload: %w", err)
		}
		cpu, err := rec.Stop(t, r, tracerun.Kept{Traced: traced, Times: &times, Dump: o.dump, Out: o.out})
		if err != nil {
			return err
		}
		t.Close()
		if m.Count != len(c.Project.Annotations) {
			return fmt.Errorf("the reloaded page lists %d annotations, want %d (message %q)", m.Count, len(c.Project.Annotations), m.Message)
		}
		if r == 0 {
			continue // the first reload compiles what the browser caches
		}
		painted = append(painted, m.Painted)
		shown = append(shown, m.Shown())
		cpus = append(cpus, cpu)
		fmt.Printf("run %d: the work on screen %.1f ms after navigation start (copy painted %.1f), the app painted %.1f (ready %.1f), main-thread CPU %.1f ms\n", r, m.Shown(), m.Preview, m.Painted, m.Ready, cpu)
		sort.Slice(m.Marks, func(i, j int) bool { return m.Marks[i][1].(float64) < m.Marks[j][1].(float64) })
		for _, e := range m.Marks {
			fmt.Printf("   %7.1f  %-28s %7.1f ms\n", e[1], e[0], e[2])
		}
	}
	fmt.Printf("median of %d: the work on screen %.0f ms, the app painted %.0f ms; main-thread CPU %.0f ms\n", len(painted), stats.Median(shown), stats.Median(painted), stats.Median(cpus))
	if o.profile {
		times.Print(os.Stdout, o.top)
	}
	if o.trace {
		chrometrace.Print(traced, len(painted))
	}
	return nil
}

// openAndSave opens file in a fresh tab (storage emptied first), waits
// until its first save completed and the page was idle for 3 s (the log
// folded in), and closes the tab as a person does (its save on leaving
// and the copy of its first screen made).
func openAndSave(b *browser.Browser, url, file string) error {
	t, err := b.NewTab(browser.Hook{ClearStorage: true})
	if err != nil {
		return err
	}
	left := false
	defer func() {
		if !left {
			t.Close()
		}
	}()
	if err := t.Navigate(url + "/"); err != nil {
		return err
	}
	if _, err := browser.EvalTimeout[float64](t, time.Minute, "__bench.ready"); err != nil {
		return err
	}
	if err := t.SetFile("#open-file-start", file); err != nil {
		return err
	}
	if _, err := browser.EvalTimeout[bool](t, 3*time.Minute, suite.SavedJS); err != nil {
		return fmt.Errorf("first save: %w", err)
	}
	if _, err = browser.EvalTimeout[bool](t, 2*time.Minute, "__bench.settle(3000)"); err != nil {
		return err
	}
	left = true
	t.Leave()
	return nil
}
