//go:build js && wasm

package ui

import (
	"honnef.co/go/js/dom/v2"

	"sayso/internal/app"
)

// The Documents panel's list is drawn only where it is seen
// (app.DocsWindow): the page sizes the list for every row and places the
// rows drawn (CSS variables of #docs-body, as the page's CSP allows no
// inline style), and tells the app where the list is scrolled.

// listenDocsList reports the documents list's scrolling, when it brings
// another row to its top or the list's height changed. Scroll events do
// not bubble: the panel's body listens in the capture phase.
func (u *UI) listenDocsList() {
	lastRow, lastHeight, lastPx := 0, 0, 0
	u.funcs = append(u.funcs, u.docsBody.AddEventListener("scroll", true, func(ev dom.Event) {
		t := ev.Underlying().Get("target")
		if !t.Truthy() || t.Get("classList").IsUndefined() || !t.Get("classList").Call("contains", "doc-scroll").Bool() {
			return
		}
		top, height, px := t.Get("scrollTop").Int(), t.Get("clientHeight").Int(), app.DocRowPx
		if r := t.Call("querySelector", ".doc-row"); !r.IsNull() && r.Get("offsetHeight").Int() > 0 {
			px = r.Get("offsetHeight").Int()
		}
		if top/px == lastRow && height == lastHeight && px == lastPx {
			return
		}
		lastRow, lastHeight, lastPx = top/px, height, px
		u.dispatch(app.DocsScrolled{Top: top, Height: height, Row: px})
	}))
}

// placeDocsList sizes the documents list for all its rows and places the
// rows drawn.
func (u *UI) placeDocsList() {
	if !u.st.DocsPanel {
		return
	}
	first, _, n := app.DocsWindow(u.st)
	style := u.docsBody.Underlying().Get("style")
	style.Call("setProperty", "--docs-n", n)
	style.Call("setProperty", "--docs-first", first)
}
