package conll_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/format/conll"
	"sayso/internal/format/formattest"
)

func texts(p annotation.Project) []string {
	var out []string
	for _, d := range p.Documents {
		out = append(out, d.Text)
	}
	return out
}

// FuzzImport checks that Import never panics, that what it accepts loads,
// and that export and import then agree: the texts come back, every
// exported span comes back, and a second round trip changes nothing.
// Seeds are in testdata/fuzz/FuzzImport.
func FuzzImport(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		p, rep, err := conll.Import(b)
		if err != nil {
			require.NotEmpty(t, err.Error())
			require.Equal(t, annotation.Project{}, p)
			return
		}
		formattest.RequireLoads(t, p)
		for _, s := range rep.Skipped {
			require.NotEmpty(t, s)
		}
		e1, err := conll.Export(p)
		require.NoError(t, err)
		if len(p.Documents) == 0 {
			return // every document was empty: nothing to round-trip
		}
		p2, _, err := conll.Import(e1.Data)
		require.NoError(t, err, "an export imports:\n%s", e1.Data)
		require.Equal(t, texts(p), texts(p2))
		require.Len(t, p2.Annotations, e1.Report.Annotations)
		e2, err := conll.Export(p2)
		require.NoError(t, err)
		p3, _, err := conll.Import(e2.Data)
		require.NoError(t, err)
		e3, err := conll.Export(p3)
		require.NoError(t, err)
		require.Equal(t, string(e2.Data), string(e3.Data))
	})
}
