//go:build js && wasm

package ui

import (
	"syscall/js"

	"honnef.co/go/js/dom/v2"

	"sayso/internal/app"
	"sayso/internal/app/view"
)

// listen installs one delegated listener per event type.
func (u *UI) listen() {
	body := u.doc.(dom.HTMLDocument).Body()
	u.on(body, "mousedown", u.onMouseDown)
	u.on(body, "click", u.onClick)
	u.on(body, "change", u.onChange)
	u.on(u.doc, "keydown", u.onKeyDown)
	u.on(u.doc, "selectionchange", func(dom.Event) { u.onCaret() })
	// The article is contenteditable only so that the keyboard can move the
	// caret and extend a selection; every edit is refused.
	u.on(u.docEl, "beforeinput", func(ev dom.Event) { ev.PreventDefault() })
	u.on(u.docEl, "paste", func(ev dom.Event) { ev.PreventDefault() })
	u.on(u.docEl, "input", func(dom.Event) { u.dispatch(app.RedrawText{}) })
	u.on(u.sidebar, "scroll", func(dom.Event) { u.dispatch(u.listScrolled()) })
	u.listenDocsList()
	u.on(u.win, "resize", func(dom.Event) { u.dispatch(u.listScrolled()) })
	u.on(body, "dragover", func(ev dom.Event) { ev.PreventDefault() })
	u.on(body, "drop", u.onDrop)
	u.on(u.win, "pagehide", func(dom.Event) { u.saveNow() })
	// Printing: the whole article (a long one may still be drawing its
	// rest in idle time) and the list of annotations under it (hidden on
	// screen).
	u.on(u.win, "beforeprint", func(dom.Event) {
		u.text.flush()
		if el := u.doc.GetElementByID("print-list"); el != nil {
			el.SetInnerHTML(view.PrintList(u.st).String())
		}
	})
	// Another tab wrote the autosave pointer: this tab's copy is older.
	u.on(u.win, "storage", func(ev dom.Event) {
		if ev.Underlying().Get("key").String() == app.AutosavePointerKey {
			u.dispatch(app.ChangedElsewhere{})
		}
	})
	u.announce()
	u.on(u.doc, "visibilitychange", func(dom.Event) {
		if u.doc.Underlying().Get("visibilityState").String() == "hidden" {
			u.saveNow()
		}
	})
}

type eventTarget interface {
	AddEventListener(typ string, useCapture bool, listener func(dom.Event)) js.Func
}

func (u *UI) on(t eventTarget, typ string, f func(dom.Event)) {
	u.funcs = append(u.funcs, t.AddEventListener(typ, false, f))
}

// closest returns the nearest ancestor of the event's target matching sel.
func closest(ev dom.Event, sel string) dom.Element {
	t := ev.Underlying().Get("target")
	if t.IsNull() || t.IsUndefined() {
		return nil
	}
	if t.Get("nodeType").Int() != 1 {
		t = t.Get("parentElement")
		if t.IsNull() {
			return nil
		}
	}
	c := t.Call("closest", sel)
	if c.IsNull() {
		return nil
	}
	return dom.WrapElement(c)
}

// onMouseDown keeps the text selection when a tool button is pressed.
func (u *UI) onMouseDown(ev dom.Event) {
	if closest(ev, "#doc") != nil {
		u.caretKey, u.lastCaret = false, -1
	}
	if closest(ev, "[data-keepsel]") != nil {
		ev.PreventDefault()
	}
}

func (u *UI) onClick(ev dom.Event) {
	if (u.menuOpen["export-menu"] || u.menuOpen["setup-menu"]) && closest(ev, ".split") == nil {
		u.dispatch(app.CloseMenus{}) // a click elsewhere closes the menus
	}
	if b := closest(ev, "[data-action]"); b != nil {
		press := Press{Action: view.Action(b.GetAttribute("data-action")), Alt: ev.Underlying().Get("altKey").Truthy()}
		if press.Action == view.ActTag || press.Action == view.ActPlaceOrphan {
			press.Sel = u.selection()
		}
		if a, ok := ActionOf(press, pageControl{u: u, el: b}); ok {
			u.dispatch(a)
		}
		return
	}
	if li := closest(ev, "#sidebar [data-id]"); li != nil {
		u.dispatch(app.Select{ID: li.GetAttribute("data-id")})
		return
	}
	if seg := closest(ev, "#doc [data-o]"); seg != nil {
		if u.selection() != nil {
			return // the click ended a text selection
		}
		if cp, ok := u.text.offsetAt(ev, seg); ok {
			u.dispatch(app.ClickText{Offset: cp})
		}
	}
}

// pageControl is a Control over an element of the page.
type pageControl struct {
	u  *UI
	el dom.Element
}

func (c pageControl) Attr(name string) string { return c.el.GetAttribute(name) }

// Value is the value of the form field with the given id, or "".
func (c pageControl) Value(id string) string {
	el := c.u.doc.GetElementByID(id)
	if el == nil {
		return ""
	}
	return el.Underlying().Get("value").String()
}

func (u *UI) onChange(ev dom.Event) {
	t := ev.Underlying().Get("target")
	if t.Get("type").String() == "file" {
		dataset := t.Get("dataset")
		purpose := FilePurpose(func(attr string) bool { return dataset.Get(attr).Truthy() })
		u.dispatch(app.ChooseFiles{Purpose: purpose, Files: u.fileInfos(t.Get("files"))})
		t.Set("value", "")
		return
	}
	f := closest(ev, "[data-field]")
	if f == nil {
		return
	}
	ch := Change{Field: view.Field(f.GetAttribute("data-field")), Value: t.Get("value").String(), Checked: t.Get("checked").Truthy()}
	if a, ok := FieldAction(ch, pageControl{u: u, el: f}); ok {
		u.dispatch(a)
	}
}

func (u *UI) onKeyDown(ev dom.Event) {
	e := ev.Underlying()
	if e.Get("isComposing").Truthy() {
		return
	}
	target := e.Get("target")
	u.caretKey = false
	if u.menuKeys(ev, target) {
		return
	}
	inField := false
	if target.Get("nodeType").Int() == 1 {
		inField = target.Call("matches", "input, textarea, select").Bool()
	}
	k := app.KeyEvent{
		Key:     e.Get("key").String(),
		Code:    e.Get("code").String(),
		Ctrl:    e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool(),
		Shift:   e.Get("shiftKey").Bool(),
		Alt:     e.Get("altKey").Bool(),
		InField: inField,
	}
	if !inField {
		k.OnButton = target.Get("nodeType").Int() == 1 && target.Call("matches", "button, a[href], summary, [role=button]").Bool()
		k.Sel = u.selection()
		k.Elsewhere = !u.docEl.Underlying().Call("contains", target).Bool() && !u.sidebar.Underlying().Call("contains", target).Bool()
		k.InList = target.Get("nodeType").Int() == 1 && target.Call("matches", "#sidebar [data-id]").Bool()
		if k.InList {
			k.Row = target.Call("getAttribute", "data-id").String()
		}
	}
	if k.Key == "Enter" && target.Get("id").String() == "student-name" {
		ev.PreventDefault()
		u.dispatch(app.SetStudentName{Name: target.Get("value").String()})
		return
	}
	a, ok := app.KeyAction(u.st, k)
	if !ok {
		u.caretKey = app.MovesCaret(u.st, k)
		return
	}
	ev.PreventDefault()
	if esc, ok := a.(app.Escape); ok {
		if u.st.TextEditor {
			// Esc in the text editor is its Cancel: the app asks before
			// it drops an edit, and the focus stays where it was.
			esc.EditedText = pageControl{u: u}.Value("edit-text")
			a = esc
		} else if inField {
			target.Call("blur")
		}
	}
	u.dispatch(a)
	if d, del := a.(app.Delete); del && d.Row != "" || isListKey(a) {
		// The list's one Tab stop moved (or its row went): the focus goes
		// with it, to the article when the list is empty.
		if row := u.sidebar.QuerySelector(`[data-id][tabindex="0"]`); row != nil {
			row.Underlying().Call("focus")
		} else if !u.sidebar.Underlying().Call("contains", activeElement()).Bool() {
			u.docEl.Underlying().Call("focus")
		}
	}
}

func isListKey(a app.Action) bool {
	_, ok := a.(app.ListKey)
	return ok
}

// menuKeys handles the keys of dialogs and menu buttons that only move
// the focus: Tab wraps inside a modal dialog; on a menu button ArrowDown
// and ArrowUp open the menu on its first or last item; in a menu the
// arrow keys, Home and End move between items and Tab closes it. It
// reports whether it took the key.
func (u *UI) menuKeys(ev dom.Event, target js.Value) bool {
	e := ev.Underlying()
	key := e.Get("key").String()
	if key == "Tab" && len(u.modals.open) > 0 {
		if u.trapTab(e.Get("shiftKey").Bool()) {
			ev.PreventDefault()
		}
		return true
	}
	if target.Get("nodeType").Int() != 1 {
		return false
	}
	if target.Call("matches", `[aria-haspopup="menu"]`).Bool() && (key == "ArrowDown" || key == "ArrowUp") {
		ev.PreventDefault()
		menu := u.el(target.Call("getAttribute", "aria-controls").String())
		if target.Call("getAttribute", "aria-expanded").String() != "true" {
			u.menuLast = key == "ArrowUp"
			target.Call("click")
		} else if items := menuItems(menu); len(items) > 0 {
			items[map[bool]int{true: len(items) - 1, false: 0}[key == "ArrowUp"]].Call("focus")
		}
		return true
	}
	if target.Call("closest", ".menu").IsNull() {
		return false
	}
	if key == "Tab" {
		// Tab closes the menu and moves on as it would from the button:
		// to the control after the menu (Shift+Tab: to the button).
		ev.PreventDefault()
		menu := target.Call("closest", ".menu")
		if b, ok := menuButtons[menu.Get("id").String()]; ok {
			afterMenu(u.el(b), menu, e.Get("shiftKey").Bool()).Call("focus")
		}
		u.dispatch(app.CloseMenus{})
		return true
	}
	if e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool() || e.Get("altKey").Bool() {
		return false // Ctrl+Z is undo, not the type-ahead's z
	}
	if menuKey(target, key) {
		ev.PreventDefault()
		return true
	}
	return false
}

// onCaret reports a caret the keyboard moved in the article (app.CaretAt):
// a collapsed selection in #doc while the article has the focus, after a
// key that moves the caret (app.MovesCaret).
func (u *UI) onCaret() {
	if !u.caretKey || u.st.Doc == "" {
		return
	}
	doc := u.docEl.Underlying()
	if !activeElement().Equal(doc) {
		return
	}
	sel := js.Global().Call("getSelection")
	if sel.IsNull() || sel.Get("rangeCount").Int() == 0 || !sel.Get("isCollapsed").Bool() {
		return
	}
	node := sel.Get("anchorNode")
	if !doc.Call("contains", node).Bool() {
		return
	}
	offset := u.boundary(node, sel.Get("anchorOffset").Int())
	if offset == u.lastCaret {
		return
	}
	u.lastCaret = offset
	u.dispatch(app.CaretAt{Offset: offset})
}

func (u *UI) onDrop(ev dom.Event) {
	ev.PreventDefault()
	dt := ev.Underlying().Get("dataTransfer")
	if dt.IsNull() || dt.IsUndefined() {
		return
	}
	u.dispatch(app.DropFiles{Files: u.fileInfos(dt.Get("files"))})
}

// announce tells other tabs of this origin that Sayso is open here, and
// answers their announcements (BroadcastChannel, where the browser has it).
func (u *UI) announce() {
	bc := js.Global().Get("BroadcastChannel")
	if bc.IsUndefined() {
		return
	}
	ch := bc.New("sayso")
	f := js.FuncOf(func(_ js.Value, args []js.Value) any {
		switch args[0].Get("data").String() {
		case "open":
			ch.Call("postMessage", "here")
			u.dispatch(app.OpenElsewhere{})
		case "here":
			u.dispatch(app.OpenElsewhere{})
		}
		return nil
	})
	u.funcs = append(u.funcs, f)
	ch.Call("addEventListener", "message", f)
	ch.Call("postMessage", "open")
}
