package app

import (
	"fmt"
	"slices"
	"strings"

	"sayso/internal/exchange"
)

// Asking which columns hold what: a doccano file may name its text and
// label columns itself, and when several of its keys could hold the text
// or the spans, opening it (Open, or Import annotations…) stops and asks.
// The file's bytes wait in PendingColumns; the person picks a column for
// each ambiguous one (the first candidate is chosen to begin with), and
// ConfirmColumns reads the same bytes again with those columns. Cancel
// (or Esc) leaves the work as it was and says so.

// The columns SetColumn chooses.
const (
	ColumnText  = "text"
	ColumnLabel = "label"
)

// SetColumn chooses Key as the file's text column (Column ColumnText) or
// label column (ColumnLabel). A key that is not among the candidates is
// refused with a message.
type SetColumn struct{ Column, Key string }

// ConfirmColumns reads the pending file with the columns chosen.
type ConfirmColumns struct{}

// CancelColumns forgets the pending file; nothing changed.
type CancelColumns struct{}

func (SetColumn) isAction()      {}
func (ConfirmColumns) isAction() {}
func (CancelColumns) isAction()  {}

// PendingColumns is a file waiting for the person to say which of its
// columns hold the text and the labels.
type PendingColumns struct {
	Name string
	Data []byte
	// Into says the file is imported into the open project (Import
	// annotations…) rather than opened in its place.
	Into bool
	// Text and Label list the keys that could hold the text and the
	// spans; a list is empty when the file settles that column itself.
	Text, Label []string
	// Chosen is what the person chose so far (the first candidates to
	// begin with).
	Chosen exchange.Columns
	// Samples says what the file's first example holds in each candidate
	// column (its text, or "3 spans"), to help the person choose.
	Samples map[string]string
}

// askColumns keeps the file and asks which columns hold what, if err is
// the reader saying it cannot tell; it reports whether it asked.
func (st *State) askColumns(name string, data []byte, into bool, err error) bool {
	amb, ok := exchange.AmbiguousColumnsIn(err)
	if !ok || (len(amb.Text) == 0 && len(amb.Label) == 0) {
		return false
	}
	pc := &PendingColumns{Name: name, Data: data, Into: into, Text: amb.Text, Label: amb.Label,
		Samples: exchange.ColumnSamples(data, slices.Concat(amb.Text, amb.Label))}
	if len(amb.Text) > 0 {
		pc.Chosen.Text = amb.Text[0]
	}
	if len(amb.Label) > 0 {
		pc.Chosen.Label = amb.Label[0]
	}
	st.Columns = pc
	st.Message = Message{}
	return true
}

// applyColumnsAction applies SetColumn, ConfirmColumns and CancelColumns;
// ok is false for other actions.
func (st *State) applyColumnsAction(a Action) (ok bool) {
	switch a := a.(type) {
	case SetColumn:
		st.setColumn(a.Column, a.Key)
	case ConfirmColumns:
		st.confirmColumns()
	case CancelColumns:
		st.cancelColumns()
	default:
		return false
	}
	return true
}

// setColumn chooses key for column, refusing a key the file does not
// offer for it.
func (st *State) setColumn(column, key string) {
	pc := st.Columns
	if pc == nil {
		return
	}
	var cands []string
	var what string
	switch column {
	case ColumnText:
		cands, what = pc.Text, "text"
	case ColumnLabel:
		cands, what = pc.Label, "labels"
	default:
		st.fail(fmt.Sprintf("Sayso asks only which column holds the text and which the labels, not %q.", column))
		return
	}
	if !slices.Contains(cands, key) {
		st.fail(fmt.Sprintf("“%s” cannot hold the %s of %s: choose %s.",
			key, what, quoteName(pc.Name), quoteList(cands)))
		return
	}
	if column == ColumnText {
		pc.Chosen.Text = key
	} else {
		pc.Chosen.Label = key
	}
	st.Message = Message{}
}

// confirmColumns reads the pending file with the chosen columns and opens
// or imports it as the person first asked.
func (st *State) confirmColumns() {
	pc := st.Columns
	if pc == nil {
		return
	}
	st.Columns = nil
	if !pc.valid() {
		st.Columns = pc
		st.fail("Choose a column for the text and one for the labels among those listed, then press " + pc.verb() + ".")
		return
	}
	failure := "Could not open " + quoteName(pc.Name)
	if pc.Into {
		failure = "Could not import " + quoteName(pc.Name)
	}
	in, err := exchange.ImportDoccanoWith(pc.Data, pc.Chosen)
	if err != nil {
		if !st.askColumns(pc.Name, pc.Data, pc.Into, err) {
			st.fail(importFailure(failure, err))
		}
		return
	}
	read := pc.readFrom()
	if pc.Into {
		if len(in.Project.Documents) == 0 {
			st.fail(failure + ": it holds no document.")
			return
		}
		st.importProject(pc.Name, in.Project)
		if st.Import == nil && st.Message.Kind == "info" {
			st.Message.Text = secondLine(st.Message.Text, read)
		}
		return
	}
	if st.replaceWith(in, quoteName(pc.Name), failure) {
		st.Message.Text = secondLine(st.Message.Text, read)
	}
}

// secondLine puts line after the first line of msg.
func secondLine(msg, line string) string {
	first, rest, more := strings.Cut(msg, "\n")
	if !more {
		return first + "\n" + line
	}
	return first + "\n" + line + "\n" + rest
}

// cancelColumns forgets the pending file and says nothing changed.
func (st *State) cancelColumns() {
	pc := st.Columns
	if pc == nil {
		return
	}
	st.Columns = nil
	if pc.Into {
		st.info("Nothing was imported from " + quoteName(pc.Name) + ".")
		return
	}
	st.info("Nothing was opened from " + quoteName(pc.Name) + ": the work is as it was.")
}

// valid reports whether the chosen columns are among the candidates.
func (pc *PendingColumns) valid() bool {
	ok := func(cands []string, key string) bool {
		return len(cands) == 0 && key == "" || slices.Contains(cands, key)
	}
	return ok(pc.Text, pc.Chosen.Text) && ok(pc.Label, pc.Chosen.Label)
}

// verb names the dialog's confirming button.
func (pc *PendingColumns) verb() string {
	if pc.Into {
		return "Import"
	}
	return "Open"
}

// readFrom says which columns were read, for the message after opening.
func (pc *PendingColumns) readFrom() string {
	var parts []string
	if pc.Chosen.Text != "" {
		parts = append(parts, "the text from the column “"+pc.Chosen.Text+"”")
	}
	if pc.Chosen.Label != "" {
		parts = append(parts, "the labels from the column “"+pc.Chosen.Label+"”")
	}
	return "Read " + strings.Join(parts, " and ") + "."
}

// quoteList quotes keys for a message: "“a”, “b” or “c”".
func quoteList(keys []string) string {
	q := make([]string, len(keys))
	for i, k := range keys {
		q[i] = "“" + k + "”"
	}
	if len(q) < 2 {
		return strings.Join(q, "")
	}
	return strings.Join(q[:len(q)-1], ", ") + " or " + q[len(q)-1]
}
