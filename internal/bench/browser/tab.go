//go:build !js

package browser

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/cdproto/heapprofiler"
	"github.com/chromedp/cdproto/memory"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/performance"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Tab is one page of a Browser with the hook injected.
type Tab struct {
	ctx    context.Context
	cancel context.CancelFunc
}

// NewTab opens a tab whose documents all get the hook, configured by h.
func (b *Browser) NewTab(h Hook) (*Tab, error) {
	src, err := h.Script()
	if err != nil {
		return nil, err
	}
	// A confirm() (opening a file over unsaved work) would block the page
	// until answered: answer yes, as a person going on with the task would.
	// The listener may not send commands itself: a goroutine does.
	var ctx context.Context
	ctx, cancel := chromedp.NewContext(b.ctx, chromedp.WithListener(func(ev any) {
		if _, ok := ev.(*page.EventJavascriptDialogOpening); ok {
			go func() {
				_, _ = chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true})
			}()
		}
	}))
	t := &Tab{ctx: ctx, cancel: cancel}
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument,
		page.AddScriptToEvaluateOnNewDocumentParams{Source: src}); err != nil {
		cancel()
		return nil, fmt.Errorf("inject the hook: %w", err)
	}
	return t, nil
}

// Leave closes the tab as a person does: the page's handlers for being
// hidden and left run (its save on leaving, the copy of its first screen).
func (t *Tab) Leave() { t.cancel() }

// Close closes the tab, first telling the hook to keep the page's
// save-on-leave handlers from running (B.quiet).
func (t *Tab) Close() {
	ctx, cancel := context.WithTimeout(t.ctx, 2*time.Second)
	_, _ = chromedp.Run(ctx, chromedp.Evaluate[chromedp.Void]("window.__bench && (__bench.quiet = true)"))
	cancel()
	t.cancel()
}

// Context is the tab's chromedp context, for CDP calls.
func (t *Tab) Context() context.Context { return t.ctx }

// Navigate loads url and waits for its load event.
func (t *Tab) Navigate(url string) error {
	if err := chromedp.Do(t.ctx, chromedp.Navigate(url)); err != nil {
		return fmt.Errorf("navigate to %s: %w", url, err)
	}
	return nil
}

// Eval evaluates a JavaScript expression in the page, waiting for it when
// it is a promise, and decodes the result into T.
func Eval[T any](t *Tab, expr string) (T, error) {
	v, err := chromedp.Run(t.ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		return v, fmt.Errorf("evaluate %.80q: %w", expr, err)
	}
	return v, nil
}

// EvalTimeout is Eval bounded by d.
func EvalTimeout[T any](t *Tab, d time.Duration, expr string) (T, error) {
	ctx, cancel := context.WithTimeout(t.ctx, d)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		return v, fmt.Errorf("evaluate %.80q: %w", expr, err)
	}
	return v, nil
}

// JS quotes v as a JavaScript literal (JSON).
func JS(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("JS literal of %T: %v", v, err)) // only called with plain values
	}
	return string(b)
}

// SetFile hands the file at path to the file input found by selector, as
// choosing it in the file picker does (the input fires "change").
func (t *Tab) SetFile(selector, path string) error { return t.SetFiles(selector, path) }

// SetFiles hands the files at paths to the file input found by selector
// (one with the multiple attribute for more than one), all at once, as
// choosing them together in the file picker does: one "change" event.
func (t *Tab) SetFiles(selector string, paths ...string) error {
	obj, err := chromedp.Run(t.ctx, chromedp.Evaluate[*runtime.RemoteObject](
		"document.querySelector("+JS(selector)+")"))
	if err != nil {
		return fmt.Errorf("find %s: %w", selector, err)
	}
	if obj.ObjectID == "" {
		return fmt.Errorf("no element %s", selector)
	}
	defer func() {
		_, _ = chromedp.Call(t.ctx, runtime.ReleaseObject, runtime.ReleaseObjectParams{ObjectID: obj.ObjectID})
	}()
	if _, err := chromedp.Call(t.ctx, dom.SetFileInputFiles, dom.SetFileInputFilesParams{
		Files: paths, ObjectID: obj.ObjectID,
	}); err != nil {
		return fmt.Errorf("set %d files on %s: %w", len(paths), selector, err)
	}
	return nil
}

// Drag presses the left mouse button at (x1, y), moves to (x2, y) and
// releases it: a text selection made with the mouse.
func (t *Tab) Drag(x1, x2, y float64) error {
	err := chromedp.Do(t.ctx,
		chromedp.MouseEvent(chromedp.MouseMoved, x1, y),
		chromedp.MouseEvent(chromedp.MousePressed, x1, y, chromedp.ButtonLeft, chromedp.ClickCount(1)),
		chromedp.MouseEvent(chromedp.MouseMoved, (x1+x2)/2, y, chromedp.ButtonLeft),
		chromedp.MouseEvent(chromedp.MouseMoved, x2, y, chromedp.ButtonLeft),
		chromedp.MouseEvent(chromedp.MouseReleased, x2, y, chromedp.ButtonLeft, chromedp.ClickCount(1)),
	)
	if err != nil {
		return fmt.Errorf("drag from (%.0f, %.0f) to (%.0f, %.0f): %w", x1, y, x2, y, err)
	}
	return nil
}

// Click clicks the left mouse button at (x, y).
func (t *Tab) Click(x, y float64) error {
	if err := chromedp.Do(t.ctx, chromedp.MouseClickXY(x, y)); err != nil {
		return fmt.Errorf("click at (%.0f, %.0f): %w", x, y, err)
	}
	return nil
}

// Key presses and releases a key ("c").
func (t *Tab) Key(key string) error {
	if err := chromedp.Do(t.ctx, chromedp.KeyEvent(key)); err != nil {
		return fmt.Errorf("press %q: %w", key, err)
	}
	return nil
}

// EnableCPU turns on the renderer's metrics in thread time, so that
// MainThreadCPU reports CPU time rather than wall time.
func (t *Tab) EnableCPU() error {
	if _, err := chromedp.Call(t.ctx, performance.Enable, performance.EnableParams{
		TimeDomain: performance.EnableTimeDomainThreadTicks,
	}); err != nil {
		return fmt.Errorf("enable performance metrics: %w", err)
	}
	return nil
}

// MainThreadCPU is the CPU time the page's main thread has spent running
// tasks so far (the TaskDuration metric in thread time), in milliseconds.
// Unlike wall time it does not grow while other processes hold the CPU.
func (t *Tab) MainThreadCPU() (float64, error) {
	res, err := chromedp.Call(t.ctx, performance.GetMetrics, cdp.Empty{})
	if err != nil {
		return 0, fmt.Errorf("performance metrics: %w", err)
	}
	for _, m := range res.Metrics {
		if m.Name == "TaskDuration" {
			return m.Value * 1000, nil
		}
	}
	return 0, fmt.Errorf("no TaskDuration among the performance metrics")
}

// Memory is what the tab holds after a garbage collection.
type Memory struct {
	JSHeapUsed       float64 // V8 heap in use (Runtime.getHeapUsage usedSize)
	EmbedderHeapUsed float64 // Blink's garbage-collected heap in use: DOM nodes and the like
	DOMNodes         int64   // live DOM nodes of the renderer, text nodes included (Memory.getDOMCounters)
}

// Measure collects garbage, then reads the JS heap and the DOM counters.
func (t *Tab) Measure() (Memory, error) {
	if _, err := chromedp.Call(t.ctx, heapprofiler.CollectGarbage, cdp.Empty{}); err != nil {
		return Memory{}, fmt.Errorf("collect garbage: %w", err)
	}
	heap, err := chromedp.Call(t.ctx, runtime.GetHeapUsage, cdp.Empty{})
	if err != nil {
		return Memory{}, fmt.Errorf("heap usage: %w", err)
	}
	counters, err := chromedp.Call(t.ctx, memory.GetDOMCounters, cdp.Empty{})
	if err != nil {
		return Memory{}, fmt.Errorf("DOM counters: %w", err)
	}
	return Memory{JSHeapUsed: heap.UsedSize, EmbedderHeapUsed: heap.EmbedderHeapUsedSize, DOMNodes: counters.Nodes}, nil
}
