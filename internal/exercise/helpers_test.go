package exercise_test

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/exercise"
	"sayso/internal/format/formattest"
	"sayso/internal/text"
)

func clock() time.Time { return time.Date(2025, 3, 14, 15, 9, 26, 0, time.UTC) }

// Strings that only the teacher's annotations hold: none may reach an
// exercise file.
const (
	secretNote    = "KEY-ONLY note: the answer is </script> “claim 2”"
	secretTarget  = "KEY-ONLY target"
	secretSpeaker = "KEY-ONLY speaker name"
	teacherName   = "KEY-ONLY Teacher"
)

// Texts written for these tests: news-like, with emoji, CJK and RTL.
const (
	bridgeText = "Mayor Inés Ocampo said the bridge “will reopen in May” 🌉. Tomás Ruiz said the budget is a fantasy.\n"
	cafeText   = "王文说：“咖啡很好。” The owner said prices will rise.\n"
	rtlText    = "قالت ليلى إن الخطة جيدة. The minister said nothing.\n"
)

// teacherProject is a teacher's project of three documents, annotated in
// the first two, with notes, targets, stances and renamed speakers.
func teacherProject(t testing.TB) annotation.Project {
	t.Helper()
	s := annotation.New(annotation.DefaultSchema(), teacherName, clock)
	d1, err := s.AddDocument("Harbour Bridge", bridgeText)
	require.NoError(t, err)
	d2, err := s.AddDocument("Café prices", cafeText)
	require.NoError(t, err)
	_, err = s.AddDocument("Layla's plan", rtlText)
	require.NoError(t, err)

	ines := add(t, s, d1, annotation.LabelSpeaker, "Mayor Inés Ocampo")
	said := add(t, s, d1, annotation.LabelCue, "said")
	reopen := add(t, s, d1, annotation.LabelClaim, "the bridge “will reopen in May” 🌉")
	require.NoError(t, s.LinkMention(reopen, ines))
	require.NoError(t, s.LinkCue(reopen, said))
	require.NoError(t, s.SetStance(reopen, "favor"))
	require.NoError(t, s.SetNote(reopen, secretNote))
	require.NoError(t, s.SetTarget(reopen, secretTarget))
	a, _ := s.Annotation(ines)
	require.NoError(t, s.RenameSpeaker(a.Speaker, secretSpeaker))

	wang := add(t, s, d2, annotation.LabelSpeaker, "王文")
	good := add(t, s, d2, annotation.LabelClaim, "咖啡很好")
	require.NoError(t, s.LinkMention(good, wang))
	require.NoError(t, s.SetStance(good, "against"))
	return s.Project()
}

// add adds an annotation over the first occurrence of quote.
func add(t testing.TB, s *annotation.Store, doc, label, quote string) string {
	t.Helper()
	d, _, ok := s.Document(doc)
	require.True(t, ok)
	i := strings.Index(d.Text, quote)
	require.GreaterOrEqual(t, i, 0, "%q is not in the text", quote)
	start := utf8.RuneCountInString(d.Text[:i])
	id, err := s.Add(doc, label, []text.Span{{Start: start, End: start + utf8.RuneCountInString(quote)}})
	require.NoError(t, err)
	return id
}

// newExercise is the exercise of the whole teacher project.
func newExercise(t testing.TB) exercise.Exercise {
	t.Helper()
	e, err := exercise.New(teacherProject(t), "Week 3: who said it?", "Mark every claim.\n\n- Link it to its speaker.\n- Give it a stance.", nil)
	require.NoError(t, err)
	return e
}

// compileSchema compiles the embedded JSON Schema.
func compileSchema(t testing.TB) *jsonschema.Schema {
	return formattest.CompileSchema(t, exercise.Schema, "urn:sayso:format:exercise:1")
}

// requireValid checks b against the format's JSON Schema.
func requireValid(t testing.TB, sch *jsonschema.Schema, b []byte) {
	t.Helper()
	formattest.RequireValid(t, sch, "exercise.schema.json", b)
}

// encodeValid encodes e and checks the result against the schema.
func encodeValid(t testing.TB, sch *jsonschema.Schema, e exercise.Exercise) []byte {
	t.Helper()
	b, err := exercise.Encode(e)
	require.NoError(t, err)
	requireValid(t, sch, b)
	return b
}
