package doccano_test

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/format/doccano"
	"sayso/internal/format/formattest"
)

// linksAndSpeakers is what doccano holds of an annotation besides its span.
var linksAndSpeakers = formattest.Fields{Speaker: true, Mention: true, Cue: true}

func roundTrip(t *testing.T, p annotation.Project, opts doccano.Options) (doccano.Result, annotation.Project) {
	t.Helper()
	res, err := doccano.Export(p, opts)
	require.NoError(t, err)
	got, rep, err := doccano.Import(res.Data)
	require.NoError(t, err)
	formattest.RequireLoads(t, got)
	assert.Empty(t, rep.Skipped, "a Sayso export imports without loss")
	assert.Equal(t, res.Report.Annotations, rep.Annotations)
	assert.Equal(t, res.Report.Links, rep.Links)
	return res, got
}

func TestRoundTripKeepsSpansLinksAndSpeakersInEitherUnit(t *testing.T) {
	for _, u := range []doccano.Unit{doccano.UnitAuto, doccano.UnitUTF16, doccano.UnitCodePoint} {
		t.Run(u.String(), func(t *testing.T) {
			p := formattest.Fixture(t)
			res, got := roundTrip(t, p, doccano.Options{Unit: u})
			assert.Equal(t, ".jsonl", res.Extension)
			assert.Equal(t, formattest.Canon(p, linksAndSpeakers), formattest.Canon(got, linksAndSpeakers))
		})
	}
}

type exported struct {
	Text     string `json:"text"`
	Entities []struct {
		ID          int    `json:"id"`
		Label       string `json:"label"`
		StartOffset int    `json:"start_offset"`
		EndOffset   int    `json:"end_offset"`
	} `json:"entities"`
	Relations []struct {
		FromID int    `json:"from_id"`
		ToID   int    `json:"to_id"`
		Type   string `json:"type"`
	} `json:"relations"`
	OffsetUnit string `json:"offset_unit"`
	DocumentID string `json:"document_id"`
}

func decode(t *testing.T, b []byte) []exported {
	t.Helper()
	var out []exported
	for _, l := range strings.Split(strings.TrimSuffix(string(b), "\n"), "\n") {
		var e exported
		require.NoError(t, json.Unmarshal([]byte(l), &e))
		out = append(out, e)
	}
	return out
}

func TestOffsetsAreUTF16UnitsByDefaultAndCodePointsOnRequest(t *testing.T) {
	p := formattest.Fixture(t)
	quotes := map[string]bool{}
	for _, a := range p.Annotations {
		for _, part := range strings.Split(a.Quote, annotation.QuoteJoiner) {
			quotes[part] = true
		}
	}
	tests := []struct {
		unit  doccano.Unit
		name  string
		slice func(s string, a, b int) string
	}{
		{doccano.UnitAuto, "utf-16", func(s string, a, b int) string { return string(utf16.Decode(utf16.Encode([]rune(s))[a:b])) }},
		{doccano.UnitCodePoint, "codepoint", func(s string, a, b int) string { return string([]rune(s)[a:b]) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := doccano.Export(p, doccano.Options{Unit: tt.unit})
			require.NoError(t, err)
			lines := decode(t, res.Data)
			require.Len(t, lines, 2)
			for _, l := range lines {
				assert.Equal(t, tt.name, l.OffsetUnit)
				for _, e := range l.Entities {
					assert.True(t, quotes[tt.slice(l.Text, e.StartOffset, e.EndOffset)], "entity %d slices to a quote", e.ID)
				}
			}
		})
	}
}

func TestExportWritesLinksFragmentsAndCoreferenceAsRelations(t *testing.T) {
	res, err := doccano.Export(formattest.Fixture(t), doccano.Options{})
	require.NoError(t, err)
	l := decode(t, res.Data)[0]
	label := map[int]string{}
	for _, e := range l.Entities {
		label[e.ID] = e.Label
	}
	var kinds []string
	for _, r := range l.Relations {
		kinds = append(kinds, r.Type+": "+label[r.FromID]+" → "+label[r.ToID])
	}
	assert.ElementsMatch(t, []string{
		"continues: claim → claim",
		"coreference: speaker → speaker",
		"speaker: claim → speaker", "speaker: claim → speaker", "speaker: claim → speaker",
		"cue: claim → cue", "cue: claim → cue",
	}, kinds)
	assert.Equal(t, "d1", l.DocumentID)
	report := strings.Join(res.Report.Skipped, "\n")
	assert.Contains(t, report, "the stance, target or note of 4 annotations was not exported")
}

func TestExportReportsWhatDoccanoCannotHold(t *testing.T) {
	s := annotation.New(annotation.DefaultSchema(), "", formattest.Clock)
	d, err := s.AddDocument("", "Ana spoke. The plan works.\n")
	require.NoError(t, err)
	ana := formattest.Add(t, s, d, annotation.LabelSpeaker, "Ana")
	c := formattest.Add(t, s, d, annotation.LabelClaim, "The plan works")
	a, _ := s.Annotation(ana)
	require.NoError(t, s.SetClaimSpeaker(c, a.Speaker))
	require.NoError(t, s.RenameSpeaker(a.Speaker, "Ana Lopes"))
	res, err := doccano.Export(s.Project(), doccano.Options{})
	require.NoError(t, err)
	report := strings.Join(res.Report.Skipped, "\n")
	assert.Contains(t, report, "1 claims are attributed to a speaker without a mention")
	assert.Contains(t, report, "1 speaker names differ from the longest of their mentions")
}

func TestImportDetectsTheOffsetUnit(t *testing.T) {
	const text = `🚀 Ana said yes`
	tests := []struct {
		name   string
		line   string
		opts   doccano.Options
		quote  string
		notice string
	}{
		{
			name:   "UTF-16 offsets, doccano's, without a stated unit",
			line:   `{"text": "` + text + `", "entities": [{"id": 1, "label": "claim", "start_offset": 12, "end_offset": 15}]}`,
			quote:  "yes",
			notice: "line 1: its text has characters outside the Basic Multilingual Plane, so its offsets were read as UTF-16 units",
		},
		{
			name:   "code-point offsets that split a surrogate pair as UTF-16",
			line:   `{"text": "` + text + `", "entities": [{"id": 1, "label": "claim", "start_offset": 1, "end_offset": 5}]}`,
			quote:  " Ana",
			notice: "line 1: its offsets only fit the text as code points",
		},
		{
			name:  "the unit the line states",
			line:  `{"text": "` + text + `", "entities": [{"id": 1, "label": "claim", "start_offset": 11, "end_offset": 14}], "offset_unit": "codepoint"}`,
			quote: "yes",
		},
		{
			name:  "the unit the caller states",
			line:  `{"text": "` + text + `", "entities": [{"id": 1, "label": "claim", "start_offset": 11, "end_offset": 14}]}`,
			opts:  doccano.Options{Unit: doccano.UnitCodePoint},
			quote: "yes",
		},
		{
			name:  "no emoji, no question",
			line:  `{"text": "Ana said yes", "entities": [{"id": 1, "label": "claim", "start_offset": 9, "end_offset": 12}]}`,
			quote: "yes",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, rep, err := doccano.ImportWith([]byte(tt.line), tt.opts)
			require.NoError(t, err)
			formattest.RequireLoads(t, p)
			require.Len(t, p.Annotations, 1)
			assert.Equal(t, tt.quote, p.Annotations[0].Quote)
			if tt.notice == "" {
				assert.Empty(t, rep.Skipped)
			} else {
				assert.Contains(t, strings.Join(rep.Skipped, "\n"), tt.notice)
			}
		})
	}
}

func TestImportReadsOlderShapesAndForeignRelations(t *testing.T) {
	tests := []struct {
		name   string
		file   string
		quotes []string
		links  int
		notice string
	}{
		{
			name:   "data and label triples",
			file:   `{"id": 3, "data": "Acme hires Danish chef", "label": [[0, 4, "ORG"], [11, 17, "MISC"]]}` + "\n",
			quotes: []string{"ORG: Acme", "MISC: Danish"},
		},
		{
			name:   "a JSON array",
			file:   `[{"text": "Ana said yes", "labels": [[0, 3, "Source"], [9, 12, "Content"]]}]`,
			quotes: []string{"speaker: Ana", "claim: yes"},
		},
		{
			name:   "a text classification example",
			file:   `{"text": "Ana said yes", "label": ["positive"]}`,
			notice: `line 1: its "label" is not a list of [start, end, label] spans`,
		},
		{
			name:   "relations of any type and direction between claims and speakers or cues",
			file:   `{"text": "Ana said yes", "entities": [{"id": 7, "label": "speaker", "start_offset": 0, "end_offset": 3}, {"id": 8, "label": "cue", "start_offset": 4, "end_offset": 8}, {"id": 9, "label": "claim", "start_offset": 9, "end_offset": 12}], "relations": [{"id": 1, "from_id": 7, "to_id": 9, "type": "said_by"}, {"id": 2, "from_id": 9, "to_id": 8, "type": "x"}]}`,
			quotes: []string{"speaker: Ana", "cue: said", "claim: yes"},
			links:  2,
		},
		{
			name:   "relations Sayso does not hold",
			file:   `{"text": "Ana said yes", "entities": [{"id": 7, "label": "speaker", "start_offset": 0, "end_offset": 3}, {"id": 8, "label": "cue", "start_offset": 4, "end_offset": 8}], "relations": [{"id": 1, "from_id": 7, "to_id": 8, "type": "uses"}, {"id": 2, "from_id": 7, "to_id": 99, "type": "x"}]}`,
			quotes: []string{"speaker: Ana", "cue: said"},
			notice: `line 1: the "uses" relation between a speaker and a cue is not one Sayso holds`,
		},
		{
			name:   "an entity outside the text",
			file:   `{"text": "Ana", "entities": [{"id": 1, "label": "claim", "start_offset": 0, "end_offset": 9}]}`,
			notice: "line 1: entity 1 (claim) at 0–9 does not fit the text of 3 characters",
		},
		{
			name:   "Windows line ends",
			file:   "{\"text\": \"One.\\r\\nAna said yes\", \"entities\": [{\"id\": 1, \"label\": \"speaker\", \"start_offset\": 6, \"end_offset\": 9}]}",
			quotes: []string{"speaker: Ana"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, rep, err := doccano.Import([]byte(tt.file))
			require.NoError(t, err)
			formattest.RequireLoads(t, p)
			var quotes []string
			for _, a := range p.Annotations {
				quotes = append(quotes, a.Label+": "+a.Quote)
			}
			assert.Equal(t, tt.quotes, quotes)
			assert.Equal(t, tt.links, rep.Links)
			if tt.notice != "" {
				assert.Contains(t, strings.Join(rep.Skipped, "\n"), tt.notice)
			}
		})
	}
}

func TestImportRefusesFilesThatAreNotDoccano(t *testing.T) {
	tests := []struct{ name, file, err string }{
		{"empty", "", "holds no doccano examples"},
		{"a line that is not JSON", "{\"text\": \"a\"}\nnot json\n", "line 2 is not a JSON object"},
		{"no text", `{"entities": []}`, `line 1 has no "text"`},
		{"a broken array", `[{"text": `, "neither JSON Lines nor a JSON list"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := doccano.Import([]byte(tt.file))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.err)
		})
	}
}
