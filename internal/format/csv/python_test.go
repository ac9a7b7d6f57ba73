package csvexport_test

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	csvexport "sayso/internal/format/csv"
	"sayso/internal/format/formattest"
	"sayso/internal/testenv"
)

// variants are the two CSV files the export menu offers, with the line
// break a cell holds in each: the spreadsheet file (BOM, CR LF) ends its
// rows and the lines inside its cells with CR LF, as Excel writes them.
var variants = []struct {
	name      string
	opts      csvexport.Options
	lineBreak string
}{
	{"plain", csvexport.Options{Raw: true}, "\n"},
	{"for spreadsheets", csvexport.Options{BOM: true, CRLF: true, Raw: true}, "\r\n"},
}

// exportFile writes the fixture's export with opts and returns its path
// and its records as Go's encoding/csv reads them, the header first, each
// cell's line breaks written as lineBreak (Go's reader turns CR LF inside
// a cell into LF; Python keeps what the file says).
func exportFile(t *testing.T, opts csvexport.Options, lineBreak string) (string, [][]string) {
	t.Helper()
	res, err := csvexport.Export(formattest.Fixture(t), opts)
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "claims.csv")
	require.NoError(t, os.WriteFile(path, res.Data, 0o600))
	records, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(res.Data), "\uFEFF"))).ReadAll()
	require.NoError(t, err)
	for _, r := range records {
		for j := range r {
			r[j] = strings.ReplaceAll(r[j], "\n", lineBreak)
		}
	}
	return path, records
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

// stdlibScript reads the file with Python's csv module (utf-8-sig drops
// the BOM) and prints the header, the rows and each row's fragments
// sliced out of its context.
const stdlibScript = `
import csv, json, sys
with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
    records = list(csv.reader(f))
head, rows = records[0], [dict(zip(records[0], r)) for r in records[1:]]
slices = [[r["context"][s - int(r["context_start"]):e - int(r["context_start"])] for s, e in json.loads(r["fragments"])] for r in rows]
print(json.dumps({"records": records, "slices": slices}))
`

func TestPythonReadsBothCSVFiles(t *testing.T) {
	py := testenv.Python(t)
	for _, v := range variants {
		t.Run(v.name, func(t *testing.T) {
			path, records := exportFile(t, v.opts, v.lineBreak)
			var got struct {
				Records [][]string
				Slices  [][]string
			}
			runPython(t, py, stdlibScript, path, &got)
			assert.Equal(t, records, got.Records, "Python's csv module reads every cell as Go's does, without a BOM")
			quote := indexOf(t, records[0], "quote")
			for i, parts := range got.Slices {
				assert.Equal(t, records[i+1][quote], strings.Join(parts, " … "), "row %d: text[start:end] in Python is the quote", i+1)
			}
		})
	}
}

// pandasScript loads the file with pandas.read_csv and prints what pandas
// made of it (missing cells are null) with each row's fragments sliced
// out of its context.
const pandasScript = `
import json, sys
import pandas
df = pandas.read_csv(sys.argv[1], encoding="utf-8-sig", keep_default_na=False, dtype=str)
rows = df.to_dict(orient="records")
slices = [[r["context"][s - int(r["context_start"]):e - int(r["context_start"])] for s, e in json.loads(r["fragments"])] for r in rows]
print(json.dumps({"columns": list(df.columns), "length": len(df), "rows": rows, "slices": slices}))
`

func TestPandasReadsBothCSVFiles(t *testing.T) {
	py := testenv.Python(t, "pandas")
	for _, v := range variants {
		t.Run(v.name, func(t *testing.T) { checkPandasCSV(t, py, v.opts, v.lineBreak) })
	}
}

func checkPandasCSV(t *testing.T, py string, opts csvexport.Options, lineBreak string) {
	path, records := exportFile(t, opts, lineBreak)
	var got struct {
		Columns []string
		Length  int
		Rows    []map[string]string
		Slices  [][]string
	}
	runPython(t, py, pandasScript, path, &got)

	require.Equal(t, 5, got.Length, "one row per claim of the fixture")
	assert.Equal(t, records[0], got.Columns, "pandas finds the header, without the byte order mark")
	require.Len(t, got.Rows, len(records)-1)
	for i, r := range got.Rows {
		for j, col := range records[0] {
			assert.Equal(t, records[i+1][j], r[col], "row %d, column %s: pandas reads the cell as Go wrote it", i+1, col)
		}
		assert.Equal(t, r["quote"], strings.Join(got.Slices[i], " … "), "row %d: slicing by the fragments in pandas gives the quote", i+1)
	}
	// A few cells by value: quotes, commas, a formula left raw, line breaks.
	assert.Equal(t, `the launch was "on time" 🚀`, got.Rows[0]["quote"])
	assert.Equal(t, `=HYPERLINK("x") and "quotes", commas`, got.Rows[0]["note"])
	assert.Equal(t, "[[45,48],[64,87]]", got.Rows[1]["fragments"])
	assert.Equal(t, "two"+lineBreak+"lines", got.Rows[2]["note"], "a line break inside a cell survives")
	assert.Equal(t, "李明", got.Rows[3]["speaker"])
	assert.Equal(t, "", got.Rows[4]["speaker"], "a claim without a speaker has an empty cell")
}

func indexOf(t *testing.T, header []string, col string) int {
	t.Helper()
	for i, c := range header {
		if c == col {
			return i
		}
	}
	t.Fatalf("no column %q in %v", col, header)
	return -1
}
