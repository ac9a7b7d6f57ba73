package doccano_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/format/doccano"
	"sayso/internal/format/formattest"
	"sayso/internal/text"
)

// TestPolNeARRoundTripsWithItsAttributions exports the PolNeAR articles
// and imports them back with every span and link (speaker entities
// beyond coreference inside a document are not held).
func TestPolNeARRoundTripsWithItsAttributions(t *testing.T) {
	p := formattest.PolNeAR(t)
	res, err := doccano.Export(p, doccano.Options{})
	require.NoError(t, err)
	got, rep, err := doccano.Import(res.Data)
	require.NoError(t, err)
	formattest.RequireLoads(t, got)
	assert.Equal(t, res.Report.Links, rep.Links)
	assert.Positive(t, rep.Links)
	// Speaker entities that span documents or pronouns are not held.
	spansAndLinks := formattest.Fields{Mention: true, Cue: true}
	assert.Equal(t, formattest.Canon(p, spansAndLinks), formattest.Canon(got, spansAndLinks))
}

// TestCorpusEmojiArticlesKeepExactOffsets puts a claim on every emoji of
// the FNC-1 articles and round-trips them in both units.
func TestCorpusEmojiArticlesKeepExactOffsets(t *testing.T) {
	for _, name := range []string{"fnc1-body-506.txt", "fnc1-body-724.txt", "fnc1-body-1400.txt", "fnc1-body-1752.txt"} {
		t.Run(name, func(t *testing.T) {
			body := formattest.ReadCorpus(t, "articles/"+name)
			s := annotation.New(annotation.DefaultSchema(), "", formattest.Clock)
			d, err := s.AddDocument(name, body)
			require.NoError(t, err)
			doc, _, _ := s.Document(d)
			for i, r := range []rune(doc.Text) {
				if r > 0xFFFF {
					_, err := s.Add(d, annotation.LabelClaim, []text.Span{{Start: i, End: i + 1}})
					require.NoError(t, err)
				}
			}
			p := s.Project()
			for _, u := range []doccano.Unit{doccano.UnitUTF16, doccano.UnitCodePoint} {
				_, got := roundTrip(t, p, doccano.Options{Unit: u})
				assert.Equal(t, formattest.Canon(p, formattest.Fields{}), formattest.Canon(got, formattest.Fields{}), u.String())
			}
		})
	}
}
