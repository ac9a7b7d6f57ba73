//go:build !js

package browser

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"sayso/internal/site"
)

// BenchPrefix is the URL path under which the benchmark's own pages are
// served, beside the site.
const BenchPrefix = "/bench/"

// Server serves the built site with internal/site on loopback, plus the
// benchmark's pages under BenchPrefix (same origin, no CSP: they are the
// baselines, not the app).
type Server struct {
	URL string
	srv *http.Server

	mu    sync.Mutex
	pages map[string]benchPage
}

type benchPage struct {
	contentType string
	etag        string
	body        []byte
}

// Serve starts serving siteDir.
func Serve(siteDir string) (*Server, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("listen on loopback: %w", err)
	}
	s := &Server{URL: "http://" + ln.Addr().String(), pages: map[string]benchPage{}}
	mux := http.NewServeMux()
	mux.Handle("/", site.Handler(os.DirFS(siteDir)))
	mux.HandleFunc(BenchPrefix, s.serveBench)
	s.srv = &http.Server{Handler: mux}
	go func() { _ = s.srv.Serve(ln) }() // ends with Close
	return s, nil
}

// Close stops the server.
func (s *Server) Close() error {
	if err := s.srv.Close(); err != nil {
		return fmt.Errorf("stop the server: %w", err)
	}
	return nil
}

// Put serves body at BenchPrefix+name and returns its URL.
func (s *Server) Put(name, contentType string, body []byte) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	sum := sha256.Sum256(body)
	s.pages[name] = benchPage{contentType: contentType, etag: `"` + hex.EncodeToString(sum[:8]) + `"`, body: body}
	return s.URL + BenchPrefix + name
}

func (s *Server) serveBench(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	p, ok := s.pages[strings.TrimPrefix(r.URL.Path, BenchPrefix)]
	s.mu.Unlock()
	if !ok {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", p.contentType)
	// Revalidated like index.html: a cached load gets 304 Not Modified.
	w.Header().Set("Cache-Control", site.CacheRevalidate)
	w.Header().Set("ETag", p.etag)
	http.ServeContent(w, r, "", time.Time{}, bytes.NewReader(p.body))
}

// Snapshot copies the regular files of siteDir into a new directory under
// tmp, so that a site rebuilt by someone else during the run (make site
// empties build/site first) cannot change what is measured.
func Snapshot(siteDir, tmp string) (string, error) {
	dst, err := os.MkdirTemp(tmp, "site-")
	if err != nil {
		return "", fmt.Errorf("snapshot directory: %w", err)
	}
	err = filepath.WalkDir(siteDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(siteDir, p)
		if err != nil {
			return err
		}
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(dst, rel), b, 0o644)
	})
	if err != nil {
		return "", fmt.Errorf("snapshot %s: %w", siteDir, err)
	}
	if _, err := os.Stat(filepath.Join(dst, site.IndexName)); err != nil {
		return "", errors.Join(fmt.Errorf("%s has no %s: run `make site`", siteDir, site.IndexName), err)
	}
	return dst, nil
}
