package format

import "sayso/internal/annotation"

// Info describes an exchange format for the Export menu, Open and the
// README.
type Info struct {
	ID        string // what Export takes and Detect returns ("conll")
	Name      string // shown in the menu ("CoNLL (BIO)")
	Extension string // ends the download's name, after the title made safe
	MIME      string // the download's media type
	Opens     bool   // Open reads files in this format
	// Loses says, in one sentence for the menu, what the format cannot
	// hold; "" for a lossless format.
	Loses string
	// Example is one short line of the format, for the README.
	Example string
	// Names are the endings of file names that say a file is in this
	// format when its content does not (".conll", ".iob"); the longest
	// ending that matches wins.
	Names []string
}

// Input is what a format's Read is given: the file, and the project open
// now (W3C annotations carry no text and find it there).
type Input struct {
	Data    []byte
	Current annotation.Project
}

// Output is a written file and what its format reported leaving out.
type Output struct {
	Data   []byte
	Report Report
	// Extension and MIME, when not "", replace Info's for this file: a
	// format that writes one document as a plain file and several as an
	// archive says which it wrote.
	Extension, MIME string
}

// Codec is a format with the code that writes and reads it.
type Codec struct {
	Info
	// Write writes a project as one file; base names the files inside an
	// archive (the download's name without its extension).
	Write func(p annotation.Project, base string) (Output, error)
	// Read reads a file into a project, with what it could not map; nil
	// for a format Sayso writes but cannot read back (Info.Opens false).
	Read func(in Input) (annotation.Project, Report, error)
	// WritePredicted, for a format that holds predictions (a model's
	// output no person has checked, Label Studio's "predictions"), writes
	// a project with predictions beside its annotations: their annotations
	// and speakers, in the project's documents. nil for other formats.
	WritePredicted func(p annotation.Project, base string, predictions annotation.Project) (Output, error)
}
