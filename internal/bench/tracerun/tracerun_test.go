//go:build !js

package tracerun

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/bench/corpus"
)

func TestAFailedStartLeavesNoFolderBehind(t *testing.T) {
	t.Setenv("TMPDIR", t.TempDir())
	r, err := Start("tracerun-test", "build/site", corpus.Spec{Name: "bad", Bytes: 0, Annotations: -1})
	require.Error(t, err)
	assert.Nil(t, r)
	left, err := filepath.Glob(filepath.Join(os.TempDir(), "tracerun-test-*"))
	require.NoError(t, err)
	assert.Empty(t, left)
}
