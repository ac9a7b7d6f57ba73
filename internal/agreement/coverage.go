package agreement

import (
	"sort"

	"sayso/internal/annotation"
	"sayso/internal/text"
)

// Run is a stretch [Start, End) of code points that Count annotators
// marked.
type Run struct{ Start, End, Count int }

// Runs counts, for every code point, how many of the mark lists cover it
// (each list is one annotator's spans; a code point a list covers twice
// counts once). It returns the stretches with a count > 0 in order, with
// adjacent stretches of equal count merged. Empty spans are ignored.
func Runs(marks [][]text.Span) []Run {
	delta := map[int]int{}
	for _, spans := range marks {
		for _, s := range union(spans) {
			delta[s.Start]++
			delta[s.End]--
		}
	}
	points := make([]int, 0, len(delta))
	for p := range delta {
		points = append(points, p)
	}
	sort.Ints(points)
	var runs []Run
	count := 0
	for i, p := range points {
		count += delta[p]
		if count == 0 || i+1 == len(points) {
			continue
		}
		next := points[i+1]
		if last := len(runs) - 1; last >= 0 && runs[last].End == p && runs[last].Count == count {
			runs[last].End = next
			continue
		}
		runs = append(runs, Run{p, next, count})
	}
	return runs
}

// union merges overlapping and touching spans, dropping empty ones.
func union(spans []text.Span) []text.Span {
	var ss []text.Span
	for _, s := range spans {
		if s.Len() > 0 {
			ss = append(ss, s)
		}
	}
	sort.Slice(ss, func(i, j int) bool { return ss[i].Start < ss[j].Start })
	var out []text.Span
	for _, s := range ss {
		if last := len(out) - 1; last >= 0 && s.Start <= out[last].End {
			out[last].End = max(out[last].End, s.End)
			continue
		}
		out = append(out, s)
	}
	return out
}

// Coverage is the heat map of one document and label: how many annotators
// marked each stretch of doc (see Runs). It counts the fragments, not the
// hulls, so the gap of a discontinuous claim is not marked. doc is
// recognised in each project by its text, or by its id when doc.Text is "".
func Coverage(annotators []Annotator, doc annotation.Document, label string) []Run {
	return CoverageByLabel(annotators, doc)[label]
}

// CoverageByLabel is Coverage for every label any annotator used in doc.
func CoverageByLabel(annotators []Annotator, doc annotation.Document) map[string][]Run {
	id := docIdentity(doc)
	marks := map[string][][]text.Span{}
	for i := range annotators {
		v := newView(&annotators[i].Project)
		for _, label := range v.labels() {
			var spans []text.Span
			for _, a := range v.groups[group{id, label}] {
				spans = append(spans, a.Fragments...)
			}
			if len(spans) > 0 {
				marks[label] = append(marks[label], spans)
			}
		}
	}
	out := map[string][]Run{}
	for label, m := range marks {
		out[label] = Runs(m)
	}
	return out
}
