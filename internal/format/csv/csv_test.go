package csvexport_test

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	csvexport "sayso/internal/format/csv"
	"sayso/internal/format/formattest"
	"sayso/internal/format/jsonl"
)

func parse(t *testing.T, b []byte) [][]string {
	t.Helper()
	r := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\uFEFF"))))
	recs, err := r.ReadAll()
	require.NoError(t, err)
	return recs
}

func column(t *testing.T, name string) int {
	t.Helper()
	for i, c := range jsonl.Columns() {
		if c == name {
			return i
		}
	}
	t.Fatalf("no column %s", name)
	return -1
}

func TestHeaderAndRowsMatchTheJSONLColumns(t *testing.T) {
	p := formattest.Fixture(t)
	res, err := csvexport.Export(p, csvexport.Options{Raw: true})
	require.NoError(t, err)
	assert.Equal(t, ".csv", res.Extension)
	recs := parse(t, res.Data)
	require.Len(t, recs, 6, "a header and five claims")
	assert.Equal(t, jsonl.Columns(), recs[0])

	rows, rep := jsonl.Rows(p)
	assert.Equal(t, rep, res.Report)
	for i, r := range rows {
		got := recs[i+1]
		assert.Equal(t, r.ClaimID, got[column(t, "claim_id")])
		assert.Equal(t, r.Quote, got[column(t, "quote")])
		assert.Equal(t, r.Context, got[column(t, "context")])
		var frags [][2]int
		require.NoError(t, json.Unmarshal([]byte(got[column(t, "fragments")]), &frags))
		assert.Equal(t, r.Fragments, frags)
	}
}

func TestCellsWithCommasQuotesAndLineBreaksSurvive(t *testing.T) {
	res, err := csvexport.Export(formattest.Fixture(t), csvexport.Options{Raw: true})
	require.NoError(t, err)
	recs := parse(t, res.Data)
	assert.Equal(t, "=HYPERLINK(\"x\") and \"quotes\", commas", recs[1][column(t, "note")])
	assert.Equal(t, "two\nlines", recs[3][column(t, "note")])
	assert.Contains(t, string(res.Data), `"=HYPERLINK(""x"") and ""quotes"", commas"`, "RFC 4180 doubles quotes")
}

func TestMissingValuesAreEmptyCells(t *testing.T) {
	res, err := csvexport.Export(formattest.Fixture(t), csvexport.Options{})
	require.NoError(t, err)
	last := parse(t, res.Data)[5]
	for _, c := range []string{"speaker", "speaker_id", "speaker_mention", "cue", "stance", "note", "document_title"} {
		assert.Empty(t, last[column(t, c)], c)
	}
}

func TestOptionsChooseBOMAndLineEndings(t *testing.T) {
	tests := []struct {
		name                 string
		opts                 csvexport.Options
		bom, crlf, innerCRLF bool
	}{
		{name: "default: no BOM, LF", opts: csvexport.Options{}},
		{name: "BOM for spreadsheets", opts: csvexport.Options{BOM: true}, bom: true},
		{name: "CRLF rows", opts: csvexport.Options{CRLF: true}, crlf: true, innerCRLF: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := csvexport.Export(formattest.Fixture(t), tt.opts)
			require.NoError(t, err)
			assert.Equal(t, tt.bom, bytes.HasPrefix(res.Data, []byte("\xEF\xBB\xBF")))
			header := strings.Join(jsonl.Columns(), ",")
			if tt.crlf {
				assert.Contains(t, string(res.Data), header+"\r\n")
			} else {
				assert.Contains(t, string(res.Data), header+"\n")
				assert.NotContains(t, string(res.Data), "\r")
			}
			assert.Equal(t, tt.innerCRLF, strings.Contains(string(res.Data), "two\r\nlines"))
			assert.Len(t, parse(t, res.Data), 6)
		})
	}
}

func TestFormulaCellsAreDefused(t *testing.T) {
	tests := []struct{ cell, want string }{
		{"=SUM(A1:A9)", "'=SUM(A1:A9)"},
		{"+1 800 555", "'+1 800 555"},
		{"-2 percent", "'-2 percent"},
		{"@home", "'@home"},
		{"\tindented", "'\tindented"},
		{"\rreturn", "'\rreturn"},
		{"plain text", "plain text"},
		{"a=b", "a=b"},
		{"'already", "'already"},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.cell, func(t *testing.T) {
			assert.Equal(t, tt.want, csvexport.Defuse(tt.cell))
		})
	}
}

func TestExportDefusesUnlessRaw(t *testing.T) {
	s := annotation.New(annotation.DefaultSchema(), "@admin", formattest.Clock)
	d, err := s.AddDocument("=cmd|' /C calc'!A0", "-5 percent, said =the bank.\n")
	require.NoError(t, err)
	c := formattest.Add(t, s, d, annotation.LabelClaim, "-5 percent")
	require.NoError(t, s.SetNote(c, "+danger"))
	for _, raw := range []bool{false, true} {
		res, err := csvexport.Export(s.Project(), csvexport.Options{Raw: raw})
		require.NoError(t, err)
		row := parse(t, res.Data)[1]
		prefix := "'"
		if raw {
			prefix = ""
		}
		assert.Equal(t, prefix+"-5 percent", row[column(t, "quote")])
		assert.Equal(t, prefix+"+danger", row[column(t, "note")])
		assert.Equal(t, prefix+"@admin", row[column(t, "annotator")])
		assert.Equal(t, prefix+"=cmd|' /C calc'!A0", row[column(t, "document_title")])
		assert.Equal(t, prefix+"-5 percent, said =the bank.", row[column(t, "context")])
		assert.Equal(t, "[[0,10]]", row[column(t, "fragments")], "fragments never need it")
	}
}

func TestEmptyProjectHasOnlyTheHeader(t *testing.T) {
	res, err := csvexport.Export(annotation.Project{}, csvexport.Options{})
	require.NoError(t, err)
	assert.Equal(t, strings.Join(jsonl.Columns(), ",")+"\n", string(res.Data))
}
