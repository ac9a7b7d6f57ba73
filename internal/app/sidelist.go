package app

import (
	"cmp"
	"slices"
	"sort"
	"strings"

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
const ListOverscan = 6

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
	for _, id := range []string{st.listFocus, st.Selected} {
		i := st.ListRowOf(id)
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

// listView is the side list's rows (kept up to date by listIndex) and
// scroll position.
type listView struct {
	top, height int
	// reveal asks to scroll the selected annotation's row into view.
	reveal bool
	// scroll is set when the app moved the list: the browser layer must
	// scroll it to top.
	scroll bool

	index listIndex
}

// ListRow is one row of the side list: a group heading (a speaker, "No
// speaker yet", "Cues") when Annotation is nil, else one annotation.
type ListRow struct {
	Speaker    bool   // group rows: the group is a speaker's
	Title      string // group rows: the heading
	Count      string // group rows: "3 claims"
	Annotation *annotation.Annotation
}

// ListRows returns every row of the shown document's side list. It makes
// a new slice of them all; the side list itself reads only the rows it
// draws (ListLen, ListRow, ListRowOf).
func (st *State) ListRows() []ListRow {
	x := st.listIndex()
	rows := make([]ListRow, 0, x.len())
	for g := range x.groups {
		rows = append(rows, x.head(g))
		for _, a := range x.groups[g].members {
			rows = append(rows, ListRow{Annotation: a})
		}
	}
	if len(rows) == 0 {
		return nil
	}
	return rows
}

// ListLen is the number of rows of the shown document's side list.
func (st *State) ListLen() int { return st.listIndex().len() }

// ListRow is row i of the shown document's side list (0 ≤ i < ListLen).
func (st *State) ListRow(i int) ListRow { return st.listIndex().row(i) }

// ListRowOf is the row of annotation id in the side list, or -1.
func (st *State) ListRowOf(id string) int {
	if id == "" {
		return -1
	}
	a, ok := st.Store.Annotation(id)
	if !ok || a.Document != st.Doc {
		return -1
	}
	return st.listIndex().rowOf(a)
}

// ListCounts returns the side list's summary counts: the shown document's
// claims and the speakers with a group in the list. They are kept with
// the rows, so that a redraw does not go over every annotation.
func ListCounts(st *State) (claims, speakers int) {
	x := st.listIndex()
	return x.claims, x.speakers
}

// listIndex returns the side list's groups, brought up to date with the
// project.
func (st *State) listIndex() *listIndex {
	x := &st.list.index
	x.sync(st)
	return x
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
	n := st.ListLen()
	first, _ = st.ListWindow(n)
	return n, first
}

// ListDrawn is the part of the side list a redraw drew: rows [First,
// End) of a list of Rows rows.
type ListDrawn struct{ First, End, Rows int }

// ListDrawnNow is the part of the side list a redraw would draw now.
func ListDrawnNow(st *State) ListDrawn {
	n := st.ListLen()
	first, end := st.ListWindow(n)
	return ListDrawn{First: first, End: end, Rows: n}
}

// ListCovered reports whether the rows drawn (d) still show what a
// redraw must: after an action that changed only the list's scroll
// position or height (ListScrolled, ListResized) the browser layer then
// draws nothing. The rows in view and half the extra rows on either side
// (ListOverscan) must be drawn, of a list of the same rows: a list made
// shorter by the inspector above it (the first claim added) needs no new
// rows, and a scroll draws the list again once every 3 rows rather than
// at every row.
func ListCovered(st *State, d ListDrawn) bool {
	n := st.ListLen()
	if n != d.Rows {
		return false
	}
	h := st.list.height
	if h <= 0 {
		h = defaultListHeight
	}
	first := max(st.list.top/ListRowHeight-ListOverscan/2, 0)
	end := min((st.list.top+h)/ListRowHeight+1+ListOverscan/2, n)
	return first >= d.First && end <= d.End
}

// takeListScroll returns where the browser layer must scroll the list (as
// in ListScrolled.Top) when the app moved it, to show the selected
// annotation's row.
func (st *State) takeListScroll() (top int, ok bool) {
	l := &st.list
	if l.reveal {
		l.reveal = false
		if i := st.ListRowOf(st.Selected); i >= 0 {
			st.revealRow(i)
		}
	}
	if !l.scroll {
		return 0, false
	}
	l.scroll = false
	return l.top, true
}

// listIndex is the side list's grouping of the shown document's
// annotations, kept up to date by the changes to the project rather than
// built again after each (it was, in O(annotations), at every redraw):
// after a change it finds what changed by comparing the store's list of
// the document's annotations with the copy it took last time — pointers
// only, as the store writes a new value for every changed annotation —
// and moves those annotations alone between groups. A row is found by its
// group (a binary search over the groups' first rows) and its place in
// the group (a binary search in reading order), so that drawing the rows
// in view costs what is drawn.
type listIndex struct {
	store    *annotation.Store
	doc      string
	revision int
	built    bool
	// anns is a copy of the store's annotations of doc, in reading order,
	// as the groups hold them.
	anns []*annotation.Annotation
	// groups are the list's groups in order: the speakers' (by name, as
	// Store.Speakers orders them), then the annotations with no speaker,
	// then the cues; only groups with annotations. first[g] is the row of
	// group g's heading.
	groups []listGroup
	first  []int
	// The summary's counts: claims of the document, speakers with a group.
	claims, speakers int
	// rebuilds counts the times every annotation was grouped again (for
	// the tests: a change of one annotation must not).
	rebuilds int
}

// listGroup is one group of the side list: its annotations in reading
// order.
type listGroup struct {
	kind    int                 // groupSpeaker, groupNone or groupCues
	speaker *annotation.Speaker // groupSpeaker: the speaker as last read
	// key orders speaker groups as Store.Speakers does.
	key     string
	members []*annotation.Annotation
	claims  int
}

// The kinds of group, in the list's order.
const (
	groupSpeaker = iota
	groupNone
	groupCues
)

// maxListPatch is how many changed annotations the index moves one by
// one; past it (an import, undoing a batch), it groups them all again.
const maxListPatch = 256

func (x *listIndex) len() int {
	if len(x.groups) == 0 {
		return 0
	}
	g := len(x.groups) - 1
	return x.first[g] + 1 + len(x.groups[g].members)
}

func (x *listIndex) head(g int) ListRow {
	gr := &x.groups[g]
	switch gr.kind {
	case groupSpeaker:
		return ListRow{Speaker: true, Title: gr.speaker.Name, Count: plural(gr.claims, "claim")}
	case groupNone:
		return ListRow{Title: "No speaker yet", Count: plural(len(gr.members), "annotation")}
	}
	return ListRow{Title: "Cues", Count: plural(len(gr.members), "cue")}
}

// row is row i of the list.
func (x *listIndex) row(i int) ListRow {
	g := sort.Search(len(x.first), func(g int) bool { return x.first[g] > i }) - 1
	if g < 0 || i >= x.len() {
		return ListRow{}
	}
	if i == x.first[g] {
		return x.head(g)
	}
	return ListRow{Annotation: x.groups[g].members[i-x.first[g]-1]}
}

// rowOf is the row of annotation a, or -1.
func (x *listIndex) rowOf(a *annotation.Annotation) int {
	g := x.groupOf(a, false)
	if g < 0 {
		return -1
	}
	k, ok := findMember(x.groups[g].members, a)
	if !ok {
		return -1
	}
	return x.first[g] + 1 + k
}

// sync brings the index up to date with the project.
func (x *listIndex) sync(st *State) {
	if x.built && x.store == st.Store && x.doc == st.Doc && x.revision == st.Store.Revision() {
		return
	}
	now := st.Store.Annotations(st.Doc)
	if !x.built || x.store != st.Store || x.doc != st.Doc || !x.patch(st.Store, now) || !x.speakersKept(st.Store) {
		x.rebuild(st.Store, now)
	}
	x.store, x.doc, x.revision, x.built = st.Store, st.Doc, st.Store.Revision(), true
}

// speakersKept reports whether every speaker with a group is still the
// store's (not renamed, merged or removed), once patch has moved the
// changed annotations: else the groups' order and headings are made
// again. (A speaker gone with its last mention left no group.)
func (x *listIndex) speakersKept(s *annotation.Store) bool {
	for i := range x.groups {
		g := &x.groups[i]
		if g.kind != groupSpeaker {
			continue
		}
		if sp, ok := s.Speaker(g.speaker.ID); !ok || sp != g.speaker {
			return false
		}
	}
	return true
}

// patch moves the annotations that changed since the index last looked
// (those between the longest common head and tail of the two lists) out
// of their groups and into their new ones; false when there are too many
// or a speaker is missing, for rebuild to do.
func (x *listIndex) patch(s *annotation.Store, now []*annotation.Annotation) bool {
	old := x.anns
	head := 0
	for head < len(old) && head < len(now) && old[head] == now[head] {
		head++
	}
	tail := 0
	for tail < len(old)-head && tail < len(now)-head && old[len(old)-1-tail] == now[len(now)-1-tail] {
		tail++
	}
	gone, came := old[head:len(old)-tail], now[head:len(now)-tail]
	if len(gone)+len(came) > maxListPatch {
		return false
	}
	for _, a := range came {
		if a.Speaker != "" {
			if _, ok := s.Speaker(a.Speaker); !ok {
				return false // in no group: rebuild says so
			}
		}
	}
	for _, a := range gone {
		x.take(a)
	}
	for _, a := range came {
		if !x.put(s, a) {
			return false
		}
	}
	x.groups = slices.DeleteFunc(x.groups, func(g listGroup) bool { return len(g.members) == 0 })
	x.anns = slices.Replace(x.anns, head, len(old)-tail, came...)
	x.count()
	return true
}

// take removes annotation a from its group.
func (x *listIndex) take(a *annotation.Annotation) {
	g := x.groupOf(a, false)
	if g < 0 {
		return
	}
	gr := &x.groups[g]
	if k, ok := findMember(gr.members, a); ok {
		gr.members = slices.Delete(gr.members, k, k+1)
		if a.Label == annotation.LabelClaim {
			gr.claims--
		}
	}
}

// put adds annotation a to its group, making the group when it has none.
func (x *listIndex) put(s *annotation.Store, a *annotation.Annotation) bool {
	g := x.groupOf(a, true)
	if g < 0 {
		sp, ok := s.Speaker(a.Speaker)
		if !ok {
			return false
		}
		g = x.newGroup(sp)
	}
	gr := &x.groups[g]
	k, _ := slices.BinarySearchFunc(gr.members, a, compareReading)
	gr.members = slices.Insert(gr.members, k, a)
	if a.Label == annotation.LabelClaim {
		gr.claims++
	}
	return true
}

// groupOf is the index of the group annotation a belongs in, or -1 when
// there is none (yet). Empty groups count only when withEmpty (patch
// removes them once it has moved every annotation).
func (x *listIndex) groupOf(a *annotation.Annotation, withEmpty bool) int {
	kind := groupNone
	switch {
	case a.Speaker != "":
		kind = groupSpeaker
	case a.Label == annotation.LabelCue:
		kind = groupCues
	}
	if kind != groupSpeaker {
		for g := len(x.groups) - 1; g >= 0 && g >= len(x.groups)-2; g-- {
			if x.groups[g].kind == kind && (withEmpty || len(x.groups[g].members) > 0) {
				return g
			}
		}
		if !withEmpty {
			return -1
		}
		// A new group of its kind: after the speakers (and before the
		// cues, for the annotations with no speaker).
		at := len(x.groups)
		if kind == groupNone && at > 0 && x.groups[at-1].kind == groupCues {
			at--
		}
		x.groups = slices.Insert(x.groups, at, listGroup{kind: kind})
		x.first = slices.Insert(x.first, at, 0)
		return at
	}
	sp := a.Speaker
	n := x.speakerGroups()
	for g := range n { // by id: the key of a group with a speaker
		if x.groups[g].speaker.ID == sp && (withEmpty || len(x.groups[g].members) > 0) {
			return g
		}
	}
	return -1
}

// speakerGroups is the number of speaker groups (the first groups).
func (x *listIndex) speakerGroups() int {
	n := len(x.groups)
	for n > 0 && x.groups[n-1].kind != groupSpeaker {
		n--
	}
	return n
}

// newGroup makes speaker sp's group in its place by name and returns it.
func (x *listIndex) newGroup(sp *annotation.Speaker) int {
	key := speakerKey(sp)
	n := x.speakerGroups()
	at := sort.Search(n, func(g int) bool { return !speakerBefore(x.groups[g].key, x.groups[g].speaker.ID, key, sp.ID) })
	x.groups = slices.Insert(x.groups, at, listGroup{kind: groupSpeaker, speaker: sp, key: key})
	x.first = slices.Insert(x.first, at, 0)
	return at
}

// count numbers the groups' first rows and counts the summary's numbers.
func (x *listIndex) count() {
	x.first = slices.Grow(x.first[:0], len(x.groups))[:len(x.groups)]
	row := 0
	x.claims, x.speakers = 0, 0
	for g := range x.groups {
		x.first[g] = row
		row += 1 + len(x.groups[g].members)
		if x.groups[g].kind == groupSpeaker {
			x.speakers++
		}
		x.claims += x.groups[g].claims
	}
}

// rebuild groups every annotation again: each speaker with its mentions
// and claims (speakers by name), then the annotations with no speaker,
// then the cues. An annotation naming a speaker the project does not
// have is in no group.
func (x *listIndex) rebuild(s *annotation.Store, now []*annotation.Annotation) {
	x.rebuilds++
	x.anns = append(x.anns[:0], now...)
	x.groups, x.first = x.groups[:0], x.first[:0]
	x.claims, x.speakers = 0, 0
	if len(now) == 0 {
		return
	}
	speakers := s.Speakers()
	index := make(map[string]int, len(speakers))
	for i, sp := range speakers {
		index[sp.ID] = i
	}
	none, cues := len(speakers), len(speakers)+1
	groups := make([]listGroup, len(speakers)+2)
	for i, sp := range speakers {
		groups[i] = listGroup{kind: groupSpeaker, speaker: sp, key: speakerKey(sp)}
	}
	groups[none].kind, groups[cues].kind = groupNone, groupCues
	// Count first, so that each group's slice is made once.
	group := make([]int32, len(now))
	count := make([]int, len(groups))
	last, lastGroup := "", -1
	for i, a := range now {
		g := none
		switch {
		case a.Speaker != "":
			if a.Speaker != last {
				g, ok := index[a.Speaker]
				if !ok {
					g = -1
				}
				last, lastGroup = a.Speaker, g
			}
			g = lastGroup
		case a.Label == annotation.LabelCue:
			g = cues
		}
		group[i] = int32(g)
		if g >= 0 {
			count[g]++
		}
	}
	for g := range groups {
		groups[g].members = make([]*annotation.Annotation, 0, count[g])
	}
	for i, a := range now {
		if g := group[i]; g >= 0 {
			groups[g].members = append(groups[g].members, a)
			if a.Label == annotation.LabelClaim {
				groups[g].claims++
			}
		}
	}
	for _, g := range groups {
		if len(g.members) > 0 {
			x.groups = append(x.groups, g)
		}
	}
	x.count()
}

// speakerKey is what orders speakers: their names folded as
// Store.Speakers folds them (case and runs of white space), then their
// ids (speakerBefore).
func speakerKey(sp *annotation.Speaker) string {
	return strings.ToLower(strings.Join(strings.Fields(sp.Name), " "))
}

// speakerBefore orders speakers as Store.Speakers does: by folded name,
// then by id ("s2" before "s10").
func speakerBefore(keyA, idA, keyB, idB string) bool {
	if keyA != keyB {
		return keyA < keyB
	}
	return idBefore(idA, idB)
}

// idBefore orders ids as the store does: by length, then lexically.
func idBefore(a, b string) bool {
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return a < b
}

// compareReading orders annotations in reading order as the store does:
// by start, longer first, then by id.
func compareReading(a, b *annotation.Annotation) int {
	ha, hb := a.Hull(), b.Hull()
	switch {
	case ha.Start != hb.Start:
		return cmp.Compare(ha.Start, hb.Start)
	case ha.End != hb.End:
		return cmp.Compare(hb.End, ha.End)
	case a.ID == b.ID:
		return 0
	case idBefore(a.ID, b.ID):
		return -1
	}
	return 1
}

// findMember finds annotation a in members (in reading order).
func findMember(members []*annotation.Annotation, a *annotation.Annotation) (int, bool) {
	k, ok := slices.BinarySearchFunc(members, a, compareReading)
	if ok && members[k] == a {
		return k, true
	}
	// Two values of one annotation compare equal: look at pointers near k.
	for j := max(k-1, 0); j < len(members) && j <= k+1; j++ {
		if members[j] == a {
			return j, true
		}
	}
	return k, false
}
