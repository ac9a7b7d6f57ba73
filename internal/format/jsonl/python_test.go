package jsonl_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"sayso/internal/format/formattest"
	"sayso/internal/format/jsonl"
)

// checkScript reads the export with Python's json module and checks that
// text[start:end] of the context is each fragment; when pandas is there it
// also loads the file with read_json(lines=True).
const checkScript = `
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8")]
cols = None
for r in rows:
    if cols is None:
        cols = list(r)
    assert list(r) == cols, "same keys in every line"
    ctx, cs = r["context"], r["context_start"]
    parts = [ctx[s - cs:e - cs] for s, e in r["fragments"]]
    assert " … ".join(parts) == r["quote"], (parts, r["quote"])
try:
    import pandas
except ImportError:
    print("no pandas")
    sys.exit(0)
df = pandas.read_json(sys.argv[1], lines=True)
assert list(df.columns) == cols, list(df.columns)
assert len(df) == len(rows)
print("pandas", len(df))
`

func TestPythonSlicesFragmentsOutOfTheContext(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not installed; the Go tests check the same slicing")
	}
	res, err := jsonl.Export(formattest.Fixture(t))
	require.NoError(t, err)
	dir := t.TempDir()
	path := filepath.Join(dir, "claims.jsonl")
	require.NoError(t, os.WriteFile(path, res.Data, 0o600))
	out, err := exec.Command(py, "-c", checkScript, path).CombinedOutput()
	require.NoError(t, err, "python says:\n%s", out)
	t.Log(strings.TrimSpace(string(out)))
}
