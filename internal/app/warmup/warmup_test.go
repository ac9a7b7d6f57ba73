package warmup

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/app"
	"sayso/internal/format/native"
)

func fixedClock() time.Time { return time.Date(2026, 12, 6, 9, 0, 0, 0, time.UTC) }

func TestTheRehearsalProjectHasEveryKindOfAnnotationLinked(t *testing.T) {
	r, err := New(fixedClock)
	require.NoError(t, err)
	p, err := native.Decode(r.file)
	require.NoError(t, err)
	counts := map[string]int{}
	stances := map[string]bool{}
	linked := 0
	for _, a := range p.Annotations {
		counts[a.Label]++
		if a.Label == annotation.LabelClaim {
			stances[a.Stance] = true
			if a.SpeakerMention != "" {
				linked++
			}
		}
	}
	assert.Equal(t, len(p.Annotations), r.Annotations())
	assert.GreaterOrEqual(t, counts[annotation.LabelClaim], 12, "claims: %v", counts)
	assert.GreaterOrEqual(t, counts[annotation.LabelSpeaker], 8, "speakers: %v", counts)
	assert.GreaterOrEqual(t, counts[annotation.LabelCue], 4, "cues: %v", counts)
	assert.Len(t, stances, 4, "every stance")
	assert.Equal(t, counts[annotation.LabelClaim], linked, "every claim is linked to a speaker")
}

func TestARehearsalOpensTheProjectAndDrawsEveryAnnotation(t *testing.T) {
	r, err := New(fixedClock)
	require.NoError(t, err)
	for range 2 { // again and again, the same
		ranges, err := r.Run()
		require.NoError(t, err)
		assert.GreaterOrEqual(t, ranges, r.Annotations(), "each annotation has a range at least")
	}
}

func TestARehearsalOfADamagedFileSaysSo(t *testing.T) {
	r, err := New(fixedClock)
	require.NoError(t, err)
	r.file = r.file[:len(r.file)/2]
	_, err = r.Run()
	assert.ErrorContains(t, err, "the rehearsal did not open")
}

func TestARehearsalLeavesNoTraceInAnotherState(t *testing.T) {
	st := app.NewState(fixedClock)
	app.Update(st, app.Paste{Title: "mine", Text: "Ana said it works."})
	before := st.Store.Project()
	r, err := New(fixedClock)
	require.NoError(t, err)
	_, err = r.Run()
	require.NoError(t, err)
	assert.Equal(t, before, st.Store.Project())
}
