package app

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/store"
)

func TestRemovePrefixRemovesEveryKeyUnderThePrefixAndNoOther(t *testing.T) {
	kv := &memKV{m: map[string]string{
		StorePrefix + "r/a1": "1", StorePrefix + "r/a2": "2", StorePrefix + "r/a3": "3",
		StorePrefix + "l/1": "batch", "sayso:shown": "d1",
	}}
	require.NoError(t, removePrefix(kv, StorePrefix+"r/"))
	assert.Equal(t, map[string]string{StorePrefix + "l/1": "batch", "sayso:shown": "d1"}, kv.m)
}

func TestASaveInLocalStorageTellsOtherTabsByThePointer(t *testing.T) {
	kv := &memKV{m: map[string]string{}}
	st := sampleState(t)
	Update(st, Autosave{Storage: kv})
	first, ok := kv.m[AutosavePointerKey]
	require.True(t, ok, "the pointer other tabs watch is written")
	Update(st, Tag{Label: annotation.LabelClaim, Sel: cp(t, SampleText, "Nobody asked us")})
	Update(st, Autosave{Storage: kv})
	assert.NotEqual(t, first, kv.m[AutosavePointerKey], "and moves with each save")
}

func TestErasingRemovesRecordsThisTabDidNotWriteToo(t *testing.T) {
	kv := &memKV{m: map[string]string{}}
	st := sampleState(t)
	Update(st, Autosave{Storage: kv})
	kv.m[StorePrefix+store.LogKey(999)] = "a batch another tab wrote"
	Update(st, CloseDocument{})
	Update(st, EraseSaved{Storage: kv})
	assertNothingSaved(t, kv)
}

func TestErasingThroughIndexedDBNamesEveryRecordAndBatch(t *testing.T) {
	kv := &memKV{m: map[string]string{}}
	st := sampleState(t)
	carryOut(t, st, kv, persistOf(t, Update(st, Autosave{})))
	for _, quote := range []string{"Nobody asked us", "Tomas Reyes"} {
		Update(st, Tag{Label: annotation.LabelClaim, Sel: cp(t, SampleText, quote)})
		carryOut(t, st, kv, persistOf(t, Update(st, Autosave{})))
	}
	require.NotEmpty(t, kv.m)
	Update(st, CloseDocument{})
	carryOut(t, st, kv, persistOf(t, Update(st, EraseSaved{})))
	assertNothingSaved(t, kv)
}

func TestARestoreShowsTheDocumentShownLast(t *testing.T) {
	kv := &memKV{m: map[string]string{}}
	st := sampleState(t)
	Update(st, AddPasted{Title: "Second", Text: "A second article, about the harbour."})
	second := st.Doc
	require.NotEqual(t, st.Store.Documents()[0].ID, second)
	Update(st, Autosave{Storage: kv})
	require.NoError(t, SaveShown(kv, second))

	fresh := NewState(fixedClock)
	Update(fresh, RestoreAutosave{Storage: kv})
	assert.Equal(t, second, fresh.Doc)

	require.NoError(t, SaveShown(kv, "d404"))
	again := NewState(fixedClock)
	Update(again, RestoreAutosave{Storage: kv})
	assert.Equal(t, st.Store.Documents()[0].ID, again.Doc, "a document that is gone: the first one")
}

func TestAWriteFinishingAfterAnEraseDoesNotCountForTheNextProject(t *testing.T) {
	kv := &memKV{m: map[string]string{}}
	st := sampleState(t)
	stale := persistOf(t, Update(st, Autosave{}))
	staleErr := runKV(kv, stale.Write) // IndexedDB runs it before the erase
	Update(st, CloseDocument{})
	carryOut(t, st, kv, persistOf(t, Update(st, EraseSaved{})))
	Update(st, Paste{Title: "Next", Text: "A new article, about the ferry."})
	next := persistOf(t, Update(st, Autosave{}))

	// The old write's completion arrives only now: it must not be taken
	// for the new project's save.
	Step(st, Persisted{Write: stale.Write, Revision: stale.Revision, Generation: stale.Generation, Err: staleErr})
	assert.True(t, st.Unsaved(), "the new project is not saved yet")
	carryOut(t, st, kv, next)
	assert.False(t, st.Unsaved())

	fresh := NewState(fixedClock)
	Update(fresh, RestoreAutosave{Storage: kv})
	assert.Equal(t, st.Store.Project(), fresh.Store.Project())
}

func TestAnEraseFinishingLateDoesNotEndTheNextProjectsWriteInFlight(t *testing.T) {
	kv := &memKV{m: map[string]string{}}
	st := sampleState(t)
	carryOut(t, st, kv, persistOf(t, Update(st, Autosave{})))
	Update(st, CloseDocument{})
	erase := persistOf(t, Update(st, EraseSaved{}))
	Update(st, Paste{Title: "Next", Text: "A new article, about the ferry."})
	first := persistOf(t, Update(st, Autosave{}))

	carryOut(t, st, kv, erase)
	Update(st, Tag{Label: annotation.LabelClaim, Sel: cp(t, "A new article, about the ferry.", "the ferry")})
	assert.Empty(t, Update(st, Autosave{}), "the new project's first write is still in flight")
	carryOut(t, st, kv, first)
	carryOut(t, st, kv, persistOf(t, Update(st, Autosave{})))

	fresh := NewState(fixedClock)
	Update(fresh, RestoreAutosave{Storage: kv})
	assert.Equal(t, st.Store.Project(), fresh.Store.Project())
}
