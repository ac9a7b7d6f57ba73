//go:build !js

package suite

import (
	"context"
	"fmt"

	"sayso/internal/bench/browser"
	"sayso/internal/bench/stats"
)

// documents opens the 1 MB and the 5 MB document Runs times each, each time
// in a fresh tab: it measures the render, then (1 MB only) memory, then
// adds annotations one by one, then (1 MB only) scrolls top to bottom.
func (s *Suite) documents(ctx context.Context) error {
	if err := s.warmUp(ctx); err != nil {
		return fmt.Errorf("warm-up: %w", err)
	}
	for _, d := range []*Doc{s.cfg.Medium, s.cfg.Large} {
		for run := range s.cfg.Runs {
			if err := s.session(ctx, d, run); err != nil {
				return fmt.Errorf("%s, run %d: %w", d.Label, run+1, err)
			}
		}
	}
	return nil
}

// warmUp opens the 1 MB document once, untimed, in the shared browser: the
// measured sessions then run with the app's compiled code cached, as for
// a returning user (the first load compiles the wasm with the baseline
// compiler and optimises it while it runs).
func (s *Suite) warmUp(ctx context.Context) error {
	t, err := s.openApp(ctx, browser.Hook{})
	if err != nil {
		return err
	}
	defer t.Close()
	m, err := importDoc(t, s.cfg.Medium)
	if err != nil {
		return err
	}
	s.logf("   warm-up: %s rendered in %.0f ms (not counted)", s.cfg.Medium.Label, m.T1-m.T0)
	return settle(t, settleMs)
}

func (s *Suite) session(ctx context.Context, d *Doc, run int) error {
	t, err := s.openApp(ctx, browser.Hook{})
	if err != nil {
		return err
	}
	defer t.Close()

	m, err := importDoc(t, d)
	if err != nil {
		return err
	}
	s.add("render."+d.Role, m.T1-m.T0)
	s.add("open."+d.Role, m.T1-m.ReadAt)
	s.add("render."+d.Role+".cpu", m.CPUMs)
	s.logf("   %s run %d: render %.0f ms (file read after %.0f ms, highlights seen after %.0f ms, %.0f ms in Go, main thread CPU %.0f ms)",
		d.Label, run+1, m.T1-m.T0, m.ReadAt-m.T0, m.TSeen-m.T0, m.GoMs, m.CPUMs)
	if err := settle(t, settleMs); err != nil {
		return err
	}

	if d.Role == "medium" {
		if err := s.memory(t); err != nil {
			return err
		}
	}

	var lat []float64
	paras := len(d.Corpus.Paragraphs)
	want := len(d.Corpus.Project.Annotations)
	adds := s.cfg.Adds[0]
	if d.Role == "large" {
		adds = s.cfg.Adds[1]
	}
	for k := range adds {
		want++
		// Spread over the document, a different stretch in every run.
		m, err := addClaim(t, 1+(k*(paras-2)/adds+run*37)%(paras-2), want)
		if err != nil {
			return fmt.Errorf("add %d: %w", k+1, err)
		}
		lat = append(lat, m.T1-m.T0)
		s.samples["add."+d.Role+".cpu"] = append(s.samples["add."+d.Role+".cpu"], m.CPUMs)
		s.logf("      add %d: shown after %.0f ms, painted after %.0f ms (%d frames, %.0f ms in Go, main thread CPU %.0f ms)",
			k+1, m.TSeen-m.T0, m.T1-m.T0, m.Frames, m.GoMs, m.CPUMs)
		if err := settle(t, settleMs); err != nil {
			return err
		}
	}
	s.samples["add."+d.Role] = append(s.samples["add."+d.Role], lat...)

	if d.Role == "medium" {
		return s.scroll(t, d, run)
	}
	return nil
}

// memory records the Go instance's linear memory, the JS heap after a
// garbage collection and the DOM's size.
func (s *Suite) memory(t *browser.Tab) error {
	mem, err := t.Measure()
	if err != nil {
		return err
	}
	page, err := browser.Eval[struct{ Wasm, Elements, JSHeap float64 }](t, "__bench.memory()")
	if err != nil {
		return err
	}
	if page.Wasm < 0 {
		return fmt.Errorf("the Go instance's memory was not found")
	}
	s.add("memory.wasm", page.Wasm)
	s.add("memory.jsheap", mem.JSHeapUsed)
	s.add("memory.nodes", float64(mem.DOMNodes))
	s.add("memory.elements", page.Elements)
	s.add("memory.blink", mem.EmbedderHeapUsed)
	s.logf("   memory: wasm %.1f MiB, JS heap %.1f MiB (performance.memory %.1f MiB), Blink heap %.1f MiB, %d DOM nodes, %.0f elements",
		page.Wasm/(1<<20), mem.JSHeapUsed/(1<<20), page.JSHeap/(1<<20), mem.EmbedderHeapUsed/(1<<20), mem.DOMNodes, page.Elements)
	return nil
}

// scrollResult is what hook.js's B.scroll returns.
type scrollResult struct {
	Deltas []float64
	Height float64
	Ms     float64
	Frames int
	Step   float64
	Bottom bool
}

// scroll scrolls the document top to bottom, ScrollStep pixels a frame.
func (s *Suite) scroll(t *browser.Tab, d *Doc, run int) error {
	r, err := browser.Eval[scrollResult](t, fmt.Sprintf("__bench.scroll(%d || innerHeight, %d)", s.cfg.ScrollStep, s.cfg.MaxFrames))
	if err != nil {
		return err
	}
	if len(r.Deltas) == 0 {
		return fmt.Errorf("scrolling produced no frames")
	}
	med, p95 := stats.Percentile(r.Deltas, 50), stats.Percentile(r.Deltas, 95)
	s.add("scroll."+d.Role+".median", med)
	s.add("scroll."+d.Role+".p95", p95)
	if !r.Bottom {
		note := fmt.Sprintf("stopped after %d frames, before the bottom", r.Frames)
		s.notes["scroll."+d.Role+".median"], s.notes["scroll."+d.Role+".p95"] = note, note
	}
	s.logf("   %s run %d: scroll %d frames of %.0f px over %.0f px in %.1f s: median %.1f ms, p95 %.1f ms",
		d.Label, run+1, r.Frames, r.Step, r.Height, r.Ms/1000, med, p95)
	return nil
}
