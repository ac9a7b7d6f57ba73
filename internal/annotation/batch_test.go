package annotation

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
