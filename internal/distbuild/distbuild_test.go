package distbuild_test

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/base64"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"sayso/internal/distbuild"
)

var wasm = append([]byte("\x00asm\x01\x00\x00\x00"), bytes.Repeat([]byte{1, 2, 3, 4}, 500)...)

const index = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Sayso</title>
<link rel="manifest" href="manifest.webmanifest">
<link rel="icon" href="icon.12345678.svg">
<link rel="stylesheet" href="app.89abcdef.css">
</head>
<body>
<p>Hello <a href="https://example.org/">link</a></p>
<script src="wasm_exec.00ff00ff.js"></script>
<script src="boot.fedcba98.js" data-wasm="app.0123abcd.wasm"></script>
</body>
</html>
`

func siteFS() fstest.MapFS {
	file := func(s string) *fstest.MapFile { return &fstest.MapFile{Data: []byte(s)} }
	return fstest.MapFS{
		"index.html":            file(index),
		"manifest.webmanifest":  file(`{"name":"Sayso"}`),
		"icon.12345678.svg":     file(`<svg xmlns="http://www.w3.org/2000/svg"/>`),
		"app.89abcdef.css":      file(`body { background: url("icon.12345678.svg"); }` + "\n"),
		"wasm_exec.00ff00ff.js": file("globalThis.Go = class { run() {} };\n"),
		"boot.fedcba98.js":      file("if (1 < 2) { new Go(); }\n"),
		"app.0123abcd.wasm":     {Data: wasm},
		"sw.js":                 file("self.x = 1;\n"),
	}
}

// element is an inline <script> or <style> of the rendered page.
type element struct {
	tag, typ, id, encoding, text string
}

func inlineElements(t *testing.T, page []byte) []element {
	t.Helper()
	z := html.NewTokenizer(bytes.NewReader(page))
	var out []element
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			require.ErrorIs(t, z.Err(), io.EOF)
			return out
		}
		if tt != html.StartTagToken {
			continue
		}
		tok := z.Token()
		if tok.Data != "script" && tok.Data != "style" {
			continue
		}
		e := element{tag: tok.Data}
		for _, a := range tok.Attr {
			switch a.Key {
			case "type":
				e.typ = a.Val
			case "id":
				e.id = a.Val
			case "data-encoding":
				e.encoding = a.Val
			case "src":
				t.Fatalf("a script still loads %s", a.Val)
			}
		}
		if z.Next() == html.TextToken {
			e.text = string(z.Raw())
		}
		out = append(out, e)
	}
}

func render(t *testing.T, fsys fstest.MapFS, opts distbuild.Options) (string, distbuild.Result) {
	t.Helper()
	page, res, err := distbuild.Render(fsys, opts)
	require.NoError(t, err)
	return string(page), res
}

func TestRenderInlinesEveryFileAndDropsWhatNeedsAServer(t *testing.T) {
	page, res := render(t, siteFS(), distbuild.Options{})
	assert.Equal(t, len(page), res.Size)
	assert.Equal(t, len(wasm), res.WasmSize)

	assert.NotContains(t, page, "manifest.webmanifest")
	assert.NotContains(t, page, "sw.js")
	assert.NotRegexp(t, `(src|href)="[a-z_]+\.[0-9a-f]{8}\.`, page, "no reference to a site file is left")
	assert.Contains(t, page, `<a href="https://example.org/">`, "links stay")
	assert.Contains(t, page, `<link rel="icon" href="data:image/svg+xml;base64,`+
		base64.StdEncoding.EncodeToString([]byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`))+`"`)

	els := inlineElements(t, []byte(page))
	require.Len(t, els, 4)
	assert.Equal(t, "style", els[0].tag)
	assert.Contains(t, els[0].text, `url("data:image/svg+xml;base64,`, "the CSS's files are inlined too")
	assert.Equal(t, element{tag: "script", text: "globalThis.Go = class { run() {} };\n"}, els[1])
	assert.Equal(t, "application/octet-stream", els[2].typ)
	assert.Equal(t, "app-wasm", els[2].id)
	assert.Equal(t, element{tag: "script", text: "if (1 < 2) { new Go(); }\n"}, els[3], "boot.js comes right after the module")
}

func TestRenderEmbedsTheWasmGzippedOrPlain(t *testing.T) {
	tests := []struct {
		name     string
		opts     distbuild.Options
		encoding string
	}{
		{"gzipped by default", distbuild.Options{}, "gzip"},
		{"plain on request", distbuild.Options{PlainWasm: true}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page, _ := render(t, siteFS(), tt.opts)
			els := inlineElements(t, []byte(page))
			require.Len(t, els, 4)
			assert.Equal(t, tt.encoding, els[2].encoding)
			data, err := base64.StdEncoding.DecodeString(els[2].text)
			require.NoError(t, err)
			if tt.encoding == "gzip" {
				zr, err := gzip.NewReader(bytes.NewReader(data))
				require.NoError(t, err)
				data, err = io.ReadAll(zr)
				require.NoError(t, err)
			}
			assert.Equal(t, wasm, data)
		})
	}
}

var cspMeta = regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]+)">`)

func TestRenderAllowsExactlyTheInlineScriptsAndStylesByHash(t *testing.T) {
	page, res := render(t, siteFS(), distbuild.Options{})
	m := cspMeta.FindStringSubmatch(page)
	require.NotNil(t, m)
	require.Equal(t, res.CSP, m[1])
	assert.Contains(t, page, "<meta charset=\"utf-8\">\n<meta http-equiv=\"Content-Security-Policy\"", "the CSP comes right after the charset")

	directives := map[string][]string{}
	for _, d := range strings.Split(res.CSP, ";") {
		f := strings.Fields(d)
		directives[f[0]] = f[1:]
	}
	hash := func(s string) string {
		sum := sha256.Sum256([]byte(s))
		return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	}
	var scripts, styles []string
	for _, e := range inlineElements(t, []byte(page)) {
		switch {
		case e.tag == "style":
			styles = append(styles, hash(e.text))
		case e.typ == "":
			scripts = append(scripts, hash(e.text))
		}
	}
	assert.Equal(t, []string{"'none'"}, directives["default-src"])
	assert.ElementsMatch(t, append(scripts, "'wasm-unsafe-eval'"), directives["script-src"])
	assert.ElementsMatch(t, styles, directives["style-src"])
	assert.Equal(t, []string{"data:"}, directives["img-src"])
	assert.Equal(t, []string{"'none'"}, directives["base-uri"])
	assert.Equal(t, []string{"'none'"}, directives["form-action"])
	assert.NotContains(t, res.CSP, "unsafe-inline")
	assert.NotContains(t, directives, "connect-src", "nothing to fetch: default-src 'none' applies")
}

func TestRenderRefusesWhatCannotBeInlinedSafely(t *testing.T) {
	tests := []struct {
		name    string
		change  func(fstest.MapFS)
		wantErr string
	}{
		{"a script that would end its element", func(f fstest.MapFS) {
			f["boot.fedcba98.js"].Data = []byte(`const s = "</SCRIPT>";`)
		}, "</script"},
		{"a script with an HTML comment opener", func(f fstest.MapFS) {
			f["wasm_exec.00ff00ff.js"].Data = []byte(`x <!-- y`)
		}, "<!--"},
		{"a stylesheet that would end its element", func(f fstest.MapFS) {
			f["app.89abcdef.css"].Data = []byte(`/* </style> */`)
		}, "</style"},
		{"an inline script in the page", func(f fstest.MapFS) {
			f["index.html"].Data = []byte(strings.Replace(index, "</body>", "<script>x()</script></body>", 1))
		}, "inline script"},
		{"a page without a boot script", func(f fstest.MapFS) {
			f["index.html"].Data = []byte(strings.Replace(index, ` data-wasm="app.0123abcd.wasm"`, "", 1))
		}, "boot script"},
		{"a missing file", func(f fstest.MapFS) {
			delete(f, "wasm_exec.00ff00ff.js")
		}, "wasm_exec.00ff00ff.js"},
		{"a wasm that is not WebAssembly", func(f fstest.MapFS) {
			f["app.0123abcd.wasm"].Data = []byte("MZ")
		}, "not a WebAssembly module"},
		{"an image the file cannot load", func(f fstest.MapFS) {
			f["index.html"].Data = []byte(strings.Replace(index, "<p>", `<p><img src="photo.png">`, 1))
		}, "cannot load other files"},
		{"a CSP of its own", func(f fstest.MapFS) {
			f["index.html"].Data = []byte(strings.Replace(index, "<title>", `<meta http-equiv="content-security-policy" content="x"><title>`, 1))
		}, "own CSP"},
		{"no built site", func(f fstest.MapFS) {
			delete(f, "index.html")
		}, "make site"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := siteFS()
			tt.change(fsys)
			_, _, err := distbuild.Render(fsys, distbuild.Options{})
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.wantErr)
		})
	}
}

func TestBuildWritesTheFile(t *testing.T) {
	dir := t.TempDir()
	for name, f := range siteFS() {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), f.Data, 0o644))
	}
	out := filepath.Join(t.TempDir(), "dist", "sayso.html")
	res, err := distbuild.Build(dir, out, distbuild.Options{})
	require.NoError(t, err)
	info, err := os.Stat(out)
	require.NoError(t, err)
	assert.Equal(t, int64(res.Size), info.Size())
	assert.NoFileExists(t, out+".tmp")
}
