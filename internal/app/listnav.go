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
	rows := st.ListRows()
	for _, id := range []string{st.listFocus, st.Selected} {
		if id != "" && rowOf(rows, id) >= 0 {
			return id
		}
	}
	for _, r := range rows {
		if r.Annotation != nil {
			return r.Annotation.ID
		}
	}
	return ""
}

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
	rows := st.ListRows()
	cur := rowOf(rows, ListFocus(st))
	if cur < 0 {
		return nil
	}
	next := cur
	switch key {
	case "Enter", " ":
		id := rows[cur].Annotation.ID
		st.listFocus = id
		st.selectAnnotation(id)
		st.say("Selected " + Describe(st, rows[cur].Annotation) + ".") // even when it was: Enter is answered
		return []Effect{ScrollTo{ID: id}}
	case "ArrowDown":
		next = annotationRow(rows, cur+1, 1)
	case "ArrowUp":
		next = annotationRow(rows, cur-1, -1)
	case "Home":
		next = annotationRow(rows, 0, 1)
	case "End":
		next = annotationRow(rows, len(rows)-1, -1)
	}
	if next < 0 {
		next = cur
	}
	st.listFocus = rows[next].Annotation.ID
	st.revealRow(next)
	return nil
}

// annotationRow is the first annotation row from i on in direction step,
// or -1.
func annotationRow(rows []ListRow, i, step int) int {
	for ; i >= 0 && i < len(rows); i += step {
		if rows[i].Annotation != nil {
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
