// Package distbuild turns the built site (build/site) into one
// self-contained HTML file that works opened from file:// with no network:
// the file a teacher hands out on a USB stick or by mail.
//
// In that file the stylesheet is inlined in <style>, wasm_exec.js and
// boot.js in <script>, the icon (and any file the CSS refers to) becomes a
// data: URL, the manifest and service worker are dropped (neither works
// from file://), and the wasm is embedded as base64 in an inert
// <script type="application/octet-stream" id="app-wasm">, gzipped first
// (data-encoding="gzip") so the file is about a quarter of the size;
// boot.js unpacks it with DecompressionStream and gives it to
// WebAssembly.instantiate. A Content-Security-Policy <meta> allows exactly
// those inline scripts and styles by their SHA-256 hashes, plus
// 'wasm-unsafe-eval' to compile the module, and nothing else.
//
// internal/sitebuild also puts this file into the site, as sayso.html:
// the template into which the app embeds a teacher's exercise
// (internal/offline) to save it as one file.
package distbuild

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"

	"sayso/internal/htmledit"
	"sayso/internal/site"
)

// Options change how the file is made.
type Options struct {
	// PlainWasm embeds the module as plain base64 instead of gzipped
	// base64: about four times larger, for browsers without
	// DecompressionStream (before Chrome 80, Firefox 113, Safari 16.4).
	PlainWasm bool
}

// Result describes the written file.
type Result struct {
	Size     int // bytes of the HTML file
	WasmSize int // bytes of the module it embeds, unpacked
	CSP      string
}

// Build reads the site in dir and writes the single file to out.
func Build(dir, out string, opts Options) (Result, error) {
	page, res, err := Render(os.DirFS(dir), opts)
	if err != nil {
		return Result{}, err
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return Result{}, fmt.Errorf("create directory for %s: %w", out, err)
	}
	tmp := out + ".tmp"
	if err := os.WriteFile(tmp, page, 0o644); err != nil {
		return Result{}, fmt.Errorf("write %s: %w", tmp, err)
	}
	if err := os.Rename(tmp, out); err != nil {
		return Result{}, fmt.Errorf("move %s into place: %w", out, err)
	}
	return res, nil
}

// The CSP <meta> goes right after <meta charset>, or else first in <head>;
// these placeholders hold both places until every hash is known.
const (
	cspAfterCharset = "\x00sayso-csp-charset\x00"
	cspAfterHead    = "\x00sayso-csp-head\x00"
)

// Render returns the single-file page made from the site's index.html.
func Render(siteFS fs.FS, opts Options) ([]byte, Result, error) {
	index, err := fs.ReadFile(siteFS, site.IndexName)
	if err != nil {
		return nil, Result{}, fmt.Errorf("read the built site: %w (run `make site`)", err)
	}
	r := &renderer{fsys: siteFS, opts: opts}
	page, err := htmledit.Edit(index, r.tag)
	if err != nil {
		return nil, Result{}, fmt.Errorf("inline index.html: %w", err)
	}
	if r.wasmSize == 0 {
		return nil, Result{}, errors.New(`index.html has no <script src=... data-wasm=...> boot script`)
	}
	csp := r.csp()
	meta := "\n" + `<meta http-equiv="Content-Security-Policy" content="` + csp + `">`
	switch {
	case r.sawCharset:
		page = bytes.Replace(page, []byte(cspAfterCharset), []byte(meta), 1)
		page = bytes.Replace(page, []byte(cspAfterHead), nil, 1)
	case r.sawHead:
		page = bytes.Replace(page, []byte(cspAfterHead), []byte(meta), 1)
	default:
		return nil, Result{}, errors.New("index.html has neither <meta charset> nor <head> to put the CSP after")
	}
	return page, Result{Size: len(page), WasmSize: r.wasmSize, CSP: csp}, nil
}

type renderer struct {
	fsys         fs.FS
	opts         Options
	scriptHashes []string
	styleHashes  []string
	sawCharset   bool
	sawHead      bool
	wasmSize     int
}

// csp allows the inline scripts and styles by hash and wasm compilation;
// images only as data: URLs. frame-ancestors is not honoured in <meta>.
func (r *renderer) csp() string {
	return "default-src 'none'; " +
		"script-src " + strings.Join(r.scriptHashes, " ") + " 'wasm-unsafe-eval'; " +
		"style-src " + strings.Join(r.styleHashes, " ") + "; " +
		"img-src data:; base-uri 'none'; form-action 'none'"
}

func hashSource(text string) string {
	sum := sha256.Sum256([]byte(text))
	return "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
}

func (r *renderer) tag(t *htmledit.Tag) (string, error) {
	rel, _ := t.Attr("rel")
	rel = strings.ToLower(rel)
	switch {
	case t.Name == "meta" && strings.EqualFold(attr(t, "http-equiv"), "content-security-policy"):
		return "", errors.New("index.html has its own CSP <meta>; the site's CSP is sent as a header")
	case t.Name == "meta" && hasAttr(t, "charset") && !r.sawCharset:
		r.sawCharset = true
		return t.Raw + cspAfterCharset, nil
	case t.Name == "head" && !r.sawHead:
		r.sawHead = true
		return t.Raw + cspAfterHead, nil
	case t.Name == "link" && (rel == "manifest" || rel == "serviceworker"):
		return "", nil // installable apps and service workers need HTTP(S)
	case t.Name == "link" && strings.Contains(rel, "icon"):
		href := attr(t, "href")
		if !htmledit.IsLocalRef(href) {
			return t.Raw, nil
		}
		data, err := r.dataURL(href)
		if err != nil {
			return "", err
		}
		t.SetAttr("href", data)
		return t.String(), nil
	case t.Name == "link" && rel == "stylesheet":
		return r.inlineStyle(attr(t, "href"))
	case t.Name == "script" && hasAttr(t, "src"):
		return r.inlineScript(t)
	case t.Name == "script":
		return "", errors.New("index.html has an inline script; the site's CSP allows none")
	}
	for _, key := range []string{"src", "href", "srcset", "poster", "data"} {
		if v, ok := t.Attr(key); ok && t.Name != "a" && htmledit.IsLocalRef(v) {
			return "", fmt.Errorf("<%s %s=%q>: the offline file cannot load other files", t.Name, key, v)
		}
	}
	return t.Raw, nil
}

func attr(t *htmledit.Tag, key string) string {
	v, _ := t.Attr(key)
	return v
}

func hasAttr(t *htmledit.Tag, key string) bool {
	_, ok := t.Attr(key)
	return ok
}

func (r *renderer) read(ref string) ([]byte, string, error) {
	name := path.Clean(htmledit.LocalName(ref))
	data, err := fs.ReadFile(r.fsys, name)
	if err != nil {
		return nil, "", fmt.Errorf("read %s: %w", name, err)
	}
	return data, name, nil
}

func (r *renderer) dataURL(ref string) (string, error) {
	data, name, err := r.read(ref)
	if err != nil {
		return "", err
	}
	mediaType := strings.ReplaceAll(site.ContentType(name), " ", "")
	return "data:" + mediaType + ";base64," + base64.StdEncoding.EncodeToString(data), nil
}

var cssURL = regexp.MustCompile(`url\(\s*(['"]?)([^'")\s]+)(['"]?)\s*\)`)

func (r *renderer) inlineStyle(href string) (string, error) {
	data, name, err := r.read(href)
	if err != nil {
		return "", err
	}
	var urlErr error
	css := cssURL.ReplaceAllStringFunc(string(data), func(m string) string {
		sub := cssURL.FindStringSubmatch(m)
		if !htmledit.IsLocalRef(sub[2]) {
			return m
		}
		data, err := r.dataURL(path.Join(path.Dir(name), htmledit.LocalName(sub[2])))
		if err != nil && urlErr == nil {
			urlErr = fmt.Errorf("%s: %w", name, err)
		}
		return `url("` + data + `")`
	})
	if urlErr != nil {
		return "", urlErr
	}
	if containsFold(css, "</style") {
		return "", fmt.Errorf("%s contains </style and cannot be inlined", name)
	}
	r.styleHashes = append(r.styleHashes, hashSource(css))
	return "<style>" + css + "</style>", nil
}

// inlineScript replaces <script src=...> (its end tag stays) with the
// script's text; the boot script is preceded by the embedded module.
func (r *renderer) inlineScript(t *htmledit.Tag) (string, error) {
	data, name, err := r.read(attr(t, "src"))
	if err != nil {
		return "", err
	}
	js := string(data)
	// In a <script> element these would end it early or switch the HTML
	// parser into its escaped states.
	for _, bad := range []string{"</script", "<!--", "<script"} {
		if containsFold(js, bad) {
			return "", fmt.Errorf("%s contains %q and cannot be inlined", name, bad)
		}
	}
	r.scriptHashes = append(r.scriptHashes, hashSource(js))
	prefix := ""
	if wasmRef, ok := t.Attr("data-wasm"); ok {
		embedded, err := r.embedWasm(wasmRef)
		if err != nil {
			return "", err
		}
		prefix = embedded
		t.DelAttr("data-wasm")
	}
	t.DelAttr("src")
	t.DelAttr("defer")
	t.DelAttr("async")
	return prefix + t.String() + js, nil
}

func (r *renderer) embedWasm(ref string) (string, error) {
	data, name, err := r.read(ref)
	if err != nil {
		return "", err
	}
	if !bytes.HasPrefix(data, []byte("\x00asm")) {
		return "", fmt.Errorf("%s is not a WebAssembly module", name)
	}
	r.wasmSize = len(data)
	encoding := ""
	if !r.opts.PlainWasm {
		var buf bytes.Buffer
		zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		if err != nil {
			return "", fmt.Errorf("gzip %s: %w", name, err)
		}
		if _, err := zw.Write(data); err != nil {
			return "", fmt.Errorf("gzip %s: %w", name, err)
		}
		if err := zw.Close(); err != nil {
			return "", fmt.Errorf("gzip %s: %w", name, err)
		}
		data = buf.Bytes()
		encoding = ` data-encoding="gzip"`
	}
	return `<script type="application/octet-stream" id="app-wasm"` + encoding + `>` +
		base64.StdEncoding.EncodeToString(data) + "</script>\n", nil
}

func containsFold(s, sub string) bool {
	return strings.Contains(strings.ToLower(s), sub)
}
