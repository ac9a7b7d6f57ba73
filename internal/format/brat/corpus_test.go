package brat

import (
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/format"
)

func TestImportReadsEveryCorpusPair(t *testing.T) {
	for _, sub := range []string{"polnear", "tutorial-news"} {
		t.Run(sub, func(t *testing.T) {
			fsys := corpus(t, sub)
			anns, err := fs.Glob(fsys, "*.ann")
			require.NoError(t, err)
			pairs, err := FromDir(fsys)
			require.NoError(t, err)
			require.Len(t, pairs, len(anns), "one pair per .ann file")
			for _, p := range pairs {
				require.NotNil(t, p.Text, "%s has its text", p.Name)
			}

			proj, rep, err := Import(pairs)
			require.NoError(t, err)
			requireLoads(t, proj)
			assert.Equal(t, len(pairs), rep.Documents)
			assert.Positive(t, rep.Annotations)
			for _, s := range rep.Skipped {
				assert.NotContains(t, s, "could not be read", "every corpus line parses")
				assert.NotContains(t, s, "does not match", "every corpus quote matches its text")
			}
			t.Logf("%s: %s", sub, rep)
		})
	}
}

func TestImportEachCorpusPairLoadsAlone(t *testing.T) {
	for _, sub := range []string{"polnear", "tutorial-news"} {
		pairs, err := FromDir(corpus(t, sub))
		require.NoError(t, err)
		for _, p := range pairs {
			proj, _, err := Import([]Pair{p})
			require.NoError(t, err, p.Name)
			requireLoads(t, proj)
		}
	}
}

func TestPolNeARMapsAttributionsToClaimLinks(t *testing.T) {
	pairs, err := FromDir(corpus(t, "polnear"))
	require.NoError(t, err)
	events := 0
	for _, p := range pairs {
		events += strings.Count("\n"+string(p.Ann), "\nE")
	}
	proj, rep, err := Import(pairs)
	require.NoError(t, err)

	linked := 0
	for _, a := range proj.Annotations {
		if a.SpeakerMention != "" || a.Cue != "" {
			linked++
		}
	}
	assert.Equal(t, events, linked, "every attribution event links its claim")
	for _, s := range rep.Skipped {
		assert.NotContains(t, s, "trigger", "PolNeAR triggers are copies of the cue spans")
	}
	assert.Contains(t, labelIDs(proj.Schema.Labels), "Discuss", "other labels become extra labels")
}

func TestPolNeARComesBackAfterExport(t *testing.T) {
	pairs, err := FromDir(corpus(t, "polnear"))
	require.NoError(t, err)
	for _, p := range pairs {
		t.Run(p.Name, func(t *testing.T) {
			proj, _, err := Import([]Pair{p})
			require.NoError(t, err)
			files, err := Export(proj)
			require.NoError(t, err)
			out := fileMap(files)
			ann, ok := out[p.Name+".ann"]
			require.True(t, ok, "the export names the document after the pair")
			assert.Equal(t, string(p.Text), string(out[p.Name+".txt"]))

			wantSpans, wantAttr := standoffSets(t, string(p.Ann))
			gotSpans, gotAttr := standoffSets(t, string(ann))
			assert.Equal(t, wantSpans, gotSpans, "the same labelled spans come back")
			assert.Equal(t, wantAttr, gotAttr, "the same attributions come back")
		})
	}
}

// standoffSets lists a .ann file's text-bound spans as "label frags" and
// its events as "type content source cue" (by the spans' fragments),
// sorted, with fragments normalised the way the import normalises them.
func standoffSets(t *testing.T, src string) (spans, attributions []string) {
	t.Helper()
	recs, bad := parseAnn(src)
	require.Empty(t, bad)
	byID := map[string]record{}
	for _, r := range recs {
		byID[r.ID] = r
	}
	frags := func(id string) string {
		r, ok := byID[id]
		if !ok {
			return "-"
		}
		var conv []string
		for _, s := range mergeSpans(toSpans(r.Spans)) {
			conv = append(conv, fmt.Sprintf("%d-%d", s.Start, s.End))
		}
		return strings.Join(conv, ";")
	}
	for _, r := range recs {
		switch r.Kind {
		case 'T':
			spans = append(spans, r.Type+" "+frags(r.ID))
		case 'E':
			role := map[string]string{}
			for _, a := range r.Args {
				role[a.Role] = a.ID
			}
			attributions = append(attributions, strings.Join([]string{r.Type,
				frags(role["Content"]), frags(role["Source"]), frags(role["Cue"])}, " "))
		}
	}
	slices.Sort(spans)
	slices.Sort(attributions)
	return spans, attributions
}

func TestFromZipPairsLikeFromDir(t *testing.T) {
	fsys := corpus(t, "polnear")
	names, err := fs.Glob(fsys, "*")
	require.NoError(t, err)
	var files []format.File
	for _, n := range names {
		b, err := fs.ReadFile(fsys, n)
		require.NoError(t, err)
		files = append(files, format.File{Name: path.Join("polnear", n), Data: b})
	}
	z, err := format.Zip(files)
	require.NoError(t, err)

	fromZip, err := FromZip(z)
	require.NoError(t, err)
	fromDir, err := FromDir(fsys)
	require.NoError(t, err)
	assert.Equal(t, fromDir, fromZip)
}
