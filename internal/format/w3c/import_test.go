package w3c

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/text"
)

func TestHandBuiltProjectComesBack(t *testing.T) {
	p := handBuilt(t)
	b, err := Export(p)
	require.NoError(t, err)
	got, rep, err := Import(b, Texts(p))
	require.NoError(t, err)
	requireLoads(t, got)

	assert.Empty(t, rep.Skipped)
	assert.Equal(t, 2, rep.Documents)
	assert.Equal(t, len(p.Annotations), rep.Annotations)
	assert.Equal(t, 5, rep.Links)
	assert.Equal(t, views(p), views(got), "same spans, labels, stances, targets, notes, speakers and links")
	assert.Equal(t, p.Schema.Stances, got.Schema.Stances)
	var labels []string
	for _, l := range got.Schema.Labels {
		labels = append(labels, l.ID)
	}
	assert.Equal(t, []string{"claim", "speaker", "cue", "evidence"}, labels, "a new tag becomes a new label")
	var names []string
	for _, s := range got.Speakers {
		names = append(names, s.Name)
	}
	assert.ElementsMatch(t, []string{"Ana Ruiz", "the mayor"}, names, "speakers come back by id, named")
}

func TestImportReanchorsWhenTheTextChanged(t *testing.T) {
	p := handBuilt(t)
	b, err := Export(p)
	require.NoError(t, err)
	texts := Texts(p)
	texts[SourceIRI(textTwo)] = "Update: nothing changed.\n" + textTwo

	got, rep, err := Import(b, texts)
	require.NoError(t, err)
	requireLoads(t, got)
	assert.Equal(t, len(p.Annotations), rep.Annotations, "every annotation is placed")
	var reanchored int
	for _, s := range rep.Skipped {
		if strings.Contains(s, "re-anchored") {
			reanchored++
		}
	}
	assert.Equal(t, 5, reanchored, "each annotation of the changed text says how it was found")
	for _, a := range got.Annotations {
		if a.Label == annotation.LabelClaim && a.Quote == "repairs start soon" {
			assert.Equal(t, []text.Span{spanOf(t, "Update: nothing changed.\n"+textTwo, "repairs start soon", 0)}, a.Fragments)
			return
		}
	}
	t.Fatal("the claim of the changed text was not imported")
}

func TestImportListsWhatItCannotPlace(t *testing.T) {
	p := handBuilt(t)
	b, err := Export(p)
	require.NoError(t, err)
	texts := Texts(p)
	delete(texts, SourceIRI(textOne))
	texts[SourceIRI(textTwo)] = "A different text altogether."

	got, rep, err := Import(b, texts)
	require.NoError(t, err)
	requireLoads(t, got)
	assert.Empty(t, got.Annotations)
	assert.Equal(t, 0, rep.Annotations)
	missing, lost := 0, 0
	for _, s := range rep.Skipped {
		switch {
		case strings.Contains(s, "no text was given for its document "+SourceIRI(textOne)):
			missing++
		case strings.Contains(s, "could not be found in the document"):
			lost++
		}
	}
	assert.Equal(t, 7, missing, "each annotation of the missing text is listed, with its quote")
	assert.Equal(t, 5, lost, "each annotation that is not found is listed")
	assert.Contains(t, strings.Join(rep.Skipped, "\n"), "“repairs start soon”")
}

// sampleAnno is an annotation written for these tests.
const sampleAnno = `{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:x:1", "type": "Annotation",
 "body": [{"type": "TextualBody", "purpose": "tagging", "value": "Claim"},
          {"type": "TextualBody", "value": "looks right"}],
 "target": {"source": "urn:x:doc", "selector": {"type": "TextQuoteSelector", "exact": "brown fox"}}}`

func TestImportAcceptsEveryContainer(t *testing.T) {
	texts := map[string]string{"urn:x:doc": "The quick brown fox jumps."}
	tests := []struct {
		name string
		data string
	}{
		{"annotation", sampleAnno},
		{"array", "[" + sampleAnno + "]"},
		{"page", `{"type": "AnnotationPage", "items": [` + sampleAnno + `]}`},
		{"collection", `{"type": "AnnotationCollection", "first": {"type": "AnnotationPage", "items": [` + sampleAnno + `]}}`},
		{"second page", `{"type": "AnnotationCollection", "first": {"type": "AnnotationPage", "items": [],
			"next": {"type": "AnnotationPage", "items": [` + sampleAnno + `]}}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, rep, err := Import([]byte(tt.data), texts)
			require.NoError(t, err)
			requireLoads(t, got)
			assert.Empty(t, rep.Skipped)
			require.Len(t, got.Annotations, 1)
			a := got.Annotations[0]
			assert.Equal(t, annotation.LabelClaim, a.Label, "the tag matches the label's name")
			assert.Equal(t, []text.Span{{Start: 10, End: 19}}, a.Fragments)
			assert.Equal(t, "looks right", a.Note)
			assert.Equal(t, "urn:x:doc", got.Documents[0].Title)
		})
	}
}

func TestImportRefusesWhatIsNotAnnotations(t *testing.T) {
	tests := []struct{ name, data, msg string }{
		{"not JSON", "T1\tClaim 0 5\thello", "not JSON"},
		{"trailing data", sampleAnno + " {}", "more after"},
		{"a string", `"urn:x:1"`, "not a W3C Web Annotation"},
		{"another object", `{"format": "sayso"}`, "not a W3C Web Annotation"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Import([]byte(tt.data), nil)
			assert.ErrorContains(t, err, tt.msg)
		})
	}
}

func TestImportReportsWhatItCannotMap(t *testing.T) {
	texts := map[string]string{"urn:x:doc": "The quick brown fox jumps over the fox."}
	anno := func(body, target string) string {
		return `{"id": "urn:x:9", "type": "Annotation", "body": ` + body + `, "target": ` + target + `}`
	}
	fox := `{"source": "urn:x:doc", "selector": {"type": "TextQuoteSelector", "exact": "brown fox"}}`
	tests := []struct{ name, data, msg string }{
		{"web resource body", anno(`"http://example.org/c1"`, fox), "is a resource on the web"},
		{"choice body", anno(`{"type": "Choice", "items": []}`, fox), "its body Choice is not text"},
		{"second tag", anno(`[{"type": "TextualBody", "purpose": "tagging", "value": "claim"}, {"type": "TextualBody", "purpose": "tagging", "value": "x"}]`, fox), `its tag "x" is not kept`},
		{"stance on a cue", anno(`[{"type": "TextualBody", "purpose": "tagging", "value": "cue"}, {"type": "TextualBody", "purpose": "classifying", "value": "favor"}]`, fox), "only claims have a stance"},
		{"whole resource", anno(`[]`, `"urn:x:doc"`), "is a whole resource"},
		{"css selector", anno(`[]`, `{"source": "urn:x:doc", "selector": {"type": "CssSelector", "value": "p"}}`), "CssSelector p selector is not used"},
		{"relative position", anno(`[]`, `{"source": "urn:x:doc", "selector": {"type": "FragmentSelector", "value": "p2", "refinedBy": {"type": "TextPositionSelector", "start": 1, "end": 2}}}`), "counts from its FragmentSelector p2"},
		{"link to nothing", anno(`[{"type": "TextualBody", "purpose": "tagging", "value": "claim"}, {"type": "SpecificResource", "purpose": "linking", "source": "urn:x:404"}]`, fox), "no annotation with that id"},
		{"bad time", `{"type": "Annotation", "created": "yesterday", "target": ` + fox + `}`, `created time "yesterday"`},
		{"position past the end", anno(`[]`, `{"source": "urn:x:doc", "selector": {"type": "TextPositionSelector", "start": 5, "end": 500}}`), "could not be found"},
		{"ambiguous quote moved", anno(`[]`, `{"source": "urn:x:doc", "selector": [{"type": "TextQuoteSelector", "exact": "fox", "prefix": "the ", "suffix": "."}, {"type": "TextPositionSelector", "start": 0, "end": 3}]}`), "re-anchored at 35–38 by context"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, rep, err := Import([]byte(tt.data), texts)
			require.NoError(t, err)
			requireLoads(t, got)
			assert.Contains(t, strings.Join(rep.Skipped, "\n"), tt.msg)
		})
	}
}
