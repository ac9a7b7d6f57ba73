package citron_test

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/format/citron"
	"sayso/internal/format/formattest"
	"sayso/internal/text"
)

// quotesOnly removes what Citron cannot hold: claims without a cue, and
// cues no remaining claim links to.
func quotesOnly(p annotation.Project) annotation.Project {
	used := map[string]bool{}
	for _, a := range p.Annotations {
		if a.Label == annotation.LabelClaim {
			used[a.Cue] = true
		}
	}
	var keep []annotation.Annotation
	for _, a := range p.Annotations {
		switch {
		case a.Label == annotation.LabelClaim && a.Cue == "":
		case a.Label == annotation.LabelCue && !used[a.ID]:
		default:
			keep = append(keep, a)
		}
	}
	p.Annotations = keep
	return p
}

var quoteFields = formattest.Fields{Speaker: true, Mention: true, Cue: true}

func importOK(t *testing.T, b []byte) (annotation.Project, []string) {
	t.Helper()
	p, rep, err := citron.Import(b)
	require.NoError(t, err)
	formattest.RequireLoads(t, p)
	return p, rep.Skipped
}

func TestRoundTripKeepsQuotesAndSpeakers(t *testing.T) {
	p := formattest.Fixture(t)
	res, err := citron.Export(p)
	require.NoError(t, err)
	assert.Equal(t, ".zip", res.Extension, "two documents are a zip archive")
	got, skipped := importOK(t, res.Data)
	assert.Empty(t, skipped)
	assert.Equal(t, formattest.Canon(quotesOnly(p), quoteFields), formattest.Canon(got, quoteFields))
	report := strings.Join(res.Report.Skipped, "\n")
	assert.Contains(t, report, "claim a8 “delays are possible.” has no cue, and a Citron quote needs one: not exported")
	assert.Contains(t, report, "claim a12 “🇯🇵” has no cue")
	assert.Contains(t, report, "the stance, target or note of 4 annotations was not exported")
}

func TestOneDocumentIsOneJSONFileLikeCitronsExample(t *testing.T) {
	s := annotation.New(annotation.DefaultSchema(), "", formattest.Clock)
	const body = "“Plans change,” the minister said, “and so do we.” Later he left.\n"
	d, err := s.AddDocument("Plans", body)
	require.NoError(t, err)
	minister := formattest.Add(t, s, d, annotation.LabelSpeaker, "the minister")
	said := formattest.Add(t, s, d, annotation.LabelCue, "said")
	claim := formattest.Add(t, s, d, annotation.LabelClaim, "“Plans change,”", "“and so do we.”")
	_, err = s.Add(d, annotation.LabelSpeaker, []text.Span{{Start: 57, End: 59}}) // "he"
	require.NoError(t, err)
	require.NoError(t, s.LinkMention(claim, minister))
	require.NoError(t, s.LinkCue(claim, said))
	res, err := citron.Export(s.Project())
	require.NoError(t, err)
	assert.Equal(t, ".json", res.Extension)

	var doc map[string]any
	require.NoError(t, json.Unmarshal(res.Data, &doc))
	assert.Equal(t, body, doc["text"])
	assert.Equal(t, "codepoint", doc["offset_unit"])
	quotes := doc["quotes"].([]any)
	require.Len(t, quotes, 1)
	q := quotes[0].(map[string]any)
	span := func(s, e float64, text string) map[string]any {
		return map[string]any{"start": s, "end": e, "text": text}
	}
	assert.Equal(t, span(29, 33, "said"), q["cue"])
	assert.Equal(t, []any{span(16, 28, "the minister")}, q["sources"])
	assert.Equal(t, []any{span(0, 15, "“Plans change,”"), span(35, 50, "“and so do we.”")}, q["contents"])
	assert.Equal(t, "a3", q["id"])
	assert.Equal(t, []any{[]any{span(16, 28, "the minister"), span(57, 59, "he")}}, doc["coreference_groups"], "the pronoun is the minister's")

	got, skipped := importOK(t, res.Data)
	assert.Empty(t, skipped)
	assert.Equal(t, formattest.Canon(s.Project(), quoteFields), formattest.Canon(got, quoteFields))
}

func TestImportReadsCitronsShapes(t *testing.T) {
	const text = `"Fine," she said. Ana agreed: "yes." 🚀 Then Ana said "go."`
	quote := `{"cue": {"start": 12, "end": 16, "text": "said"}, "sources": [{"start": 8, "end": 11, "text": "she"}], "contents": [{"start": 0, "end": 7, "text": "\"Fine,\""}], "coreferences": [{"start": 18, "end": 21, "text": "Ana"}], "confidence": "0.9132"}`
	tests := []struct {
		name   string
		file   []byte
		quotes []string
		notice string
	}{
		{
			name:   "an object with coreferences and a confidence",
			file:   []byte(`{"text": ` + jsonString(text) + `, "quotes": [` + quote + `]}`),
			quotes: []string{"claim: \"Fine,\" | she | said", "speaker: she", "cue: said", "speaker: Ana"},
			notice: "the document: the confidence scores of 1 quotes were not kept",
		},
		{
			name: "a list with a shared cue and coreference groups",
			file: []byte(`[{"text": ` + jsonString(text) + `, "quotes": [
				{"cue": {"start": 22, "end": 28, "text": "agreed"}, "sources": [{"start": 18, "end": 21, "text": "Ana"}], "contents": [{"start": 30, "end": 36, "text": "\"yes.\""}]},
				{"cue": {"start": 22, "end": 28, "text": "agreed"}, "sources": [], "contents": [{"start": 8, "end": 11}]}],
				"coreference_groups": [[{"start": 18, "end": 21, "text": "Ana"}, {"start": 44, "end": 47, "text": "Ana"}]]}]`),
			quotes: []string{"claim: she |  | agreed", "speaker: Ana", "cue: agreed", "claim: \"yes.\" | Ana | agreed", "speaker: Ana"},
		},
		{
			name:   "UTF-16 offsets after an emoji",
			file:   []byte(`{"text": ` + jsonString(text) + `, "quotes": [{"cue": {"start": 49, "end": 53, "text": "said"}, "sources": [{"start": 45, "end": 48, "text": "Ana"}], "contents": [{"start": 54, "end": 59, "text": "\"go.\""}]}]}`),
			quotes: []string{"speaker: Ana", "cue: said", "claim: \"go.\" | Ana | said"},
			notice: "the document: some offsets count UTF-16 units rather than code points; they were converted",
		},
		{
			name:   "a span whose text does not match",
			file:   []byte(`{"text": "abc def", "quotes": [{"cue": {"start": 0, "end": 3, "text": "xyz"}, "sources": [], "contents": [{"start": 4, "end": 7, "text": "def"}]}]}`),
			quotes: []string{"claim: def |  | "},
			notice: `quote 1 of the document, cue says "xyz" but the text at 0–3 reads "abc"`,
		},
		{
			name:   "extract output without text",
			file:   []byte(`[{"quotes": [` + quote + `], "source": {"application": "citron-extractor"}}, {"text": "x y", "quotes": []}]`),
			notice: `document 1 has no "text" (Citron's extract output leaves it out), so its 1 quotes cannot be placed`,
		},
		{
			name:   "a zip archive of documents",
			file:   zipOf(t, map[string]string{"b.json": `{"text": "b said", "quotes": []}`, "a.json": `{"text": "a", "quotes": []}`, "readme.txt": "not json"}),
			quotes: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, skipped := importOK(t, tt.file)
			assert.Equal(t, tt.quotes, describe(p))
			if tt.notice != "" {
				assert.Contains(t, strings.Join(skipped, "\n"), tt.notice)
			}
		})
	}
}

func TestZipArchivesAreReadInNameOrder(t *testing.T) {
	p, _ := importOK(t, zipOf(t, map[string]string{"2.json": `{"text": "second"}`, "1.json": `{"text": "first"}`}))
	require.Len(t, p.Documents, 2)
	assert.Equal(t, "first", p.Documents[0].Text)
}

func TestImportRefusesFilesThatAreNotCitron(t *testing.T) {
	tests := []struct {
		name string
		file []byte
		err  string
	}{
		{"empty", nil, "not a Citron JSON object"},
		{"CoNLL", []byte("Ana\tB-speaker\n"), "not a Citron JSON object"},
		{"an empty list", []byte("[]"), "holds no Citron documents"},
		{"a broken list", []byte(`[{"text": `), "not a JSON list"},
		{"a zip without JSON", zipOf(t, map[string]string{"a.txt": "x"}), "holds no .json files"},
		{"a broken zip", []byte("PK\x03\x04broken"), "zip archive cannot be read"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := citron.Import(tt.file)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.err)
		})
	}
}

func TestExportIsTheSameBytesEachTime(t *testing.T) {
	a, err := citron.Export(formattest.Fixture(t))
	require.NoError(t, err)
	b, err := citron.Export(formattest.Fixture(t))
	require.NoError(t, err)
	assert.Equal(t, a.Data, b.Data)
	zr, err := zip.NewReader(bytes.NewReader(a.Data), int64(len(a.Data)))
	require.NoError(t, err)
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	assert.Equal(t, []string{"1-d1.json", "2-d2.json"}, names)
}

// describe lists p's annotations as "label: quote", claims with their
// mention and cue.
func describe(p annotation.Project) []string {
	byID := map[string]annotation.Annotation{}
	for _, a := range p.Annotations {
		byID[a.ID] = a
	}
	var out []string
	for _, a := range p.Annotations {
		s := a.Label + ": " + a.Quote
		if a.Label == annotation.LabelClaim {
			s += " | " + byID[a.SpeakerMention].Quote + " | " + byID[a.Cue].Quote
		}
		out = append(out, s)
	}
	return out
}

func jsonString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func zipOf(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range files {
		w, err := zw.Create(name)
		require.NoError(t, err)
		_, err = io.WriteString(w, body)
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	return buf.Bytes()
}
