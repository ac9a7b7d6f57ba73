//go:build js && wasm

package ui

import (
	"honnef.co/go/js/dom/v2"
)

// listenBarMenu makes the Menu button of a narrow screen (web/app.css
// shows it below 72rem, where the toolbar folds its rarely used commands,
// and below 60rem keeps only the label buttons, Undo and Redo)
// a disclosure button: it shows and hides the rest of the toolbar
// (body.tools-open), says so in aria-expanded, and Esc in the open
// toolbar closes it and returns the focus to the button. Choosing a
// command closes it too. It is how the page is laid out, not app state.
func (u *UI) listenBarMenu() {
	btn := u.doc.GetElementByID("bar-menu")
	bar := u.doc.GetElementByID("toolbar")
	if btn == nil || bar == nil {
		return
	}
	body := u.doc.(dom.HTMLDocument).Body()
	open := func() bool { return body.Class().Contains("tools-open") }
	set := func(on bool) {
		if on {
			body.Class().Add("tools-open")
			btn.SetAttribute("aria-expanded", "true")
		} else {
			body.Class().Remove("tools-open")
			btn.SetAttribute("aria-expanded", "false")
		}
	}
	u.on(btn, "click", func(dom.Event) { set(!open()) })
	escape := func(ev dom.Event) {
		// Esc in an open menu of the toolbar closes that menu first.
		if open() && ev.Underlying().Get("key").String() == "Escape" && bar.QuerySelector(".menu:not([hidden])") == nil {
			set(false)
			btn.Underlying().Call("focus")
			ev.StopPropagation()
		}
	}
	// The focus leaving the bar for the page (Tab past its last command, a
	// click in the text) closes it, as a menu closes on Tab; a focus that
	// only fell away (a redraw, a menu closing) does not.
	leave := func(ev dom.Event) {
		to := ev.Underlying().Get("relatedTarget")
		if open() && to.Truthy() && !to.Equal(btn.Underlying()) && !bar.Underlying().Call("contains", to).Bool() {
			set(false)
		}
	}
	u.on(btn, "focusout", leave)
	u.on(bar, "focusout", leave)
	u.on(btn, "keydown", escape)
	u.on(bar, "keydown", escape)
	u.on(bar, "click", func(ev dom.Event) {
		if open() && closest(ev, "#toolbar > button, #toolbar .split > #export, #toolbar .menu button") != nil {
			set(false)
		}
	})
}
