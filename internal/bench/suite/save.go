//go:build !js

package suite

import (
	"context"
	"fmt"
	"time"

	"sayso/internal/bench/browser"
)

// savedJS resolves once the autosave indicator says Saved.
const savedJS = `new Promise((resolve) => {
	const check = () => document.getElementById("save-status").textContent.startsWith("Saved") ? resolve(true) : setTimeout(check, 20);
	check();
})`

// saveCost opens the largest document Runs times (the 1 MB one in a
// smoke run) and, for each of Adds[1]+2 spaced adds, sums the time spent
// in Go from the frame painting the claim until the save completed and
// the page settled: the main-thread cost of saving one change.
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
	return nil
}

func (s *Suite) saveSession(ctx context.Context, d *Doc, run int) error {
	t, err := s.openApp(ctx, browser.Hook{})
	if err != nil {
		return err
	}
	defer t.Close()
	if _, err := importDoc(t, d); err != nil {
		return err
	}
	// The whole project is written once, then folded in when idle.
	if _, err := browser.EvalTimeout[bool](t, 180*time.Second, savedJS); err != nil {
		return fmt.Errorf("first save: %w", err)
	}
	if err := settle(t, 3000); err != nil {
		return err
	}
	n := s.cfg.Adds[1] + 2
	want := len(d.Corpus.Project.Annotations)
	for k := range n {
		para, skip := AddTarget(k, n, run, len(d.Corpus.Paragraphs))
		want++
		m, err := addClaimAt(t, para, skip, want, true)
		if err != nil {
			return fmt.Errorf("add %d: %w", k+1, err)
		}
		if _, err := browser.EvalTimeout[bool](t, 60*time.Second, savedJS); err != nil {
			return fmt.Errorf("add %d: save: %w", k+1, err)
		}
		if err := settle(t, settleMs); err != nil {
			return err
		}
		ms, err := browser.Eval[float64](t, fmt.Sprintf(`performance.getEntriesByName("sayso:save").filter(e => e.startTime >= %f).reduce((s, e) => s + e.duration, 0)`, m.T1))
		if err != nil {
			return err
		}
		s.add("save.large", ms)
		s.logf("      add %d: saving took %.2f ms of Go on the main thread", k+1, ms)
	}
	return nil
}
