package agreement

import (
	"sort"

	"sayso/internal/text"
)

// Candidate is a proposed annotation for the adjudicated answer: one Unit,
// summarised.
type Candidate struct {
	Document  string // document id, as the first marker's project names it
	Label     string
	Span      text.Span   // the unit's majority span (Unit.Span)
	Fragments []text.Span // fragments of the first member with that span
	Quote     string      // quote of that member
	Markers   []string    // names of the annotators who marked it
	Count     int         // len(Markers)
	// Stance is the stance most markers gave (ignoring empty ones), "" when
	// none did or when two values tie.
	Stance string
	// Speaker is the speaker name most markers gave, compared after
	// NormalizeName and shown as the first of them wrote it; "" when none
	// or on a tie.
	Speaker string
	// Accept is preset to true when more than half of all annotators
	// marked it.
	Accept bool
}

// Candidates lists the Units of every label as candidates, in document
// order, then by span, then by label.
func Candidates(annotators []Annotator) []Candidate {
	views := newViews(annotators)
	var out []Candidate
	for _, doc := range docsOf(views...) {
		var found []Candidate
		for _, label := range labelsOf(views...) {
			for _, u := range unitsIn(views, doc, label) {
				found = append(found, candidate(u, annotators))
			}
		}
		sort.SliceStable(found, func(i, j int) bool {
			a, b := found[i], found[j]
			if a.Span.Start != b.Span.Start {
				return a.Span.Start < b.Span.Start
			}
			if a.Span.End != b.Span.End {
				return a.Span.End < b.Span.End
			}
			return a.Label < b.Label
		})
		out = append(out, found...)
	}
	return out
}

func candidate(u Unit, annotators []Annotator) Candidate {
	c := Candidate{Document: u.Document, Label: u.Label, Span: u.Span(), Count: len(u.Members)}
	var stances, speakers []string
	shown := map[string]string{} // normalised speaker name → first as written
	for _, m := range u.Members {
		c.Markers = append(c.Markers, annotators[m.Annotator].Name)
		if c.Fragments == nil && m.Annotation.Hull() == c.Span {
			c.Fragments = append([]text.Span(nil), m.Annotation.Fragments...)
			c.Quote = m.Annotation.Quote
		}
		stances = append(stances, m.Annotation.Stance)
		name := NormalizeName(m.Speaker)
		if _, ok := shown[name]; !ok {
			shown[name] = m.Speaker
		}
		speakers = append(speakers, name)
	}
	c.Stance = plurality(stances)
	c.Speaker = shown[plurality(speakers)]
	c.Accept = 2*c.Count > len(annotators)
	return c
}

// plurality returns the non-empty value given most often, or "" when there
// is none or two values tie.
func plurality(values []string) string {
	count := map[string]int{}
	for _, v := range values {
		if v != "" {
			count[v]++
		}
	}
	best, bestN, tie := "", 0, false
	for v, n := range count {
		switch {
		case n > bestN:
			best, bestN, tie = v, n, false
		case n == bestN:
			tie = true
		}
	}
	if tie {
		return ""
	}
	return best
}
