package app

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/store"
)

// persistOf returns the Persist among effects.
func persistOf(t testing.TB, effects []Effect) Persist {
	t.Helper()
	for _, e := range effects {
		if p, ok := e.(Persist); ok {
			return p
		}
	}
	t.Fatalf("no Persist in %#v", effects)
	return Persist{}
}

// carryOut does what the browser layer does with a Persist: the write on
// kv, then Persisted.
func carryOut(t *testing.T, st *State, kv *memKV, p Persist) Plan {
	t.Helper()
	return Step(st, Persisted{Write: p.Write, Revision: p.Revision, Generation: p.Generation, Err: runKV(kv, p.Write)})
}

func TestASaveWritesWhatChangedNotTheProject(t *testing.T) {
	kv := &memKV{m: map[string]string{}}
	st := NewState(fixedClock)
	body := SampleText + strings.Repeat(" More of the article.", 5000)
	Update(st, Paste{Title: "Long", Text: body})
	first := persistOf(t, Update(st, Autosave{}))
	assert.Greater(t, first.Write.Bytes, len(body), "the first save writes the article")
	carryOut(t, st, kv, first)
	assert.False(t, st.Unsaved())

	Update(st, Tag{Label: annotation.LabelClaim, Sel: cp(t, body, "Nobody asked us")})
	next := persistOf(t, Update(st, Autosave{}))
	assert.Less(t, next.Write.Bytes, 2000, "one claim writes the claim and its undo step")
	carryOut(t, st, kv, next)

	fresh := NewState(fixedClock)
	Update(fresh, RestoreAutosave{Storage: kv})
	assert.Equal(t, st.Store.Project(), fresh.Store.Project())
}

func TestOneWriteIsInFlightAtATime(t *testing.T) {
	kv := &memKV{m: map[string]string{}}
	st := sampleState(t)
	p := persistOf(t, Update(st, Autosave{}))
	Update(st, Tag{Label: annotation.LabelClaim, Sel: cp(t, SampleText, "Nobody asked us")})
	assert.Empty(t, Update(st, Autosave{}), "no second write while the first is in flight")
	plan := carryOut(t, st, kv, p)
	assert.True(t, plan.Save, "the change made meanwhile is saved next")
	carryOut(t, st, kv, persistOf(t, Update(st, Autosave{})))

	fresh := NewState(fixedClock)
	Update(fresh, RestoreAutosave{Storage: kv})
	assert.Equal(t, 1, fresh.Store.Len())
}

func TestARefusedWriteIsSaidAndRetriedWithTheNextChange(t *testing.T) {
	kv := &memKV{m: map[string]string{}}
	st := sampleState(t)
	carryOut(t, st, kv, persistOf(t, Update(st, Autosave{})))
	Update(st, Tag{Label: annotation.LabelClaim, Sel: cp(t, SampleText, "Nobody asked us")})
	p := persistOf(t, Update(st, Autosave{}))
	plan := Step(st, Persisted{Write: p.Write, Revision: p.Revision, Generation: p.Generation, Err: errors.New("write IndexedDB: QuotaExceededError: full")})
	assert.Equal(t, "the browser's storage is full.", st.Save.Err)
	assert.False(t, plan.Save, "a refused write is not retried in a loop")

	Update(st, Tag{Label: annotation.LabelSpeaker, Sel: cp(t, SampleText, "Tomas Reyes")})
	carryOut(t, st, kv, persistOf(t, Update(st, Autosave{})))
	assert.Empty(t, st.Save.Err)
	fresh := NewState(fixedClock)
	Update(fresh, RestoreAutosave{Storage: kv})
	assert.Equal(t, st.Store.Project(), fresh.Store.Project(), "the refused change was written with the next")
}

func TestUndoWorksAfterARestore(t *testing.T) {
	kv := &memKV{m: map[string]string{}}
	st := sampleState(t)
	for _, q := range []string{"Nobody asked us", "Tomas Reyes"} {
		Update(st, Tag{Label: annotation.LabelClaim, Sel: cp(t, SampleText, q)})
		Update(st, Autosave{Storage: kv})
	}
	fresh := NewState(fixedClock)
	Update(fresh, RestoreAutosave{Storage: kv})
	require.Equal(t, 2, fresh.Store.Len())
	Update(fresh, Undo{})
	Update(fresh, Undo{})
	assert.Equal(t, 0, fresh.Store.Len())
	Update(fresh, Redo{})
	assert.Equal(t, 1, fresh.Store.Len())
}

func TestWorkOfAnOlderVersionMovesToRecordsOnce(t *testing.T) {
	kv := &memKV{m: map[string]string{}}
	old := sampleState(t)
	Update(old, Tag{Label: annotation.LabelClaim, Sel: cp(t, SampleText, "Nobody asked us")})
	require.NoError(t, SaveSnapshot(kv, string(Update(old, Export{})[0].(Download).Data)))

	st := NewState(fixedClock)
	Update(st, RestoreAutosave{Storage: kv})
	require.Equal(t, 1, st.Store.Len())
	assert.True(t, st.ShouldSave(), "not yet saved as records")
	effects := Update(st, Autosave{Storage: kv})
	assert.Contains(t, effects, ForgetLegacy{})
	require.NoError(t, ForgetLegacySnapshots(kv))
	_, _, err := LoadSnapshot(kv)
	require.ErrorIs(t, err, ErrNoSnapshot)

	again := NewState(fixedClock)
	Update(again, RestoreAutosave{Storage: kv})
	assert.Equal(t, old.Store.Project(), again.Store.Project())
	assert.False(t, again.ShouldSave())
	assert.NotContains(t, Update(again, Autosave{Storage: kv}), ForgetLegacy{}, "once")
}

func TestClosingTheArticleErasesItsRecords(t *testing.T) {
	kv := &memKV{m: map[string]string{}}
	st := sampleState(t)
	Update(st, Tag{Label: annotation.LabelClaim, Sel: cp(t, SampleText, "Nobody asked us")})
	Update(st, Autosave{Storage: kv})
	Update(st, CloseDocument{})
	Update(st, EraseSaved{Storage: kv})
	assertNothingSaved(t, kv)
}

// assertNothingSaved checks that kv holds no saved work: no key of the
// store, and a restore finds no document.
func assertNothingSaved(t *testing.T, kv *memKV) {
	t.Helper()
	for k := range kv.m {
		assert.False(t, strings.HasPrefix(k, StorePrefix), "left behind: %s", k)
	}
	fresh := NewState(fixedClock)
	Update(fresh, RestoreAutosave{Storage: kv})
	assert.Empty(t, fresh.Doc)
}

func TestTheLogIsCompactedWhenItGrows(t *testing.T) {
	kv := &memKV{m: map[string]string{}}
	st := sampleState(t)
	compact := false
	for i := 0; i < 80 && !compact; i++ {
		Update(st, Tag{Label: annotation.LabelClaim, Sel: cp(t, SampleText, "Nobody asked us")})
		effects := Update(st, Autosave{Storage: kv})
		for _, e := range effects {
			compact = compact || e == Effect(CompactWhenIdle{})
		}
		Update(st, Undo{})
		Update(st, Autosave{Storage: kv})
	}
	require.True(t, compact, "a compaction is asked for")
	Update(st, Compact{Storage: kv})
	assert.Contains(t, kv.m, StorePrefix+store.AppliedKey)
	logs := 0
	for k := range kv.m {
		if strings.HasPrefix(k, StorePrefix+store.LogPrefix) {
			logs++
		}
	}
	assert.Zero(t, logs, "the folded batches are gone")
	fresh := NewState(fixedClock)
	Update(fresh, RestoreAutosave{Storage: kv})
	assert.Equal(t, st.Store.Project(), fresh.Store.Project())
}

func TestStorageUseIsSaidInWords(t *testing.T) {
	tests := []struct {
		use  StorageUse
		want string
	}{
		{StorageUse{}, ""},
		{StorageUse{Usage: 14_200_000, Quota: 2_000_000_000}, "Using 14 MB of 2.0 GB in this browser"},
		{StorageUse{Usage: 830, Quota: 10_737_418_240}, "Using 830 bytes of 11 GB in this browser"},
		{StorageUse{Usage: 1_500_000, Quota: 300_000_000}, "Using 1.5 MB of 300 MB in this browser"},
		{StorageUse{InLocalStorage: true}, "Your work is kept in this browser's localStorage, which holds about 5 MB."},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, tc.use.Text())
	}
}

func TestATabWithoutTheWriterLockDoesNotSaveUntilItTakesOver(t *testing.T) {
	st := sampleState(t)
	Update(st, WriterLock{Held: false})
	assert.False(t, st.ShouldSave(), "read-only while another tab saves")
	assert.Contains(t, st.Message.Text, "does not save")
	Update(st, Tag{Label: annotation.LabelClaim, Sel: cp(t, SampleText, "Nobody asked us")})
	assert.Empty(t, Update(st, Autosave{}), "no write")

	Update(st, WriterLock{Held: true, TookOver: true})
	assert.Contains(t, st.Message.Text, "this tab now saves")
	assert.NotEmpty(t, Update(st, Autosave{}), "it saves again")
}

func TestATabWritesNothingUntilWebLocksSaysWhetherItIsTheWriter(t *testing.T) {
	tests := []struct {
		name    string
		answer  WriterLock
		saves   bool
		message string
	}{
		{"no other tab: it saves what waited, and says nothing", WriterLock{Held: true}, true, ""},
		{"another tab is the writer: it never saves", WriterLock{Held: false}, false, "does not save"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := sampleState(t)
			Update(st, AskedWriterLock{})
			Update(st, Tag{Label: annotation.LabelClaim, Sel: cp(t, SampleText, "Nobody asked us")})
			assert.False(t, st.ShouldSave(), "nothing written before the answer")
			assert.Empty(t, Update(st, Autosave{}), "no write")
			// A project opened in the meantime resets the save status, not the wait.
			Update(st, LoadSample{})
			assert.False(t, st.ShouldSave(), "still waiting after a new project")

			plan := Step(st, tc.answer)
			assert.Equal(t, tc.saves, plan.Save, "the answer asks for the save that waited")
			assert.Equal(t, tc.saves, len(Update(st, Autosave{})) > 0)
			if tc.message == "" {
				assert.Empty(t, st.Message.Text)
			} else {
				assert.Contains(t, st.Message.Text, tc.message)
			}
		})
	}
}

func TestTheFirstSaveOfAProjectGoesOnChunkByChunkAndIsWrittenWholeAtItsLast(t *testing.T) {
	tests := []struct {
		name     string
		chunk    int
		minSoons int // Autosaves answered SaveSoon before the write, at least
	}{
		{"all at once (leaving the page)", 0, 0},
		{"one record at a time", 1, 3}, // the document and three claims
		{"two records at a time", 2, 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			kv := &memKV{m: map[string]string{}}
			st := NewState(fixedClock)
			Update(st, Paste{Title: "Harbour", Text: SampleText})
			for _, q := range []string{"Nobody asked us", "Tomas Reyes", "consultation"} {
				Update(st, Tag{Label: annotation.LabelClaim, Sel: cp(t, SampleText, q)})
			}
			soons := 0
			var p Persist
			for {
				effects := Update(st, Autosave{Chunk: tc.chunk})
				if len(effects) == 1 {
					if _, ok := effects[0].(SaveSoon); ok {
						soons++
						require.Less(t, soons, 100)
						assert.True(t, st.Unsaved(), "not saved before the last chunk")
						if soons == 1 {
							// Work goes on between chunks: it is in the batch.
							Update(st, Tag{Label: annotation.LabelSpeaker, Sel: cp(t, SampleText, "Reyes")})
						}
						continue
					}
				}
				p = persistOf(t, effects)
				break
			}
			if tc.chunk == 0 {
				assert.Zero(t, soons)
			} else {
				assert.GreaterOrEqual(t, soons, tc.minSoons)
			}
			carryOut(t, st, kv, p)
			assert.False(t, st.Unsaved())
			fresh := NewState(fixedClock)
			Update(fresh, RestoreAutosave{Storage: kv})
			assert.Equal(t, st.Store.Project(), fresh.Store.Project())
		})
	}
}
