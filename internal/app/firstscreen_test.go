package app

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
)

// copyOfDocAndCount is a first screen made of the shown document and its
// number of annotations.
func copyOfDocAndCount(st *State) (string, bool) {
	return fmt.Sprintf("%s#%d", st.Doc, st.Store.Len()), true
}

// keptCopy is what KeepFirstScreen asks to keep, and whether it asks.
func keptCopy(t *testing.T, st *State) (string, bool) {
	t.Helper()
	effects := Update(st, KeepFirstScreen{})
	if len(effects) == 0 {
		return "", false
	}
	require.Len(t, effects, 1)
	w, ok := effects[0].(WriteFirstScreen)
	require.True(t, ok, "%#v", effects[0])
	return w.Value, true
}

// forgets reports whether effects remove the copy before their save.
func forgets(t *testing.T, effects []Effect) bool {
	t.Helper()
	for i, e := range effects {
		if w, ok := e.(WriteFirstScreen); ok {
			require.Empty(t, w.Value, "a save never keeps a copy")
			for _, later := range effects[i+1:] {
				if _, ok := later.(Persist); ok {
					return true
				}
			}
			t.Fatalf("the copy is removed after the save is asked for: %#v", effects)
		}
	}
	return false
}

func TestLeavingKeepsTheCopyOfTheSavedStateAndTheNextSaveRemovesItFirst(t *testing.T) {
	kv := &memKV{m: map[string]string{}}
	st := sampleState(t)
	st.SetFirstScreen(copyOfDocAndCount)
	first := Update(st, Autosave{})
	assert.True(t, forgets(t, first), "a copy an earlier page kept goes before the first save")
	carryOut(t, st, kv, persistOf(t, first))
	v, ok := keptCopy(t, st)
	require.True(t, ok)
	assert.Equal(t, st.Doc+"#0", v)

	// Back on the page: the next save removes the copy before it is
	// written, the one after does not need to.
	Update(st, Tag{Label: annotation.LabelClaim, Sel: cp(t, SampleText, "Nobody asked us")})
	next := Update(st, Autosave{})
	assert.True(t, forgets(t, next))
	carryOut(t, st, kv, persistOf(t, next))
	Update(st, Tag{Label: annotation.LabelClaim, Sel: cp(t, SampleText, "Harbour town splits")})
	third := Update(st, Autosave{})
	assert.False(t, forgets(t, third))

	// Leaving with that save in flight: the copy is of the state it writes.
	v, ok = keptCopy(t, st)
	require.True(t, ok)
	assert.Equal(t, st.Doc+"#2", v)
}

func TestNoCopyIsKeptOfChangesNoSaveHolds(t *testing.T) {
	kv := &memKV{m: map[string]string{}}
	st := sampleState(t)
	st.SetFirstScreen(copyOfDocAndCount)
	first := persistOf(t, Update(st, Autosave{}))
	// A change while the first save is in flight: the save on leaving
	// cannot be made yet, so the state shown is in no batch.
	Update(st, Tag{Label: annotation.LabelClaim, Sel: cp(t, SampleText, "Nobody asked us")})
	assert.Empty(t, Update(st, Autosave{}), "one write in flight at a time")
	_, ok := keptCopy(t, st)
	assert.False(t, ok)
	carryOut(t, st, kv, first)
	_, ok = keptCopy(t, st)
	assert.False(t, ok, "still unsaved")
}

func TestNoCopyIsKeptBeforeAnySaveOrWhereTheWorkIsNotInIndexedDB(t *testing.T) {
	tests := []struct {
		name  string
		setUp func(t *testing.T, st *State) KeepFirstScreen
	}{
		{"nothing saved yet", func(t *testing.T, st *State) KeepFirstScreen { return KeepFirstScreen{} }},
		{"kept in localStorage", func(t *testing.T, st *State) KeepFirstScreen {
			kv := &memKV{m: map[string]string{}}
			Update(st, Autosave{Storage: kv})
			return KeepFirstScreen{Storage: kv}
		}},
		{"the last save was refused", func(t *testing.T, st *State) KeepFirstScreen {
			p := persistOf(t, Update(st, Autosave{}))
			Step(st, Persisted{Write: p.Write, Revision: p.Revision, Generation: p.Generation, Err: errors.New("QuotaExceededError")})
			return KeepFirstScreen{}
		}},
		{"another tab saves", func(t *testing.T, st *State) KeepFirstScreen {
			carryOut(t, st, &memKV{m: map[string]string{}}, persistOf(t, Update(st, Autosave{})))
			Update(st, WriterLock{Held: false})
			return KeepFirstScreen{}
		}},
		{"the writer's lock not answered yet", func(t *testing.T, st *State) KeepFirstScreen {
			carryOut(t, st, &memKV{m: map[string]string{}}, persistOf(t, Update(st, Autosave{})))
			Update(st, AskedWriterLock{})
			return KeepFirstScreen{}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := sampleState(t)
			st.SetFirstScreen(copyOfDocAndCount)
			assert.Empty(t, Update(st, tc.setUp(t, st)))
		})
	}
}

func TestLeavingWithoutAFirstScreenRemovesTheLastCopy(t *testing.T) {
	st := sampleState(t)
	st.SetFirstScreen(func(*State) (string, bool) { return "", false })
	carryOut(t, st, &memKV{m: map[string]string{}}, persistOf(t, Update(st, Autosave{})))
	v, ok := keptCopy(t, st)
	assert.True(t, ok)
	assert.Empty(t, v, "removed")
}

func TestClosingTheArticleRemovesTheCopy(t *testing.T) {
	st := sampleState(t)
	st.SetFirstScreen(copyOfDocAndCount)
	carryOut(t, st, &memKV{m: map[string]string{}}, persistOf(t, Update(st, Autosave{})))
	_, ok := keptCopy(t, st)
	require.True(t, ok)
	Update(st, CloseDocument{})
	assert.True(t, forgets(t, Update(st, EraseSaved{})))
}

func TestWorkKeptInLocalStorageRemovesACopyBeforeItsSaveAndItsErasure(t *testing.T) {
	kv := &memKV{m: map[string]string{ScreenKey: "an earlier page's copy"}}
	st := sampleState(t)
	st.SetFirstScreen(copyOfDocAndCount)
	Update(st, Autosave{Storage: kv})
	assert.NotContains(t, kv.m, ScreenKey, "before the first save")
	kv.m[ScreenKey] = "a copy"
	Update(st, CloseDocument{})
	Update(st, EraseSaved{Storage: kv})
	assert.NotContains(t, kv.m, ScreenKey)
}

func TestKeepScreenWritesOrRemovesTheCopy(t *testing.T) {
	kv := &memKV{m: map[string]string{}}
	require.NoError(t, KeepScreen(kv, WriteFirstScreen{Value: "copy"}))
	assert.Equal(t, "copy", kv.m[ScreenKey])
	require.NoError(t, KeepScreen(kv, WriteFirstScreen{}))
	assert.NotContains(t, kv.m, ScreenKey)
}
