//go:build !js

// Package chrometrace records a Chrome trace of a benchmark's tab (CDP
// Tracing) and sums the renderer main thread's events by self thread time,
// so that style, layout, paint and hit tests show beside the script; it
// can also write the main thread's events as JSON, for a timeline.
package chrometrace

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"sync"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"

	"sayso/internal/bench/browser"
	"sayso/internal/bench/cpuprofile"
)

// Event is one Chrome trace event (the fields read here).
type Event struct {
	Name string          `json:"name"`
	Ph   string          `json:"ph"`
	Ts   float64         `json:"ts"`
	Dur  float64         `json:"dur"`
	TDur float64         `json:"tdur"`
	Pid  int             `json:"pid"`
	Tid  int             `json:"tid"`
	Args json.RawMessage `json:"args"`
}

// Tracer collects a Chrome trace of a tab.
type Tracer struct {
	mu     sync.Mutex
	events []Event
	done   chan struct{}
}

// Start starts tracing t: the timeline, Blink, V8, toplevel, cc and gpu
// categories.
func Start(t *browser.Tab) (*Tracer, error) {
	tr := &Tracer{done: make(chan struct{})}
	if err := chromedp.Listen(t.Context(), func(ev any) {
		switch ev := ev.(type) {
		case *tracing.EventDataCollected:
			tr.mu.Lock()
			for _, v := range ev.Value {
				var e Event
				if json.Unmarshal(v, &e) == nil {
					tr.events = append(tr.events, e)
				}
			}
			tr.mu.Unlock()
		case *tracing.EventTracingComplete:
			close(tr.done)
		}
	}); err != nil {
		return nil, err
	}
	_, err := chromedp.Call(t.Context(), tracing.Start, tracing.StartParams{
		TransferMode: tracing.StartTransferModeReportEvents,
		TraceConfig: &tracing.TraceConfig{IncludedCategories: []string{
			"devtools.timeline", "disabled-by-default-devtools.timeline", "blink", "v8", "toplevel", "cc", "gpu",
		}},
	})
	return tr, err
}

// Stop ends the trace and adds each event name's self thread time on the
// renderer's main thread (ms) to self. With dump set, the main thread's
// complete events are also written there as JSON, for a timeline.
func (tr *Tracer) Stop(t *browser.Tab, self map[string]float64, dump string) error {
	if _, err := chromedp.Call(t.Context(), tracing.End, cdp.Empty{}); err != nil {
		return err
	}
	<-tr.done
	tr.mu.Lock()
	defer tr.mu.Unlock()
	type thread struct{ pid, tid int }
	main := map[thread]bool{}
	for _, e := range tr.events {
		if e.Ph == "M" && e.Name == "thread_name" {
			var a struct{ Name string }
			if json.Unmarshal(e.Args, &a) == nil && a.Name == "CrRendererMain" {
				main[thread{e.Pid, e.Tid}] = true
			}
		}
	}
	var xs []Event
	for _, e := range tr.events {
		if e.Ph == "X" && main[thread{e.Pid, e.Tid}] {
			xs = append(xs, e)
		}
	}
	sort.SliceStable(xs, func(i, j int) bool {
		if xs[i].Ts != xs[j].Ts {
			return xs[i].Ts < xs[j].Ts
		}
		return xs[i].Dur > xs[j].Dur
	})
	if dump != "" {
		b, err := json.Marshal(xs)
		if err != nil {
			return fmt.Errorf("dump the trace: %w", err)
		}
		if err := os.WriteFile(dump, b, 0o644); err != nil {
			return fmt.Errorf("dump the trace: %w", err)
		}
	}
	// Self time: an event's thread time less its children's.
	type open struct {
		end  float64
		name string
		th   thread
	}
	var stack []open
	for _, e := range xs {
		th := thread{e.Pid, e.Tid}
		for len(stack) > 0 && (stack[len(stack)-1].end <= e.Ts || stack[len(stack)-1].th != th) {
			stack = stack[:len(stack)-1]
		}
		d := e.TDur
		if d == 0 {
			d = e.Dur
		}
		self[e.Name] += d / 1000
		if len(stack) > 0 {
			self[stack[len(stack)-1].name] -= d / 1000
		}
		stack = append(stack, open{end: e.Ts + e.Dur, name: e.Name, th: th})
	}
	return nil
}

// DumpPath is where run's events go with the dump prefix given (a
// command's -dump flag): PREFIX-RUN.json, or "" (no dump) without one.
func DumpPath(prefix string, run int) string {
	if prefix == "" {
		return ""
	}
	return fmt.Sprintf("%s-%d.json", prefix, run)
}

// Print prints the events with the most self thread time of runs.
func Print(self map[string]float64, runs int) {
	cpuprofile.PrintTop(os.Stdout, "renderer main thread, trace events by self thread time", self, runs, 30)
}
