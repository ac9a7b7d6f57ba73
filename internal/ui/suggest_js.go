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
