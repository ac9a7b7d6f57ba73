//go:build !js

package suite

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"

	"sayso/internal/bench/browser"
)

// The save and document-switch steps need the main thread's time of a
// few tasks, in CPU time as well as wall time: a User Timing mark gives
// wall time only, which grows while other processes hold the CPU. The
// browser's own trace (CDP Tracing, category "toplevel") gives each task
// the page's main thread ran with its wall time (dur) and its thread
// time (tdur); the app's User Timing measures (category
// "blink.user_timing") say which task was which.

// traceEvent is one event of a Chromium trace (the JSON trace format).
type traceEvent struct {
	Name string          `json:"name"`
	Cat  string          `json:"cat"`
	Ph   string          `json:"ph"`
	Ts   float64         `json:"ts"`   // µs
	Dur  float64         `json:"dur"`  // µs, complete events (ph X)
	Tdur float64         `json:"tdur"` // µs of thread time, complete events
	Pid  int             `json:"pid"`
	Tid  int             `json:"tid"`
	ID   json.RawMessage `json:"id"`
	ID2  struct {
		Local json.RawMessage `json:"local"`
	} `json:"id2"`
}

// task is one task a thread ran: when it started, its wall and CPU time.
type task struct {
	Pid, Tid    int
	Start, Wall float64 // µs on the trace clock
	CPU         float64 // µs of thread time
}

// span is a User Timing measure: its name and where it lies on the trace
// clock, and the thread that made it.
type span struct {
	Name       string
	Pid, Tid   int
	Start, End float64 // µs
}

// taskTrace is what the trace recorded: every top-level task, and the
// app's User Timing measures.
type taskTrace struct {
	tasks []task
	spans []span
}

// traceTasks records the browser's trace while do runs.
func traceTasks(t *browser.Tab, do func() error) (*taskTrace, error) {
	ctx := t.Context()
	var raw []traceEvent
	var decodeErr error
	done := make(chan struct{})
	lctx, stop := context.WithCancel(ctx)
	defer stop()
	if err := chromedp.Listen(lctx, func(ev any) {
		switch ev := ev.(type) {
		case *tracing.EventDataCollected:
			for _, v := range ev.Value {
				var e traceEvent
				if err := json.Unmarshal(v, &e); err != nil {
					decodeErr = fmt.Errorf("a trace event: %w", err)
					continue
				}
				if e.Cat == "toplevel" || e.Cat == "blink.user_timing" {
					raw = append(raw, e)
				}
			}
		case *tracing.EventTracingComplete:
			close(done)
		}
	}); err != nil {
		return nil, fmt.Errorf("listen to the trace: %w", err)
	}
	if _, err := chromedp.Call(ctx, tracing.Start, tracing.StartParams{
		TransferMode: tracing.StartTransferModeReportEvents,
		TraceConfig: &tracing.TraceConfig{
			RecordMode:         tracing.TraceConfigRecordModeRecordUntilFull,
			IncludedCategories: []string{"toplevel", "blink.user_timing"},
			ExcludedCategories: []string{"*"},
		},
	}); err != nil {
		return nil, fmt.Errorf("start tracing: %w", err)
	}
	runErr := do()
	if _, err := chromedp.Call(ctx, tracing.End, cdp.Empty{}); err != nil {
		return nil, fmt.Errorf("end tracing: %w", err)
	}
	select {
	case <-done:
	case <-time.After(60 * time.Second):
		return nil, fmt.Errorf("the trace did not complete within 60 s")
	}
	if runErr != nil {
		return nil, runErr
	}
	if decodeErr != nil {
		return nil, decodeErr
	}
	return parseTrace(raw), nil
}

// parseTrace keeps the complete top-level tasks and pairs the begin and
// end events of the User Timing measures. Chromium gives every measure of
// a name the same id and writes a measure's begin and end one after the
// other when performance.measure is called, so they are paired in the
// order the trace delivered them, not by time: one measure may start
// inside another. A measure of no length (performance.now() ticks in
// 0.1 ms here) is one async instant event (ph "n") instead.
func parseTrace(raw []traceEvent) *taskTrace {
	tr := &taskTrace{}
	open := map[string]traceEvent{}
	for _, e := range raw {
		if e.Cat != "blink.user_timing" {
			continue
		}
		id := string(e.ID)
		if id == "" {
			id = string(e.ID2.Local)
		}
		key := e.Name + "|" + id
		switch e.Ph {
		case "b":
			open[key] = e
		case "e":
			if b, ok := open[key]; ok {
				delete(open, key)
				tr.spans = append(tr.spans, span{Name: e.Name, Pid: b.Pid, Tid: b.Tid, Start: b.Ts, End: e.Ts})
			}
		case "n":
			// A measure of no length is one instant event.
			tr.spans = append(tr.spans, span{Name: e.Name, Pid: e.Pid, Tid: e.Tid, Start: e.Ts, End: e.Ts})
		}
	}
	begun := map[[2]int][]traceEvent{} // toplevel B events open, by thread
	sort.SliceStable(raw, func(i, j int) bool { return raw[i].Ts < raw[j].Ts })
	for _, e := range raw {
		th := [2]int{e.Pid, e.Tid}
		switch {
		case e.Cat == "toplevel" && e.Ph == "X":
			tr.tasks = append(tr.tasks, task{Pid: e.Pid, Tid: e.Tid, Start: e.Ts, Wall: e.Dur, CPU: e.Tdur})
		case e.Cat == "toplevel" && e.Ph == "B":
			begun[th] = append(begun[th], e)
		case e.Cat == "toplevel" && e.Ph == "E" && len(begun[th]) > 0:
			b := begun[th][len(begun[th])-1]
			begun[th] = begun[th][:len(begun[th])-1]
			tr.tasks = append(tr.tasks, task{Pid: e.Pid, Tid: e.Tid, Start: b.Ts, Wall: e.Ts - b.Ts, CPU: -1})
		}
	}
	sort.SliceStable(tr.spans, func(i, j int) bool { return tr.spans[i].Start < tr.spans[j].Start })
	return tr
}

// measures are the measures named name, in order.
func (tr *taskTrace) measures(name string) []span {
	var out []span
	for _, s := range tr.spans {
		if s.Name == name {
			out = append(out, s)
		}
	}
	return out
}

// taskOf is the shortest top-level task of the measure's thread that
// holds the whole measure: the task the measured code ran in.
func (tr *taskTrace) taskOf(s span) (task, bool) {
	var best task
	found := false
	for _, k := range tr.tasks {
		if k.Pid != s.Pid || k.Tid != s.Tid || k.Start > s.Start || k.Start+k.Wall < s.End {
			continue
		}
		if !found || k.Wall < best.Wall {
			best, found = k, true
		}
	}
	return best, found
}

// between are the tasks of thread (pid, tid) that started in [from, to).
func (tr *taskTrace) between(pid, tid int, from, to float64) []task {
	var out []task
	for _, k := range tr.tasks {
		if k.Pid == pid && k.Tid == tid && k.Start >= from && k.Start < to {
			out = append(out, k)
		}
	}
	return out
}
