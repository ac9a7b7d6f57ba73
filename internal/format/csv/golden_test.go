package csvexport_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	csvexport "sayso/internal/format/csv"

	"sayso/internal/format/formattest"
)

// TestGoldenFile compares the export of the fixture for spreadsheets (BOM,
// formula defence) with testdata/fixture.csv; UPDATE_GOLDEN=1 rewrites it.
func TestGoldenFile(t *testing.T) {
	res, err := csvexport.Export(formattest.Fixture(t), csvexport.Options{BOM: true})
	require.NoError(t, err)
	path := filepath.Join("testdata", "fixture.csv")
	if os.Getenv("UPDATE_GOLDEN") != "" {
		require.NoError(t, os.WriteFile(path, res.Data, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, string(want), string(res.Data))
}
