package annotation

import "fmt"

// Batch runs f, whose operations on the store then make one undo step
// named name: accepting a suggestion adds a claim, its cue and its speaker
// mention and links them, and the person undoes that with one Undo. When f
// fails, what it did is taken back and no step is left.
func (s *Store) Batch(name string, f func() error) error {
	from := len(s.undo)
	redo := s.redo
	if err := f(); err != nil {
		for len(s.undo) > from {
			c := s.undo[len(s.undo)-1]
			s.undo = s.undo[:len(s.undo)-1]
			s.revert(c)
			s.revision++
		}
		s.redo = redo
		return fmt.Errorf("%s: %w", name, err)
	}
	if len(s.undo)-from <= 1 {
		if len(s.undo) > from {
			s.undo[from].name = name
		}
		return nil
	}
	merged := &change{name: name}
	for _, c := range s.undo[from:] {
		merged.anns = append(merged.anns, c.anns...)
		merged.spks = append(merged.spks, c.spks...)
		merged.docs = append(merged.docs, c.docs...)
		merged.places = append(merged.places, c.places...)
		merged.schema = append(merged.schema, c.schema...)
		merged.orphans = append(merged.orphans, c.orphans...)
	}
	s.undo = append(s.undo[:from], merged)
	return nil
}
