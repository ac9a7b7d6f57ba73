package native_test

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/format/formattest"
	"sayso/internal/format/native"
	"sayso/internal/text"
)

// clock is a fixed clock for stores built in tests.
func clock() time.Time { return time.Date(2025, 3, 14, 15, 9, 26, 0, time.UTC) }

// compileSchema compiles the embedded JSON Schema.
func compileSchema(t testing.TB) *jsonschema.Schema {
	return formattest.CompileSchema(t, native.Schema, "urn:sayso:format:native:1")
}

// requireValid checks b against the format's JSON Schema.
func requireValid(t testing.TB, sch *jsonschema.Schema, b []byte) {
	t.Helper()
	formattest.RequireValid(t, sch, "sayso.schema.json", b)
}

// encodeValid encodes p and checks the result against the schema.
func encodeValid(t testing.TB, sch *jsonschema.Schema, p annotation.Project) []byte {
	t.Helper()
	b, err := native.Encode(p)
	require.NoError(t, err)
	requireValid(t, sch, b)
	return b
}

// spanOf returns the code-point span of the n-th (0-based) occurrence of
// sub in s.
func spanOf(t testing.TB, s, sub string, n int) text.Span {
	t.Helper()
	from := 0
	for {
		i := strings.Index(s[from:], sub)
		require.GreaterOrEqual(t, i, 0, "%q not found in the text", sub)
		if n == 0 {
			start := utf8.RuneCountInString(s[:from+i])
			return text.Span{Start: start, End: start + utf8.RuneCountInString(sub)}
		}
		n--
		from += i + len(sub)
	}
}

// add adds an annotation over the first occurrence of each part.
func add(t testing.TB, s *annotation.Store, doc, label string, parts ...string) string {
	t.Helper()
	d, _, ok := s.Document(doc)
	require.True(t, ok)
	var frags []text.Span
	for _, p := range parts {
		frags = append(frags, spanOf(t, d.Text, p, 0))
	}
	id, err := s.Add(doc, label, frags)
	require.NoError(t, err)
	return id
}

// multilingualText is written for these tests: emoji outside the BMP (one
// joined with U+200D, one flag), CJK, a combining accent, Arabic and Hebrew.
const multilingualText = "Zoe\u0308 Ländler said the plan was \"bold\" 🚀 and, she added, \"safe for everyone 👩\u200d🔬\".\n" +
	"\n" +
	"习近平说：“中美关系很重要。” 🇨🇳\n" +
	"قالت ليلى إن الخطة جيدة.\n" +
	"אמר דוד: שלום עולם.\n"

const hostileNote = `She wrote "no" \ C:\path\n </script><img src=x onerror="alert(1)"> & <b>done</b>` + "\t\u2028end"

// multilingualStore builds a store over multilingualText with every kind of
// annotation and every claim field set.
func multilingualStore(t testing.TB) *annotation.Store {
	t.Helper()
	s := annotation.New(annotation.DefaultSchema(), "Ana <tester>", clock)
	doc, err := s.AddDocument("Plans & 计划 🚀", multilingualText)
	require.NoError(t, err)

	zoe := add(t, s, doc, annotation.LabelSpeaker, "Zoe\u0308 Ländler")
	said := add(t, s, doc, annotation.LabelCue, "said")
	bold := add(t, s, doc, annotation.LabelClaim, "the plan was \"bold\" 🚀")
	she := add(t, s, doc, annotation.LabelSpeaker, "she")
	safe := add(t, s, doc, annotation.LabelClaim, "and", "\"safe for everyone 👩\u200d🔬\"")
	xi := add(t, s, doc, annotation.LabelSpeaker, "习近平")
	shuo := add(t, s, doc, annotation.LabelCue, "说")
	cn := add(t, s, doc, annotation.LabelClaim, "中美关系很重要。")
	layla := add(t, s, doc, annotation.LabelSpeaker, "ليلى")
	good := add(t, s, doc, annotation.LabelClaim, "الخطة جيدة")
	david := add(t, s, doc, annotation.LabelSpeaker, "דוד")
	shalom := add(t, s, doc, annotation.LabelClaim, "שלום עולם")
	add(t, s, doc, annotation.LabelClaim, "🇨🇳")

	require.NoError(t, s.LinkMention(bold, zoe))
	require.NoError(t, s.LinkCue(bold, said))
	require.NoError(t, s.SetStance(bold, "favor"))
	require.NoError(t, s.SetNote(bold, hostileNote))
	require.NoError(t, s.LinkMention(safe, she))
	require.NoError(t, s.SetStance(safe, "neutral"))
	require.NoError(t, s.SetTarget(safe, "the \"plan\" </script>"))
	require.NoError(t, s.LinkMention(cn, xi))
	require.NoError(t, s.LinkCue(cn, shuo))
	require.NoError(t, s.SetStance(cn, "unclear"))
	require.NoError(t, s.SetTarget(cn, "中美关系"))
	require.NoError(t, s.LinkMention(good, layla))
	require.NoError(t, s.SetStance(good, "against"))
	require.NoError(t, s.SetTarget(good, "الخطة"))
	require.NoError(t, s.LinkMention(shalom, david))
	require.NoError(t, s.SetNote(david, "RTL: \u202Eevil\u202C"))
	return s
}

// sparseProject has every optional field empty: no annotator, no title,
// topic, key, colour or stance values, and annotations that touch both
// ends of the text so that their prefix or suffix is empty.
func sparseProject() annotation.Project {
	const body = "Yes. No."
	return annotation.Project{
		Schema: annotation.Schema{Labels: []annotation.Label{
			{ID: "claim"}, {ID: "speaker"}, {ID: "cue"},
		}},
		Documents: []annotation.Document{{ID: "d1", Text: body}},
		Annotations: []annotation.Annotation{
			{ID: "a1", Document: "d1", Label: "claim", Fragments: []text.Span{{Start: 0, End: 4}}, Quote: "Yes.", Suffix: " No."},
			{ID: "a2", Document: "d1", Label: "claim", Fragments: []text.Span{{Start: 5, End: 8}}, Quote: "No.", Prefix: "Yes. "},
		},
	}
}
