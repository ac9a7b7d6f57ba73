package app

import "sayso/internal/text"

// drawnSet is what the highlights show of each annotation (by id), with
// the annotations also filed under every stretch of the text their hulls
// cover, so that a redraw finds the drawn highlights near a changed
// stretch without going over all of them: adding one annotation to a
// project of 25,000 looked at all 25,000. (Filed by where they start,
// one long hull made every look-up go over everything that starts within
// its length before the change.)
type drawnSet struct {
	byID map[string]drawnAnnotation
	// at files ids under each bucket (a stretch of drawnBucket code
	// points) their hull covers (buckets).
	at map[int]map[string]struct{}
}

// drawnBucket is the width in code points of one bucket of drawnSet.at.
const drawnBucket = 4096

// buckets are the buckets of drawnSet.at a hull is filed under: those it
// covers, and the one of its start when it is empty.
func buckets(hull text.Span) (first, last int) {
	return hull.Start / drawnBucket, max(hull.End-1, hull.Start) / drawnBucket
}

func newDrawnSet(n int) drawnSet {
	return drawnSet{byID: make(map[string]drawnAnnotation, n), at: map[int]map[string]struct{}{}}
}

// put records what was drawn of annotation id.
func (s *drawnSet) put(id string, d drawnAnnotation) {
	if old, ok := s.byID[id]; ok {
		s.unfile(id, old.hull)
	}
	s.byID[id] = d
	first, last := buckets(d.hull)
	for b := first; b <= last; b++ {
		if s.at[b] == nil {
			s.at[b] = map[string]struct{}{}
		}
		s.at[b][id] = struct{}{}
	}
}

// remove forgets annotation id.
func (s *drawnSet) remove(id string) {
	if old, ok := s.byID[id]; ok {
		s.unfile(id, old.hull)
		delete(s.byID, id)
	}
}

func (s *drawnSet) unfile(id string, hull text.Span) {
	first, last := buckets(hull)
	for b := first; b <= last; b++ {
		delete(s.at[b], id)
		if len(s.at[b]) == 0 {
			delete(s.at, b)
		}
	}
}

// near calls f with every drawn annotation whose hull may overlap sp (a
// superset: f checks the overlap), in no particular order; an annotation
// filed under several of sp's buckets comes more than once.
func (s *drawnSet) near(sp text.Span, f func(id string, d drawnAnnotation)) {
	first, last := buckets(text.Span{Start: sp.Start, End: max(sp.End, sp.Start+1)})
	for b := first; b <= last; b++ {
		for id := range s.at[b] {
			f(id, s.byID[id])
		}
	}
}
