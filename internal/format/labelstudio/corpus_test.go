package labelstudio_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/format/formattest"
	"sayso/internal/text"
)

// TestPolNeARRoundTripsWithItsAttributions exports the PolNeAR articles
// (sources, cues, discontinuous contents and the attributions linking
// them) and imports them back unchanged.
func TestPolNeARRoundTripsWithItsAttributions(t *testing.T) {
	p := formattest.PolNeAR(t)
	res, got := roundTrip(t, p)
	assert.Positive(t, res.Report.Links)
	assert.Equal(t, formattest.Canon(p, everything), formattest.Canon(got, everything))
}

// TestCorpusEmojiArticlesKeepExactOffsets puts a claim on every emoji of
// the FNC-1 articles, where UTF-16 offsets would drift.
func TestCorpusEmojiArticlesKeepExactOffsets(t *testing.T) {
	for _, name := range []string{"fnc1-body-506.txt", "fnc1-body-724.txt", "fnc1-body-1400.txt", "fnc1-body-1752.txt"} {
		t.Run(name, func(t *testing.T) {
			body := formattest.ReadCorpus(t, "articles/"+name)
			s := annotation.New(annotation.DefaultSchema(), "", formattest.Clock)
			d, err := s.AddDocument(name, body)
			require.NoError(t, err)
			doc, _, _ := s.Document(d)
			n := 0
			for i, r := range []rune(doc.Text) {
				if r > 0xFFFF {
					_, err := s.Add(d, annotation.LabelClaim, []text.Span{{Start: i, End: i + 1}})
					require.NoError(t, err)
					n++
				}
			}
			require.Positive(t, n)
			p := s.Project()
			_, got := roundTrip(t, p)
			assert.Equal(t, formattest.Canon(p, everything), formattest.Canon(got, everything))
		})
	}
}
