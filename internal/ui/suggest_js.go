//go:build js && wasm

package ui

import (
	"encoding/binary"
	"strings"
	"syscall/js"

	"sayso/internal/app"
	"sayso/internal/ui/jsutil"
)

// suggestions redraws the suggestions' highlights when they changed (or
// everything was drawn anew): the old ones go, the shown ones are drawn.
func (h *highlighter) suggestions(st *app.State, all bool) {
	rev := st.SuggestRevision()
	if rev == h.sgRev && !all {
		return
	}
	h.sgRev = rev
	if h.sgIDs != "" {
		h.api.Call("remove", h.sgIDs)
	}
	ids, packed := app.SuggestionRanges(st)
	h.sgIDs = ids
	if len(packed) == 0 {
		return
	}
	buf := make([]byte, 4*len(packed))
	for i, v := range packed {
		binary.LittleEndian.PutUint32(buf[4*i:], uint32(v))
	}
	h.api.Call("set", ids, js.Global().Get("Int32Array").New(jsutil.Uint8Array(buf).Get("buffer")))
	if !strings.Contains(ids, "gcur") {
		return
	}
	// Bring the current suggestion into view when it is off screen.
	h.api.Call("reveal", "gcur")
}

// suggestLater sends SuggestMore when the page is idle, so that typing
// and clicking go first while a long article is searched.
func (u *UI) suggestLater() {
	if u.suggestFunc.IsUndefined() {
		u.suggestFunc = js.FuncOf(func(js.Value, []js.Value) any {
			u.dispatch(app.SuggestMore{})
			return nil
		})
		u.funcs = append(u.funcs, u.suggestFunc)
	}
	w := js.Global()
	if ric := w.Get("requestIdleCallback"); ric.Type() == js.TypeFunction {
		opts := js.Global().Get("Object").New()
		opts.Set("timeout", 100)
		w.Call("requestIdleCallback", u.suggestFunc, opts)
		return
	}
	w.Call("setTimeout", u.suggestFunc, 0)
}

// warmMinIdle is the least idle time, in milliseconds, a step of warming
// Suggest starts in: a shorter idle period (the page busy drawing or
// typed into) is left alone and the step waits for the next.
const warmMinIdle = 10

// warmSuggestLater sends WarmSuggest when the page is idle, with no
// time-out: warming only ever uses time nothing else wants.
func (u *UI) warmSuggestLater() {
	ric := js.Global().Get("requestIdleCallback")
	if ric.Type() != js.TypeFunction {
		return // no idle callbacks: Suggest warms itself on first use
	}
	if u.warmFunc.IsUndefined() {
		u.warmFunc = js.FuncOf(func(_ js.Value, args []js.Value) any {
			if len(args) > 0 && args[0].Get("timeRemaining").Type() == js.TypeFunction &&
				args[0].Call("timeRemaining").Float() < warmMinIdle {
				js.Global().Call("requestIdleCallback", u.warmFunc)
				return nil
			}
			u.dispatch(app.WarmSuggest{})
			return nil
		})
		u.funcs = append(u.funcs, u.warmFunc)
	}
	ric.Invoke(u.warmFunc)
}

// warmSuggest applies WarmSuggest, which draws nothing, without a redraw.
// For the benchmark, each step is marked (User Timing sayso:suggest-warm)
// and the end of warming too (sayso:suggest-warmed).
func (u *UI) warmSuggest() {
	perf := js.Global().Get("performance")
	start := perf.Call("now")
	more := false
	for _, e := range app.Step(u.st, app.WarmSuggest{}).Effects {
		_, later := e.(app.WarmSuggestLater)
		more = more || later
		u.run(e)
	}
	perf.Call("measure", "sayso:suggest-warm", map[string]any{"start": start, "end": perf.Call("now")})
	if !more {
		perf.Call("mark", "sayso:suggest-warmed")
	}
}

// suggestMark times a slice of Suggest for the benchmark (User Timing):
// sayso:suggest-find the state's step (the finder's work), and
// sayso:suggest-draw the rest of the dispatch (the redraw).
type suggestMark struct{ perf, start, step js.Value }

// markSuggest starts timing the dispatch of a, nil unless a is Suggest or
// SuggestMore.
func markSuggest(a app.Action) *suggestMark {
	switch a.(type) {
	case app.Suggest, app.SuggestMore:
	default:
		return nil
	}
	perf := js.Global().Get("performance")
	return &suggestMark{perf: perf, start: perf.Call("now")}
}

// stepped marks the end of the state's step.
func (m *suggestMark) stepped() {
	if m != nil {
		m.step = m.perf.Call("now")
		m.perf.Call("measure", "sayso:suggest-find", map[string]any{"start": m.start, "end": m.step})
	}
}

// done marks the end of the dispatch.
func (m *suggestMark) done() {
	if m != nil {
		m.perf.Call("measure", "sayso:suggest-draw", map[string]any{"start": m.step, "end": m.perf.Call("now")})
	}
}
