package native

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/text"
)

// Encode writes a project's annotations without copying them into wire
// types first; what it writes is still, byte for byte, what encoding/json
// writes for the wire types.
func TestEncodeWritesWhatEncodingJSONWritesForTheWireProject(t *testing.T) {
	orphans := func(p *annotation.Project) { p.Orphans = append(p.Orphans, p.Annotations[:2]...) }
	anchored := func(p *annotation.Project) {
		p.Annotations[0].Anchored, p.Annotations[0].AnchorConfidence = annotation.AnchoredBy[0], 80
		p.Annotations[1].Anchored, p.Annotations[1].AnchorConfidence = annotation.AnchoredBy[len(annotation.AnchoredBy)-1], 0
	}
	for _, tc := range []struct {
		name   string
		change func(p *annotation.Project)
	}{
		{"the golden project", func(*annotation.Project) {}},
		{"with orphans", orphans},
		{"re-anchored annotations between plain ones", anchored},
		{"orphans re-anchored", func(p *annotation.Project) { anchored(p); orphans(p) }},
		{"many fragments after one, and one after many (the reused list)", func(p *annotation.Project) {
			a := &p.Annotations[0]
			a.Fragments = []text.Span{{Start: 0, End: 1}, {Start: 2, End: 3}, {Start: 4, End: 5}, {Start: 6, End: 7}}
			a.Quote = annotation.QuoteOf(text.NewIndex(p.Documents[0].Text), a.Fragments)
		}},
		{"strings to escape", func(p *annotation.Project) {
			p.Annotations[0].Note = "</script><!-- \u00e9 \u2028 \"q\" \\ \t"
			p.Annotations[1].Note = "a\nb"
		}},
		{"no annotations", func(p *annotation.Project) { p.Annotations = nil }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := sampleProject(t)
			require.GreaterOrEqual(t, len(p.Annotations), 3)
			tc.change(&p)
			got, err := Encode(p)
			require.NoError(t, err)
			assert.Equal(t, string(reflectEncode(t, toWire(p))), string(got))
			back, err := Decode(got)
			require.NoError(t, err)
			assert.Equal(t, len(p.Annotations), len(back.Annotations))
			assert.Equal(t, len(p.Orphans), len(back.Orphans))
		})
	}
}
