//go:build !js

// Package cpuprofile samples a browser tab's main thread through the
// debugging protocol (CDP Profiler) and sums the profiles of several runs
// into the functions that took the most time: the tracing commands'
// (opentrace, reloadtrace) view of where an action's time goes.
package cpuprofile

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// samplingInterval is the profiler's sampling interval, in microseconds.
const samplingInterval = 100

// Start starts sampling the main thread of the tab of ctx.
func Start(ctx context.Context) error {
	if _, err := chromedp.Call(ctx, profiler.Enable, cdp.Empty{}); err != nil {
		return fmt.Errorf("enable the profiler: %w", err)
	}
	if _, err := chromedp.Call(ctx, profiler.SetSamplingInterval, profiler.SetSamplingIntervalParams{Interval: samplingInterval}); err != nil {
		return fmt.Errorf("set the profiler's interval: %w", err)
	}
	if _, err := chromedp.Call(ctx, profiler.Start, cdp.Empty{}); err != nil {
		return fmt.Errorf("start the profiler: %w", err)
	}
	return nil
}

// Stop stops sampling and returns the profile.
func Stop(ctx context.Context) (*profiler.Profile, error) {
	res, err := chromedp.Call(ctx, profiler.Stop, cdp.Empty{})
	if err != nil {
		return nil, fmt.Errorf("stop the profiler: %w", err)
	}
	return res.Profile, nil
}

// Write writes p to path in Chromium DevTools' .cpuprofile format.
func Write(path string, p *profiler.Profile) error {
	j, err := json.Marshal(p)
	if err != nil {
		return fmt.Errorf("encode the profile: %w", err)
	}
	if err := os.WriteFile(path, j, 0o644); err != nil {
		return fmt.Errorf("write the profile: %w", err)
	}
	return nil
}

// Times sums profiles: each function's self time (keyed with its line,
// so that two closures of one file stay apart) and its total time, the
// time it was on the stack, counted once per sample however deep it
// recurses. The zero value is ready to use.
type Times struct {
	Self, Total map[string]float64 // milliseconds, summed over the runs
	Runs        int
}

// Add adds one run's profile.
func (t *Times) Add(p *profiler.Profile) {
	if t.Self == nil {
		t.Self, t.Total = map[string]float64{}, map[string]float64{}
	}
	t.Runs++
	at, fn := map[int64]string{}, map[int64]string{}
	parent := map[int64]int64{}
	for _, n := range p.Nodes {
		id := int64(n.ID)
		at[id], fn[id] = names(n.CallFrame)
		for _, c := range n.Children {
			parent[int64(c)] = id
		}
	}
	for i, id := range p.Samples {
		if i >= len(p.TimeDeltas) {
			break
		}
		ms := float64(p.TimeDeltas[i]) / 1000
		t.Self[at[id]] += ms
		seen := map[string]bool{}
		for n := id; n != 0; n = parent[n] {
			if k := fn[n]; !seen[k] {
				seen[k] = true
				t.Total[k] += ms
			}
		}
	}
}

// names are a frame's function with its file and line, and with its file.
func names(cf *runtime.CallFrame) (withLine, function string) {
	name := cf.FunctionName
	if name == "" {
		name = "(anonymous)"
	}
	file := filepath.Base(cf.URL)
	return fmt.Sprintf("%s (%s:%d)", name, file, cf.LineNumber), fmt.Sprintf("%s (%s)", name, file)
}

// Print writes the top functions by self time, then by total time, per
// run.
func (t *Times) Print(w io.Writer, top int) {
	PrintTop(w, "self time", t.Self, t.Runs, top)
	PrintTop(w, "total time (self and callees)", t.Total, t.Runs, top)
}

// PrintTop writes the top names of times (milliseconds summed over runs)
// by their time per run, under the heading what.
func PrintTop(w io.Writer, what string, times map[string]float64, runs, top int) {
	fns := make([]string, 0, len(times))
	for k := range times {
		fns = append(fns, k)
	}
	slices.SortFunc(fns, func(a, b string) int { return cmp.Or(cmp.Compare(times[b], times[a]), cmp.Compare(a, b)) })
	fmt.Fprintf(w, "%s, per run (%d runs):\n", what, runs)
	for _, f := range fns[:min(top, len(fns))] {
		fmt.Fprintf(w, "   %8.2f ms  %s\n", times[f]/float64(max(runs, 1)), f)
	}
}
