package corpus

import (
	"errors"
	"fmt"
	"html"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"sayso/internal/annotation"
	"sayso/internal/format/native"
	"sayso/internal/text"
)

// Spec says what to generate.
type Spec struct {
	Name        string // short name used in file names and figure names ("1mb-5k")
	Bytes       int    // at least this many bytes of UTF-8 text
	Words       int    // and at least this many words (strings.Fields), when set
	Annotations int    // exactly this many annotations
	Seed        uint64
}

// Corpus is one generated document with its annotations.
type Corpus struct {
	Spec       Spec
	Text       string
	Paragraphs []string           // the text's paragraphs, in order
	Project    annotation.Project // checked with annotation.Load
	Native     []byte             // Project encoded as .sayso.json
	Counts     map[string]int     // annotations per label
	Outer      int                // claims overlapping a claim and nesting a mention and a cue
}

// Timestamp is the created and modified time of every annotation.
const Timestamp = "2025-01-02T03:04:05Z"

// Topic is the document's topic, the target of its claims.
const Topic = "the harbour plan"

// bagEvery makes every bagEvery-th reported sentence carry a fourth
// annotation: a claim overlapping its claim and nesting its speaker and cue.
const bagEvery = 5

// Generate builds the corpus of spec. It fails when the text is too short
// to hold that many annotations (about 10,000 per MB fit).
func Generate(spec Spec) (*Corpus, error) {
	if (spec.Bytes <= 0 && spec.Words <= 0) || spec.Bytes < 0 || spec.Words < 0 || spec.Annotations < 0 {
		return nil, fmt.Errorf("corpus %s: size %d bytes and %d annotations: %w", spec.Name, spec.Bytes, spec.Annotations, errInvalid)
	}
	rng := rand.New(rand.NewPCG(spec.Seed, 0x5a7500))
	w := generate(rng, spec.Bytes, spec.Words)
	c := &Corpus{Spec: spec, Text: w.b.String(), Paragraphs: w.paras}
	p, err := c.annotate(w.cands)
	if err != nil {
		return nil, err
	}
	// The same checks the app runs when it opens the file.
	b, err := native.Encode(p)
	if err != nil {
		return nil, fmt.Errorf("corpus %s: encode: %w", spec.Name, err)
	}
	if _, err := native.Open(b, func() time.Time { return time.Time{} }); err != nil {
		return nil, fmt.Errorf("corpus %s: the generated file does not open: %w", spec.Name, err)
	}
	c.Project, c.Native = p, b
	return c, nil
}

var errInvalid = errors.New("invalid spec")

// bags returns how many reported sentences hold n annotations: three each,
// plus one on every bagEvery-th (the last one may be cut short).
func bags(n int) int {
	b := n / 4
	for 3*b+b/bagEvery < n {
		b++
	}
	return b
}

// annotate picks evenly spread reported sentences and annotates them until
// there are exactly Spec.Annotations annotations.
func (c *Corpus) annotate(cands []attribution) (annotation.Project, error) {
	spec := c.Spec
	doc := annotation.Document{ID: "d1", Title: "Benchmark article " + spec.Name, Text: c.Text, Topic: Topic}
	p := annotation.Project{Schema: annotation.DefaultSchema(), Annotator: "bench", Documents: []annotation.Document{doc}}
	need := bags(spec.Annotations)
	if need > len(cands) {
		return p, fmt.Errorf("corpus %s: %d bytes hold %d reported sentences, %d are needed for %d annotations: %w",
			spec.Name, spec.Bytes, len(cands), need, spec.Annotations, errInvalid)
	}
	x := text.NewIndex(c.Text)
	g := annotator{x: x, n: spec.Annotations, speakerIDs: map[string]string{}, counts: map[string]int{}}
	for k := 0; k < need && len(g.anns) < g.n; k++ {
		g.bag(cands[k*len(cands)/need], k)
	}
	p.Speakers, p.Annotations = g.speakers, g.anns
	c.Counts, c.Outer = g.counts, g.outer
	return p, nil
}

// annotator accumulates the annotations and speakers.
type annotator struct {
	x          *text.Index
	n          int
	anns       []annotation.Annotation
	speakers   []annotation.Speaker
	speakerIDs map[string]string
	counts     map[string]int
	outer      int
}

func (g *annotator) speaker(name string) string {
	if id, ok := g.speakerIDs[name]; ok {
		return id
	}
	id := "s" + strconv.Itoa(len(g.speakers)+1)
	g.speakers = append(g.speakers, annotation.Speaker{ID: id, Name: name})
	g.speakerIDs[name] = id
	return id
}

// add appends an annotation of label over frags (when there is room) and
// returns its id, or "" when the budget is spent.
func (g *annotator) add(label string, frags []text.Span, set func(a *annotation.Annotation)) string {
	if len(g.anns) >= g.n {
		return ""
	}
	a := annotation.Annotation{
		ID: "a" + strconv.Itoa(len(g.anns)+1), Document: "d1", Label: label,
		Fragments: frags, Quote: annotation.QuoteOf(g.x, frags),
		Annotator: "bench", Created: Timestamp, Modified: Timestamp,
	}
	hull := text.Span{Start: frags[0].Start, End: frags[len(frags)-1].End}
	a.Prefix, a.Suffix = g.x.Context(hull, annotation.ContextLength)
	if set != nil {
		set(&a)
	}
	g.anns = append(g.anns, a)
	g.counts[label]++
	return a.ID
}

// bag annotates one reported sentence: the speaker mention, the cue, the
// claim linked to both with a stance, and on every bagEvery-th sentence a
// claim overlapping the first and nesting the mention and the cue.
func (g *annotator) bag(at attribution, k int) {
	who := g.speaker(at.name)
	mention := g.add(annotation.LabelSpeaker, []text.Span{at.speaker}, func(a *annotation.Annotation) { a.Speaker = who })
	cue := g.add(annotation.LabelCue, []text.Span{at.cue}, nil)
	g.add(annotation.LabelClaim, at.claim, func(a *annotation.Annotation) {
		a.Stance, a.Target, a.Speaker, a.SpeakerMention, a.Cue = stances[k%len(stances)], Topic, who, mention, cue
		if k%7 == 0 {
			a.Note = "Checked against the transcript ✓"
		}
	})
	if k%bagEvery != bagEvery-1 || at.mid >= at.sentence.End {
		return
	}
	outer := text.Span{Start: min(at.mid, at.speaker.Start, at.cue.Start), End: at.sentence.End}
	if g.add(annotation.LabelClaim, []text.Span{outer}, func(a *annotation.Annotation) {
		a.Stance, a.Target, a.Speaker = "unclear", Topic, who
	}) != "" {
		g.outer++
	}
}

// PlainHTML is the text as plain paragraphs, escaped: the layout baseline.
func (c *Corpus) PlainHTML() string {
	var b strings.Builder
	b.Grow(len(c.Text) + 16*len(c.Paragraphs))
	for _, p := range c.Paragraphs {
		b.WriteString("<p>")
		b.WriteString(html.EscapeString(p))
		b.WriteString("</p>\n")
	}
	return b.String()
}
