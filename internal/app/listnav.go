package app

import "sayso/internal/annotation"

// Keyboard use of the side list and of the article's caret: the list is
// one tab stop whose rows the arrow keys walk (ListKey), and a caret
// moved into annotated text shows what it is inside (CaretAt).

// ListKey is a key pressed on a row of the side list: "ArrowDown",
// "ArrowUp", "Home" and "End" move the list's focus between annotation
// rows, "Enter" (or " ") selects the focused one.
type ListKey struct{ Key string }

// CaretAt reports that the article's caret, moved with the keyboard, is
// now before code point Offset: when it enters annotated text, the
// innermost annotation there is selected (shown in the inspector) and
// what the caret is inside is announced.
type CaretAt struct{ Offset int }

// MovesCaret reports whether a key press moves the article's caret: the
// arrow keys, Home, End, PageUp and PageDown (with or without Ctrl),
// without Shift, which extends a selection instead, and not as a
// shortcut (KeyAction takes it). Only a caret such a key moved is a
// CaretAt: the article's selection also collapses when a redraw replaces
// the text under it (after a tag, say), and that is no move of the
// person's.
func MovesCaret(st *State, k KeyEvent) bool {
	switch k.Key {
	case "ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End", "PageUp", "PageDown":
	default:
		return false
	}
	if k.Shift || k.Alt || k.InField || k.InList {
		return false
	}
	_, shortcut := KeyAction(st, k)
	return !shortcut
}

func (ListKey) isAction() {}
func (CaretAt) isAction() {}
func (ListKey) session()  {}
func (CaretAt) session()  {}

// ListFocus is the annotation whose row of the side list takes the
// keyboard focus: the one the arrow keys last reached, else the selected
// one, else the first.
func ListFocus(st *State) string {
	for _, id := range []string{st.listFocus, st.Selected} {
		if id != "" && st.ListRowOf(id) >= 0 {
			return id
		}
	}
	if i := st.annotationRow(0, 1); i >= 0 {
		return st.ListRow(i).Annotation.ID
	}
	return ""
}

// rowOf is the row of annotation id among rows, or -1 (the tests' way of
// finding one in ListRows; the app asks ListRowOf).
func rowOf(rows []ListRow, id string) int {
	for i, r := range rows {
		if r.Annotation != nil && r.Annotation.ID == id {
			return i
		}
	}
	return -1
}

// listKey moves the list's focus or selects the focused row.
func (st *State) listKey(key string) []Effect {
	cur := st.ListRowOf(ListFocus(st))
	if cur < 0 {
		return nil
	}
	next := cur
	switch key {
	case "Enter", " ":
		a := st.ListRow(cur).Annotation
		st.listFocus = a.ID
		st.selectAnnotation(a.ID)
		st.say("Selected " + Describe(st, a) + ".") // even when it was: Enter is answered
		return []Effect{ScrollTo{ID: a.ID}}
	case "ArrowDown":
		next = st.annotationRow(cur+1, 1)
	case "ArrowUp":
		next = st.annotationRow(cur-1, -1)
	case "Home":
		next = st.annotationRow(0, 1)
	case "End":
		next = st.annotationRow(st.ListLen()-1, -1)
	}
	if next < 0 {
		next = cur
	}
	st.listFocus = st.ListRow(next).Annotation.ID
	st.revealRow(next)
	return nil
}

// annotationRow is the first annotation row of the side list from i on
// in direction step, or -1.
func (st *State) annotationRow(i, step int) int {
	for n := st.ListLen(); i >= 0 && i < n; i += step {
		if st.ListRow(i).Annotation != nil {
			return i
		}
	}
	return -1
}

// revealRow scrolls the side list so that row i is drawn and in view.
func (st *State) revealRow(i int) {
	l := &st.list
	h := l.height
	if h <= 0 {
		h = defaultListHeight
	}
	y := i * ListRowHeight
	if y < l.top || y+ListRowHeight > l.top+h {
		l.top = max(y-h/2+ListRowHeight/2, 0)
		l.scroll = true
	}
}

// caretAt selects and announces what the caret entered; leaving every
// annotation clears a selection the caret made.
func (st *State) caretAt(offset int) {
	var under []*annotation.Annotation
	for _, a := range st.Store.Overlapping(st.Doc, spanAt(offset)) {
		if a.Covers(offset) {
			under = append(under, a)
		}
	}
	key := ""
	for _, a := range under {
		key += a.ID + " "
	}
	if key == st.caretKey {
		return
	}
	st.caretKey = key
	if len(under) == 0 {
		if st.caretSelected != "" && st.caretSelected == st.Selected {
			st.selectAnnotation("")
			st.say("Outside the annotations.")
		}
		st.caretSelected = ""
		return
	}
	sortInnermostFirst(under)
	st.selectAnnotation(under[0].ID)
	st.caretSelected = under[0].ID
	st.say(st.insideText(under))
}
