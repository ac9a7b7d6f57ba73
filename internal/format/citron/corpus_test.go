package citron_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/format/citron"
	"sayso/internal/format/formattest"
)

// TestPolNeARAttributionsBecomeCitronQuotes exports the PolNeAR articles,
// whose attributions (source, cue, content) are what Citron's quotes are,
// and imports them back: every attribution with a cue comes back as a
// quote with its source, and the report names the others.
func TestPolNeARAttributionsBecomeCitronQuotes(t *testing.T) {
	p := formattest.PolNeAR(t)
	res, err := citron.Export(p)
	require.NoError(t, err)
	assert.Equal(t, ".zip", res.Extension)
	got, rep, err := citron.Import(res.Data)
	require.NoError(t, err)
	formattest.RequireLoads(t, got)
	assert.Equal(t, len(p.Documents), rep.Documents)
	assert.Positive(t, rep.Links)
	assert.Equal(t, res.Report.Links, rep.Links)
	spansAndLinks := formattest.Fields{Mention: true, Cue: true}
	assert.Equal(t, formattest.Canon(quotesOnly(p), spansAndLinks), formattest.Canon(got, spansAndLinks))
}
