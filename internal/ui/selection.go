//go:build js && wasm

package ui

import (
	"strconv"
	"syscall/js"

	"sayso/internal/app"
)

// The DOM counts UTF-16 units; Sayso counts code points. Every rendered
// text segment carries data-o, the code point where it starts, so a DOM
// boundary (node, offset) maps to a code point without measuring text.

const (
	elementNode = 1
	textNode    = 3
	// DOCUMENT_POSITION_FOLLOWING, from Node.compareDocumentPosition.
	positionFollowing = 4
)

// selection returns the document text selected in the page, in code
// points, or nil when nothing (or nothing of the article) is selected.
func (u *UI) selection() *app.Selection {
	sel := js.Global().Call("getSelection")
	if sel.IsNull() || sel.Get("rangeCount").Int() == 0 || sel.Get("isCollapsed").Bool() {
		return nil
	}
	r := sel.Call("getRangeAt", 0)
	docEl := u.docEl.Underlying()
	if !r.Call("intersectsNode", docEl).Bool() {
		return nil
	}
	start := u.boundary(r.Get("startContainer"), r.Get("startOffset").Int())
	end := u.boundary(r.Get("endContainer"), r.Get("endOffset").Int())
	if start >= end {
		return nil
	}
	return &app.Selection{Start: start, End: end}
}

// caret is a DOM selection inside the article, in code points, kept across
// a redraw of the paragraphs it lies in.
type caret struct{ anchor, focus int }

// saveCaret reads the selection's anchor and focus when they are inside the
// article (a collapsed caret included).
func (u *UI) saveCaret() (caret, bool) {
	sel := js.Global().Call("getSelection")
	if sel.IsNull() || sel.Get("rangeCount").Int() == 0 {
		return caret{}, false
	}
	docEl := u.docEl.Underlying()
	a, f := sel.Get("anchorNode"), sel.Get("focusNode")
	if !docEl.Call("contains", a).Bool() || !docEl.Call("contains", f).Bool() {
		return caret{}, false
	}
	return caret{
		anchor: u.boundary(a, sel.Get("anchorOffset").Int()),
		focus:  u.boundary(f, sel.Get("focusOffset").Int()),
	}, true
}

// restoreCaret puts a saved selection back after a redraw.
func (u *UI) restoreCaret(c caret) {
	an, ao, ok1 := u.domPosition(c.anchor)
	fn, fo, ok2 := u.domPosition(c.focus)
	if ok1 && ok2 {
		js.Global().Call("getSelection").Call("setBaseAndExtent", an, ao, fn, fo)
	}
}

// domPosition finds the text node and UTF-16 offset of code point cp.
func (u *UI) domPosition(cp int) (js.Value, int, bool) {
	i, para, ok := app.ParagraphAround(u.st, cp)
	if !ok {
		return js.Null(), 0, false
	}
	p := u.doc.GetElementByID("p" + strconv.Itoa(i))
	if p == nil {
		return js.Null(), 0, false
	}
	segs := p.Underlying().Call("querySelectorAll", "[data-o]")
	if segs.Get("length").Int() == 0 {
		// A plain paragraph (highlight rendering): its one text node.
		node := p.Underlying().Get("firstChild")
		if node.IsNull() {
			return js.Null(), 0, false
		}
		return node, app.UTF16Between(u.st, para.Start, min(cp, para.End)), true
	}
	for k := segs.Get("length").Int() - 1; k >= 0; k-- {
		seg := segs.Index(k)
		if o := dataOffset(seg); o <= cp {
			node := seg.Get("firstChild")
			if node.IsNull() {
				return js.Null(), 0, false
			}
			off := app.UTF16Between(u.st, o, min(cp, para.End))
			return node, off, true
		}
	}
	return js.Null(), 0, false
}

// boundary converts a DOM boundary point (node, offset), as a Range or a
// Selection gives it, to a code point of the shown document. It does not
// fail, it clamps: a point before the article is 0, a point after it is
// the end of its text; a point inside the article but outside every
// rendered segment (data-o) is 0, as is one in a segment whose data-o is
// not a number. Callers that must tell such points apart check that the
// node is inside a segment first.
func (u *UI) boundary(node js.Value, offset int) int {
	docEl := u.docEl.Underlying()
	if !docEl.Call("contains", node).Bool() {
		if docEl.Call("compareDocumentPosition", node).Int()&positionFollowing != 0 {
			return u.endOf(docEl)
		}
		return 0
	}
	if node.Get("nodeType").Int() == textNode {
		seg := node.Get("parentElement").Call("closest", "[data-o]")
		if seg.IsNull() {
			return 0
		}
		return app.OffsetOfSegment(u.st, dataOffset(seg), offset)
	}
	children := node.Get("childNodes")
	if offset < children.Get("length").Int() {
		return u.startOf(children.Index(offset), node)
	}
	return u.endOf(node)
}

// startOf is the first code point at or after DOM node n (inside within).
func (u *UI) startOf(n, within js.Value) int {
	if n.Get("nodeType").Int() == textNode {
		n = n.Get("parentElement")
	}
	if n.Get("nodeType").Int() == elementNode {
		if n.Call("matches", "[data-o]").Bool() {
			return dataOffset(n)
		}
		if seg := n.Call("querySelector", "[data-o]"); !seg.IsNull() {
			return dataOffset(seg)
		}
	}
	return u.endOf(within)
}

// endOf is the code point just after the last text inside element n.
func (u *UI) endOf(n js.Value) int {
	segs := n.Call("querySelectorAll", "[data-o]")
	k := segs.Get("length").Int()
	if k == 0 {
		if n.Call("matches", "[data-o]").Bool() {
			return app.OffsetOfSegment(u.st, dataOffset(n), n.Get("textContent").Get("length").Int())
		}
		return 0
	}
	last := segs.Index(k - 1)
	return app.OffsetOfSegment(u.st, dataOffset(last), last.Get("textContent").Get("length").Int())
}

func dataOffset(el js.Value) int {
	n, err := strconv.Atoi(el.Call("getAttribute", "data-o").String())
	if err != nil {
		return 0
	}
	return n
}
