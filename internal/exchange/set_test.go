package exchange_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/exchange"
	"sayso/internal/testenv"
)

// corpusDir is the shared corpus, outside the repository.
const corpusDir = "../../../shared/corpus"

// corpusFiles reads files of the shared corpus, keyed by the names given
// (paths below corpusDir).
func corpusFiles(t *testing.T, names ...string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	for _, n := range names {
		b, err := os.ReadFile(filepath.Join(corpusDir, n))
		if errors.Is(err, fs.ErrNotExist) {
			testenv.Missing(t, "the shared corpus file %s is not on this machine", n)
		}
		require.NoError(t, err)
		out[n] = b
	}
	return out
}

const (
	polnearPair  = "brat/polnear/breitbart_2015-11-17_wash-post-fact-check-if-obama-sa"
	trainTwice   = "breitbart_2016-03-20_ted-cruz-refuses-to-disavow-lind"
	trainText    = "polnear-train/text/" + trainTwice + ".txt"
	trainFirst   = "polnear-train/attributions/" + trainTwice + "_4e07.ann"
	trainSecond  = "polnear-train/attributions/" + trainTwice + "_d473.ann"
	polnearText  = polnearPair + ".txt"
	polnearAnn   = polnearPair + "_4e07.ann"
	polnearTitle = "breitbart_2015-11-17_wash-post-fact-check-if-obama-sa"
)

func TestImportSetPairsTextsWithTheirAnnotationFiles(t *testing.T) {
	tests := []struct {
		name   string
		files  []string
		titles []string
		lone   []exchange.Lone
	}{
		{"a text and its annotator's file make one document", []string{polnearText, polnearAnn}, []string{polnearTitle}, nil},
		{"a text annotated twice in PolNeAR's layout makes one document per annotator",
			[]string{trainText, trainFirst, trainSecond}, []string{trainTwice + "_4e07", trainTwice + "_d473"}, nil},
		{"an annotation file without its text is named with the text it needs",
			[]string{polnearText, polnearAnn, trainFirst}, []string{polnearTitle},
			[]exchange.Lone{{File: trainTwice + "_4e07.ann", Needs: trainTwice + ".txt"}}},
		{"a text alone is a document without annotations", []string{trainText}, []string{trainTwice}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set, err := exchange.ImportSet(corpusFiles(t, tt.files...), annotation.Document{})
			require.NoError(t, err)
			var titles []string
			for _, d := range set.Project.Documents {
				titles = append(titles, d.Title)
			}
			assert.Equal(t, tt.titles, titles)
			assert.Equal(t, tt.lone, set.Lone)
			assert.Equal(t, exchange.Brat, set.Format.ID)
			assert.Equal(t, len(set.Project.Annotations), set.Report.Annotations)
			if strings.HasSuffix(tt.files[len(tt.files)-1], ".ann") {
				assert.NotZero(t, set.Report.Annotations, "the annotation files' spans are read")
			}
			assert.Empty(t, set.Placed.Project.Documents, "nothing is placed on the open text when texts were chosen")
		})
	}
}

func TestImportSetPlacesALoneAnnotationFileOnTheOpenTextWhenItFits(t *testing.T) {
	files := corpusFiles(t, polnearText, polnearAnn, trainText)
	pair := string(files[polnearText])
	tests := []struct {
		name   string
		open   annotation.Document
		placed bool
		misfit string
	}{
		{"its own text is open", annotation.Document{Title: "Fact check", Text: pair}, true, ""},
		{"another text is open", annotation.Document{Title: "Cruz", Text: string(files[trainText])}, false, "spans do not fit the text open now"},
		{"no text is open", annotation.Document{}, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set, err := exchange.ImportSet(map[string][]byte{"x/" + polnearPair + "_4e07.ann": files[polnearAnn]}, tt.open)
			require.NoError(t, err)
			require.Len(t, set.Lone, 1)
			lone := set.Lone[0]
			assert.Equal(t, polnearTitle+".txt", lone.Needs)
			assert.Equal(t, tt.placed, lone.Placed)
			if tt.misfit == "" {
				assert.Empty(t, lone.Misfit)
			} else {
				assert.Contains(t, lone.Misfit, tt.misfit)
			}
			assert.Empty(t, set.Project.Documents)
			if !tt.placed {
				assert.Empty(t, set.Placed.Project.Documents)
				return
			}
			require.Len(t, set.Placed.Project.Documents, 1)
			d := set.Placed.Project.Documents[0]
			assert.Equal(t, tt.open.Title, d.Title, "placed on the open text, under its title")
			assert.Equal(t, tt.open.Text, d.Text)
			assert.NotZero(t, set.Placed.Report.Annotations)
		})
	}
}

func TestOpenEndingsCoverEveryFormatThatOpens(t *testing.T) {
	endings := exchange.OpenEndings()
	for _, want := range []string{".ann", ".txt", ".json", ".jsonld", ".jsonl", ".zip", ".conll", ".tsv"} {
		assert.Contains(t, endings, want)
	}
	assert.NotContains(t, endings, ".csv", "CSV is written, never opened")
	for _, f := range exchange.Formats() {
		if !f.Opens {
			continue
		}
		for _, n := range f.Names {
			covered := false
			for _, e := range endings {
				covered = covered || strings.HasSuffix(strings.ToLower(n), e)
			}
			assert.True(t, covered, "%s's %s is among the endings", f.Name, n)
		}
	}
}
