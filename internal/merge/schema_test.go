package merge

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"sayso/internal/annotation"
)

func TestFreeLabelNameCountsImportedCopiesFromTwo(t *testing.T) {
	s := annotation.Schema{Labels: []annotation.Label{
		{ID: "a", Name: "Claim"}, {ID: "b", Name: "claim (imported)"}, {ID: "c", Name: "Claim (imported 2)"},
	}}
	tests := []struct{ name, want string }{
		{"Evidence", "Evidence"},
		{"CLAIM", "CLAIM (imported 3)"},
		{"Claim (imported)", "Claim (imported) (imported)"},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, freeLabelName(s, tc.name), "%q", tc.name)
	}
	one := annotation.Schema{Labels: []annotation.Label{{ID: "a", Name: "Claim"}}}
	assert.Equal(t, "claim (imported)", freeLabelName(one, "claim"))
	two := annotation.Schema{Labels: []annotation.Label{{ID: "a", Name: "Claim"}, {ID: "b", Name: "Claim (imported)"}}}
	assert.Equal(t, "Claim (imported 2)", freeLabelName(two, "Claim"))
}

func TestKeyTaken(t *testing.T) {
	s := annotation.Schema{Labels: []annotation.Label{{ID: "a", Key: "C"}, {ID: "b", Key: ""}}}
	tests := []struct {
		key  string
		want bool
	}{
		{"", false},
		{"  ", false},
		{"c", true},
		{" C ", true},
		{"x", false},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, keyTaken(s, tc.key), "%q", tc.key)
	}
	for _, r := range annotation.ReservedKeys() {
		assert.True(t, keyTaken(annotation.Schema{}, string(r)), "reserved %q", r)
	}
}

func TestMergeSchemaAddsOnlyWhatIsMissing(t *testing.T) {
	cur := annotation.DefaultSchema()
	imp := annotation.Schema{
		Labels: []annotation.Label{
			{ID: annotation.LabelClaim, Name: "Other name", Key: "z"}, // known by id: kept as it is
			{ID: "evidence", Name: "Evidence", Color: "#123456", Key: "x"},
			{ID: "source", Name: "speaker", Key: "S"},
		},
		Stances: []string{"against", "mixed", "favor", "sarcastic"},
	}
	out, added := mergeSchema(cur, imp)
	assert.Equal(t, []annotation.Label{
		{ID: annotation.LabelClaim, Name: "Claim", Color: "#f5c542", Key: "c"},
		{ID: annotation.LabelSpeaker, Name: "Speaker", Color: "#4a90d9", Key: "s"},
		{ID: annotation.LabelCue, Name: "Cue", Color: "#3fae6a", Key: "q"},
		{ID: "evidence", Name: "Evidence", Color: "#123456", Key: "x"},
		{ID: "source", Name: "speaker (imported)"},
	}, out.Labels)
	assert.Equal(t, []string{"favor", "against", "neutral", "unclear", "mixed", "sarcastic"}, out.Stances)
	assert.Equal(t, []string{"the label “Evidence”", "the label “speaker (imported)”", "the stance value “mixed”", "the stance value “sarcastic”"}, added)
	assert.Equal(t, annotation.DefaultSchema(), cur, "the open project's schema is not changed")
}
