package conll

import (
	"sayso/internal/annotation"
	"sayso/internal/format"
)

// ID names CoNLL in the format registry.
const ID = "conll"

// Info describes Sayso's CoNLL (BIO) export, which also reads plain
// CoNLL files.
func Info() format.Info {
	return format.Info{
		ID: ID, Name: "CoNLL (BIO)", Extension: Extension, MIME: "text/plain;charset=utf-8",
		Opens:   true,
		Loses:   "No links, speaker entities, stances, targets or notes, and of overlapping spans only one is kept (claims first, then speakers, then cues).",
		Example: "streets\t260\t267\tI-claim\ta3",
		Names:   []string{".conll", ".conllu", ".iob", ".bio"},
	}
}

// Codec writes and reads CoNLL.
func Codec() format.Codec { return format.Codec{Info: Info(), Write: Write, Read: Read} }

// Write exports a project as CoNLL (see Export).
func Write(p annotation.Project, _ string) (format.Output, error) {
	r, err := Export(p)
	return format.Output{Data: r.Data, Report: r.Report}, err
}

// Read imports a CoNLL file (see Import).
func Read(in format.Input) (annotation.Project, format.Report, error) { return Import(in.Data) }
