package agreement

import (
	"sort"

	"sayso/internal/annotation"
	"sayso/internal/text"
)

// Member is one annotator's annotation in a Unit.
type Member struct {
	Annotator  int // index in the annotators given
	Annotation annotation.Annotation
	// Speaker is the name, as written, of the speaker entity the
	// annotation refers to (a claim's speaker, a mention's entity), or "".
	Speaker string
}

// Unit is what several annotators marked as the same thing: annotations of
// one label in one document, at most one per annotator.
type Unit struct {
	Document string // document id, as the first member's project names it
	Label    string
	Members  []Member // ordered by annotator
}

// Span is the unit's majority span: the hull most members have exactly;
// on a tie the earliest, then the shortest.
func (u Unit) Span() text.Span {
	count := map[text.Span]int{}
	var best text.Span
	bestN := 0
	for _, m := range u.Members {
		h := m.Annotation.Hull()
		count[h]++
		c := count[h]
		if c > bestN || c == bestN && (h.Start < best.Start || h.Start == best.Start && h.End < best.End) {
			best, bestN = h, c
		}
	}
	return best
}

// item is an annotation waiting to be clustered.
type item struct {
	annotator int
	ann       *annotation.Annotation
	hull      text.Span
	support   int // other annotators with an annotation matching this one
	done      bool
	order     int // place in the list of items: ties go to the earlier
}

// sweep finds the items whose hull overlaps a span without looking at all
// of them: items sorted by start, and the longest hull, bound the search.
type sweep struct {
	byStart []*item
	longest int
}

func newSweep(items []*item) sweep {
	s := sweep{byStart: append([]*item(nil), items...)}
	sort.SliceStable(s.byStart, func(i, j int) bool { return s.byStart[i].hull.Start < s.byStart[j].hull.Start })
	for _, it := range items {
		s.longest = max(s.longest, it.hull.Len())
	}
	return s
}

// overlapping returns the items whose hull starts before sp ends and
// could reach into sp: a superset of those overlapping it, in order of
// start (ties in the items' order).
func (s sweep) overlapping(sp text.Span) []*item {
	hi := sort.Search(len(s.byStart), func(i int) bool { return s.byStart[i].hull.Start >= max(sp.End, sp.Start+1) })
	lo := sort.Search(hi, func(i int) bool { return s.byStart[i].hull.Start >= sp.Start-s.longest })
	return s.byStart[lo:hi]
}

// Units clusters the annotators' annotations of a label, document by
// document. Each annotation gets a support: how many other annotators have
// an annotation matching it by overlap. Seeds are taken by decreasing
// support, then in reading order (start, end, annotator); a seed's unit
// takes from every other annotator their not yet clustered annotation that
// matches the seed by overlap with the highest OverlapRatio (the earliest on
// a tie). Every annotation ends up in exactly one unit; an annotation nobody
// else marked is a unit of one. Units come in document order, then by
// Span, then by the first member's annotator.
func Units(annotators []Annotator, label string) []Unit {
	views := newViews(annotators)
	return units(views, label)
}

func units(views []*view, label string) []Unit {
	var out []Unit
	for _, doc := range docsOf(views...) {
		out = append(out, unitsIn(views, doc, label)...)
	}
	return out
}

// unitsIn clusters the annotations of one document (identity) and label.
func unitsIn(views []*view, doc, label string) []Unit {
	g := group{doc, label}
	var items []*item
	for a, v := range views {
		for _, ann := range v.groups[g] {
			items = append(items, &item{annotator: a, ann: ann, hull: ann.Hull(), order: len(items)})
		}
	}
	near := newSweep(items)
	seen := make([]bool, len(views))
	for _, x := range items {
		clear(seen)
		for _, y := range near.overlapping(x.hull) {
			if y.annotator != x.annotator && !seen[y.annotator] && Matches(x.hull, y.hull, Overlap) {
				seen[y.annotator] = true
				x.support++
			}
		}
	}
	seeds := append([]*item(nil), items...) // items are by annotator, then reading order
	sort.SliceStable(seeds, func(i, j int) bool {
		a, b := seeds[i], seeds[j]
		if a.support != b.support {
			return a.support > b.support
		}
		if a.hull.Start != b.hull.Start {
			return a.hull.Start < b.hull.Start
		}
		if a.hull.End != b.hull.End {
			return a.hull.End < b.hull.End
		}
		return a.annotator < b.annotator
	})
	var found []Unit
	for _, seed := range seeds {
		if seed.done {
			continue
		}
		members := []*item{seed}
		seed.done = true
		best := map[int]*item{}
		for _, y := range near.overlapping(seed.hull) {
			if y.done || y.annotator == seed.annotator || !Matches(seed.hull, y.hull, Overlap) {
				continue
			}
			if b, ok := best[y.annotator]; !ok || OverlapRatio(seed.hull, y.hull) > OverlapRatio(seed.hull, b.hull) ||
				OverlapRatio(seed.hull, y.hull) == OverlapRatio(seed.hull, b.hull) && y.order < b.order {
				best[y.annotator] = y
			}
		}
		for _, y := range best {
			y.done = true
			members = append(members, y)
		}
		sort.Slice(members, func(i, j int) bool { return members[i].annotator < members[j].annotator })
		u := Unit{Label: label}
		for _, m := range members {
			v := views[m.annotator]
			u.Members = append(u.Members, Member{Annotator: m.annotator, Annotation: *m.ann, Speaker: v.speakerName(m.ann)})
		}
		u.Document = views[members[0].annotator].docID[doc]
		found = append(found, u)
	}
	sort.SliceStable(found, func(i, j int) bool {
		a, b := found[i].Span(), found[j].Span()
		if a.Start != b.Start {
			return a.Start < b.Start
		}
		if a.End != b.End {
			return a.End < b.End
		}
		return found[i].Members[0].Annotator < found[j].Members[0].Annotator
	})
	return found
}
