//go:build !js

package browser

import (
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestHookScriptCarriesItsConfig(t *testing.T) {
	src, err := Hook{ClearStorage: true, PasteText: "“quoted” </script>"}.Script()
	require.NoError(t, err)
	assert.NotContains(t, src, "= HOOK_CONFIG")
	assert.Contains(t, src, `const CFG = {"clearStorage":true,"count":false,"pasteAtReady":false,"pasteText":"“quoted” \u003c/script\u003e"};`)
}

func TestServerServesTheSiteAndTheBenchPages(t *testing.T) {
	site := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(site, "index.html"), []byte("<!doctype html><title>app</title>"), 0o644))
	snap, err := Snapshot(site, t.TempDir())
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(site, "index.html"), []byte("rebuilt"), 0o644))

	srv, err := Serve(snap)
	require.NoError(t, err)
	defer srv.Close()

	body, hdr := get(t, srv.URL+"/")
	assert.Contains(t, body, "<title>app</title>", "the snapshot, not the rebuilt site")
	assert.NotEmpty(t, hdr.Get("Content-Security-Policy"), "served by internal/site")

	url := srv.Put("page.html", "text/html; charset=utf-8", []byte("<p>baseline</p>"))
	assert.True(t, strings.HasSuffix(url, BenchPrefix+"page.html"))
	body, hdr = get(t, url)
	assert.Equal(t, "<p>baseline</p>", body)
	assert.Equal(t, "text/html; charset=utf-8", hdr.Get("Content-Type"))

	req, err := http.NewRequest(http.MethodGet, url, nil)
	require.NoError(t, err)
	req.Header.Set("If-None-Match", hdr.Get("ETag"))
	res, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	res.Body.Close()
	assert.Equal(t, http.StatusNotModified, res.StatusCode)

	res, err = http.Get(srv.URL + BenchPrefix + "missing.html")
	require.NoError(t, err)
	res.Body.Close()
	assert.Equal(t, http.StatusNotFound, res.StatusCode)
}

func get(t *testing.T, url string) (string, http.Header) {
	t.Helper()
	res, err := http.Get(url)
	require.NoError(t, err)
	defer res.Body.Close()
	require.Equal(t, http.StatusOK, res.StatusCode, url)
	b, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	return string(b), res.Header
}

func TestSnapshotNeedsABuiltSite(t *testing.T) {
	_, err := Snapshot(t.TempDir(), t.TempDir())
	assert.ErrorContains(t, err, "make site")
}
