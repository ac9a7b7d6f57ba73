package results

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// Comparison is a table of tools side by side: a row per tool, a column
// per measured case, cells already formatted.
type Comparison struct {
	Title   string     `json:"title"`
	Columns []string   `json:"columns"` // the first names the rows
	Rows    [][]string `json:"rows"`
}

// Text prints the comparison as an aligned plain-text table.
func (c Comparison) Text(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, c.Title)
	fmt.Fprintln(tw, strings.Join(c.Columns, "\t"))
	dashes := make([]string, len(c.Columns))
	for i, col := range c.Columns {
		dashes[i] = strings.Repeat("-", len([]rune(col)))
	}
	fmt.Fprintln(tw, strings.Join(dashes, "\t"))
	for _, r := range c.Rows {
		fmt.Fprintln(tw, strings.Join(r, "\t"))
	}
	if err := tw.Flush(); err != nil {
		return fmt.Errorf("print comparison: %w", err)
	}
	return nil
}

// mdEscape keeps a cell's text from being read as a table border or an
// HTML tag ("<mark>").
var mdEscape = strings.NewReplacer("|", `\|`, "<", "&lt;")

// Markdown prints the comparison as a Markdown table headed by its title.
func (c Comparison) Markdown(w io.Writer) error {
	var b strings.Builder
	b.WriteString(c.Title + "\n\n")
	b.WriteString("| " + strings.Join(c.Columns, " | ") + " |\n|")
	for range c.Columns {
		b.WriteString(" --- |")
	}
	b.WriteString("\n")
	for _, r := range c.Rows {
		cells := make([]string, len(r))
		for i, v := range r {
			cells[i] = mdEscape.Replace(v)
		}
		b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("print comparison: %w", err)
	}
	return nil
}
