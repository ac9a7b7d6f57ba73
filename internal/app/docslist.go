package app

// The Documents panel's list of documents is drawn only where it is seen:
// rows have one fixed height (DocRowPx), the list is as tall as all of
// them, and only the rows in its view and a few around it are in the
// page. A project of thousands of documents opens its panel as fast as
// one of ten, and Tab still walks the rows one by one (the rows around
// the view are there, and the list scrolls to the focused one).

// DocRowPx is the height of one row of the documents list, in CSS pixels,
// until the browser layer says it (the style sheet gives rows one height
// for each width of the page).
const DocRowPx = 44

// docsAround is how many rows are drawn above and below the list's view.
const docsAround = 6

// docsViewRows is how many rows the list shows before the browser has
// said its height.
const docsViewRows = 14

// DocsScrolled reports the documents list's scroll position and height
// and the height of its rows, in pixels.
type DocsScrolled struct{ Top, Height, Row int }

func (DocsScrolled) isAction() {}

// docsList is where the documents list is scrolled.
type docsList struct{ top, height, row int }

// DocsWindow is the part of the documents list drawn: rows [first, end)
// of n.
func DocsWindow(st *State) (first, end, n int) {
	n = len(st.Store.Documents())
	row := DocRowPx
	if st.docs.row > 0 {
		row = st.docs.row
	}
	view := docsViewRows
	if st.docs.height > 0 {
		view = st.docs.height/row + 1
	}
	top := st.docs.top / row
	first = max(0, min(top, n-view)-docsAround)
	end = min(n, top+view+docsAround)
	return first, max(first, end), n
}

// docsScrolled applies DocsScrolled.
func (st *State) docsScrolled(a DocsScrolled) {
	st.docs = docsList{top: max(0, a.Top), height: max(0, a.Height), row: max(0, a.Row)}
}
func (DocsScrolled) project() {}
