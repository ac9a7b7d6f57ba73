package labelstudio_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/format/formattest"
	"sayso/internal/format/labelstudio"
	"sayso/internal/text"
)

// everything is what Label Studio tasks hold of an annotation.
var everything = formattest.Fields{Stance: true, Target: true, Note: true, Speaker: true, Mention: true, Cue: true}

func roundTrip(t *testing.T, p annotation.Project) (labelstudio.Result, annotation.Project) {
	t.Helper()
	res, err := labelstudio.Export(p)
	require.NoError(t, err)
	got, rep, err := labelstudio.Import(res.Data)
	require.NoError(t, err)
	formattest.RequireLoads(t, got)
	assert.Empty(t, rep.Skipped, "a Sayso export imports without loss")
	assert.Equal(t, res.Report.Annotations, rep.Annotations)
	assert.Equal(t, res.Report.Links, rep.Links)
	return res, got
}

func TestRoundTripKeepsEveryField(t *testing.T) {
	p := formattest.Fixture(t)
	res, got := roundTrip(t, p)
	assert.Equal(t, ".json", res.Extension)
	assert.Equal(t, formattest.Canon(p, everything), formattest.Canon(got, everything))
	assert.Equal(t, "Ana", got.Annotator)
}

func TestClaimAttributedToASpeakerWithoutAMentionKeepsIt(t *testing.T) {
	s := annotation.New(annotation.DefaultSchema(), "", formattest.Clock)
	d, err := s.AddDocument("", "Ana spoke. Later the plan was approved.\n")
	require.NoError(t, err)
	ana := formattest.Add(t, s, d, annotation.LabelSpeaker, "Ana")
	c := formattest.Add(t, s, d, annotation.LabelClaim, "the plan was approved")
	sp, _ := s.Annotation(ana)
	require.NoError(t, s.SetClaimSpeaker(c, sp.Speaker))
	p := s.Project()
	_, got := roundTrip(t, p)
	assert.Equal(t, formattest.Canon(p, everything), formattest.Canon(got, everything))
}

// resultsOf decodes the results of the first task's annotation.
func resultsOf(t *testing.T, b []byte) []map[string]any {
	t.Helper()
	var tasks []struct {
		Data        map[string]any `json:"data"`
		Annotations []struct {
			Result []map[string]any `json:"result"`
		} `json:"annotations"`
	}
	require.NoError(t, json.Unmarshal(b, &tasks))
	require.NotEmpty(t, tasks)
	require.Len(t, tasks[0].Annotations, 1)
	return tasks[0].Annotations[0].Result
}

func TestExportWritesRegionsPerRegionResultsAndRelations(t *testing.T) {
	s := annotation.New(annotation.DefaultSchema(), "", formattest.Clock)
	d, err := s.AddDocument("T", "🚀 Ana said: go now, really go.\n")
	require.NoError(t, err)
	ana := formattest.Add(t, s, d, annotation.LabelSpeaker, "Ana")
	said := formattest.Add(t, s, d, annotation.LabelCue, "said")
	c, err := s.Add(d, annotation.LabelClaim, []text.Span{{Start: 12, End: 18}, {Start: 27, End: 29}})
	require.NoError(t, err)
	require.NoError(t, s.LinkMention(c, ana))
	require.NoError(t, s.LinkCue(c, said))
	require.NoError(t, s.SetStance(c, "against"))
	res, err := labelstudio.Export(s.Project())
	require.NoError(t, err)
	got := resultsOf(t, res.Data)

	byKey := map[string]map[string]any{}
	for _, r := range got {
		key, _ := r["from_name"].(string)
		if r["type"] == "relation" {
			key = "relation " + r["labels"].([]any)[0].(string)
		}
		byKey[key+" "+str(r["id"])] = r
	}
	region := byKey["label a3"]
	require.NotNil(t, region)
	assert.Equal(t, map[string]any{"start": 12.0, "end": 18.0, "text": "go now", "labels": []any{"claim"}}, region["value"])
	assert.Equal(t, "text", region["to_name"])
	assert.Equal(t, "labels", region["type"])
	second := byKey["label a3-2"]
	require.NotNil(t, second)
	assert.Equal(t, "go", second["value"].(map[string]any)["text"])
	stance := byKey["stance a3"]
	require.NotNil(t, stance, "the stance is a choices result on the claim's region")
	assert.Equal(t, []any{"against"}, stance["value"].(map[string]any)["choices"])
	assert.Equal(t, "choices", stance["type"])
	target := byKey["target a3"]
	require.NotNil(t, target)
	assert.Equal(t, []any{"T"}, target["value"].(map[string]any)["text"])
	assert.NotNil(t, byKey["speaker a1"], "the mention names its speaker")
	for key, want := range map[string][2]string{
		"relation speaker ":   {"a3", "a1"},
		"relation cue ":       {"a3", "a2"},
		"relation continues ": {"a3", "a3-2"},
	} {
		r := byKey[key]
		require.NotNil(t, r, key)
		assert.Equal(t, want[0], r["from_id"])
		assert.Equal(t, want[1], r["to_id"])
		assert.Equal(t, "right", r["direction"])
	}
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

func TestEmojiOffsetsAreCodePoints(t *testing.T) {
	res, err := labelstudio.Export(formattest.Fixture(t))
	require.NoError(t, err)
	for _, r := range resultsOf(t, res.Data) {
		if r["type"] != "labels" {
			continue
		}
		v := r["value"].(map[string]any)
		text := []rune(formattest.LatinText)
		assert.Equal(t, v["text"], string(text[int(v["start"].(float64)):int(v["end"].(float64))]))
	}
}

func TestImportConvertsOldUTF16OffsetsAndSkipsRegionsThatDoNotFit(t *testing.T) {
	const task = `[{"id": 7, "data": {"text": "🚀 Ana said yes 👍🏽 ok"}, "annotations": [{"result": [
		{"id": "cp", "from_name": "label", "to_name": "text", "type": "labels", "value": {"start": 2, "end": 5, "text": "Ana", "labels": ["Speaker"]}},
		{"id": "u16", "from_name": "label", "to_name": "text", "type": "labels", "value": {"start": 12, "end": 15, "text": "yes", "labels": ["Claim"]}},
		{"id": "bad", "from_name": "label", "to_name": "text", "type": "labels", "value": {"start": 0, "end": 3, "text": "nope", "labels": ["Cue"]}},
		{"id": "notext", "from_name": "label", "to_name": "text", "type": "labels", "value": {"start": 18, "end": 20, "labels": ["Claim"]}}
	]}]}]`
	p, rep, err := labelstudio.Import([]byte(task))
	require.NoError(t, err)
	formattest.RequireLoads(t, p)
	var quotes []string
	for _, a := range p.Annotations {
		quotes = append(quotes, a.Label+": "+a.Quote)
	}
	assert.Equal(t, []string{"speaker: Ana", "claim: yes", "claim: ok"}, quotes)
	report := strings.Join(rep.Skipped, "\n")
	assert.Contains(t, report, "task 7: some offsets count UTF-16 units, as older Label Studio versions wrote them; they were converted to code points")
	assert.Contains(t, report, `task 7: region "bad" (Cue) does not fit the text at 0–3 (its text is "nope"), so it was not imported`)
}

func TestImportToleratesTheShapesLabelStudioWrites(t *testing.T) {
	tests := []struct {
		name   string
		file   string
		quotes []string
		notice string
	}{
		{
			name:   "a single task object with predictions only",
			file:   `{"data": {"text": "Ana said yes"}, "predictions": [{"model_version": "v2", "result": [{"id": "x", "from_name": "label", "to_name": "text", "type": "labels", "value": {"start": 0, "end": 3, "labels": ["PER"]}}]}]}`,
			quotes: []string{"PER: Ana"},
			notice: "task 1 has no annotation, so its first prediction (model v2) was imported",
		},
		{
			name:   "completions of Label Studio before 1.0",
			file:   `[{"data": {"text": "Ana said yes"}, "completions": [{"result": [{"id": 1, "from_name": "l", "to_name": "text", "type": "labels", "value": {"start": 9, "end": 12, "labels": ["claim"]}}]}]}]`,
			quotes: []string{"claim: yes"},
		},
		{
			name: "a cancelled annotation and one more",
			file: `[{"data": {"text": "Ana said yes"}, "annotations": [
				{"was_cancelled": true, "result": [{"id": "a", "type": "labels", "value": {"start": 0, "end": 3, "labels": ["speaker"]}}]},
				{"result": [{"id": "b", "type": "labels", "value": {"start": 4, "end": 8, "labels": ["cue"]}}]},
				{"result": []}]}]`,
			quotes: []string{"cue: said"},
			notice: "task 1: 1 more annotations were not imported",
		},
		{
			name:   "the text in another field",
			file:   `[{"data": {"sentence": "Ana said yes", "n": 3}, "annotations": [{"result": [{"id": "a", "type": "labels", "value": {"start": 0, "end": 3, "labels": ["speaker"]}}]}]}]`,
			quotes: []string{"speaker: Ana"},
			notice: `task 1 has no data.text, so its field "sentence" was taken as the text`,
		},
		{
			name:   "results Sayso does not read",
			file:   `[{"data": {"text": "Ana said yes"}, "annotations": [{"result": [{"id": "r", "type": "rating", "value": {"rating": 3}}, {"id": "c", "from_name": "sentiment", "type": "choices", "value": {"choices": ["pos"]}}]}]}]`,
			notice: `task 1: 1 results of type "rating" were not imported`,
		},
		{
			name:   "task-level choices",
			file:   `[{"data": {"text": "Ana said yes"}, "annotations": [{"result": [{"id": "c", "from_name": "sentiment", "type": "choices", "value": {"choices": ["pos"]}}]}]}]`,
			notice: `task 1: the choices "sentiment" is not tied to a region`,
		},
		{
			name: "relations between other labels and in reverse",
			file: `[{"data": {"text": "Ana said yes"}, "annotations": [{"result": [
				{"id": "s", "type": "labels", "value": {"start": 0, "end": 3, "labels": ["speaker"]}},
				{"id": "q", "type": "labels", "value": {"start": 4, "end": 8, "labels": ["cue"]}},
				{"id": "c", "type": "labels", "value": {"start": 9, "end": 12, "labels": ["claim"]}},
				{"type": "relation", "from_id": "s", "to_id": "c", "labels": []},
				{"type": "relation", "from_id": "s", "to_id": "q", "labels": ["said"]},
				{"type": "relation", "from_id": "c", "to_id": "gone", "labels": []}]}]}]`,
			quotes: []string{"speaker: Ana", "cue: said", "claim: yes"},
			notice: `task 1: the relation [said] from a speaker ("s") to a cue ("q") is not one Sayso holds`,
		},
		{
			name:   "Windows line ends",
			file:   "[{\"data\": {\"text\": \"One.\\r\\nAna said yes\"}, \"annotations\": [{\"result\": [{\"id\": \"s\", \"type\": \"labels\", \"value\": {\"start\": 6, \"end\": 9, \"text\": \"Ana\", \"labels\": [\"speaker\"]}}]}]}]",
			quotes: []string{"speaker: Ana"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, rep, err := labelstudio.Import([]byte(tt.file))
			require.NoError(t, err)
			formattest.RequireLoads(t, p)
			var quotes []string
			for _, a := range p.Annotations {
				quotes = append(quotes, a.Label+": "+a.Quote)
			}
			assert.Equal(t, tt.quotes, quotes)
			if tt.notice != "" {
				assert.Contains(t, strings.Join(rep.Skipped, "\n"), tt.notice)
			}
		})
	}
}

func TestImportLinksClaimsWhateverTheRelationDirection(t *testing.T) {
	const file = `[{"data": {"text": "Ana said yes"}, "annotations": [{"result": [
		{"id": "s", "type": "labels", "value": {"start": 0, "end": 3, "labels": ["speaker"]}},
		{"id": "c", "type": "labels", "value": {"start": 9, "end": 12, "labels": ["claim"]}},
		{"type": "relation", "from_id": "s", "to_id": "c", "direction": "left"}]}]}]`
	p, rep, err := labelstudio.Import([]byte(file))
	require.NoError(t, err)
	assert.Equal(t, 1, rep.Links)
	for _, a := range p.Annotations {
		if a.Label == annotation.LabelClaim {
			assert.NotEmpty(t, a.SpeakerMention)
			assert.NotEmpty(t, a.Speaker)
		}
	}
}

func TestImportRefusesFilesThatAreNotTasks(t *testing.T) {
	tests := []struct{ name, file, err string }{
		{"empty", "", "not a list of Label Studio tasks"},
		{"not JSON", "T1\tClaim 0 3\tAna", "not a list of Label Studio tasks"},
		{"no data", `[{"text": "x"}]`, `item 1 of the file has no "data"`},
		{"empty list", `[]`, "holds no Label Studio tasks"},
		{"a broken object", `{"data": `, "not valid JSON"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := labelstudio.Import([]byte(tt.file))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.err)
		})
	}
}

func TestImportAddsUnknownLabelsAndStancesToTheSchema(t *testing.T) {
	const file = `[{"data": {"text": "Paris is nice"}, "annotations": [{"result": [
		{"id": "l", "type": "labels", "value": {"start": 0, "end": 5, "labels": ["LOC"]}},
		{"id": "c", "type": "labels", "value": {"start": 6, "end": 13, "labels": ["claim"]}},
		{"id": "c", "from_name": "stance", "type": "choices", "value": {"start": 6, "end": 13, "choices": ["sceptical"]}}]}]}]`
	p, _, err := labelstudio.Import([]byte(file))
	require.NoError(t, err)
	formattest.RequireLoads(t, p)
	_, ok := p.Schema.Label("LOC")
	assert.True(t, ok)
	assert.True(t, p.Schema.HasStance("sceptical"))
}
