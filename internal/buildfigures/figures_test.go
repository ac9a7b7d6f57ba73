package buildfigures

import (
	"bytes"
	"compress/gzip"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/app"
	"sayso/internal/handin"
	"sayso/internal/testenv"
)

// root is the repository, from this package's folder.
const root = "../.."

// tolerance is how far a README figure may be from the build's, as a
// fraction of the build's: builds drift by a few per cent between
// commits, and a figure rounded to "about 3.0 MB" is meant that loosely.
const tolerance = 0.10

// built reads files the build wrote (a glob below root); a missing build
// skips, and fails under CI, where `make test` builds first.
func built(t *testing.T, glob, how string) [][]byte {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(root, glob))
	require.NoError(t, err)
	if len(names) == 0 {
		testenv.Missing(t, "%s is not built: run %s first", glob, how)
	}
	var out [][]byte
	for _, n := range names {
		b, err := os.ReadFile(n)
		if errors.Is(err, fs.ErrNotExist) {
			testenv.Missing(t, "%s is not built: run %s first", n, how)
		}
		require.NoError(t, err)
		out = append(out, b)
	}
	return out
}

func size(files [][]byte) float64 {
	n := 0
	for _, f := range files {
		n += len(f)
	}
	return float64(n)
}

func gzipSize(t *testing.T, files [][]byte) float64 {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	for _, f := range files {
		_, err := w.Write(f)
		require.NoError(t, err)
	}
	require.NoError(t, w.Close())
	return float64(buf.Len())
}

// readmeText is README.md with its lines joined, so that a figure wrapped
// across lines matches as one.
func readmeText(t *testing.T) string {
	t.Helper()
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	require.NoError(t, err)
	return strings.Join(strings.Fields(string(readme)), " ")
}

// stated finds the figure pattern's group in README.md as a number.
func stated(t *testing.T, text, pattern string) float64 {
	t.Helper()
	m := regexp.MustCompile(pattern).FindStringSubmatch(text)
	require.NotNil(t, m, "README.md no longer states %q: update this test with it", pattern)
	n, err := strconv.ParseFloat(strings.ReplaceAll(m[1], ",", ""), 64)
	require.NoError(t, err)
	return n
}

// TestTheReadmesLimitsAreTheCodes holds the limits README.md states to
// the constants that enforce them, exactly.
func TestTheReadmesLimitsAreTheCodes(t *testing.T) {
	text := readmeText(t)
	limits := handin.DefaultLimits()
	tests := []struct {
		name   string
		figure string
		code   float64
	}{
		{"the longest article", `Articles over ([\d,]+) MB are refused`, float64(app.MaxPasteBytes >> 20)},
		{"the largest hand-in", `At most ([\d,]+) MB per hand-in`, float64(limits.HandInBytes >> 20)},
		{"a box's bytes", `([\d,]+) MB and [\d,]+ hand-ins per box`, float64(limits.BoxBytes >> 20)},
		{"a box's hand-ins", `MB and ([\d,]+) hand-ins per box`, float64(limits.BoxHandIns)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.code, stated(t, text, tt.figure))
		})
	}
}

// TestTheReadmesBuildFiguresAreTheBuilds finds each figure README.md
// states about the build and compares it with the built files.
func TestTheReadmesBuildFiguresAreTheBuilds(t *testing.T) {
	text := readmeText(t)
	tests := []struct {
		name    string
		figure  string // a regexp whose group is the figure
		unit    float64
		measure func(t *testing.T) float64 // bytes
	}{
		{"the offline file's size", `one self-contained file of about ([\d.,]+) MB`, 1e6,
			func(t *testing.T) float64 { return size(built(t, "dist/sayso.html", "`make dist`")) }},
		{"the WebAssembly's brotli size", `is now ([\d.,]+) kB brotli`, 1e3,
			func(t *testing.T) float64 { return size(built(t, "build/site/*.wasm.br", "`make site`")) }},
		{"the Worker's upload", `the upload is ([\d.,]+) KiB`, 1 << 10,
			func(t *testing.T) float64 { return size(built(t, "build/worker/*", "`make worker-build`")) }},
		{"the Worker's upload, gzipped", `the upload is [\d.,]+ KiB, ([\d.,]+) KiB gzip`, 1 << 10,
			func(t *testing.T) float64 { return gzipSize(t, built(t, "build/worker/*", "`make worker-build`")) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			says := stated(t, text, tt.figure)
			real := tt.measure(t) / tt.unit
			assert.InEpsilon(t, real, says, tolerance, "README.md says %s is %g; the build's is %.1f", tt.name, says, real)
		})
	}
}
