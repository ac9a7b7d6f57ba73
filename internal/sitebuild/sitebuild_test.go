package sitebuild_test

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/distbuild"
	"sayso/internal/offline"
	"sayso/internal/site"
	"sayso/internal/sitebuild"
)

// fakeWasm is a valid module header plus filler that compresses well.
var fakeWasm = append([]byte("\x00asm\x01\x00\x00\x00"), bytes.Repeat([]byte("sayso "), 2000)...)

// webDir assembles a web directory: the placeholder index.html and app.css
// of testdata/web, and the real boot.js, sw.js, manifest and icon of web/.
func webDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	copyFile := func(from, name string) {
		data, err := os.ReadFile(from)
		require.NoError(t, err)
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), data, 0o644))
	}
	copyFile(filepath.Join("testdata", "web", "index.html"), "index.html")
	copyFile(filepath.Join("testdata", "web", "app.css"), "app.css")
	for _, name := range []string{"boot.js", "sw.js", "manifest.webmanifest", "icon.svg"} {
		copyFile(filepath.Join("..", "..", "web", name), name)
	}
	return dir
}

type fixture struct {
	cfg sitebuild.Config
}

func newFixture(t *testing.T) fixture {
	t.Helper()
	tmp := t.TempDir()
	wasm := filepath.Join(tmp, "app.wasm")
	require.NoError(t, os.WriteFile(wasm, fakeWasm, 0o644))
	exec := filepath.Join(tmp, "wasm_exec.js")
	goJS := "/* Go's wasm_exec.js */\n" + strings.Repeat("globalThis.Go = class {};\n", 20)
	require.NoError(t, os.WriteFile(exec, []byte(goJS), 0o644))
	return fixture{cfg: sitebuild.Config{
		Web:      webDir(t),
		Wasm:     wasm,
		WasmExec: exec,
		Out:      filepath.Join(tmp, "out", "site"),
	}}
}

func (f fixture) build(t *testing.T) sitebuild.Result {
	t.Helper()
	res, err := sitebuild.Build(f.cfg)
	require.NoError(t, err)
	return res
}

func (f fixture) read(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(f.cfg.Out, filepath.FromSlash(name)))
	require.NoError(t, err)
	return string(b)
}

func builtName(t *testing.T, res sitebuild.Result, source string) string {
	t.Helper()
	f, ok := res.File(source)
	require.True(t, ok, "no built file for %s", source)
	return f.Name
}

func TestBuildNamesAssetsByTheirContentAndKeepsEntryPoints(t *testing.T) {
	f := newFixture(t)
	res := f.build(t)
	tests := []struct {
		source string
		hashed bool
	}{
		{"app.css", true},
		{"boot.js", true},
		{"icon.svg", true},
		{"app.wasm", true},
		{"wasm_exec.js", true},
		{"index.html", false},
		{"sw.js", false},
		{"manifest.webmanifest", false},
		{"sayso.html", false},
	}
	require.Len(t, res.Files, len(tests))
	for _, tt := range tests {
		t.Run(tt.source, func(t *testing.T) {
			name := builtName(t, res, tt.source)
			assert.Equal(t, tt.hashed, site.IsHashedName(name), name)
			if !tt.hashed {
				assert.Equal(t, tt.source, name)
				return
			}
			sum := sha256.Sum256([]byte(f.read(t, name)))
			ext := filepath.Ext(tt.source)
			assert.Equal(t, strings.TrimSuffix(tt.source, ext)+"."+hex.EncodeToString(sum[:4])+ext, name,
				"the hash is of the bytes written")
		})
	}
	assert.Equal(t, string(fakeWasm), f.read(t, builtName(t, res, "app.wasm")))
}

func TestBuildRewritesEveryReferenceToTheHashedNames(t *testing.T) {
	f := newFixture(t)
	res := f.build(t)
	index := f.read(t, "index.html")
	for _, want := range []string{
		`<link rel="stylesheet" href="` + builtName(t, res, "app.css") + `"`,
		`<link rel="icon" href="` + builtName(t, res, "icon.svg") + `"`,
		`<link rel="manifest" href="manifest.webmanifest">`,
		`<script src="` + builtName(t, res, "wasm_exec.js") + `"></script>`,
		`<script src="` + builtName(t, res, "boot.js") + `" data-wasm="` + builtName(t, res, "app.wasm") + `"></script>`,
		`<a href="https://example.org/">`,
		`<!-- <script src="commented-out.js"></script> -->`,
	} {
		assert.Contains(t, index, want)
	}
	assert.Contains(t, f.read(t, builtName(t, res, "app.css")), `url("`+builtName(t, res, "icon.svg")+`")`)
	assert.Contains(t, f.read(t, builtName(t, res, "app.css")), `url(data:image/gif;base64,`)

	var manifest struct {
		Name  string `json:"name"`
		Icons []struct {
			Src string `json:"src"`
		} `json:"icons"`
	}
	require.NoError(t, json.Unmarshal([]byte(f.read(t, "manifest.webmanifest")), &manifest))
	assert.Equal(t, "Sayso", manifest.Name)
	require.NotEmpty(t, manifest.Icons)
	assert.Equal(t, builtName(t, res, "icon.svg"), manifest.Icons[0].Src)
}

var buildLine = regexp.MustCompile(`(?m)^const BUILD = (.*);$`)

func serviceWorkerBuild(t *testing.T, f fixture) (version string, assets []string) {
	t.Helper()
	m := buildLine.FindStringSubmatch(f.read(t, "sw.js"))
	require.NotNil(t, m, "sw.js has its BUILD line")
	var b struct {
		Version string   `json:"version"`
		Assets  []string `json:"assets"`
	}
	require.NoError(t, json.Unmarshal([]byte(m[1]), &b))
	return b.Version, b.Assets
}

func TestBuildGivesTheServiceWorkerItsVersionAndFileList(t *testing.T) {
	f := newFixture(t)
	res := f.build(t)
	version, assets := serviceWorkerBuild(t, f)
	assert.Equal(t, res.Version, version)
	assert.Regexp(t, `^[0-9a-f]{12}$`, version)
	assert.ElementsMatch(t, []string{
		builtName(t, res, "app.css"),
		builtName(t, res, "boot.js"),
		builtName(t, res, "icon.svg"),
		builtName(t, res, "app.wasm"),
		builtName(t, res, "wasm_exec.js"),
		"manifest.webmanifest",
	}, assets, "every file but the pages (cached as ./) and sw.js itself")
	for _, a := range assets {
		assert.FileExists(t, filepath.Join(f.cfg.Out, a))
	}

	again := f.build(t)
	assert.Equal(t, res.Version, again.Version, "the same inputs give the same version")

	require.NoError(t, os.WriteFile(f.cfg.Wasm, append(fakeWasm, 1), 0o644))
	changed := f.build(t)
	assert.NotEqual(t, res.Version, changed.Version, "a new wasm is a new version, hence a new cache")
}

func TestBuildWritesPrecompressedSiblingsThatDecodeToTheFile(t *testing.T) {
	f := newFixture(t)
	res := f.build(t)
	for _, file := range res.Files {
		t.Run(file.Name, func(t *testing.T) {
			if file.Name == site.OfflineName {
				assert.Zero(t, file.Gzip+file.Brotli, "the offline file is not precompressed")
				assert.NoFileExists(t, filepath.Join(f.cfg.Out, file.Name+".gz"))
				assert.NoFileExists(t, filepath.Join(f.cfg.Out, file.Name+".br"))
				return
			}
			orig := f.read(t, file.Name)
			require.NotZero(t, file.Gzip, "the fixture's files all compress")
			require.NotZero(t, file.Brotli)

			gz := f.read(t, file.Name+".gz")
			assert.Len(t, gz, file.Gzip)
			zr, err := gzip.NewReader(strings.NewReader(gz))
			require.NoError(t, err)
			plain, err := io.ReadAll(zr)
			require.NoError(t, err)
			assert.Equal(t, orig, string(plain))

			br := f.read(t, file.Name+".br")
			assert.Len(t, br, file.Brotli)
			plain, err = io.ReadAll(brotli.NewReader(strings.NewReader(br)))
			require.NoError(t, err)
			assert.Equal(t, orig, string(plain))
			assert.Less(t, file.Brotli, file.Size)
		})
	}
}

func TestBuildWritesTheHeaderPolicyForWorkersStaticAssets(t *testing.T) {
	f := newFixture(t)
	res := f.build(t)
	headers := parseHeaders(t, f.read(t, "_headers"))

	all := headers["/*"]
	assert.Equal(t, site.CSP, all.Get("Content-Security-Policy"))
	assert.Equal(t, "nosniff", all.Get("X-Content-Type-Options"))
	assert.Equal(t, "no-referrer", all.Get("Referrer-Policy"))
	assert.Empty(t, all.Get("Cache-Control"), "set per file: Cloudflare joins values of overlapping rules")

	assert.Equal(t, "no-cache", headers["/"].Get("Cache-Control"))
	assert.Equal(t, "text/html; charset=utf-8", headers["/"].Get("Content-Type"))
	for _, file := range res.Files {
		h, ok := headers["/"+file.Name]
		require.True(t, ok, "a rule for %s", file.Name)
		assert.Equal(t, site.CacheControl(file.Name), h.Get("Cache-Control"), file.Name)
		assert.Equal(t, site.ContentType(file.Name), h.Get("Content-Type"), file.Name)
		assert.Equal(t, site.ContentDisposition(file.Name), h.Get("Content-Disposition"), file.Name)
	}
	for _, p := range []string{"/sayso.html", "/sayso"} {
		assert.Equal(t, `attachment; filename="sayso.html"`, headers[p].Get("Content-Disposition"),
			"%s: the offline file is a download, also where Workers serve it", p)
		assert.Equal(t, "text/html; charset=utf-8", headers[p].Get("Content-Type"), p)
		assert.Equal(t, "no-cache", headers[p].Get("Cache-Control"), p)
	}
	assert.Empty(t, headers["/"].Get("Content-Disposition"))
	assert.Equal(t, "application/wasm", headers["/"+builtName(t, res, "app.wasm")].Get("Content-Type"))

	ignore := f.read(t, ".assetsignore")
	assert.Contains(t, ignore, "*.br")
	assert.Contains(t, ignore, "*.gz")
}

// parseHeaders reads a Cloudflare _headers file: a path line, then
// indented "Name: value" lines.
func parseHeaders(t *testing.T, text string) map[string]http.Header {
	t.Helper()
	rules := map[string]http.Header{}
	var current http.Header
	for _, line := range strings.Split(text, "\n") {
		switch {
		case strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#"):
		case !strings.HasPrefix(line, " "):
			current = http.Header{}
			rules[line] = current
		default:
			require.NotNil(t, current, "header before any path: %q", line)
			k, v, ok := strings.Cut(strings.TrimSpace(line), ":")
			require.True(t, ok, line)
			current.Add(k, strings.TrimSpace(v))
		}
	}
	return rules
}

func TestBuildReplacesThePreviousOutputEntirely(t *testing.T) {
	f := newFixture(t)
	first := f.build(t)
	require.NoError(t, os.WriteFile(filepath.Join(f.cfg.Web, "app.css"), []byte("body { color: red }\n"), 0o644))
	second := f.build(t)
	require.NotEqual(t, builtName(t, first, "app.css"), builtName(t, second, "app.css"))
	assert.NoFileExists(t, filepath.Join(f.cfg.Out, builtName(t, first, "app.css")), "stale hashed files are gone")
	assert.NoFileExists(t, filepath.Join(f.cfg.Out, builtName(t, first, "app.css")+".br"))
	entries, err := os.ReadDir(filepath.Dir(f.cfg.Out))
	require.NoError(t, err)
	assert.Len(t, entries, 1, "no temporary directory left beside the output")
}

func TestBuildRefusesToEmptyADirectoryItDidNotWrite(t *testing.T) {
	f := newFixture(t)
	require.NoError(t, os.MkdirAll(f.cfg.Out, 0o755))
	precious := filepath.Join(f.cfg.Out, "go.mod")
	require.NoError(t, os.WriteFile(precious, []byte("module precious\n"), 0o644))
	_, err := sitebuild.Build(f.cfg)
	require.ErrorContains(t, err, "refusing to empty")
	assert.FileExists(t, precious)

	f.cfg.Out = f.cfg.Web
	_, err = sitebuild.Build(f.cfg)
	require.ErrorContains(t, err, "contains the input")
}

func TestBuildRejectsInputsThatWouldNotBootUnderTheCSP(t *testing.T) {
	tests := []struct {
		name    string
		file    string
		old     string
		new     string
		wantErr string
	}{
		{"inline script", "index.html", "</main>", "</main><script>alert(1)</script>", "inline script"},
		{"inline style element", "index.html", "</head>", "<style>p{}</style></head>", "inline <style>"},
		{"style attribute", "index.html", "<main>", `<main style="color:red">`, "style attribute"},
		{"event handler attribute", "index.html", "<main>", `<main onclick="go()">`, "inline event handler onclick"},
		{"no boot script", "index.html", `<script src="boot.js" data-wasm="app.wasm"></script>`, "", "must load"},
		{"boot script without data-wasm", "index.html", ` data-wasm="app.wasm"`, "", "data-wasm"},
		{"reference to a missing file", "index.html", "</head>", `<script src="missing.js"></script></head>`, `"missing.js"`},
		{"css reference to a missing file", "app.css", "icon.svg", "nope.svg", `"nope.svg"`},
		{"manifest without icons", "manifest.webmanifest", `"icons"`, `"no_icons"`, "icons"},
		{"service worker without its BUILD line", "sw.js", "const BUILD =", "const build =", "const BUILD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			p := filepath.Join(f.cfg.Web, tt.file)
			data, err := os.ReadFile(p)
			require.NoError(t, err)
			require.Contains(t, string(data), tt.old)
			require.NoError(t, os.WriteFile(p, []byte(strings.Replace(string(data), tt.old, tt.new, 1)), 0o644))
			_, err = sitebuild.Build(f.cfg)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.wantErr)
			assert.NoDirExists(t, f.cfg.Out, "nothing is written when the build fails")
		})
	}
}

func TestBuildRejectsAWasmThatIsNotWebAssembly(t *testing.T) {
	f := newFixture(t)
	require.NoError(t, os.WriteFile(f.cfg.Wasm, []byte("#!/bin/sh\n"), 0o644))
	_, err := sitebuild.Build(f.cfg)
	require.ErrorContains(t, err, "not a WebAssembly module")
}

func TestBuiltSiteIsServedWholeBySiteHandler(t *testing.T) {
	f := newFixture(t)
	res := f.build(t)
	srv := httptest.NewServer(site.Handler(os.DirFS(f.cfg.Out)))
	t.Cleanup(srv.Close)

	get := func(p string) *http.Response {
		req, err := http.NewRequest(http.MethodGet, srv.URL+p, nil)
		require.NoError(t, err)
		req.Header.Set("Accept-Encoding", "br")
		res, err := http.DefaultTransport.RoundTrip(req)
		require.NoError(t, err)
		t.Cleanup(func() { _ = res.Body.Close() })
		return res
	}
	for _, file := range res.Files {
		r := get("/" + file.Name)
		assert.Equal(t, http.StatusOK, r.StatusCode, file.Name)
		if file.Name == site.OfflineName {
			assert.Empty(t, r.Header.Get("Content-Encoding"), file.Name)
			assert.Equal(t, `attachment; filename="sayso.html"`, r.Header.Get("Content-Disposition"))
		} else {
			assert.Equal(t, "br", r.Header.Get("Content-Encoding"), file.Name)
		}
		assert.Equal(t, site.CacheControl(file.Name), r.Header.Get("Cache-Control"), file.Name)
	}
	for _, hidden := range []string{"/_headers", "/.assetsignore", "/" + sitebuild.MarkerName} {
		assert.Equal(t, http.StatusNotFound, get(hidden).StatusCode, hidden)
	}
}

func TestBuildAddsTheOfflineFileAsTheExerciseTemplate(t *testing.T) {
	f := newFixture(t)
	res := f.build(t)
	file, ok := res.File(site.OfflineName)
	require.True(t, ok)
	assert.Equal(t, "sayso.html", file.Name)

	got := f.read(t, site.OfflineName)
	assert.Len(t, got, file.Size)
	siteOnly := os.DirFS(f.cfg.Out)
	want, _, err := distbuild.Render(siteOnly, distbuild.Options{})
	require.NoError(t, err)
	assert.Equal(t, string(want), got, "the file `make dist` writes from the same site")
	assert.Contains(t, got, `id="app-wasm"`)

	_, assets := serviceWorkerBuild(t, f)
	assert.NotContains(t, assets, site.OfflineName, "fetched only on demand: not precached")

	page, err := offline.Embed([]byte(got), []byte(`{"format":"sayso-exercise"}`))
	require.NoError(t, err)
	ex, ok := offline.Extract(page)
	require.True(t, ok)
	assert.JSONEq(t, `{"format":"sayso-exercise"}`, string(ex))

	t.Run("web/ cannot have one of its own", func(t *testing.T) {
		f := newFixture(t)
		require.NoError(t, os.WriteFile(filepath.Join(f.cfg.Web, site.OfflineName), []byte("<p>"), 0o644))
		_, err := sitebuild.Build(f.cfg)
		require.ErrorContains(t, err, "must not contain sayso.html")
	})
}
