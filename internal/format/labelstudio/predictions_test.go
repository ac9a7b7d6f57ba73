package labelstudio_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/format/formattest"
	"sayso/internal/format/labelstudio"
)

// predictedProject is a project with one checked claim and predictions of
// another claim, its cue and its speaker mention, linked.
func predictedProject(t *testing.T) (annotation.Project, annotation.Project) {
	t.Helper()
	s := annotation.New(annotation.DefaultSchema(), "Ana", formattest.Clock)
	d, err := s.AddDocument("T", "Ana said yes. Bo said that the port will close.\n")
	require.NoError(t, err)
	formattest.Add(t, s, d, annotation.LabelClaim, "yes")
	p := s.Project()

	ps := annotation.New(annotation.DefaultSchema(), "", formattest.Clock)
	pd, err := ps.AddDocument("T", p.Documents[0].Text)
	require.NoError(t, err)
	m := formattest.Add(t, ps, pd, annotation.LabelSpeaker, "Bo")
	q := formattest.Add(t, ps, pd, annotation.LabelCue, "said that")
	c := formattest.Add(t, ps, pd, annotation.LabelClaim, "the port will close")
	require.NoError(t, ps.LinkMention(c, m))
	require.NoError(t, ps.LinkCue(c, q))
	pred := ps.Project()
	for i := range pred.Annotations {
		pred.Annotations[i].Document = d
	}
	return p, pred
}

type predictedTask struct {
	Annotations []struct {
		Result []map[string]any `json:"result"`
	} `json:"annotations"`
	Predictions []struct {
		ModelVersion string           `json:"model_version"`
		Result       []map[string]any `json:"result"`
	} `json:"predictions"`
}

func TestPredictionsAreWrittenApartFromTheAnnotations(t *testing.T) {
	p, pred := predictedProject(t)
	tests := []struct {
		name      string
		pred      annotation.Project
		withPreds bool
	}{
		{name: "without predictions: as Export", pred: annotation.Project{}},
		{name: "with predictions: three regions and two relations", pred: pred, withPreds: true},
	}
	plain, err := labelstudio.Export(p)
	require.NoError(t, err)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := labelstudio.ExportPredicted(p, tt.pred)
			require.NoError(t, err)
			assert.Equal(t, plain.Report, res.Report, "predictions are not counted as annotations")
			var tasks []predictedTask
			require.NoError(t, json.Unmarshal(res.Data, &tasks))
			require.Len(t, tasks, 1)
			require.Len(t, tasks[0].Annotations, 1)
			assert.Len(t, tasks[0].Annotations[0].Result, 2, "the checked claim and its target")
			if !tt.withPreds {
				assert.Empty(t, tasks[0].Predictions)
				assert.Equal(t, string(plain.Data), string(res.Data))
				return
			}
			require.Len(t, tasks[0].Predictions, 1)
			got := tasks[0].Predictions[0]
			assert.Equal(t, labelstudio.PredictionModel, got.ModelVersion)
			kinds := map[string]int{}
			for _, r := range got.Result {
				kinds[r["type"].(string)]++
			}
			// claim, cue, mention regions; the claim's target and the
			// mention's speaker name text areas; two relations.
			assert.Equal(t, map[string]int{"labels": 3, "textarea": 2, "relation": 2}, kinds)

			// Opened again, the task's annotations are what Sayso reads.
			back, _, err := labelstudio.Import(res.Data)
			require.NoError(t, err)
			require.Len(t, back.Annotations, 1)
			assert.Equal(t, "yes", back.Annotations[0].Quote)
		})
	}
}

func TestSaysosOwnPredictionsAreNeverReadAsAnnotations(t *testing.T) {
	p, pred := predictedProject(t)
	p.Annotations = nil // a task with predictions only
	res, err := labelstudio.ExportPredicted(p, pred)
	require.NoError(t, err)
	back, rep, err := labelstudio.Import(res.Data)
	require.NoError(t, err)
	assert.Empty(t, back.Annotations)
	require.Len(t, rep.Skipped, 1)
	assert.Contains(t, rep.Skipped[0], "only Sayso's suggestions")

	// Another model's predictions are still read when there is nothing else.
	other := []byte(`{"data": {"text": "Ana said yes"}, "predictions": [{"model_version": "v2", "result": [{"id": "x", "type": "labels", "value": {"start": 0, "end": 3, "labels": ["speaker"]}}]}]}`)
	back, _, err = labelstudio.Import(other)
	require.NoError(t, err)
	assert.Len(t, back.Annotations, 1)
}
