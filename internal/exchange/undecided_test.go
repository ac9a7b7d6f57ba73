package exchange

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/text"
)

// TestEveryFormatExportsAnUndecidedSpeakerMention: a mention left
// undecided between two speakers (no speaker yet) exports in every
// format, and the native format opens it again as it was.
func TestEveryFormatExportsAnUndecidedSpeakerMention(t *testing.T) {
	body := "Wang Wen spoke. Wang Li spoke. Wang said more."
	s := annotation.New(annotation.DefaultSchema(), "Ana", func() time.Time { return time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC) })
	doc, err := s.AddDocument("Wangs", body)
	require.NoError(t, err)
	for _, sp := range []text.Span{{Start: 0, End: 8}, {Start: 16, End: 23}, {Start: 31, End: 35}} {
		_, err := s.Add(doc, annotation.LabelSpeaker, []text.Span{sp})
		require.NoError(t, err)
	}
	claim, err := s.Add(doc, annotation.LabelClaim, []text.Span{{Start: 36, End: 45}})
	require.NoError(t, err)
	mentions := s.Annotations(doc)
	require.Empty(t, mentions[2].Speaker, "the third mention is undecided")
	require.NoError(t, s.LinkMention(claim, mentions[2].ID))
	p := s.Project()
	for _, f := range Formats() {
		out, err := Export(p, f.ID, Options{Base: "wangs"})
		require.NoError(t, err, f.ID)
		require.NotEmpty(t, out.Data, f.ID)
	}
	out, err := Export(p, Native, Options{Base: "wangs"})
	require.NoError(t, err)
	again, notes, err := OpenProject(out.Data, time.Now)
	require.NoError(t, err)
	require.Empty(t, notes)
	require.Equal(t, p.Annotations, again.Project().Annotations)
}
