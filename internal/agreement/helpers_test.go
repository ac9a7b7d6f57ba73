package agreement

import (
	"strings"
	"testing"

	"sayso/internal/annotation"
	"sayso/internal/text"
)

// builder makes a project by hand. Texts are ASCII, so byte offsets are
// code point offsets.
type builder struct {
	t *testing.T
	p annotation.Project
}

func newBuilder(t *testing.T, docs ...annotation.Document) *builder {
	t.Helper()
	return &builder{t: t, p: annotation.Project{Schema: annotation.DefaultSchema(), Documents: docs}}
}

func (b *builder) speaker(id, name string) *builder {
	b.p.Speakers = append(b.p.Speakers, annotation.Speaker{ID: id, Name: name})
	return b
}

// at is the span of the first occurrence of quote in document doc.
func (b *builder) at(doc, quote string) text.Span {
	b.t.Helper()
	for _, d := range b.p.Documents {
		if d.ID == doc {
			i := strings.Index(d.Text, quote)
			if i < 0 {
				b.t.Fatalf("%q not in document %s", quote, doc)
			}
			return text.Span{Start: i, End: i + len(quote)}
		}
	}
	b.t.Fatalf("no document %s", doc)
	return text.Span{}
}

func (b *builder) add(a annotation.Annotation) *builder {
	b.p.Annotations = append(b.p.Annotations, a)
	return b
}

// mention adds a speaker mention of entity at quote.
func (b *builder) mention(id, doc, quote, entity string) *builder {
	return b.add(annotation.Annotation{ID: id, Document: doc, Label: annotation.LabelSpeaker,
		Fragments: []text.Span{b.at(doc, quote)}, Quote: quote, Speaker: entity})
}

// claim adds a claim at quote.
func (b *builder) claim(id, doc, quote, stance, entity, mention string) *builder {
	return b.add(annotation.Annotation{ID: id, Document: doc, Label: annotation.LabelClaim,
		Fragments: []text.Span{b.at(doc, quote)}, Quote: quote, Stance: stance,
		Speaker: entity, SpeakerMention: mention})
}

func (b *builder) annotator(name string) Annotator {
	return Annotator{Name: name, Project: b.p}
}

// spanClaims makes an annotator with claims at the given spans of document
// "d" (no text), stances in order ("" when stances is shorter).
func spanClaims(name string, spans []text.Span, stances ...string) Annotator {
	p := annotation.Project{Documents: []annotation.Document{{ID: "d"}}}
	for i, s := range spans {
		a := annotation.Annotation{ID: name + string(rune('a'+i)), Document: "d",
			Label: annotation.LabelClaim, Fragments: []text.Span{s}}
		if i < len(stances) {
			a.Stance = stances[i]
		}
		p.Annotations = append(p.Annotations, a)
	}
	return Annotator{Name: name, Project: p}
}

func sp(start, end int) text.Span { return text.Span{Start: start, End: end} }
