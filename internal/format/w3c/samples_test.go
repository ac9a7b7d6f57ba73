package w3c

import (
	"encoding/json"
	"io/fs"
	"path"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const samplesDir = "tools/samples/correct"

func TestImportReadsEveryCorrectSample(t *testing.T) {
	fsys := w3cCorpus(t)
	names, err := fs.Glob(fsys, samplesDir+"/*.json")
	require.NoError(t, err)
	require.NotEmpty(t, names)
	for _, n := range names {
		b, err := fs.ReadFile(fsys, n)
		require.NoError(t, err)
		got, rep, err := Import(b, nil)
		require.NoError(t, err, "%s imports", n)
		requireLoads(t, got)
		assert.Zero(t, rep.Annotations, "%s: nothing is placed without texts", n)
		assert.NotEmpty(t, rep.Skipped, "%s: what was not imported is listed", n)
	}
}

func TestImportPlacesTheSamplesWithTextTargets(t *testing.T) {
	fsys := w3cCorpus(t)
	tests := []struct {
		file   string
		placed int
		report string // a part of a report line
	}{
		{"anno26.json", 1, ""},
		{"anno27.json", 1, ""},
		{"anno32.json", 1, "its FragmentSelector para5 is not used"},
		{"anno41-example44.json", 0, "counts from its FragmentSelector"},
		{"collection1.json", 3, "is a whole resource"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			b, err := fs.ReadFile(fsys, path.Join(samplesDir, tt.file))
			require.NoError(t, err)
			texts := textsFor(t, b)
			got, rep, err := Import(b, texts)
			require.NoError(t, err)
			requireLoads(t, got)
			assert.Equal(t, tt.placed, rep.Annotations)
			if tt.report != "" {
				assert.Contains(t, strings.Join(rep.Skipped, "\n"), tt.report)
			}
			for _, a := range got.Annotations {
				assert.Equal(t, "annotation", a.Label, "an untagged annotation gets the label annotation")
			}

			_, rep, err = Import(b, nil)
			require.NoError(t, err)
			if tt.placed > 0 {
				assert.Contains(t, strings.Join(rep.Skipped, "\n"), "no text was given for its document")
			}
		})
	}
}

// textsFor builds, while the test runs, a text for every source the
// sample's text selectors point into: each quote between its prefix and
// suffix, joined by sentences of our own, and padding up to the largest
// position. Nothing of the sample is kept in the repository.
func textsFor(t *testing.T, b []byte) map[string]string {
	t.Helper()
	var v any
	require.NoError(t, json.Unmarshal(b, &v))
	parts := map[string][]string{}
	ends := map[string]int{}
	var walk func(v any, source string)
	walk = func(v any, source string) {
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				walk(e, source)
			}
		case map[string]any:
			if s, ok := x["source"].(string); ok {
				source = s
			}
			switch x["type"] {
			case "TextQuoteSelector":
				q := []string{x["prefix"].(string), x["exact"].(string), x["suffix"].(string)}
				parts[source] = append(parts[source], strings.Join(q, ""))
			case "TextPositionSelector":
				ends[source] = max(ends[source], int(x["end"].(float64)))
			}
			for _, e := range x {
				walk(e, source)
			}
		}
	}
	walk(v, "")
	texts := map[string]string{}
	for src, ps := range parts {
		texts[src] = "Words we wrote first. " + strings.Join(ps, " Words between. ") + " Words we wrote last."
	}
	for src, end := range ends {
		if n := len([]rune(texts[src])); n < end {
			texts[src] += strings.Repeat("padding ", (end-n)/8+1)
		}
	}
	return texts
}
