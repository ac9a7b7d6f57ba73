// Package sizes measures the built app's wasm: raw bytes, gzip -9 and
// brotli -q 11.
//
// Brotli at quality 11 takes minutes on a 6 MB module on a busy two-core
// machine, so the brotli figure is read from the .br sibling the site
// build already wrote at quality 11 (internal/sitebuild), after checking
// that it decompresses to exactly the module; only when there is no such
// sibling, or it does not match, is the module compressed here.
package sizes

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/andybalholm/brotli"
)

// Wasm is the size of the app's module in its three encodings.
type Wasm struct {
	Name         string `json:"name"`
	Raw          int    `json:"raw"`
	Gzip         int    `json:"gzip"`
	Brotli       int    `json:"brotli"`
	BrotliSource string `json:"brotliSource"` // "sibling" or "compressed"
}

// FindWasm returns the path of the single app.<hash>.wasm in siteDir.
func FindWasm(siteDir string) (string, error) {
	matches, err := filepath.Glob(filepath.Join(siteDir, "app.*.wasm"))
	if err != nil {
		return "", fmt.Errorf("look for the wasm in %s: %w", siteDir, err)
	}
	if len(matches) != 1 {
		return "", fmt.Errorf("want one app.*.wasm in %s, found %d (run `make site`)", siteDir, len(matches))
	}
	return matches[0], nil
}

// Measure measures the module at path.
func Measure(path string) (Wasm, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return Wasm{}, fmt.Errorf("read wasm: %w", err)
	}
	w := Wasm{Name: filepath.Base(path), Raw: len(raw)}
	if w.Gzip, err = GzipSize(raw); err != nil {
		return Wasm{}, err
	}
	if n, ok := siblingBrotli(path+".br", raw); ok {
		w.Brotli, w.BrotliSource = n, "sibling"
		return w, nil
	}
	if w.Brotli, err = BrotliSize(raw); err != nil {
		return Wasm{}, err
	}
	w.BrotliSource = "compressed"
	return w, nil
}

// GzipSize is the length of data compressed with gzip -9.
func GzipSize(data []byte) (int, error) {
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return 0, fmt.Errorf("gzip: %w", err)
	}
	if _, err := zw.Write(data); err != nil {
		return 0, fmt.Errorf("gzip: %w", err)
	}
	if err := zw.Close(); err != nil {
		return 0, fmt.Errorf("gzip: %w", err)
	}
	return buf.Len(), nil
}

// BrotliSize is the length of data compressed with brotli -q 11 (window
// 2^24, as the brotli command line uses at that quality).
func BrotliSize(data []byte) (int, error) {
	var buf bytes.Buffer
	bw := brotli.NewWriterOptions(&buf, brotli.WriterOptions{Quality: brotli.BestCompression, LGWin: 24})
	if _, err := bw.Write(data); err != nil {
		return 0, fmt.Errorf("brotli: %w", err)
	}
	if err := bw.Close(); err != nil {
		return 0, fmt.Errorf("brotli: %w", err)
	}
	return buf.Len(), nil
}

// siblingBrotli returns the size of the .br file at path when it
// decompresses to raw.
func siblingBrotli(path string, raw []byte) (int, bool) {
	br, err := os.ReadFile(path)
	if err != nil {
		return 0, false
	}
	got, err := io.ReadAll(brotli.NewReader(bytes.NewReader(br)))
	if err != nil || !bytes.Equal(got, raw) {
		return 0, false
	}
	return len(br), true
}
