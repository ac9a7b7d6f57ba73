package w3c

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"sayso/internal/annotation"
	"sayso/internal/text"
)

type collection struct {
	Context string `json:"@context"`
	ID      string `json:"id"`
	Type    string `json:"type"`
	Label   string `json:"label"`
	Total   int    `json:"total"`
	First   *page  `json:"first,omitempty"`
}

type page struct {
	ID         string `json:"id"`
	Type       string `json:"type"`
	StartIndex int    `json:"startIndex"`
	Items      []anno `json:"items"`
}

type anno struct {
	Context    string `json:"@context"`
	ID         string `json:"id"`
	Type       string `json:"type"`
	Motivation string `json:"motivation"`
	Created    string `json:"created,omitempty"`
	Modified   string `json:"modified,omitempty"`
	Creator    *agent `json:"creator,omitempty"`
	Body       []body `json:"body"`
	Target     any    `json:"target"` // a resource, or a list of them
}

type agent struct {
	Type string `json:"type"`
	Name string `json:"name"`
}

// body is a TextualBody (value) or a SpecificResource (source).
type body struct {
	Type    string `json:"type"`
	Purpose string `json:"purpose"`
	Value   string `json:"value,omitempty"`
	Format  string `json:"format,omitempty"`
	Source  string `json:"source,omitempty"`
}

type resource struct {
	Type     string `json:"type"`
	Source   string `json:"source"`
	Selector []any  `json:"selector"`
}

type quoteSelector struct {
	Type   string `json:"type"`
	Exact  string `json:"exact"`
	Prefix string `json:"prefix,omitempty"`
	Suffix string `json:"suffix,omitempty"`
}

type positionSelector struct {
	Type  string `json:"type"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Body purposes, one per Sayso field.
const (
	purposeLabel   = "tagging"
	purposeStance  = "classifying"
	purposeTarget  = "describing"
	purposeNote    = "commenting"
	purposeSpeaker = "identifying"
	purposeLink    = "linking"
)

// Export writes a project as one AnnotationCollection whose first page holds
// an Annotation per span annotation (see the package documentation).
func Export(p annotation.Project) ([]byte, error) {
	speakers := map[string]string{}
	for _, s := range p.Speakers {
		speakers[s.ID] = s.Name
	}
	docs := map[string]*text.Index{}
	sources := map[string]string{}
	var iris []string
	for _, d := range p.Documents {
		docs[d.ID], sources[d.ID] = text.NewIndex(d.Text), SourceIRI(d.Text)
		iris = append(iris, sources[d.ID])
	}
	c := collection{Context: Context, ID: exportPrefix + text.Hash(strings.Join(iris, " ")),
		Type: "AnnotationCollection", Label: "Sayso annotations"}
	items := make([]anno, 0, len(p.Annotations))
	for _, a := range p.Annotations {
		x, ok := docs[a.Document]
		if !ok {
			return nil, fmt.Errorf("W3C export: annotation %s belongs to document %q, which is not in the project", a.ID, a.Document)
		}
		target, err := targetOf(x, sources[a.Document], a.Fragments)
		if err != nil {
			return nil, fmt.Errorf("W3C export: annotation %s: %w", a.ID, err)
		}
		items = append(items, anno{
			Context:    Context,
			ID:         annoIRI(a.Document, a.ID),
			Type:       "Annotation",
			Motivation: motivation(a),
			Created:    timestamp(a.Created),
			Modified:   timestamp(a.Modified),
			Creator:    creator(a.Annotator, p.Annotator),
			Body:       bodies(a, speakers),
			Target:     target,
		})
	}
	c.Total = len(items)
	if len(items) > 0 {
		c.First = &page{ID: c.ID + ":page1", Type: "AnnotationPage", Items: items}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(c); err != nil {
		return nil, fmt.Errorf("W3C export: %w", err)
	}
	return buf.Bytes(), nil
}

// motivation is why the annotation was made: naming a speaker, judging a
// claim's stance, or tagging a span.
func motivation(a annotation.Annotation) string {
	switch {
	case a.Label == annotation.LabelSpeaker:
		return "identifying"
	case a.Label == annotation.LabelClaim && a.Stance != "":
		return "classifying"
	}
	return "tagging"
}

// timestamp keeps an RFC 3339 time, in UTC, and drops anything else: the
// model requires xsd:dateTime with a time zone.
func timestamp(s string) string {
	t, ok := parseTime(s)
	if !ok {
		return ""
	}
	return t
}

// parseTime reads an RFC 3339 time and writes it in UTC; the year must
// stay within 1–9999 in UTC, as xsd:dateTime's four digits allow.
func parseTime(s string) (string, bool) {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return "", false
	}
	if y := t.UTC().Year(); y < 1 || y > 9999 {
		return "", false
	}
	return t.UTC().Format(time.RFC3339), true
}

func creator(annotator, project string) *agent {
	if annotator == "" {
		annotator = project
	}
	if annotator == "" {
		return nil
	}
	return &agent{Type: "Person", Name: annotator}
}

// bodies lists an annotation's fields as bodies: the label, the stance,
// its target, the speaker's name, the links and the note.
func bodies(a annotation.Annotation, speakers map[string]string) []body {
	textual := func(purpose, value string) body {
		return body{Type: "TextualBody", Purpose: purpose, Value: value, Format: "text/plain"}
	}
	out := []body{textual(purposeLabel, a.Label)}
	if a.Stance != "" {
		out = append(out, textual(purposeStance, a.Stance))
	}
	if a.Target != "" {
		out = append(out, textual(purposeTarget, a.Target))
	}
	if name, ok := speakers[a.Speaker]; ok {
		if name != "" {
			out = append(out, textual(purposeSpeaker, name))
		}
		out = append(out, body{Type: "SpecificResource", Purpose: purposeSpeaker, Source: speakerPrefix + escape(a.Speaker)})
	}
	for _, link := range []string{a.SpeakerMention, a.Cue} {
		if link != "" {
			out = append(out, body{Type: "SpecificResource", Purpose: purposeLink, Source: annoIRI(a.Document, link)})
		}
	}
	if a.Note != "" {
		out = append(out, textual(purposeNote, a.Note))
	}
	return out
}

// targetOf is one SpecificResource per fragment, each with a quote and a
// position selector; a discontinuous annotation has one target per
// fragment, in reading order.
func targetOf(x *text.Index, src string, frags []text.Span) (any, error) {
	if len(frags) == 0 {
		return nil, fmt.Errorf("it has no fragment")
	}
	items := make([]resource, len(frags))
	for i, f := range frags {
		if f.Start < 0 || f.End > x.Len() || f.Start >= f.End {
			return nil, fmt.Errorf("the fragment %d–%d is not inside the %d-character text", f.Start, f.End, x.Len())
		}
		prefix, suffix := x.Context(f, annotation.ContextLength)
		items[i] = resource{Type: "SpecificResource", Source: src, Selector: []any{
			quoteSelector{Type: "TextQuoteSelector", Exact: x.Slice(f.Start, f.End), Prefix: prefix, Suffix: suffix},
			positionSelector{Type: "TextPositionSelector", Start: f.Start, End: f.End},
		}}
	}
	if len(items) == 1 {
		return items[0], nil
	}
	return items, nil
}
