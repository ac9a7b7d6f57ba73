package app

import (
	"strconv"

	"sayso/internal/store"
)

// The first screen's copy is what the page paints from IndexedDB on the
// next load, before the program has loaded (web/preview.js): ScreenKey
// holds it, and ScreenSeqKey the batch whose state it shows. It is kept
// when the page is hidden or left (KeepFirstScreen), after the save made
// then, so a save costs nothing more; a copy is shown only when its batch
// is the newest storage holds, so one left behind by later saves (a page
// that crashed) is never shown. store.Recover ignores both keys.
const (
	ScreenKey    = "screen"
	ScreenSeqKey = "screen-seq"
)

// FirstScreen makes the first screen's copy of the state; ok is false
// when there is no document to show from it.
type FirstScreen func(st *State) (value string, ok bool)

// SetFirstScreen makes KeepFirstScreen keep f's copy of the first screen
// (or remove the last one when f has none).
func (st *State) SetFirstScreen(f FirstScreen) { st.firstScreen = f }

// KeepFirstScreen asks for the first screen's copy to be written, as the
// page is hidden or left, after the save made then; Storage as for
// Autosave (the copy is kept in IndexedDB only).
type KeepFirstScreen struct{ Storage KV }

// WriteFirstScreen asks the browser layer to carry out Ops in one
// IndexedDB transaction after every write asked before; how it went is
// not reported (a copy that was not written is not shown).
type WriteFirstScreen struct{ Ops []store.Op }

func (KeepFirstScreen) isAction()  {}
func (KeepFirstScreen) session()   {}
func (WriteFirstScreen) isEffect() {}

// keepFirstScreen plans the copy's write: the copy of the state the last
// planned save wrote (none is planned after it before the page is left),
// and that save's batch.
func (st *State) keepFirstScreen(kv KV) []Effect {
	if st.firstScreen == nil || kv != nil || st.saving == nil || st.Save.Stopped {
		return nil
	}
	// Every change must be in a batch: a copy of changes not planned yet
	// would show work that no save holds.
	planned := st.saving.planned
	if st.Unsaved() && (planned.store != st.Store || planned.revision != st.Store.Revision()) {
		return nil
	}
	seq := st.saving.log.Last()
	if planned.store == st.Store {
		seq = max(seq, planned.seq)
	}
	if seq == 0 {
		return nil
	}
	v, ok := st.firstScreen(st)
	if !ok {
		return []Effect{WriteFirstScreen{Ops: []store.Op{store.Del(ScreenKey), store.Del(ScreenSeqKey)}}}
	}
	return []Effect{WriteFirstScreen{Ops: []store.Op{store.Put(ScreenKey, v), store.Put(ScreenSeqKey, strconv.FormatUint(seq, 10))}}}
}
