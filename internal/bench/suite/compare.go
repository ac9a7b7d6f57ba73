//go:build !js

package suite

import (
	"context"
	"fmt"
	"time"

	"sayso/internal/bench/browser"
)

// compareClass opens the compare view (the toolbar's Compare button) and
// hands it the class's exports and key at once, as a teacher choosing them
// together in the file picker does, Runs times in fresh tabs after one
// untimed warm-up; it times the input's change event to the painted frame
// in which the score table has a row for every student.
func (s *Suite) compareClass(ctx context.Context) error {
	c := s.cfg.Class
	s.notes["compare.class"] = c.note()
	m, err := s.compareOnce(ctx, c)
	if err != nil {
		return fmt.Errorf("warm-up: %w", err)
	}
	s.logf("   warm-up: %s compared in %.0f ms (not counted)", c.Label, m.T1-m.T0)
	for run := range s.cfg.Runs {
		m, err := s.compareOnce(ctx, c)
		if err != nil {
			return fmt.Errorf("run %d: %w", run+1, err)
		}
		s.add("compare.class", m.T1-m.T0)
		s.add("compare.class.open", m.T1-m.ReadAt)
		s.add("compare.class.cpu", m.CPUMs)
		s.logf("   %s run %d: %.0f ms (last file read after %.0f ms, score table seen after %.0f ms, %d frames, %.0f ms in Go, main thread CPU %.0f ms)",
			c.Label, run+1, m.T1-m.T0, m.ReadAt-m.T0, m.TSeen-m.T0, m.Frames, m.GoMs, m.CPUMs)
	}
	return nil
}

// compareOnce opens the app in a fresh tab, clicks Compare, sets every
// file of the class on the compare view's file input and waits for the
// painted score table; it checks that every file was read and counted.
func (s *Suite) compareOnce(ctx context.Context, c *ClassDoc) (measurement, error) {
	t, err := s.openApp(ctx, browser.Hook{})
	if err != nil {
		return measurement{}, err
	}
	defer t.Close()
	b, err := browser.Eval[point](t, `(() => { const r = document.getElementById("compare-button").getBoundingClientRect();
		return {x: r.left + r.width / 2, y: r.top + r.height / 2}; })()`)
	if err != nil {
		return measurement{}, err
	}
	if err := t.Click(b.X, b.Y); err != nil {
		return measurement{}, err
	}
	if _, err := browser.EvalTimeout[bool](t, 30*time.Second, `new Promise((resolve) => {
		const check = () => {
			const view = document.getElementById("compare");
			if (view && !view.hidden && document.getElementById("compare-files")) resolve(true);
			else requestAnimationFrame(check);
		};
		check();
	})`); err != nil {
		return measurement{}, fmt.Errorf("open the compare view: %w", err)
	}
	if err := settle(t, 50); err != nil {
		return measurement{}, err
	}
	students := len(c.Files) - 1
	m, err := measure(t, armSpec{On: "change", Until: "frame", Pred: "compare", Rows: students, TimeoutMs: 120_000},
		func() error { return t.SetFiles("#compare-files", c.Files...) })
	if err != nil {
		return m, fmt.Errorf("compare %s: %w", c.Label, err)
	}
	got, err := browser.Eval[struct{ Rows, Files, Flagged int }](t, `({
		rows: document.querySelectorAll("#compare table.scores tbody tr").length,
		files: document.querySelectorAll("#compare table.files tbody tr").length,
		flagged: document.querySelectorAll("#compare table.files .flag").length})`)
	if err != nil {
		return m, err
	}
	if got.Rows != students || got.Files != len(c.Files) || got.Flagged != 0 {
		msg, _ := browser.Eval[string](t, "__bench.message()")
		return m, fmt.Errorf("compare %s: %d score rows, %d files listed, %d flagged; want %d, %d and 0 (message: %q)",
			c.Label, got.Rows, got.Files, got.Flagged, students, len(c.Files), msg)
	}
	return m, nil
}

// note says what exactly was compared.
func (c *ClassDoc) note() string {
	var anns, size int
	for _, f := range c.Class.Students {
		anns += len(f.Project.Annotations)
	}
	for _, f := range c.Class.Files() {
		size += len(f.Native)
	}
	return fmt.Sprintf("%d words, %d annotations in the key, %.0f in an export on average, %.1f MB of JSON in all",
		c.Class.Words, len(c.Class.Key.Project.Annotations), float64(anns)/float64(max(len(c.Class.Students), 1)), float64(size)/1e6)
}
