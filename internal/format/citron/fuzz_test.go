package citron_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/format/citron"
	"sayso/internal/format/formattest"
)

// FuzzImport checks that Import never panics, that what it accepts loads,
// and that exporting it and importing the export keeps every text and
// every quote (claims without a cue are what Citron cannot hold).
// Seeds are in testdata/fuzz/FuzzImport.
func FuzzImport(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		p, rep, err := citron.Import(b)
		if err != nil {
			require.NotEmpty(t, err.Error())
			require.Equal(t, annotation.Project{}, p)
			return
		}
		formattest.RequireLoads(t, p)
		for _, s := range rep.Skipped {
			require.NotEmpty(t, s)
		}
		if len(p.Documents) == 0 {
			return
		}
		res, err := citron.Export(p)
		require.NoError(t, err)
		got, rep2, err := citron.Import(res.Data)
		require.NoError(t, err)
		require.Empty(t, rep2.Skipped, "a Sayso export imports without loss")
		spansAndLinks := formattest.Fields{Mention: true, Cue: true}
		require.Equal(t, formattest.Canon(quotesOnly(p), spansAndLinks), formattest.Canon(got, spansAndLinks))
	})
}
