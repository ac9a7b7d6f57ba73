package doccano_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/format/doccano"
	"sayso/internal/format/formattest"
)

// prettyExample is shaped like the relation-extraction example of doccano's
// documentation: one object over many lines, four-space indented.
const prettyExample = `{
    "text": "The mayor said the bridge will reopen in May.",
    "entities": [
        {
            "id": 1,
            "label": "Source",
            "start_offset": 0,
            "end_offset": 9
        },
        {
            "id": 2,
            "label": "Cue",
            "start_offset": 10,
            "end_offset": 14
        },
        {
            "id": 3,
            "label": "Content",
            "start_offset": 15,
            "end_offset": 44
        }
    ],
    "relations": [
        {
            "id": 1,
            "from_id": 3,
            "to_id": 1,
            "type": "speaker"
        }
    ]
}
`

func quotesOf(t *testing.T, file string, opts doccano.Options) []string {
	t.Helper()
	p, _, err := doccano.ImportWith([]byte(file), opts)
	require.NoError(t, err)
	formattest.RequireLoads(t, p)
	var quotes []string
	for _, a := range p.Annotations {
		quotes = append(quotes, a.Label+": "+a.Quote)
	}
	return quotes
}

func TestImportReadsPrettyPrintedJSON(t *testing.T) {
	want := []string{"speaker: The mayor", "cue: said", "claim: the bridge will reopen in May"}
	second := strings.Replace(prettyExample, "May", "Jun", 1)
	tests := []struct {
		name, file string
		want       []string
	}{
		{"one object over many lines", prettyExample, want},
		{"after a blank line", "\n\n" + prettyExample, want},
		{"two objects one after the other", prettyExample + second, append(append([]string{}, want...), "speaker: The mayor", "cue: said", "claim: the bridge will reopen in Jun")},
		{"an indented array", "[\n  " + strings.ReplaceAll(prettyExample, "\n", "\n  ") + "\n]\n", want},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, quotesOf(t, tc.file, doccano.Options{}))
		})
	}
	p, rep, err := doccano.Import([]byte(prettyExample))
	require.NoError(t, err)
	assert.Equal(t, 1, rep.Links, "the relation became a link")
	assert.Len(t, p.Documents, 1)
}

func TestImportNamesTheFaultOfABrokenPrettyPrintedFile(t *testing.T) {
	tests := []struct{ name, file, err string }{
		{"cut short", prettyExample[:60], "the file is neither JSON Lines nor JSON: this file is cut short"},
		{"a bad character", "{\n  \"text\": x\n}", "invalid character 'x' at line 2, column 11"},
		{"a number after an object", prettyExample + "\n7\n", "the value at line 33 is not a JSON object, so the file is not doccano JSON"},
		{"an example without text", "{\n \"entities\": []\n}", `the example at line 1 has no "text"`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := doccano.Import([]byte(tc.file))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.err)
		})
	}
}

func TestImportRecognisesColumnsNamedByThePerson(t *testing.T) {
	tests := []struct {
		name, file string
		want       []string
	}{
		{"text and label columns renamed, triples",
			`{"sentence": "Ann said it rains.", "ner": [[0, 3, "Source"], [9, 17, "Content"]]}`,
			[]string{"speaker: Ann", "claim: it rains"}},
		{"renamed label column of objects",
			`{"text": "Ann said it rains.", "spans": [{"label": "Cue", "start_offset": 4, "end_offset": 8}]}`,
			[]string{"cue: said"}},
		{"renamed text with usual labels",
			`{"body": "Ann said it rains.", "label": [[4, 8, "Cue"]]}`,
			[]string{"cue: said"}},
		{"metadata strings are not text columns",
			`{"title": "T", "document_id": "d1", "content": "Ann said it rains.", "tags": [[0, 3, "Source"]]}`,
			[]string{"speaker: Ann"}},
		{"a label column empty in some examples",
			"{\"s\": \"Ann said.\", \"tags\": []}\n{\"s\": \"Bo said.\", \"tags\": [[0, 2, \"Source\"]]}\n",
			[]string{"speaker: Bo"}},
		{"chosen by the person",
			`{"sentence": "Ann said it rains.", "source": "Bob", "ner": [[0, 3, "Source"]]}`,
			nil}, // see below: ambiguous without Options.Columns
	}
	for _, tc := range tests[:len(tests)-1] {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, quotesOf(t, tc.file, doccano.Options{}))
		})
	}
	last := tests[len(tests)-1].file
	assert.Equal(t, []string{"speaker: Ann"}, quotesOf(t, last, doccano.Options{Columns: doccano.Columns{Text: "sentence"}}))
	assert.Equal(t, []string{"speaker: Bob"}, quotesOf(t, last, doccano.Options{Columns: doccano.Columns{Text: "source", Label: "ner"}}))
}

func TestImportAsksWhichColumnWhenSeveralFit(t *testing.T) {
	tests := []struct {
		name, file  string
		text, label []string
		msg         string
	}{
		{"two text columns",
			`{"sentence": "Ann said it rains.", "source": "wire", "ner": [[0, 3, "Source"]]}`,
			[]string{"sentence", "source"}, nil,
			`this doccano file names its columns itself, and its text could be in any of "sentence", "source": say which column holds what`},
		{"two label columns",
			`{"sentence": "Ann said it rains.", "gold": [[0, 3, "Source"]], "pred": [[0, 8, "Source"]]}`,
			nil, []string{"gold", "pred"},
			`this doccano file names its columns itself, and its labels could be in any of "gold", "pred": say which column holds what`},
		{"both",
			`{"a": "x", "b": "y", "gold": [[0, 1, "Source"]], "pred": [[0, 1, "Source"]]}`,
			[]string{"a", "b"}, []string{"gold", "pred"},
			`this doccano file names its columns itself, and its text could be in any of "a", "b"; its labels could be in any of "gold", "pred": say which column holds what`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := doccano.Import([]byte(tc.file))
			var amb *doccano.AmbiguousColumnsError
			require.ErrorAs(t, err, &amb)
			assert.Equal(t, tc.text, amb.Text)
			assert.Equal(t, tc.label, amb.Label)
			assert.EqualError(t, err, tc.msg)
		})
	}
}

func TestLooksLikeExample(t *testing.T) {
	tests := []struct {
		name, obj string
		want      bool
	}{
		{"renamed columns, triples", `{"sentence": "a b", "ner": [[0, 1, "X"]]}`, true},
		{"renamed columns, objects", `{"body": "a b", "spans": [{"start_offset": 0, "end_offset": 1, "label": "X"}]}`, true},
		{"only metadata strings", `{"title": "a b", "ner": [[0, 1, "X"]]}`, false},
		{"empty span list", `{"sentence": "a b", "ner": []}`, false},
		{"classification labels", `{"sentence": "a b", "cats": ["pos", "neg"]}`, false},
		{"no text", `{"ner": [[0, 1, "X"]]}`, false},
		{"triples without a label string", `{"s": "a", "ner": [[0, 1, 2]]}`, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var obj map[string]json.RawMessage
			require.NoError(t, json.Unmarshal([]byte(tc.obj), &obj))
			assert.Equal(t, tc.want, doccano.LooksLikeExample(obj))
		})
	}
}
