package app

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/exercise"
)

// warmUp sends WarmSuggest until it asks for no more (as the browser layer
// does, one for each WarmSuggestLater) and returns how many it took.
func warmUp(t *testing.T, st *State) int {
	t.Helper()
	steps := 0
	for {
		effects := Update(st, WarmSuggest{})
		steps++
		require.Less(t, steps, 1000)
		if len(effects) == 0 {
			return steps
		}
		require.Equal(t, []Effect{WarmSuggestLater{}}, effects)
	}
}

// freshSuggestions are the suggestions Suggest shows on a state that was
// never warmed.
func freshSuggestions(t *testing.T, title, body string) []Suggested {
	t.Helper()
	st := NewState(fixedClock)
	Update(st, Paste{Title: title, Text: body})
	suggested(t, st)
	list, _ := st.Suggestions()
	require.NotEmpty(t, list)
	return list
}

func TestWarmingReadiesSuggestInSmallSteps(t *testing.T) {
	st := NewState(fixedClock)
	steps := warmUp(t, st)
	assert.Greater(t, steps, 3, "the word lists, then the sample a paragraph a step")
	assert.NotNil(t, st.suggest.lexicon, "the word lists are built and kept")
	assert.Nil(t, st.suggest.warm, "the warming run is let go")
	assert.Empty(t, Update(st, WarmSuggest{}), "nothing is warmed twice")
}

func TestAWarmedSuggestFindsWhatAFreshOneFindsInOneSlice(t *testing.T) {
	long := ""
	for range 20 {
		long += SampleText + "\n\n"
	}
	for _, tt := range []struct{ name, body string }{
		{name: "the sample article", body: SampleText},
		{name: "another article", body: "The mayor said the bridge would reopen in May.\n\n“It is safe,” she told reporters. According to the engineers, the work is done."},
		{name: "a long article, in slices", body: long},
	} {
		t.Run(tt.name, func(t *testing.T) {
			want := freshSuggestions(t, "A", tt.body)
			st := NewState(fixedClock)
			warmUp(t, st)
			Update(st, Paste{Title: "A", Text: tt.body})
			slices := suggested(t, st)
			got, cur := st.Suggestions()
			assert.Equal(t, want, got)
			assert.Equal(t, 0, cur)
			if len(tt.body) < SuggestSliceChars {
				assert.Equal(t, 1, slices, "no slice of its own for the word lists")
			}
		})
	}
}

// TestSuggestDuringWarmingFindsTheSameSuggestions presses Suggest after a
// number of warming steps, with the warming steps still pending in the
// page arriving between Suggest's own slices.
func TestSuggestDuringWarmingFindsTheSameSuggestions(t *testing.T) {
	body := SampleText
	want := freshSuggestions(t, "A", body)
	all := warmUp(t, NewState(fixedClock))
	for _, warmed := range []int{0, 1, 2, all / 2, all - 1, all} {
		st := NewState(fixedClock)
		Update(st, Paste{Title: "A", Text: body})
		for range warmed {
			Update(st, WarmSuggest{})
		}
		effects := Update(st, Suggest{})
		for len(effects) > 0 {
			assert.Empty(t, Update(st, WarmSuggest{}), "after %d warming steps: warming stops once Suggest runs", warmed)
			effects = Update(st, SuggestMore{})
		}
		got, _ := st.Suggestions()
		assert.Equal(t, want, got, "after %d warming steps", warmed)
		_, running := st.SuggestRunning()
		assert.False(t, running)
	}
}

func TestWarmingShowsAndSavesNothing(t *testing.T) {
	for _, tt := range warmingStates {
		t.Run(tt.name, func(t *testing.T) {
			st := tt.st(t)
			st.takeRedraw() // what loading the article left to draw
			rev, msg, announce, save := st.Store.Revision(), st.Message, st.Announce, st.ShouldSave()
			for range 100 {
				plan := Step(st, WarmSuggest{})
				assert.Equal(t, save, plan.Save, "no save asked for")
				assert.Equal(t, Redraw{}, plan.Redraw, "nothing to redraw")
				if len(plan.Effects) == 0 {
					break
				}
			}
			assert.NotNil(t, st.suggest.lexicon, "warmed")
			assert.Equal(t, rev, st.Store.Revision())
			assert.Equal(t, msg, st.Message)
			assert.Equal(t, announce, st.Announce)
			list, _ := st.Suggestions()
			assert.Empty(t, list, "warming shows no suggestion")
			_, running := st.SuggestRunning()
			assert.False(t, running)
		})
	}
}

func TestWarmingDoesNothingWhereSuggestIsOff(t *testing.T) {
	teacher := teacherState(t)
	Update(teacher, SetExerciseSuggest{On: false})
	dl := Update(teacher, ExportExercise{})[0].(Download)
	e, err := exercise.Decode(dl.Data)
	require.NoError(t, err)
	require.True(t, e.NoSuggest)
	student := NewState(fixedClock)
	Update(student, OpenExercise{Name: "week3", Data: dl.Data})
	Update(student, SetStudentName{Name: "Sam"})
	require.False(t, student.SuggestAllowed())
	assert.Empty(t, Update(student, WarmSuggest{}))
	assert.Nil(t, student.suggest.lexicon, "no word lists built for a page without Suggest")
}

func TestWarmingRehearsesTheKeysPathOnAStateOfItsOwn(t *testing.T) {
	want := freshSuggestions(t, "Sample", rehearsalText())
	require.Greater(t, len(rehearsalText()), 500)
	for _, tt := range warmingStates {
		t.Run(tt.name, func(t *testing.T) {
			st := tt.st(t)
			doc, store, rev := st.Doc, st.Store, st.Store.Revision()
			warmUp(t, st)
			r := st.TakeSuggestRehearsal()
			require.NotNil(t, r, "the last warming step ran the key's path")
			assert.Nil(t, st.TakeSuggestRehearsal(), "taken once, then let go")
			got, cur := r.Suggestions()
			assert.Equal(t, want, got, "the rehearsal ran Suggest to its end on the start of the sample article")
			assert.GreaterOrEqual(t, len(got), 2, "with suggestions to list and pack")
			assert.Equal(t, 0, cur)
			assert.Same(t, st.suggest.lexicon, r.suggest.lexicon, "the word lists are shared, not built again")
			assert.NotSame(t, st.Store, r.Store)
			assert.Equal(t, doc, st.Doc)
			assert.Same(t, store, st.Store)
			assert.Equal(t, rev, st.Store.Revision(), "the person's project is untouched")
			list, _ := st.Suggestions()
			assert.Empty(t, list, "the person's page shows no suggestion")
		})
	}
}

func TestSuggestPressedBeforeTheRehearsalLeavesNone(t *testing.T) {
	st := sampleState(t)
	suggested(t, st)
	assert.Empty(t, Update(st, WarmSuggest{}))
	assert.Nil(t, st.TakeSuggestRehearsal(), "warming stopped once Suggest ran")
}

func TestTheRehearsalKeyIsNoShortcut(t *testing.T) {
	for _, tt := range []struct {
		name string
		st   func(t *testing.T) *State
		ev   KeyEvent
	}{
		{name: "on the start screen", st: func(*testing.T) *State { return NewState(fixedClock) }},
		{name: "with an article shown", st: sampleState},
		{name: "with text selected", st: sampleState, ev: KeyEvent{Sel: &Selection{Start: 0, End: 5}}},
		{name: "on a row of the list", st: sampleState, ev: KeyEvent{InList: true, Row: "a1"}},
		{name: "away from the article", st: sampleState, ev: KeyEvent{Elsewhere: true}},
		{name: "with the help open", st: func(t *testing.T) *State { st := sampleState(t); st.Help = true; return st }},
		{name: "with the export menu open", st: func(t *testing.T) *State { st := sampleState(t); st.ExportMenu = true; return st }},
		{name: "with suggestions shown", st: func(t *testing.T) *State { st := sampleState(t); suggested(t, st); return st }},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ev := tt.ev
			ev.Key = RehearsalKey
			a, ok := KeyAction(tt.st(t), ev)
			assert.False(t, ok, "the page's rehearsal of its key handler must do nothing, got %#v", a)
		})
	}
}

func TestSuggestDropsARehearsalNotYetTaken(t *testing.T) {
	st := sampleState(t)
	for st.suggest.rehearsal == nil {
		require.Equal(t, []Effect{WarmSuggestLater{}}, Update(st, WarmSuggest{}))
	}
	suggested(t, st)
	assert.Nil(t, st.TakeSuggestRehearsal(), "the browser layer has nothing left to build once Suggest ran")
}

// warmingStates are the states warming runs in: the start screen, and an
// article shown.
var warmingStates = []struct {
	name string
	st   func(t *testing.T) *State
}{
	{name: "on the start screen", st: func(*testing.T) *State { return NewState(fixedClock) }},
	{name: "with an article shown", st: sampleState},
}
