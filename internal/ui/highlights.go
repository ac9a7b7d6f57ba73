//go:build js && wasm

package ui

import (
	"encoding/binary"
	"syscall/js"

	"sayso/internal/annotation"
	"sayso/internal/app"
	"sayso/internal/ui/jsutil"
)

// highlighter draws annotations through web/highlight.js (the CSS Custom
// Highlight API) when the browser has it; without it the UI falls back to
// rendering annotated segments as spans.
type highlighter struct {
	api js.Value
	on  bool
	// What was last marked as selected and related.
	sel, rel string
	// The suggestions drawn: their ids and app.SuggestRevision, and the
	// drawing of the rest in idle time.
	sgIDs, sgRev string
	sg           sgDrawing
	// rest is the drawing of a long document after its first screen
	// (rest.go).
	rest restDrawing
}

func newHighlighter() *highlighter {
	api := js.Global().Get("saysoHighlights")
	h := &highlighter{api: api, on: !api.IsUndefined() && api.Get("supported").Bool()}
	if h.on {
		api.Call("init", app.HighlightStyles())
	}
	return h
}

// reset forgets every range (the document was drawn anew).
func (h *highlighter) reset() {
	h.api.Call("reset")
	h.sel, h.rel = "", ""
	h.sgIDs, h.sgRev = "", ""
	h.sg.gen++ // a chunk of the suggestions still to draw is not drawn
	h.sg.left = nil
}

// set draws annotations, replacing what was drawn of them: one call for
// all of them, with their ranges packed in an Int32Array. lazy makes the
// ranges of sections far from the view only when they near it (a
// document drawn anew: its first screen is drawn first).
func (h *highlighter) set(st *app.State, anns []*annotation.Annotation, lazy bool) {
	if len(anns) == 0 {
		return
	}
	ids, packed := app.HighlightRanges(st, anns)
	buf := make([]byte, 4*len(packed))
	for i, v := range packed {
		binary.LittleEndian.PutUint32(buf[4*i:], uint32(v))
	}
	h.api.Call("set", ids, js.Global().Get("Int32Array").New(jsutil.Uint8Array(buf).Get("buffer")), lazy)
}

// remove forgets annotations' highlights.
func (h *highlighter) remove(ids []string) {
	if len(ids) == 0 {
		return
	}
	joined := ids[0]
	for _, id := range ids[1:] {
		joined += " " + id
	}
	h.api.Call("remove", joined)
}

// mark shows the selection and what is related to it.
func (h *highlighter) mark(sel, rel string) {
	if sel != h.sel {
		h.sel = sel
		h.api.Call("mark", "sel", sel)
	}
	if rel != h.rel {
		h.rel = rel
		h.api.Call("mark", "rel", rel)
	}
}

// charAt returns the code point under the point (x, y), if it is text of
// the article.
func (h *highlighter) charAt(st *app.State, x, y float64) (int, bool) {
	r := h.api.Call("charAt", x, y)
	if r.IsNull() {
		return 0, false
	}
	return app.OffsetOfSegment(st, r.Index(0).Int(), r.Index(1).Int()), true
}

func (h *highlighter) scrollTo(id string) bool {
	return h.api.Call("scrollTo", id).Bool()
}
