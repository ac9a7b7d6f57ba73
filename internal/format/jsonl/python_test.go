package jsonl_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/format/formattest"
	"sayso/internal/format/jsonl"
	"sayso/internal/testenv"
)

// exportFixture writes the fixture's JSONL export to a file and returns
// its path and its rows as Go's encoding/json reads them.
func exportFixture(t *testing.T) (string, []map[string]any) {
	t.Helper()
	res, err := jsonl.Export(formattest.Fixture(t))
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "claims.jsonl")
	require.NoError(t, os.WriteFile(path, res.Data, 0o600))
	return path, lines(t, res.Data)
}

// runPython runs script with the file as its argument and decodes the JSON
// it prints into out.
func runPython(t *testing.T, py, script, path string, out any) {
	t.Helper()
	stdout, err := exec.Command(py, "-c", script, path).Output()
	if ee, ok := err.(*exec.ExitError); ok {
		t.Fatalf("%s failed: %v\n%s", py, err, ee.Stderr)
	}
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(stdout, out), "python printed %s", stdout)
}

// stdlibScript reads the export line by line with Python's json module and
// prints, per row, its keys and the fragments sliced out of the context as
// Python slices strings (by code point).
const stdlibScript = `
import json, sys
out = []
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    cs = r["context_start"]
    out.append({"keys": list(r), "slices": [r["context"][s - cs:e - cs] for s, e in r["fragments"]], "quote": r["quote"]})
print(json.dumps(out))
`

func TestPythonSlicesFragmentsOutOfTheContext(t *testing.T) {
	py := testenv.Python(t)
	path, rows := exportFixture(t)
	var got []struct {
		Keys   []string
		Slices []string
		Quote  string
	}
	runPython(t, py, stdlibScript, path, &got)
	require.Len(t, got, len(rows))
	for i, r := range got {
		assert.Equal(t, keysInOrder(t, lineOf(t, path, i)), r.Keys, "row %d: the same keys in the same order", i)
		assert.Equal(t, rows[i]["quote"], r.Quote)
		assert.Equal(t, joinFragments(r.Slices), r.Quote, "row %d: text[start:end] in Python is the quote", i)
	}
}

// pandasScript loads the export with pandas.read_json(lines=True), the way
// the README promises, and prints what pandas made of it: the columns, the
// number of rows, each row's cells (as pandas serialises them: missing
// values are null) and the fragments sliced out of the context.
const pandasScript = `
import json, sys
import pandas
df = pandas.read_json(sys.argv[1], lines=True)
rows = json.loads(df.to_json(orient="records", force_ascii=False))
slices = [[r["context"][s - r["context_start"]:e - r["context_start"]] for s, e in r["fragments"]] for r in rows]
print(json.dumps({"columns": [str(c) for c in df.columns], "length": len(df), "rows": rows, "slices": slices,
                  "dtypes": {str(c): str(t) for c, t in df.dtypes.items()}}))
`

func TestPandasReadsTheJSONLinesExport(t *testing.T) {
	py := testenv.Python(t, "pandas")
	path, rows := exportFixture(t)
	var got struct {
		Columns []string
		Length  int
		Rows    []map[string]any
		Slices  [][]string
		Dtypes  map[string]string
	}
	runPython(t, py, pandasScript, path, &got)

	require.Equal(t, 5, got.Length, "one row per claim of the fixture")
	require.Len(t, got.Rows, 5)
	assert.Equal(t, keysInOrder(t, lineOf(t, path, 0)), got.Columns, "pandas sees the columns in the file's order")
	assert.Equal(t, "int64", got.Dtypes["context_start"], "offsets are integers to pandas")
	for i, r := range got.Rows {
		assert.Equal(t, rows[i], r, "row %d: pandas reads every cell as Go wrote it", i)
		assert.Equal(t, r["quote"], joinFragments(got.Slices[i]), "row %d: slicing by the fragments in pandas gives the quote", i)
	}
	// A few cells by value, so that a change to the fixture shows here.
	want := []struct{ claim, quote, speaker, stance string }{
		{"a3", `the launch was "on time" 🚀`, "Jose\u0301 Martí", "favor"},
		{"a6", "and … \"the crew 👩\u200d🚀 is ready\"", "Jose\u0301 Martí", "neutral"},
		{"a8", "delays are possible.", "officials", "against"},
		{"a11", "新政策很好。", "李明", "unclear"},
	}
	for i, w := range want {
		assert.Equal(t, w.claim, got.Rows[i]["claim_id"])
		assert.Equal(t, w.quote, got.Rows[i]["quote"])
		assert.Equal(t, w.speaker, got.Rows[i]["speaker"])
		assert.Equal(t, w.stance, got.Rows[i]["stance"])
	}
	assert.Equal(t, []any{[]any{45.0, 48.0}, []any{64.0, 87.0}}, got.Rows[1]["fragments"], "a discontinuous claim keeps both fragments")
	assert.Nil(t, got.Rows[4]["speaker"], "a claim without a speaker is a missing value")
	assert.Equal(t, "two\nlines", got.Rows[2]["note"])
}

// joinFragments joins the texts of a discontinuous claim's fragments as
// the export's quote does.
func joinFragments(parts []string) string { return strings.Join(parts, " … ") }

// lineOf is line i (from 0) of a file.
func lineOf(t *testing.T, path string, i int) string {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	ls := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	require.Less(t, i, len(ls))
	return ls[i]
}
