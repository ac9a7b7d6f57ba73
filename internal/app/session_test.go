package app

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
)

func TestClosingAnEmptyArticleDoesNotAsk(t *testing.T) {
	st := sampleState(t)
	effects := Update(st, RequestClose{})
	assert.Equal(t, []Effect{Forget{}}, effects)
	assert.Empty(t, st.Doc)
}

func TestQuestionsBeforeLosingWork(t *testing.T) {
	tests := []struct {
		name string
		ask  Action
		then Action
		want string
	}{
		{"closing the article", RequestClose{}, CloseDocument{}, "Close this article and start another?"},
		{"dropping unplaced annotations", RequestDropOrphans{}, DropOrphans{}, "Drop the annotations that could not be placed?"},
		{"opening the gold set", RequestAdoptGold{}, AdoptGold{}, "Open the gold set?"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := sampleState(t)
			Update(st, Tag{Label: annotation.LabelClaim, Sel: cp(t, SampleText, "Nobody asked us")})
			effects := Update(st, tt.ask)
			require.Len(t, effects, 1)
			c, ok := effects[0].(Confirm)
			require.True(t, ok, "%T", effects[0])
			assert.Contains(t, c.Text, tt.want)
			assert.Equal(t, tt.then, c.Then)
			assert.Equal(t, 1, st.Store.Len(), "nothing is lost before the person answers")
		})
	}
}

func TestStanceButtonAndNumberKeysToggleTheSameWay(t *testing.T) {
	tests := []struct {
		name  string
		press Action
	}{
		{"the button", PressStance{Value: "against"}},
		{"the key", SetStanceIndex{N: 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := sampleState(t)
			Update(st, Tag{Label: annotation.LabelClaim, Sel: cp(t, SampleText, "Nobody asked us")})
			Update(st, tt.press)
			assert.Equal(t, "against", selected(t, st).Stance)
			Update(st, tt.press)
			assert.Equal(t, "", selected(t, st).Stance, "pressing the current stance again clears it")
		})
	}
}

func TestAutosaveWritesAndRestoreReadsTheProject(t *testing.T) {
	kv := &memKV{m: map[string]string{}}
	st := sampleState(t)
	Update(st, Tag{Label: annotation.LabelClaim, Sel: cp(t, SampleText, "Nobody asked us")})
	plan := Step(st, Autosave{Storage: kv})
	assert.False(t, plan.Save, "nothing left to save")
	assert.False(t, st.Unsaved(), "the save is recorded")

	fresh := NewState(fixedClock)
	Update(fresh, RestoreAutosave{Storage: kv})
	assert.Equal(t, st.Store.Project(), fresh.Store.Project())
	assert.False(t, fresh.Unsaved(), "what was just restored is saved")
}

func TestRestoreFallsBackToThePreviousSnapshot(t *testing.T) {
	kv := &memKV{m: map[string]string{}}
	st := sampleState(t)
	require.NoError(t, SaveSnapshot(kv, string(Update(st, Export{})[0].(Download).Data)))
	require.NoError(t, SaveSnapshot(kv, "{not json"))

	fresh := NewState(fixedClock)
	Update(fresh, RestoreAutosave{Storage: kv})
	assert.Equal(t, SampleTitle, Title(fresh))
	assert.Equal(t, "error", fresh.Message.Kind)
	assert.Contains(t, fresh.Message.Text, "The previous autosave was restored instead.")
}

func TestAutosaveSaysWhyStorageFailed(t *testing.T) {
	st := sampleState(t)
	Update(st, Autosave{Storage: failingKV{errors.New("QuotaExceededError: full")}})
	assert.Equal(t, "the browser's storage is full.", st.Save.Err)
	assert.True(t, st.ShouldSave(), "it tries again at the next change")
}

func TestAFailedAutosaveIsRetriedAfterTheNextActionNotInALoop(t *testing.T) {
	st := sampleState(t)
	full := failingKV{errors.New("QuotaExceededError: full")}
	plan := Step(st, Autosave{Storage: full})
	require.Equal(t, "the browser's storage is full.", st.Save.Err)
	assert.False(t, plan.Save, "the failed save does not schedule another by itself")
	plan = Step(st, Move{Delta: 1})
	assert.True(t, plan.Save, "the next action tries again")

	plan = Step(st, Autosave{Storage: &memKV{m: map[string]string{}}})
	assert.Empty(t, st.Save.Err)
	assert.False(t, plan.Save, "nothing left to save")
}

func TestStepRemembersTheShownDocumentOnce(t *testing.T) {
	st := NewState(fixedClock)
	plan := Step(st, LoadSample{})
	assert.Contains(t, plan.Effects, RememberShown{ID: st.Doc})
	plan = Step(st, Move{Delta: 1})
	assert.NotContains(t, plan.Effects, RememberShown{ID: st.Doc})
}

func TestOfflinePageFailuresAreExplained(t *testing.T) {
	st := sampleState(t)
	assert.Empty(t, Update(st, OfflinePage{Name: "x.html", Err: "HTTP 404"}))
	assert.Contains(t, st.Message.Text, "Could not fetch the offline page to put the exercise in (HTTP 404)")
	assert.Empty(t, Update(st, OfflinePage{Name: "x.html", Page: []byte("no marker here"), Exercise: []byte("{}")}))
	assert.Contains(t, st.Message.Text, "Could not build the offline page")
}

// failingKV is storage where every call fails with err.
type failingKV struct{ err error }

func (k failingKV) Get(string) (string, bool, error) { return "", false, k.err }
func (k failingKV) Set(string, string) error         { return k.err }
func (k failingKV) Remove(string) error              { return k.err }
