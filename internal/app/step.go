package app

// Plan is what the browser layer carries out after an action, in this
// order: draw what changed (Redraw tells the document's part), scroll the
// side list when ScrollList says so, then run the Effects. Making the plan
// is where the state forgets what it had to redraw: drawing it only reads.
type Plan struct {
	Effects []Effect
	Redraw  Redraw
	// ScrollList asks to scroll the side list to ListTop (as in
	// ListScrolled.Top), to show the selected annotation's row.
	ScrollList bool
	ListTop    int
	// Save asks for an Autosave shortly: the project has unsaved changes.
	// An Autosave's own plan never asks for another, so a save that failed
	// (full storage) is tried again after the next action, not in a loop
	// that encodes the whole project every few hundred milliseconds.
	Save bool
}

// listKeeps reports whether action a was done in the side list, whose
// focus it moved itself: a list key, or Delete on a row.
func (st *State) listKeeps(a Action) bool {
	switch a := a.(type) {
	case ListKey:
		return true
	case Delete:
		return a.Row != ""
	}
	return false
}

// Step applies an action (Update) and returns the plan of what to do.
// Questions (Confirm effects) become the page's own dialog (State.Question,
// answered with Answer; Esc answers no), and what changed is put into
// words for the live region (State.Announce).
func Step(st *State, a Action) Plan {
	if _, esc := a.(Escape); esc {
		switch {
		case st.Question != nil:
			a = Answer{}
		case st.SetupMenu:
			a = CloseMenus{}
		}
	}
	switch a.(type) {
	case ToggleSchema, ToggleExercise:
		st.SetupMenu = false // chosen from the Setup menu
	}
	was := st.remember(a)
	effects := st.askQuestions(Update(st, a))
	effects = append(effects, st.takeStored()...)
	st.announce(a, was)
	if !st.listKeeps(a) && st.Selected != was.selected {
		st.listFocus = "" // the list's focus follows a selection made elsewhere
	}
	if _, caret := a.(CaretAt); !caret && st.Selected != was.selected {
		st.caretKey, st.caretSelected = "", "" // the caret says where it is again
	}
	if st.Doc != "" && st.Doc != st.shownRemembered {
		st.shownRemembered = st.Doc
		effects = append(effects, RememberShown{ID: st.Doc})
	}
	top, scroll := st.takeListScroll()
	saving := false
	switch a := a.(type) {
	case Autosave, Compact:
		saving = true
	case Persisted:
		saving = a.Err != nil // a failed write is retried after the next action
	}
	return Plan{Effects: effects, Redraw: st.takeRedraw(), ScrollList: scroll, ListTop: top, Save: st.ShouldSave() && !saving}
}
