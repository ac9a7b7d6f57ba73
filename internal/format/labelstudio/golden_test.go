package labelstudio_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/format/formattest"
	"sayso/internal/format/labelstudio"
)

// TestGoldenFiles compares the configuration of the default schema and the
// tasks of the fixture with testdata/config.xml and testdata/fixture.json;
// UPDATE_GOLDEN=1 rewrites them.
func TestGoldenFiles(t *testing.T) {
	res, err := labelstudio.Export(formattest.Fixture(t))
	require.NoError(t, err)
	files := map[string]string{
		"config.xml":   labelstudio.Config(annotation.DefaultSchema()),
		"fixture.json": string(res.Data),
	}
	for name, got := range files {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join("testdata", name)
			if os.Getenv("UPDATE_GOLDEN") != "" {
				require.NoError(t, os.WriteFile(path, []byte(got), 0o644))
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err)
			assert.Equal(t, string(want), got)
		})
	}
}
