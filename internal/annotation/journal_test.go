package annotation

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTakeTouchedListsEachRecordAChangeTouchedOnceAndThenForgetsThem(t *testing.T) {
	body := "Ana said the plan works. Ben said it fails."
	s, doc := newTestStore(t, "Plans", body)
	s.TakeTouched() // what adding the document touched

	first := mustAdd(t, s, doc, LabelClaim, body, "the plan works", 0)
	second := mustAdd(t, s, doc, LabelClaim, body, "it fails", 0)
	records, all := s.TakeTouched()
	assert.False(t, all, "two changes are listed, not 'everything'")
	assert.ElementsMatch(t, []string{AnnotationRecord(first), AnnotationRecord(second), HistoryRecord}, records,
		"each record once, however many changes touched it")

	records, all = s.TakeTouched()
	assert.False(t, all)
	assert.Empty(t, records, "a second call has nothing new")
}

func TestAJournalLongerThanItsBoundSaysEveryRecordChanged(t *testing.T) {
	tests := []struct {
		name     string
		touches  int
		wantAll  bool
		wantRecs int
	}{
		{name: "one", touches: 1, wantRecs: 1},
		{name: "exactly the bound", touches: maxTouched, wantRecs: maxTouched},
		{name: "one past the bound", touches: maxTouched + 1, wantAll: true},
		{name: "far past the bound", touches: 2*maxTouched + 3, wantAll: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := New(DefaultSchema(), "tester", fixedClock)
			for i := range tt.touches {
				s.touch(AnnotationRecord(fmt.Sprintf("a%d", i)))
			}
			records, all := s.TakeTouched()
			assert.Equal(t, tt.wantAll, all)
			assert.Len(t, records, tt.wantRecs)

			// The bound resets with the journal.
			s.touch(HistoryRecord)
			records, all = s.TakeTouched()
			assert.False(t, all)
			assert.Equal(t, []string{HistoryRecord}, records)
		})
	}
}

func TestChangesAfterARestoredHistoryAreNumberedAfterItsSteps(t *testing.T) {
	body := "Ana said the plan works. Ben said it fails."
	saved, doc := newTestStore(t, "Plans", body)
	mustAdd(t, saved, doc, LabelClaim, body, "the plan works", 0)
	mustAdd(t, saved, doc, LabelClaim, body, "it fails", 0)
	undo, _ := saved.History()
	require.Len(t, undo, 2, "the two claims")
	var steps []Step
	for _, serial := range undo {
		st, ok := saved.Step(serial)
		require.True(t, ok, "step %d", serial)
		steps = append(steps, st)
	}

	restored, doc2 := newTestStore(t, "Plans", body)
	require.Equal(t, doc, doc2)
	require.NoError(t, restored.SetHistory(steps, nil))
	mustAdd(t, restored, doc, LabelSpeaker, body, "Ana", 0)

	after, _ := restored.History()
	require.Len(t, after, 3)
	for i := 1; i < len(after); i++ {
		assert.Greater(t, after[i], after[i-1], "undo stack %v: every step numbered after the one beneath", after)
	}
	st, ok := restored.Step(after[2])
	require.True(t, ok)
	require.Len(t, st.Anns, 1)
	assert.Equal(t, "Ana", st.Anns[0].After.Quote, "the new step's number finds the new step, not a restored one")
}
