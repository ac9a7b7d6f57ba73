package app_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/app"
	"sayso/internal/app/view"
	"sayso/internal/format/native"
	"sayso/internal/text"
)

// BenchmarkShowAnotherDocumentOf2000 is the Go side of switching
// documents from the Documents panel in a dataset of 2,000 documents of
// 5 KB with 20 claims each: the ShowDocument step and the page's view.
func BenchmarkShowAnotherDocumentOf2000(b *testing.B) {
	const docs, perDoc = 2000, 20
	body := strings.Repeat("the council said the harbour plan was sound. ", 5<<10/45)
	p := annotation.Project{Schema: annotation.DefaultSchema(), Annotator: "Ana"}
	n := 0
	for d := 1; d <= docs; d++ {
		id := fmt.Sprint("d", d)
		p.Documents = append(p.Documents, annotation.Document{ID: id, Title: fmt.Sprintf("Interview %04d", d), Text: body})
		for k := range perDoc {
			start := k * 45
			n++
			p.Annotations = append(p.Annotations, annotation.Annotation{ID: fmt.Sprint("a", n), Document: id, Label: annotation.LabelClaim,
				Fragments: []text.Span{{Start: start, End: start + 3}}, Quote: "the",
				Prefix: body[max(start-annotation.ContextLength, 0):start], Suffix: body[start+3 : start+3+annotation.ContextLength],
				Created: "2026-12-05T12:00:00Z", Modified: "2026-12-05T12:00:00Z"})
		}
	}
	data, err := native.Encode(p)
	require.NoError(b, err)
	st := app.NewState(time.Now)
	app.Update(st, app.Restore{Data: data})
	require.Equal(b, "d1", st.Doc)
	app.Step(st, app.ToggleDocuments{})
	view.Build(st)
	b.ResetTimer()
	for i := range b.N {
		app.Step(st, app.ShowDocument{ID: fmt.Sprint("d", 2+i%(docs-1))})
		view.Build(st)
	}
}
