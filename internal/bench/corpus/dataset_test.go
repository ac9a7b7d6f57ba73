package corpus

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
)

func TestADatasetLoadsWithEveryClaimOnItsWordAndTheSameEachTime(t *testing.T) {
	p := Dataset(5, 1<<10, 4, "Ana")
	require.Len(t, p.Documents, 5)
	require.Len(t, p.Annotations, 20)
	assert.Equal(t, "Interview 0005", p.Documents[4].Title)
	assert.Equal(t, "Ana", p.Annotator)
	for _, d := range p.Documents {
		assert.GreaterOrEqual(t, len(d.Text), 1<<10)
	}
	_, err := annotation.Load(p, func() time.Time { return time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC) })
	require.NoError(t, err, "every quote, prefix and suffix matches its text")
	for _, a := range p.Annotations {
		assert.NotEmpty(t, a.Quote)
		assert.NotContains(t, a.Quote, " ", "one word")
	}
	assert.Equal(t, p, Dataset(5, 1<<10, 4, "Ana"), "made from a fixed seed")
}
