package w3c

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
)

// exported is an export decoded for the validator, with its items.
func exported(t *testing.T, p annotation.Project) (collection any, items []any) {
	t.Helper()
	b, err := Export(p)
	require.NoError(t, err)
	v := decodeJSON(t, b)
	m := v.(map[string]any)
	if first, ok := m["first"].(map[string]any); ok {
		items = first["items"].([]any)
	}
	return v, items
}

func TestExportPassesEveryMustAssertionOfTheW3CTestSuite(t *testing.T) {
	fsys := w3cCorpus(t)
	s := loadSuite(t, fsys)
	musts := s.assertions(t, fsys, "annotations/annotationMusts.test")
	require.Len(t, musts, 54)
	collSchema, pageSchema := s.collectionSchemas(t)

	coll, items := exported(t, handBuilt(t))
	require.Len(t, items, 12)
	require.NoError(t, collSchema.Validate(coll))
	require.NoError(t, pageSchema.Validate(coll.(map[string]any)["first"]))
	for _, a := range musts {
		require.True(t, a.must, "%s is a MUST", a.path)
		for i, item := range items {
			ok, err := a.check(item)
			assert.True(t, ok, "item %d fails %s (%s): %v", i, a.path, a.errorMsg, err)
		}
	}

	empty, none := exported(t, annotation.Project{Schema: annotation.DefaultSchema()})
	assert.Empty(t, none)
	assert.NoError(t, collSchema.Validate(empty), "an empty collection has no first page")
}

func TestExportImplementsTheOptionalFeaturesItUses(t *testing.T) {
	fsys := w3cCorpus(t)
	s := loadSuite(t, fsys)
	optional := map[string]bool{}
	for _, a := range s.assertions(t, fsys, "annotations/annotationOptionals.test") {
		optional[a.path] = true
	}
	want := []string{
		"annotations/3.3.1-annotationCreatedImplemented.json",
		"annotations/3.3.1-annotationModifiedImplemented.json",
		"annotations/3.3.1-annotationSingleCreatorImplemented.json",
		"annotations/3.3.5-annotationMotivationImplemented.json",
		"annotations/3.3.5-annotationSingleMotivationImplemented.json",
		"annotations/3.1-bodyKeyFound.json",
		"annotations/bodiesTargets/3.3.5-bodyPurpose.json",
		"annotations/bodiesTargets/3.2.1-bodyFormat.json",
		"annotations/bodiesTargets/3.2.4-bodyETBTypeTextualBody.json",
		"annotations/specificResource/4.2-selectorFound.json",
		"annotations/specificResource/4.2.4-textQuoteSelector.json",
		"annotations/specificResource/4.2.5-textPositionSelector.json",
	}
	_, items := exported(t, handBuilt(t))
	for _, a := range s.assertions(t, fsys, "annotations/annotationOptionals.test") {
		if !contains(want, a.path) {
			continue
		}
		for i, item := range items {
			ok, err := a.check(item)
			assert.True(t, ok, "item %d does not implement %s: %v", i, a.path, err)
		}
	}
	for _, p := range want {
		assert.True(t, optional[p], "%s is an optional assertion of the suite", p)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestExportWritesTheDocumentedShape(t *testing.T) {
	p := handBuilt(t)
	b, err := Export(p)
	require.NoError(t, err)
	var c struct {
		Type  string `json:"type"`
		Total int    `json:"total"`
		First struct {
			Items []map[string]any `json:"items"`
		} `json:"first"`
	}
	require.NoError(t, json.Unmarshal(b, &c))
	assert.Equal(t, "AnnotationCollection", c.Type)
	assert.Equal(t, len(p.Annotations), c.Total)

	var claim map[string]any
	for _, it := range c.First.Items {
		if _, many := it["target"].([]any); many && it["motivation"] == "classifying" {
			claim = it
		}
	}
	require.NotNil(t, claim, "the discontinuous claim is exported with one target per fragment")
	assert.Equal(t, Context, claim["@context"])
	assert.Regexp(t, `^urn:sayso:anno:d1:a\d+$`, claim["id"])
	assert.Equal(t, map[string]any{"type": "Person", "name": "ana"}, claim["creator"])
	assert.Equal(t, "2025-03-14T15:09:26Z", claim["created"])

	items := claim["target"].([]any)
	require.Len(t, items, 2)
	first := items[0].(map[string]any)
	assert.Equal(t, SourceIRI(textOne), first["source"])
	sel := first["selector"].([]any)
	assert.Equal(t, map[string]any{"type": "TextQuoteSelector", "exact": "“We will launch 🚀 in May.",
		"prefix": " Ruiz, the 🚀 team's lead, said: ", "suffix": " Not in June.” She added that co"}, sel[0])
	assert.Equal(t, map[string]any{"type": "TextPositionSelector", "start": float64(35), "end": float64(60)}, sel[1])

	purposes := map[string]any{}
	for _, b := range claim["body"].([]any) {
		m := b.(map[string]any)
		key := m["purpose"].(string)
		if key == purposeLink {
			purposes[key] = append(asSlice(purposes[key]), m["source"])
			continue
		}
		if m["type"] == "TextualBody" {
			purposes[key] = m["value"]
		} else {
			purposes[key+" resource"] = m["source"]
		}
	}
	assert.Equal(t, "claim", purposes["tagging"])
	assert.Equal(t, "favor", purposes["classifying"])
	assert.Equal(t, "the launch\nin May", purposes["describing"])
	assert.Equal(t, "Ana Ruiz", purposes["identifying"])
	assert.Regexp(t, `^urn:sayso:speaker:s\d+$`, purposes["identifying resource"])
	assert.Len(t, purposes["linking"], 2, "links to the speaker mention and the cue")
}

func asSlice(v any) []any {
	s, _ := v.([]any)
	return s
}
