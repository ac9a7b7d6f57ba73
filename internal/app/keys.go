package app

import (
	"sayso/internal/annotation"
)

// KeyEvent is a key press as the browser layer reports it.
type KeyEvent struct {
	Key   string // KeyboardEvent.key ("c", "Delete", "?")
	Code  string // KeyboardEvent.code ("KeyC"): used when Alt changes Key
	Ctrl  bool   // Control, or Command on a Mac
	Shift bool
	Alt   bool
	// InField is true when the focus is in a text field, select or button:
	// then only Escape is a shortcut.
	InField bool
	// Sel is the current text selection in the document, if any.
	Sel *Selection
	// OnButton is true when the focus is on a button or link: Enter
	// presses it rather than accepting a suggestion.
	OnButton bool
	// Elsewhere is true when the focus is neither in the article nor in
	// the annotation list (on a button, or on the page itself after a
	// control went away): Delete and Backspace then delete nothing.
	Elsewhere bool
	// InList is true when the focus is on a row of the annotation list:
	// the arrow keys, Home and End move between its rows, Enter selects,
	// Delete and Backspace delete that row's annotation (Row).
	InList bool
	// Row is the annotation of the list row that has the focus, if any.
	Row string
}

// Shortcut is one entry of the keyboard help.
type Shortcut struct {
	Keys string
	Does string
}

// Shortcuts lists every keyboard shortcut for the help panel and README.
func Shortcuts(schema annotation.Schema) []Shortcut {
	var out []Shortcut
	for _, l := range schema.Labels {
		out = append(out, Shortcut{Keys: l.Key, Does: "tag the selected text as " + l.Name + " (hold Alt to keep the exact selection, not whole words)"})
	}
	out = append(out,
		Shortcut{Keys: stanceKeys(len(schema.Stances)), Does: "set the selected claim's stance (its own key again clears it): " + joinStances(schema.Stances)},
		Shortcut{Keys: "l", Does: "link the selected claim to the nearest earlier speaker mention"},
		Shortcut{Keys: "j / k", Does: "select the next / previous annotation"},
		Shortcut{Keys: "Shift+arrows, Ctrl+Shift+arrows", Does: "in the article: select text by character, by word (or click a word, Shift+click another); tagging snaps it to whole words"},
		Shortcut{Keys: "↑ / ↓, Home / End, Enter", Does: "in the annotation list (one Tab stop): move between rows, select the row"},
		Shortcut{Keys: "Delete", Does: "delete the selected annotation (from the article); in the annotation list, the annotation of the focused row"},
		Shortcut{Keys: "↓ / ↑, a letter, Esc, Tab", Does: "on a menu button (Export ▾, Set up ▾): open the menu; in it, move, go to the next item starting with the letter, close it (Tab closes it and moves on)"},
		suggestShortcuts()[0], suggestShortcuts()[1],
		Shortcut{Keys: "Ctrl+Z", Does: "undo"},
		Shortcut{Keys: "Ctrl+Shift+Z or Ctrl+Y", Does: "redo"},
		Shortcut{Keys: "Esc", Does: "close this help, a dialog or a menu (focus goes back where it was); clear the selection"},
		Shortcut{Keys: "?", Does: "show or hide these shortcuts"},
	)
	return out
}

func joinStances(s []string) string {
	out := ""
	for i, v := range s {
		if i > 0 {
			out += ", "
		}
		out += v
	}
	return out
}

// KeyAction maps a key press to an action; ok is false when the key is not
// a shortcut (the browser then handles it as usual).
func KeyAction(st *State, ev KeyEvent) (Action, bool) {
	if ev.Key == "Escape" {
		return Escape{}, true
	}
	if ev.InField {
		return nil, false
	}
	if st.ModalOpen() || st.ExportMenu || st.SetupMenu {
		return modalKey(st, ev)
	}
	if ev.InList && !ev.Ctrl && !ev.Alt {
		switch ev.Key {
		case "ArrowDown", "ArrowUp", "Home", "End", "Enter", " ":
			return ListKey{Key: ev.Key}, true
		case "Delete", "Backspace":
			if ev.Row != "" {
				return Delete{Row: ev.Row}, true // the focused row, not the selection
			}
		}
	}
	if ev.Ctrl {
		switch {
		case ev.Code == "KeyZ" && ev.Shift, ev.Code == "KeyY":
			return Redo{}, true
		case ev.Code == "KeyZ":
			return Undo{}, true
		}
		return nil, false
	}
	if ev.Key == "?" {
		return ToggleHelp{}, true
	}
	if st.Doc == "" {
		return nil, false
	}
	letter := ev.Key
	if ev.Alt && len(ev.Code) == 4 && ev.Code[:3] == "Key" {
		letter = string(ev.Code[3] + 'a' - 'A')
	}
	if a, ok := suggestKey(st, ev, letter); ok {
		return a, true
	}
	for _, l := range st.Store.Schema().Labels {
		if letter == l.Key {
			if ev.Sel == nil {
				return Tag{Label: l.ID, Sel: Selection{}}, true
			}
			sel := *ev.Sel
			sel.Exact = ev.Alt
			return Tag{Label: l.ID, Sel: sel}, true
		}
	}
	switch letter {
	case "l":
		return LinkNearest{}, true
	case "j":
		return Move{Delta: 1}, true
	case "k":
		return Move{Delta: -1}, true
	case "Delete", "Backspace":
		if st.Selected != "" && !ev.Elsewhere {
			return Delete{}, true
		}
	}
	if len(ev.Code) == 6 && ev.Code[:5] == "Digit" && !ev.Shift {
		return SetStanceIndex{N: int(ev.Code[5] - '0')}, true
	}
	return nil, false
}

// modalKey maps the keys that work while a dialog or menu is open: ?
// closes the help, and undo and redo work in the documents, labels and
// exercise panels (not while a question waits for its answer).
func modalKey(st *State, ev KeyEvent) (Action, bool) {
	switch {
	case st.Help && ev.Key == "?" && st.Question == nil:
		return ToggleHelp{}, true
	case ev.Ctrl && st.Question == nil && (st.DocsPanel || st.SchemaPanel || st.ExercisePanel):
		switch {
		case ev.Code == "KeyZ" && ev.Shift, ev.Code == "KeyY":
			return Redo{}, true
		case ev.Code == "KeyZ":
			return Undo{}, true
		}
	}
	return nil, false
}

// stanceKeys names the digit keys of n stance values ("1 – 4").
func stanceKeys(n int) string {
	switch {
	case n <= 1:
		return "1"
	case n > 9:
		n = 9
	}
	return "1 – " + string(rune('0'+n))
}
