package csvexport

import (
	"sayso/internal/annotation"
	"sayso/internal/format"
)

// The IDs of the two CSV exports in the format registry.
const (
	ID            = "csv"
	SpreadsheetID = "csv-bom"
)

// Info describes the plain CSV dataset export (LF line ends, no BOM).
func Info() format.Info {
	return format.Info{
		ID: ID, Name: "CSV", Extension: Extension, MIME: "text/csv;charset=utf-8",
		Loses:   "The same columns as JSONL, so only claims and no whole texts, and a cell starting with = + - or @ gets an apostrophe so that spreadsheets do not run it.",
		Example: `d1,Harbour town splits…,a3,"“Our streets were built for people, not for parking,”","[[256,309]]",Mayor Ines Okafor,s1,…,favor,…`,
		Names:   []string{".csv"},
	}
}

// SpreadsheetInfo describes the CSV export for spreadsheets: a UTF-8 byte
// order mark and CR LF line ends, which Excel needs to read UTF-8.
func SpreadsheetInfo() format.Info {
	f := Info()
	f.ID = SpreadsheetID
	f.Name = "CSV for spreadsheets (UTF-8 with BOM)"
	f.Extension = ".spreadsheet.csv" // not the plain CSV's name: both may be downloaded
	f.Names = nil                    // a .csv name says plain CSV; the content tells them apart
	f.Example = `(a byte order mark, then) document_id,document_title,claim_id,quote,fragments,speaker,… with rows ending in CR LF`
	return f
}

// Codec writes plain CSV; it has no Read.
func Codec() format.Codec { return format.Codec{Info: Info(), Write: writer(Options{})} }

// SpreadsheetCodec writes CSV for spreadsheets; it has no Read.
func SpreadsheetCodec() format.Codec {
	return format.Codec{Info: SpreadsheetInfo(), Write: writer(Options{BOM: true, CRLF: true})}
}

// writer exports a project as CSV with opts (see Export).
func writer(opts Options) func(annotation.Project, string) (format.Output, error) {
	return func(p annotation.Project, _ string) (format.Output, error) {
		r, err := Export(p, opts)
		return format.Output{Data: r.Data, Report: r.Report}, err
	}
}
