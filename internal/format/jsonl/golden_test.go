package jsonl_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/format/formattest"
	"sayso/internal/format/jsonl"
)

// TestGoldenFile compares the export of the fixture with
// testdata/fixture.jsonl; UPDATE_GOLDEN=1 rewrites the file.
func TestGoldenFile(t *testing.T) {
	res, err := jsonl.Export(formattest.Fixture(t))
	require.NoError(t, err)
	path := filepath.Join("testdata", "fixture.jsonl")
	if os.Getenv("UPDATE_GOLDEN") != "" {
		require.NoError(t, os.WriteFile(path, res.Data, 0o644))
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, string(want), string(res.Data))
}
