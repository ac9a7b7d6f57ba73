package exchange_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/exchange"
	"sayso/internal/format/formattest"
)

// TestOnlyAFormatWithPredictionsWritesThem exports the fixture with and
// without predictions in every format: only a format that holds
// predictions apart (Label Studio) writes anything more.
func TestOnlyAFormatWithPredictionsWritesThem(t *testing.T) {
	p := formattest.Fixture(t)
	pred := annotation.Project{Annotations: []annotation.Annotation{{
		ID: "p1", Document: p.Documents[0].ID, Label: annotation.LabelClaim,
		Fragments: p.Annotations[0].Fragments, Quote: p.Annotations[0].Quote,
	}}}
	for _, f := range exchange.Formats() {
		t.Run(f.ID, func(t *testing.T) {
			c, ok := exchange.Lookup(f.ID)
			require.True(t, ok)
			plain, err := exchange.Export(p, f.ID, exchange.Options{Base: base})
			require.NoError(t, err)
			with, err := exchange.Export(p, f.ID, exchange.Options{Base: base, Predictions: pred})
			require.NoError(t, err)
			assert.Equal(t, plain.Report, with.Report, "predictions are not counted as annotations")
			if c.WritePredicted == nil {
				assert.Equal(t, string(plain.Data), string(with.Data), "no predictions in %s", f.Name)
			} else {
				assert.NotEqual(t, string(plain.Data), string(with.Data), "%s writes the predictions", f.Name)
			}
		})
	}
}
