package native

import (
	"sayso/internal/annotation"
	"sayso/internal/format"
)

// ID names the native format in the format registry.
const ID = "native"

// Info describes the native format: Sayso's own project file, which loses
// nothing.
func Info() format.Info {
	return format.Info{
		ID: ID, Name: "Sayso project", Extension: Extension, MIME: "application/json",
		Opens:   true,
		Example: `{"format": "sayso", "version": 1, "offsetUnit": "codepoint", "schema": {…}, "documents": [{"id": "d1", "text": "…"}], "annotations": [{"id": "a3", "label": "claim", "fragments": [[256, 309]], "stance": "favor", "speakerMention": "a1"}]}`,
		Names:   []string{".sayso.json", ".json"},
	}
}

// Codec writes and reads the native format through Encode and Decode.
func Codec() format.Codec { return format.Codec{Info: Info(), Write: Write, Read: Read} }

// Write encodes a project (see Encode); the native format leaves nothing
// out, so its report is empty.
func Write(p annotation.Project, _ string) (format.Output, error) {
	data, err := Encode(p)
	return format.Output{Data: data}, err
}

// Read decodes a project (see Decode); its report is empty, as the native
// format holds everything a project has.
func Read(in format.Input) (annotation.Project, format.Report, error) {
	p, err := Decode(in.Data)
	return p, format.Report{}, err
}
