package doccano

import (
	"sayso/internal/annotation"
	"sayso/internal/format"
)

// ID names doccano JSONL in the format registry.
const ID = "doccano"

// Info describes doccano's sequence-labelling JSONL.
func Info() format.Info {
	return format.Info{
		ID: ID, Name: "doccano", Extension: ".doccano.jsonl", MIME: "application/jsonl",
		Opens:   true,
		Loses:   "No stances, targets, notes, annotators or times, speakers only as coreference between mentions of one document, and offsets in UTF-16 units as doccano's editor counts them.",
		Example: `{"text": "…", "entities": [{"id": 1, "label": "claim", "start_offset": 256, "end_offset": 309}], "relations": [{"id": 1, "from_id": 1, "to_id": 2, "type": "speaker"}], "offset_unit": "utf-16"}`,
		Names:   []string{".doccano.jsonl"},
	}
}

// Codec writes and reads doccano JSONL.
func Codec() format.Codec { return format.Codec{Info: Info(), Write: Write, Read: Read} }

// Write exports a project with UTF-16 offsets, as doccano's editor counts
// them (each line says so in "offset_unit").
func Write(p annotation.Project, _ string) (format.Output, error) {
	r, err := Export(p, Options{})
	return format.Output{Data: r.Data, Report: r.Report}, err
}

// Read imports doccano JSONL (see Import).
func Read(in format.Input) (annotation.Project, format.Report, error) { return Import(in.Data) }
