package labelstudio

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	"sayso/internal/annotation"
	"sayso/internal/format"
	"sayso/internal/format/importkit"
)

// MaxFileSize is the largest input Import accepts, in bytes.
const MaxFileSize = 64 << 20

// Import reads Label Studio tasks (see the package documentation) into a
// new project with the default schema, plus the labels and stance values
// the file uses that it lacks. The report lists what could not be mapped;
// the error is for a file that is not Label Studio JSON at all.
func Import(b []byte) (annotation.Project, format.Report, error) {
	var rep format.Report
	if len(b) > MaxFileSize {
		return annotation.Project{}, rep, fmt.Errorf("the file is %d MB; Label Studio files up to %d MB can be opened", len(b)>>20, MaxFileSize>>20)
	}
	tasks, err := decodeTasks(b)
	if err != nil {
		return annotation.Project{}, rep, err
	}
	var d importkit.Draft
	d.EntityNames = map[string]string{}
	for i, raw := range tasks {
		dd, annotator, ok := readTask(raw, i+1, d.EntityNames, &rep)
		if !ok {
			continue
		}
		if d.Annotator == "" {
			d.Annotator = annotator
		}
		d.Docs = append(d.Docs, dd)
	}
	p, err := importkit.Build(d, &rep)
	if err != nil {
		return annotation.Project{}, rep, fmt.Errorf("label studio: %w", err)
	}
	return p, rep, nil
}

// decodeTasks reads a JSON array of tasks or a single task.
func decodeTasks(b []byte) ([]map[string]json.RawMessage, error) {
	b = bytes.TrimPrefix(bytes.TrimSpace(b), []byte("\uFEFF"))
	var tasks []map[string]json.RawMessage
	if len(b) > 0 && b[0] == '{' {
		var one map[string]json.RawMessage
		if err := json.Unmarshal(b, &one); err != nil {
			return nil, fmt.Errorf("the file is not valid JSON: %w", err)
		}
		tasks = append(tasks, one)
	} else if err := json.Unmarshal(b, &tasks); err != nil {
		return nil, fmt.Errorf("the file is not a list of Label Studio tasks: %w", err)
	}
	for i, t := range tasks {
		if t == nil || t["data"] == nil {
			return nil, fmt.Errorf("item %d of the file has no \"data\": it is not a Label Studio task", i+1)
		}
	}
	if len(tasks) == 0 {
		return nil, errors.New("the file holds no Label Studio tasks")
	}
	return tasks, nil
}

// readTask reads one task into a importkit.Draft document.
func readTask(raw map[string]json.RawMessage, n int, entities map[string]string, rep *format.Report) (importkit.Doc, string, bool) {
	what := fmt.Sprintf("task %d", n)
	var id any
	if json.Unmarshal(raw["id"], &id) == nil && id != nil {
		what = fmt.Sprintf("task %v", id)
	}
	var data map[string]any
	if err := json.Unmarshal(raw["data"], &data); err != nil {
		rep.Skip("%s: its data is not an object, so it was not imported", what)
		return importkit.Doc{}, "", false
	}
	body, ok := taskText(data, what, rep)
	if !ok {
		return importkit.Doc{}, "", false
	}
	dd := importkit.Doc{What: what}
	dd.Title, _ = data["title"].(string)
	if topic, ok := data["topic"].(string); ok {
		dd.Topic = &topic
	}
	var meta struct {
		Annotator string `json:"annotator"`
	}
	_ = json.Unmarshal(raw["meta"], &meta) // meta is optional

	norm, idx := importkit.Normalize(body)
	dd.Text = norm
	results := chooseResults(raw, what, rep)
	regions := readRegions(results, body, what, rep)
	dd.Spans = spansOf(regions, results, idx, what, entities, rep)
	return dd, meta.Annotator, true
}

// taskText finds the text of a task: data.text, or the only string field.
func taskText(data map[string]any, what string, rep *format.Report) (string, bool) {
	if s, ok := data["text"].(string); ok {
		return s, true
	}
	var keys []string
	for k, v := range data {
		if _, ok := v.(string); ok {
			keys = append(keys, k)
		}
	}
	if len(keys) == 1 {
		rep.Skip("%s has no data.text, so its field %q was taken as the text", what, keys[0])
		return data[keys[0]].(string), true
	}
	rep.Skip("%s has no data.text (and not exactly one text field to take instead), so it was not imported", what)
	return "", false
}

// chooseResults returns the results of the task's first annotation that
// was not cancelled, or of its first prediction unless that is Sayso's own
// suggestions.
func chooseResults(raw map[string]json.RawMessage, what string, rep *format.Report) []json.RawMessage {
	type ann struct {
		Result       []json.RawMessage `json:"result"`
		WasCancelled bool              `json:"was_cancelled"`
		ModelVersion any               `json:"model_version"`
	}
	var anns, preds []ann
	key := "annotations"
	if raw[key] == nil {
		key = "completions" // Label Studio before 1.0
	}
	if err := json.Unmarshal(raw[key], &anns); raw[key] != nil && err != nil {
		rep.Skip("%s: its %s are not a list of annotations, so they were not imported", what, key)
	}
	if err := json.Unmarshal(raw["predictions"], &preds); raw["predictions"] != nil && err != nil {
		rep.Skip("%s: its predictions are not a list, so they were not imported", what)
	}
	for i, a := range anns {
		if a.WasCancelled {
			continue
		}
		if rest := len(anns) - i - 1; rest > 0 {
			rep.Skip("%s: %d more annotations were not imported; Sayso holds one annotator's work per document", what, rest)
		}
		return a.Result
	}
	if len(preds) > 0 && preds[0].ModelVersion == PredictionModel {
		// Sayso's own suggestions: no person checked them, so they are
		// never read as annotations (nor counted by Compare).
		rep.Skip("%s has only Sayso's suggestions (predictions), which are not annotations, so nothing was imported", what)
		return nil
	}
	if len(preds) > 0 {
		rep.Skip("%s has no annotation, so its first prediction (model %v) was imported", what, preds[0].ModelVersion)
		return preds[0].Result
	}
	return nil
}
