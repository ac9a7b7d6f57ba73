package labelstudio

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"path"
	"strings"

	"sayso/internal/annotation"
	"sayso/internal/format"
)

// ID names Label Studio in the format registry.
const ID = "labelstudio"

// Info describes Label Studio as Sayso exports it: one zip archive of the
// tasks JSON and the labelling configuration XML that matches them (unzip,
// paste the XML into the project's Labeling Interface → Code, then import
// the JSON).
func Info() format.Info {
	return format.Info{
		ID: ID, Name: "Label Studio", Extension: ".labelstudio.zip", MIME: "application/zip",
		Opens:   true,
		Loses:   "Speakers are kept only by name, times are lost, and label colours and keys live only in the labelling configuration beside the tasks.",
		Example: `{"data": {"text": "…"}, "annotations": [{"result": [{"id": "a3", "type": "labels", "value": {"start": 256, "end": 309, "labels": ["claim"]}}, {"from_id": "a3", "to_id": "a1", "type": "relation", "labels": ["speaker"]}]}]}`,
		Names:   []string{".labelstudio.json", ".labelstudio.zip"},
	}
}

// Codec writes Label Studio zip archives and reads them or bare tasks.
func Codec() format.Codec {
	return format.Codec{Info: Info(), Write: Write, Read: Read, WritePredicted: WritePredicted}
}

// Write zips the tasks (base.tasks.json) with the labelling configuration
// that matches them (base.config.xml): Label Studio needs both, and one
// download is one file.
func Write(p annotation.Project, base string) (format.Output, error) {
	return WritePredicted(p, base, annotation.Project{})
}

// WritePredicted is Write with predictions: each document's task holds
// the predictions' results under "predictions" (model_version
// PredictionModel), apart from the annotations, as Label Studio shows a
// model's pre-annotations for a person to accept or correct.
func WritePredicted(p annotation.Project, base string, predictions annotation.Project) (format.Output, error) {
	r, err := ExportPredicted(p, predictions)
	if err != nil {
		return format.Output{}, err
	}
	data, err := format.Zip([]format.File{
		{Name: base + ".tasks" + Extension, Data: r.Data},
		{Name: base + ".config" + ConfigExtension, Data: []byte(Config(p.Schema))},
	})
	if err != nil {
		return format.Output{}, fmt.Errorf("the zip archive could not be written: %w", err)
	}
	return format.Output{Data: data, Report: r.Report}, nil
}

// Read reads Label Studio tasks: a JSON file, or the zip Write writes (the
// tasks beside their configuration).
func Read(in format.Input) (annotation.Project, format.Report, error) {
	data := in.Data
	if format.IsZip(data) {
		var err error
		if data, err = tasksFromZip(data); err != nil {
			return annotation.Project{}, format.Report{}, err
		}
	}
	return Import(data)
}

// tasksFromZip returns the first .json file of a zip archive.
func tasksFromZip(data []byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("the file is not a zip archive: %w", err)
	}
	for _, f := range zr.File {
		if strings.EqualFold(path.Ext(f.Name), ".json") {
			return format.ReadZipped(f, MaxFileSize)
		}
	}
	return nil, errors.New("the zip archive holds no Label Studio tasks (a .json file)")
}
