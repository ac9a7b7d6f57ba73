package merge_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/merge"
)

// side is one project of a fill case: the same five annotations over
// bridgeText, whose claim gets its links from the case.
type side struct {
	b                                *builder
	ortiz, reyes, claim, said, added string
}

func newSide(t *testing.T, annotator string) side {
	b := newBuilder(t, annotator)
	b.document("Bridge", bridgeText)
	s := side{b: b}
	s.ortiz = b.ann(annotation.LabelSpeaker, "Lena Ortiz")
	s.reyes = b.ann(annotation.LabelSpeaker, "Tom Reyes")
	s.claim = b.ann(annotation.LabelClaim, "the bridge will reopen in May")
	s.said = b.ann(annotation.LabelCue, "said")
	s.added = b.ann(annotation.LabelCue, "added")
	return s
}

// entity is the speaker entity of a mention.
func (s side) entity(t *testing.T, mention string) string {
	return annByID(t, s.b.project(), mention).Speaker
}

func TestApplyMergeFillsAFoldedClaimsLinksOnlyWhenEmpty(t *testing.T) {
	type conflict struct{ Field, Kept, Imported string }
	tests := []struct {
		name         string
		cur, imp     func(t *testing.T, s side)
		mention, cue func(s side) string // the claim's links in the result, by the open project's ids
		speaker      string
		filled       int
		conflicts    []conflict
	}{
		{
			name:    "an empty mention is filled, and the speaker with it",
			cur:     func(*testing.T, side) {},
			imp:     func(t *testing.T, s side) { require.NoError(t, s.b.s.LinkMention(s.claim, s.ortiz)) },
			mention: func(s side) string { return s.ortiz }, speaker: "Lena Ortiz", filled: 1,
		},
		{
			name:    "the same mention: nothing to do",
			cur:     func(t *testing.T, s side) { require.NoError(t, s.b.s.LinkMention(s.claim, s.ortiz)) },
			imp:     func(t *testing.T, s side) { require.NoError(t, s.b.s.LinkMention(s.claim, s.ortiz)) },
			mention: func(s side) string { return s.ortiz }, speaker: "Lena Ortiz",
		},
		{
			name:    "a different mention is kept",
			cur:     func(t *testing.T, s side) { require.NoError(t, s.b.s.LinkMention(s.claim, s.ortiz)) },
			imp:     func(t *testing.T, s side) { require.NoError(t, s.b.s.LinkMention(s.claim, s.reyes)) },
			mention: func(s side) string { return s.ortiz }, speaker: "Lena Ortiz",
			conflicts: []conflict{{"speaker mention", "Lena Ortiz", "Tom Reyes"}},
		},
		{
			name: "a speaker without a mention is kept over an imported mention of another",
			cur: func(t *testing.T, s side) {
				require.NoError(t, s.b.s.SetClaimSpeaker(s.claim, s.entity(t, s.reyes)))
			},
			imp:       func(t *testing.T, s side) { require.NoError(t, s.b.s.LinkMention(s.claim, s.ortiz)) },
			speaker:   "Tom Reyes",
			conflicts: []conflict{{"speaker", "Tom Reyes", "Lena Ortiz"}},
		},
		{
			name: "an imported speaker without a mention fills an empty one",
			cur:  func(*testing.T, side) {},
			imp: func(t *testing.T, s side) {
				require.NoError(t, s.b.s.SetClaimSpeaker(s.claim, s.entity(t, s.reyes)))
			},
			speaker: "Tom Reyes", filled: 1,
		},
		{
			name: "an imported speaker without a mention does not replace another",
			cur: func(t *testing.T, s side) {
				require.NoError(t, s.b.s.SetClaimSpeaker(s.claim, s.entity(t, s.ortiz)))
			},
			imp: func(t *testing.T, s side) {
				require.NoError(t, s.b.s.SetClaimSpeaker(s.claim, s.entity(t, s.reyes)))
			},
			speaker:   "Lena Ortiz",
			conflicts: []conflict{{"speaker", "Lena Ortiz", "Tom Reyes"}},
		},
		{
			name: "an imported speaker without a mention is the same as the mention's",
			cur:  func(t *testing.T, s side) { require.NoError(t, s.b.s.LinkMention(s.claim, s.ortiz)) },
			imp: func(t *testing.T, s side) {
				require.NoError(t, s.b.s.SetClaimSpeaker(s.claim, s.entity(t, s.ortiz)))
			},
			mention: func(s side) string { return s.ortiz }, speaker: "Lena Ortiz",
		},
		{
			name: "an empty cue is filled",
			cur:  func(*testing.T, side) {},
			imp:  func(t *testing.T, s side) { require.NoError(t, s.b.s.LinkCue(s.claim, s.said)) },
			cue:  func(s side) string { return s.said }, filled: 1,
		},
		{
			name: "the same cue: nothing to do",
			cur:  func(t *testing.T, s side) { require.NoError(t, s.b.s.LinkCue(s.claim, s.said)) },
			imp:  func(t *testing.T, s side) { require.NoError(t, s.b.s.LinkCue(s.claim, s.said)) },
			cue:  func(s side) string { return s.said },
		},
		{
			name:      "a different cue is kept",
			cur:       func(t *testing.T, s side) { require.NoError(t, s.b.s.LinkCue(s.claim, s.said)) },
			imp:       func(t *testing.T, s side) { require.NoError(t, s.b.s.LinkCue(s.claim, s.added)) },
			cue:       func(s side) string { return s.said },
			conflicts: []conflict{{"cue", "said", "added"}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cs, is := newSide(t, "Ana"), newSide(t, "Ben")
			tc.cur(t, cs)
			tc.imp(t, is)
			out, rep := apply(t, cs.b.project(), is.b.project(), map[string]merge.Choice{"d1": merge.Merge})

			assert.Equal(t, 5, rep.Folded)
			c := annByID(t, out, cs.claim)
			wantMention, wantCue := "", ""
			if tc.mention != nil {
				wantMention = tc.mention(cs)
			}
			if tc.cue != nil {
				wantCue = tc.cue(cs)
			}
			assert.Equal(t, wantMention, c.SpeakerMention)
			assert.Equal(t, wantCue, c.Cue)
			assert.Equal(t, tc.speaker, speakerName(out, c.Speaker))
			assert.Equal(t, tc.filled, rep.Filled)
			var got []conflict
			for _, fc := range rep.FieldConflicts {
				assert.Equal(t, cs.claim, fc.ID)
				assert.Equal(t, "the bridge will reopen in May", fc.Quote)
				got = append(got, conflict{fc.Field, fc.Kept, fc.Imported})
			}
			assert.Equal(t, tc.conflicts, got)
		})
	}
}
