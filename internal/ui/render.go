//go:build js && wasm

package ui

import (
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
		h.u.docEl.SetInnerHTML(view.PlainDocument(h.u.st).String())
		h.hl.reset()
	}
	h.hl.remove(r.Remove)
	h.hl.set(h.u.st, r.Set)
	h.hl.mark(p.Selected, p.Related)
	h.hl.suggestions(h.u.st, r.All)
}

func (h highlightRenderer) offsetAt(ev dom.Event, _ dom.Element) (int, bool) {
	e := ev.Underlying()
	return h.hl.charAt(h.u.st, e.Get("clientX").Float(), e.Get("clientY").Float())
}

func (h highlightRenderer) scrollTo(id string) { h.hl.scrollTo(id) }

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
