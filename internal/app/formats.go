package app

// Exporting and opening files in the exchange formats, as the Export menu
// and Open ask for them: the decisions (what to name a download, when to
// refuse, what to tell the person) are made here; what each format is and
// how it is written and read belongs to package exchange.
//
// Decisions written down here:
//
//   - A download is named after the shown document's title (FileName),
//     the project's name when it holds several documents, or the exercise
//     and the student in a student's exercise.
//   - Open tells the format with exchange.Detect; an import replaces the
//     project, like opening a native file, and its message lists
//     everything the format's report says was not mapped. On any failure
//     the work is left as it was and the message names the file.
//   - A doccano file that names its columns itself, with several that
//     could hold the text or the labels, is not guessed at: the app asks
//     which (columns.go), then reads the same bytes again.

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"sayso/internal/annotation"
	"sayso/internal/exchange"
	"sayso/internal/wording"
)

// MaxImportBytes bounds a file opened with ImportFile; every format
// package takes files up to this size.
const MaxImportBytes = 64 << 20

// ApplyFormatAction applies ExportAs, ImportFile and the choice of a
// file's columns (columns.go), and reports whether a was one of them;
// Update calls it for actions it does not handle itself.
func ApplyFormatAction(st *State, a Action) ([]Effect, bool) {
	switch a := a.(type) {
	case ExportAs:
		return st.exportAs(a.Format), true
	case ImportFile:
		st.importFile(a.Name, a.Data)
		return nil, true
	}
	return nil, st.applyColumnsAction(a)
}

// ---- Export ----

// exportAs writes the whole project in format id as one download named
// after the shown document's title, and says what the format left out.
func (st *State) exportAs(id string) []Effect {
	c, ok := exchange.Lookup(id)
	if !ok {
		st.fail(fmt.Sprintf("Sayso cannot export as %q: choose a format from the Export menu.", id))
		return nil
	}
	doc, _, ok := st.Store.Document(st.Doc)
	if !ok {
		st.info("There is nothing to export yet: paste an article first.")
		return nil
	}
	p := st.Store.Project()
	base := FileName(doc.Title)
	switch {
	case st.ExportDocumentOnly:
		p = documentProject(p, doc.ID)
	case p.Exercise.ID != "" && p.Exercise.Role == "" && p.Annotator != "":
		base = FileName(p.Exercise.Title + " – " + p.Annotator)
	case len(p.Documents) > 1:
		base = FileName(projectName(p))
	}
	opts := exchange.Options{Base: base}
	if c.WritePredicted != nil {
		// Only a format that holds them apart is handed the suggestions:
		// gathering them for every export cost O(suggestions) for nothing.
		opts.Predictions = st.predictions(p)
	}
	out, err := exchange.Export(p, id, opts)
	if err != nil {
		st.fail(fmt.Sprintf("Could not export as %s: %v", c.Name, err))
		return nil
	}
	st.tellExported(out)
	return []Effect{Download{Name: out.Name, Type: out.MIME, Data: out.Data}}
}

// tellExported says what an export left out: each thing its format
// reported, or else what the format never holds. A lossless export leaves
// the message as it was, like Export.
func (st *State) tellExported(out exchange.Exported) {
	f, name, rep := out.Format, out.Name, out.Report
	switch {
	case len(rep.Skipped) > 0:
		st.info(fmt.Sprintf("Exported %s as %s, which could not hold everything. Left out (%d):\n%s",
			quoteName(name), f.Name, len(rep.Skipped), strings.Join(rep.Skipped, "\n")))
	case f.Loses != "":
		st.info(fmt.Sprintf("Exported %s as %s. %s", quoteName(name), f.Name, f.Loses))
	}
}

// ---- Import ----

// importFile opens a file in any format Sayso reads. A native file takes
// exactly the path of the Import action; any other format is read through
// package exchange, loaded (and repaired if needed) into a new store that replaces
// the project, and reported. On any failure the current work is left as
// it was and the message names the file and the problem.
func (st *State) importFile(name string, data []byte) {
	failure := "Could not open " + quoteName(name)
	st.Columns = nil
	if len(data) > MaxImportBytes {
		st.fail(fmt.Sprintf("%s: the file is %.1f MB; Sayso opens files of up to %d MB.",
			failure, float64(len(data))/(1<<20), MaxImportBytes>>20))
		return
	}
	if isExerciseFile(name, data) {
		st.openExercise(name, data)
		return
	}
	id := exchange.Detect(name, data)
	if id == exchange.Native {
		st.open(data, failure, func(n int) string {
			return fmt.Sprintf("Opened %s: %s.", quoteName(name), wording.Count(n, "annotation"))
		})
		return
	}
	in, err := exchange.ImportAs(id, data, st.Store.Project())
	if err != nil {
		if !st.askColumns(name, data, false, err) {
			st.fail(importFailure(failure, err))
		}
		return
	}
	st.replaceWith(in, quoteName(name), failure)
}

// importFailure says why exchange.Import failed, after failure ("Could
// not open “name”"): as which format, when its reader failed.
func importFailure(failure string, err error) string {
	var re *exchange.ReadError
	if errors.As(err, &re) {
		return fmt.Sprintf("%s as %s: %v", failure, re.Format.Name, re.Err)
	}
	return failure + ": " + err.Error()
}

// replaceWith loads what an import read into a new store that replaces
// the project, repairing it if needed, and reports what it opened (what:
// "“name”", or "3 files"). It reports whether it replaced the project.
func (st *State) replaceWith(in exchange.Imported, what, failure string) bool {
	store, notes, err := loadImported(in.Project, st.clock)
	if err != nil {
		st.fail(fmt.Sprintf("%s as %s: %v", failure, in.Format.Name, err))
		return false
	}
	docs := store.Documents()
	if len(docs) == 0 {
		st.fail(fmt.Sprintf("%s as %s: it holds no document.", failure, in.Format.Name))
		return false
	}
	st.Store = store
	st.showDocument(docs[0].ID)
	st.Message = Message{}
	st.info(importMessage(what, in, notes))
	return true
}

// loadImported builds a store from an imported project; when Load refuses
// it, the project is repaired (re-anchoring what it can, keeping the rest
// as orphans) and the repairs are returned, one line each, as opening a
// native file does.
func loadImported(p annotation.Project, clock func() time.Time) (*annotation.Store, []string, error) {
	s, loadErr := annotation.Load(p, clock)
	if loadErr == nil {
		return s, nil, nil
	}
	fixed, notes := annotation.Repair(p)
	s, err := annotation.Load(fixed, clock)
	if err != nil {
		return nil, nil, fmt.Errorf("what it holds does not fit together, and could not be repaired: %w", loadErr)
	}
	return s, notes, nil
}

// importMessage tells the person what an import of what ("“name”", "3
// files") read and, line by line, what it did not map and what had to be
// repaired.
func importMessage(what string, in exchange.Imported, repairs []string) string {
	formatName, rep := in.Format.Name, in.Report
	msg := fmt.Sprintf("Opened %s (%s): %s, %s, %s.", what, formatName,
		wording.Count(rep.Documents, "document"), wording.Count(rep.Annotations, "annotation"), wording.Count(rep.Links, "link"))
	if len(rep.Skipped) > 0 {
		msg += fmt.Sprintf("\nNot mapped (%d):\n%s", len(rep.Skipped), strings.Join(rep.Skipped, "\n"))
	}
	if len(repairs) > 0 {
		msg += fmt.Sprintf("\nSome annotations did not fit their text; Sayso repaired them (%s):\n%s",
			wording.Count(len(repairs), "change"), strings.Join(repairs, "\n"))
	}
	return msg
}
