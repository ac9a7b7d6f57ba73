package exercise_test

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/exercise"
	"sayso/internal/format/native"
	"sayso/internal/text"
)

// smallExercise has one short document and every optional value empty.
func smallExercise() exercise.Exercise {
	return exercise.Exercise{
		ID:     "ex-000000000001",
		Title:  "Small",
		Schema: annotation.Schema{Labels: []annotation.Label{{ID: "claim"}}},
		Documents: []annotation.Document{
			{ID: "d1", Title: "Yes", Text: "Yes. No."},
		},
	}
}

// smallFile is the encoding of smallExercise. Its lines, from 1: {, format,
// version, id, title, instructions, schema, labels, {, id, name, color,
// key, }, ], stanceValues, }, documents, {, id, title, topic, length,
// sha256, text, }, ], }.
func smallFile(t *testing.T) string {
	t.Helper()
	b, err := exercise.Encode(smallExercise())
	require.NoError(t, err)
	return string(b)
}

// edit replaces the first old in s by new, failing if old is not there.
func edit(t *testing.T, s, old, new string) string {
	t.Helper()
	require.Contains(t, s, old)
	return strings.Replace(s, old, new, 1)
}

func TestRoundTripIsExact(t *testing.T) {
	sch := compileSchema(t)
	multi := newExercise(t)
	tricky := smallExercise()
	tricky.Title = "</script><!-- & “quotes” \u2028 🚀"
	tricky.Instructions = "Line one.\n\n- a \"list\"\n- with \\ backslashes\t"
	tricky.Schema = annotation.DefaultSchema()
	tricky.Documents = append(tricky.Documents, annotation.Document{ID: "d2", Topic: "the plan", Text: "Zoe\u0308 👩\u200d🔬 🇨🇳 שלום"})
	for name, e := range map[string]exercise.Exercise{
		"emoji, CJK and RTL, three documents": multi,
		"empty optional fields":               smallExercise(),
		"strings to escape":                   tricky,
	} {
		t.Run(name, func(t *testing.T) {
			b := encodeValid(t, sch, e)
			got, err := exercise.Decode(b)
			require.NoError(t, err)
			assert.Equal(t, e, got, "decode(encode(e)) must be e")
			again := encodeValid(t, sch, got)
			assert.Equal(t, string(b), string(again), "encode(decode(b)) must be b")
		})
	}
}

func TestEncodeLayout(t *testing.T) {
	b, err := exercise.Encode(newExercise(t))
	require.NoError(t, err)
	s := string(b)
	assert.True(t, strings.HasPrefix(s, "{\n  \"format\": \"sayso-exercise\",\n  \"version\": 1,\n  \"id\": \"ex-"), s[:80])
	assert.True(t, strings.HasSuffix(s, "}\n"), "a final newline")
	assert.Contains(t, s, "🌉", "non-ASCII is written as is")

	var f struct {
		Documents []struct {
			Text   string
			Length int
			SHA256 string
		}
	}
	require.NoError(t, json.Unmarshal(b, &f))
	require.Len(t, f.Documents, 3)
	assert.Equal(t, len([]rune(bridgeText)), f.Documents[0].Length, "length counts code points")
	assert.Equal(t, fmt.Sprintf("%x", sha256.Sum256([]byte(rtlText))), f.Documents[2].SHA256, "sha256 of the UTF-8 text")
}

func TestEncodeIsDeterministic(t *testing.T) {
	first, err := exercise.Encode(newExercise(t))
	require.NoError(t, err)
	for range 10 {
		b, err := exercise.Encode(newExercise(t))
		require.NoError(t, err)
		require.Equal(t, string(first), string(b))
	}
}

func TestEncodeRefusesWhatDecodeWouldRefuse(t *testing.T) {
	tests := []struct {
		name   string
		change func(e *exercise.Exercise)
		want   string
	}{
		{"no id", func(e *exercise.Exercise) { e.ID = "" }, "encode exercise: this exercise has no id"},
		{"no documents", func(e *exercise.Exercise) { e.Documents = nil }, "encode exercise: this exercise has no documents"},
		{"no labels", func(e *exercise.Exercise) { e.Schema.Labels = nil }, "encode exercise: the exercise's schema has no labels"},
		{"empty text", func(e *exercise.Exercise) { e.Documents[0].Text = " \n" }, "encode exercise: document “Yes” has no text"},
		{"carriage return", func(e *exercise.Exercise) { e.Documents[0].Text = "a\r\nb" },
			`encode exercise: document “Yes”: its text has carriage returns (\r); Sayso keeps line ends as \n`},
		{"id used twice", func(e *exercise.Exercise) { e.Documents = append(e.Documents, e.Documents[0]) },
			`encode exercise: document id "d1" is used twice`},
		{"invalid UTF-8", func(e *exercise.Exercise) { e.Instructions = "bad \xff" },
			`encode exercise: the exercise: "bad \xff" is not valid UTF-8`},
		{"colour", func(e *exercise.Exercise) { e.Schema.Labels[0].Color = "red" },
			`encode exercise: label "claim": colour "red" is not of the form #rrggbb`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := smallExercise()
			tt.change(&e)
			b, err := exercise.Encode(e)
			assert.EqualError(t, err, tt.want)
			assert.Nil(t, b)
		})
	}
}

func TestDecodeErrorsNameTheProblem(t *testing.T) {
	project, err := native.Encode(teacherProject(t))
	require.NoError(t, err)
	tests := []struct {
		name  string
		input func(t *testing.T, valid string) string
		want  string
	}{
		// Not an exercise.
		{"empty file", func(*testing.T, string) string { return " \n" }, "this file is empty"},
		{"not JSON", func(*testing.T, string) string { return "{\n  \"format\": x\n}" },
			"this file is not JSON (invalid character 'x' at line 2, column 13)"},
		{"cut short", func(_ *testing.T, valid string) string { return valid[:100] },
			"this file is cut short: the JSON ends early (at byte 100)"},
		{"two JSON values", func(_ *testing.T, valid string) string { return valid + "{}" },
			"this file is not JSON (invalid character '{' at line 29, column 1)"},
		{"not UTF-8", func(t *testing.T, valid string) string { return edit(t, valid, `"Small"`, "\"Sm\xffll\"") },
			"this file is not text in UTF-8, so it is not a Sayso exercise"},
		{"a Sayso project", func(*testing.T, string) string { return string(project) },
			"this is a Sayso project, not an exercise: open it with Open"},
		{"another format", func(t *testing.T, valid string) string {
			return edit(t, valid, `"format": "sayso-exercise"`, `"format": "doccano"`)
		}, `this is not a Sayso exercise: its "format" is "doccano", not "sayso-exercise"`},
		{"format is a number", func(t *testing.T, valid string) string {
			return edit(t, valid, `"format": "sayso-exercise"`, `"format": 1`)
		}, `this is not a Sayso exercise: its "format" is a number, not "sayso-exercise"`},
		{"format is null", func(*testing.T, string) string { return `{"format": null}` },
			`this is not a Sayso exercise: its "format" is null, not "sayso-exercise"`},
		{"no format", func(*testing.T, string) string { return `{"id": "ex-1"}` },
			`this is not a Sayso exercise: it has no "format": "sayso-exercise" field`},
		{"a list", func(*testing.T, string) string { return `[{"format": "sayso-exercise"}]` },
			`this is not a Sayso exercise: it has no "format": "sayso-exercise" field`},

		// Versions.
		{"newer version", func(t *testing.T, valid string) string { return edit(t, valid, `"version": 1`, `"version": 2`) },
			"this exercise was made by a newer Sayso (exercise format version 2); this version reads version 1"},
		{"huge version", func(t *testing.T, valid string) string {
			return edit(t, valid, `"version": 1`, `"version": 99999999999999999999999`)
		}, "this exercise was made by a newer Sayso (exercise format version 99999999999999999999999); this version reads version 1"},
		{"version 0", func(t *testing.T, valid string) string { return edit(t, valid, `"version": 1`, `"version": 0`) },
			"this exercise says it has format version 0, which does not exist; this version reads version 1"},
		{"no version", func(t *testing.T, valid string) string { return edit(t, valid, "  \"version\": 1,\n", "") },
			`this exercise has no "version" field, so it cannot be read`},
		{"version is a string", func(t *testing.T, valid string) string { return edit(t, valid, `"version": 1`, `"version": "1"`) },
			`"version" must be a whole number, not a string (line 3, column 14)`},
		{"version is a fraction", func(t *testing.T, valid string) string { return edit(t, valid, `"version": 1`, `"version": 1.5`) },
			`"version" must be a whole number, not 1.5 (line 3, column 14)`},

		// Texts.
		{"text edited", func(t *testing.T, valid string) string {
			return edit(t, valid, `"text": "Yes. No."`, `"text": "Yes. No!"`)
		},
			"document “Yes”: the text does not match its SHA-256; the file was edited"},
		{"wrong length", func(t *testing.T, valid string) string { return edit(t, valid, `"length": 8`, `"length": 9`) },
			`document “Yes”: "length" is 9, but the text has 8 characters (code points)`},
		{"malformed SHA-256", func(t *testing.T, valid string) string {
			return edit(t, valid, `"16a25060741d5f8d1c3de0e7f00982f21d06309243781d3ef396a4cc46b56e4c"`, `"ABC"`)
		}, `document 1: "sha256" must be 64 lowercase hexadecimal digits, not "ABC" (line 24, column 17)`},
		{"empty text", func(t *testing.T, valid string) string {
			v := edit(t, valid, `"text": "Yes. No."`, `"text": ""`)
			v = edit(t, v, `"length": 8`, `"length": 0`)
			return edit(t, v, "16a25060741d5f8d1c3de0e7f00982f21d06309243781d3ef396a4cc46b56e4c", text.Hash(""))
		}, "document “Yes” has no text"},
		{"carriage returns", func(t *testing.T, valid string) string {
			v := edit(t, valid, `"text": "Yes. No."`, `"text": "Yes.\r\nNo."`)
			v = edit(t, v, `"length": 8`, `"length": 9`)
			return edit(t, v, "16a25060741d5f8d1c3de0e7f00982f21d06309243781d3ef396a4cc46b56e4c", text.Hash("Yes.\r\nNo."))
		}, `document “Yes”: its text has carriage returns (\r); Sayso keeps line ends as \n`},

		// Documents.
		{"no documents", func(t *testing.T, valid string) string {
			return edit(t, valid, valid[strings.Index(valid, `"documents": [`):len(valid)-2], `"documents": []`)
		}, "this exercise has no documents"},
		{"document id used twice", func(t *testing.T, valid string) string {
			i := strings.Index(valid, "    {\n      \"id\": \"d1\"")
			doc := valid[i : len(valid)-6]
			return valid[:i] + doc + ",\n" + doc + valid[len(valid)-6:]
		}, `document id "d1" is used twice`},
		{"an annotation list", func(t *testing.T, valid string) string {
			return edit(t, valid, `"documents": [`, `"annotations": [], "documents": [`)
		}, `this exercise seems to be made by a newer Sayso: the exercise has a field "annotations" that this version of Sayso does not know (line 18, column 3); open it on the site it came from, or ask for its offline page, which brings its own Sayso`},

		// Fields and types.
		{"unknown field in a document", func(t *testing.T, valid string) string {
			return edit(t, valid, `"topic": "",`, `"topic": "", "done": true,`)
		}, `this exercise seems to be made by a newer Sayso: document 1 has a field "done" that this version of Sayso does not know (line 22, column 20); open it on the site it came from, or ask for its offline page, which brings its own Sayso`},
		{"missing field", func(t *testing.T, valid string) string { return edit(t, valid, "      \"topic\": \"\",\n", "") },
			`document 1 has no "topic" field (line 19, column 5)`},
		{"missing top-level field", func(t *testing.T, valid string) string {
			return edit(t, valid, "  \"instructions\": \"\",\n", "")
		}, `the exercise has no "instructions" field (line 1, column 1)`},
		{"field twice", func(t *testing.T, valid string) string {
			return edit(t, valid, `"title": "Small",`, `"title": "Small", "title": "Big",`)
		}, `the exercise has "title" twice (line 5, column 21)`},
		{"length is a string", func(t *testing.T, valid string) string { return edit(t, valid, `"length": 8`, `"length": "8"`) },
			`document 1: "length" must be a whole number, not a string (line 23, column 17)`},
		{"negative length", func(t *testing.T, valid string) string { return edit(t, valid, `"length": 8`, `"length": -8`) },
			`document 1: "length" must be 0 or more, not -8 (line 23, column 17)`},
		{"null instead of a string", func(t *testing.T, valid string) string {
			return edit(t, valid, `"instructions": ""`, `"instructions": null`)
		}, `"instructions" must be a string, not null (line 6, column 19)`},
		{"documents is an object", func(t *testing.T, valid string) string {
			return edit(t, valid, valid[strings.Index(valid, `"documents": [`):len(valid)-2], `"documents": {}`)
		}, `"documents" must be a list, not an object (line 18, column 16)`},
		{"stance value is not a string", func(t *testing.T, valid string) string {
			return edit(t, valid, `"stanceValues": []`, `"stanceValues": [true]`)
		}, `the schema: stance value 1 must be a string, not true or false (line 16, column 22)`},
		{"label is not an object", func(t *testing.T, valid string) string {
			return edit(t, valid, `"labels": [`, `"labels": [7, `)
		}, `the schema: label 1 must be an object, not a number (line 8, column 16)`},
		{"colour that could inject CSS", func(t *testing.T, valid string) string {
			return edit(t, valid, `"color": ""`, `"color": "red;background:url(x)"`)
		}, `label 1: colour "red;background:url(x)" is not of the form #rrggbb (line 12, column 18)`},
		{"long key", func(t *testing.T, valid string) string { return edit(t, valid, `"key": ""`, `"key": "ctrl+c"`) },
			`label 1: key "ctrl+c" is longer than one character (line 13, column 16)`},
		{"no labels", func(t *testing.T, valid string) string {
			i, j := strings.Index(valid, `"labels": [`), strings.Index(valid, `"stanceValues"`)
			return valid[:i] + `"labels": [],` + "\n    " + valid[j:]
		}, "the exercise's schema has no labels"},
		{"empty id", func(t *testing.T, valid string) string { return edit(t, valid, `"id": "ex-000000000001"`, `"id": ""`) },
			"this exercise has no id"},
	}
	valid := smallFile(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e, err := exercise.Decode([]byte(tt.input(t, valid)))
			assert.EqualError(t, err, tt.want)
			assert.Zero(t, e, "no exercise on error")
		})
	}
}

func TestDecodeRefusesFilesOverTheLimit(t *testing.T) {
	e, err := exercise.Decode(make([]byte, exercise.MaxFileSize+5<<20))
	assert.EqualError(t, err, "this file is too large (69 MB); Sayso opens exercises of up to 64 MB")
	assert.Zero(t, e)
}

func TestDecodeAcceptsHandWrittenVariants(t *testing.T) {
	tests := []struct {
		name  string
		input func(t *testing.T, valid string) string
	}{
		{"byte order mark", func(_ *testing.T, valid string) string { return "\uFEFF" + valid }},
		{"CRLF line ends between fields", func(_ *testing.T, valid string) string { return strings.ReplaceAll(valid, "\n", "\r\n") }},
		{"compact", func(_ *testing.T, valid string) string { return strings.NewReplacer("\n", "", "  ", "").Replace(valid) }},
		{"fields in another order", func(t *testing.T, valid string) string {
			v := edit(t, valid, "  \"format\": \"sayso-exercise\",\n  \"version\": 1,\n", "")
			return strings.TrimSuffix(v, "}\n") + ", \"version\": 1, \"format\": \"sayso-exercise\"}"
		}},
		{"escaped characters", func(t *testing.T, valid string) string {
			return edit(t, valid, `"title": "Small"`, `"title": "\u0053mall"`)
		}},
	}
	sch := compileSchema(t)
	valid := smallFile(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := tt.input(t, valid)
			requireValid(t, sch, []byte(in))
			e, err := exercise.Decode([]byte(in))
			require.NoError(t, err)
			assert.Equal(t, smallExercise(), e)
		})
	}
}

func TestSchemaRefusesWhatDecodeRefuses(t *testing.T) {
	project, err := native.Encode(teacherProject(t))
	require.NoError(t, err)
	sch := compileSchema(t)
	valid := smallFile(t)
	for name, in := range map[string]string{
		"a Sayso project":     string(project),
		"newer version":       edit(t, valid, `"version": 1`, `"version": 2`),
		"unknown field":       edit(t, valid, `"topic": "",`, `"topic": "", "done": true,`),
		"missing field":       edit(t, valid, "      \"topic\": \"\",\n", ""),
		"no documents":        edit(t, valid, valid[strings.Index(valid, `"documents": [`):len(valid)-2], `"documents": []`),
		"malformed SHA-256":   edit(t, valid, `"16a25060741d5f8d1c3de0e7f00982f21d06309243781d3ef396a4cc46b56e4c"`, `"ABC"`),
		"colour":              edit(t, valid, `"color": ""`, `"color": "red"`),
		"long key":            edit(t, valid, `"key": ""`, `"key": "ctrl+c"`),
		"empty id":            edit(t, valid, `"id": "ex-000000000001"`, `"id": ""`),
		"negative length":     edit(t, valid, `"length": 8`, `"length": -8`),
		"carriage return":     edit(t, valid, `"text": "Yes. No."`, `"text": "Yes.\r\nNo."`),
		"null instructions":   edit(t, valid, `"instructions": ""`, `"instructions": null`),
		"stance not a string": edit(t, valid, `"stanceValues": []`, `"stanceValues": [true]`),
	} {
		t.Run(name, func(t *testing.T) {
			_, err := exercise.Decode([]byte(in))
			require.Error(t, err)
			inst := mustJSON(t, in)
			assert.Error(t, sch.Validate(inst), "the schema refuses it too")
		})
	}
}

// mustJSON parses s for the JSON Schema validator.
func mustJSON(t *testing.T, s string) any {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(strings.NewReader(s))
	require.NoError(t, err)
	return v
}
