package labelstudio_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/format/formattest"
	"sayso/internal/format/labelstudio"
)

// FuzzImport checks that Import never panics, that what it accepts loads,
// and that exporting it and importing the export loses nothing.
// Seeds are in testdata/fuzz/FuzzImport.
func FuzzImport(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		p, rep, err := labelstudio.Import(b)
		if err != nil {
			require.NotEmpty(t, err.Error())
			require.Equal(t, annotation.Project{}, p)
			return
		}
		formattest.RequireLoads(t, p)
		for _, s := range rep.Skipped {
			require.NotEmpty(t, s)
		}
		res, err := labelstudio.Export(p)
		require.NoError(t, err)
		got, rep2, err := labelstudio.Import(res.Data)
		if len(p.Documents) == 0 {
			return // nothing was importable: the export has no task
		}
		require.NoError(t, err)
		require.Empty(t, rep2.Skipped, "a Sayso export imports without loss:\n%s", res.Data)
		require.Equal(t, formattest.Canon(p, everything), formattest.Canon(got, everything))
	})
}
