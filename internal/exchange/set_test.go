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

func TestImportSetReadsHandMadeBratFiles(t *testing.T) {
	const text = "Ana said hi."
	ann := []byte("T1\tclaim 9 11\thi\n")
	tests := []struct {
		name      string
		files     map[string][]byte
		open      annotation.Document
		documents []string // titles of the documents read with their texts
		placed    []string // titles of the documents placed on the open text
		lone      []exchange.Lone
	}{
		{"a text and its annotation file", map[string][]byte{"talk.txt": []byte(text), "talk.ann": ann},
			annotation.Document{Title: "Open", Text: text}, []string{"talk"}, nil, nil},
		{"a lone annotation file that fits the open text", map[string][]byte{"talk_d473.ann": ann},
			annotation.Document{Title: "Open", Text: text}, nil, []string{"Open"},
			[]exchange.Lone{{File: "talk_d473.ann", Needs: "talk.txt", Placed: true}}},
		{"a lone annotation file and no open text", map[string][]byte{"talk.ann": ann},
			annotation.Document{}, nil, nil, []exchange.Lone{{File: "talk.ann", Needs: "talk.txt"}}},
		{"a name that starts with an underscore is no annotator suffix", map[string][]byte{"_d473.ann": ann},
			annotation.Document{}, nil, nil, []exchange.Lone{{File: "_d473.ann", Needs: "_d473.txt"}}},
	}
	titles := func(p annotation.Project) []string {
		var out []string
		for _, d := range p.Documents {
			out = append(out, d.Title)
		}
		return out
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set, err := exchange.ImportSet(tt.files, tt.open)
			require.NoError(t, err)
			assert.Equal(t, tt.documents, titles(set.Project))
			assert.Equal(t, tt.placed, titles(set.Placed.Project))
			assert.Equal(t, tt.lone, set.Lone)
			assert.Equal(t, len(set.Project.Annotations), set.Report.Annotations)
			assert.Equal(t, len(set.Placed.Project.Annotations), set.Placed.Report.Annotations)
			assert.Equal(t, len(tt.documents)+len(tt.placed), len(set.Project.Annotations)+len(set.Placed.Project.Annotations),
				"each document read carries its one claim")
		})
	}
}
