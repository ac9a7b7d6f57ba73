//go:build js && wasm

package ui

import (
	"slices"
	"strconv"
	"syscall/js"

	"honnef.co/go/js/dom/v2"

	"sayso/internal/app"
	"sayso/internal/app/view"
)

// renderer draws the article's text and its annotations. New picks one
// implementation, once: highlights (the CSS Custom Highlight API, through
// web/highlight.js) when the browser has it, else segments (a span at
// every annotation boundary).
type renderer interface {
	// draw draws what the redraw says changed.
	draw(r app.Redraw, p view.Page)
	// offsetAt is the code point clicked, given the click and the
	// element with data-o it fell in.
	offsetAt(ev dom.Event, seg dom.Element) (int, bool)
	// scrollTo brings an annotation into view.
	scrollTo(id string)
	// flush finishes drawing what a redraw left for idle time (the rest
	// of a long document), before an action that may need any of it.
	flush()
	// pending reports whether a redraw left anything for idle time.
	pending() bool
}

// newRenderer picks the renderer the browser can run.
func newRenderer(u *UI) renderer {
	if hl := newHighlighter(); hl.on {
		return highlightRenderer{u: u, hl: hl}
	}
	return segmentRenderer{u: u}
}

// highlightRenderer draws the article as plain text, once per document,
// and the annotations as highlight ranges: an action redraws only the
// highlights of the annotations it touched.
type highlightRenderer struct {
	u  *UI
	hl *highlighter
}

func (h highlightRenderer) draw(r app.Redraw, p view.Page) {
	if r.All {
		h.drawDocument()
	} else {
		h.hl.remove(r.Remove)
		h.hl.set(h.u.st, r.Set, false)
	}
	h.hl.mark(p.Selected, p.Related)
	h.hl.suggestions(h.u.st, r.All)
}

func (h highlightRenderer) offsetAt(ev dom.Event, _ dom.Element) (int, bool) {
	e := ev.Underlying()
	return h.hl.charAt(h.u.st, e.Get("clientX").Float(), e.Get("clientY").Float())
}

func (h highlightRenderer) scrollTo(id string) { h.hl.scrollTo(id) }

func (h highlightRenderer) flush() { h.flushRest() }

func (h highlightRenderer) pending() bool { return h.hl.rest.pending() }

// segmentRenderer draws the article as segments whose classes show the
// annotations: an action redraws the paragraphs it touched, keeping the
// caret.
type segmentRenderer struct{ u *UI }

func (s segmentRenderer) draw(r app.Redraw, _ view.Page) {
	u := s.u
	if r.All {
		u.docEl.SetInnerHTML(view.Document(u.st).String())
		return
	}
	if len(r.Paras) == 0 {
		return
	}
	c, keep := u.saveCaret()
	for _, i := range r.Paras {
		if el := u.doc.GetElementByID("p" + strconv.Itoa(i)); el != nil {
			el.SetOuterHTML(view.Paragraph(u.st, i).String())
		}
	}
	if keep {
		u.restoreCaret(c)
	}
}

func (segmentRenderer) flush() {}

func (segmentRenderer) pending() bool { return false }

func (s segmentRenderer) offsetAt(_ dom.Event, seg dom.Element) (int, bool) {
	o := index(seg.GetAttribute("data-o"))
	return o, o >= 0
}

func (s segmentRenderer) scrollTo(id string) {
	start, ok := app.AnnotationStart(s.u.st, id)
	if !ok {
		return
	}
	seg := s.u.docEl.QuerySelector(`[data-o="` + strconv.Itoa(start) + `"]`)
	if seg == nil {
		return
	}
	opts := js.Global().Get("Object").New()
	opts.Set("block", "center")
	seg.Underlying().Call("scrollIntoView", opts)
}

// frameWork is what a redraw leaves to the next animation frame: the
// reads of the page's geometry. Reading an element's position or size
// right after the redraw's writes makes the browser lay the whole page
// out there and then (at 1 MB with 5,000 annotations that was most of
// the time of adding one); in an animation frame callback the page is
// laid out once, for the frame the browser paints next anyway.
type frameWork struct {
	run       js.Func // inFrame, as a requestAnimationFrame callback
	scheduled bool    // run is requested for the next frame
	within    bool    // inFrame is running: what is asked now runs there
	// scroll asks to scroll the side list to top (as in
	// app.ListScrolled.Top).
	scroll bool
	top    int
	// focus is the element that had the focus before a redraw and is
	// still in the page (undefined when none): if the redraw hid it,
	// refocus gives the focus a place.
	focus js.Value
}

// laterInFrame asks for inFrame in the next animation frame, once.
func (u *UI) laterInFrame() {
	if u.frame.scheduled || u.frame.within {
		return
	}
	u.frame.scheduled = true
	js.Global().Call("requestAnimationFrame", u.frame.run)
}

// inFrame does what the redraws since the last frame left: scroll the
// side list to where the app put it, give the focus a place if a redraw
// hid the element that had it, and tell the app the list's height when a
// redraw changed it (the inspector above it grew or shrank), which may
// scroll the list again, in the same frame.
func (u *UI) inFrame() {
	u.frame.scheduled, u.frame.within = false, true
	sb := u.sidebar.Underlying()
	for range 3 { // a ListResized redraw may ask to scroll again
		if u.frame.scroll {
			u.frame.scroll = false
			sb.Set("scrollTop", max(u.frame.top+u.listOffset(), 0))
		}
		if f := u.frame.focus; !f.IsUndefined() {
			u.frame.focus = js.Undefined()
			if !shown(f) {
				u.refocus(f)
			}
		}
		h := sb.Get("clientHeight").Int()
		if h == u.listHeight || h <= 0 {
			break
		}
		u.listHeight = h
		u.dispatch(app.ListResized{Height: h})
	}
	u.frame.within = false
	if u.frame.scroll || !u.frame.focus.IsUndefined() {
		u.laterInFrame()
	}
}

// listOnly reports whether action a, with its plan, changed nothing on
// the page but the side list's rows: the list scrolled or changed height
// and nothing of the article is to be redrawn, or a slice of Suggest
// ended with more to do (only the list's "Finding suggestions… n %"
// changed). Its redraw builds the list alone (renderListOnly), not the
// whole page: a scroll of the list sends one such action per frame, and
// Suggest one per slice.
func listOnly(a app.Action, plan app.Plan) bool {
	switch a.(type) {
	case app.ListScrolled, app.ListResized:
	case app.SuggestMore:
		if !slices.ContainsFunc(plan.Effects, func(e app.Effect) bool { return e == app.Effect(app.SuggestLater{}) }) {
			return false // the last slice: the suggestions are drawn
		}
	default:
		return false
	}
	r := plan.Redraw
	return !r.All && len(r.Paras) == 0 && len(r.Set) == 0 && len(r.Remove) == 0
}

// renderListOnly draws the side list after an action that changed only
// the list (listOnly).
// When the rows drawn still cover the list's view (app.ListCovered), it
// draws nothing, and only scrolls the list if the app moved it: a list
// made shorter by the inspector's growth, or scrolled by less than its
// extra rows, shows the same rows.
func (u *UI) renderListOnly(plan app.Plan) {
	if app.ListCovered(u.st, u.drawn.list) {
		if plan.ScrollList { // scrolled to the drawn rows: no new row to draw
			u.frame.scroll, u.frame.top = true, plan.ListTop
			u.laterInFrame()
		}
		return
	}
	prev := activeElement()
	p := view.Page{List: view.SidebarList(u.st), ListDrawn: app.ListDrawnNow(u.st)}
	p.ListRows, p.ListFirst = p.ListDrawn.Rows, p.ListDrawn.First
	u.renderList(p, plan)
	u.keepFocus(prev)
}
