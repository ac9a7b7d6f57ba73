package native

import (
	"fmt"
	"strings"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/text"
)

// Short values that repeat across annotations are read into one string
// each, shared; long and unique ones are not, and every value reads back
// as written.
func TestDecodeSharesTheShortValuesAnnotationsRepeat(t *testing.T) {
	body := strings.Repeat("The minister said it will not close.\n", 50)
	p := annotation.Project{Schema: annotation.DefaultSchema(), Annotator: "ana",
		Documents: []annotation.Document{{ID: "d1", Title: "Harbour", Text: body}}}
	x := text.NewIndex(body)
	for i := range 30 {
		sp := text.Span{Start: i * 10, End: i*10 + 8}
		a := annotation.Annotation{ID: fmt.Sprintf("a%d", i+1), Document: "d1", Label: annotation.LabelClaim,
			Fragments: []text.Span{sp}, Quote: annotation.QuoteOf(x, []text.Span{sp}),
			Stance: "favor", Target: "the harbour", Annotator: "ana", Created: "2025-01-02T03:04:05Z",
			Note: strings.Repeat("n", maxShared+1)}
		a.Prefix, a.Suffix = x.Context(sp, annotation.ContextLength)
		p.Annotations = append(p.Annotations, a)
	}
	b, err := Encode(p)
	require.NoError(t, err)
	got, err := Decode(b)
	require.NoError(t, err)
	assert.Equal(t, p, got)
	first, last := got.Annotations[0], got.Annotations[len(got.Annotations)-1]
	same := func(a, b string) bool { return unsafe.StringData(a) == unsafe.StringData(b) }
	for _, pair := range [][2]string{{first.Document, last.Document}, {first.Label, last.Label}, {first.Stance, last.Stance},
		{first.Target, last.Target}, {first.Annotator, last.Annotator}, {first.Created, last.Created}} {
		assert.True(t, same(pair[0], pair[1]), "%q is shared", pair[0])
	}
	assert.False(t, same(first.Note, last.Note), "a long value is not looked up")
}
