//go:build js && wasm

package ui

import (
	"syscall/js"

	"sayso/internal/app"
	"sayso/internal/app/view"
)

// A long document is drawn a stretch of sections at a time: the first
// screen's sections and their highlights with the redraw that shows the
// document, the rest appended in idle time, in order, restChunk code
// points of text at a time. At 1 MB, building, decoding and parsing the
// whole text's HTML and making every highlight before the first frame was
// a third of opening it (issue 13: paint the first screen first).
const (
	// firstScreenText is the text drawn before the first frame: several
	// screens of it, so that scrolling at once still finds text.
	firstScreenText = 24 << 10
	// restChunk is the text appended by one idle callback.
	restChunk = 256 << 10
)

// restDrawing is the drawing of a long document's sections after its
// first screen.
type restDrawing struct {
	gen   int     // changes at every new drawing: a callback of an older one stops
	next  int     // the first section not drawn yet
	total int     // the sections of the document being drawn
	more  js.Func // the idle callback that draws the next stretch
}

// pending reports whether sections of the shown document are still to be
// appended.
func (d *restDrawing) pending() bool { return d.next < d.total }

// drawDocument draws the shown document anew: its first screen's
// sections now, with the highlights of the annotations in them, and the
// rest later (drawRestLater), whose highlights are made only when their
// sections near the view. With suggestions shown it draws it whole:
// their drawing places them by paragraph, at once.
func (h highlightRenderer) drawDocument() {
	st, d := h.u.st, &h.hl.rest
	d.gen++
	d.total = view.Sections(st)
	d.next = d.total
	if list, _ := st.Suggestions(); len(list) == 0 {
		d.next = view.SectionsWithin(st, 0, firstScreenText)
	}
	h.u.docEl.SetInnerHTML(view.PlainSections(st, 0, d.next).String())
	h.hl.reset()
	// The first screen's ranges are all made now (not lazily): placing a
	// section by its geometry would lay the page out in the middle of the
	// redraw, and again for the frame.
	from, to := view.SectionParagraphs(st, 0, d.next)
	h.hl.set(st, app.AnnotationsInParagraphs(st, st.Store.Annotations(st.Doc), from, to), false)
	if d.pending() {
		h.drawRestLater()
	}
}

// drawRest appends the sections [next, to) and draws the highlights of
// the annotations with text in them (those that began in a section drawn
// before are drawn again, whole).
func (h highlightRenderer) drawRest(to int) {
	st, d := h.u.st, &h.hl.rest
	if to <= d.next {
		return
	}
	h.u.docEl.Underlying().Call("insertAdjacentHTML", "beforeend", view.PlainSections(st, d.next, to).String())
	from, end := view.SectionParagraphs(st, d.next, to)
	d.next = to
	h.hl.set(st, app.AnnotationsInParagraphs(st, st.Store.Annotations(st.Doc), from, end), true)
}

// flushRest draws every section still to be drawn, now: before an action
// that scrolls to any part of the text or shows suggestions (see
// wantsWholeText), and before printing.
func (h highlightRenderer) flushRest() {
	if h.hl.rest.pending() {
		h.drawRest(h.hl.rest.total)
	}
}

// drawRestLater appends the next stretch of sections when the page is
// idle (at most 200 ms later), until the document is whole, and marks
// the end for the benchmark (User Timing sayso:document-drawn).
func (h highlightRenderer) drawRestLater() {
	d := &h.hl.rest
	if d.more.IsUndefined() {
		d.more = js.FuncOf(func(_ js.Value, args []js.Value) any {
			if args[0].Int() != d.gen || !d.pending() {
				return nil // drawn anew or flushed since
			}
			h.drawRest(view.SectionsWithin(h.u.st, d.next, restChunk))
			if d.pending() {
				h.drawRestLater()
			} else {
				js.Global().Get("performance").Call("mark", "sayso:document-drawn")
			}
			return nil
		})
		h.u.funcs = append(h.u.funcs, d.more)
	}
	w := js.Global()
	if ric := w.Get("requestIdleCallback"); ric.Type() == js.TypeFunction {
		opts := w.Get("Object").New()
		opts.Set("timeout", 200)
		w.Call("requestIdleCallback", d.more.Call("bind", nil, d.gen), opts)
		return
	}
	w.Call("setTimeout", d.more.Call("bind", nil, d.gen), 0)
}
