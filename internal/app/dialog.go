package app

// The app's own dialogs and menus, in place of the browser's: a question
// before losing work (Question, answered with Answer) is state the page
// draws as a modal dialog, operable from the keyboard, instead of a
// native confirm() that a test cannot see and that blocks the page; the
// toolbar's Setup menu (Labels and stances…, Exercise for students…) is
// open or closed like the export menu.

// Question is a yes-or-no question waiting for the person: on yes, Then
// is applied.
type Question struct {
	Text string
	Then Action
}

// Answer answers the open question: Yes applies its action, no forgets it.
type Answer struct{ Yes bool }

// ToggleSetupMenu shows or hides the toolbar's Setup menu.
type ToggleSetupMenu struct{}

// CloseMenus closes the toolbar's menus (a click outside them).
type CloseMenus struct{}

// PickFile is a press on a button that chooses files (Open, Add .txt
// files, …): the browser layer opens the picker of the hidden file input
// Input, whose change then reports the files (ChooseFiles). A button, not
// a label around the input, is reached by Tab and named to screen readers.
type PickFile struct{ Input string }

// OpenPicker asks the browser layer to open the file input Input's picker.
type OpenPicker struct{ Input string }

func (OpenPicker) isEffect() {}

func (Answer) isAction()          {}
func (ToggleSetupMenu) isAction() {}
func (CloseMenus) isAction()      {}
func (PickFile) isAction()        {}

func (Answer) session()          {}
func (ToggleSetupMenu) session() {}
func (CloseMenus) session()      {}
func (PickFile) session()        {}

// applyDialogAction applies the actions of this file and of the keyboard
// (ListKey, CaretAt); ok is false for others.
func (st *State) applyDialogAction(a Action) (effects []Effect, ok bool) {
	switch a := a.(type) {
	case Answer:
		q := st.Question
		st.Question = nil
		if q != nil && a.Yes {
			return Update(st, q.Then), true
		}
		return nil, true
	case ToggleSetupMenu:
		st.SetupMenu = !st.SetupMenu
		st.ExportMenu = false
		return nil, true
	case CloseMenus:
		st.SetupMenu, st.ExportMenu = false, false
		return nil, true
	case PickFile:
		return []Effect{OpenPicker(a)}, true
	case ListKey:
		return st.listKey(a.Key), true
	case CaretAt:
		st.caretAt(a.Offset)
		return nil, true
	}
	return nil, false
}

// askQuestions takes the Confirm effects out of effects and makes the
// last of them the open question: the page asks it in a dialog of its own.
func (st *State) askQuestions(effects []Effect) []Effect {
	out := effects[:0:0]
	for _, e := range effects {
		if c, ok := e.(Confirm); ok {
			st.Question = &Question{Text: c.Text, Then: c.Then}
			continue
		}
		out = append(out, e)
	}
	return out
}

// ModalOpen reports whether a modal dialog is open: the page's keyboard
// shortcuts are off while one is (but Esc, and ? in the help).
func (st *State) ModalOpen() bool {
	return st.Question != nil || st.Help || st.DocsPanel || st.SchemaPanel || st.ExercisePanel ||
		st.Import != nil || st.Columns != nil || st.AskName || st.TextEditor
}
