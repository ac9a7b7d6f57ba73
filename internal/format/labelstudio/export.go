package labelstudio

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"

	"sayso/internal/annotation"
	"sayso/internal/format"
	"sayso/internal/text"
)

// Extension is the suggested ending of an exported file's name.
const Extension = ".json"

// The names the results and the configuration use.
const (
	fromLabel   = "label"
	fromStance  = "stance"
	fromTarget  = "target"
	fromNote    = "note"
	fromSpeaker = "speaker"
	toText      = "text"

	relSpeaker   = "speaker"
	relCue       = "cue"
	relContinues = "continues"
)

// Result is an export: the file's bytes, the suggested extension and what
// was written.
type Result struct {
	Data      []byte
	Extension string
	// Report counts the documents, annotations and links written; its
	// Skipped list names what the format could not hold.
	Report format.Report
}

type task struct {
	Data        taskData         `json:"data"`
	Annotations []taskAnnotation `json:"annotations,omitempty"`
	Predictions []taskPrediction `json:"predictions,omitempty"`
	Meta        taskMeta         `json:"meta"`
}

// PredictionModel is the model_version of the predictions Sayso writes:
// its own suggestions (internal/suggest).
const PredictionModel = "sayso-suggest"

type taskPrediction struct {
	ModelVersion string   `json:"model_version"`
	Result       []result `json:"result"`
}

type taskData struct {
	Text       string `json:"text"`
	Title      string `json:"title"`
	DocumentID string `json:"document_id"`
	Topic      string `json:"topic"`
}

type taskMeta struct {
	OffsetUnit string `json:"offset_unit"`
	Generator  string `json:"generator"`
	Annotator  string `json:"annotator,omitempty"`
}

type taskAnnotation struct {
	Result []result `json:"result"`
}

type result struct {
	ID        string   `json:"id,omitempty"`
	FromName  string   `json:"from_name,omitempty"`
	ToName    string   `json:"to_name,omitempty"`
	Type      string   `json:"type"`
	Value     *value   `json:"value,omitempty"`
	FromID    string   `json:"from_id,omitempty"`
	ToID      string   `json:"to_id,omitempty"`
	Direction string   `json:"direction,omitempty"`
	Labels    []string `json:"labels,omitempty"`
}

type value struct {
	Start   int      `json:"start"`
	End     int      `json:"end"`
	Text    any      `json:"text"` // the region's text; a list for a text area
	Labels  []string `json:"labels,omitempty"`
	Choices []string `json:"choices,omitempty"`
}

// Export writes one Label Studio task per document of p.
func Export(p annotation.Project) (Result, error) {
	return ExportPredicted(p, annotation.Project{})
}

// ExportPredicted is Export with the annotations and speakers of
// predictions written as each task's predictions. They are not counted
// in the report, which is about the annotations.
func ExportPredicted(p annotation.Project, predictions annotation.Project) (Result, error) {
	var rep format.Report
	names := p.SpeakerNames()
	byDoc := p.ByDocument()
	predNames, predByDoc := predictions.SpeakerNames(), predictions.ByDocument()
	tasks := make([]task, 0, len(p.Documents))
	for _, d := range p.Documents {
		t := task{
			Data: taskData{Text: d.Text, Title: d.Title, DocumentID: d.ID, Topic: d.Topic},
			Meta: taskMeta{OffsetUnit: "codepoint", Generator: "Sayso", Annotator: p.Annotator},
		}
		if rs := results(d, byDoc[d.ID], names, &rep); len(rs) > 0 {
			t.Annotations = []taskAnnotation{{Result: rs}}
		}
		var scratch format.Report
		if rs := results(d, predByDoc[d.ID], predNames, &scratch); len(rs) > 0 {
			t.Predictions = []taskPrediction{{ModelVersion: PredictionModel, Result: rs}}
		}
		tasks = append(tasks, t)
		rep.Documents++
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(tasks); err != nil {
		return Result{}, fmt.Errorf("label studio: %w", err)
	}
	return Result{Data: buf.Bytes(), Extension: Extension, Report: rep}, nil
}

// regionID is the id of fragment k of an annotation.
func regionID(a *annotation.Annotation, k int) string {
	if k == 0 {
		return a.ID
	}
	return a.ID + "-" + strconv.Itoa(k+1)
}

// results returns the results of a document's annotations: regions with
// their per-region results, then relations.
func results(d annotation.Document, anns []*annotation.Annotation, names map[string]string, rep *format.Report) []result {
	x := text.NewIndex(d.Text)
	present := map[string]bool{}
	for _, a := range anns {
		present[a.ID] = true
	}
	var regions, relations []result
	for _, a := range anns {
		for k, f := range a.Fragments {
			v := &value{Start: f.Start, End: f.End, Text: x.Slice(f.Start, f.End), Labels: []string{a.Label}}
			regions = append(regions, result{ID: regionID(a, k), FromName: fromLabel, ToName: toText, Type: "labels", Value: v})
			if k > 0 {
				relations = append(relations, relation(regionID(a, k-1), regionID(a, k), relContinues))
			}
		}
		rep.Annotations++
		if len(a.Fragments) == 0 {
			continue
		}
		first := a.Fragments[0]
		at := func() value { return value{Start: first.Start, End: first.End} }
		if a.Stance != "" && a.Label == annotation.LabelClaim {
			v := at()
			v.Text, v.Choices = x.Slice(first.Start, first.End), []string{a.Stance}
			regions = append(regions, result{ID: a.ID, FromName: fromStance, ToName: toText, Type: "choices", Value: &v})
		}
		textArea := func(name, s string) {
			v := at()
			v.Text = []string{s}
			regions = append(regions, result{ID: a.ID, FromName: name, ToName: toText, Type: "textarea", Value: &v})
		}
		if a.Label == annotation.LabelClaim {
			textArea(fromTarget, a.Target) // even empty: else the import would take the topic
		}
		if a.Note != "" {
			textArea(fromNote, a.Note)
		}
		if n := names[a.Speaker]; n != "" && a.Label == annotation.LabelSpeaker {
			textArea(fromSpeaker, n)
		}
		if n := names[a.Speaker]; n != "" && a.Label == annotation.LabelClaim && !present[a.SpeakerMention] {
			textArea(fromSpeaker, n) // attributed without a mention
			rep.Links++
		}
		if a.Label == annotation.LabelClaim && present[a.SpeakerMention] {
			relations = append(relations, relation(a.ID, a.SpeakerMention, relSpeaker))
			rep.Links++
		}
		if a.Label == annotation.LabelClaim && present[a.Cue] {
			relations = append(relations, relation(a.ID, a.Cue, relCue))
			rep.Links++
		}
	}
	return append(regions, relations...)
}

func relation(from, to, label string) result {
	return result{FromID: from, ToID: to, Type: "relation", Direction: "right", Labels: []string{label}}
}
