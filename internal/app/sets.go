package app

// Files that are read together, as one set: brat's texts and annotation
// files, chosen with Open or dropped, any number at once.
//
// Decisions written down here:
//
//   - Files are a set when an .ann file is among them; .txt files alone
//     keep their own path (one opens as an article, several become
//     documents). Files of other kinds chosen with them are not read,
//     and the message says so.
//   - Texts among the files make a new project that replaces the open
//     one, as Open does, so Sayso asks first when there is work. Each text
//     is paired with its annotation files by name (package exchange); a
//     text with two annotators' files becomes two documents named after
//     them; an .ann file left without its text is named, with the text it
//     needs.
//   - .ann files without any text are placed on the text open now when
//     all their spans fit it: merged into it straight away when it has no
//     annotations and one file fits, else through the import dialog
//     (merge, replace or keep both), so that no work is lost without
//     asking. One that does not fit is refused, saying which text it
//     needs.

import (
	"fmt"
	"strings"

	"sayso/internal/annotation"
	"sayso/internal/exchange"
	"sayso/internal/wording"
)

// chooseSet decides which of the files to read as one set, and asks
// before texts among them replace work.
func (st *State) chooseSet(files []FileInfo, confirmed bool) []Effect {
	read := ReadFiles{Purpose: filesOpenSet}
	var texts []string
	for i, f := range files {
		switch {
		case !exchange.InSet(f.Name):
			read.Skipped = append(read.Skipped, fmt.Sprintf("“%s” is not a brat .txt or .ann file (open it on its own)", f.Name))
		case f.Size > MaxImportBytes:
			read.Skipped = append(read.Skipped, fmt.Sprintf("“%s” is %.1f MB, over the %d MB limit", f.Name, float64(f.Size)/(1<<20), MaxImportBytes>>20))
		default:
			read.Indexes = append(read.Indexes, i)
			if !exchange.IsAnnotationFile(f.Name) {
				texts = append(texts, f.Name)
			}
		}
	}
	if len(read.Indexes) == 0 {
		return st.filesRead(FilesRead{Purpose: filesOpenSet, Skipped: read.Skipped})
	}
	if len(texts) > 0 && st.Store.Len() > 0 && !confirmed {
		return []Effect{Confirm{
			Text: fmt.Sprintf("Open %s with %s annotation files? This replaces the current project and its %s. Export them first to keep them.",
				namesPhrase(texts), wording.Choose(len(texts), "its", "their"), wording.Count(st.Store.Len(), "annotation")),
			Then: ReadChosen{Purpose: filesOpenSet, Files: files},
		}}
	}
	return []Effect{read}
}

// namesPhrase names files for a message: “a.txt”, “a.txt” and “b.txt”,
// or "5 texts".
func namesPhrase(names []string) string {
	switch len(names) {
	case 1:
		return quoteName(names[0])
	case 2:
		return quoteName(names[0]) + " and " + quoteName(names[1])
	}
	return wording.Count(len(names), "text")
}

// openSet reads the files of a set: texts with their annotation files
// replace the project; annotation files alone are placed on the open
// text when they fit.
func (st *State) openSet(a FilesRead) {
	notRead := append([]string(nil), a.Skipped...)
	for _, f := range a.Failed {
		notRead = append(notRead, fmt.Sprintf("“%s” could not be read: %s", f.Name, f.Why))
	}
	if len(a.Files) == 0 {
		st.fail("Nothing was opened. Not read: " + strings.Join(notRead, "; "))
		return
	}
	files := make(map[string][]byte, len(a.Files))
	names := make([]string, 0, len(a.Files))
	for i, f := range a.Files {
		key := f.Name
		if _, twice := files[key]; twice { // two folders' files of one name: keep both
			key = fmt.Sprintf("%d/%s", i, f.Name)
		}
		files[key] = f.Data
		names = append(names, f.Name)
	}
	what := wording.Count(len(names), "file")
	if len(names) <= 2 {
		what = namesPhrase(names)
	}
	failure := "Could not open " + what
	var open annotation.Document
	if d, _, ok := st.Store.Document(st.Doc); ok {
		open = *d
	}
	set, err := exchange.ImportSet(files, open)
	if err != nil {
		st.fail(importFailure(failure, err))
		return
	}
	var lines []string
	switch {
	case len(set.Project.Documents) > 0:
		if !st.replaceWith(set.Imported, what, failure) {
			return
		}
		lines = append(lines, leftWithoutText(set.Lone)...)
	case len(set.Placed.Project.Documents) > 0:
		st.placeLone(set)
		lines = append(lines, notPlaced(set.Lone)...)
	default:
		st.fail(strings.Join(append(notPlaced(set.Lone), notReadLine(notRead)...), "\n"))
		return
	}
	lines = append(lines, notReadLine(notRead)...)
	switch {
	case len(lines) == 0:
	case st.Message.Text == "":
		st.info(strings.Join(lines, "\n"))
	default:
		st.Message.Text += "\n" + strings.Join(lines, "\n")
	}
}

// placeLone merges the annotation files that fit the open text into it:
// at once when it has no annotations and one file fits, else through the
// import dialog.
func (st *State) placeLone(set exchange.Set) {
	var placed []string
	for _, l := range set.Lone {
		if l.Placed {
			placed = append(placed, l.File)
		}
	}
	title := Title(st)
	st.importProject(strings.Join(placed, ", "), set.Placed.Project)
	if st.Import != nil && len(placed) == 1 && st.Store.AnnotationCount(st.Doc) == 0 {
		st.applyImport()
	}
	if st.Import == nil && st.Message.Kind != "error" {
		_, merged, _ := strings.Cut(st.Message.Text, "\n") // after "Imported “…”."
		st.info(fmt.Sprintf("Placed %s on “%s”, whose text its spans fit: %s, %s.\n%s",
			namesPhrase(placed), title, wording.Count(set.Placed.Report.Annotations, "annotation"),
			wording.Count(set.Placed.Report.Links, "link"), merged))
	}
}

// leftWithoutText names the annotation files that found no text among
// the files opened with them.
func leftWithoutText(lone []exchange.Lone) []string {
	if len(lone) == 0 {
		return nil
	}
	lines := []string{fmt.Sprintf("Left without their text (%d), so not opened:", len(lone))}
	for _, l := range lone {
		lines = append(lines, fmt.Sprintf("“%s” needs “%s”", l.File, l.Needs))
	}
	return lines
}

// notPlaced says why each annotation file chosen without its text could
// not be placed on the open text.
func notPlaced(lone []exchange.Lone) []string {
	var lines []string
	for _, l := range lone {
		switch {
		case l.Placed:
		case l.Misfit != "":
			lines = append(lines, fmt.Sprintf("“%s” needs its text, “%s”: open them together. It does not fit the text open now: %s.", l.File, l.Needs, l.Misfit))
		default:
			lines = append(lines, fmt.Sprintf("“%s” needs its text, “%s”: open them together (choose or drop both).", l.File, l.Needs))
		}
	}
	return lines
}

// notReadLine lists the files not read, if any, in one line.
func notReadLine(notRead []string) []string {
	if len(notRead) == 0 {
		return nil
	}
	return []string{"Not read: " + strings.Join(notRead, "; ")}
}
