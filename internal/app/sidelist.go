package app

import (
	"fmt"
	"strconv"
	"strings"

	"sayso/internal/annotation"
	"sayso/internal/wording"
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

// listOverscan is the number of rows drawn above and below the visible ones,
// so that scrolling shows drawn rows while the next window is drawn.
const listOverscan = 12

// defaultListHeight is the visible height assumed before the browser layer
// reported one.
const defaultListHeight = 1200

// ListScrolled reports the side list's scroll position: Top is how far the
// list's first row is above the top of the visible area (negative when the
// list starts below it), Height the visible height, both in CSS pixels.
type ListScrolled struct{ Top, Height int }

func (ListScrolled) isAction() {}

// listView is the side list's cached rows and scroll position.
type listView struct {
	top, height int
	// reveal asks to scroll the selected annotation's row into view.
	reveal bool
	// scroll is set when the app moved the list: the browser layer must
	// scroll it to top.
	scroll bool

	rows     []listRow
	revision int
	doc      string
	built    bool
}

type listRowKind int

const (
	rowGroup listRowKind = iota // a group heading: a speaker, "No speaker yet", "Cues"
	rowItem                     // one annotation
)

// listRow is one row of the side list.
type listRow struct {
	kind    listRowKind
	speaker bool   // group rows: the group is a speaker's
	title   string // group rows: the heading
	count   string // group rows: "3 claims"
	ann     *annotation.Annotation
}

// listRows returns the rows of the shown document's side list, rebuilt
// only when the project changed.
func (st *State) listRows() []listRow {
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
func buildListRows(st *State) []listRow {
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
	rows := make([]listRow, 0, len(anns)+len(bySpeaker)+2)
	group := func(speaker bool, title, count string, items []*annotation.Annotation) {
		rows = append(rows, listRow{kind: rowGroup, speaker: speaker, title: title, count: count})
		for _, a := range items {
			rows = append(rows, listRow{kind: rowItem, ann: a})
		}
	}
	if len(bySpeaker) > 0 {
		for _, sp := range st.Store.Speakers() {
			items := bySpeaker[sp.ID]
			if len(items) == 0 {
				continue
			}
			group(true, sp.Name, wording.Count(countLabel(items, annotation.LabelClaim), "claim"), items)
		}
	}
	if len(unattributed) > 0 {
		group(false, "No speaker yet", wording.Count(len(unattributed), "annotation"), unattributed)
	}
	if len(cues) > 0 {
		group(false, "Cues", wording.Count(len(cues), "cue"), cues)
	}
	return rows
}

func countLabel(anns []*annotation.Annotation, label string) int {
	n := 0
	for _, a := range anns {
		if a.Label == label {
			n++
		}
	}
	return n
}

// listWindow is the range of rows [first, end) to draw.
func (st *State) listWindow(n int) (first, end int) {
	h := st.list.height
	if h <= 0 {
		h = defaultListHeight
	}
	first = max(st.list.top/ListRowHeight-listOverscan, 0)
	end = min((st.list.top+h)/ListRowHeight+1+listOverscan, n)
	return min(first, end), end
}

// ListGeometry tells the browser layer how to place the drawn rows: the
// number of rows in the whole list and the index of the first drawn one.
func ListGeometry(st *State) (rows, first int) {
	all := st.listRows()
	first, _ = st.listWindow(len(all))
	return len(all), first
}

// TakeListScroll returns where the browser layer must scroll the list (as
// in ListScrolled.Top) when the app moved it, to show the selected
// annotation's row.
func (st *State) TakeListScroll() (top int, ok bool) {
	l := &st.list
	if l.reveal {
		l.reveal = false
		for i, r := range st.listRows() {
			if r.kind != rowItem || r.ann.ID != st.Selected {
				continue
			}
			h := l.height
			if h <= 0 {
				h = defaultListHeight
			}
			y := i * ListRowHeight
			if y < l.top || y+ListRowHeight > l.top+h {
				l.top = max(y-h/2+ListRowHeight/2, 0)
				l.scroll = true
			}
			break
		}
	}
	if !l.scroll {
		return 0, false
	}
	l.scroll = false
	return l.top, true
}

// SidebarHTML renders the side list: what could not be placed, a summary,
// and the rows of the list's visible window. Every annotation row carries
// data-id for the click handler.
func SidebarHTML(st *State) string {
	anns := st.Store.Annotations(st.Doc)
	orphans := orphansHTML(st)
	if len(anns) == 0 {
		return orphans + `<p class="empty">No annotations yet. Select text in the article and press <kbd>c</kbd> for a claim, <kbd>s</kbd> for a speaker, <kbd>q</kbd> for a cue.</p>`
	}
	rows := st.listRows()
	speakers := 0
	for _, r := range rows {
		if r.speaker {
			speakers++
		}
	}
	var b strings.Builder
	b.WriteString(orphans)
	fmt.Fprintf(&b, `<p class="summary">%s, %s, %s</p>`, wording.Count(len(anns), "annotation"),
		wording.Count(countLabel(anns, annotation.LabelClaim), "claim"), wording.Count(speakers, "speaker"))
	first, end := st.listWindow(len(rows))
	b.WriteString(`<div class="vlist"><ul class="vrows" data-first="` + strconv.Itoa(first) + `">`)
	for _, r := range rows[first:end] {
		if r.kind == rowGroup {
			fmt.Fprintf(&b, `<li class="vrow ghead"><span class="who">%s</span> <span class="count">%s</span></li>`, esc(short(r.title, 60)), r.count)
			continue
		}
		st.listItem(&b, r.ann)
	}
	b.WriteString(`</ul></div>`)
	return b.String()
}

func (st *State) listItem(b *strings.Builder, a *annotation.Annotation) {
	cls := "vrow item l-" + cssName(a.Label)
	if a.ID == st.Selected {
		cls += " sel"
	}
	fmt.Fprintf(b, `<li class="%s" data-id="%s" tabindex="-1" title="%s"><span class="tag">%s</span>`,
		cls, esc(a.ID), esc(short(a.Quote, 300)), esc(st.labelDisplay(a.Label)))
	if a.Label == annotation.LabelClaim {
		stance := a.Stance
		if stance == "" {
			stance = "no stance"
		}
		fmt.Fprintf(b, `<span class="badge st-%s">%s</span>`, cssName(a.Stance), esc(stance))
	}
	if a.Anchored != "" {
		b.WriteString(`<span class="badge anchored" title="Re-anchored on import: check it">≈</span>`)
	}
	fmt.Fprintf(b, ` <span class="qt">%s</span></li>`, esc(short(a.Quote, 120)))
}
