package jsonl

import (
	"sayso/internal/annotation"
	"sayso/internal/format"
)

// ID names the JSONL dataset export in the format registry.
const ID = "jsonl"

// Info describes the JSONL dataset export, which Sayso writes but does not
// read back.
func Info() format.Info {
	return format.Info{
		ID: ID, Name: "JSONL (one claim per line)", Extension: Extension, MIME: "application/jsonl",
		Loses:   "Only claims, with their speaker, cue, stance and paragraph: no whole texts, no speaker mentions or cues without a claim, no schema, and it cannot be opened again.",
		Example: `{"document_id": "d1", "claim_id": "a3", "quote": "“Our streets were built for people, not for parking,”", "fragments": [[256, 309]], "speaker": "Mayor Ines Okafor", "stance": "favor", "offset_unit": "codepoint"}`,
	}
}

// Codec writes JSONL through Export; it has no Read.
func Codec() format.Codec { return format.Codec{Info: Info(), Write: Write} }

// Write exports a project as JSONL (see Export).
func Write(p annotation.Project, _ string) (format.Output, error) {
	r, err := Export(p)
	return format.Output{Data: r.Data, Report: r.Report}, err
}
