package app

// The first screen's copy is what the page paints on the next load,
// before the program has loaded (web/preview.js): the first screen of the
// shown document, kept in localStorage under ScreenKey when the page is
// hidden or left (KeepFirstScreen), as the save made then wrote it. It is
// removed before any later save is written, so a copy in storage is always
// of the saved work (a page that crashed after saving again leaves none),
// and when the saved work is erased. Reading it takes a fraction of
// opening IndexedDB, which is most of the wait before the copy shows.
const ScreenKey = "sayso:screen"

// FirstScreen makes the first screen's copy of the state; ok is false
// when there is no document to show from it.
type FirstScreen func(st *State) (value string, ok bool)

// SetFirstScreen makes KeepFirstScreen keep f's copy of the first screen
// (or remove the last one when f has none).
func (st *State) SetFirstScreen(f FirstScreen) { st.firstScreen = f }

// KeepFirstScreen asks for the first screen's copy to be kept, as the page
// is hidden or left, after the save made then; Storage as for Autosave
// (a copy is kept only for work kept in IndexedDB).
type KeepFirstScreen struct{ Storage KV }

// WriteFirstScreen asks the browser layer to keep Value as the first
// screen's copy (KeepScreen); an empty Value removes the copy.
type WriteFirstScreen struct{ Value string }

func (KeepFirstScreen) isAction()  {}
func (KeepFirstScreen) session()   {}
func (WriteFirstScreen) isEffect() {}

// KeepScreen carries out a WriteFirstScreen on kv (localStorage).
func KeepScreen(kv KV, w WriteFirstScreen) error {
	if w.Value == "" {
		return kv.Remove(ScreenKey)
	}
	return kv.Set(ScreenKey, w.Value)
}

// keepFirstScreen plans the copy: of the state the last planned save
// writes, when every change is in it.
func (st *State) keepFirstScreen(kv KV) []Effect {
	// None from a tab that does not write or does not know yet whether
	// it does (another tab's saves may be newer), nor while saves are
	// refused (storage full): the save made on leaving may be refused too.
	if st.firstScreen == nil || kv != nil || st.saving == nil || st.Save.Stopped || st.awaitingLock || st.Save.Err != "" {
		return nil
	}
	// A copy of changes no save holds would show work that is not saved.
	planned := st.saving.planned
	if st.Unsaved() && (planned.store != st.Store || planned.revision != st.Store.Revision()) {
		return nil
	}
	if st.saving.log.Last() == 0 && planned.store != st.Store {
		return nil // nothing saved yet
	}
	v, ok := st.firstScreen(st)
	if !ok {
		v = ""
	}
	st.screenForgotten = v == ""
	return []Effect{WriteFirstScreen{Value: v}}
}

// forgetFirstScreen removes the copy before a save is written, once per
// copy kept (and once at start: an earlier page may have kept one).
func (st *State) forgetFirstScreen() []Effect {
	if st.screenForgotten {
		return nil
	}
	st.screenForgotten = true
	return []Effect{WriteFirstScreen{}}
}
