package app

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// tagged is the sample with a claim tagged, selected.
func tagged(t *testing.T, quote string) *State {
	t.Helper()
	st := sampleState(t)
	Step(st, Tag{Label: "claim", Sel: cp(t, SampleText, quote)})
	require.NotEmpty(t, st.Selected)
	return st
}

func TestAQuestionIsTheAppsOwnDialogNotANativeConfirm(t *testing.T) {
	tests := []struct {
		name    string
		answer  Action
		closed  bool // the article was closed
		message string
	}{
		{"yes applies the question's action", Answer{Yes: true}, true, ""},
		{"no keeps the work", Answer{}, false, ""},
		{"Esc answers no", Escape{}, false, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := tagged(t, "a slow death for small businesses.")
			selected := st.Selected
			plan := Step(st, RequestClose{})
			for _, e := range plan.Effects {
				assert.IsType(t, RememberShown{}, e, "no Confirm effect reaches the browser layer")
			}
			require.NotNil(t, st.Question)
			assert.Contains(t, st.Question.Text, "Close this article")
			assert.Equal(t, CloseDocument{}, st.Question.Then)
			assert.True(t, st.ModalOpen())

			Step(st, tc.answer)
			assert.Nil(t, st.Question, "the dialog closed")
			assert.Equal(t, tc.closed, st.Doc == "")
			if !tc.closed {
				assert.Equal(t, selected, st.Selected, "Esc closed the dialog, not the selection too")
			}
		})
	}
}

func TestEveryQuestionOfTheAppIsAskedInTheDialog(t *testing.T) {
	for name, ask := range map[string]Action{
		"close":            RequestClose{},
		"drop the orphans": RequestDropOrphans{},
		"adopt the gold":   RequestAdoptGold{},
	} {
		t.Run(name, func(t *testing.T) {
			st := tagged(t, "a slow death for small businesses.")
			plan := Step(st, ask)
			require.NotNil(t, st.Question, "asked")
			for _, e := range plan.Effects {
				_, native := e.(Confirm)
				assert.False(t, native)
			}
		})
	}
}

func TestShortcutsAreOffWhileADialogOrMenuIsOpen(t *testing.T) {
	c := KeyEvent{Key: "c", Code: "KeyC", Sel: &Selection{Start: 1, End: 5}}
	undo := KeyEvent{Key: "z", Code: "KeyZ", Ctrl: true}
	del := KeyEvent{Key: "Delete", Code: "Delete"}
	tests := []struct {
		name string
		open func(st *State)
		ev   KeyEvent
		want Action // nil: not a shortcut
	}{
		{"c in the help", func(st *State) { st.Help = true }, c, nil},
		{"? closes the help", func(st *State) { st.Help = true }, KeyEvent{Key: "?", Code: "Slash", Shift: true}, ToggleHelp{}},
		{"Delete under a question", func(st *State) { Step(st, RequestClose{}) }, del, nil},
		{"Ctrl+Z under a question", func(st *State) { Step(st, RequestClose{}) }, undo, nil},
		{"Ctrl+Z in the labels editor", func(st *State) { st.SchemaPanel = true }, undo, Undo{}},
		{"c with the export menu open", func(st *State) { st.ExportMenu = true }, c, nil},
		{"j with the setup menu open", func(st *State) { Step(st, ToggleSetupMenu{}) }, KeyEvent{Key: "j", Code: "KeyJ"}, nil},
		{"Esc always", func(st *State) { Step(st, RequestClose{}) }, KeyEvent{Key: "Escape"}, Escape{}},
		{"c with nothing open", func(*State) {}, c, Tag{Label: "claim", Sel: Selection{Start: 1, End: 5}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := tagged(t, "a slow death for small businesses.")
			tc.open(st)
			got, ok := KeyAction(st, tc.ev)
			assert.Equal(t, tc.want != nil, ok)
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestTheSetupMenuOpensClosesAndClosesWhenAnItemIsChosen(t *testing.T) {
	tests := []struct {
		name  string
		then  Action
		panel func(st *State) bool
	}{
		{"Labels and stances…", ToggleSchema{}, func(st *State) bool { return st.SchemaPanel }},
		{"Exercise for students…", ToggleExercise{}, func(st *State) bool { return st.ExercisePanel }},
		{"Esc", Escape{}, func(st *State) bool { return !st.SetupMenu && st.Selected != "" }},
		{"a click elsewhere", CloseMenus{}, func(st *State) bool { return !st.SetupMenu }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := tagged(t, "a slow death for small businesses.")
			st.ExportMenu = true
			Step(st, ToggleSetupMenu{})
			assert.True(t, st.SetupMenu)
			assert.False(t, st.ExportMenu, "one menu at a time")
			Step(st, tc.then)
			assert.False(t, st.SetupMenu)
			assert.True(t, tc.panel(st))
		})
	}
}
