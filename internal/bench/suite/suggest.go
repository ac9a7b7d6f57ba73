//go:build !js

package suite

import (
	"context"
	"fmt"
	"time"

	"sayso/internal/bench/browser"
)

// The Suggest step (issue 16): the g key on the 3 KB article pasted at
// time to interactive and on the 1 MB document's text, each run in a fresh
// tab. The issue asks for ≤ 20 ms on 3 KB and ≤ 1 s on 1 MB "without
// blocking input": the page works in idle slices, so beside the total it
// records how long the main thread was held at a stretch while Suggest
// ran, the longest wait any input could have had.

// suggestArm is evaluated in the page before g is pressed: it notes when
// the keydown of g arrives (capture phase, before the app sees it), runs
// a heartbeat of 4 ms timers whose lateness is how long a task held the
// main thread, and watches the browser's long tasks (≥ 50 ms).
const suggestArm = `(() => {
	const S = window.__suggestBench = {t0: 0, lag: 0, longTask: 0, beats: 0, stop: false};
	addEventListener("keydown", e => { if (e.key === "g" && !S.t0) S.t0 = performance.now(); }, {capture: true, once: true});
	try {
		new PerformanceObserver(list => {
			for (const e of list.getEntries()) S.longTask = Math.max(S.longTask, e.duration);
		}).observe({type: "longtask"});
	} catch (_) { S.longTask = -1; }
	let due = performance.now() + 4;
	const beat = () => {
		const now = performance.now();
		S.lag = Math.max(S.lag, now - due);
		S.beats++;
		if (S.stop) return;
		due = now + 4;
		setTimeout(beat, 4);
	};
	setTimeout(beat, 4);
	return true;
})()`

// suggestDone resolves once the Suggestions group shows its count (the
// search finished and its result drawn) in a painted frame, with the
// figures of the run.
const suggestDone = `new Promise((resolve, reject) => {
	const S = window.__suggestBench, deadline = performance.now() + 120000;
	const done = () => {
		const count = document.querySelector("#sidebar .group.suggestions .count");
		return count ? count.textContent : null;
	};
	const frame = () => {
		const found = done();
		if (found !== null && S.t0) {
			requestAnimationFrame(() => requestAnimationFrame(t => {
				S.stop = true;
				resolve({total: t - S.t0, lag: S.lag, longTask: S.longTask, beats: S.beats, found});
			}));
			return;
		}
		if (performance.now() > deadline) { reject(new Error("Suggest did not finish within 120 s")); return; }
		requestAnimationFrame(frame);
	};
	requestAnimationFrame(frame);
})`

// suggestRun is what one run measured.
type suggestRun struct {
	Total    float64 // keydown of g → the second frame after the result is drawn
	Lag      float64 // the latest a 4 ms heartbeat timer fired: the longest block of the main thread
	LongTask float64 // the longest long task the browser reported (0: none ≥ 50 ms; -1: not supported)
	Beats    int
	Found    string  // the group's count, "12 suggestions, not annotations yet"
	CPU      float64 // main-thread CPU time from arming to the result (thread time)
}

// suggestions runs Suggest Runs times on each of the two texts.
func (s *Suite) suggestions(ctx context.Context) error {
	if s.cfg.Paste == "" || s.cfg.Medium == nil {
		return fmt.Errorf("the suggest step needs the pasted article and the 1 MB document")
	}
	for _, d := range []struct{ role, label, text string }{
		{"small", "3 KB article", s.cfg.Paste},
		{"medium", s.cfg.Medium.Label + " (its text)", s.cfg.Medium.Corpus.Text},
	} {
		for run := range s.cfg.Runs {
			r, err := s.suggestOnce(ctx, d.text)
			if err != nil {
				return fmt.Errorf("%s, run %d: %w", d.label, run+1, err)
			}
			s.add("suggest."+d.role, r.Total)
			s.add("suggest."+d.role+".block", r.Lag)
			s.add("suggest."+d.role+".longtask", r.LongTask)
			s.add("suggest."+d.role+".cpu", r.CPU)
			s.logf("   %s run %d: Suggest done after %.0f ms, main-thread CPU %.0f ms (%s); main thread held at most %.0f ms at a stretch (%d heartbeats); longest long task %.0f ms",
				d.label, run+1, r.Total, r.CPU, r.Found, r.Lag, r.Beats, r.LongTask)
		}
	}
	return nil
}

// suggestOnce pastes text in a fresh tab, presses g and waits for the
// suggestions.
func (s *Suite) suggestOnce(ctx context.Context, text string) (suggestRun, error) {
	t, err := s.openApp(ctx, browser.Hook{PasteAtReady: true, PasteText: text})
	if err != nil {
		return suggestRun{}, err
	}
	defer t.Close()
	if err := settle(t, settleMs); err != nil {
		return suggestRun{}, err
	}
	cpu0, err := t.MainThreadCPU()
	if err != nil {
		return suggestRun{}, err
	}
	if _, err := browser.Eval[bool](t, suggestArm); err != nil {
		return suggestRun{}, fmt.Errorf("arm: %w", err)
	}
	if err := t.Key("g"); err != nil {
		return suggestRun{}, err
	}
	r, err := browser.EvalTimeout[suggestRun](t, 130*time.Second, suggestDone)
	if err != nil {
		return r, fmt.Errorf("wait for the suggestions: %w", err)
	}
	cpu1, err := t.MainThreadCPU()
	if err != nil {
		return r, err
	}
	r.CPU = cpu1 - cpu0
	return r, nil
}
