package jsonl_test

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/format/formattest"
	"sayso/internal/format/jsonl"
	"sayso/internal/text"
)

// lines splits an export into decoded objects, checking that each line is
// one JSON object.
func lines(t *testing.T, b []byte) []map[string]any {
	t.Helper()
	require.True(t, len(b) == 0 || bytes.HasSuffix(b, []byte("\n")), "the file ends with a newline")
	var out []map[string]any
	for _, l := range strings.Split(strings.TrimSuffix(string(b), "\n"), "\n") {
		if l == "" {
			continue
		}
		var m map[string]any
		require.NoError(t, json.Unmarshal([]byte(l), &m), "line %q", l)
		out = append(out, m)
	}
	return out
}

// keysInOrder returns the keys of a JSON object line in the order written.
func keysInOrder(t *testing.T, line string) []string {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(line))
	tok, err := dec.Token()
	require.NoError(t, err)
	require.Equal(t, json.Delim('{'), tok)
	var keys []string
	for dec.More() {
		k, err := dec.Token()
		require.NoError(t, err)
		keys = append(keys, k.(string))
		var v json.RawMessage
		require.NoError(t, dec.Decode(&v))
	}
	return keys
}

func TestEveryLineHasTheSameColumnsInTheSameOrder(t *testing.T) {
	res, err := jsonl.Export(formattest.Fixture(t))
	require.NoError(t, err)
	assert.Equal(t, ".jsonl", res.Extension)
	ls := strings.Split(strings.TrimSuffix(string(res.Data), "\n"), "\n")
	require.Len(t, ls, 5, "one line per claim")
	for _, l := range ls {
		assert.Equal(t, jsonl.Columns(), keysInOrder(t, l))
	}
	assert.Equal(t, 2, res.Report.Documents)
	assert.Equal(t, 5, res.Report.Annotations)
	assert.Equal(t, 7, res.Report.Links, "four mentions and three cues")
	assert.Empty(t, res.Report.Skipped)
}

func TestRowsCarryEveryClaimField(t *testing.T) {
	res, err := jsonl.Export(formattest.Fixture(t))
	require.NoError(t, err)
	rows := lines(t, res.Data)
	tests := []struct {
		name  string
		row   int
		field string
		want  any
	}{
		{"document id", 0, "document_id", "d1"},
		{"title", 0, "document_title", "Launch 🚀"},
		{"quote with emoji", 0, "quote", "the launch was \"on time\" 🚀"},
		{"speaker entity named after the mention", 0, "speaker", "Jose\u0301 Martí"},
		{"speaker mention", 0, "speaker_mention", "Jose\u0301 Martí"},
		{"cue", 0, "cue", "said"},
		{"stance", 0, "stance", "favor"},
		{"target defaults to the title", 0, "target", "Launch 🚀"},
		{"note kept as written", 0, "note", "=HYPERLINK(\"x\") and \"quotes\", commas"},
		{"annotator", 0, "annotator", "Ana"},
		{"discontinuous quote joined", 1, "quote", "and … \"the crew 👩\u200d🚀 is ready\""},
		{"pronoun mention keeps the entity", 1, "speaker", "Jose\u0301 Martí"},
		{"pronoun mention text", 1, "speaker_mention", "she"},
		{"edited target", 1, "target", "the crew"},
		{"note with a line break", 2, "note", "two\nlines"},
		{"no cue is null", 2, "cue", nil},
		{"empty title is null", 3, "document_title", nil},
		{"CJK quote", 3, "quote", "新政策很好。"},
		{"no speaker is null", 4, "speaker", nil},
		{"no speaker id is null", 4, "speaker_id", nil},
		{"no mention is null", 4, "speaker_mention", nil},
		{"no stance is null", 4, "stance", nil},
		{"no note is null", 4, "note", nil},
		{"offset unit", 4, "offset_unit", "codepoint"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, rows[tt.row][tt.field])
		})
	}
}

func TestFragmentsCountCodePointsLikePythonSlices(t *testing.T) {
	p := formattest.Fixture(t)
	texts := map[string][]rune{}
	for _, d := range p.Documents {
		texts[d.ID] = []rune(d.Text)
	}
	res, err := jsonl.Export(p)
	require.NoError(t, err)
	for _, r := range lines(t, res.Data) {
		doc := texts[r["document_id"].(string)]
		ctx := []rune(r["context"].(string))
		cs := int(r["context_start"].(float64))
		var parts []string
		for _, f := range r["fragments"].([]any) {
			se := f.([]any)
			s, e := int(se[0].(float64)), int(se[1].(float64))
			parts = append(parts, string(doc[s:e]))
			assert.Equal(t, string(doc[s:e]), string(ctx[s-cs:e-cs]), "the context holds the fragment")
		}
		assert.Equal(t, r["quote"], strings.Join(parts, annotation.QuoteJoiner))
	}
}

func TestContextIsTheWholeParagraphOrParagraphs(t *testing.T) {
	const body = "First paragraph, with a claim.\n\nSecond one. Third part\ncontinues here.\n"
	s := annotation.New(annotation.DefaultSchema(), "", formattest.Clock)
	d, err := s.AddDocument("t", body)
	require.NoError(t, err)
	formattest.Add(t, s, d, annotation.LabelClaim, "with a claim")
	formattest.Add(t, s, d, annotation.LabelClaim, "Third part\ncontinues")

	res, err := jsonl.Export(s.Project())
	require.NoError(t, err)
	rows := lines(t, res.Data)
	require.Len(t, rows, 2)
	assert.Equal(t, "First paragraph, with a claim.", rows[0]["context"])
	assert.Equal(t, 0.0, rows[0]["context_start"])
	assert.Equal(t, "Second one. Third part\ncontinues here.", rows[1]["context"])
	assert.Equal(t, float64(formattest.SpanOf(t, body, "Second").Start), rows[1]["context_start"])
}

func TestRowsComeInReadingOrderWhateverTheProjectOrder(t *testing.T) {
	p := formattest.Fixture(t)
	for i, j := 0, len(p.Annotations)-1; i < j; i, j = i+1, j-1 {
		p.Annotations[i], p.Annotations[j] = p.Annotations[j], p.Annotations[i]
	}
	rows, _ := jsonl.Rows(p)
	var got []text.Span
	for _, r := range rows[:3] {
		got = append(got, text.Span{Start: r.Fragments[0][0], End: r.Fragments[len(r.Fragments)-1][1]})
	}
	assert.True(t, got[0].Start < got[1].Start && got[1].Start < got[2].Start, "claims of d1 in reading order: %v", got)
}

func TestEmptyProjectsExportAnEmptyFile(t *testing.T) {
	tests := map[string]annotation.Project{
		"nothing at all":      {},
		"documents no claims": {Schema: annotation.DefaultSchema(), Documents: []annotation.Document{{ID: "d1", Text: "x"}}},
	}
	for name, p := range tests {
		t.Run(name, func(t *testing.T) {
			res, err := jsonl.Export(p)
			require.NoError(t, err)
			assert.Empty(t, res.Data)
			assert.Equal(t, 0, res.Report.Annotations)
		})
	}
}

func TestMarkupIsNotEscaped(t *testing.T) {
	s := annotation.New(annotation.DefaultSchema(), "", formattest.Clock)
	d, err := s.AddDocument("<b>&</b>", "He said <script>alert(1)</script> & left.")
	require.NoError(t, err)
	formattest.Add(t, s, d, annotation.LabelClaim, "<script>alert(1)</script> &")
	res, err := jsonl.Export(s.Project())
	require.NoError(t, err)
	assert.Contains(t, string(res.Data), `"quote":"<script>alert(1)</script> &"`, "the file is data, not HTML")
}
