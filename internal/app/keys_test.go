package app

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
)

func TestKeyActionMapsShortcuts(t *testing.T) {
	sel := &Selection{Start: 1, End: 4}
	tests := []struct {
		name string
		ev   KeyEvent
		want Action
	}{
		{"c tags a claim", KeyEvent{Key: "c", Code: "KeyC", Sel: sel}, Tag{Label: "claim", Sel: *sel}},
		{"s tags a speaker", KeyEvent{Key: "s", Code: "KeyS", Sel: sel}, Tag{Label: "speaker", Sel: *sel}},
		{"q tags a cue", KeyEvent{Key: "q", Code: "KeyQ", Sel: sel}, Tag{Label: "cue", Sel: *sel}},
		{"alt+c (ç on a Mac) tags exactly", KeyEvent{Key: "ç", Code: "KeyC", Alt: true, Sel: sel}, Tag{Label: "claim", Sel: Selection{Start: 1, End: 4, Exact: true}}},
		{"c without selection still asks to tag", KeyEvent{Key: "c", Code: "KeyC"}, Tag{Label: "claim"}},
		{"1 sets the first stance", KeyEvent{Key: "1", Code: "Digit1"}, SetStanceIndex{N: 1}},
		{"4 sets the fourth stance", KeyEvent{Key: "4", Code: "Digit4"}, SetStanceIndex{N: 4}},
		{"l links", KeyEvent{Key: "l", Code: "KeyL"}, LinkNearest{}},
		{"j moves on", KeyEvent{Key: "j", Code: "KeyJ"}, Move{Delta: 1}},
		{"k moves back", KeyEvent{Key: "k", Code: "KeyK"}, Move{Delta: -1}},
		{"ctrl+z undoes", KeyEvent{Key: "z", Code: "KeyZ", Ctrl: true}, Undo{}},
		{"ctrl+shift+z redoes", KeyEvent{Key: "Z", Code: "KeyZ", Ctrl: true, Shift: true}, Redo{}},
		{"ctrl+y redoes", KeyEvent{Key: "y", Code: "KeyY", Ctrl: true}, Redo{}},
		{"? toggles help", KeyEvent{Key: "?", Code: "Slash", Shift: true}, ToggleHelp{}},
		{"escape", KeyEvent{Key: "Escape", Code: "Escape"}, Escape{}},
		{"escape in a field", KeyEvent{Key: "Escape", Code: "Escape", InField: true}, Escape{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := sampleState(t)
			got, ok := KeyAction(st, tc.ev)
			require.True(t, ok)
			assert.Equal(t, tc.want, got)
		})
	}
}

func TestKeysAreNotShortcutsInFieldsOrWithCtrl(t *testing.T) {
	st := sampleState(t)
	for _, ev := range []KeyEvent{
		{Key: "c", Code: "KeyC", InField: true},
		{Key: "1", Code: "Digit1", InField: true},
		{Key: "c", Code: "KeyC", Ctrl: true},
		{Key: "ArrowRight", Code: "ArrowRight", Shift: true},
		{Key: "Delete", Code: "Delete"}, // nothing selected
	} {
		_, ok := KeyAction(st, ev)
		assert.False(t, ok, "%+v", ev)
	}
}

func TestDeleteKeyDeletesSelection(t *testing.T) {
	st := sampleState(t)
	Update(st, Tag{Label: "cue", Sel: cp(t, SampleText, "said")})
	for _, key := range []string{"Delete", "Backspace"} {
		a, ok := KeyAction(st, KeyEvent{Key: key, Code: key})
		require.True(t, ok)
		assert.Equal(t, Delete{}, a)
	}
}

// memKV is an in-memory KV that can be told to fail writes, or to hold at
// most limit bytes in all (as browser storage quotas do).
type memKV struct {
	m        map[string]string
	failSets int // fail the next N Set calls
	limit    int
}

func (k *memKV) Get(key string) (string, bool, error) { v, ok := k.m[key]; return v, ok, nil }
func (k *memKV) Set(key, v string) error {
	if k.failSets > 0 {
		k.failSets--
		return errors.New("QuotaExceededError: full")
	}
	if k.limit > 0 {
		used := len(v)
		for kk, vv := range k.m {
			if kk != key {
				used += len(vv)
			}
		}
		if used > k.limit {
			return errors.New("QuotaExceededError: over the limit")
		}
	}
	k.m[key] = v
	return nil
}
func (k *memKV) Remove(key string) error { delete(k.m, key); return nil }
func (k *memKV) Keys() ([]string, error) {
	keys := make([]string, 0, len(k.m))
	for key := range k.m {
		keys = append(keys, key)
	}
	return keys, nil
}

func TestAutosaveKeepsThePreviousSnapshotWhenAWriteFails(t *testing.T) {
	kv := &memKV{m: map[string]string{}}
	_, _, err := LoadSnapshot(kv)
	require.ErrorIs(t, err, ErrNoSnapshot)

	require.NoError(t, SaveSnapshot(kv, "one"))
	require.NoError(t, SaveSnapshot(kv, "two"))
	newest, older, err := LoadSnapshot(kv)
	require.NoError(t, err)
	assert.Equal(t, "two", newest)
	assert.Equal(t, "one", older)

	kv.failSets = 2 // the snapshot write fails, and so does the fallback: the pointer must not move
	require.Error(t, SaveSnapshot(kv, "three"))
	newest, _, err = LoadSnapshot(kv)
	require.NoError(t, err)
	assert.Equal(t, "two", newest)

	require.NoError(t, SaveSnapshot(kv, "four"))
	newest, older, _ = LoadSnapshot(kv)
	assert.Equal(t, "four", newest)
	assert.Equal(t, "two", older)

	require.NoError(t, ForgetSnapshots(kv))
	_, _, err = LoadSnapshot(kv)
	require.ErrorIs(t, err, ErrNoSnapshot)
}

func TestRestoreBringsBackTheAutosavedProject(t *testing.T) {
	st := sampleState(t)
	Update(st, Tag{Label: "claim", Sel: cp(t, SampleText, "Nobody asked us")})
	data := Update(st, Export{})[0].(Download).Data
	fresh := NewState(fixedClock)
	Update(fresh, Restore{Data: data})
	assert.Equal(t, st.Store.Project(), fresh.Store.Project())
	assert.False(t, fresh.Unsaved(), "a restored project is already saved")

	broken := NewState(fixedClock)
	Update(broken, Restore{Data: data[:20]})
	assert.Empty(t, broken.Doc)
	assert.Contains(t, broken.Message.Text, "kept untouched")
}

func TestAutosaveFallsBackToOneSnapshotWhenTwoDoNotFit(t *testing.T) {
	kv := &memKV{m: map[string]string{}, limit: 50} // the pointer takes 15
	require.NoError(t, SaveSnapshot(kv, strings.Repeat("a", 15)))
	require.NoError(t, SaveSnapshot(kv, strings.Repeat("b", 15)), "two small snapshots fit")
	big := strings.Repeat("c", 30)
	require.NoError(t, SaveSnapshot(kv, big), "one big snapshot replaces the current one whole")
	newest, _, err := LoadSnapshot(kv)
	require.NoError(t, err)
	assert.Equal(t, big, newest)
	require.Error(t, SaveSnapshot(kv, strings.Repeat("d", 50)), "a snapshot over the quota fails")
	newest, _, _ = LoadSnapshot(kv)
	assert.Equal(t, big, newest, "and leaves the last one whole")
}

func TestTheShownDocumentIsRememberedAndForgottenWithTheWork(t *testing.T) {
	kv := &memKV{m: map[string]string{}}
	assert.Equal(t, "", LoadShown(kv), "nothing recorded yet")
	require.NoError(t, SaveShown(kv, "d3"))
	assert.Equal(t, "d3", LoadShown(kv))
	require.NoError(t, SaveSnapshot(kv, "work"))
	require.NoError(t, ForgetSnapshots(kv))
	assert.Equal(t, "", LoadShown(kv))
	kv.failSets = 1
	assert.Error(t, SaveShown(kv, "d1"))
}

func TestDeleteKeysDeleteOnlyFromTheArticleOrTheList(t *testing.T) {
	st := sampleState(t)
	Update(st, Tag{Label: annotation.LabelClaim, Sel: cp(t, SampleText, "Nobody asked us")})
	for _, key := range []string{"Delete", "Backspace"} {
		_, ok := KeyAction(st, KeyEvent{Key: key, Code: key, Elsewhere: true})
		assert.False(t, ok, "%s with the focus on the page or a button", key)
		_, ok = KeyAction(st, KeyEvent{Key: key, Code: key, InField: true})
		assert.False(t, ok, "%s while typing in a field", key)
	}
}
