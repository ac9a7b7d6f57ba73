package annotation

import (
	"errors"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/text"
)

func TestBatchMakesOneUndoStep(t *testing.T) {
	const body = "Ann Lee said the port will close."
	tests := []struct {
		name      string
		fail      bool
		wantAnns  int // after the batch
		wantUndos int // undo steps the batch left
	}{
		{name: "a batch that works is one step", wantAnns: 3, wantUndos: 1},
		{name: "a batch that fails leaves nothing", fail: true, wantAnns: 0, wantUndos: 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, doc := newTestStore(t, "t", body)
			err := s.Batch("accept suggestion", func() error {
				m := mustAdd(t, s, doc, LabelSpeaker, body, "Ann Lee", 0)
				q := mustAdd(t, s, doc, LabelCue, body, "said", 0)
				c := mustAdd(t, s, doc, LabelClaim, body, "the port will close", 0)
				require.NoError(t, s.LinkMention(c, m))
				require.NoError(t, s.LinkCue(c, q))
				if tt.fail {
					return errors.New("boom")
				}
				return nil
			})
			assert.Equal(t, tt.fail, err != nil)
			assert.Equal(t, tt.wantAnns, s.Len())
			assert.Len(t, s.undo, tt.wantUndos)
			if tt.fail {
				assert.Empty(t, s.Speakers(), "the speaker the batch made is gone")
				return
			}
			name, ok := s.CanUndo()
			require.True(t, ok)
			assert.Equal(t, "accept suggestion", name)
			_, err = s.Undo()
			require.NoError(t, err)
			assert.Equal(t, 0, s.Len(), "one undo takes the whole batch back")
			assert.Empty(t, s.Speakers())
			_, err = s.Redo()
			require.NoError(t, err)
			assert.Equal(t, 3, s.Len(), "one redo brings it all back")
			c := s.Annotations(doc)
			var claim *Annotation
			for _, a := range c {
				if a.Label == LabelClaim {
					claim = a
				}
			}
			require.NotNil(t, claim)
			assert.NotEmpty(t, claim.SpeakerMention)
			assert.NotEmpty(t, claim.Cue)
		})
	}
}

// A text edit in a batch leaves orphans; one undo of the batch must put
// the orphans back as they were, and one redo bring the edit's again.
func TestABatchThatEditsTheTextUndoesItsOrphansToo(t *testing.T) {
	const first = "Leave a reply\n"
	const body = first + "Ann Lee said the port will close."
	tests := []struct {
		name string
		more bool // the batch also adds a claim after the edit
	}{
		{name: "the edit alone"},
		{name: "the edit and an annotation", more: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, doc := newTestStore(t, "t", body)
			gone := mustAdd(t, s, doc, LabelClaim, body, "Leave a reply", 0)
			mustAdd(t, s, doc, LabelSpeaker, body, "Ann Lee", 0)
			require.Empty(t, s.Orphans())
			const edited = "Ann Lee said the port will close."
			require.NoError(t, s.Batch("tidy", func() error {
				_, err := s.ReplaceText(doc, edited, dropFirstLine(len(first), ""))
				if err != nil || !tt.more {
					return err
				}
				_, err = s.Add(doc, LabelClaim, []text.Span{spanOf(t, edited, "the port will close", 0)})
				return err
			}))
			require.Len(t, s.Orphans(), 1)
			require.Equal(t, gone, s.Orphans()[0].ID)

			name, err := s.Undo()
			require.NoError(t, err)
			assert.Equal(t, "tidy", name)
			assert.Empty(t, s.Orphans(), "undo puts the orphan back in the text")
			d, _, _ := s.Document(doc)
			assert.Equal(t, body, d.Text)
			assert.Equal(t, body[:len("Leave a reply")], ann(t, s, gone).Quote)

			_, err = s.Redo()
			require.NoError(t, err)
			require.Len(t, s.Orphans(), 1, "redo makes it an orphan again")
			assert.Equal(t, gone, s.Orphans()[0].ID)
		})
	}
}

// Revision counts the changes a failed batch took back, as it counts
// undos: two changes made and taken back are four.
func TestAFailedBatchCountsWhatItTookBackAsChanges(t *testing.T) {
	const body = "Ann Lee said the port will close."
	for _, n := range []int{1, 2} {
		t.Run(fmt.Sprintf("%d changes", n), func(t *testing.T) {
			s, doc := newTestStore(t, "t", body)
			before := s.Revision()
			err := s.Batch("accept", func() error {
				for i := range n {
					mustAdd(t, s, doc, LabelClaim, body, []string{"Ann Lee", "the port"}[i], 0)
				}
				return errors.New("boom")
			})
			require.Error(t, err)
			assert.Equal(t, before+2*n, s.Revision())
		})
	}
}

// A batch that changes nothing leaves no undo step of its own, whatever
// came before it: Undo still takes back the change made before.
func TestABatchThatChangesNothingLeavesNoUndoStep(t *testing.T) {
	const body = "Ann Lee said the port will close."
	for _, earlier := range []int{0, 1, 2} {
		t.Run(fmt.Sprintf("after %d changes", earlier), func(t *testing.T) {
			s, doc := newTestStore(t, "t", body)
			for i := range earlier {
				mustAdd(t, s, doc, LabelClaim, body, []string{"Ann Lee", "the port"}[i], 0)
			}
			require.NoError(t, s.Batch("nothing", func() error { return nil }))
			assert.Len(t, s.undo, earlier)
			name, ok := s.CanUndo()
			assert.Equal(t, earlier > 0, ok)
			assert.NotEqual(t, "nothing", name)
		})
	}
}
