package doccano_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/format/doccano"
	"sayso/internal/format/formattest"
)

// FuzzImport checks that Import never panics, that what it accepts loads,
// and that exporting it (in either unit) and importing the export keeps
// every text, span and link. Seeds are in testdata/fuzz/FuzzImport.
func FuzzImport(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		p, rep, err := doccano.Import(b)
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
		for _, u := range []doccano.Unit{doccano.UnitUTF16, doccano.UnitCodePoint} {
			res, err := doccano.Export(p, doccano.Options{Unit: u})
			require.NoError(t, err)
			got, rep2, err := doccano.Import(res.Data)
			require.NoError(t, err)
			require.Empty(t, rep2.Skipped, "a Sayso export imports without loss:\n%s", res.Data)
			require.Equal(t, formattest.Canon(p, formattest.Fields{Mention: true, Cue: true}), formattest.Canon(got, formattest.Fields{Mention: true, Cue: true}))
		}
	})
}
