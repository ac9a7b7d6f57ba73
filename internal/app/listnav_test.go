package app

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// listed is the sample with a speaker and two claims linked to it, and a
// cue; nothing selected.
func listed(t *testing.T) *State {
	t.Helper()
	st := sampleState(t)
	claimBy(t, st, "Our streets were built for people, not for parking,", "Mayor Ines Okafor", 1)
	Step(st, Tag{Label: "claim", Sel: cp(t, SampleText, "Children should be able to walk to school")})
	Step(st, LinkNearest{})
	Step(st, Tag{Label: "cue", Sel: cp(t, SampleText, "said")})
	Step(st, Select{})
	return st
}

// annotationRows are the ids of the list's annotation rows, in order.
func annotationRows(st *State) []string {
	var ids []string
	for _, r := range st.ListRows() {
		if r.Annotation != nil {
			ids = append(ids, r.Annotation.ID)
		}
	}
	return ids
}

func TestTheArrowKeysWalkTheAnnotationListAndEnterSelects(t *testing.T) {
	st := listed(t)
	ids := annotationRows(st)
	require.Len(t, ids, 4)
	tests := []struct {
		keys  []string
		focus string
	}{
		{nil, ids[0]},
		{[]string{"ArrowDown"}, ids[1]},
		{[]string{"ArrowDown", "ArrowDown", "ArrowDown"}, ids[3]}, // over the "Cues" heading
		{[]string{"End", "ArrowDown"}, ids[3]},                    // stays on the last
		{[]string{"End", "ArrowUp"}, ids[2]},
		{[]string{"End", "Home"}, ids[0]},
		{[]string{"ArrowUp"}, ids[0]}, // stays on the first
	}
	for _, tc := range tests {
		st := listed(t)
		for _, k := range tc.keys {
			Step(st, ListKey{Key: k})
		}
		assert.Equal(t, tc.focus, ListFocus(st), "%v", tc.keys)
		assert.Empty(t, st.Selected, "the arrows move the focus only")
	}

	Step(st, ListKey{Key: "ArrowDown"})
	plan := Step(st, ListKey{Key: "Enter"})
	assert.Equal(t, ids[1], st.Selected)
	assert.Contains(t, plan.Effects, Effect(ScrollTo{ID: ids[1]}), "the article scrolls to it")
	assert.Equal(t, "Selected "+Describe(st, selected(t, st))+".", st.Announce.Text)
}

func TestTheListFocusFollowsTheSelectionUntilTheArrowsMoveIt(t *testing.T) {
	st := listed(t)
	ids := annotationRows(st)
	Step(st, Select{ID: ids[2]})
	assert.Equal(t, ids[2], ListFocus(st))
	Step(st, Delete{})
	assert.Equal(t, ids[0], ListFocus(st), "a deleted row's focus falls back to the first")
}

func TestKeysOnAListRowMoveInTheList(t *testing.T) {
	st := listed(t)
	for key, want := range map[string]Action{
		"ArrowDown": ListKey{Key: "ArrowDown"}, "ArrowUp": ListKey{Key: "ArrowUp"}, "Home": ListKey{Key: "Home"},
		"End": ListKey{Key: "End"}, "Enter": ListKey{Key: "Enter"}, " ": ListKey{Key: " "},
		"j": Move{Delta: 1},
	} {
		got, ok := KeyAction(st, KeyEvent{Key: key, InList: true})
		assert.True(t, ok, key)
		assert.Equal(t, want, got, key)
	}
	_, ok := KeyAction(st, KeyEvent{Key: "ArrowDown"})
	assert.False(t, ok, "outside the list the arrows are the browser's")
}

func TestArrowingFarDownTheListScrollsItToTheRow(t *testing.T) {
	st := NewState(fixedClock)
	body := ""
	for range 200 {
		body += "Someone said something here.\n"
	}
	Step(st, Paste{Title: "Long", Text: body})
	for i := range 100 {
		start := i * len([]rune("Someone said something here.\n"))
		Step(st, Tag{Label: "claim", Sel: Selection{Start: start, End: start + 7}})
	}
	Step(st, Select{})
	Step(st, ListScrolled{Top: 0, Height: 320})
	var plan Plan
	for range 40 {
		plan = Step(st, ListKey{Key: "ArrowDown"})
		if plan.ScrollList {
			break
		}
	}
	require.True(t, plan.ScrollList, "the list scrolled to keep the focused row in view")
	first, end := st.ListWindow(len(st.ListRows()))
	row := rowOf(st.ListRows(), ListFocus(st))
	assert.True(t, row >= first && row < end, "the focused row %d is drawn (%d–%d)", row, first, end)
}

// A caret is reported (CaretAt) only after a key that moves it: a tag's
// key, or a redraw collapsing the selection, is no move of the caret.
func TestOnlyCaretKeysInTheArticleMoveTheCaret(t *testing.T) {
	st := listed(t)
	mayor := cp(t, SampleText, "Mayor Ines Okafor")
	tests := []struct {
		name string
		key  KeyEvent
		want bool
	}{
		{"an arrow", KeyEvent{Key: "ArrowRight"}, true},
		{"an arrow by word", KeyEvent{Key: "ArrowLeft", Ctrl: true}, true},
		{"a line down", KeyEvent{Key: "ArrowDown"}, true},
		{"Home", KeyEvent{Key: "Home"}, true},
		{"End to the text's end", KeyEvent{Key: "End", Ctrl: true}, true},
		{"PageDown", KeyEvent{Key: "PageDown"}, true},
		{"a tag's key with a selection", KeyEvent{Key: "s", Sel: &mayor}, false},
		{"a tag's key alone", KeyEvent{Key: "c"}, false},
		{"Shift extends a selection", KeyEvent{Key: "ArrowRight", Shift: true}, false},
		{"Escape", KeyEvent{Key: "Escape"}, false},
		{"Tab", KeyEvent{Key: "Tab"}, false},
		{"an arrow in a field", KeyEvent{Key: "ArrowRight", InField: true}, false},
		{"an arrow on the list", KeyEvent{Key: "ArrowDown", InList: true}, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, MovesCaret(st, tc.key))
		})
	}
}

// longList is a document with 100 claims, nothing selected, the list at
// its top, 1,000 px tall.
func longList(t *testing.T) *State {
	t.Helper()
	st := NewState(fixedClock)
	line := "Someone said something here.\n"
	body := ""
	for range 200 {
		body += line
	}
	Step(st, Paste{Title: "Long", Text: body})
	for i := range 100 {
		start := i * len([]rune(line))
		Step(st, Tag{Label: "claim", Sel: Selection{Start: start, End: start + 7}})
	}
	Step(st, Select{})
	Step(st, ListScrolled{Top: 0, Height: 1000})
	return st
}

// rowInView reports whether the selected annotation's row is drawn and
// within the list's visible height h at the app's scroll position.
func rowInView(st *State, h int) bool {
	rows := st.ListRows()
	i := rowOf(rows, st.Selected)
	first, end := st.ListWindow(len(rows))
	y := i * ListRowHeight
	return i >= first && i < end && y >= st.list.top && y+ListRowHeight <= st.list.top+h
}

// The app centres the row of a selection far down the list with the
// height it knows; the inspector drawn for that selection then shrinks
// the list (ListResized), and the row must stay in view.
func TestTheSelectedRowStaysInViewWhenTheListShrinks(t *testing.T) {
	tests := []struct {
		name       string
		height     int
		wantScroll bool
	}{
		{"shrunk below the row", 344, true},
		{"shrunk, the row still in view", 990, false},
		{"grown", 1400, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := longList(t)
			plan := Step(st, Move{Delta: -1}) // k: the last annotation
			require.True(t, plan.ScrollList)
			require.True(t, rowInView(st, 1000))
			plan = Step(st, ListResized{Height: tc.height})
			assert.Equal(t, tc.wantScroll, plan.ScrollList)
			assert.True(t, rowInView(st, tc.height), "the selected row is in view in the list's new height")
		})
	}
}

// A person who scrolled away from the selected row keeps their place
// when the list's height changes.
func TestAResizeDoesNotScrollToARowOutOfView(t *testing.T) {
	st := longList(t)
	Step(st, Move{Delta: -1})
	Step(st, ListScrolled{Top: 0, Height: 1000})
	plan := Step(st, ListResized{Height: 344})
	assert.False(t, plan.ScrollList)
}

// Delete on a focused row of the list deletes that row's annotation, not
// the one selected before the arrows moved the focus; the list's focus
// moves to the row after it (before it, for the last).
func TestDeleteOnAFocusedListRowDeletesThatRow(t *testing.T) {
	for _, tc := range []struct {
		name      string
		key       string
		selected  int // index of the selected row, -1 for none
		focused   int
		wantFocus int // index, among the rows before the delete, of the row focused after it
	}{
		{"Delete, another row selected", "Delete", 0, 2, 3},
		{"Backspace, another row selected", "Backspace", 3, 1, 2},
		{"Delete, nothing selected", "Delete", -1, 0, 1},
		{"Delete on the last row", "Delete", 0, 3, 2},
		{"Delete on the selected row", "Delete", 2, 2, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := listed(t)
			ids := annotationRows(st)
			require.Len(t, ids, 4)
			if tc.selected >= 0 {
				Step(st, Select{ID: ids[tc.selected]})
			}
			victim, ok := st.Store.Annotation(ids[tc.focused])
			require.True(t, ok)
			words := "Deleted the " + st.labelName(victim.Label) + " " + st.details(victim) + ". Undo with Ctrl+Z."

			a, ok := KeyAction(st, KeyEvent{Key: tc.key, InList: true, Row: ids[tc.focused]})
			require.True(t, ok)
			require.Equal(t, Delete{Row: ids[tc.focused]}, a)
			Step(st, a)

			_, still := st.Store.Annotation(ids[tc.focused])
			assert.False(t, still, "the focused row's annotation is gone")
			for i, id := range ids {
				if i != tc.focused {
					_, ok := st.Store.Annotation(id)
					assert.True(t, ok, "row %d is kept", i)
				}
			}
			assert.Equal(t, words, st.Announce.Text)
			assert.Equal(t, ids[tc.wantFocus], ListFocus(st), "the focus stays in the list, on the next row")

			Step(st, Undo{})
			_, back := st.Store.Annotation(ids[tc.focused])
			assert.True(t, back, "undo brings it back")
		})
	}
}

func TestRevealingARowScrollsOnlyWhenItIsNotWhollyInView(t *testing.T) {
	const h = ListRowHeight
	tests := []struct {
		name             string
		top, height, row int
		wantTop          int
		scrolls          bool
	}{
		{"a row in view", 0, 10 * h, 3, 0, false},
		{"the last row wholly in view", 0, 10 * h, 9, 0, false},
		{"the row below it, centred", 0, 10 * h, 10, 10*h - 5*h + h/2, true},
		{"the first row in view", 10 * h, 10 * h, 10, 10 * h, false},
		{"the row above it, centred", 10 * h, 10 * h, 9, 9*h - 5*h + h/2, true},
		{"a row near the start, at the start", 10 * h, 10 * h, 2, 0, true},
		{"before the list is measured, its default height", 0, 0, defaultListHeight/h - 1, 0, false},
		{"before the list is measured, past its default height", 0, 0, defaultListHeight / h, defaultListHeight/h*h - defaultListHeight/2 + h/2, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := NewState(fixedClock)
			st.list.top, st.list.height = tc.top, tc.height
			st.revealRow(tc.row)
			assert.Equal(t, tc.wantTop, st.list.top)
			assert.Equal(t, tc.scrolls, st.list.scroll)
		})
	}
}

func TestAListThatShrinksKeepsTheFocusedRowInViewIfItWasInView(t *testing.T) {
	const h = ListRowHeight
	tests := []struct {
		name                 string
		top, height, resized int
		row                  int
		wantTop              int
		scrolls              bool
	}{
		{"growing scrolls nothing", 0, 10 * h, 20 * h, 9, 0, false},
		{"the same height scrolls nothing", 0, 10 * h, 10 * h, 9, 0, false},
		{"no height yet (hidden) scrolls nothing", 0, 10 * h, 0, 9, 0, false},
		{"the row still in view", 0, 10 * h, 5 * h, 3, 0, false},
		{"the row at the new bottom edge, still wholly in view", 0, 10 * h, 5 * h, 4, 0, false},
		{"the row hidden by the shrink, centred", 0, 10 * h, 5 * h, 7, 7*h - 5*h/2 + h/2, true},
		{"a list shorter than a row, its row at the top", 3 * h, 10 * h, h / 2, 3, 3*h - h/4 + h/2, true},
		{"the row at the old bottom edge, centred", 0, 10 * h, 5 * h, 9, 9*h - 5*h/2 + h/2, true},
		{"a row already out of view stays out", 0, 10 * h, 5 * h, 10, 0, false},
		{"the row just below the new edge, centred", 0, 10 * h, 5 * h, 5, 5*h - 5*h/2 + h/2, true},
		{"hidden while the list was taller than the default", 0, 50 * h, 0, 45, 0, false},
		{"the first height measured, after the default", 0, 0, 10 * h, defaultListHeight/h - 1, defaultListHeight/h*h - h - 5*h + h/2, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := longList(t)
			st.list.top, st.list.height, st.list.scroll = tc.top, tc.height, false
			st.listFocus = st.ListRow(tc.row).Annotation.ID
			st.listResized(tc.resized)
			assert.Equal(t, tc.wantTop, st.list.top)
			assert.Equal(t, tc.scrolls, st.list.scroll)
		})
	}
}

func TestTheListDrawsTheRowsInViewAndSixMoreEachSide(t *testing.T) {
	const h = ListRowHeight
	tests := []struct {
		name               string
		top, height, n     int
		wantFirst, wantEnd int
	}{
		{"at the top", 0, 10 * h, 100, 0, 17},
		{"scrolled a little", 3 * h, 10 * h, 100, 0, 20},
		{"scrolled further", 20 * h, 10 * h, 100, 14, 37},
		{"part of a row scrolled", 20*h + h/2, 10 * h, 100, 14, 37},
		{"near the end", 90 * h, 10 * h, 100, 84, 100},
		{"a short list", 0, 10 * h, 5, 0, 5},
		{"scrolled past a list that shrank", 90 * h, 10 * h, 20, 20, 20},
		{"before the list is measured", 0, 0, 100, 0, defaultListHeight/h + 1 + ListOverscan},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := NewState(fixedClock)
			st.list.top, st.list.height = tc.top, tc.height
			first, end := st.ListWindow(tc.n)
			assert.Equal(t, tc.wantFirst, first, "first")
			assert.Equal(t, tc.wantEnd, end, "end")
		})
	}
}
