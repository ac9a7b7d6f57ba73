package view

import (
	"strconv"

	"sayso/internal/annotation"
	"sayso/internal/app"
	"sayso/internal/wording"
)

// maxOrphansShown is how many unplaced annotations the side list shows.
const maxOrphansShown = 50

// Sidebar renders the side list: what could not be placed, a summary, and
// the rows of the list's visible window (app.State.ListRows). Every
// annotation row carries data-id for the click handler.
func Sidebar(st *app.State) HTML {
	var b Builder
	sidebar(&b, st, nil)
	return b.HTML()
}

// SideList is the side list split for the browser layer to patch it row
// by row (web/morph.js, saysoRows): a redraw after an add parses and
// patches the rows that changed, not the forty in view. Head is Sidebar
// with the list's rows left out (its <ul> carries data-rows: morph.js
// leaves its rows alone); Rows are the drawn rows without the attributes
// that say their place (tabindex, aria-posinset, aria-setsize: adding an
// annotation changes them in every row), which Place holds, three per
// row in that order; Keys name the rows (an annotation's id, a group
// heading's title and its occurrence in the window).
type SideList struct {
	Head  HTML
	Keys  []string
	Rows  []HTML
	Place []int
}

// SidebarList renders the side list as a SideList. Head with each row,
// placed, in its <ul> is Sidebar.
func SidebarList(st *app.State) SideList {
	var b Builder
	l := SideList{}
	sidebar(&b, st, &l)
	l.Head = b.HTML()
	return l
}

// sidebar writes the side list to b, or, with rows, its rows to rows and
// the rest to b.
func sidebar(b *Builder, st *app.State, rows *SideList) {
	anns := st.Store.Annotations(st.Doc)
	orphans(b, st)
	suggestionsGroup(b, st)
	if len(anns) == 0 {
		b.Markup(`<p class="empty">No annotations yet. Select text in the article and press <kbd>c</kbd> for a claim, <kbd>s</kbd> for a speaker, <kbd>q</kbd> for a cue.</p>`)
		return
	}
	n := st.ListLen()
	claims, speakers := app.ListCounts(st)
	b.Printf(`<p class="summary">%s, %s, %s</p>`, wording.Count(len(anns), "annotation"),
		wording.Count(claims, "claim"), wording.Count(speakers, "speaker"))
	first, end := st.ListWindow(n)
	drawn := make([]app.ListRow, 0, end-first)
	for i := first; i < end; i++ {
		drawn = append(drawn, st.ListRow(i))
	}
	focus := listTabStop(st, drawn)
	if rows != nil {
		b.Printf(`<div class="vlist"><ul class="vrows" data-rows data-first="%d" aria-label="Annotations by speaker (arrow keys move, Enter selects)"></ul></div>`, first)
	} else {
		b.Printf(`<div class="vlist"><ul class="vrows" data-first="%d" aria-label="Annotations by speaker (arrow keys move, Enter selects)">`, first)
	}
	heads := map[string]int{}
	for i, r := range drawn {
		pos := listPos{n: first + i + 1, of: n, placed: rows == nil}
		rb := b
		if rows != nil {
			rb = &Builder{}
		}
		key := ""
		if r.Annotation == nil {
			key = "h\x00" + r.Title + "\x00" + strconv.Itoa(heads[r.Title])
			heads[r.Title]++
			rb.Markup(`<li class="vrow ghead"`)
			if pos.placed {
				rb.Printf(` aria-posinset="%d" aria-setsize="%d"`, pos.n, pos.of)
			}
			rb.Printf(`><span class="who">%s</span> <span class="count">%s</span></li>`, wording.Clip(r.Title, 60), r.Count)
		} else if rows != nil {
			key = r.Annotation.ID
			a := r.Annotation
			sp, _ := st.Store.Speaker(a.Speaker)
			rb.Put(HTML{s: st.ViewMemo(rowKey{a: a, speaker: sp, selected: a.ID == st.Selected}, func() string {
				var b Builder
				listItem(&b, st, a, pos, false)
				return b.HTML().String()
			})})
		} else {
			key = r.Annotation.ID
			listItem(rb, st, r.Annotation, pos, r.Annotation.ID == focus)
		}
		if rows != nil {
			tab := -1
			if r.Annotation != nil && r.Annotation.ID == focus {
				tab = 0
			} else if r.Annotation == nil {
				tab = NoTabindex
			}
			rows.Keys = append(rows.Keys, key)
			rows.Rows = append(rows.Rows, rb.HTML())
			rows.Place = append(rows.Place, tab, pos.n, pos.of)
		}
	}
	if rows == nil {
		b.Markup(`</ul></div>`)
	}
}

// rowKey is what a row of SideList shows (app.State.ViewMemo): the
// annotation, its speaker, whether it is selected; the schema (its
// labels' names) is ViewMemo's.
type rowKey struct {
	a        *annotation.Annotation
	speaker  *annotation.Speaker
	selected bool
}

// NoTabindex is SideList.Place's tabindex of a row that has none (a group
// heading).
const NoTabindex = -2

// listPos is a row's place in the whole list, for a screen reader to say
// "3 of 120" although only the rows in view are drawn; placed says to
// write it (and the row's tabindex) into the row's markup.
type listPos struct {
	n, of  int
	placed bool
}

// listTabStop is the drawn row that takes the list's one Tab stop: the
// list's keyboard focus (app.ListFocus) when it is drawn, else the first
// drawn annotation.
func listTabStop(st *app.State, drawn []app.ListRow) string {
	want, first := app.ListFocus(st), ""
	for _, r := range drawn {
		if r.Annotation == nil {
			continue
		}
		if r.Annotation.ID == want {
			return want
		}
		if first == "" {
			first = r.Annotation.ID
		}
	}
	return first
}

// listItem writes an annotation's row: read in full by a screen reader
// (label, quote, stance, speaker: app.Describe), one Tab stop for the
// whole list (tabindex 0 on one row, -1 on the others).
func listItem(b *Builder, st *app.State, a *annotation.Annotation, pos listPos, tabStop bool) {
	cls := "vrow item l-" + cssName(a.Label)
	if a.ID == st.Selected {
		cls += " sel"
	}
	tabindex := -1
	if tabStop {
		tabindex = 0
	}
	if pos.placed {
		b.Printf(`<li class="%s" data-id="%s" tabindex="%d" aria-label="%s" aria-posinset="%d" aria-setsize="%d"%s title="%s"><span class="tag">%s</span>`,
			cls, a.ID, tabindex, app.Describe(st, a), pos.n, pos.of, attrIf(a.ID == st.Selected, ` aria-current="true"`), wording.Clip(a.Quote, 300), st.LabelDisplay(a.Label))
	} else {
		b.Printf(`<li class="%s" data-id="%s" aria-label="%s"%s title="%s"><span class="tag">%s</span>`,
			cls, a.ID, app.Describe(st, a), attrIf(a.ID == st.Selected, ` aria-current="true"`), wording.Clip(a.Quote, 300), st.LabelDisplay(a.Label))
	}
	if a.Label == annotation.LabelClaim {
		stance := a.Stance
		if stance == "" {
			stance = "no stance"
		}
		b.Printf(`<span class="badge st-%s">%s</span>`, cssName(a.Stance), stance)
	}
	if a.Anchored != "" {
		b.Markup(`<span class="badge anchored" title="Re-anchored after its text changed: check it">≈</span>`)
	}
	b.Printf(` <span class="qt">%s</span></li>`, wording.Clip(a.Quote, 120))
}

// orphans lists the annotations an import could not place in the shown
// document, with their quotes, and buttons to place or drop them.
func orphans(b *Builder, st *app.State) {
	all := st.Store.Orphans()
	here := 0
	for _, o := range all {
		if o.Document == st.Doc {
			here++
		}
	}
	if here == 0 {
		return
	}
	b.Printf(`<section class="group orphans"><h3>Not placed <span class="count">%s</span></h3>`, wording.Count(here, "annotation"))
	b.Markup(`<p class="hint">These annotations (from an opened or imported file, or an edit of the text) have lost their text: it is not in this article any more. They are kept (and exported) until you place or drop them: select where one belongs and press its Place.</p><ul>`)
	shown := 0
	for i, o := range all {
		if o.Document != st.Doc {
			continue
		}
		if shown == maxOrphansShown {
			b.Printf(`<li class="more">and %s more (all are kept and exported)</li>`, wording.Count(here-shown, "annotation"))
			break
		}
		shown++
		b.Printf(`<li class="item orphan l-%s"><span class="tag">%s</span> <span class="qt">%s</span> <button type="button" data-action="%s" data-orphan="%d" data-keepsel title="Place it on the selected text">Place</button> <button type="button" data-action="%s" data-orphan="%d" title="Forget it">Drop</button></li>`,
			cssName(o.Label), st.LabelDisplay(o.Label), wording.Clip(o.Quote, 90), ActPlaceOrphan, i, ActDropOrphan, i)
	}
	b.Printf(`</ul><div class="row"><button type="button" data-action="%s">Drop them all</button></div></section>`, ActDropOrphans)
}
