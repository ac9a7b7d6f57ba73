package w3c

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// fuzzText is the one document text the fuzzer's annotations point into.
const fuzzText = "Ana said: “the plan 🚀 works.” Bo said it fails, and Ana agreed 👍🏽.\nA second line."

// FuzzImport checks that any input imports without panicking; that what
// imports loads; and that exporting it and importing that again gives the
// same annotations. Seeds are in testdata/fuzz/FuzzImport.
func FuzzImport(f *testing.F) {
	f.Add([]byte(sampleAnno))
	texts := map[string]string{"urn:x:doc": fuzzText, SourceIRI(fuzzText): fuzzText}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, _, err := Import(data, texts)
		if err != nil {
			require.NotContains(t, err.Error(), "do not hold together", "an import never builds a broken project")
			return
		}
		requireLoads(t, got)
		b, err := Export(got)
		require.NoError(t, err)
		again, rep, err := Import(b, Texts(got))
		require.NoError(t, err)
		require.Empty(t, rep.Skipped, "an export of an import imports whole")
		require.Equal(t, views(got), views(again))
	})
}
