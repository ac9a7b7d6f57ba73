package sizes

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/andybalholm/brotli"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func write(t *testing.T, path string, b []byte) {
	t.Helper()
	require.NoError(t, os.WriteFile(path, b, 0o644))
}

func brotliBytes(t *testing.T, data []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	w := brotli.NewWriterLevel(&buf, 5)
	_, err := w.Write(data)
	require.NoError(t, err)
	require.NoError(t, w.Close())
	return buf.Bytes()
}

func TestMeasureUsesAMatchingSibling(t *testing.T) {
	dir := t.TempDir()
	raw := bytes.Repeat([]byte("wasm module bytes "), 1000)
	path := filepath.Join(dir, "app.0123abcd.wasm")
	write(t, path, raw)
	br := brotliBytes(t, raw)
	write(t, path+".br", br)

	found, err := FindWasm(dir)
	require.NoError(t, err)
	assert.Equal(t, path, found)

	w, err := Measure(found)
	require.NoError(t, err)
	assert.Equal(t, len(raw), w.Raw)
	assert.Equal(t, len(br), w.Brotli)
	assert.Equal(t, "sibling", w.BrotliSource)
	assert.Positive(t, w.Gzip)
	assert.Less(t, w.Gzip, w.Raw)
}

func TestMeasureCompressesWhenTheSiblingDoesNotMatch(t *testing.T) {
	dir := t.TempDir()
	raw := bytes.Repeat([]byte("abc"), 5000)
	path := filepath.Join(dir, "app.0123abcd.wasm")
	write(t, path, raw)
	write(t, path+".br", brotliBytes(t, []byte("something else")))

	w, err := Measure(path)
	require.NoError(t, err)
	assert.Equal(t, "compressed", w.BrotliSource)
	n, err := BrotliSize(raw)
	require.NoError(t, err)
	assert.Equal(t, n, w.Brotli)
}

func TestFindWasmWantsExactlyOne(t *testing.T) {
	_, err := FindWasm(t.TempDir())
	assert.Error(t, err)
}
