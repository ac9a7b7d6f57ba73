//go:build !js

package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/site"
)

// lockedBuffer is written by the server goroutine and read by the test.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func TestServeAnnouncesItsAddressAndServesTheSiteUntilCancelled(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "index.html"), []byte("<!doctype html><title>Sayso</title>"), 0o644))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	port := ln.Addr().(*net.TCPAddr).Port

	ctx, cancel := context.WithCancel(context.Background())
	var out lockedBuffer
	done := make(chan error, 1)
	go func() { done <- serve(ctx, ln, dir, &out) }()

	res, err := http.Get("http://" + ln.Addr().String() + "/")
	require.NoError(t, err)
	res.Body.Close()
	assert.Equal(t, http.StatusOK, res.StatusCode)
	assert.Equal(t, site.CSP, res.Header.Get("Content-Security-Policy"))
	assert.Equal(t, fmt.Sprintf("Sayso is running at http://localhost:%d/\n", port), out.String())

	cancel()
	select {
	case err := <-done:
		require.NoError(t, err)
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not stop")
	}
}

func TestRunRefusesADirectoryWithoutABuiltSite(t *testing.T) {
	err := run(context.Background(), t.TempDir(), "0", &lockedBuffer{})
	require.Error(t, err)
	assert.True(t, strings.Contains(err.Error(), "make site"), err.Error())
}

// startServer serves dir on a free port until the test ends and returns
// its base URL.
func startServer(t *testing.T, dir string) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serve(ctx, ln, dir, &lockedBuffer{}) }()
	t.Cleanup(func() {
		cancel()
		require.NoError(t, <-done)
	})
	return "http://" + ln.Addr().String()
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	res, err := http.Get(url)
	require.NoError(t, err)
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	return res.StatusCode, string(b)
}

func TestTheServerKeepsServingWhenTheSiteIsRebuilt(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "site")
	require.NoError(t, os.MkdirAll(dir, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "index.html"), []byte("first build"), 0o644))
	base := startServer(t, dir)

	status, body := get(t, base+"/")
	require.Equal(t, http.StatusOK, status)
	assert.Equal(t, "first build", body)

	// What internal/sitebuild does: a new folder, renamed over the old.
	for i, build := range []string{"second build", "third build"} {
		tmp := filepath.Join(parent, fmt.Sprintf("site.tmp%d", i))
		require.NoError(t, os.MkdirAll(tmp, 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(tmp, "index.html"), []byte(build), 0o644))
		require.NoError(t, os.RemoveAll(dir))
		require.NoError(t, os.Rename(tmp, dir))

		status, body = get(t, base+"/")
		assert.Equal(t, http.StatusOK, status)
		assert.Equal(t, build, body)
	}
}

func TestTheServerWaitsForAFolderBeingSwapped(t *testing.T) {
	parent := t.TempDir()
	dir := filepath.Join(parent, "site")
	require.NoError(t, os.MkdirAll(dir, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "index.html"), []byte("old"), 0o644))
	base := startServer(t, dir)
	status, _ := get(t, base+"/")
	require.Equal(t, http.StatusOK, status)

	require.NoError(t, os.RemoveAll(dir))
	// The new folder is made whole, then renamed into place, as
	// internal/sitebuild does: the site is never half there.
	tmp := filepath.Join(parent, "site.tmp")
	require.NoError(t, os.MkdirAll(tmp, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(tmp, "index.html"), []byte("new"), 0o644))
	go func() {
		time.Sleep(300 * time.Millisecond)
		_ = os.Rename(tmp, dir)
	}()
	status, body := get(t, base+"/")
	assert.Equal(t, http.StatusOK, status)
	assert.Equal(t, "new", body)
}

func TestTheLocalServerHasAHandInBoxInMemory(t *testing.T) {
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "index.html"), []byte("page"), 0o644))
	base := startServer(t, dir)

	res, err := http.Post(base+"/api/boxes", "application/json", strings.NewReader(`{"format":"sayso-exercise"}`))
	require.NoError(t, err)
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	assert.Equal(t, http.StatusUnprocessableEntity, res.StatusCode)
	assert.Contains(t, string(b), `"code":"invalid_exercise"`)
	status, _ := get(t, base+"/api/boxes/0123456789abcdef01234567/hand-ins/x")
	assert.Equal(t, http.StatusNotFound, status)
}
