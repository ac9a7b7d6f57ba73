package citron

import (
	"sayso/internal/annotation"
	"sayso/internal/format"
)

// ID names Citron in the format registry.
const ID = "citron"

// Info describes the BBC's Citron quote-attribution JSON.
func Info() format.Info {
	return format.Info{
		ID: ID, Name: "Citron (quote attribution)", Extension: ".citron.json", MIME: "application/json",
		Opens:   true,
		Loses:   "Only claims that have a cue (a Citron quote needs one), no stances, targets or notes, and speakers named after their longest mention.",
		Example: `{"text": "…", "quotes": [{"cue": {"start": 310, "end": 314, "text": "said"}, "sources": [{"start": 315, "end": 332, "text": "Mayor Ines Okafor"}], "contents": [{"start": 256, "end": 309, "text": "…"}]}], "coreference_groups": [[…]]}`,
		Names:   []string{FileExtension, ZipFileExtension},
	}
}

// Codec writes and reads Citron JSON.
func Codec() format.Codec { return format.Codec{Info: Info(), Write: Write, Read: Read} }

// Write exports a project as Citron JSON, or a .citron.zip of one such
// file per document when it has several (see Export).
func Write(p annotation.Project, _ string) (format.Output, error) {
	r, err := Export(p)
	out := format.Output{Data: r.Data, Report: r.Report, Extension: r.NameEnding()}
	if r.Extension == ZipExtension {
		out.MIME = "application/zip"
	}
	return out, err
}

// Read imports Citron JSON, a list of it or a zip of it (see Import).
func Read(in format.Input) (annotation.Project, format.Report, error) { return Import(in.Data) }
