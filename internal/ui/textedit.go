//go:build js && wasm

package ui

import (
	"honnef.co/go/js/dom/v2"

	"sayso/internal/app/view"
)

// textEditor draws the editor of the shown document's text (#textedit)
// and puts the focus in its text area when it opens. last is what it last
// drew ("" while closed), so that each opening starts from the text as it
// is, not from what was typed and cancelled.
type textEditor struct {
	panel, body dom.Element
	last        string
}

func (u *UI) drawTextEditor(p view.Page) {
	e := &u.textEdit
	if e.panel == nil {
		e.panel, e.body = u.doc.GetElementByID("textedit"), u.doc.GetElementByID("textedit-body")
		if e.panel == nil || e.body == nil {
			return
		}
	}
	opening := e.last == "" && !p.TextEditor.IsEmpty()
	if p.TextEditor.IsEmpty() {
		e.last = ""
	}
	u.setPanel(e.panel, e.body, &e.last, p.TextEditor)
	if opening {
		if ta := u.doc.GetElementByID("edit-text"); ta != nil {
			ta.Underlying().Call("focus")
		}
	}
}
