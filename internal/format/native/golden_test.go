package native_test

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/format/native"
	"sayso/internal/text"
)

var update = flag.Bool("update", false, "rewrite testdata/golden.sayso.json")

const goldenPath = "testdata/golden.sayso.json"

// goldenText is a short news story written for this test.
const goldenText = "Harbour Bridge to reopen in May 🌉\n" +
	"\n" +
	"Mayor Inés Ocampo told reporters on Monday that the repaired bridge “will reopen in May, on schedule.” " +
	"Not everyone agrees. “The budget is a fantasy,” said Tomás Ruiz, who chairs the council’s finance committee. " +
	"He added that repairs to the east pier “have not even started.”\n" +
	"\n" +
	"市民代表王芳表示：“我们需要更多信息。”\n"

// goldenAnn builds annotation id over the first occurrence of each part of
// goldenText, with its quote, prefix and suffix.
func goldenAnn(t *testing.T, id, label string, parts ...string) annotation.Annotation {
	t.Helper()
	x := text.NewIndex(goldenText)
	var frags []text.Span
	for _, p := range parts {
		frags = append(frags, spanOf(t, goldenText, p, 0))
	}
	a := annotation.Annotation{
		ID: id, Document: "d1", Label: label, Fragments: frags,
		Quote:     annotation.QuoteOf(x, frags),
		Annotator: "Golden Tester",
		Created:   "2025-01-02T03:04:05Z",
		Modified:  "2025-01-02T03:04:05Z",
	}
	a.Prefix, a.Suffix = x.Context(a.Hull(), annotation.ContextLength)
	return a
}

// goldenProject is written by hand, in the order a store returns it.
func goldenProject(t *testing.T) annotation.Project {
	claim := func(id string, stance, target, speaker, mention, cue string, parts ...string) annotation.Annotation {
		a := goldenAnn(t, id, annotation.LabelClaim, parts...)
		a.Stance, a.Target, a.Speaker, a.SpeakerMention, a.Cue = stance, target, speaker, mention, cue
		a.Modified = "2025-01-02T03:10:00Z"
		return a
	}
	mention := func(id, speaker, part string) annotation.Annotation {
		a := goldenAnn(t, id, annotation.LabelSpeaker, part)
		a.Speaker = speaker
		return a
	}
	budget := claim("a4", "against", "Harbour Bridge reopening", "s2", "a6", "a5", "“The budget is a fantasy,”")
	budget.Note = `Irony? Compare his earlier "support" <i>and</i> the \ in C:\budget.`
	pier := claim("a8", "against", "the repairs", "s2", "a7", "", "repairs to the east pier", "“have not even started.”")
	pier.Annotator = ""

	return annotation.Project{
		Schema:    annotation.DefaultSchema(),
		Annotator: "Golden Tester",
		Documents: []annotation.Document{{
			ID: "d1", Title: "Harbour Bridge to reopen in May 🌉", Topic: "Harbour Bridge reopening", Text: goldenText,
		}},
		Speakers: []annotation.Speaker{
			{ID: "s1", Name: "Inés Ocampo"},
			{ID: "s2", Name: "Tomás Ruiz"},
			{ID: "s3", Name: "王芳"},
		},
		Annotations: []annotation.Annotation{
			mention("a1", "s1", "Mayor Inés Ocampo"),
			goldenAnn(t, "a2", annotation.LabelCue, "told reporters"),
			claim("a3", "favor", "Harbour Bridge reopening", "s1", "a1", "a2", "the repaired bridge “will reopen in May, on schedule.”"),
			budget,
			goldenAnn(t, "a5", annotation.LabelCue, "said"),
			mention("a6", "s2", "Tomás Ruiz"),
			mention("a7", "s2", "He"),
			pier,
			mention("a9", "s3", "市民代表王芳"),
			goldenAnn(t, "a10", annotation.LabelCue, "表示"),
			claim("a11", "unclear", "", "s3", "a9", "a10", "“我们需要更多信息。”"),
		},
	}
}

func TestGoldenFile(t *testing.T) {
	sch := compileSchema(t)
	b := encodeValid(t, sch, goldenProject(t))
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(goldenPath), 0o755))
		require.NoError(t, os.WriteFile(goldenPath, b, 0o644))
	}
	want, err := os.ReadFile(goldenPath)
	require.NoError(t, err, "run go test -run TestGoldenFile -update to create it")
	assert.Equal(t, string(want), string(b), "Encode changed its output; if that is intended, run with -update")
	requireValid(t, sch, want)
}

func TestGoldenFileOpensToTheSameProject(t *testing.T) {
	want, err := os.ReadFile(goldenPath)
	require.NoError(t, err)
	s, err := native.Open(want, clock)
	require.NoError(t, err)
	assert.Equal(t, goldenProject(t), s.Project(), "the golden project is in the order a store returns")
	b, err := native.Encode(s.Project())
	require.NoError(t, err)
	assert.Equal(t, string(want), string(b))
}
