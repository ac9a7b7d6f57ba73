package app

import (
	"sayso/internal/annotation"
)

// The side list shows every annotation of the document grouped by speaker.
// A long document has thousands, so the list is virtual: its rows all have
// the same height, and only the rows in and near the visible part of the
// list are in the page (a few dozen elements, whatever the document's
// size). The browser layer reports the list's scroll position with
// ListScrolled and places the drawn rows with ListGeometry.

// ListRowHeight is the height of one side-list row in CSS pixels; app.css
// gives .vrow the same height.
const ListRowHeight = 32

// ListOverscan is the number of rows drawn above and below the visible ones,
// so that scrolling shows drawn rows while the next window is drawn.
const ListOverscan = 12

// defaultListHeight is the visible height assumed before the browser layer
// reported one.
const defaultListHeight = 1200

// ListScrolled reports the side list's scroll position: Top is how far the
// list's first row is above the top of the visible area (negative when the
// list starts below it), Height the visible height, both in CSS pixels.
type ListScrolled struct{ Top, Height int }

func (ListScrolled) isAction() {}

// ListResized reports the side list's new visible height after a redraw
// changed it (the inspector above it grew or shrank): the row the list
// showed of the selected annotation (or the row the arrow keys reached)
// stays in view. The app centres a row it reveals with the height it
// knows, which is the height before the redraw that shows the selection.
type ListResized struct{ Height int }

func (ListResized) isAction() {}

// listResized takes the list's new height, scrolling to keep the row of
// the list's focus or selection in view if it was in view before.
func (st *State) listResized(h int) {
	l := &st.list
	old := l.height
	if old <= 0 {
		old = defaultListHeight
	}
	l.height = h
	if h <= 0 || h >= old {
		return
	}
	rows := st.ListRows()
	for _, id := range []string{st.listFocus, st.Selected} {
		i := rowOf(rows, id)
		if id == "" || i < 0 {
			continue
		}
		y := i * ListRowHeight
		if y >= l.top && y+ListRowHeight <= l.top+old && y+ListRowHeight > l.top+h {
			st.revealRow(i)
		}
		return
	}
}

// listView is the side list's cached rows and scroll position.
type listView struct {
	top, height int
	// reveal asks to scroll the selected annotation's row into view.
	reveal bool
	// scroll is set when the app moved the list: the browser layer must
	// scroll it to top.
	scroll bool

	rows     []ListRow
	revision int
	doc      string
	built    bool
}

// ListRow is one row of the side list: a group heading (a speaker, "No
// speaker yet", "Cues") when Annotation is nil, else one annotation.
type ListRow struct {
	Speaker    bool   // group rows: the group is a speaker's
	Title      string // group rows: the heading
	Count      string // group rows: "3 claims"
	Annotation *annotation.Annotation
}

// ListRows returns the rows of the shown document's side list, rebuilt
// only when the project changed.
func (st *State) ListRows() []ListRow {
	l := &st.list
	if l.built && l.revision == st.Store.Revision() && l.doc == st.Doc {
		return l.rows
	}
	l.rows, l.revision, l.doc, l.built = buildListRows(st), st.Store.Revision(), st.Doc, true
	return l.rows
}

// buildListRows groups the annotations: each speaker with its mentions and
// claims (speakers by name), then the annotations with no speaker, then
// the cues.
func buildListRows(st *State) []ListRow {
	anns := st.Store.Annotations(st.Doc)
	if len(anns) == 0 {
		return nil
	}
	bySpeaker := map[string][]*annotation.Annotation{}
	var unattributed, cues []*annotation.Annotation
	for _, a := range anns {
		switch {
		case a.Speaker != "":
			bySpeaker[a.Speaker] = append(bySpeaker[a.Speaker], a)
		case a.Label == annotation.LabelCue:
			cues = append(cues, a)
		default:
			unattributed = append(unattributed, a)
		}
	}
	rows := make([]ListRow, 0, len(anns)+len(bySpeaker)+2)
	group := func(speaker bool, title, count string, items []*annotation.Annotation) {
		rows = append(rows, ListRow{Speaker: speaker, Title: title, Count: count})
		for _, a := range items {
			rows = append(rows, ListRow{Annotation: a})
		}
	}
	if len(bySpeaker) > 0 {
		for _, sp := range st.Store.Speakers() {
			items := bySpeaker[sp.ID]
			if len(items) == 0 {
				continue
			}
			group(true, sp.Name, plural(CountLabel(items, annotation.LabelClaim), "claim"), items)
		}
	}
	if len(unattributed) > 0 {
		group(false, "No speaker yet", plural(len(unattributed), "annotation"), unattributed)
	}
	if len(cues) > 0 {
		group(false, "Cues", plural(len(cues), "cue"), cues)
	}
	return rows
}

// CountLabel counts the annotations of a label.
func CountLabel(anns []*annotation.Annotation, label string) int {
	n := 0
	for _, a := range anns {
		if a.Label == label {
			n++
		}
	}
	return n
}

// ListWindow is the range of rows [first, end) of a list of n rows to
// draw: the visible ones and a few more on either side.
func (st *State) ListWindow(n int) (first, end int) {
	h := st.list.height
	if h <= 0 {
		h = defaultListHeight
	}
	first = max(st.list.top/ListRowHeight-ListOverscan, 0)
	end = min((st.list.top+h)/ListRowHeight+1+ListOverscan, n)
	return min(first, end), end
}

// ListGeometry tells the browser layer how to place the drawn rows: the
// number of rows in the whole list and the index of the first drawn one.
func ListGeometry(st *State) (rows, first int) {
	all := st.ListRows()
	first, _ = st.ListWindow(len(all))
	return len(all), first
}

// takeListScroll returns where the browser layer must scroll the list (as
// in ListScrolled.Top) when the app moved it, to show the selected
// annotation's row.
func (st *State) takeListScroll() (top int, ok bool) {
	l := &st.list
	if l.reveal {
		l.reveal = false
		for i, r := range st.ListRows() {
			if r.Annotation == nil || r.Annotation.ID != st.Selected {
				continue
			}
			st.revealRow(i)
			break
		}
	}
	if !l.scroll {
		return 0, false
	}
	l.scroll = false
	return l.top, true
}
