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
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/chromedp"

	"sayso/internal/bench/browser"
	"sayso/internal/bench/corpus"
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
	top     int
	out     string
}

// savedJS resolves once the autosave indicator says Saved.
const savedJS = `new Promise((resolve) => {
	const check = () => document.getElementById("save-status").textContent.startsWith("Saved") ? resolve(true) : setTimeout(check, 20);
	check();
})`

// reloadWatch runs before the app in the reloaded tab: it notes when the
// app marks itself ready (the restored project drawn) and the second
// animation frame after that, once the frame drawing it has been painted
// (the benchmark's watch).
const reloadWatch = `(() => {
	const watch = new MutationObserver(() => {
		if (!document.body || document.body.dataset.ready !== "1") return;
		watch.disconnect();
		window.__reloadReady = performance.now();
		requestAnimationFrame(() => requestAnimationFrame(() => { window.__reloadPainted = performance.now(); }));
	});
	watch.observe(document, {attributes: true, attributeFilter: ["data-ready"], subtree: true});
})()`

// reloadPaintedJS resolves with the times reloadWatch noted and the
// page's sayso User Timing entries.
const reloadPaintedJS = `new Promise((resolve) => {
	const check = () => {
		if (!window.__reloadPainted) { setTimeout(check, 20); return; }
		const marks = performance.getEntries().filter(e => e.name.startsWith("sayso:") || e.entryType === "resource" && e.name.endsWith(".wasm"))
			.map(e => [e.entryType === "resource" ? "fetch " + e.name.split("/").pop() : e.name, e.startTime, e.duration]);
		resolve({ready: window.__reloadReady, painted: window.__reloadPainted, marks,
			count: __bench.annotationCount(),
			message: (document.getElementById("message-text") || {}).textContent || ""});
	};
	check();
})`

type reloaded struct {
	Ready, Painted float64
	Marks          [][]any
	Count          int
	Message        string
}

func run(o options) error {
	tmp, err := os.MkdirTemp("", "reloadtrace-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	c, err := corpus.Generate(o.spec)
	if err != nil {
		return err
	}
	file := filepath.Join(tmp, "doc.sayso.json")
	if err := os.WriteFile(file, c.Native, 0o644); err != nil {
		return err
	}
	srv, err := browser.Serve(o.site)
	if err != nil {
		return err
	}
	defer srv.Close()
	path, err := browser.ExecPath()
	if err != nil {
		return err
	}
	b, err := browser.Launch(context.Background(), path, filepath.Join(tmp, "profile"))
	if err != nil {
		return err
	}
	defer b.Close()
	var painted, cpus []float64
	self, total := map[string]float64{}, map[string]float64{}
	for r := range o.runs + 1 {
		if err := openAndSave(b, srv.URL, file); err != nil {
			return err
		}
		t, err := b.NewTab(browser.Hook{}) // storage kept: the work is restored
		if err != nil {
			return err
		}
		if _, err := chromedp.Call(t.Context(), page.AddScriptToEvaluateOnNewDocument,
			page.AddScriptToEvaluateOnNewDocumentParams{Source: reloadWatch}); err != nil {
			return err
		}
		if err := t.EnableCPU(); err != nil {
			return err
		}
		if o.profile && r > 0 {
			if _, err := chromedp.Call(t.Context(), profiler.Enable, cdp.Empty{}); err != nil {
				return err
			}
			if _, err := chromedp.Call(t.Context(), profiler.SetSamplingInterval, profiler.SetSamplingIntervalParams{Interval: 100}); err != nil {
				return err
			}
			if _, err := chromedp.Call(t.Context(), profiler.Start, cdp.Empty{}); err != nil {
				return err
			}
		}
		cpu0, err := t.MainThreadCPU()
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
		cpu1, err := t.MainThreadCPU()
		if err != nil {
			return err
		}
		if o.profile && r > 0 {
			res, err := chromedp.Call(t.Context(), profiler.Stop, cdp.Empty{})
			if err != nil {
				return err
			}
			addSelf(self, res.Profile)
			addTotal(total, res.Profile)
			if o.out != "" {
				j, err := json.Marshal(res.Profile)
				if err != nil {
					return err
				}
				if err := os.WriteFile(fmt.Sprintf("%s-%d.cpuprofile", o.out, r), j, 0o644); err != nil {
					return err
				}
			}
		}
		t.Close()
		if m.Count != len(c.Project.Annotations) {
			return fmt.Errorf("the reloaded page lists %d annotations, want %d (message %q)", m.Count, len(c.Project.Annotations), m.Message)
		}
		if r == 0 {
			continue // the first reload compiles what the browser caches
		}
		painted = append(painted, m.Painted)
		cpus = append(cpus, cpu1-cpu0)
		fmt.Printf("run %d: painted %.1f ms after navigation start (ready %.1f), main-thread CPU %.1f ms\n", r, m.Painted, m.Ready, cpu1-cpu0)
		sort.Slice(m.Marks, func(i, j int) bool { return m.Marks[i][1].(float64) < m.Marks[j][1].(float64) })
		for _, e := range m.Marks {
			fmt.Printf("   %7.1f  %-28s %7.1f ms\n", e[1], e[0], e[2])
		}
	}
	fmt.Printf("painted, median of %d: %.0f ms; main-thread CPU %.0f ms\n", len(painted), median(painted), median(cpus))
	if o.profile {
		printTop("self time", self, o.runs, o.top)
		printTop("total time (self and callees)", total, o.runs, o.top)
	}
	return nil
}

// openAndSave opens file in a fresh tab (storage emptied first), waits
// until its first save completed and the page was idle for 3 s (the log
// folded in), and closes the tab.
func openAndSave(b *browser.Browser, url, file string) error {
	t, err := b.NewTab(browser.Hook{ClearStorage: true})
	if err != nil {
		return err
	}
	defer t.Close()
	if err := t.Navigate(url + "/"); err != nil {
		return err
	}
	if _, err := browser.EvalTimeout[float64](t, time.Minute, "__bench.ready"); err != nil {
		return err
	}
	if err := t.SetFile("#open-file-start", file); err != nil {
		return err
	}
	if _, err := browser.EvalTimeout[bool](t, 3*time.Minute, savedJS); err != nil {
		return fmt.Errorf("first save: %w", err)
	}
	_, err = browser.EvalTimeout[bool](t, 2*time.Minute, "__bench.settle(3000)")
	return err
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := append([]float64(nil), xs...)
	sort.Float64s(s)
	return s[len(s)/2]
}

func printTop(what string, times map[string]float64, runs, top int) {
	type fn struct {
		name string
		ms   float64
	}
	var fns []fn
	for k, v := range times {
		fns = append(fns, fn{k, v})
	}
	sort.Slice(fns, func(i, j int) bool { return fns[i].ms > fns[j].ms })
	fmt.Printf("%s, per run (%d runs):\n", what, runs)
	for i, f := range fns {
		if i == top {
			break
		}
		fmt.Printf("   %8.2f ms  %s\n", f.ms/float64(runs), f.name)
	}
}

// name is a profile node's function, with its file.
func name(n *profiler.ProfileNode) string {
	cf := n.CallFrame
	if cf.FunctionName == "" {
		return "(anonymous) " + filepath.Base(cf.URL)
	}
	return cf.FunctionName + " (" + filepath.Base(cf.URL) + ")"
}

// addSelf adds each function's self time in p (ms) to self.
func addSelf(self map[string]float64, p *profiler.Profile) {
	names := map[int64]string{}
	for _, n := range p.Nodes {
		names[int64(n.ID)] = name(n)
	}
	for i, id := range p.Samples {
		if i < len(p.TimeDeltas) {
			self[names[int64(id)]] += float64(p.TimeDeltas[i]) / 1000
		}
	}
}

// addTotal adds to total each function's time on the stack in p (ms),
// once per sample however deep it recurses.
func addTotal(total map[string]float64, p *profiler.Profile) {
	names, parent := map[int64]string{}, map[int64]int64{}
	for _, n := range p.Nodes {
		names[int64(n.ID)] = name(n)
		for _, c := range n.Children {
			parent[int64(c)] = int64(n.ID)
		}
	}
	for i, id := range p.Samples {
		if i >= len(p.TimeDeltas) {
			break
		}
		seen := map[string]bool{}
		for n := int64(id); n != 0; n = parent[n] {
			if k := names[n]; !seen[k] {
				seen[k] = true
				total[k] += float64(p.TimeDeltas[i]) / 1000
			}
		}
	}
}
