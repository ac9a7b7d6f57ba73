package webanno

import (
	"sayso/internal/annotation"
	"sayso/internal/format"
)

// ID names WebAnno TSV in the format registry.
const ID = "webanno"

// Info describes WebAnno TSV 3.3 for the Export menu and Open.
func Info() format.Info {
	return format.Info{
		ID: ID, Name: "WebAnno TSV 3.3 (INCEpTION)", Extension: Extension, MIME: "text/tab-separated-values",
		Opens:   true,
		Loses:   "No titles beyond file names, topics, ids, annotators, times, label colours or keys; white space at the edges of a span is left out, and speakers with the same name come back as one; offsets in UTF-16 units as INCEpTION counts them.",
		Example: "1-4\t10-12\tgo\tclaim[1]\t*[1]\t*[1]\tfavor[1]\t*[1]\t_\t_",
		Names:   []string{Extension, ZipExtension},
	}
}

// Codec writes and reads WebAnno TSV 3.3.
func Codec() format.Codec { return format.Codec{Info: Info(), Write: Write, Read: Read} }

// Write exports a project: one document as a .webanno.tsv file, several
// as a .webanno.zip of one TSV file each (INCEpTION imports one document
// per file).
func Write(p annotation.Project, _ string) (format.Output, error) {
	r, err := Export(p)
	out := format.Output{Data: r.Data, Report: r.Report, Extension: r.Extension}
	if r.Extension == ZipExtension {
		out.MIME = "application/zip"
	}
	return out, err
}

// Read imports a WebAnno TSV 3 file or a zip of them (see Import).
func Read(in format.Input) (annotation.Project, format.Report, error) { return Import(in.Data) }
