package native_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/format/native"
	"sayso/internal/text"
)

// sparseFile is the encoding of sparseProject; see its layout in the
// comments of the cases below (line numbers count from 1).
func sparseFile(t *testing.T) string {
	t.Helper()
	b, err := native.Encode(sparseProject())
	require.NoError(t, err)
	return string(b)
}

// edit replaces the first old in s by new, failing if old is not there.
func edit(t *testing.T, s, old, new string) string {
	t.Helper()
	require.Contains(t, s, old)
	return strings.Replace(s, old, new, 1)
}

func TestDecodeErrorsNameTheProblem(t *testing.T) {
	tests := []struct {
		name  string
		input func(t *testing.T, valid string) string
		want  string
	}{
		// Not JSON at all.
		{"empty file", func(*testing.T, string) string { return "" },
			"this file is empty"},
		{"only white space", func(*testing.T, string) string { return " \n\t\r\n" },
			"this file is empty"},
		{"invalid character", func(*testing.T, string) string { return "{\n  \"format\": \"sayso\",\n  x\n}" },
			"this file is not JSON (invalid character 'x' at line 3, column 3)"},
		{"columns count code points", func(*testing.T, string) string { return `{"title": "🚀", x}` },
			"this file is not JSON (invalid character 'x' at line 1, column 16)"},
		{"binary file", func(*testing.T, string) string { return "\xff\xfe{}" },
			"this file is not JSON (invalid byte 0xff at line 1, column 1)"},
		{"cut short", func(_ *testing.T, valid string) string { return valid[:300] },
			"this file is cut short: the JSON ends early (at byte 300)"},
		{"cut short inside a string", func(_ *testing.T, valid string) string { return valid[:strings.Index(valid, "Yes. No.")+3] },
			"this file is cut short: the JSON ends early (at byte 672)"},
		{"garbage after the end", func(_ *testing.T, valid string) string { return valid + "x" },
			"this file is not JSON (invalid character 'x' at line 72, column 1)"},
		{"something after the end", func(_ *testing.T, valid string) string { return valid + "{}" },
			"this file has something after the end of its JSON (line 72, column 1)"},

		// Other formats.
		{"W3C Web Annotation", func(*testing.T, string) string {
			return `{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "x", "type": "Annotation", "body": "b", "target": "t"}`
		}, `this is not a Sayso file: it has no "format": "sayso" field (it looks like a W3C Web Annotation file)`},
		{"W3C annotation collection", func(*testing.T, string) string { return `{"type": "AnnotationCollection", "items": []}` },
			`this is not a Sayso file: it has no "format": "sayso" field (it looks like a W3C Web Annotation file)`},
		{"list of W3C annotations", func(*testing.T, string) string {
			return `[{"@context": ["http://www.w3.org/ns/anno.jsonld"], "type": "Annotation"}]`
		}, `this is not a Sayso file: it has no "format": "sayso" field (it looks like a W3C Web Annotation file)`},
		{"Label Studio", func(*testing.T, string) string {
			return `[{"id": 1, "data": {"text": "Hi"}, "annotations": [{"result": []}]}]`
		}, `this is not a Sayso file: it has no "format": "sayso" field (it looks like a Label Studio file)`},
		{"doccano JSON Lines", func(*testing.T, string) string {
			return "{\"id\": 1, \"text\": \"Hi there\", \"label\": [[0, 2, \"GREETING\"]]}\n{\"id\": 2, \"text\": \"Bye\", \"label\": []}\n"
		}, `this is not a Sayso file: it has no "format": "sayso" field (it looks like a doccano file)`},
		{"doccano, one line", func(*testing.T, string) string { return `{"text": "Hi", "entities": []}` },
			`this is not a Sayso file: it has no "format": "sayso" field (it looks like a doccano file)`},
		{"unknown object", func(*testing.T, string) string { return `{"hello": "world"}` },
			`this is not a Sayso file: it has no "format": "sayso" field`},
		{"a list", func(*testing.T, string) string { return `[1, 2]` },
			`this is not a Sayso file: it has no "format": "sayso" field`},
		{"a string", func(*testing.T, string) string { return `"sayso"` },
			`this is not a Sayso file: it has no "format": "sayso" field`},
		{"unknown JSON Lines", func(*testing.T, string) string { return "{\"a\": 1}\n{\"a\": 2}\n" },
			"this is not a Sayso file: it holds several JSON values, one after the other (JSON Lines), not one Sayso project"},
		{"other format name", func(t *testing.T, valid string) string {
			return edit(t, valid, `"format": "sayso"`, `"format": "doccano"`)
		},
			`this is not a Sayso file: its "format" is "doccano", not "sayso"`},
		{"format is a number", func(t *testing.T, valid string) string { return edit(t, valid, `"format": "sayso"`, `"format": 7`) },
			`this is not a Sayso file: its "format" is a number, not "sayso"`},

		// Versions and offset units.
		{"newer version", func(t *testing.T, valid string) string { return edit(t, valid, `"version": 1`, `"version": 2`) },
			"this file was made by a newer Sayso (format version 2); this version reads version 1"},
		{"huge version", func(t *testing.T, valid string) string {
			return edit(t, valid, `"version": 1`, `"version": 99999999999999999999999`)
		}, "this file was made by a newer Sayso (format version 99999999999999999999999); this version reads version 1"},
		{"version 0", func(t *testing.T, valid string) string { return edit(t, valid, `"version": 1`, `"version": 0`) },
			"this file says it has format version 0, which does not exist; this version reads version 1"},
		{"version is a string", func(t *testing.T, valid string) string { return edit(t, valid, `"version": 1`, `"version": "1"`) },
			`"version" must be a whole number, not a string (line 3, column 14)`},
		{"version is a fraction", func(t *testing.T, valid string) string { return edit(t, valid, `"version": 1`, `"version": 1.5`) },
			`"version" must be a whole number, not 1.5 (line 3, column 14)`},
		{"no version", func(t *testing.T, valid string) string { return edit(t, valid, "  \"version\": 1,\n", "") },
			`this Sayso file has no "version" field, so it cannot be read`},
		{"UTF-16 offsets", func(t *testing.T, valid string) string {
			return edit(t, valid, `"offsetUnit": "codepoint"`, `"offsetUnit": "utf16"`)
		}, "this file counts offsets in utf16, not code points"},
		{"odd offset unit", func(t *testing.T, valid string) string {
			return edit(t, valid, `"offsetUnit": "codepoint"`, `"offsetUnit": "UTF-16 code units"`)
		}, `this file counts offsets in "UTF-16 code units", not code points`},
		{"no offset unit", func(t *testing.T, valid string) string {
			return edit(t, valid, "  \"offsetUnit\": \"codepoint\",\n", "")
		},
			`this file does not say how it counts offsets: it has no "offsetUnit" field`},
		{"offset unit is a number", func(t *testing.T, valid string) string {
			return edit(t, valid, `"offsetUnit": "codepoint"`, `"offsetUnit": 16`)
		}, `"offsetUnit" must be a string, not a number (line 4, column 17)`},
		{"header field twice", func(t *testing.T, valid string) string {
			return edit(t, valid, `"version": 1,`, `"version": 1, "version": 1,`)
		}, `the file has "version" twice (line 3, column 17)`},

		// Documents.
		{"text edited", func(t *testing.T, valid string) string {
			return edit(t, valid, `"text": "Yes. No."`, `"text": "Yes. No!"`)
		},
			`document "d1": the text does not match its SHA-256; the file was edited`},
		{"malformed SHA-256", func(t *testing.T, valid string) string {
			return edit(t, valid, `"16a25060741d5f8d1c3de0e7f00982f21d06309243781d3ef396a4cc46b56e4c"`, `"abc"`)
		}, `document "d1": "sha256" must be 64 lowercase hexadecimal digits, not "abc" (line 36, column 17)`},
		{"wrong length", func(t *testing.T, valid string) string { return edit(t, valid, `"length": 8`, `"length": 9`) },
			`document "d1": "length" is 9, but the text has 8 characters (code points) (line 35, column 17)`},
		{"no documents", func(*testing.T, string) string {
			return `{"format": "sayso", "version": 1, "offsetUnit": "codepoint", "annotator": "",
				"schema": {"labels": [], "stanceValues": []}, "speakers": [], "annotations": []}`
		}, `the file has no "documents" field`},

		// Fields and types.
		{"missing quote", func(t *testing.T, valid string) string { return edit(t, valid, "      \"quote\": \"Yes.\",\n", "") },
			`annotation "a1" has no "quote" field`},
		{"offset is a string", func(t *testing.T, valid string) string { return edit(t, valid, `"start": 0`, `"start": "0"`) },
			`annotation "a1", fragment 1: "start" must be a whole number, not a string (line 48, column 20)`},
		{"offset is a fraction", func(t *testing.T, valid string) string { return edit(t, valid, `"start": 0`, `"start": 0.5`) },
			`annotation "a1", fragment 1: "start" must be a whole number, not 0.5 (line 48, column 20)`},
		{"negative offset", func(t *testing.T, valid string) string { return edit(t, valid, `"start": 5`, `"start": -5`) },
			`annotation "a2", fragment 1: "start" must be 0 or more, not -5 (line 62, column 20)`},
		{"offset too large", func(t *testing.T, valid string) string {
			return edit(t, valid, `"end": 4`, `"end": 123456789012345678901234567890`)
		}, `annotation "a1", fragment 1: "end" is too large: 123456789012345678901234567890 (line 49, column 18)`},
		{"fragment is not an object", func(t *testing.T, valid string) string {
			return edit(t, valid, "[\n        {\n          \"start\": 0,\n          \"end\": 4\n        }\n      ]", "[[0, 4]]")
		}, `annotation "a1": fragment 1 must be an object, not a list (line 46, column 21)`},
		{"no fragments", func(t *testing.T, valid string) string {
			return edit(t, valid, "[\n        {\n          \"start\": 0,\n          \"end\": 4\n        }\n      ]", "[]")
		}, `annotation "a1": "fragments" is empty; an annotation needs at least one (line 46, column 20)`},
		{"null instead of a string", func(t *testing.T, valid string) string { return edit(t, valid, `"prefix": ""`, `"prefix": null`) },
			`annotation "a1": "prefix" must be a string, not null (line 53, column 17)`},
		{"unknown field", func(t *testing.T, valid string) string {
			return edit(t, valid, "\"quote\": \"Yes.\",\n", "\"quote\": \"Yes.\",\n      \"speaker_mention\": \"a2\",\n")
		}, `annotation "a1" has an unknown field "speaker_mention" (line 53, column 7)`},
		{"unknown top-level field", func(t *testing.T, valid string) string {
			return edit(t, valid, "  \"generator\"", "  \"comment\": \"hi\",\n  \"generator\"")
		}, `the file has an unknown field "comment" (line 5, column 3)`},
		{"field twice", func(t *testing.T, valid string) string {
			return edit(t, valid, "\"quote\": \"No.\",\n", "\"quote\": \"No.\",\n      \"quote\": \"No.\",\n")
		}, `annotation "a2" has "quote" twice (line 67, column 7)`},
		{"list expected", func(t *testing.T, valid string) string { return edit(t, valid, `"speakers": []`, `"speakers": {}`) },
			`"speakers" must be a list, not an object (line 40, column 15)`},
		{"object expected in a list", func(t *testing.T, valid string) string { return edit(t, valid, `"speakers": []`, `"speakers": [1]`) },
			`speaker 1 must be an object, not a number (line 40, column 16)`},
		{"stance value is not a string", func(t *testing.T, valid string) string {
			return edit(t, valid, `"stanceValues": []`, `"stanceValues": [true]`)
		}, `the schema: stance value 1 must be a string, not true or false (line 28, column 22)`},
		{"colour that could inject CSS", func(t *testing.T, valid string) string {
			return edit(t, valid, `"color": ""`, `"color": "red;background:url(x)"`)
		}, `label "claim": colour "red;background:url(x)" is not of the form #rrggbb (line 12, column 18)`},
		{"long key", func(t *testing.T, valid string) string { return edit(t, valid, `"key": ""`, `"key": "ctrl+c"`) },
			`label "claim": key "ctrl+c" is longer than one character (line 13, column 16)`},
	}
	valid := sparseFile(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := native.Decode([]byte(tt.input(t, valid)))
			assert.EqualError(t, err, tt.want)
			assert.Equal(t, annotation.Project{}, p, "no project on error")
		})
	}
}

func TestDecodeRefusesFilesOverTheLimit(t *testing.T) {
	b := make([]byte, native.MaxFileSize+5<<20)
	p, err := native.Decode(b)
	assert.EqualError(t, err, "this file is too large (69 MB); Sayso opens files of up to 64 MB")
	assert.Equal(t, annotation.Project{}, p)
}

func TestDecodeExplainsLengthCountedInUTF16(t *testing.T) {
	p := annotation.Project{
		Schema:    annotation.DefaultSchema(),
		Documents: []annotation.Document{{ID: "d1", Text: "🚀 go"}},
	}
	b, err := native.Encode(p)
	require.NoError(t, err)
	_, err = native.Decode([]byte(edit(t, string(b), `"length": 4`, `"length": 5`)))
	assert.EqualError(t, err, `document "d1": "length" is 5, but the text has 4 characters (code points); 5 is its length in UTF-16 units (line 40, column 17)`)
}

func TestDecodeAcceptsHandWrittenVariants(t *testing.T) {
	tests := []struct {
		name  string
		input func(t *testing.T, valid string) string
	}{
		{"byte order mark", func(_ *testing.T, valid string) string { return "\uFEFF" + valid }},
		{"CRLF line ends", func(_ *testing.T, valid string) string { return strings.ReplaceAll(valid, "\n", "\r\n") }},
		{"compact", func(_ *testing.T, valid string) string {
			return strings.NewReplacer("\n", "", "  ", "").Replace(valid)
		}},
		{"no generator", func(t *testing.T, valid string) string { return edit(t, valid, "  \"generator\": \"Sayso\",\n", "") }},
		{"header last, fields in another order", func(t *testing.T, valid string) string {
			v := edit(t, valid, "  \"format\": \"sayso\",\n  \"version\": 1,\n  \"offsetUnit\": \"codepoint\",\n", "")
			v = edit(t, v, "      \"id\": \"a1\",\n      \"document\": \"d1\",\n", "      \"document\": \"d1\",\n")
			v = edit(t, v, "      \"suffix\": \" No.\"\n", "      \"suffix\": \" No.\",\n      \"id\": \"a1\"\n")
			return strings.TrimSuffix(v, "}\n") + ", \"offsetUnit\": \"codepoint\", \"version\": 1, \"format\": \"sayso\"}"
		}},
		{"escaped characters", func(t *testing.T, valid string) string {
			return edit(t, valid, `"quote": "Yes."`, `"quote": "\u0059es\u002e"`)
		}},
		{"empty attributes written out", func(t *testing.T, valid string) string {
			return edit(t, valid, `"suffix": " No."`, `"suffix": " No.", "stance": "", "note": "", "created": ""`)
		}},
	}
	sch := compileSchema(t)
	valid := sparseFile(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := tt.input(t, valid)
			requireValid(t, sch, []byte(in))
			p, err := native.Decode([]byte(in))
			require.NoError(t, err)
			assert.Equal(t, sparseProject(), p)
		})
	}
}

func TestOpenReportsAnnotationsThatDoNotFitTheText(t *testing.T) {
	tests := []struct {
		name   string
		change func(p *annotation.Project)
		want   string
	}{
		{"quote differs from the text", func(p *annotation.Project) { p.Annotations[0].Quote = "Yes!" },
			`the file's annotations do not fit its text: annotation "a1": quote "Yes!" does not match the text at 0–4, which reads "Yes."`},
		{"fragment past the end", func(p *annotation.Project) { p.Annotations[1].Fragments[0].End = 80 },
			`the file's annotations do not fit its text: annotation "a2": fragment 5–80 does not fit in the text, which has 8 characters: outside the text`},
		{"link to a missing speaker", func(p *annotation.Project) { p.Annotations[0].Speaker = "s9" },
			`the file's annotations do not fit its text: annotation "a1": speaker "s9" does not exist`},
		{"label not in the schema", func(p *annotation.Project) { p.Annotations[0].Label = "rumour" },
			`the file's annotations do not fit its text: annotation "a1": label "rumour" is not in the schema`},
		{"no labels", func(p *annotation.Project) { p.Schema.Labels = nil; p.Annotations = nil },
			`the file's contents do not fit together: the schema has no labels`},
		{"document twice", func(p *annotation.Project) { p.Documents = append(p.Documents, p.Documents[0]) },
			`the file's contents do not fit together: document id "d1" is used twice`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := sparseProject()
			tt.change(&p)
			b, err := native.Encode(p)
			require.NoError(t, err)
			s, err := native.Open(b, clock)
			assert.EqualError(t, err, tt.want)
			assert.Nil(t, s)
			_, isProblems := annotation.IsProblems(err)
			assert.True(t, isProblems, "Load's problems stay reachable")
		})
	}
}

func TestOpenPassesDecodeErrorsThrough(t *testing.T) {
	s, err := native.Open([]byte(`{"format": "sayso", "version": 3}`), clock)
	assert.EqualError(t, err, "this file was made by a newer Sayso (format version 3); this version reads version 1")
	assert.Nil(t, s)
}

func TestOpenRestoresAStoreThatKeepsWorking(t *testing.T) {
	b, err := native.Encode(multilingualStore(t).Project())
	require.NoError(t, err)
	s, err := native.Open(b, clock)
	require.NoError(t, err)

	d := s.Documents()[0]
	id, err := s.Add(d.ID, annotation.LabelClaim, []text.Span{spanOf(t, d.Text, "שלום", 0)})
	require.NoError(t, err)
	assert.NotContains(t, string(b), `"id": "`+id+`"`, "new ids do not collide with loaded ones")
}
