package app

import (
	"fmt"
	"strings"

	"sayso/internal/exchange"
)

// Files the person chose or dropped: the browser layer reports what it
// knows of them before reading (ChooseFiles, DropFiles), the app decides
// what they are for, which to read and whether to ask first (ReadFiles,
// Confirm), and the browser layer hands back their bytes (FilesRead).

// FileInfo is what the browser knows of a chosen file before reading it.
type FileInfo struct {
	Name string
	Type string // MIME type, as the browser guesses it
	Size int
}

// IsText reports whether the file is plain text (.txt, text/plain).
func (f FileInfo) IsText() bool {
	return strings.HasSuffix(strings.ToLower(f.Name), ".txt") || f.Type == "text/plain"
}

// anyAnnotationFile reports whether files holds a brat annotation file,
// which is read with its text: then the files are one set.
func anyAnnotationFile(files []FileInfo) bool {
	for _, f := range files {
		if exchange.IsAnnotationFile(f.Name) {
			return true
		}
	}
	return false
}

// anyText reports whether one of files is plain text.
func anyText(files []FileInfo) bool {
	for _, f := range files {
		if f.IsText() {
			return true
		}
	}
	return false
}

// allText reports whether every one of files is plain text.
func allText(files []FileInfo) bool {
	for _, f := range files {
		if !f.IsText() {
			return false
		}
	}
	return len(files) > 0
}

// FilePurpose is what chosen files are for.
type FilePurpose string

// The purposes of chosen files, as the file inputs say them (data-add,
// data-compare, data-import; an input with none opens its file).
const (
	FilesOpen    FilePurpose = "open"    // the first file replaces the project
	FilesAdd     FilePurpose = "add"     // .txt files become documents
	FilesCompare FilePurpose = "compare" // exports to compare
	FilesImport  FilePurpose = "import"  // files imported into the project
	FilesBoxKey  FilePurpose = "box-key" // a hand-in box's key file, for Compare
	// filesOpenText opens a text file as a new article (FilesOpen, once
	// the app has seen that the file is text).
	filesOpenText FilePurpose = "open-text"
	// filesOpenSet reads brat texts and annotation files together, as
	// one set (FilesOpen or a drop, once the app has seen an .ann file
	// among them).
	filesOpenSet FilePurpose = "open-set"
)

// ChooseFiles reports files chosen with a file input for Purpose.
type ChooseFiles struct {
	Purpose FilePurpose
	Files   []FileInfo
}

// DropFiles reports files dropped on the page: the app tells what they
// are for from the screen and the files.
type DropFiles struct{ Files []FileInfo }

// ReadChosen reads the files of an earlier ChooseFiles after the person
// confirmed.
type ReadChosen struct {
	Purpose FilePurpose
	Files   []FileInfo
}

// FilesRead hands over the bytes of the files a ReadFiles effect named,
// the files it skipped, and those the browser could not read.
type FilesRead struct {
	Purpose FilePurpose
	Files   []TextFile
	Skipped []string
	Failed  []ReadFailure
}

// ReadFailure is a file the browser could not read, and its reason.
type ReadFailure struct{ Name, Why string }

// ReadFiles asks the browser layer to read the chosen files at Indexes
// (of the last chosen or dropped list) and to hand them back, with
// Skipped, in one FilesRead once all are read.
type ReadFiles struct {
	Purpose FilePurpose
	Indexes []int
	Skipped []string
}

func (ChooseFiles) isAction() {}
func (DropFiles) isAction()   {}
func (ReadChosen) isAction()  {}
func (FilesRead) isAction()   {}
func (ReadFiles) isEffect()   {}

// applyFileAction applies the file actions.
func (st *State) applyFileAction(a Action) []Effect {
	switch a := a.(type) {
	case ChooseFiles:
		purpose := a.Purpose
		if purpose == FilesOpen {
			purpose = openPurpose(a.Files)
		}
		return st.chooseFiles(purpose, a.Files, false)
	case DropFiles:
		return st.chooseFiles(st.dropPurpose(a.Files), a.Files, false)
	case ReadChosen:
		return st.chooseFiles(a.Purpose, a.Files, true)
	case FilesRead:
		return st.filesRead(a)
	}
	return nil
}

// openPurpose tells what files chosen with Open are for: with an .ann
// file among them, they are read as one set (texts paired with their
// annotation files); several text files become documents; anything else
// is opened.
func openPurpose(files []FileInfo) FilePurpose {
	switch {
	case anyAnnotationFile(files):
		return filesOpenSet
	case allText(files) && len(files) > 1:
		return FilesAdd
	}
	return FilesOpen
}

// dropPurpose tells what dropped files are for: exports to compare on the
// compare screen; with an .ann file among them, one set; several text
// files, or one while a document is open, become documents; anything
// else is opened.
func (st *State) dropPurpose(files []FileInfo) FilePurpose {
	switch {
	case st.Comparing:
		return FilesCompare
	case anyAnnotationFile(files):
		return filesOpenSet
	case allText(files) && (len(files) > 1 || st.Doc != ""):
		return FilesAdd
	}
	return FilesOpen
}

// chooseFiles decides which files to read, refusing those too large or
// of the wrong kind, and asks before replacing work.
func (st *State) chooseFiles(purpose FilePurpose, files []FileInfo, confirmed bool) []Effect {
	if len(files) == 0 {
		return nil
	}
	if purpose == FilesOpen {
		f := files[0]
		limit := MaxImportBytes
		if f.IsText() {
			limit = MaxPasteBytes
		}
		if f.Size > limit {
			st.fail(fmt.Sprintf("Could not open “%s”: it is %.1f MB, and Sayso opens files of up to %d MB.",
				f.Name, float64(f.Size)/(1<<20), limit>>20))
			return nil
		}
		if st.Store.Len() > 0 && !confirmed {
			return []Effect{Confirm{
				Text: fmt.Sprintf("Open “%s”? It replaces the current article and its %d annotations. Export them first to keep them.", f.Name, st.Store.Len()),
				Then: ReadChosen{Purpose: purpose, Files: files[:1]},
			}}
		}
		if f.IsText() {
			purpose = filesOpenText
		}
		return []Effect{ReadFiles{Purpose: purpose, Indexes: []int{0}}}
	}
	if purpose == filesOpenSet || purpose == FilesImport && anyAnnotationFile(files) && !anyText(files) {
		// Annotation files chosen with Import annotations… are placed on
		// the open text as a set of lone .ann files would be.
		return st.chooseSet(files, confirmed)
	}
	limit := MaxImportBytes
	if purpose == FilesAdd {
		limit = MaxPasteBytes
	}
	read := ReadFiles{Purpose: purpose}
	for i, f := range files {
		switch {
		case purpose == FilesAdd && !f.IsText():
			read.Skipped = append(read.Skipped, fmt.Sprintf("“%s” is not a .txt file (use Open for annotation files)", f.Name))
		case f.Size > limit:
			read.Skipped = append(read.Skipped, fmt.Sprintf("“%s” is %.1f MB, over the %d MB limit", f.Name, float64(f.Size)/(1<<20), limit>>20))
		default:
			read.Indexes = append(read.Indexes, i)
		}
	}
	if len(read.Indexes) == 0 {
		return st.filesRead(FilesRead{Purpose: purpose, Skipped: read.Skipped})
	}
	return []Effect{read}
}

// filesRead hands the read files to the action their purpose names.
func (st *State) filesRead(a FilesRead) []Effect {
	var effects []Effect
	if len(a.Files) > 0 {
		switch a.Purpose {
		case filesOpenText:
			effects = Update(st, PasteFile{Name: a.Files[0].Name, Data: a.Files[0].Data})
		case FilesOpen:
			effects = Update(st, ImportFile{Name: a.Files[0].Name, Data: a.Files[0].Data})
		case FilesAdd:
			effects = Update(st, AddTextFiles{Files: a.Files})
		case FilesCompare:
			effects = Update(st, AddCompareFiles{Files: a.Files})
		case FilesBoxKey:
			effects = Update(st, LoadBoxKey{Name: a.Files[0].Name, Data: a.Files[0].Data})
		case FilesImport:
			for _, f := range a.Files {
				effects = append(effects, Update(st, ImportInto{Name: f.Name, Data: f.Data})...)
			}
		}
	}
	if a.Purpose == filesOpenSet {
		st.openSet(a)
		return effects
	}
	if (a.Purpose == FilesOpen || a.Purpose == filesOpenText) && len(a.Failed) > 0 {
		st.fail(fmt.Sprintf("Could not read “%s”: %s", a.Failed[0].Name, a.Failed[0].Why))
		return effects
	}
	notRead := a.Skipped
	for _, f := range a.Failed {
		notRead = append(notRead, fmt.Sprintf("“%s” could not be read: %s", f.Name, f.Why))
	}
	if len(notRead) > 0 {
		st.fail("Not read: " + strings.Join(notRead, "; "))
	}
	return effects
}
