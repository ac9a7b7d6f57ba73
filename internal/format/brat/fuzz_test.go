package brat

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// FuzzParseAnn checks that any .ann content parses without panicking, that
// every non-blank line becomes a record or a reason, that every record
// formats to a line that parses back to it, that importing it beside a
// fixed text gives a project that loads, and that exporting that project
// and importing the export gives it back. Seeds are in
// testdata/fuzz/FuzzParseAnn.
func FuzzParseAnn(f *testing.F) {
	f.Add("T1\tSource 0 3\tAna\nT2\tCue 4 8\tsaid\nT3\tContent 10 24\tthe plan works\n" +
		"T4\tAttribution 4 8\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\nA1\tStance T3 favor\n")
	f.Fuzz(func(t *testing.T, src string) {
		recs, bad := parseAnn(src)
		lines := 0
		for l := range strings.SplitSeq(splitLines(src), "\n") {
			if strings.TrimSpace(l) != "" {
				lines++
			}
		}
		require.Equal(t, lines, len(recs)+len(bad), "every line is read or reported")
		for _, r := range recs {
			again, err := parseLine(r.String())
			require.NoError(t, err, "the record of line %d formats as %q", r.Line, r.String())
			r.Line = 0
			require.Equal(t, r, again)
		}

		p, rep, err := Import([]Pair{{Name: "fuzz", Text: []byte(sample), Ann: []byte(src)}})
		require.NoError(t, err)
		requireLoads(t, p)
		require.LessOrEqual(t, rep.Annotations, len(recs))

		files, err := Export(p)
		require.NoError(t, err)
		out := fileMap(files)
		again, rep, err := Import([]Pair{{Name: "fuzz", Text: out["fuzz.txt"], Ann: out["fuzz.ann"]}})
		require.NoError(t, err)
		require.Empty(t, rep.Skipped, "an export of an import imports whole")
		for i := range p.Annotations { // extra labels go through brat's type names
			p.Annotations[i].Label, _ = saysoLabel(bratType(p.Annotations[i].Label))
		}
		require.Equal(t, views(p), views(again))
	})
}
