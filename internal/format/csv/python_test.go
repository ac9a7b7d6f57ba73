package csvexport_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	csvexport "sayso/internal/format/csv"

	"sayso/internal/format/formattest"
)

// checkScript reads the file with Python's csv module (utf-8-sig drops the
// BOM) and checks that each fragment slices out of the context; with
// pandas it also loads it with read_csv.
const checkScript = `
import csv, json, sys
with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
    rows = list(csv.DictReader(f))
for r in rows:
    ctx, cs = r["context"], int(r["context_start"])
    parts = [ctx[s - cs:e - cs] for s, e in json.loads(r["fragments"])]
    assert " … ".join(parts) == r["quote"], (parts, r["quote"])
try:
    import pandas
except ImportError:
    print("no pandas")
    sys.exit(0)
df = pandas.read_csv(sys.argv[1], encoding="utf-8-sig")
assert len(df) == len(rows)
print("pandas", len(df))
`

func TestPythonReadsTheSpreadsheetFile(t *testing.T) {
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not installed; the Go tests parse the same file")
	}
	res, err := csvexport.Export(formattest.Fixture(t), csvexport.Options{BOM: true, CRLF: true, Raw: true})
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "claims.csv")
	require.NoError(t, os.WriteFile(path, res.Data, 0o600))
	out, err := exec.Command(py, "-c", checkScript, path).CombinedOutput()
	require.NoError(t, err, "python says:\n%s", out)
	t.Log(strings.TrimSpace(string(out)))
}
