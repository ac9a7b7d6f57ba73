package webanno_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/format/webanno"
)

// FuzzRead checks that Import never panics; that what it refuses it
// refuses with a message and no project; that what it accepts loads, with
// every span's quote equal to its code-point slice of the text; that a
// file it reads is one Detect recognises; and that exporting what it read
// gives a file it reads again. Seeds are in testdata/fuzz/FuzzRead.
func FuzzRead(f *testing.F) {
	f.Fuzz(func(t *testing.T, b []byte) {
		p, rep, err := webanno.Import(b)
		if err != nil {
			require.NotEmpty(t, err.Error())
			require.Equal(t, annotation.Project{}, p)
			return
		}
		requireLoads(t, p)
		requireQuotesAreSlices(t, p)
		for _, s := range rep.Skipped {
			require.NotEmpty(t, s)
		}
		require.True(t, webanno.Detect(b), "a file Import reads is detected")
		if len(p.Documents) == 0 {
			return
		}
		res, err := webanno.Export(p)
		require.NoError(t, err)
		again, _, err := webanno.Import(res.Data)
		require.NoError(t, err, "an export reads again:\n%s", res.Data)
		requireQuotesAreSlices(t, again)
	})
}
