//go:build !js

package suite

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"sayso/internal/bench/browser"
	"sayso/internal/bench/corpus"
	"sayso/internal/format/native"
)

// The dataset of issue 14: 2,000 documents of about 5 KB with 20
// annotations each.
const (
	datasetDocs   = 2000
	datasetDocKB  = 5
	datasetPerDoc = 20
	// switchesPerRun are the documents shown one after the other in each
	// run (3 in a smoke run).
	switchesPerRun = 12
)

// switchDocuments opens the dataset Runs times, each in a fresh tab, lets
// autosave store it, opens the Documents panel and shows switchesPerRun
// documents spread over the list one after the other, each by scrolling
// the list to its row and clicking it (the list draws only the rows in
// view). Each switch is timed from the click to the painted frame that
// shows the document (its title, its text and its highlights), in
// frames and in milliseconds, with the main thread's CPU time.
func (s *Suite) switchDocuments(ctx context.Context) error {
	docs := datasetDocs
	if s.cfg.Smoke {
		docs = 200
	}
	data, err := native.Encode(corpus.Dataset(docs, datasetDocKB<<10, datasetPerDoc, "Bench"))
	if err != nil {
		return fmt.Errorf("encode the dataset: %w", err)
	}
	file := filepath.Join(s.cfg.Tmp, "dataset.sayso.json")
	if err := os.WriteFile(file, data, 0o644); err != nil {
		return fmt.Errorf("write the dataset: %w", err)
	}
	s.logf("   dataset: %d documents, %d annotations, %.1f MB", docs, docs*datasetPerDoc, float64(len(data))/1e6)
	for run := range s.cfg.Runs {
		if err := s.switchSession(ctx, file, docs, run); err != nil {
			return fmt.Errorf("dataset of %d documents, run %d: %w", docs, run+1, err)
		}
	}
	return nil
}

func (s *Suite) switchSession(ctx context.Context, file string, docs, run int) error {
	t, err := s.openApp(ctx, browser.Hook{})
	if err != nil {
		return err
	}
	defer t.Close()
	m, err := measure(t, armSpec{On: "change", Until: "frame", Pred: "shown", Title: corpus.DatasetTitle(1), TimeoutMs: 180_000}, func() error {
		return t.SetFile("#open-file-start", file)
	})
	if err != nil {
		return fmt.Errorf("open: %w", err)
	}
	s.add("switch.dataset.open", m.T1-m.T0)
	if _, err := browser.EvalTimeout[bool](t, 180*time.Second, SavedJS); err != nil {
		return fmt.Errorf("first save: %w", err)
	}
	if err := settle(t, 3000); err != nil {
		return err
	}
	open, err := measure(t, armSpec{On: "click", Until: "frame", Pred: "docs", TimeoutMs: 60_000}, func() error {
		return clickSelector(t, "#docs-button")
	})
	if err != nil {
		return fmt.Errorf("open the Documents panel: %w", err)
	}
	s.add("switch.dataset.panel", open.T1-open.T0)
	s.logf("   run %d: opened in %.0f ms, the Documents panel in %.0f ms (%d frames)", run+1, m.T1-m.T0, open.T1-open.T0, open.Frames)
	n := switchesPerRun
	if s.cfg.Smoke {
		n = 3
	}
	for k := range n {
		// Spread over the list, never the document shown, a different
		// stretch in every run.
		i := 1 + (k*(docs-1)/n+run*53+97)%(docs-1)
		if err := scrollDocsTo(t, i); err != nil {
			return fmt.Errorf("switch %d: %w", k+1, err)
		}
		sel := fmt.Sprintf(`#docs .doc-open[data-doc="d%d"]`, i+1)
		m, err := measure(t, armSpec{On: "click", Until: "frame", Pred: "shown", Title: corpus.DatasetTitle(i + 1), TimeoutMs: 60_000}, func() error {
			return clickSelector(t, sel)
		})
		if err != nil {
			return fmt.Errorf("switch %d to document %d: %w", k+1, i+1, err)
		}
		s.add("switch.dataset", m.T1-m.T0)
		s.add("switch.dataset.frames", float64(m.Frames))
		s.add("switch.dataset.cpu", m.CPUMs)
		s.logf("      switch %d to document %d: shown in frame %d, painted after %.1f ms (main thread CPU %.1f ms, %.1f ms in Go)",
			k+1, i+1, m.Frames, m.T1-m.T0, m.CPUMs, m.GoMs)
		if err := settle(t, settleMs); err != nil {
			return err
		}
	}
	return nil
}

// scrollDocsTo scrolls the Documents panel's list until the row of
// document i (from 0) is in its view and drawn.
func scrollDocsTo(t *browser.Tab, i int) error {
	js := fmt.Sprintf(`(async () => {
		const list = document.querySelector("#docs .doc-scroll");
		const row = document.querySelector("#docs .doc-row");
		if (!list || !row) return "no list";
		list.scrollTop = Math.max(0, %d * row.getBoundingClientRect().height - list.clientHeight / 2);
		const sel = '#docs .doc-open[data-doc="d%d"]';
		for (let f = 0; f < 600; f++) {
			await new Promise((r) => requestAnimationFrame(r));
			const b = document.querySelector(sel);
			if (!b) continue;
			const r = b.getBoundingClientRect(), l = list.getBoundingClientRect();
			if (r.top >= l.top && r.bottom <= l.bottom) return "";
			b.scrollIntoView({block: "center"});
		}
		return "the row was not drawn";
	})()`, i, i+1)
	msg, err := browser.EvalTimeout[string](t, 60*time.Second, js)
	if err != nil {
		return err
	}
	if msg != "" {
		return fmt.Errorf("scroll the list to document %d: %s", i+1, msg)
	}
	return settle(t, 100)
}

// clickSelector clicks the middle of the element sel names, with the
// mouse.
func clickSelector(t *browser.Tab, sel string) error {
	p, err := browser.Eval[*point](t, fmt.Sprintf(`(() => {
		const e = document.querySelector(%s);
		if (!e) return null;
		const r = e.getBoundingClientRect();
		return {x: r.left + r.width / 2, y: r.top + r.height / 2};
	})()`, browser.JS(sel)))
	if err != nil {
		return err
	}
	if p == nil {
		return fmt.Errorf("no %s on the page", sel)
	}
	return t.Click(p.X, p.Y)
}
