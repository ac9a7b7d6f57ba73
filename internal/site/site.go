// Package site is the http.Handler that serves Sayso's built static site
// (build/site, written by internal/sitebuild) with the headers every
// delivery shares: exact Content-Types, a strict Content-Security-Policy,
// nosniff, no referrer, immutable caching for content-hashed names and
// revalidation for the rest, and the precompressed .br/.gz siblings the
// build wrote when the client accepts them.
//
// The handler only ever reads through the fs.FS it is given and only for
// names that pass fs.ValidPath, so no request can reach a file outside it.
// It answers GET and HEAD only, never lists directories, and does not
// serve build metadata: any path element starting with "." or "_" (such as
// the _headers file written for Workers static assets) is not found.
//
// The same policy is exported (CSP, SecurityHeaders, CacheControl,
// ContentType, ContentDisposition, IsHashedName) so that the build can
// write it into a _headers file for hosts that serve the files without
// this handler.
package site

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"net/http"
	"path"
	"regexp"
	"strconv"
	"strings"

	"sayso/internal/offline"
)

// CSP is the Content-Security-Policy sent with every response: only the
// site's own scripts, styles, images, manifest and service worker, wasm
// compilation, and same-origin fetches.
const CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; " +
	"img-src 'self' data:; connect-src 'self'; manifest-src 'self'; worker-src 'self'; " +
	"base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

// Cache-Control values.
const (
	// CacheImmutable is for content-hashed names: the bytes behind such a
	// name never change.
	CacheImmutable = "public, max-age=31536000, immutable"
	// CacheRevalidate is for every other name (index.html, sw.js, the
	// manifest): the browser must ask again before using its copy.
	CacheRevalidate = "no-cache"
)

// IndexName is the file served for "/".
const IndexName = "index.html"

// OfflineName is the single offline file (internal/distbuild), which
// internal/sitebuild adds to the site so that the app can fetch it as the
// template of an exercise file (see internal/offline). It is sent as a
// download (ContentDisposition) and with the site's CSP like every other
// file: that CSP blocks its inline scripts, so it never runs from the
// site's origin; it runs only once saved and opened from file://.
const OfflineName = offline.PageName

// ContentDisposition returns the Content-Disposition for the file p, or ""
// for none (shown inline): the offline file is a download, so that a
// link to it saves it rather than opening a page that cannot run here.
func ContentDisposition(p string) string {
	if path.Clean("/"+p) == "/"+OfflineName {
		return `attachment; filename="` + OfflineName + `"`
	}
	return ""
}

// SecurityHeaders returns the headers sent with every response, whatever
// its status.
func SecurityHeaders() http.Header {
	return http.Header{
		"Content-Security-Policy": {CSP},
		"X-Content-Type-Options":  {"nosniff"},
		"Referrer-Policy":         {"no-referrer"},
	}
}

// hashedName matches "name.<8 or more lowercase hex digits>.ext".
var hashedName = regexp.MustCompile(`^[^/]+\.[0-9a-f]{8,64}\.[a-z0-9]+$`)

// IsHashedName reports whether the base name of p carries a content hash
// ("app.3f2a9c1d.css"), which makes it safe to cache forever.
func IsHashedName(p string) bool {
	return hashedName.MatchString(path.Base(p))
}

// CacheControl returns the Cache-Control value for the file p.
func CacheControl(p string) string {
	if IsHashedName(p) {
		return CacheImmutable
	}
	return CacheRevalidate
}

var contentTypes = map[string]string{
	".html":        "text/html; charset=utf-8",
	".css":         "text/css; charset=utf-8",
	".js":          "text/javascript; charset=utf-8",
	".mjs":         "text/javascript; charset=utf-8",
	".wasm":        "application/wasm",
	".webmanifest": "application/manifest+json",
	".json":        "application/json",
	".svg":         "image/svg+xml",
	".png":         "image/png",
	".ico":         "image/x-icon",
	".txt":         "text/plain; charset=utf-8",
}

// ContentType returns the Content-Type for the file p, decided by its
// extension alone (never by sniffing); unknown extensions are
// application/octet-stream.
func ContentType(p string) string {
	if t, ok := contentTypes[strings.ToLower(path.Ext(p))]; ok {
		return t
	}
	return "application/octet-stream"
}

// encodings are the precompressed siblings the handler looks for, in order
// of preference.
var encodings = []struct{ token, suffix string }{
	{"br", ".br"},
	{"gzip", ".gz"},
}

// Handler serves the files of fsys. "/" is index.html; every other path
// names a regular file of fsys.
func Handler(fsys fs.FS) http.Handler {
	return &handler{fsys: fsys}
}

type handler struct {
	fsys fs.FS
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	for k, v := range SecurityHeaders() {
		w.Header()[k] = v
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		httpError(w, http.StatusMethodNotAllowed)
		return
	}
	name, status := fileName(r.URL.Path)
	if status != http.StatusOK {
		httpError(w, status)
		return
	}
	if err := h.serveFile(w, r, name); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			httpError(w, http.StatusNotFound)
			return
		}
		httpError(w, http.StatusInternalServerError)
	}
}

// fileName maps a URL path to a name in the file system, or says why it
// cannot: 400 for paths no browser sends (NUL, backslash, "..", "//"),
// 404 for hidden build files and directories.
func fileName(urlPath string) (string, int) {
	if urlPath == "" || urlPath == "/" {
		return IndexName, http.StatusOK
	}
	if !strings.HasPrefix(urlPath, "/") || strings.ContainsAny(urlPath, "\x00\\") {
		return "", http.StatusBadRequest
	}
	name := strings.TrimPrefix(urlPath, "/")
	if strings.HasSuffix(name, "/") {
		// A directory: never listed.
		name = strings.TrimSuffix(name, "/")
		if !fs.ValidPath(name) {
			return "", http.StatusBadRequest
		}
		return "", http.StatusNotFound
	}
	if !fs.ValidPath(name) {
		return "", http.StatusBadRequest
	}
	for _, elem := range strings.Split(name, "/") {
		if strings.HasPrefix(elem, ".") || strings.HasPrefix(elem, "_") {
			return "", http.StatusNotFound
		}
	}
	return name, http.StatusOK
}

// serveFile writes the file name (or its best accepted precompressed
// sibling) with its headers.
func (h *handler) serveFile(w http.ResponseWriter, r *http.Request, name string) error {
	info, err := fs.Stat(h.fsys, name)
	if err != nil {
		// Whatever the reason (missing, a symlink leading out of an
		// os.Root, no permission), the file is not part of the site.
		return fmt.Errorf("stat %s: %w (%w)", name, fs.ErrNotExist, err)
	}
	if !info.Mode().IsRegular() {
		return fmt.Errorf("%s is not a regular file: %w", name, fs.ErrNotExist)
	}

	servedName, encoding, vary := name, "", false
	for _, enc := range encodings {
		sibling := name + enc.suffix
		si, err := fs.Stat(h.fsys, sibling)
		if err != nil || !si.Mode().IsRegular() {
			continue
		}
		vary = true
		if encoding == "" && accepts(r.Header.Get("Accept-Encoding"), enc.token) {
			servedName, encoding, info = sibling, enc.token, si
		}
	}

	content, err := fs.ReadFile(h.fsys, servedName)
	if err != nil {
		return fmt.Errorf("read %s: %w", servedName, err)
	}

	hdr := w.Header()
	hdr.Set("Content-Type", ContentType(name))
	hdr.Set("Cache-Control", CacheControl(name))
	if cd := ContentDisposition(name); cd != "" {
		hdr.Set("Content-Disposition", cd)
	}
	if vary {
		hdr.Add("Vary", "Accept-Encoding")
	}
	if encoding != "" {
		hdr.Set("Content-Encoding", encoding)
	}
	if t := info.ModTime(); !t.IsZero() {
		hdr.Set("Last-Modified", t.UTC().Format(http.TimeFormat))
	}
	if !IsHashedName(name) {
		// Hashed names are immutable; the others are revalidated by tag.
		tag := etag(content, encoding)
		hdr.Set("ETag", tag)
		if matches(r.Header.Get("If-None-Match"), tag) {
			hdr.Del("Content-Type")
			w.WriteHeader(http.StatusNotModified)
			return nil
		}
	}
	// Range requests are answered with the whole file (RFC 9110 allows
	// ignoring Range); Content-Length is always the size sent, encoded or not.
	hdr.Set("Content-Length", strconv.Itoa(len(content)))
	w.WriteHeader(http.StatusOK)
	if r.Method != http.MethodHead {
		_, _ = w.Write(content) // the client went away; nothing to do
	}
	return nil
}

// etag is a strong validator of the bytes sent for one encoding.
func etag(content []byte, encoding string) string {
	sum := sha256.Sum256(content)
	tag := hex.EncodeToString(sum[:10])
	if encoding != "" {
		tag += "-" + encoding
	}
	return strconv.Quote(tag)
}

// matches reports whether an If-None-Match value names tag (or is "*").
// Weak comparison, as RFC 9110 §13.1.2 asks for If-None-Match.
func matches(ifNoneMatch, tag string) bool {
	for _, t := range strings.Split(ifNoneMatch, ",") {
		t = strings.TrimPrefix(strings.TrimSpace(t), "W/")
		if t == "*" || t == tag {
			return true
		}
	}
	return false
}

// accepts reports whether an Accept-Encoding header value allows coding
// (RFC 9110 §12.5.3): listed, or matched by "*", with a q-value above 0.
func accepts(header, coding string) bool {
	wildcard := false
	for _, part := range strings.Split(header, ",") {
		token, params, _ := strings.Cut(part, ";")
		token = strings.ToLower(strings.TrimSpace(token))
		ok := qValue(params) > 0
		switch token {
		case coding:
			return ok
		case "*":
			wildcard = ok
		}
	}
	return wildcard
}

// qValue reads "q=0.5" from the parameters of one Accept-Encoding entry;
// missing or malformed weights count as 1.
func qValue(params string) float64 {
	for _, p := range strings.Split(params, ";") {
		k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
		if !ok || strings.ToLower(strings.TrimSpace(k)) != "q" {
			continue
		}
		q, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
		if err != nil {
			return 1
		}
		return q
	}
	return 1
}

// httpError writes a short plain-text error; the security headers are
// already set.
func httpError(w http.ResponseWriter, status int) {
	hdr := w.Header()
	hdr.Del("Content-Encoding")
	hdr.Del("ETag")
	hdr.Set("Cache-Control", CacheRevalidate)
	hdr.Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(status)
	fmt.Fprintln(w, strconv.Itoa(status), http.StatusText(status))
}
