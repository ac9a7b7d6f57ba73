package app

import "sayso/internal/text"

// drawnSet is what the highlights show of each annotation (by id), with
// the annotations also filed by where their hulls start, so that a
// redraw finds the drawn highlights near a changed stretch without going
// over all of them: adding one annotation to a project of 25,000 looked
// at all 25,000.
type drawnSet struct {
	byID map[string]drawnAnnotation
	// at files ids by their hull's start / drawnBucket.
	at map[int]map[string]struct{}
	// longest is the longest hull ever filed (since the set was made): a
	// hull overlapping a stretch starts at most this far before it.
	longest int
}

// drawnBucket is the width in code points of one bucket of drawnSet.at.
const drawnBucket = 4096

func newDrawnSet() drawnSet {
	return drawnSet{byID: map[string]drawnAnnotation{}, at: map[int]map[string]struct{}{}}
}

// put records what was drawn of annotation id.
func (s *drawnSet) put(id string, d drawnAnnotation) {
	if old, ok := s.byID[id]; ok {
		s.unfile(id, old.hull)
	}
	s.byID[id] = d
	b := d.hull.Start / drawnBucket
	if s.at[b] == nil {
		s.at[b] = map[string]struct{}{}
	}
	s.at[b][id] = struct{}{}
	s.longest = max(s.longest, d.hull.End-d.hull.Start)
}

// remove forgets annotation id.
func (s *drawnSet) remove(id string) {
	if old, ok := s.byID[id]; ok {
		s.unfile(id, old.hull)
		delete(s.byID, id)
	}
}

func (s *drawnSet) unfile(id string, hull text.Span) {
	b := hull.Start / drawnBucket
	delete(s.at[b], id)
	if len(s.at[b]) == 0 {
		delete(s.at, b)
	}
}

// near calls f with every drawn annotation whose hull may overlap sp (a
// superset: f checks the overlap), in no particular order.
func (s *drawnSet) near(sp text.Span, f func(id string, d drawnAnnotation)) {
	end := max(sp.End, sp.Start+1)
	for b := max(sp.Start-s.longest, 0) / drawnBucket; b <= end/drawnBucket; b++ {
		for id := range s.at[b] {
			f(id, s.byID[id])
		}
	}
}
