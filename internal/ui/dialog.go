//go:build js && wasm

package ui

import (
	"strings"
	"syscall/js"
)

// Modal dialogs and menu buttons: the app says which are open (view.Page);
// this file moves the focus. A dialog that opens takes the focus (its
// [data-autofocus] element, else its first control) and keeps it: the
// rest of the page is inert and Tab wraps inside it; when it closes, the
// focus goes back to what opened it, or, when that is gone, to the dialog
// under it or the article. A menu that opens puts the focus on its first
// item (its last after ArrowUp on its button); arrow keys, Home and End
// move between items; when it closes, the focus goes back to its button.

// dialogIDs are the page's modal dialogs, those opened together stacked
// in this order (the last on top).
var dialogIDs = []string{"docs", "exercise", "schema", "textedit", "import", "columns", "name-dialog", "help", "confirm"}

// background is what a modal dialog makes inert.
var background = []string{"#toolbar", "#start", "#workspace", "#compare"}

// focusable finds the controls Tab reaches.
const focusable = `button:not([disabled]), input:not([disabled]):not([type="hidden"]):not([hidden]), select:not([disabled]), textarea:not([disabled]), a[href], [tabindex="0"]`

// menuButtons pairs each toolbar menu with its button.
var menuButtons = map[string]string{"export-menu": "export-more", "setup-menu": "setup-button"}

// modals is the stack of open dialogs and what opened each.
type modals struct {
	open    []string
	openers map[string]js.Value
	// inertFor is the stack of open dialogs setInert last made the page
	// for (inertSet: it ran once).
	inertFor string
	inertSet bool
}

func (u *UI) el(id string) js.Value { return js.Global().Get("document").Call("getElementById", id) }

func activeElement() js.Value { return js.Global().Get("document").Get("activeElement") }

// shown reports whether el is in the page and displayed.
func shown(el js.Value) bool {
	return el.Truthy() && el.Get("isConnected").Bool() && el.Call("getClientRects").Get("length").Int() > 0
}

// controls are the displayed focusable elements inside el.
func controls(el js.Value) []js.Value {
	all := el.Call("querySelectorAll", focusable)
	var out []js.Value
	for i := range all.Get("length").Int() {
		if c := all.Index(i); shown(c) {
			out = append(out, c)
		}
	}
	return out
}

// opener is who opened what is opening now: the element that had the
// focus, or for a menu item the menu's button (the menu closes).
func opener(prev js.Value) js.Value {
	if !prev.Truthy() {
		return js.Null()
	}
	if m := prev.Call("closest", ".menu"); !m.IsNull() {
		if b, ok := menuButtons[m.Get("id").String()]; ok {
			return js.Global().Get("document").Call("getElementById", b)
		}
	}
	return prev
}

// updateModals follows the dialogs' opening and closing after a render;
// prev is the element that had the focus before it.
func (u *UI) updateModals(prev js.Value) {
	if u.modals.openers == nil {
		u.modals.openers = map[string]js.Value{}
	}
	isOpen := func(id string) bool { return !u.el(id).Call("hasAttribute", "hidden").Bool() }
	// back is where the focus returns when dialogs closed: what opened the
	// lowest of them (a question answered yes can close the dialog it was
	// asked from too, and the focus then goes to what opened that one).
	var back js.Value
	closed := false
	var still []string
	for _, id := range u.modals.open {
		if isOpen(id) {
			still = append(still, id)
			continue
		}
		if !closed {
			back, closed = u.modals.openers[id], true
		}
		delete(u.modals.openers, id)
	}
	var opened []string
	for _, id := range dialogIDs {
		if isOpen(id) && !contains(still, id) {
			opened = append(opened, id)
		}
	}
	u.modals.open = append(still, opened...)
	// The inert parts change only when a dialog opened or closed (the
	// first render sets them): not at every redraw.
	if stack := strings.Join(u.modals.open, " "); !u.modals.inertSet || stack != u.modals.inertFor {
		u.modals.inertSet, u.modals.inertFor = true, stack
		u.setInert()
	}
	if len(opened) > 0 {
		top := u.el(opened[len(opened)-1])
		for _, id := range opened {
			u.modals.openers[id] = opener(prev)
		}
		if !top.Call("contains", activeElement()).Bool() {
			u.focusInto(top)
		}
		return
	}
	if !closed {
		return
	}
	if top := u.topModal(); top.Truthy() {
		if back.Truthy() && top.Call("contains", back).Bool() && shown(back) {
			back.Call("focus")
		} else if !top.Call("contains", activeElement()).Bool() {
			u.focusInto(top)
		}
		return
	}
	switch {
	case back.Truthy() && shown(back) && !back.Get("disabled").Truthy():
		back.Call("focus")
	case shown(u.docEl.Underlying()):
		u.docEl.Underlying().Call("focus")
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// topModal is the open dialog on top, or null.
func (u *UI) topModal() js.Value {
	if len(u.modals.open) == 0 {
		return js.Null()
	}
	return u.el(u.modals.open[len(u.modals.open)-1])
}

// focusInto focuses a dialog's [data-autofocus] control, else its first.
func (u *UI) focusInto(dialog js.Value) {
	if a := dialog.Call("querySelector", "[data-autofocus]"); !a.IsNull() && shown(a) {
		a.Call("focus")
		return
	}
	if c := controls(dialog); len(c) > 0 {
		c[0].Call("focus")
		return
	}
	dialog.Call("setAttribute", "tabindex", "-1")
	dialog.Call("focus")
}

// setInert makes everything but the top dialog inert while one is open.
func (u *UI) setInert() {
	doc := js.Global().Get("document")
	on := len(u.modals.open) > 0
	for _, sel := range background {
		if el := doc.Call("querySelector", sel); !el.IsNull() {
			el.Set("inert", on)
		}
	}
	for i, id := range u.modals.open {
		u.el(id).Set("inert", i < len(u.modals.open)-1)
	}
	for _, id := range dialogIDs {
		if !contains(u.modals.open, id) {
			u.el(id).Set("inert", false)
		}
	}
}

// trapTab keeps Tab inside the top dialog: from its last control to its
// first, and back with Shift+Tab. It reports whether it moved the focus.
func (u *UI) trapTab(shift bool) bool {
	top := u.topModal()
	if !top.Truthy() {
		return false
	}
	c := controls(top)
	if len(c) == 0 {
		return true
	}
	active := activeElement()
	inside := top.Call("contains", active).Bool()
	switch {
	case shift && (!inside || active.Equal(c[0])):
		c[len(c)-1].Call("focus")
	case !shift && (!inside || active.Equal(c[len(c)-1])):
		c[0].Call("focus")
	default:
		return false
	}
	return true
}

// updateMenus sets aria-expanded on the menu buttons and moves the focus
// into a menu that opened, back to the button of one that closed.
func (u *UI) updateMenus() {
	if u.menuOpen == nil {
		u.menuOpen = map[string]bool{}
	}
	for menuID, buttonID := range menuButtons {
		menu, button := u.el(menuID), u.el(buttonID)
		open := !menu.Call("hasAttribute", "hidden").Bool()
		was, known := u.menuOpen[menuID]
		if !known || open != was {
			button.Call("setAttribute", "aria-expanded", boolString(open))
		}
		u.menuOpen[menuID] = open
		switch {
		case open && !was:
			items := menuItems(menu)
			if len(items) > 0 {
				if u.menuLast {
					items[len(items)-1].Call("focus")
				} else {
					items[0].Call("focus")
				}
			}
		case !open && was:
			a := activeElement()
			if !a.Truthy() || a.Equal(js.Global().Get("document").Get("body")) || menu.Call("contains", a).Bool() {
				button.Call("focus")
			}
		}
	}
	u.menuLast = false
}

func boolString(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// menuItems are a menu's items.
func menuItems(menu js.Value) []js.Value {
	all := menu.Call("querySelectorAll", `[role^="menuitem"]:not([disabled])`)
	out := make([]js.Value, all.Get("length").Int())
	for i := range out {
		out[i] = all.Index(i)
	}
	return out
}

// menuKey moves the focus in the menu that holds target for the arrow
// keys, Home and End; it reports whether the key was one of them.
func menuKey(target js.Value, key string) bool {
	menu := target.Call("closest", ".menu")
	if menu.IsNull() {
		return false
	}
	items := menuItems(menu)
	if len(items) == 0 {
		return false
	}
	at := 0
	for i, it := range items {
		if it.Equal(target) {
			at = i
		}
	}
	switch key {
	case "ArrowDown":
		at = (at + 1) % len(items)
	case "ArrowUp":
		at = (at - 1 + len(items)) % len(items)
	case "Home":
		at = 0
	case "End":
		at = len(items) - 1
	default:
		next, ok := typeAhead(items, at, key)
		if !ok {
			return false
		}
		at = next
	}
	items[at].Call("focus")
	return true
}

// typeAhead is the menu's type-ahead (WAI-ARIA menu pattern): a printable
// character moves to the next item, after the one at at and wrapping
// round, whose name starts with it, ignoring case. ok is false when key
// is not one character (a key name such as "Tab") or is a space; a
// character no item starts with keeps the focus where it is, and is
// taken all the same, so that it is never a shortcut behind the menu.
func typeAhead(items []js.Value, at int, key string) (int, bool) {
	r := []rune(key)
	if len(r) != 1 || r[0] == ' ' {
		return at, false
	}
	want := strings.ToLower(key)
	for i := 1; i <= len(items); i++ {
		k := (at + i) % len(items)
		if strings.HasPrefix(strings.ToLower(itemName(items[k])), want) {
			return k, true
		}
	}
	return at, true
}

// itemName is the name a menu item starts with: its .fmt part (the
// format's or command's name), else its text.
func itemName(item js.Value) string {
	if f := item.Call("querySelector", ".fmt"); !f.IsNull() {
		return strings.TrimSpace(f.Get("textContent").String())
	}
	return strings.TrimSpace(item.Get("textContent").String())
}

// afterMenu is the control that Tab reaches after an open menu (back
// is true for Shift+Tab: its button, which comes before the items): the
// first shown control after the button that is not in the menu.
func afterMenu(button, menu js.Value, back bool) js.Value {
	if back {
		return button
	}
	all := controls(js.Global().Get("document").Get("body"))
	past := false
	for _, c := range all {
		switch {
		case c.Equal(button):
			past = true
		case past && !menu.Call("contains", c).Bool() && c.Call("closest", "[inert]").IsNull():
			return c
		}
	}
	return button
}
