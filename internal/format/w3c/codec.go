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
// does not hold. Annotations made by other tools (whose source is a web
// address, not one of these texts) are placed by their quote and context
// on the open document where most of them are found, and the report says
// how many were placed and how. It fails when no annotation points at
// an open text or can be placed on one, so that opening such a file never
// replaces the work with an empty document.
func Read(in format.Input) (annotation.Project, format.Report, error) {
	p, rep, pl, err := placeOnBestText(in.Data, Texts(in.Current), in.Current)
	if err != nil {
		return p, rep, err
	}
	if s := pl.String(); s != "" {
		rep.Adjust("%s", s)
	}
	if len(p.Documents) == 0 || len(p.Annotations) == 0 && pl.Total > 0 {
		return annotation.Project{}, rep, errNoText
	}
	keepTitles(&p, in.Current)
	return p, rep, nil
}

// placeOnBestText reads the file with each open document in turn as the
// open text and keeps the reading that places the most annotations of
// other tools (the first such document on a tie). It stops early when the
// file has none of them, or once every one is placed.
func placeOnBestText(data []byte, texts map[string]string, current annotation.Project) (annotation.Project, format.Report, Placement, error) {
	p, rep, pl, err := ImportWith(data, texts, Options{})
	if err != nil {
		return p, rep, pl, err
	}
	for _, d := range current.Documents {
		q, qrep, qpl, err := ImportWith(data, texts, Options{OpenText: d.Text})
		if err != nil {
			return q, qrep, qpl, err
		}
		if qpl.Total == 0 {
			break // no annotation of another tool: the open text changes nothing
		}
		if qpl.Placed() > pl.Placed() || pl.Total == 0 {
			p, rep, pl = q, qrep, qpl
		}
		if pl.Placed() == pl.Total {
			break
		}
	}
	return p, rep, pl, nil
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
