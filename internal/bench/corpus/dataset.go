package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"sayso/internal/annotation"
	"sayso/internal/text"
)

// Dataset is a labelling project of docs documents of about size bytes
// each, of words drawn from a fixed seed, with perDoc one-word claims
// spread over each text, made by annotator. Document n (from 1) has the
// title DatasetTitle(n) and the id "dn".
func Dataset(docs, size, perDoc int, annotator string) annotation.Project {
	words := strings.Fields("the council said plan harbour ferry budget residents argued meeting against favour was shops mayor sound Reyes would more city")
	r := rand.New(rand.NewPCG(14, uint64(docs)))
	p := annotation.Project{Schema: annotation.DefaultSchema(), Annotator: annotator}
	n := 0
	for d := 1; d <= docs; d++ {
		var b strings.Builder
		for b.Len() < size {
			b.WriteString(words[r.IntN(len(words))])
			switch r.IntN(16) {
			case 0:
				b.WriteString(".\n")
			case 1:
				b.WriteString(". ")
			default:
				b.WriteByte(' ')
			}
		}
		body := b.String()
		id := fmt.Sprintf("d%d", d)
		p.Documents = append(p.Documents, annotation.Document{ID: id, Title: DatasetTitle(d), Text: body})
		for k := range perDoc {
			at := k * len(body) / perDoc
			start := at + strings.IndexByte(body[at:], ' ') + 1
			end := start + strings.IndexAny(body[start:], " .\n")
			n++
			p.Annotations = append(p.Annotations, annotation.Annotation{
				ID: fmt.Sprintf("a%d", n), Document: id, Label: annotation.LabelClaim,
				Fragments: []text.Span{{Start: start, End: end}}, Quote: body[start:end],
				Prefix: body[max(start-annotation.ContextLength, 0):start], Suffix: body[end:min(end+annotation.ContextLength, len(body))],
				Created: "2026-12-06T00:00:00Z", Modified: "2026-12-06T00:00:00Z",
			})
		}
	}
	return p
}

// DatasetTitle is the title of Dataset's document n (from 1).
func DatasetTitle(n int) string { return fmt.Sprintf("Interview %04d", n) }
