package csvexport

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"strconv"

	"sayso/internal/annotation"
	"sayso/internal/format"
	"sayso/internal/format/jsonl"
)

// Extension is the suggested ending of an exported file's name.
const Extension = ".csv"

// bom is the UTF-8 byte order mark.
const bom = "\uFEFF"

// Options change how the file is written; the zero value suits programs
// that read CSV through a CSV library and protects spreadsheets.
type Options struct {
	BOM  bool // start with a UTF-8 byte order mark, for Excel
	CRLF bool // end rows with CR LF instead of LF
	Raw  bool // write cells exactly, without the formula-injection apostrophe
}

// Result is an export: the file's bytes, the suggested extension and what
// was written.
type Result struct {
	Data      []byte
	Extension string
	// Report counts the documents, claims and links written; what the
	// format leaves out is described in the package documentation.
	Report format.Report
}

// Export writes a header row and one row per claim of p.
func Export(p annotation.Project, opts Options) (Result, error) {
	rows, rep := jsonl.Rows(p)
	var buf bytes.Buffer
	if opts.BOM {
		buf.WriteString(bom)
	}
	w := csv.NewWriter(&buf)
	w.UseCRLF = opts.CRLF
	if err := w.Write(jsonl.Columns()); err != nil {
		return Result{}, fmt.Errorf("csv: header: %w", err)
	}
	for _, r := range rows {
		cells, err := record(r)
		if err != nil {
			return Result{}, fmt.Errorf("csv: claim %s of document %s: %w", r.ClaimID, r.DocumentID, err)
		}
		if !opts.Raw {
			for i, c := range cells {
				cells[i] = Defuse(c)
			}
		}
		if err := w.Write(cells); err != nil {
			return Result{}, fmt.Errorf("csv: claim %s of document %s: %w", r.ClaimID, r.DocumentID, err)
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return Result{}, fmt.Errorf("csv: %w", err)
	}
	return Result{Data: buf.Bytes(), Extension: Extension, Report: rep}, nil
}

// record returns the cells of a row in the order of jsonl.Columns.
func record(r jsonl.Row) ([]string, error) {
	frags, err := json.Marshal(r.Fragments)
	if err != nil {
		return nil, fmt.Errorf("fragments: %w", err)
	}
	return []string{
		r.DocumentID, str(r.DocumentTitle), r.ClaimID, r.Quote, string(frags),
		str(r.Speaker), str(r.SpeakerID), str(r.SpeakerMention), str(r.Cue),
		str(r.Stance), str(r.Target), str(r.Note), str(r.Annotator),
		r.Context, strconv.Itoa(r.ContextStart), r.OffsetUnit,
	}, nil
}

func str(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// Defuse puts an apostrophe before a cell that a spreadsheet would run as
// a formula: one starting with =, +, -, @, a tab or a carriage return.
func Defuse(cell string) string {
	if cell == "" {
		return cell
	}
	switch cell[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + cell
	}
	return cell
}
