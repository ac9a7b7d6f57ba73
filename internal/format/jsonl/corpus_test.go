package jsonl_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/format/formattest"
	"sayso/internal/format/jsonl"
	"sayso/internal/text"
)

// TestCorpusArticlesWithEmojiExportExactFragments annotates the corpus
// articles that contain emoji outside the BMP: a claim over every emoji
// and one over the sentence around it, then checks the rows slice back.
func TestCorpusArticlesWithEmojiExportExactFragments(t *testing.T) {
	for _, name := range []string{"fnc1-body-506.txt", "fnc1-body-724.txt", "fnc1-body-1400.txt", "fnc1-body-1752.txt"} {
		t.Run(name, func(t *testing.T) {
			body := formattest.ReadCorpus(t, "articles/"+name)
			s := annotation.New(annotation.DefaultSchema(), "corpus", formattest.Clock)
			d, err := s.AddDocument(name, body)
			require.NoError(t, err)
			doc, x, _ := s.Document(d)
			runes := []rune(doc.Text)
			n := 0
			for i, r := range runes {
				if r <= 0xFFFF || n >= 20 {
					continue
				}
				_, err := s.Add(d, annotation.LabelClaim, []text.Span{{Start: i, End: i + 1}})
				require.NoError(t, err)
				wide := text.Span{Start: max(i-15, 0), End: min(i+15, len(runes))}
				if _, err := s.Add(d, annotation.LabelClaim, []text.Span{x.TrimSpace(wide)}); err != nil {
					require.ErrorIs(t, err, annotation.ErrEmptySpan)
				}
				n++
			}
			require.Positive(t, n, "the article has emoji outside the BMP")
			res, err := jsonl.Export(s.Project())
			require.NoError(t, err)
			rows, _ := jsonl.Rows(s.Project())
			require.Len(t, rows, s.Len())
			for _, r := range rows {
				for _, f := range r.Fragments {
					assert.Equal(t, string(runes[f[0]:f[1]]), r.Quote)
				}
			}
			assert.True(t, utf8.Valid(res.Data))
			assert.Equal(t, len(rows), strings.Count(string(res.Data), "\n"))
		})
	}
}
