// Package csvexport exports a project as a spreadsheet of claims: the same
// columns as package jsonl, one row per claim under a header row. (The
// package lives in internal/format/csv; it is named csvexport so that it
// does not hide encoding/csv.)
//
// # Encoding
//
// The file is UTF-8, quoted as RFC 4180 says (through encoding/csv: a cell
// is put in double quotes when it holds a comma, a quote or a line break,
// and quotes inside are doubled). Options.BOM puts a byte order mark first,
// which Excel needs to read UTF-8; Options.CRLF ends rows with CR LF as RFC
// 4180 writes them (encoding/csv then also writes a line break inside a
// cell as CR LF); by default rows end with LF and cells keep their text
// byte for byte.
//
// A missing value (JSON null in package jsonl) is an empty cell. The
// fragments column holds the JSON of package jsonl, "[[3,9],[12,20]]", in
// code points of the document text.
//
// # Formula injection
//
// A spreadsheet runs a cell that starts with =, +, - or @ as a formula, and
// some also treat a leading tab or carriage return that way, so text from an
// article or a note could run commands when the file is opened. Unless
// Options.Raw is set, every text cell that starts with one of these six
// characters gets an apostrophe in front ("'=SUM(A1)"), which spreadsheets
// show as text and do not display. A program that reads the file must then
// remove that apostrophe: set Raw for files meant for programs, where cells
// are written exactly.
//
// # What it cannot hold
//
// Everything package jsonl leaves out; the export is one-way (no import).
package csvexport
