//go:build js && wasm

package ui

import (
	"strconv"
	"strings"
	"syscall/js"

	"honnef.co/go/js/dom/v2"

	"sayso/internal/app"
)

// listen installs one delegated listener per event type.
func (u *UI) listen() {
	body := u.doc.(dom.HTMLDocument).Body()
	u.on(body, "mousedown", u.onMouseDown)
	u.on(body, "click", u.onClick)
	u.on(body, "change", u.onChange)
	u.on(u.doc, "keydown", u.onKeyDown)
	// The article is contenteditable only so that the keyboard can move the
	// caret and extend a selection; every edit is refused.
	u.on(u.docEl, "beforeinput", func(ev dom.Event) { ev.PreventDefault() })
	u.on(u.docEl, "paste", func(ev dom.Event) { ev.PreventDefault() })
	u.on(u.docEl, "input", func(dom.Event) { u.st.RedrawAll(); u.render() })
	u.on(u.sidebar, "scroll", func(dom.Event) { u.dispatch(u.listScrolled()) })
	u.on(u.win, "resize", func(dom.Event) { u.dispatch(u.listScrolled()) })
	u.on(body, "dragover", func(ev dom.Event) { ev.PreventDefault() })
	u.on(body, "drop", u.onDrop)
	u.on(u.win, "pagehide", func(dom.Event) { u.saveNow() })
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
	if closest(ev, "[data-keepsel]") != nil {
		ev.PreventDefault()
	}
}

func (u *UI) onClick(ev dom.Event) {
	if u.st.ExportMenu && closest(ev, ".split") == nil {
		u.dispatch(app.ToggleExportMenu{}) // a click elsewhere closes the menu
	}
	if b := closest(ev, "[data-action]"); b != nil {
		u.onAction(ev, b)
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
		if u.hl.on {
			e := ev.Underlying()
			if cp, ok := u.hl.charAt(u.st, e.Get("clientX").Float(), e.Get("clientY").Float()); ok {
				u.dispatch(app.ClickText{Offset: cp})
			}
			return
		}
		o, err := strconv.Atoi(seg.GetAttribute("data-o"))
		if err == nil {
			u.dispatch(app.ClickText{Offset: o})
		}
	}
}

func (u *UI) onAction(ev dom.Event, b dom.Element) {
	alt := ev.Underlying().Get("altKey").Truthy()
	switch b.GetAttribute("data-action") {
	case "tag":
		sel := u.selection()
		if sel == nil {
			sel = &app.Selection{}
		}
		sel.Exact = alt
		u.dispatch(app.Tag{Label: b.GetAttribute("data-label"), Sel: *sel})
	case "stance":
		v := b.GetAttribute("data-value")
		if a, ok := u.st.Store.Annotation(u.st.Selected); ok && a.Stance == v {
			v = "" // pressing the current stance again clears it
		}
		u.dispatch(app.SetStance{Value: v})
	case "link-nearest":
		u.dispatch(app.LinkNearest{})
	case "delete":
		u.dispatch(app.Delete{})
	case "undo":
		u.dispatch(app.Undo{})
	case "redo":
		u.dispatch(app.Redo{})
	case "export":
		u.dispatch(app.Export{})
	case "export-menu":
		u.dispatch(app.ToggleExportMenu{})
	case "export-as":
		u.dispatch(app.ExportAs{Format: b.GetAttribute("data-format")})
	case "new":
		if u.st.Store.Len() == 0 || u.win.Confirm("Close this article and start another? Its annotations are removed from this browser; export them first to keep them.") {
			u.dispatch(app.CloseDocument{})
		}
	case "help":
		u.dispatch(app.ToggleHelp{})
	case "drop-orphans":
		if u.win.Confirm("Drop the annotations that could not be placed? This cannot be undone; export first to keep them.") {
			u.dispatch(app.DropOrphans{})
		}
	case "dismiss":
		u.dispatch(app.DismissMessage{})
	case "paste":
		title := u.doc.GetElementByID("paste-title").Underlying().Get("value").String()
		body := u.doc.GetElementByID("paste-text").Underlying().Get("value").String()
		u.dispatch(app.Paste{Title: title, Text: body})
	case "sample":
		u.dispatch(app.LoadSample{})
	case "docs":
		u.dispatch(app.ToggleDocuments{})
	case "schema":
		u.dispatch(app.ToggleSchema{})
	case "show-doc":
		u.dispatch(app.ShowDocument{ID: b.GetAttribute("data-doc")})
	case "doc-up":
		u.dispatch(app.MoveDocument{ID: b.GetAttribute("data-doc"), Delta: -1})
	case "doc-down":
		u.dispatch(app.MoveDocument{ID: b.GetAttribute("data-doc"), Delta: 1})
	case "doc-remove":
		u.dispatch(app.RemoveDocument{ID: b.GetAttribute("data-doc")})
	case "add-pasted":
		title := u.doc.GetElementByID("add-title").Underlying().Get("value").String()
		body := u.doc.GetElementByID("add-text").Underlying().Get("value").String()
		u.dispatch(app.AddPasted{Title: title, Text: body})
	case "label-add":
		u.dispatch(app.AddLabel{Name: u.value("new-label-name"), Color: u.value("new-label-color"), Key: u.value("new-label-key")})
	case "label-remove":
		u.dispatch(app.RemoveLabel{ID: b.GetAttribute("data-label")})
	case "stance-add":
		u.dispatch(app.AddStanceValue{Value: u.value("new-stance")})
	case "stance-up":
		u.dispatch(app.MoveStanceValue{Value: b.GetAttribute("data-stance"), Delta: -1})
	case "stance-down":
		u.dispatch(app.MoveStanceValue{Value: b.GetAttribute("data-stance"), Delta: 1})
	case "stance-remove":
		u.dispatch(app.RemoveStanceValue{Value: b.GetAttribute("data-stance")})
	case "compare":
		u.dispatch(app.OpenCompare{})
	case "exercise":
		u.dispatch(app.ToggleExercise{})
	case "exercise-export":
		u.dispatch(app.ExportExercise{})
	case "exercise-page":
		u.dispatch(app.ExportExercisePage{})
	case "exercise-key":
		u.dispatch(app.ExportKey{})
	case "student-name":
		u.dispatch(app.SetStudentName{Name: u.value("student-name")})
	case "import-confirm":
		u.dispatch(app.ConfirmImport{})
	case "import-cancel":
		u.dispatch(app.CancelImport{})
	case "place-orphan":
		u.dispatch(app.PlaceOrphan{Index: atoi(b.GetAttribute("data-orphan")), Sel: u.selection()})
	case "confirm-anchor":
		u.dispatch(app.ConfirmAnchor{})
	case "drop-orphan":
		u.dispatch(app.DropOrphan{Index: atoi(b.GetAttribute("data-orphan"))})
	case "close-compare":
		u.dispatch(app.CloseCompare{})
	case "compare-remove":
		u.dispatch(app.RemoveCompareFile{Index: atoi(b.GetAttribute("data-file"))})
	case "sort-compare":
		u.dispatch(app.SortCompare{Column: b.GetAttribute("data-col")})
	case "export-scores":
		u.dispatch(app.ExportScores{})
	case "adopt-gold":
		if u.st.Store.Len() == 0 || u.win.Confirm("Open the gold set? It replaces the project open now; export that first to keep it.") {
			u.dispatch(app.AdoptGold{})
		}
	}
}

// value is the value of the form field with the given id, or "".
func (u *UI) value(id string) string {
	el := u.doc.GetElementByID(id)
	if el == nil {
		return ""
	}
	return el.Underlying().Get("value").String()
}

func (u *UI) onChange(ev dom.Event) {
	t := ev.Underlying().Get("target")
	if t.Get("type").String() == "file" {
		switch {
		case t.Get("dataset").Get("add").Truthy():
			u.addTextFiles(t.Get("files"))
		case t.Get("dataset").Get("compare").Truthy():
			u.addCompareFiles(t.Get("files"))
		case t.Get("dataset").Get("import").Truthy():
			u.readFiles(t.Get("files"), app.MaxImportBytes, func(js.Value) string { return "" }, func(read []app.TextFile) {
				for _, f := range read {
					u.dispatch(app.ImportInto{Name: f.Name, Data: f.Data})
				}
			})
		default:
			u.openFiles(t.Get("files"))
		}
		t.Set("value", "")
		return
	}
	f := closest(ev, "[data-field]")
	if f == nil {
		return
	}
	v := t.Get("value").String()
	switch f.GetAttribute("data-field") {
	case "target":
		u.dispatch(app.SetTarget{Value: v})
	case "note":
		u.dispatch(app.SetNote{Value: v})
	case "mention":
		u.dispatch(app.LinkMention{MentionID: v})
	case "cue":
		u.dispatch(app.LinkCue{CueID: v})
	case "mention-speaker":
		u.dispatch(app.SetMentionSpeaker{SpeakerID: v})
	case "speaker-name":
		u.dispatch(app.RenameSpeaker{Name: v})
	case "topic":
		u.dispatch(app.SetTopic{Value: v})
	case "annotator":
		u.dispatch(app.SetAnnotator{Name: v})
	case "doc-done":
		u.dispatch(app.SetDone{ID: f.GetAttribute("data-doc"), Done: t.Get("checked").Truthy()})
	case "doc-title":
		u.dispatch(app.RenameDocument{ID: f.GetAttribute("data-doc"), Title: v})
	case "label-name", "label-color", "label-key":
		u.dispatch(app.EditLabel{ID: f.GetAttribute("data-label"), Field: strings.TrimPrefix(f.GetAttribute("data-field"), "label-"), Value: v})
	case "stance-name":
		u.dispatch(app.RenameStanceValue{Old: f.GetAttribute("data-stance"), New: v})
	case "exercise-title":
		u.dispatch(app.SetExerciseField{Field: "title", Value: v})
	case "exercise-instructions":
		u.dispatch(app.SetExerciseField{Field: "instructions", Value: v})
	case "exercise-doc":
		u.dispatch(app.SetExerciseDocument{ID: f.GetAttribute("data-doc"), On: t.Get("checked").Truthy()})
	case "import-choice":
		u.dispatch(app.SetImportChoice{Imported: f.GetAttribute("data-doc"), Choice: v})
	case "compare-key":
		u.dispatch(app.SetCompareKey{Index: atoi(f.GetAttribute("data-file"))})
	case "compare-include":
		u.dispatch(app.IncludeCompareFile{Index: atoi(f.GetAttribute("data-file")), Include: t.Get("checked").Truthy()})
	case "compare-weight":
		w, err := strconv.ParseFloat(v, 64)
		if err != nil {
			w = -1 // refused with a message
		}
		u.dispatch(app.SetCompareWeight{Name: f.GetAttribute("data-weight"), Value: w})
	case "compare-doc":
		u.dispatch(app.ShowCompareDocument{ID: v})
	case "compare-label":
		u.dispatch(app.ShowCompareDocument{Label: v})
	case "accept":
		u.dispatch(app.AcceptCandidate{Index: atoi(f.GetAttribute("data-cand")), Accept: t.Get("checked").Truthy()})
	case "export-scope":
		u.dispatch(app.SetExportScope{DocumentOnly: t.Get("checked").Truthy()})
	}
}

func (u *UI) onKeyDown(ev dom.Event) {
	e := ev.Underlying()
	if e.Get("isComposing").Truthy() {
		return
	}
	target := e.Get("target")
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
		k.Sel = u.selection()
	}
	if k.Key == "Enter" && target.Get("id").String() == "student-name" {
		ev.PreventDefault()
		u.dispatch(app.SetStudentName{Name: target.Get("value").String()})
		return
	}
	a, ok := app.KeyAction(u.st, k)
	if !ok {
		return
	}
	ev.PreventDefault()
	if _, esc := a.(app.Escape); esc && inField {
		target.Call("blur")
	}
	u.dispatch(a)
}

func (u *UI) onDrop(ev dom.Event) {
	ev.PreventDefault()
	dt := ev.Underlying().Get("dataTransfer")
	if dt.IsNull() || dt.IsUndefined() {
		return
	}
	files := dt.Get("files")
	if u.st.Comparing {
		u.addCompareFiles(files)
		return
	}
	if allText(files) && (files.Get("length").Int() > 1 || u.st.Doc != "") {
		u.addTextFiles(files)
		return
	}
	u.openFiles(files)
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

// atoi reads an index attribute; -1 when it is not a number.
func atoi(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}
