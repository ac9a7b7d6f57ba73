//go:build js && wasm

package ui

import (
	"encoding/binary"
	"syscall/js"
	"time"

	"honnef.co/go/js/dom/v2"

	"sayso/internal/app"
	"sayso/internal/app/view"
	"sayso/internal/ui/jsutil"
)

// Suggestions near the view are drawn with the redraw; the rest follow in
// idle time, sgChunk at a time, so that the slice that ends Suggest (or
// an accept, a reject, n on a long article) draws a few hundred, not
// every one of thousands. sgBefore and sgAfter are how many suggestions
// before and after the top of the view (and the current one) the redraw
// draws: more than a viewport's height of text either way, the margin
// web/highlight.js keeps drawn around the view.
const (
	sgBefore = 100
	sgAfter  = 200
	sgChunk  = 1000
)

// sgDrawing is the drawing of the suggestions of one revision.
type sgDrawing struct {
	gen  int // changes at every redraw: a later chunk of an older one stops
	list []app.Suggested
	cur  int
	left [][2]int // [from, to) of list not drawn yet
	st   *app.State
	more js.Func // the idle callback that draws the next chunk
}

// suggestions redraws the suggestions' highlights when they changed (or
// everything was drawn anew): the old ones go, those near the view and
// near the current one are drawn, and the rest in idle time (moreLater).
func (h *highlighter) suggestions(st *app.State, all bool) {
	rev := st.SuggestRevision()
	if rev == h.sgRev && !all {
		return
	}
	h.sgRev = rev
	if h.sgIDs != "" {
		h.api.Call("remove", h.sgIDs)
		h.sgIDs = ""
	}
	d := &h.sg
	d.gen++
	d.list, d.cur = st.Suggestions()
	d.st, d.left = st, nil
	n := len(d.list)
	if n == 0 {
		return
	}
	// The windows drawn now, around the current suggestion (revealed
	// below) and around the top of the view, merged when they overlap.
	var near [][2]int
	if n <= sgBefore+sgAfter {
		near = [][2]int{{0, n}}
	} else {
		at := []int{max(d.cur, 0)}
		if top := h.api.Call("top").Int(); top >= 0 {
			at = append(at, app.SuggestionAt(d.list, top))
		}
		for _, k := range at {
			near = append(near, [2]int{max(k-sgBefore, 0), min(k+sgAfter, n)})
		}
		if len(near) == 2 && near[1][0] < near[0][0] {
			near[0], near[1] = near[1], near[0]
		}
		if len(near) == 2 && near[1][0] <= near[0][1] {
			near = [][2]int{{near[0][0], max(near[0][1], near[1][1])}}
		}
	}
	for i, w := range near {
		h.drawSuggestions(w[0], w[1], i == 0)
	}
	from := 0
	for _, w := range near {
		d.left = appendChunks(d.left, from, w[0])
		from = w[1]
	}
	d.left = appendChunks(d.left, from, n)
	if d.cur >= 0 {
		// Bring the current suggestion into view when it is off screen.
		h.api.Call("reveal", "gcur")
	}
	h.moreLater()
}

// appendChunks appends [from, to) cut into chunks of sgChunk.
func appendChunks(left [][2]int, from, to int) [][2]int {
	for ; from < to; from += sgChunk {
		left = append(left, [2]int{from, min(from+sgChunk, to)})
	}
	return left
}

// drawSuggestions draws the suggestions [from, to) of the drawing, and
// the current one's outline when withCur.
func (h *highlighter) drawSuggestions(from, to int, withCur bool) {
	d := &h.sg
	ids, packed := packSuggestions(d.st, d.list, d.cur, from, to, withCur)
	if ids == "" {
		return
	}
	if h.sgIDs != "" {
		h.sgIDs += " "
	}
	h.sgIDs += ids
	if packed.IsUndefined() {
		return
	}
	// lazy: the ranges far from the view are made when it nears them.
	h.api.Call("set", ids, packed, true)
}

// packSuggestions is the highlights of the suggestions [from, to) of list
// (and the current one's outline when withCur) as web/highlight.js's set
// takes them: their ids and an Int32Array of packed ranges (undefined
// when there is no range).
func packSuggestions(st *app.State, list []app.Suggested, cur, from, to int, withCur bool) (string, js.Value) {
	ids, packed := app.SuggestionRangesIn(st, list, cur, from, to, withCur)
	if ids == "" || len(packed) == 0 {
		return ids, js.Undefined()
	}
	buf := make([]byte, 4*len(packed))
	for i, v := range packed {
		binary.LittleEndian.PutUint32(buf[4*i:], uint32(v))
	}
	return ids, js.Global().Get("Int32Array").New(jsutil.Uint8Array(buf).Get("buffer"))
}

// moreLater draws the next chunk of the suggestions not drawn yet when
// the page is idle (at most a second later), marked for the benchmark
// (User Timing sayso:suggest-more for each chunk, sayso:suggest-drawn
// once all are).
func (h *highlighter) moreLater() {
	d := &h.sg
	if len(d.left) == 0 {
		js.Global().Get("performance").Call("mark", "sayso:suggest-drawn")
		return
	}
	if d.more.IsUndefined() {
		d.more = js.FuncOf(func(_ js.Value, args []js.Value) any {
			gen := args[0].Int()
			if gen != d.gen || len(d.left) == 0 {
				return nil // redrawn since: that redraw draws its own
			}
			perf := js.Global().Get("performance")
			start := perf.Call("now")
			w := d.left[0]
			d.left = d.left[1:]
			h.drawSuggestions(w[0], w[1], false)
			perf.Call("measure", "sayso:suggest-more", map[string]any{"start": start, "end": perf.Call("now")})
			h.moreLater()
			return nil
		})
	}
	w := js.Global()
	gen := d.gen
	if ric := w.Get("requestIdleCallback"); ric.Type() == js.TypeFunction {
		opts := js.Global().Get("Object").New()
		opts.Set("timeout", 1000)
		w.Call("requestIdleCallback", d.more.Call("bind", nil, gen), opts)
		return
	}
	w.Call("setTimeout", d.more.Call("bind", nil, gen), 0)
}

// suggestRedrawTime is the idle time left to the redraw after a slice of
// Suggest (the side list's progress line).
const suggestRedrawTime = 2 * time.Millisecond

// suggestLater sends SuggestMore when the page is idle, so that typing
// and clicking go first while a long article is searched, with the idle
// time the browser says is left: the slice may fill it (up to
// app.SuggestSliceMaxTime) instead of stopping after
// app.SuggestSliceTime and waiting for the next idle period, which comes
// after the next frame at best.
func (u *UI) suggestLater() {
	if u.suggestFunc.IsUndefined() {
		u.suggestFunc = js.FuncOf(func(_ js.Value, args []js.Value) any {
			var idle time.Duration
			if len(args) > 0 && args[0].Get("timeRemaining").Type() == js.TypeFunction &&
				!args[0].Get("didTimeout").Truthy() {
				idle = time.Duration(args[0].Call("timeRemaining").Float()*float64(time.Millisecond)) - suggestRedrawTime
			}
			u.dispatch(app.SuggestMore{Idle: idle})
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

// idleTooShort reports whether an idle callback's deadline (its first
// argument) leaves less than warmMinIdle: warming then waits for the
// next idle period.
func idleTooShort(args []js.Value) bool {
	return len(args) > 0 && args[0].Get("timeRemaining").Type() == js.TypeFunction &&
		args[0].Call("timeRemaining").Float() < warmMinIdle
}

// warmSuggestLater sends WarmSuggest when the page is idle, with no
// time-out: warming only ever uses time nothing else wants.
func (u *UI) warmSuggestLater() {
	ric := js.Global().Get("requestIdleCallback")
	if ric.Type() != js.TypeFunction {
		return // no idle callbacks: Suggest warms itself on first use
	}
	if u.warmFunc.IsUndefined() {
		u.warmFunc = js.FuncOf(func(_ js.Value, args []js.Value) any {
			if idleTooShort(args) {
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
	if r := u.st.TakeSuggestRehearsal(); r != nil {
		// The previous step ran the key's path through the app on a
		// state of its own; this one, an idle callback of its own so
		// that neither is long, builds its view, packs its highlights
		// (both dropped, nothing is drawn) and runs the key handler
		// once, so that the browser has compiled them too. The app's
		// warming goes on at the next.
		view.Build(r)
		list, cur := r.Suggestions()
		packSuggestions(r, list, cur, 0, len(list), true)
		u.rehearseKey()
		perf.Call("measure", "sayso:suggest-warm", map[string]any{"start": start, "end": perf.Call("now")})
		u.warmSuggestLater()
		return
	}
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

// rehearseKey runs the page's key handler once with a made-up key event
// that is no shortcut (app.RehearsalKey, aimed at an element outside the
// page), so that the browser compiles the handler before the person's
// first key: it is one of the larger functions of the app, and compiling
// it (with the key mapping) took 3 ms of the first key's task. The event
// is a plain object, never dispatched: no other listener sees it, nothing
// is prevented or drawn, and the focus and the selection stay as they are
// (the handler only reads the selection).
func (u *UI) rehearseKey() {
	ev := js.Global().Get("Object").New()
	for k, v := range map[string]any{
		"key": app.RehearsalKey, "code": "", "isComposing": false,
		"ctrlKey": false, "metaKey": false, "shiftKey": false, "altKey": false,
		"target": u.doc.CreateElement("div").Underlying(),
	} {
		ev.Set(k, v)
	}
	u.onKeyDown(dom.WrapEvent(ev))
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
