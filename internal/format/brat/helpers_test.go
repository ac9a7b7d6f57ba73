package brat

import (
	"errors"
	"io/fs"
	"os"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/format"
	"sayso/internal/testenv"
	"sayso/internal/text"
)

// corpusDir is the shared brat corpus, outside the repository; its texts
// are read in place and never copied into it.
const corpusDir = "../../../../shared/corpus/brat"

// corpus returns the corpus folder as a file system, failing under CI and
// skipping elsewhere when it is missing.
func corpus(t *testing.T, sub string) fs.FS {
	t.Helper()
	dir := corpusDir + "/" + sub
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		testenv.Missing(t, "the brat corpus %s is not on this machine", dir)
	}
	return os.DirFS(dir)
}

// clock is a fixed clock for stores built in tests.
func clock() time.Time { return time.Date(2025, 3, 14, 15, 9, 26, 0, time.UTC) }

// requireLoads checks that a project passes annotation.Load.
func requireLoads(t *testing.T, p annotation.Project) *annotation.Store {
	t.Helper()
	s, err := annotation.Load(p, clock)
	require.NoError(t, err, "the project does not load")
	return s
}

// fileMap turns an export into a map by name.
func fileMap(files []format.File) map[string][]byte {
	m := map[string][]byte{}
	for _, f := range files {
		m[f.Name] = f.Data
	}
	return m
}

// toSpans converts brat offsets to spans, without the empty ones.
func toSpans(rs []rawSpan) []text.Span {
	var out []text.Span
	for _, s := range rs {
		if s.Start < s.End {
			out = append(out, text.Span{Start: s.Start, End: s.End})
		}
	}
	return out
}

func labelIDs(ls []annotation.Label) []string {
	ids := make([]string, len(ls))
	for i, l := range ls {
		ids[i] = l.ID
	}
	return ids
}
