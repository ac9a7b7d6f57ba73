package native

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/text"
)

// Encode allocates its output once: the estimate is not short of what it
// writes (else the buffer grows and is copied) and not far over it.
func TestEstimateSizeCoversTheEncodingWithoutWastingMuch(t *testing.T) {
	body := strings.Repeat("The minister said “it will not close” 🚢, and 港口工人 disagreed.\n", 2000)
	for _, tc := range []struct {
		name  string
		fill  func(i int, a *annotation.Annotation)
		count int
	}{
		{"bare annotations", func(int, *annotation.Annotation) {}, 3000},
		{"every field", func(i int, a *annotation.Annotation) {
			a.Stance, a.Target, a.Speaker, a.Note = "favor", "the harbour plan", "s1", "checked against the minutes"
			a.Annotator, a.Created, a.Modified = "ana", "2025-01-02T03:04:05Z", "2025-01-02T03:04:05Z"
		}, 3000},
		{"several fragments and long notes", func(i int, a *annotation.Annotation) {
			a.Fragments = append(a.Fragments, text.Span{Start: a.Fragments[0].End + 5, End: a.Fragments[0].End + 9}, text.Span{Start: a.Fragments[0].End + 20, End: a.Fragments[0].End + 30})
			a.Note = strings.Repeat("a note \"quoted\"\n", 20)
		}, 1000},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p := annotation.Project{Schema: annotation.DefaultSchema(), Documents: []annotation.Document{{ID: "d1", Title: "Harbour", Text: body}}}
			for i := range tc.count {
				a := annotation.Annotation{ID: fmt.Sprintf("a%d", i+1), Document: "d1", Label: annotation.LabelClaim,
					Fragments: []text.Span{{Start: i * 20, End: i*20 + 15}}, Quote: "it will not close", Prefix: "The minister said “", Suffix: "” 🚢, and 港口工人 disa"}
				tc.fill(i, &a)
				p.Annotations = append(p.Annotations, a)
			}
			out, err := Encode(p)
			require.NoError(t, err)
			est := estimateSize(&p)
			assert.GreaterOrEqual(t, est, len(out))
			assert.LessOrEqual(t, est, len(out)*3/2)
		})
	}
}
