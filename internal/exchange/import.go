package exchange

import (
	"errors"
	"fmt"

	"sayso/internal/annotation"
	"sayso/internal/format"
)

// Imported is what an import read: the project, the format it was in,
// and what the format could not map.
type Imported struct {
	Project annotation.Project
	Format  format.Info
	Report  format.Report
}

// ReadError is the failure of a format's Read: the file looked like
// Format but could not be read as it.
type ReadError struct {
	Format format.Info
	Err    error
}

func (e *ReadError) Error() string { return fmt.Sprintf("reading %s: %v", e.Format.Name, e.Err) }
func (e *ReadError) Unwrap() error { return e.Err }

// Import reads a file in whatever format Detect finds in it; current is
// the project open now (W3C annotations find their texts there). See
// ImportAs for how it fails.
func (r Registry) Import(name string, data []byte, current annotation.Project) (Imported, error) {
	return r.ImportAs(r.Detect(name, data), data, current)
}

// ImportAs reads a file in format id. When the format cannot be read (an
// unknown one, or a dataset export Sayso only writes) the error says why
// in a sentence for a person; when the format's reader fails the error is
// a *ReadError.
func (r Registry) ImportAs(id string, data []byte, current annotation.Project) (Imported, error) {
	c, ok := r.Lookup(id)
	if !ok || c.Read == nil {
		return Imported{}, errors.New(r.unreadable(id))
	}
	p, rep, err := c.Read(format.Input{Data: data, Current: current})
	if err != nil {
		return Imported{}, &ReadError{Format: c.Info, Err: err}
	}
	return Imported{Project: p, Format: c.Info, Report: rep}, nil
}

// Import reads a file with the Default registry.
func Import(name string, data []byte, current annotation.Project) (Imported, error) {
	return Default().Import(name, data, current)
}

// ImportAs reads a file in format id with the Default registry.
func ImportAs(id string, data []byte, current annotation.Project) (Imported, error) {
	return Default().ImportAs(id, data, current)
}

// unreadable explains why a file of format id cannot be opened.
func (r Registry) unreadable(id string) string {
	switch id {
	case "":
		return "Sayso cannot tell which format it is in. It opens " + r.openable() + " files."
	case JSONL, CSV, CSVBOM:
		return "this is a dataset export (one row per claim), which Sayso writes but cannot read back: open the project's .sayso.json file instead."
	}
	return fmt.Sprintf("it looks like a %s file, which this version of Sayso cannot open. It opens %s files.", r.Name(id), r.openable())
}
