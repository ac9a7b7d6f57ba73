// Package exchangetest holds what the tests of exchange and of the app
// share about formats: what each format that opens carries back through
// an export and an import, and small zip archives built and read in tests.
package exchangetest

import (
	"archive/zip"
	"bytes"
	"io"
	"sort"
	"testing"

	"github.com/stretchr/testify/require"

	"sayso/internal/exchange"
)

// Held is what a format carries back through an export and an import
// besides quotes and labels.
type Held struct {
	Stance bool // claims' stances
	Links  bool // claims' speaker mentions and cues
}

// RoundTrips says, for every format Open reads, what an export of it
// brings back.
func RoundTrips() map[string]Held {
	return map[string]Held{
		exchange.Native:      {Stance: true, Links: true},
		exchange.Brat:        {Stance: true, Links: true},
		exchange.W3C:         {Stance: true, Links: true},
		exchange.CoNLL:       {},
		exchange.LabelStudio: {Stance: true, Links: true},
		exchange.Doccano:     {Stance: false, Links: true},
		exchange.Citron:      {Stance: false, Links: true},
		exchange.WebAnno:     {Stance: true, Links: true},
	}
}

// Zip packs files (sorted by name) into a zip archive.
func Zip(t testing.TB, files map[string]string) []byte {
	t.Helper()
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range names {
		w, err := zw.Create(n)
		require.NoError(t, err)
		_, err = w.Write([]byte(files[n]))
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

// ZipNames lists the files of a zip archive in their order.
func ZipNames(t testing.TB, data []byte) []string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	return names
}

// ZipFile returns one file of a zip archive.
func ZipFile(t testing.TB, data []byte, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	rc, err := zr.Open(name)
	require.NoError(t, err)
	defer rc.Close()
	b, err := io.ReadAll(rc)
	require.NoError(t, err)
	return b
}
