package w3c

import (
	"errors"

	"sayso/internal/annotation"
	"sayso/internal/format"
)

// ID names W3C Web Annotation in the format registry.
const ID = "w3c"

// Info describes W3C Web Annotation JSON-LD.
func Info() format.Info {
	return format.Info{
		ID: ID, Name: "W3C Web Annotation", Extension: ".jsonld", MIME: `application/ld+json;profile="http://www.w3.org/ns/anno.jsonld"`,
		Opens:   true,
		Loses:   "No text (the annotations point at it, so open them on the same article), titles, topics, or label names, colours and keys.",
		Example: `{"type": "Annotation", "body": [{"type": "TextualBody", "purpose": "tagging", "value": "claim"}], "target": {"selector": [{"type": "TextQuoteSelector", "exact": "“Our streets…”"}, {"type": "TextPositionSelector", "start": 256, "end": 309}]}}`,
		Names:   []string{".jsonld"},
	}
}

// Codec writes W3C annotations and reads them onto the open texts.
func Codec() format.Codec { return format.Codec{Info: Info(), Write: Write, Read: Read} }

// Write exports a project as an AnnotationCollection (see Export).
func Write(p annotation.Project, _ string) (format.Output, error) {
	data, err := Export(p)
	return format.Output{Data: data}, err
}

// errNoText explains the failure of an import none of whose annotations
// points at a text that is open.
var errNoText = errors.New("such files carry no text, only the quotes they point at, and none of its annotations points at the text open now: open the article they were made on (or its .sayso.json) first, then open this file again")

// Read reads W3C annotations onto the texts of the project open now
// (in.Current), keeping those documents' titles and topics, which W3C
// does not hold. It fails when no annotation points at an open text.
func Read(in format.Input) (annotation.Project, format.Report, error) {
	p, rep, err := Import(in.Data, Texts(in.Current))
	if err != nil {
		return p, rep, err
	}
	if len(p.Documents) == 0 {
		return p, rep, errNoText
	}
	keepTitles(&p, in.Current)
	return p, rep, nil
}

// keepTitles gives the documents of an import the titles and topics of the
// documents of current with the same text, where the import named them
// only by their source IRI.
func keepTitles(p *annotation.Project, current annotation.Project) {
	byText := map[string]annotation.Document{}
	for _, d := range current.Documents {
		byText[d.Text] = d
	}
	for i, d := range p.Documents {
		cur, ok := byText[d.Text]
		if !ok || d.Title != SourceIRI(d.Text) {
			continue
		}
		p.Documents[i].Title = cur.Title
		if d.Topic == "" {
			p.Documents[i].Topic = cur.Topic
		}
	}
}
