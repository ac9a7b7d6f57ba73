package app

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/store"
)

// copyOfDocAndCount is a first screen made of the shown document and its
// number of annotations.
func copyOfDocAndCount(st *State) (string, bool) {
	return fmt.Sprintf("%s#%d", st.Doc, st.Store.Len()), true
}

// keptCopy is the write KeepFirstScreen asks for, or nil.
func keptCopy(t *testing.T, st *State) []store.Op {
	t.Helper()
	effects := Update(st, KeepFirstScreen{})
	if len(effects) == 0 {
		return nil
	}
	require.Len(t, effects, 1)
	w, ok := effects[0].(WriteFirstScreen)
	require.True(t, ok, "%#v", effects[0])
	return w.Ops
}

func seqOf(w store.Write) string { return strconv.FormatUint(w.Seq, 10) }

func TestLeavingKeepsTheCopyOfTheLastSavesStateWithItsBatch(t *testing.T) {
	kv := &memKV{m: map[string]string{}}
	st := sampleState(t)
	st.SetFirstScreen(copyOfDocAndCount)
	first := persistOf(t, Update(st, Autosave{}))
	carryOut(t, st, kv, first)
	assert.Equal(t, []store.Op{store.Put(ScreenKey, st.Doc+"#0"), store.Put(ScreenSeqKey, seqOf(first.Write))}, keptCopy(t, st))

	// Leaving with a save in flight: the copy is of the state it writes.
	Update(st, Tag{Label: annotation.LabelClaim, Sel: cp(t, SampleText, "Nobody asked us")})
	next := persistOf(t, Update(st, Autosave{}))
	assert.Equal(t, []store.Op{store.Put(ScreenKey, st.Doc+"#1"), store.Put(ScreenSeqKey, seqOf(next.Write))}, keptCopy(t, st),
		"after the save made on leaving, before it completed")
	carryOut(t, st, kv, next)
	assert.Equal(t, []store.Op{store.Put(ScreenKey, st.Doc+"#1"), store.Put(ScreenSeqKey, seqOf(next.Write))}, keptCopy(t, st))
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
	assert.Nil(t, keptCopy(t, st))
	carryOut(t, st, kv, first)
	assert.Nil(t, keptCopy(t, st), "still unsaved")
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
		{"another tab saves", func(t *testing.T, st *State) KeepFirstScreen {
			carryOut(t, st, &memKV{m: map[string]string{}}, persistOf(t, Update(st, Autosave{})))
			Update(st, WriterLock{Held: false})
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
	assert.Equal(t, []store.Op{store.Del(ScreenKey), store.Del(ScreenSeqKey)}, keptCopy(t, st))
}

func TestASaveKeepsNoCopy(t *testing.T) {
	st := sampleState(t)
	st.SetFirstScreen(copyOfDocAndCount)
	p := persistOf(t, Update(st, Autosave{}))
	for _, op := range p.Write.Ops {
		assert.NotContains(t, []string{ScreenKey, ScreenSeqKey}, op.Key, "saving costs what changed")
	}
}

func TestClosingTheArticleErasesTheFirstScreensCopy(t *testing.T) {
	st := sampleState(t)
	st.SetFirstScreen(copyOfDocAndCount)
	carryOut(t, st, &memKV{m: map[string]string{}}, persistOf(t, Update(st, Autosave{})))
	Update(st, CloseDocument{})
	erase := persistOf(t, Update(st, EraseSaved{}))
	assert.Contains(t, erase.Write.Ops, store.Del(ScreenKey))
	assert.Contains(t, erase.Write.Ops, store.Del(ScreenSeqKey))
}
