package native_test

import (
	"fmt"
	"strings"
	"testing"

	"sayso/internal/annotation"
	"sayso/internal/format/native"
	"sayso/internal/text"
)

// bigProject is a document of about 1 MB with n annotations spread over it.
func bigProject(n int) annotation.Project {
	const para = "The minister said on Tuesday that the harbour “will not close” 🚢, while 港口工人 disagreed loudly. "
	body := strings.Repeat(para, (1<<20)/len(para))
	x := text.NewIndex(body)
	p := annotation.Project{
		Schema:    annotation.DefaultSchema(),
		Annotator: "bench",
		Documents: []annotation.Document{{ID: "d1", Title: "Harbour", Topic: "the harbour", Text: body}},
		Speakers:  []annotation.Speaker{{ID: "s1", Name: "The minister"}},
	}
	step := x.Len() / n
	for i := range n {
		sp := text.Span{Start: i * step, End: i*step + min(step, 20)}
		a := annotation.Annotation{
			ID: fmt.Sprintf("a%d", i+1), Document: "d1", Label: annotation.LabelClaim,
			Fragments: []text.Span{sp}, Quote: annotation.QuoteOf(x, []text.Span{sp}),
			Stance: "favor", Target: "the harbour", Speaker: "s1", Note: "checked",
			Annotator: "bench", Created: "2025-01-02T03:04:05Z", Modified: "2025-01-02T03:04:05Z",
		}
		a.Prefix, a.Suffix = x.Context(sp, annotation.ContextLength)
		p.Annotations = append(p.Annotations, a)
	}
	return p
}

func BenchmarkEncode10000Annotations(b *testing.B) {
	p := bigProject(10000)
	for b.Loop() {
		out, err := native.Encode(p)
		if err != nil {
			b.Fatal(err)
		}
		b.SetBytes(int64(len(out)))
	}
}

func BenchmarkDecode10000Annotations(b *testing.B) {
	in, err := native.Encode(bigProject(10000))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		if _, err := native.Decode(in); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkOpen10000Annotations(b *testing.B) {
	in, err := native.Encode(bigProject(10000))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(in)))
	for b.Loop() {
		if _, err := native.Open(in, clock); err != nil {
			b.Fatal(err)
		}
	}
}
