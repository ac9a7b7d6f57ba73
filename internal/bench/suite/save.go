//go:build !js

package suite

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"sayso/internal/bench/browser"
)

// SavedJS resolves once the autosave indicator says Saved.
const SavedJS = `new Promise((resolve) => {
	const check = () => document.getElementById("save-status").textContent.startsWith("Saved") ? resolve(true) : setTimeout(check, 20);
	check();
})`

// saveMeasuresJS counts the app's sayso:save measures so far.
const saveMeasuresJS = `performance.getEntriesByName("sayso:save", "measure").length`

// savedSinceJS (a format with the count wanted) resolves once the page
// holds that many sayso:save measures and the indicator says Saved.
const savedSinceJS = `new Promise((resolve) => {
	const check = () => performance.getEntriesByName("sayso:save", "measure").length >= %d &&
		document.getElementById("save-status").textContent.startsWith("Saved") ? resolve(true) : setTimeout(check, 20);
	check();
})`

// saveChanges is how many changes each run of the save step saves, one
// at a time (3 in a smoke run): with -runs 3, the p95 is taken over 60
// saves.
const saveChanges = 20

// saveCost opens the largest document Runs times (the 1 MB one in a
// smoke run) and adds saveChanges claims one by one, each from the mouse
// and the c key, waiting each time until the indicator says Saved. The
// browser's trace of each add gives the main-thread task that ran the
// app's save — the autosave timer firing, the app choosing the records
// the change touched and encoding them, the IndexedDB transaction handed
// over (the app's User Timing measure sayso:save lies inside it) — with
// its wall and CPU time, and the task that took the write's completion.
func (s *Suite) saveCost(ctx context.Context) error {
	d := s.cfg.Large
	if s.cfg.Smoke {
		d = s.cfg.Medium
	}
	for run := range s.cfg.Runs {
		if err := s.saveSession(ctx, d, run); err != nil {
			return fmt.Errorf("%s, run %d: %w", d.Label, run+1, err)
		}
	}
	if s.cfg.Medium == nil {
		return nil
	}
	for run := range s.cfg.Runs {
		if err := s.firstSaveAndReload(ctx, s.cfg.Medium); err != nil {
			return fmt.Errorf("first save and reload, %s, run %d: %w", s.cfg.Medium.Label, run+1, err)
		}
	}
	return nil
}

// ReloadWatch runs before the app in the reloaded tab: it notes when the
// app marks itself ready (the restored project drawn) and the second
// animation frame after that, once the frame drawing it has been painted,
// and the second frame after the copy of the first screen was painted
// while the app loaded (web/preview.js marks sayso:preview).
const ReloadWatch = `(() => {
	new PerformanceObserver((list, obs) => {
		if (!list.getEntriesByName("sayso:preview").length) return;
		obs.disconnect();
		requestAnimationFrame(() => requestAnimationFrame(() => { window.__previewPainted = performance.now(); }));
	}).observe({type: "mark", buffered: true});
	const watch = new MutationObserver(() => {
		if (!document.body || document.body.dataset.ready !== "1") return;
		watch.disconnect();
		window.__reloadReady = performance.now();
		requestAnimationFrame(() => requestAnimationFrame(() => { window.__reloadPainted = performance.now(); }));
	});
	watch.observe(document, {attributes: true, attributeFilter: ["data-ready"], subtree: true});
})()`

// reloadPaintedJS resolves with the times ReloadWatch noted.
const reloadPaintedJS = `new Promise((resolve) => {
	const check = () => window.__reloadPainted ? resolve({ready: window.__reloadReady, painted: window.__reloadPainted, preview: window.__previewPainted || 0}) : setTimeout(check, 20);
	check();
})`

// ReloadTimes are what ReloadWatch noted in a reloaded tab, in ms after
// navigation start: the app ready (its page drawn) and painted, and the
// copy of the first screen painted (0: none was).
type ReloadTimes struct{ Ready, Painted, Preview float64 }

// Shown is when the work was first on screen: the copy painted, or else
// the app's page.
func (t ReloadTimes) Shown() float64 {
	if t.Preview > 0 && t.Preview < t.Painted {
		return t.Preview
	}
	return t.Painted
}

// firstSaveAndReload opens d (1 MB + 5,000 annotations) from its file
// and traces its first save — the whole project, written once, encoded a
// chunk of records per task — until the indicator says Saved: the longest
// of its main-thread tasks (wall and CPU) and their number. Once the page
// is idle (the log folded in), the tab is closed and the site opened in
// a new tab of the same profile, which restores the project from
// IndexedDB: navigation start to the frame painted after the app drew it
// (hook-free: the watch above), with the main thread's CPU until then,
// and to the frame painted after the copy of its first screen, kept as
// the first tab was closed, was drawn (web/preview.js).
func (s *Suite) firstSaveAndReload(ctx context.Context, d *Doc) error {
	t, err := s.openApp(ctx, browser.Hook{})
	if err != nil {
		return err
	}
	tr, err := traceTasks(t, openAndSave(t, d))
	if err != nil {
		t.Close()
		return err
	}
	f, ok := firstSaveTasks(tr)
	if !ok {
		t.Close()
		return fmt.Errorf("the trace holds no task of the first save")
	}
	s.add("save.first.longest", f.longest)
	s.add("save.first.longest.cpu", f.longestCPU)
	s.add("save.first.tasks", float64(f.tasks))
	if err := settle(t, 3000); err != nil {
		t.Close()
		return err
	}
	t.Leave() // as a person closes it: the page saves as it goes

	b, err := s.workBrowser(ctx)
	if err != nil {
		return err
	}
	r, err := b.NewTab(browser.Hook{}) // storage kept: the work is restored
	if err != nil {
		return err
	}
	defer r.Close()
	if _, err := chromedp.Call(r.Context(), page.AddScriptToEvaluateOnNewDocument,
		page.AddScriptToEvaluateOnNewDocumentParams{Source: ReloadWatch}); err != nil {
		return fmt.Errorf("inject the reload watch: %w", err)
	}
	if err := r.EnableCPU(); err != nil {
		return err
	}
	if err := r.Navigate(s.srv.URL + "/"); err != nil {
		return err
	}
	times, err := browser.EvalTimeout[ReloadTimes](r, 180*time.Second, reloadPaintedJS)
	if err != nil {
		return fmt.Errorf("reload: %w", err)
	}
	cpu, err := r.MainThreadCPU()
	if err != nil {
		return err
	}
	if err := expectCount(r, len(d.Corpus.Project.Annotations)); err != nil {
		return fmt.Errorf("reload: %w", err)
	}
	s.add("reload.medium.shown", times.Shown())
	s.add("reload.medium", times.Painted)
	s.add("reload.medium.cpu", cpu)
	s.logf("      first save: %d task(s) (ms wall/CPU: %s), the longest %.1f ms (%.1f ms CPU); reload: the work on screen after %.0f ms (copy painted %.0f ms), the app ready and painted after %.0f ms (drawn %.0f ms), main-thread CPU %.0f ms",
		f.tasks, f.each, f.longest, f.longestCPU, times.Shown(), times.Preview, times.Painted, times.Ready, cpu)
	return nil
}

// firstSave sums up the tasks of a first save.
type firstSave struct {
	tasks               int
	longest, longestCPU float64 // ms
	each                string  // every task's wall/CPU, in order
}

// firstSaveTasks finds the main-thread tasks holding a sayso:save
// measure in tr (each once).
func firstSaveTasks(tr *taskTrace) (firstSave, bool) {
	var f firstSave
	seen := map[float64]bool{}
	var each []string
	for _, m := range tr.measures("sayso:save") {
		k, ok := tr.taskOf(m)
		if !ok || seen[k.Start] {
			continue
		}
		seen[k.Start] = true
		f.tasks++
		f.longest = max(f.longest, k.Wall/1000)
		f.longestCPU = max(f.longestCPU, k.CPU/1000)
		each = append(each, fmt.Sprintf("%.1f/%.1f", k.Wall/1000, k.CPU/1000))
	}
	f.each = strings.Join(each, " ")
	return f, f.tasks > 0
}

func (s *Suite) saveSession(ctx context.Context, d *Doc, run int) error {
	t, err := s.openApp(ctx, browser.Hook{})
	if err != nil {
		return err
	}
	defer t.Close()
	// The whole project is written once, then folded in when idle.
	first, err := traceTasks(t, openAndSave(t, d))
	if err != nil {
		return err
	}
	if f, ok := firstSaveTasks(first); ok {
		s.add("save.first.large.longest", f.longest)
		s.add("save.first.large.longest.cpu", f.longestCPU)
		s.logf("      first save: %d task(s) (ms wall/CPU: %s), the longest %.1f ms (%.1f ms CPU)", f.tasks, f.each, f.longest, f.longestCPU)
	}
	if err := settle(t, 3000); err != nil {
		return err
	}
	n := saveChanges
	if s.cfg.Smoke {
		n = 3
	}
	want := len(d.Corpus.Project.Annotations)
	for k := range n {
		para, skip := AddTarget(k, n, run, len(d.Corpus.Paragraphs))
		want++
		before, err := browser.Eval[int](t, saveMeasuresJS)
		if err != nil {
			return fmt.Errorf("add %d: count the saves: %w", k+1, err)
		}
		tr, err := traceTasks(t, func() error {
			if _, err := addClaimAt(t, para, skip, want, true); err != nil {
				return err
			}
			// The indicator may still say Saved from the last change
			// until the autosave timer fires: wait for this change's
			// save and its completion (two measures at least).
			if _, err := browser.EvalTimeout[bool](t, 60*time.Second, fmt.Sprintf(savedSinceJS, before+2)); err != nil {
				return fmt.Errorf("save: %w", err)
			}
			return settle(t, settleMs)
		})
		if err != nil {
			return fmt.Errorf("add %d: %w", k+1, err)
		}
		c, err := saveTasks(tr)
		if err != nil {
			seen, _ := browser.Eval[string](t, fmt.Sprintf(`JSON.stringify(performance.getEntriesByType("measure").filter(e => e.name.startsWith("sayso:")).slice(-8).map(e => [e.name, e.startTime, e.duration]))`))
			return fmt.Errorf("add %d: %w (page: %s)", k+1, err, seen)
		}
		s.add("save.large", c.wall)
		if c.cpu >= 0 {
			s.add("save.large.cpu", c.cpu)
		}
		s.add("save.large.done", c.doneWall)
		if c.doneCPU >= 0 {
			s.add("save.large.done.cpu", c.doneCPU)
		}
		s.logf("      add %d: the save's task took %.2f ms (%.2f ms CPU; the app's measure %.2f ms), its completion %.2f ms (%.2f ms CPU) in %d task(s)",
			k+1, c.wall, c.cpu, c.measure, c.doneWall, c.doneCPU, c.doneTasks)
	}
	return nil
}

// saveCosts are one save's main-thread times, in milliseconds.
type saveCosts struct {
	wall, cpu, measure float64 // the task that ran the autosave, and the app's measure inside it
	doneWall, doneCPU  float64 // the tasks that took the write's completion
	doneTasks          int
}

// saveTasks finds a save in the trace of one change: the first sayso:save
// measure is the autosave (the timer firing to the IndexedDB transaction
// handed over); those after it take the write's completion.
func saveTasks(tr *taskTrace) (saveCosts, error) {
	ms := tr.measures("sayso:save")
	if len(ms) < 2 {
		return saveCosts{}, fmt.Errorf("the trace holds %d sayso:save measures, want the save and its completion", len(ms))
	}
	var c saveCosts
	for i, m := range ms {
		k, ok := tr.taskOf(m)
		if !ok {
			// Now and then the trace lacks the task (its event lost):
			// the measure stands for it, without CPU time.
			k = task{Start: m.Start, Wall: m.End - m.Start, CPU: -1}
		}
		if i == 0 {
			c.wall, c.cpu, c.measure = k.Wall/1000, k.CPU/1000, (m.End-m.Start)/1000
			if k.CPU < 0 {
				c.cpu = -1
			}
			continue
		}
		c.doneWall += k.Wall / 1000
		if k.CPU < 0 || c.doneCPU < 0 {
			c.doneCPU = -1
		} else {
			c.doneCPU += k.CPU / 1000
		}
		c.doneTasks++
	}
	return c, nil
}

// openAndSave opens d from its file and waits until the save indicator
// says its first save is done.
func openAndSave(t *browser.Tab, d *Doc) func() error {
	return func() error {
		if _, err := importDoc(t, d); err != nil {
			return err
		}
		if _, err := browser.EvalTimeout[bool](t, 180*time.Second, SavedJS); err != nil {
			return fmt.Errorf("first save: %w", err)
		}
		return nil
	}
}
