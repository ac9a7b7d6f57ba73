//go:build !js

package floor

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestBuildWritesAPageThatRunsTheFloorModule(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a wasm module")
	}
	dir := t.TempDir()
	s, err := Build(context.Background(), "go", ".", dir)
	require.NoError(t, err)
	wasm, err := os.ReadFile(s.Wasm)
	require.NoError(t, err)
	assert.Equal(t, []byte("\x00asm"), wasm[:4], "a WebAssembly module")
	core, err := os.ReadFile(s.Core)
	require.NoError(t, err)
	assert.Equal(t, []byte("\x00asm"), core[:4], "the second floor is a WebAssembly module")
	assert.Greater(t, len(core), len(wasm), "the second floor holds the first")
	assert.NotEqual(t, dir, filepath.Dir(s.Core), "the second floor is not served")
	page, err := os.ReadFile(filepath.Join(dir, "index.html"))
	require.NoError(t, err)
	assert.Contains(t, string(page), `<script src="wasm_exec.js"></script><script src="boot.js"></script>`)
	assert.NotContains(t, string(page), "<script>", "no inline script: the site's CSP forbids it")
	boot, err := os.ReadFile(filepath.Join(dir, "boot.js"))
	require.NoError(t, err)
	assert.Contains(t, string(boot), `fetch("floor.wasm")`)
	execJS, err := os.ReadFile(filepath.Join(dir, "wasm_exec.js"))
	require.NoError(t, err)
	assert.Contains(t, string(execJS), "globalThis.Go = class")
}

func TestBuildSaysWhyWhenTheProgramDoesNotBuild(t *testing.T) {
	_, err := Build(context.Background(), "go", t.TempDir(), t.TempDir())
	require.Error(t, err)
	assert.Contains(t, err.Error(), "build the floor program")
}
