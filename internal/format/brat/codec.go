package brat

import (
	"fmt"

	"sayso/internal/annotation"
	"sayso/internal/format"
)

// ID names brat standoff in the format registry.
const ID = "brat"

// Info describes brat standoff as one zip archive of .txt and .ann pairs
// with annotation.conf and visual.conf.
func Info() format.Info {
	return format.Info{
		ID: ID, Name: "brat standoff", Extension: ".brat.zip", MIME: "application/zip",
		Opens:   true,
		Loses:   "No titles beyond the file names, topics, annotation ids, annotators or times, and speakers with the same name come back as one.",
		Example: "T1\tContent 256 309\t“Our streets were built for people, not for parking,”",
		Names:   []string{".zip"},
	}
}

// Codec writes and reads brat standoff zip archives.
func Codec() format.Codec { return format.Codec{Info: Info(), Write: Write, Read: Read} }

// Write exports a project (see Export) as one zip archive, so that the
// export is one download.
func Write(p annotation.Project, _ string) (format.Output, error) {
	files, err := Export(p)
	if err != nil {
		return format.Output{}, err
	}
	data, err := format.Zip(files)
	if err != nil {
		return format.Output{}, fmt.Errorf("the zip archive could not be written: %w", err)
	}
	return format.Output{Data: data}, nil
}

// Read imports the pairs of a zip archive (see FromZip and Import).
func Read(in format.Input) (annotation.Project, format.Report, error) {
	pairs, err := FromZip(in.Data)
	if err != nil {
		return annotation.Project{}, format.Report{}, err
	}
	return Import(pairs)
}
