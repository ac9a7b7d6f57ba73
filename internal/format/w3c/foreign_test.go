package w3c

import (
	"fmt"
	"io/fs"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
)

func TestCorrectSamplesBreakNothing(t *testing.T) {
	fsys := w3cCorpus(t)
	names, err := fs.Glob(fsys, samplesDir+"/*.json")
	require.NoError(t, err)
	for _, n := range names {
		b, err := fs.ReadFile(fsys, n)
		require.NoError(t, err)
		_, rep, err := Import(b, textsFor(t, b))
		require.NoError(t, err, n)
		for _, s := range rep.Skipped {
			assert.NotContains(t, s, modelBreak, "%s follows the model", n)
		}
	}
}

// openText is the article open in the app, written for these tests.
const openText = "The council met on Monday. Mayor Ana Ruiz said the bridge will reopen in May. " +
	"Critics said the bridge was unsafe. The mayor said 🚀 funding is secured."

// hypothesis writes an annotation as Hypothesis's W3C (JSON-LD) export
// shapes it: a URL as the source, a RangeSelector, a TextPositionSelector
// counting the web page's text and a TextQuoteSelector.
func hypothesis(id, exact, prefix, suffix string, start int, bodies string) string {
	return fmt.Sprintf(`{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation",
  "id": "https://hypothes.is/a/%s", "created": "2024-05-02T10:11:12.000000+00:00",
  "creator": "acct:reader@hypothes.is", "body": [%s],
  "target": [{"source": "https://news.example.org/bridge",
    "selector": [
      {"type": "RangeSelector", "startContainer": "/main[1]/p[1]", "startOffset": 3, "endContainer": "/main[1]/p[1]", "endOffset": 9},
      {"type": "TextPositionSelector", "start": %d, "end": %d},
      {"type": "TextQuoteSelector", "exact": %q, "prefix": %q, "suffix": %q}]}]}`,
		id, bodies, start, start+len([]rune(exact)), exact, prefix, suffix)
}

func TestOtherToolsAnnotationsArePlacedOnTheOpenText(t *testing.T) {
	comment := `{"type": "TextualBody", "value": "Check this.", "format": "text/markdown"}`
	tag := `{"type": "TextualBody", "purpose": "tagging", "value": "claim"}`
	file := "[" + strings.Join([]string{
		// The page's text starts like the article: the position is right.
		hypothesis("pos", "Mayor Ana Ruiz", "on Monday. ", " said", 27, comment),
		// Positions counted on a page with a header before the article.
		hypothesis("quote", "will reopen in May", "the bridge ", ". Critics", 412, tag),
		// "the bridge" twice: the context tells which.
		hypothesis("context", "the bridge", "Critics said ", " was unsafe", 400, ""),
		// Edited since: found by a close match.
		hypothesis("fuzzy", "funding is secure now", "🚀 ", "", 900, ""),
		// Not in the article at all.
		hypothesis("missing", "a sentence from elsewhere", "", "", 3, ""),
	}, ",\n") + "]"

	p, rep, pl, err := ImportWith([]byte(file), nil, Options{OpenText: openText})
	require.NoError(t, err)
	requireLoads(t, p)
	assert.Equal(t, Placement{Sources: []string{"https://news.example.org/bridge"}, Total: 5,
		ByPosition: 1, ByQuote: 1, ByContext: 1, ByFuzzy: 1, NotFound: 1}, pl)
	assert.Equal(t, "4 of 5 annotations made on https://news.example.org/bridge were placed on the open text: "+
		"1 by its position, 1 by its quote, 1 by its quote and its context, 1 by a close match of its quote; 1 was not found", pl.String())

	require.Len(t, p.Documents, 1)
	assert.Equal(t, openText, p.Documents[0].Text)
	assert.Equal(t, SourceIRI(openText), p.Documents[0].Title, "titled so that the app gives it the open document's title")
	quotes := map[string]annotation.Annotation{}
	for _, a := range p.Annotations {
		quotes[a.Quote] = a
	}
	assert.Contains(t, quotes, "Mayor Ana Ruiz")
	assert.Equal(t, "Check this.", quotes["Mayor Ana Ruiz"].Note)
	assert.Equal(t, "acct:reader@hypothes.is", quotes["Mayor Ana Ruiz"].Annotator)
	assert.Equal(t, annotation.LabelClaim, quotes["will reopen in May"].Label)
	ctx := quotes["the bridge"]
	require.Len(t, ctx.Fragments, 1)
	assert.Equal(t, strings.Index(openText, "bridge was")-len("the "), ctx.Fragments[0].Start, "the second “the bridge”")
	assert.Contains(t, quotes, "funding is secured")

	all := strings.Join(rep.Skipped, "\n")
	assert.Contains(t, all, "https://hypothes.is/a/missing: its text “a sentence from elsewhere” (at 3–28) could not be found in the open text")
	assert.Contains(t, all, "https://hypothes.is/a/fuzzy: its text “funding is secure now” (at 900–921) was re-anchored")
	assert.NotContains(t, all, "RangeSelector", "a RangeSelector beside a quote is not missed")
	assert.NotContains(t, all, modelBreak, "Hypothesis's export follows the model")
	assert.Len(t, rep.Skipped, 2, "%s", all)

	_, rep, err = Import([]byte(file), nil)
	require.NoError(t, err)
	assert.Contains(t, strings.Join(rep.Skipped, "\n"), "no text was given for its document https://news.example.org/bridge", "without an open text nothing is placed")
}

func TestSaysosOwnAnnotationsStillGoToTheirDocument(t *testing.T) {
	p := handBuilt(t)
	b, err := Export(p)
	require.NoError(t, err)
	got, rep, pl, err := ImportWith(b, Texts(p), Options{OpenText: openText})
	require.NoError(t, err)
	assert.Empty(t, rep.Skipped)
	assert.Equal(t, Placement{}, pl, "none is another tool's")
	assert.Empty(t, pl.String())
	assert.Len(t, got.Documents, len(p.Documents), "the open text is not added")
}

func TestHypothesisOwnShapeOpensWithWarnings(t *testing.T) {
	// Hypothesis's API shape: no @context, no type, "text" and "tags"
	// instead of bodies, a list of selectors under target.
	file := `[{"id": "aBc123", "uri": "https://news.example.org/bridge", "user": "acct:reader@hypothes.is",
  "created": "2024-05-02T10:11:12.000000+00:00", "text": "Source?", "tags": ["Claim"],
  "target": [{"source": "https://news.example.org/bridge", "selector": [
    {"type": "TextQuoteSelector", "exact": "the bridge will reopen in May", "prefix": "Ruiz said ", "suffix": ". Critics"}]}]}]`
	p, rep, pl, err := ImportWith([]byte(file), nil, Options{OpenText: openText})
	require.NoError(t, err)
	requireLoads(t, p)
	assert.Equal(t, 1, pl.ByQuote)
	require.Len(t, p.Annotations, 1)
	a := p.Annotations[0]
	assert.Equal(t, "the bridge will reopen in May", a.Quote)
	assert.Equal(t, annotation.LabelClaim, a.Label, "its tag")
	assert.Equal(t, "Source?", a.Note, "its text")
	assert.Equal(t, []string{
		"aBc123: " + modelBreak + "it has no @context (an annotation names http://www.w3.org/ns/anno.jsonld)",
		"aBc123: " + modelBreak + `its id "aBc123" is not an IRI`,
		"aBc123: " + modelBreak + "it has no type (an annotation is of type Annotation)",
	}, rep.Skipped)
}

func TestAnnotationsThatBreakTheModelOpenWithEachProblemNamed(t *testing.T) {
	texts := map[string]string{"urn:x:doc": "The quick brown fox jumps over the fox."}
	fox := `{"source": "urn:x:doc", "selector": {"type": "TextQuoteSelector", "exact": "brown fox"}}`
	anno := func(fields string) string {
		return `{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "target": ` + fox + `, ` + fields + `}`
	}
	tests := []struct {
		name, data string
		want       []string // report lines, after "NAME: it breaks the Web Annotation model: "
		note       string
	}{
		{"no context", `{"id": "urn:x:1", "type": "Annotation", "target": ` + fox + `}`,
			[]string{"it has no @context (an annotation names http://www.w3.org/ns/anno.jsonld)"}, ""},
		{"another context", `{"@context": "http://schema.org/", "id": "urn:x:1", "type": "Annotation", "target": ` + fox + `}`,
			[]string{"its @context does not name http://www.w3.org/ns/anno.jsonld"}, ""},
		{"no id", anno(`"bodyValue": "x"`), []string{"it has no id"}, "x"},
		{"id not an IRI", anno(`"id": "my note"`), []string{`its id "my note" is not an IRI`}, ""},
		{"numeric id", anno(`"id": 7`), []string{"its id 7 is not an IRI"}, ""},
		{"no type", `{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:x:1", "target": ` + fox + `}`,
			[]string{"it has no type (an annotation is of type Annotation)"}, ""},
		{"body without value", anno(`"id": "urn:x:1", "body": {"type": "TextualBody", "purpose": "commenting"}`),
			[]string{"its body 1 has no value"}, ""},
		{"numeric body value", anno(`"id": "urn:x:1", "body": {"type": "TextualBody", "value": 4.5}`),
			[]string{"its body 1 value 4.5 is not a string"}, "4.5"},
		{"numeric bodyValue is kept", anno(`"id": "urn:x:1", "bodyValue": 42`),
			[]string{"its bodyValue 42 is not a string"}, "42"},
		{"array bodyValue keeps every value", anno(`"id": "urn:x:1", "bodyValue": ["first", "second"]`),
			[]string{"it has 2 values of bodyValue, where the model allows one"}, "first\nsecond"},
		{"array-valued body keeps every value", anno(`"id": "urn:x:1", "body": {"type": "TextualBody", "value": ["one", 2]}`),
			[]string{"its body 1 has 2 values, where the model allows one"}, "one\n2"},
		{"two created", anno(`"id": "urn:x:1", "created": ["2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z"]`),
			[]string{"it has 2 values of created, where the model allows one"}, ""},
		{"malformed created", anno(`"id": "urn:x:1", "created": "last week"`),
			[]string{"its created last week is not a date and time (xsd:dateTime with a zone)"}, ""},
		{"malformed generated", anno(`"id": "urn:x:1", "generated": 2024`),
			[]string{"its generated 2024 is not a date and time (xsd:dateTime with a zone)"}, ""},
		{"malformed creator", anno(`"id": "urn:x:1", "creator": 12`),
			[]string{"its creator 12 is neither an IRI nor an agent"}, ""},
		{"creator not an IRI", anno(`"id": "urn:x:1", "creator": "Ana"`),
			[]string{`its creator "Ana" is neither an IRI nor an agent`}, ""},
		{"empty creator object", anno(`"id": "urn:x:1", "creator": {"email": "a@example.org"}`),
			[]string{"its creator is an agent with no id, type or name"}, ""},
		{"body and bodyValue", anno(`"id": "urn:x:1", "bodyValue": "a", "body": {"type": "TextualBody", "value": "b"}`),
			[]string{"it has both a body and a bodyValue"}, "a\nb"},
		{"two exacts", `{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:x:1", "type": "Annotation", "target": {"source": "urn:x:doc", "selector": {"type": "TextQuoteSelector", "exact": ["brown fox", "fox"]}}}`,
			[]string{"its TextQuoteSelector has 2 values of exact, where the model allows one"}, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, rep, err := Import([]byte(tc.data), texts)
			require.NoError(t, err)
			requireLoads(t, got)
			var breaks []string
			for _, s := range rep.Skipped {
				if _, after, ok := strings.Cut(s, modelBreak); ok {
					breaks = append(breaks, after)
				}
			}
			assert.Equal(t, tc.want, breaks, "%v", rep.Skipped)
			if len(got.Annotations) > 0 {
				assert.Equal(t, tc.note, got.Annotations[0].Note)
			}
		})
	}
	t.Run("duplicate ids", func(t *testing.T) {
		one := anno(`"id": "urn:x:1"`)
		_, rep, err := Import([]byte("["+one+","+one+"]"), texts)
		require.NoError(t, err)
		assert.Contains(t, rep.Skipped, "urn:x:1: "+modelBreak+"its id urn:x:1 is used by an earlier annotation")
	})
}

func TestCorrectSamplesArePlacedOnTheOpenText(t *testing.T) {
	fsys := w3cCorpus(t)
	tests := []struct {
		file   string
		placed int
	}{
		{"anno26.json", 1},
		{"anno27.json", 1},
		{"anno32.json", 1},
		{"anno41-example44.json", 0},
	}
	for _, tc := range tests {
		t.Run(tc.file, func(t *testing.T) {
			b, err := fs.ReadFile(fsys, samplesDir+"/"+tc.file)
			require.NoError(t, err)
			texts := textsFor(t, b)
			require.LessOrEqual(t, len(texts), 1, "one source")
			var open string
			for _, body := range texts {
				open = body
			}
			got, _, pl, err := ImportWith(b, nil, Options{OpenText: open})
			require.NoError(t, err)
			requireLoads(t, got)
			assert.Equal(t, tc.placed, pl.Placed(), "%s", pl)
			assert.Len(t, got.Annotations, tc.placed)
			t.Log(pl)
		})
	}
	pl := Placement{Sources: []string{"a", "b"}, Total: 9, ByPosition: 5, ByQuote: 2, NotFound: 2}
	assert.Equal(t, "7 of 9 annotations made on 2 other documents were placed on the open text: 5 by their position, 2 by their quote; 2 were not found", pl.String())
}
