package site_test

import (
	"bufio"
	"io"
	"mime"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/site"
)

const (
	indexHTML = "<!doctype html><title>Sayso</title>"
	wasmBytes = "\x00asm\x01\x00\x00\x00"
	wasmName  = "app.0123abcd.wasm"
)

// fixture is a built site in miniature: hashed assets with precompressed
// siblings, unhashed index.html/sw.js/manifest, a directory and build
// metadata that must not be served.
func fixture() fstest.MapFS {
	file := func(s string) *fstest.MapFile {
		return &fstest.MapFile{Data: []byte(s), Mode: 0o644, ModTime: time.Unix(1700000000, 0)}
	}
	return fstest.MapFS{
		"index.html":              file(indexHTML),
		"index.html.gz":           file("gzip:index"),
		"index.html.br":           file("br:index"),
		wasmName:                  file(wasmBytes),
		wasmName + ".gz":          file("gzip:wasm"),
		wasmName + ".br":          file("br:wasm"),
		"app.89abcdef.css":        file("body{}"),
		"app.89abcdef.css.gz":     file("gzip:css"),
		"boot.fedcba98.js":        file("'boot'"),
		"wasm_exec.00ff00ff.js":   file("'go'"),
		"sw.js":                   file("'sw'"),
		"manifest.webmanifest":    file(`{"name":"Sayso"}`),
		"icon.12345678.svg":       file("<svg/>"),
		"notes.unknownext":        file("?"),
		"_headers":                file("/*\n  X-Secret: 1\n"),
		".assetsignore":           file("_headers\n"),
		"sub/inner.txt":           file("inner"),
		"sub/_private/secret.txt": file("secret"),
	}
}

func get(t *testing.T, h http.Handler, method, target string, header http.Header) *http.Response {
	t.Helper()
	req := httptest.NewRequest(method, target, nil)
	for k, v := range header {
		req.Header[k] = v
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	return rec.Result()
}

func body(t *testing.T, res *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	require.NoError(t, res.Body.Close())
	return string(b)
}

func mediaType(t *testing.T, res *http.Response) string {
	t.Helper()
	mt, _, err := mime.ParseMediaType(res.Header.Get("Content-Type"))
	require.NoError(t, err, "Content-Type %q", res.Header.Get("Content-Type"))
	return mt
}

func TestHandlerServesEachFileWithItsContentType(t *testing.T) {
	h := site.Handler(fixture())
	tests := []struct {
		path, mediaType, body string
	}{
		{"/", "text/html", indexHTML},
		{"/index.html", "text/html", indexHTML},
		{"/" + wasmName, "application/wasm", wasmBytes},
		{"/app.89abcdef.css", "text/css", "body{}"},
		{"/boot.fedcba98.js", "text/javascript", "'boot'"},
		{"/wasm_exec.00ff00ff.js", "text/javascript", "'go'"},
		{"/sw.js", "text/javascript", "'sw'"},
		{"/manifest.webmanifest", "application/manifest+json", `{"name":"Sayso"}`},
		{"/icon.12345678.svg", "image/svg+xml", "<svg/>"},
		{"/notes.unknownext", "application/octet-stream", "?"},
		{"/sub/inner.txt", "text/plain", "inner"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			res := get(t, h, http.MethodGet, tt.path, nil)
			assert.Equal(t, http.StatusOK, res.StatusCode)
			assert.Equal(t, tt.mediaType, mediaType(t, res))
			assert.Empty(t, res.Header.Get("Content-Encoding"), "no Accept-Encoding, no encoding")
			assert.Equal(t, tt.body, body(t, res))
		})
	}
}

func TestHandlerDeclaresUTF8ForText(t *testing.T) {
	h := site.Handler(fixture())
	for _, p := range []string{"/", "/app.89abcdef.css", "/sw.js"} {
		res := get(t, h, http.MethodGet, p, nil)
		_, params, err := mime.ParseMediaType(res.Header.Get("Content-Type"))
		require.NoError(t, err)
		assert.Equal(t, "utf-8", params["charset"], p)
	}
}

func TestHandlerSendsTheSecurityHeadersWithEveryResponse(t *testing.T) {
	h := site.Handler(fixture())
	tests := []struct {
		name, method, path string
		status             int
	}{
		{"index", http.MethodGet, "/", http.StatusOK},
		{"wasm", http.MethodGet, "/" + wasmName, http.StatusOK},
		{"head", http.MethodHead, "/sw.js", http.StatusOK},
		{"missing", http.MethodGet, "/missing.js", http.StatusNotFound},
		{"traversal", http.MethodGet, "/../go.mod", http.StatusBadRequest},
		{"post", http.MethodPost, "/", http.StatusMethodNotAllowed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := get(t, h, tt.method, tt.path, nil)
			assert.Equal(t, tt.status, res.StatusCode)
			assert.Equal(t, site.CSP, res.Header.Get("Content-Security-Policy"))
			assert.Equal(t, "nosniff", res.Header.Get("X-Content-Type-Options"))
			assert.Equal(t, "no-referrer", res.Header.Get("Referrer-Policy"))
			assert.NotEmpty(t, res.Header.Get("Content-Type"))
		})
	}
}

func TestCSPAllowsOnlyTheSiteItselfAndWasmCompilation(t *testing.T) {
	directives := map[string]string{}
	for _, d := range strings.Split(site.CSP, ";") {
		name, value, _ := strings.Cut(strings.TrimSpace(d), " ")
		directives[name] = value
	}
	assert.Equal(t, map[string]string{
		"default-src":     "'none'",
		"script-src":      "'self' 'wasm-unsafe-eval'",
		"style-src":       "'self'",
		"img-src":         "'self' data:",
		"connect-src":     "'self'",
		"manifest-src":    "'self'",
		"worker-src":      "'self'",
		"base-uri":        "'none'",
		"form-action":     "'none'",
		"frame-ancestors": "'none'",
	}, directives)
	assert.NotContains(t, site.CSP, "unsafe-inline")
}

func TestHandlerCachesHashedNamesForeverAndRevalidatesTheRest(t *testing.T) {
	h := site.Handler(fixture())
	tests := []struct {
		path, cache string
	}{
		{"/", "no-cache"},
		{"/index.html", "no-cache"},
		{"/sw.js", "no-cache"},
		{"/manifest.webmanifest", "no-cache"},
		{"/" + wasmName, "public, max-age=31536000, immutable"},
		{"/app.89abcdef.css", "public, max-age=31536000, immutable"},
		{"/boot.fedcba98.js", "public, max-age=31536000, immutable"},
		{"/icon.12345678.svg", "public, max-age=31536000, immutable"},
		{"/missing.0123abcd.js", "no-cache"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			res := get(t, h, http.MethodGet, tt.path, http.Header{"Accept-Encoding": {"gzip, br"}})
			assert.Equal(t, tt.cache, res.Header.Get("Cache-Control"))
		})
	}
}

func TestHandlerServesThePrecompressedSiblingTheClientAccepts(t *testing.T) {
	h := site.Handler(fixture())
	tests := []struct {
		name, path, acceptEncoding string
		encoding, body             string
		vary                       bool
	}{
		{"brotli preferred", "/" + wasmName, "gzip, deflate, br, zstd", "br", "br:wasm", true},
		{"gzip only", "/" + wasmName, "gzip", "gzip", "gzip:wasm", true},
		{"brotli refused by q=0", "/" + wasmName, "br;q=0, gzip;q=0.5", "gzip", "gzip:wasm", true},
		{"everything refused", "/" + wasmName, "br;q=0, gzip;q=0", "", wasmBytes, true},
		{"wildcard", "/" + wasmName, "*", "br", "br:wasm", true},
		{"wildcard minus brotli", "/" + wasmName, "*, br;q=0", "gzip", "gzip:wasm", true},
		{"identity only", "/" + wasmName, "identity", "", wasmBytes, true},
		{"no header", "/" + wasmName, "", "", wasmBytes, true},
		{"case-insensitive", "/" + wasmName, "GZIP", "gzip", "gzip:wasm", true},
		{"index through /", "/", "br", "br", "br:index", true},
		{"only a gzip sibling", "/app.89abcdef.css", "br, gzip", "gzip", "gzip:css", true},
		{"no sibling at all", "/sw.js", "br, gzip", "", "'sw'", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := get(t, h, http.MethodGet, tt.path, http.Header{"Accept-Encoding": {tt.acceptEncoding}})
			assert.Equal(t, http.StatusOK, res.StatusCode)
			assert.Equal(t, tt.encoding, res.Header.Get("Content-Encoding"))
			if tt.vary {
				assert.Equal(t, "Accept-Encoding", res.Header.Get("Vary"))
			} else {
				assert.Empty(t, res.Header.Get("Vary"))
			}
			got := body(t, res)
			assert.Equal(t, tt.body, got)
			assert.Equal(t, int64(len(got)), res.ContentLength)
			assert.NotEqual(t, "application/octet-stream", mediaType(t, res), "type of the original, not of the sibling")
		})
	}
}

func TestHandlerAnswersHeadWithHeadersOnly(t *testing.T) {
	res := get(t, site.Handler(fixture()), http.MethodHead, "/"+wasmName, http.Header{"Accept-Encoding": {"br"}})
	assert.Equal(t, http.StatusOK, res.StatusCode)
	assert.Equal(t, "application/wasm", mediaType(t, res))
	assert.Equal(t, "br", res.Header.Get("Content-Encoding"))
	assert.Equal(t, "7", res.Header.Get("Content-Length"))
	assert.Empty(t, body(t, res))
}

func TestHandlerRejectsMethodsOtherThanGetAndHead(t *testing.T) {
	h := site.Handler(fixture())
	for _, m := range []string{http.MethodPost, http.MethodPut, http.MethodDelete, http.MethodPatch, http.MethodOptions, "PROPFIND"} {
		t.Run(m, func(t *testing.T) {
			res := get(t, h, m, "/index.html", nil)
			assert.Equal(t, http.StatusMethodNotAllowed, res.StatusCode)
			assert.Equal(t, "GET, HEAD", res.Header.Get("Allow"))
			assert.NotContains(t, body(t, res), indexHTML)
		})
	}
}

func TestHandlerAnswersNotFoundForMissingFilesDirectoriesAndBuildMetadata(t *testing.T) {
	h := site.Handler(fixture())
	for _, p := range []string{
		"/missing.html",
		"/" + wasmName + "x",
		"/sub",
		"/sub/",
		"/sub/_private/secret.txt",
		"/_headers",
		"/.assetsignore",
		"/index.html/",
		"/./",
	} {
		t.Run(p, func(t *testing.T) {
			res := get(t, h, http.MethodGet, p, nil)
			assert.Equal(t, http.StatusNotFound, res.StatusCode)
			assert.Equal(t, "no-cache", res.Header.Get("Cache-Control"))
			b := body(t, res)
			assert.NotContains(t, b, "inner.txt", "no listing")
			assert.NotContains(t, b, "secret")
			assert.NotContains(t, b, "X-Secret")
		})
	}
}

func TestHandlerRevalidatesUnhashedFilesByETag(t *testing.T) {
	h := site.Handler(fixture())
	first := get(t, h, http.MethodGet, "/", nil)
	tag := first.Header.Get("ETag")
	require.NotEmpty(t, tag)

	again := get(t, h, http.MethodGet, "/", http.Header{"If-None-Match": {tag}})
	assert.Equal(t, http.StatusNotModified, again.StatusCode)
	assert.Empty(t, body(t, again))

	br := get(t, h, http.MethodGet, "/", http.Header{"Accept-Encoding": {"br"}})
	assert.NotEqual(t, tag, br.Header.Get("ETag"), "each encoding has its own tag")
}

// rawRequest sends target exactly as written, bypassing any client-side
// cleaning, to a real server and returns status and body.
func rawRequest(t *testing.T, addr, target string) (int, string) {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	require.NoError(t, err)
	defer conn.Close()
	require.NoError(t, conn.SetDeadline(time.Now().Add(5*time.Second)))
	_, err = io.WriteString(conn, "GET "+target+" HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
	require.NoError(t, err)
	res, err := http.ReadResponse(bufio.NewReader(conn), nil)
	require.NoError(t, err)
	return res.StatusCode, body(t, res)
}

func TestHandlerNeverEscapesItsDirectory(t *testing.T) {
	root := t.TempDir()
	const secret = "TOP-SECRET-OUTSIDE-THE-SITE"
	require.NoError(t, os.WriteFile(filepath.Join(root, "go.mod"), []byte(secret), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(root, "passwd"), []byte(secret), 0o644))
	dir := filepath.Join(root, "site")
	require.NoError(t, os.Mkdir(dir, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "index.html"), []byte(indexHTML), 0o644))
	require.NoError(t, os.Symlink(filepath.Join(root, "go.mod"), filepath.Join(dir, "link.txt")))

	// os.Root, unlike os.DirFS, refuses symlinks that lead out of it: the
	// local server serves build/site through one.
	sroot, err := os.OpenRoot(dir)
	require.NoError(t, err)
	t.Cleanup(func() { _ = sroot.Close() })
	srv := httptest.NewServer(site.Handler(sroot.FS()))
	t.Cleanup(srv.Close)
	addr := strings.TrimPrefix(srv.URL, "http://")

	for _, target := range []string{
		"/../go.mod",
		"/%2e%2e/go.mod",
		"/%2e%2e/",
		"/%2E%2E/%2E%2E/go.mod",
		"/..%2fgo.mod",
		"/..%2Fgo.mod",
		"/.%2e/go.mod",
		"/sub/../../go.mod",
		"//etc/passwd",
		"///etc/passwd",
		"/%2f%2fetc/passwd",
		"/..\\go.mod",
		"/%5c..%5cgo.mod",
		"/..%5cgo.mod",
		"/%00",
		"/index.html%00.js",
		"/" + root + "/go.mod",
		"/./../passwd",
	} {
		t.Run(target, func(t *testing.T) {
			status, b := rawRequest(t, addr, target)
			assert.Contains(t, []int{http.StatusBadRequest, http.StatusNotFound}, status)
			assert.NotContains(t, b, secret)
		})
	}
	t.Run("a symlink inside reaching out", func(t *testing.T) {
		status, b := rawRequest(t, addr, "/link.txt")
		assert.Equal(t, http.StatusNotFound, status)
		assert.NotContains(t, b, secret)
	})
	t.Run("the index is still served", func(t *testing.T) {
		status, b := rawRequest(t, addr, "/")
		assert.Equal(t, http.StatusOK, status)
		assert.Equal(t, indexHTML, b)
	})
}

func TestIsHashedNameRecognisesContentHashes(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"app.3f2a9c1d.css", true},
		{"wasm_exec.0123456789abcdef.js", true},
		{"dir/app.3f2a9c1d.wasm", true},
		{"app.3f2a9c1d.wasm.br", false},
		{"index.html", false},
		{"sw.js", false},
		{"app.css", false},
		{"app.3F2A9C1D.css", false},
		{"app.3f2a9c1.css", false},
		{"app.3f2a9c1g.css", false},
		{".3f2a9c1d.css", false},
		{"manifest.webmanifest", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, site.IsHashedName(tt.name))
		})
	}
}

// FuzzHandlerServesOnlyFilesOfItsFS checks that whatever the path, the
// handler answers with a known status and, when it serves a body, the body
// is one of the files it was given.
func FuzzHandlerServesOnlyFilesOfItsFS(f *testing.F) {
	for _, seed := range []string{"/", "/index.html", "/../go.mod", "/%2e%2e/", "//etc/passwd", "/a\\b", "/\x00", "/sub/", "/_headers"} {
		f.Add(seed)
	}
	fsys := fixture()
	contents := map[string]bool{}
	for _, file := range fsys {
		contents[string(file.Data)] = true
	}
	h := site.Handler(fsys)
	f.Fuzz(func(t *testing.T, p string) {
		req := httptest.NewRequest(http.MethodGet, "/", nil)
		req.URL.Path = p
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		switch rec.Code {
		case http.StatusOK:
			if !contents[rec.Body.String()] {
				t.Fatalf("path %q served content not in the FS: %q", p, rec.Body.String())
			}
			if strings.Contains(rec.Body.String(), "secret") || strings.Contains(rec.Body.String(), "X-Secret") {
				t.Fatalf("path %q served hidden build data", p)
			}
		case http.StatusBadRequest, http.StatusNotFound:
		default:
			t.Fatalf("path %q: unexpected status %d", p, rec.Code)
		}
		if rec.Header().Get("Content-Security-Policy") != site.CSP {
			t.Fatalf("path %q: no CSP", p)
		}
	})
}

func TestHandlerSendsTheOfflineFileAsADownload(t *testing.T) {
	fsys := fixture()
	fsys[site.OfflineName] = &fstest.MapFile{Data: []byte("<!doctype html><title>Sayso offline</title>")}
	h := site.Handler(fsys)

	res := get(t, h, http.MethodGet, "/"+site.OfflineName, nil)
	assert.Equal(t, http.StatusOK, res.StatusCode)
	assert.Equal(t, "text/html", mediaType(t, res))
	assert.Equal(t, `attachment; filename="sayso.html"`, res.Header.Get("Content-Disposition"))
	assert.Equal(t, site.CSP, res.Header.Get("Content-Security-Policy"),
		"the site's CSP, which does not let its inline scripts run from here")
	assert.Equal(t, site.CacheRevalidate, res.Header.Get("Cache-Control"))
	assert.Equal(t, "<!doctype html><title>Sayso offline</title>", body(t, res))

	for _, p := range []string{"/", "/index.html", "/sw.js", "/" + wasmName} {
		assert.Empty(t, get(t, h, http.MethodGet, p, nil).Header.Get("Content-Disposition"), p)
	}
	assert.Equal(t, "sayso.html", site.OfflineName)
	assert.Empty(t, site.ContentDisposition("sub/sayso.html"))
}
