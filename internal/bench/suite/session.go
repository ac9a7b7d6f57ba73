//go:build !js

package suite

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"sayso/internal/bench/browser"
)

// measurement is what hook.js reports for one armed measurement, in
// milliseconds since the navigation started.
type measurement struct {
	T0     float64 // the triggering event, seen in the capture phase
	TSeen  float64 // the animation frame in which the result was first visible
	T1     float64 // the next animation frame (the result has been painted), or the Blob
	ReadAt float64 // File.arrayBuffer resolved (imports), 0 otherwise
	GoMs   float64 // time spent running Go code called from JS in between
	CPUMs  float64 // main-thread CPU time from arming to the result (thread time)
	Frames int
	Counts crossings
}

// crossings are the calls between Go and JavaScript during a measurement.
type crossings struct {
	JS      int // syscall/js.* imports called by Go
	Runtime int // runtime.* imports (timers, clock, random, writes)
	Resumes int // JS calling into Go (events, callbacks, timers)
	ByName  map[string]int
}

func (c crossings) total() int { return c.JS + c.Resumes }

// armSpec is hook.js's B.arm argument.
type armSpec struct {
	On        string `json:"on"`             // "change", "keydown" or "click"
	Key       string `json:"key,omitempty"`  // for keydown
	Until     string `json:"until"`          // "frame" or "blob"
	Pred      string `json:"pred,omitempty"` // "render", "add", "select", "compare" or "shown" (until frame)
	Point     *point `json:"point,omitempty"`
	Rows      int    `json:"rows,omitempty"`  // for compare: the score table's rows`
	Title     string `json:"title,omitempty"` // for shown: the document's title
	TimeoutMs int    `json:"timeoutMs"`
}

type point struct {
	X float64 `json:"x"`
	Y float64 `json:"y"`
}

// measure arms the hook, runs trigger (which must cause spec.On) and waits
// for the result.
func measure(t *browser.Tab, spec armSpec, trigger func() error) (measurement, error) {
	cpu0, err := t.MainThreadCPU()
	if err != nil {
		return measurement{}, err
	}
	if _, err := browser.Eval[bool](t, "__bench.arm("+browser.JS(spec)+")"); err != nil {
		return measurement{}, err
	}
	if err := trigger(); err != nil {
		return measurement{}, err
	}
	wait := time.Duration(spec.TimeoutMs)*time.Millisecond + 10*time.Second
	m, err := browser.EvalTimeout[measurement](t, wait, "__bench.result()")
	if err != nil {
		return measurement{}, fmt.Errorf("wait for %s → %s: %w", spec.On, spec.Until, err)
	}
	cpu1, err := t.MainThreadCPU()
	if err != nil {
		return measurement{}, err
	}
	m.CPUMs = cpu1 - cpu0
	return m, nil
}

// openApp opens a tab on the app and waits until it is ready.
func (s *Suite) openApp(ctx context.Context, hook browser.Hook) (*browser.Tab, error) {
	b, err := s.workBrowser(ctx)
	if err != nil {
		return nil, err
	}
	hook.ClearStorage = true
	t, err := b.NewTab(hook)
	if err != nil {
		return nil, err
	}
	if err := t.EnableCPU(); err != nil {
		t.Close()
		return nil, err
	}
	if err := t.Navigate(s.srv.URL + "/"); err != nil {
		t.Close()
		return nil, err
	}
	if _, err := waitReady(t); err != nil {
		t.Close()
		return nil, err
	}
	return t, nil
}

// readiness is what hook.js knows once the app is ready.
type readiness struct {
	Ready, Pasted float64
	Error         string
	Transferred   float64
}

func waitReady(t *browser.Tab) (readiness, error) {
	r, err := browser.EvalTimeout[readiness](t, 60*time.Second, `__bench.ready.then(() => ({
		ready: __bench.readyAt, pasted: __bench.pastedAt, error: __bench.error, transferred: __bench.transferred()}))`)
	if err != nil {
		return r, fmt.Errorf("wait for the app to be ready: %w", err)
	}
	if r.Error != "" {
		return r, errors.New("hook: " + r.Error)
	}
	return r, nil
}

// importDoc hands d's file to the start screen's file input and waits for
// the rendered document; it checks that every annotation arrived.
func importDoc(t *browser.Tab, d *Doc) (measurement, error) {
	m, err := measure(t, armSpec{On: "change", Until: "frame", Pred: "render", TimeoutMs: 180_000}, func() error {
		return t.SetFile("#open-file-start", d.File)
	})
	if err != nil {
		return m, fmt.Errorf("open %s: %w", d.Label, err)
	}
	if err := expectCount(t, len(d.Corpus.Project.Annotations)); err != nil {
		return m, fmt.Errorf("open %s: %w", d.Label, err)
	}
	return m, nil
}

// expectCount checks the sidebar's annotation count.
func expectCount(t *browser.Tab, want int) error {
	got, err := browser.Eval[int](t, "__bench.annotationCount()")
	if err != nil {
		return err
	}
	if got != want {
		msg, _ := browser.Eval[string](t, "__bench.message()")
		return fmt.Errorf("the app shows %d annotations, want %d (message: %q)", got, want, msg)
	}
	return nil
}

// settle lets pending timers (autosave, 250 ms after a change) run.
func settle(t *browser.Tab, ms int) error {
	_, err := browser.EvalTimeout[bool](t, time.Duration(ms)*time.Millisecond+120*time.Second, fmt.Sprintf("__bench.settle(%d)", ms))
	return err
}

// settleMs is how long to wait after a change for the autosave to run.
const settleMs = 400

// target is an unannotated stretch of text to select (hook.js pickTarget).
type target struct {
	Para      int
	Text      string
	X1, X2, Y float64
	Mx        float64
}

// addClaim selects a few words with the mouse from paragraph first on and
// presses c; it checks that the count of annotations became want.
func addClaim(t *browser.Tab, first, want int) (measurement, error) {
	tg, err := browser.Eval[*target](t, fmt.Sprintf("__bench.pickTarget(%d)", first))
	if err != nil {
		return measurement{}, err
	}
	if tg == nil {
		return measurement{}, fmt.Errorf("no unannotated text to select from paragraph %d on", first)
	}
	if err := settle(t, 30); err != nil {
		return measurement{}, err
	}
	if err := t.Drag(tg.X1, tg.X2, tg.Y); err != nil {
		return measurement{}, err
	}
	sel, err := browser.Eval[string](t, "String(getSelection())")
	if err != nil {
		return measurement{}, err
	}
	if strings.TrimSpace(sel) == "" {
		return measurement{}, fmt.Errorf("dragging over %q in paragraph %d selected nothing", tg.Text, tg.Para)
	}
	m, err := measure(t, armSpec{On: "keydown", Key: "c", Until: "frame", Pred: "add",
		Point: &point{X: tg.Mx, Y: tg.Y}, TimeoutMs: 60_000}, func() error { return t.Key("c") })
	if err != nil {
		return m, fmt.Errorf("add a claim over %q: %w", sel, err)
	}
	if err := expectCount(t, want); err != nil {
		return m, fmt.Errorf("add a claim over %q: %w", sel, err)
	}
	return m, nil
}

// clickExport clicks the toolbar's Export button and waits for the Blob.
func clickExport(t *browser.Tab) (measurement, error) {
	c, err := browser.Eval[point](t, `(() => { const r = document.getElementById("export").getBoundingClientRect();
		return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()`)
	if err != nil {
		return measurement{}, err
	}
	m, err := measure(t, armSpec{On: "click", Until: "blob", TimeoutMs: 120_000}, func() error { return t.Click(c.X, c.Y) })
	if err != nil {
		return m, fmt.Errorf("export: %w", err)
	}
	return m, nil
}
