package native_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/format/native"
)

func roundTripProjects(t *testing.T) map[string]annotation.Project {
	return map[string]annotation.Project{
		"emoji, CJK, combining accents, RTL, discontinuous, every claim field, hostile notes": multilingualStore(t).Project(),
		"empty optional fields": sparseProject(),
		"hand-built golden":     goldenProject(t),
		"no documents":          annotation.New(annotation.DefaultSchema(), "", clock).Project(),
		"nothing at all":        {},
		"a student's exercise":  studentProject(),
		"an answer key":         keyProject(t),
	}
}

func TestRoundTripIsExact(t *testing.T) {
	sch := compileSchema(t)
	for name, p := range roundTripProjects(t) {
		t.Run(name, func(t *testing.T) {
			b := encodeValid(t, sch, p)

			got, err := native.Decode(b)
			require.NoError(t, err)
			assert.Equal(t, p, got, "decode(encode(p)) must be p")

			again := encodeValid(t, sch, got)
			assert.Equal(t, string(b), string(again), "encode(decode(b)) must be b")
		})
	}
}

func TestExportImportExportIsByteIdentical(t *testing.T) {
	sch := compileSchema(t)
	for name, p := range roundTripProjects(t) {
		if len(p.Schema.Labels) == 0 {
			continue // annotation.Load wants a schema
		}
		t.Run(name, func(t *testing.T) {
			b := encodeValid(t, sch, p)
			s, err := native.Open(b, clock)
			require.NoError(t, err)
			again := encodeValid(t, sch, s.Project())
			assert.Equal(t, string(b), string(again))
		})
	}
}

func TestEncodeIsDeterministic(t *testing.T) {
	p := multilingualStore(t).Project()
	first, err := native.Encode(p)
	require.NoError(t, err)
	for range 20 {
		b, err := native.Encode(multilingualStore(t).Project())
		require.NoError(t, err)
		require.Equal(t, string(first), string(b))
	}
}

func TestEncodeLayout(t *testing.T) {
	b, err := native.Encode(multilingualStore(t).Project())
	require.NoError(t, err)
	s := string(b)

	assert.True(t, strings.HasPrefix(s, "{\n  \"format\": \"sayso\",\n  \"version\": 1,\n  \"offsetUnit\": \"codepoint\",\n  \"generator\": \"Sayso\",\n"),
		"header fields first, in order, indented by two spaces:\n%s", s[:min(len(s), 200)])
	assert.True(t, strings.HasSuffix(s, "}\n"), "a final newline")
	assert.Contains(t, s, `</script><img src=x onerror=\"alert(1)\"> & <b>done</b>`, "HTML characters are not escaped")
	assert.NotContains(t, s, `\u003c`)
	assert.Contains(t, s, "🚀", "non-ASCII is written as is")
	assert.Contains(t, s, `\\ C:\\path\\n`, "backslashes are escaped once")
}

func TestEmptyAttributesAreLeftOut(t *testing.T) {
	b, err := native.Encode(sparseProject())
	require.NoError(t, err)
	var f struct {
		Annotator   *string
		Documents   []map[string]any
		Annotations []map[string]any
	}
	require.NoError(t, json.Unmarshal(b, &f))

	require.NotNil(t, f.Annotator, "the project's annotator is always written")
	assert.Equal(t, "", *f.Annotator)
	assert.Contains(t, f.Documents[0], "title", "document fields are always written")
	assert.Contains(t, f.Documents[0], "topic")
	for _, a := range f.Annotations {
		for _, k := range []string{"id", "document", "label", "fragments", "quote", "prefix", "suffix"} {
			assert.Contains(t, a, k, "%s is always written", k)
		}
		for _, k := range []string{"stance", "target", "speaker", "speakerMention", "cue", "note", "annotator", "created", "modified"} {
			assert.NotContains(t, a, k, "an empty %s is left out", k)
		}
	}
}

// TestOffsetsSliceLikePython reads an export the way a Python user would
// (json.load, then text[start:end]) and checks every quote.
func TestOffsetsSliceLikePython(t *testing.T) {
	for name, p := range roundTripProjects(t) {
		t.Run(name, func(t *testing.T) {
			b, err := native.Encode(p)
			require.NoError(t, err)
			var f struct {
				Documents []struct {
					ID     string
					Text   string
					Length int
				}
				Annotations []struct {
					ID        string
					Document  string
					Fragments []struct{ Start, End int }
					Quote     string
				}
			}
			require.NoError(t, json.Unmarshal(b, &f))
			texts := map[string][]rune{}
			for _, d := range f.Documents {
				texts[d.ID] = []rune(d.Text)
				assert.Equal(t, len(texts[d.ID]), d.Length, "len(text) in Python")
			}
			for _, a := range f.Annotations {
				runes := texts[a.Document]
				parts := make([]string, len(a.Fragments))
				for i, fr := range a.Fragments {
					parts[i] = string(runes[fr.Start:fr.End])
				}
				if len(parts) == 1 {
					assert.Equal(t, a.Quote, parts[0], "text[start:end] of %s", a.ID)
				}
				assert.Equal(t, a.Quote, strings.Join(parts, annotation.QuoteJoiner), "the quote of %s", a.ID)
			}
		})
	}
}

func TestEncodeRefusesWhatItCannotCarry(t *testing.T) {
	tests := []struct {
		name   string
		change func(p *annotation.Project)
		want   string
	}{
		{"invalid UTF-8 in a note", func(p *annotation.Project) { p.Annotations[0].Note = "bad \xff" },
			`encode: annotation 1 ("a1"): "bad \xff" is not valid UTF-8`},
		{"no fragment", func(p *annotation.Project) { p.Annotations[1].Fragments = nil },
			`encode: annotation 2 ("a2") has no fragment`},
		{"negative offset", func(p *annotation.Project) { p.Annotations[0].Fragments[0].Start = -1 },
			`encode: annotation 1 ("a1"): fragment 1 (-1–4) has a negative offset`},
		{"colour that is not #rrggbb", func(p *annotation.Project) { p.Schema.Labels[0].Color = "red" },
			`encode: label 1: colour "red" is not of the form #rrggbb`},
		{"long key", func(p *annotation.Project) { p.Schema.Labels[0].Key = "cc" },
			`encode: label 1: key "cc" is longer than one character`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := sparseProject()
			tt.change(&p)
			b, err := native.Encode(p)
			assert.EqualError(t, err, tt.want)
			assert.Nil(t, b)
		})
	}
}
