package native

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
)

// reflectEncode is what Encode wrote before jsonWriter: encoding/json with
// the same settings. jsonWriter must write the same bytes.
func reflectEncode(t testing.TB, f wireFile) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	require.NoError(t, enc.Encode(f))
	return buf.Bytes()
}

// sampleProject is the golden file's project: a multilingual document,
// speakers, claims with every optional field, cues and a discontinuous
// annotation.
func sampleProject(t testing.TB) annotation.Project {
	b, err := os.ReadFile("testdata/golden.sayso.json")
	require.NoError(t, err)
	p, err := Decode(b)
	require.NoError(t, err)
	require.NotEmpty(t, p.Annotations)
	return p
}

func writeWire(f wireFile) []byte {
	var w jsonWriter
	f.write(&w)
	return w.b
}

func TestWriterWritesWhatEncodingJSONWrites(t *testing.T) {
	full := toWire(sampleProject(t))
	empty := toWire(sampleProject(t))
	empty.Documents, empty.Speakers, empty.Annotations = empty.Documents[:0], empty.Speakers[:0], empty.Annotations[:0]
	empty.Schema.Labels, empty.Schema.StanceValues = empty.Schema.Labels[:0], empty.Schema.StanceValues[:0]
	withOrphans := toWire(sampleProject(t))
	withOrphans.Orphans = withOrphans.Annotations[:1]
	tricky := toWire(sampleProject(t))
	tricky.Annotator = "a\"b\\c\n\r\t\b\f\x00\x1f\x7f <&> \u2028\u2029 😀 \xff end"
	tricky.Annotations[0].Note = "</script><!-- \u00e9"
	tricky.Annotations[0].Fragments = tricky.Annotations[0].Fragments[:0]
	tricky.Documents[0].Done = true
	student := toWire(sampleProject(t))
	student.Exercise = &wireExercise{ID: "ex-0123456789ab", Title: "Week 3 <quotes> & \u2028"}
	key := toWire(sampleProject(t))
	key.Exercise = &wireExercise{ID: "ex-0123456789ab", Title: "Week 3", Role: "key"}
	for _, c := range []struct {
		name string
		f    wireFile
	}{
		{"a whole project", full},
		{"empty lists", empty},
		{"orphans", withOrphans},
		{"strings to escape", tricky},
		{"a student's exercise", student},
		{"an answer key", key},
	} {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, string(reflectEncode(t, c.f)), string(writeWire(c.f)))
		})
	}
}

func FuzzWriterMatchesEncodingJSON(f *testing.F) {
	f.Add("plain", "line\nbreak", 3, "")
	f.Add("\u2028", "\"\\", -1, "😀\xff")
	f.Add("\x00\x01\x1f", "<>&", 1<<40, "\u00e9\u2029")
	p := sampleProject(f)
	f.Fuzz(func(t *testing.T, a, b string, n int, c string) {
		w := toWire(p)
		w.Annotator = a
		w.Documents[0].Title = b
		w.Documents[0].Length = n
		w.Documents[0].Done = n%2 == 0
		w.Annotations[0].Note = c
		w.Annotations[0].Anchored = &wireAnchored{By: b, Confidence: n}
		w.Annotations[0].Stance = b
		w.Speakers[0].Name = c + a
		if n%3 != 0 {
			w.Exercise = &wireExercise{ID: a, Title: b, Role: c}
		}
		if len(w.Annotations[0].Fragments) > 0 {
			w.Annotations[0].Fragments[0].Start = n
		}
		want := reflectEncode(t, w)
		if got := writeWire(w); !bytes.Equal(got, want) {
			t.Fatalf("jsonWriter wrote\n%q\nencoding/json wrote\n%q", got, want)
		}
	})
}
