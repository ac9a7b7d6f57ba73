package annotation_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"sayso/internal/annotation"
)

func TestByDocumentGroupsAnnotationsInTheirOrder(t *testing.T) {
	p := annotation.Project{Annotations: []annotation.Annotation{
		{ID: "a1", Document: "d2"}, {ID: "a2", Document: "d1"}, {ID: "a3", Document: "d2"},
	}}
	by := p.ByDocument()
	ids := func(as []*annotation.Annotation) []string {
		var out []string
		for _, a := range as {
			out = append(out, a.ID)
		}
		return out
	}
	assert.Equal(t, []string{"a1", "a3"}, ids(by["d2"]))
	assert.Equal(t, []string{"a2"}, ids(by["d1"]))
	assert.Len(t, by, 2)
	by["d1"][0].Note = "changed"
	assert.Equal(t, "changed", p.Annotations[1].Note, "the groups point into the project's annotations")
}

func TestSpeakerNamesMapsIDsToNames(t *testing.T) {
	p := annotation.Project{Speakers: []annotation.Speaker{{ID: "s1", Name: "Ines Okafor"}, {ID: "s2", Name: "Tomas Reyes"}}}
	assert.Equal(t, map[string]string{"s1": "Ines Okafor", "s2": "Tomas Reyes"}, p.SpeakerNames())
	assert.Empty(t, annotation.Project{}.SpeakerNames())
}
