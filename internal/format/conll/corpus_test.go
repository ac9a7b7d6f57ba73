package conll_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/format/formattest"
	"sayso/internal/text"
)

// TestPolNeARSpansSurviveExceptReportedOverlaps exports the PolNeAR
// articles (discontinuous contents, sources next to contents) and
// checks that the import restores every text exactly and every span the
// export kept, and that the report names the others.
func TestPolNeARSpansSurviveExceptReportedOverlaps(t *testing.T) {
	p := formattest.PolNeAR(t)
	res, got := roundTrip(t, p)
	require.Len(t, got.Documents, len(p.Documents))
	for i, d := range p.Documents {
		assert.Equal(t, d.Text, got.Documents[i].Text, d.Title)
	}
	trimmed := map[string]bool{}
	for i, d := range p.Documents {
		x := text.NewIndex(d.Text)
		for _, a := range p.Annotations {
			if a.Document != d.ID {
				continue
			}
			var fs []string
			for _, f := range a.Fragments {
				fs = append(fs, spanKey(x.TrimSpace(f)))
			}
			trimmed[got.Documents[i].ID+" "+a.Label+" "+strings.Join(fs, ",")] = true
		}
	}
	for _, a := range got.Annotations {
		var fs []string
		for _, f := range a.Fragments {
			fs = append(fs, spanKey(f))
		}
		assert.True(t, trimmed[a.Document+" "+a.Label+" "+strings.Join(fs, ",")], "%s %q was in the corpus", a.Label, a.Quote)
	}
	dropped := 0
	for _, l := range res.Report.Skipped {
		if strings.Contains(l, "which CoNLL keeps first") {
			dropped++
		}
	}
	assert.Equal(t, len(p.Annotations), res.Report.Annotations+dropped)
}

func spanKey(s text.Span) string { return strconv.Itoa(s.Start) + "-" + strconv.Itoa(s.End) }

// TestCorpusArticlesRoundTripExactly exports the reference article and the
// emoji articles with a claim on every emoji and every paragraph's first
// word, and checks the text and spans come back unchanged.
func TestCorpusArticlesRoundTripExactly(t *testing.T) {
	for _, name := range []string{"xi-trump-summit.txt", "fnc1-body-506.txt", "fnc1-body-724.txt", "fnc1-body-1400.txt", "fnc1-body-1752.txt", "fnc1-body-1362.txt"} {
		t.Run(name, func(t *testing.T) {
			body := formattest.ReadCorpus(t, "articles/"+name)
			s := annotation.New(annotation.DefaultSchema(), "", formattest.Clock)
			d, err := s.AddDocument(name, body)
			require.NoError(t, err)
			doc, x, _ := s.Document(d)
			for i, r := range []rune(doc.Text) {
				if r > 0xFFFF {
					_, err := s.Add(d, annotation.LabelClaim, []text.Span{{Start: i, End: i + 1}})
					if err != nil {
						require.ErrorIs(t, err, annotation.ErrInvalid)
					}
				}
			}
			for _, para := range x.Paragraphs() {
				w := x.SnapToWords(text.Span{Start: para.Start, End: para.Start + 1})
				if w.Len() > 0 && len(s.Overlapping(d, w)) == 0 {
					_, err := s.Add(d, annotation.LabelSpeaker, []text.Span{w})
					require.NoError(t, err)
				}
			}
			p := s.Project()
			_, got := roundTrip(t, p)
			assert.Equal(t, formattest.Canon(p, spansOnly), formattest.Canon(got, spansOnly))
		})
	}
}
