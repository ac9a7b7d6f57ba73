// Package sitebuild turns web/ plus the compiled app.wasm and Go's
// wasm_exec.js into the deployable static site (build/site):
//
//   - every asset except the entry points (index.html, sw.js, the web app
//     manifest) gets a content-hashed name, app.css → app.3f2a9c1d.css,
//     so that it can be cached forever;
//   - references are rewritten: src, href and data-wasm attributes in the
//     HTML pages, url(...) in CSS, "src" in the manifest;
//   - sw.js gets the build's version and the list of files to precache;
//   - the single offline file that internal/distbuild makes of the site
//     is added as sayso.html (site.OfflineName), for the app to fetch as
//     the template of an exercise file (internal/offline); it is not
//     precached, and is sent as a download;
//   - every compressible file gets .gz (gzip -9) and .br (brotli 11)
//     siblings when they are smaller, for internal/site to serve;
//   - _headers carries internal/site's header policy to Cloudflare Workers
//     static assets, which serve the files without the Go handler, and
//     .assetsignore keeps the precompressed siblings out of that upload
//     (Cloudflare compresses at its edge).
//
// The output directory is emptied first, so stale hashed files never pile
// up; Build refuses to empty a directory that does not look like one of
// its own outputs.
package sitebuild

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing/fstest"

	"github.com/andybalholm/brotli"

	"sayso/internal/distbuild"
	"sayso/internal/htmledit"
	"sayso/internal/site"
)

// Names of the files with a fixed role.
const (
	IndexName    = "index.html"
	BootName     = "boot.js"
	SWName       = "sw.js"
	ManifestName = "manifest.webmanifest"
	WasmName     = "app.wasm"
	WasmExecName = "wasm_exec.js"
	HeadersName  = "_headers"
	IgnoreName   = ".assetsignore"
	// MarkerName marks a directory as a sitebuild output, safe to empty.
	MarkerName = ".sitebuild"
)

// Config says where the inputs are and where the site goes.
type Config struct {
	Web      string // source directory (index.html, boot.js, sw.js, ...)
	Wasm     string // the compiled browser app
	WasmExec string // $(go env GOROOT)/lib/wasm/wasm_exec.js
	Out      string // output directory, emptied first
}

// File is one file of the built site.
type File struct {
	Name   string // name in the output directory
	Source string // name it had in web/ ("app.css"), or app.wasm / wasm_exec.js
	Size   int    // bytes
	Gzip   int    // bytes of the .gz sibling, 0 when none was written
	Brotli int    // bytes of the .br sibling, 0 when none was written
}

// Result describes a finished build.
type Result struct {
	// Version identifies the build: a hash of every file's name and content.
	Version string
	// Files lists the site's files (not the siblings, not _headers), sorted
	// by name. The offline file is one of them (Source site.OfflineName).
	Files []File
}

// File returns the built file that came from source.
func (r Result) File(source string) (File, bool) {
	for _, f := range r.Files {
		if f.Source == source {
			return f, true
		}
	}
	return File{}, false
}

// stableNames keep their name: they are entry points whose URL others
// know (the address bar, the service worker registration, install).
var stableNames = map[string]bool{
	IndexName:     true,
	SWName:        true,
	ManifestName:  true,
	"robots.txt":  true,
	"favicon.ico": true,
}

// compressible extensions get precompressed siblings.
var compressible = map[string]bool{
	".html": true, ".css": true, ".js": true, ".mjs": true, ".wasm": true,
	".svg": true, ".webmanifest": true, ".json": true, ".txt": true, ".map": true,
}

// Build reads the inputs, writes the site into cfg.Out and describes it.
func Build(cfg Config) (Result, error) {
	files, err := readInputs(cfg)
	if err != nil {
		return Result{}, err
	}
	version, err := transform(files)
	if err != nil {
		return Result{}, err
	}
	if err := addOfflineFile(files); err != nil {
		return Result{}, err
	}
	if err := checkOut(cfg); err != nil {
		return Result{}, err
	}
	// Write next to the output and swap, so that a server watching the
	// output (wrangler dev) never sees half a site.
	parent := filepath.Dir(filepath.Clean(cfg.Out))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return Result{}, fmt.Errorf("create %s: %w", parent, err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(cfg.Out)+".new-")
	if err != nil {
		return Result{}, fmt.Errorf("create temporary output: %w", err)
	}
	defer os.RemoveAll(tmp) // nothing left after the rename
	if err := os.Chmod(tmp, 0o755); err != nil {
		return Result{}, fmt.Errorf("chmod temporary output: %w", err)
	}
	res, err := write(tmp, files)
	if err != nil {
		return Result{}, err
	}
	if err := os.RemoveAll(cfg.Out); err != nil {
		return Result{}, fmt.Errorf("empty output directory: %w", err)
	}
	if err := os.Rename(tmp, cfg.Out); err != nil {
		return Result{}, fmt.Errorf("move the new site into place: %w", err)
	}
	res.Version = version
	return res, nil
}

// input is one file on its way through the build.
type input struct {
	source string // name in web/ (slash-separated)
	name   string // name in the output
	data   []byte
}

func readInputs(cfg Config) (map[string]*input, error) {
	files := map[string]*input{}
	err := filepath.WalkDir(cfg.Web, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(cfg.Web, p)
		if err != nil {
			return fmt.Errorf("relative name of %s: %w", p, err)
		}
		rel = filepath.ToSlash(rel)
		if rel != "." && (strings.HasPrefix(d.Name(), ".") || strings.HasPrefix(d.Name(), "_")) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil // editor files, build metadata: not part of the site
		}
		if !d.Type().IsRegular() {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return fmt.Errorf("read %s: %w", p, err)
		}
		files[rel] = &input{source: rel, data: data}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read web directory %s: %w", cfg.Web, err)
	}
	for _, name := range []string{IndexName, BootName, SWName} {
		if files[name] == nil {
			return nil, fmt.Errorf("web directory %s has no %s", cfg.Web, name)
		}
	}
	if files[site.OfflineName] != nil {
		return nil, fmt.Errorf("web directory %s must not contain %s: the build makes it from the site", cfg.Web, site.OfflineName)
	}
	for name, p := range map[string]string{WasmName: cfg.Wasm, WasmExecName: cfg.WasmExec} {
		if files[name] != nil {
			return nil, fmt.Errorf("web directory %s must not contain %s: the build adds it from %s", cfg.Web, name, p)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", name, err)
		}
		files[name] = &input{source: name, data: data}
	}
	if !bytes.HasPrefix(files[WasmName].data, []byte("\x00asm")) {
		return nil, fmt.Errorf("%s is not a WebAssembly module", cfg.Wasm)
	}
	return files, nil
}

// hashedName inserts the first 8 hex digits of the content's SHA-256
// before the extension: app.css → app.3f2a9c1d.css.
func hashedName(name string, data []byte) string {
	sum := sha256.Sum256(data)
	ext := path.Ext(name)
	return strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:4]) + ext
}

// transform names every file and rewrites the references between them.
// Order matters: a file's hash covers its rewritten content, so files are
// named leaves first (no references), then CSS, the manifest, HTML pages
// and finally sw.js, which lists them all.
func transform(files map[string]*input) (string, error) {
	rename := map[string]string{} // source → output name
	version := ""
	name := func(f *input) {
		if stableNames[f.source] || path.Ext(f.source) == ".html" {
			f.name = f.source
		} else {
			f.name = hashedName(f.source, f.data)
		}
		rename[f.source] = f.name
	}
	stage := func(f *input) int {
		switch {
		case f.source == SWName:
			return 4
		case path.Ext(f.source) == ".html":
			return 3
		case f.source == ManifestName:
			return 2
		case path.Ext(f.source) == ".css":
			return 1
		}
		return 0
	}
	sources := make([]string, 0, len(files))
	for s := range files {
		sources = append(sources, s)
	}
	sort.Slice(sources, func(i, j int) bool {
		a, b := files[sources[i]], files[sources[j]]
		if stage(a) != stage(b) {
			return stage(a) < stage(b)
		}
		return a.source < b.source
	})
	for _, s := range sources {
		f := files[s]
		var err error
		switch stage(f) {
		case 1:
			f.data, err = rewriteCSS(f, rename)
		case 2:
			f.data, err = rewriteManifest(f, rename)
		case 3:
			f.data, err = rewriteHTML(f, rename, f.source == IndexName)
		case 4:
			f.data, version, err = fillServiceWorker(f, files)
		}
		if err != nil {
			return "", err
		}
		name(f)
	}
	return version, nil
}

// resolve maps a reference found in from to the output name of the file
// it points at. References are relative to the referring file.
func resolve(from, ref string, rename map[string]string) (string, bool, error) {
	if !htmledit.IsLocalRef(ref) {
		return "", false, nil
	}
	local := htmledit.LocalName(ref)
	target := path.Clean(path.Join(path.Dir(from), local))
	out, ok := rename[target]
	if !ok {
		return "", false, fmt.Errorf("%s refers to %q, which is not part of the site (or is built after it)", from, ref)
	}
	// Hashing changes only the base name: keep the reference's directory.
	return path.Join(path.Dir(local), path.Base(out)), true, nil
}

var cssURL = regexp.MustCompile(`url\(\s*(['"]?)([^'")\s]+)(['"]?)\s*\)`)

func rewriteCSS(f *input, rename map[string]string) ([]byte, error) {
	var firstErr error
	out := cssURL.ReplaceAllFunc(f.data, func(m []byte) []byte {
		sub := cssURL.FindSubmatch(m)
		ref, ok, err := resolve(f.source, string(sub[2]), rename)
		if err != nil && firstErr == nil {
			firstErr = err
		}
		if !ok {
			return m
		}
		return []byte("url(" + string(sub[1]) + ref + string(sub[3]) + ")")
	})
	return out, firstErr
}

var manifestSrc = regexp.MustCompile(`("src"\s*:\s*)"([^"\\]*)"`)

func rewriteManifest(f *input, rename map[string]string) ([]byte, error) {
	var m struct {
		Name     string `json:"name"`
		StartURL string `json:"start_url"`
		Display  string `json:"display"`
		Icons    []struct {
			Src string `json:"src"`
		} `json:"icons"`
	}
	if err := json.Unmarshal(f.data, &m); err != nil {
		return nil, fmt.Errorf("%s is not valid JSON: %w", f.source, err)
	}
	if m.Name == "" || m.StartURL == "" || m.Display == "" || len(m.Icons) == 0 {
		return nil, fmt.Errorf("%s needs name, start_url, display and icons to make the app installable", f.source)
	}
	var firstErr error
	out := manifestSrc.ReplaceAllFunc(f.data, func(b []byte) []byte {
		sub := manifestSrc.FindSubmatch(b)
		ref, ok, err := resolve(f.source, string(sub[2]), rename)
		if err != nil && firstErr == nil {
			firstErr = err
		}
		if !ok {
			return b
		}
		return []byte(string(sub[1]) + `"` + ref + `"`)
	})
	return out, firstErr
}

// urlAttrs are the attributes whose values name files.
var urlAttrs = []string{"src", "href", "data-wasm", "poster"}

func rewriteHTML(f *input, rename map[string]string, isIndex bool) ([]byte, error) {
	var sawWasmExec, sawBoot bool
	out, err := htmledit.Edit(f.data, func(t *htmledit.Tag) (string, error) {
		if t.Name == "a" {
			return t.Raw, nil // links are navigations, not assets
		}
		changed := false
		for _, key := range urlAttrs {
			v, ok := t.Attr(key)
			if !ok {
				continue
			}
			ref, ok, err := resolve(f.source, v, rename)
			if err != nil {
				return "", err
			}
			if !ok {
				continue
			}
			if t.Name == "script" && key == "src" {
				switch htmledit.LocalName(v) {
				case WasmExecName:
					sawWasmExec = true
				case BootName:
					sawBoot = true
					if w, _ := t.Attr("data-wasm"); htmledit.LocalName(w) != WasmName {
						return "", fmt.Errorf(`%s: the boot script needs data-wasm="%s"`, f.source, WasmName)
					}
				}
			}
			t.SetAttr(key, ref)
			changed = true
		}
		if t.Name == "script" {
			if _, ok := t.Attr("src"); !ok {
				if typ, _ := t.Attr("type"); typ == "" || strings.Contains(typ, "javascript") || typ == "module" {
					return "", fmt.Errorf("%s has an inline script: the CSP allows none", f.source)
				}
			}
		}
		if t.Name == "style" {
			return "", fmt.Errorf("%s has an inline <style>: the CSP allows none", f.source)
		}
		if _, ok := t.Attr("style"); ok {
			return "", fmt.Errorf("%s has a style attribute on <%s>: the CSP allows none", f.source, t.Name)
		}
		for _, a := range t.Attrs {
			if strings.HasPrefix(a.Key, "on") {
				return "", fmt.Errorf("%s has an inline event handler %s on <%s>: the CSP allows none", f.source, a.Key, t.Name)
			}
		}
		if !changed {
			return t.Raw, nil
		}
		return t.String(), nil
	})
	if err != nil {
		return nil, fmt.Errorf("rewrite %s: %w", f.source, err)
	}
	if isIndex && (!sawWasmExec || !sawBoot) {
		return nil, fmt.Errorf(`%s must load <script src="%s"> and then <script src="%s" data-wasm="%s">`,
			f.source, WasmExecName, BootName, WasmName)
	}
	return out, nil
}

// buildLine is the line of sw.js that the build replaces.
var buildLine = regexp.MustCompile(`(?m)^const BUILD = .*;$`)

// fillServiceWorker writes the version and the precache list into sw.js.
// Every other file is named by now.
func fillServiceWorker(f *input, files map[string]*input) ([]byte, string, error) {
	if n := len(buildLine.FindAll(f.data, -1)); n != 1 {
		return nil, "", fmt.Errorf("%s must have exactly one line `const BUILD = ...;` for the build to fill, found %d", f.source, n)
	}
	var names []string
	version := sha256.New()
	for _, other := range files {
		if other.source == SWName {
			continue
		}
		names = append(names, other.name)
	}
	sort.Strings(names)
	var assets []string
	for _, n := range names {
		sum := sha256.Sum256(fileByName(files, n).data)
		fmt.Fprintf(version, "%s\x00%x\n", n, sum)
		if path.Ext(n) != ".html" {
			assets = append(assets, n) // pages are cached as the shell "./"
		}
	}
	build := struct {
		Version string   `json:"version"`
		Assets  []string `json:"assets"`
	}{hex.EncodeToString(version.Sum(nil))[:12], assets}
	js, err := json.Marshal(build)
	if err != nil {
		return nil, "", fmt.Errorf("encode build info: %w", err)
	}
	return buildLine.ReplaceAll(f.data, []byte("const BUILD = "+string(js)+";")), build.Version, nil
}

// addOfflineFile renders the single offline file from the finished site
// (the files named by now) and adds it to the site. It comes after sw.js:
// only fetched on demand, it is not precached, and the version, made of
// the files it is made of, already changes with it.
func addOfflineFile(files map[string]*input) error {
	fsys := fstest.MapFS{}
	for _, f := range files {
		fsys[f.name] = &fstest.MapFile{Data: f.data, Mode: 0o644}
	}
	page, _, err := distbuild.Render(fsys, distbuild.Options{})
	if err != nil {
		return fmt.Errorf("make the offline file %s: %w", site.OfflineName, err)
	}
	files[site.OfflineName] = &input{source: site.OfflineName, name: site.OfflineName, data: page}
	return nil
}

func fileByName(files map[string]*input, name string) *input {
	for _, f := range files {
		if f.name == name {
			return f
		}
	}
	return nil
}

// checkOut refuses an output directory that is neither missing, empty nor
// a previous output (so a wrong -out cannot wipe a tree), or that holds an
// input.
func checkOut(cfg Config) error {
	out, err := filepath.Abs(cfg.Out)
	if err != nil {
		return fmt.Errorf("output directory: %w", err)
	}
	for _, in := range []string{cfg.Web, cfg.Wasm, cfg.WasmExec} {
		abs, err := filepath.Abs(in)
		if err != nil {
			return fmt.Errorf("input %s: %w", in, err)
		}
		if abs == out || strings.HasPrefix(abs, out+string(filepath.Separator)) {
			return fmt.Errorf("output directory %s contains the input %s", cfg.Out, in)
		}
	}
	entries, err := os.ReadDir(out)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil
	case err != nil:
		return fmt.Errorf("read output directory: %w", err)
	case len(entries) == 0:
		return nil
	}
	if _, err := os.Stat(filepath.Join(out, MarkerName)); err != nil {
		return fmt.Errorf("refusing to empty %s: it is not empty and has no %s marker from an earlier build", cfg.Out, MarkerName)
	}
	return nil
}

func write(out string, files map[string]*input) (Result, error) {
	res := Result{}
	for _, f := range files {
		res.Files = append(res.Files, File{Name: f.name, Source: f.source, Size: len(f.data)})
	}
	slices.SortFunc(res.Files, func(a, b File) int { return strings.Compare(a.Name, b.Name) })

	// Compressing is most of the build's time: one goroutine per file.
	var wg sync.WaitGroup
	errs := make([]error, len(res.Files))
	for i := range res.Files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = writeFile(out, &res.Files[i], files[res.Files[i].Source].data)
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return Result{}, err
	}

	meta := map[string][]byte{
		HeadersName: headersFile(res.Files),
		// Workers static assets: Cloudflare compresses at the edge; the
		// siblings are for internal/site only.
		IgnoreName: []byte("# Written by internal/sitebuild.\n*.br\n*.gz\n" + MarkerName + "\n"),
		MarkerName: []byte("Written by internal/sitebuild; emptied by the next build.\n"),
	}
	for name, data := range meta {
		if err := os.WriteFile(filepath.Join(out, name), data, 0o644); err != nil {
			return Result{}, fmt.Errorf("write %s: %w", name, err)
		}
	}
	return res, nil
}

func writeFile(out string, f *File, data []byte) error {
	p := filepath.Join(out, filepath.FromSlash(f.Name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return fmt.Errorf("create directory for %s: %w", f.Name, err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", f.Name, err)
	}
	if !compressible[path.Ext(f.Name)] || f.Name == site.OfflineName {
		// The offline file is mostly the gzipped module in base64: a third
		// smaller compressed, for as long to compress as the rest of the
		// site, and fetched only when an exercise is saved. Cloudflare
		// compresses it at its edge.
		return nil
	}
	gz, err := gzipBytes(data)
	if err != nil {
		return fmt.Errorf("gzip %s: %w", f.Name, err)
	}
	br, err := brotliBytes(data)
	if err != nil {
		return fmt.Errorf("brotli %s: %w", f.Name, err)
	}
	for _, sib := range []struct {
		suffix string
		data   []byte
		size   *int
	}{{".gz", gz, &f.Gzip}, {".br", br, &f.Brotli}} {
		if len(sib.data) >= len(data) {
			continue // not worth it: serve the original
		}
		if err := os.WriteFile(p+sib.suffix, sib.data, 0o644); err != nil {
			return fmt.Errorf("write %s%s: %w", f.Name, sib.suffix, err)
		}
		*sib.size = len(sib.data)
	}
	return nil
}

func gzipBytes(data []byte) ([]byte, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	if _, err := zw.Write(data); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func brotliBytes(data []byte) ([]byte, error) {
	var buf bytes.Buffer
	bw := brotli.NewWriterOptions(&buf, brotli.WriterOptions{Quality: brotli.BestCompression, LGWin: 24})
	if _, err := bw.Write(data); err != nil {
		return nil, err
	}
	if err := bw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// headersFile renders internal/site's policy as a Cloudflare _headers file:
// the security headers for every path, and per file its Cache-Control and
// Content-Type (Workers would otherwise send application/javascript and
// "max-age=0, must-revalidate").
func headersFile(files []File) []byte {
	var b strings.Builder
	b.WriteString("# Written by internal/sitebuild from internal/site's header policy,\n")
	b.WriteString("# for Cloudflare Workers static assets (the Go handler sends the same).\n")
	b.WriteString("/*\n")
	sec := site.SecurityHeaders()
	keys := make([]string, 0, len(sec))
	for k := range sec {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Fprintf(&b, "  %s: %s\n", k, sec.Get(k))
	}
	rule := func(urlPath, file string) {
		fmt.Fprintf(&b, "\n%s\n  Cache-Control: %s\n  Content-Type: %s\n", urlPath, site.CacheControl(file), site.ContentType(file))
		if cd := site.ContentDisposition(file); cd != "" {
			fmt.Fprintf(&b, "  Content-Disposition: %s\n", cd)
		}
	}
	rule("/", IndexName)
	for _, f := range files {
		rule("/"+f.Name, f.Name)
		if path.Ext(f.Name) == ".html" && f.Name != IndexName {
			// Workers static assets answer /page.html with a redirect to
			// /page (html_handling "auto-trailing-slash") and serve the
			// file there, where rules for /page.html do not apply.
			rule("/"+strings.TrimSuffix(f.Name, ".html"), f.Name)
		}
	}
	return []byte(b.String())
}
