package native

import (
	"fmt"
	"strings"
	"time"

	"sayso/internal/annotation"
)

// Open decodes a native file and builds a store from it with
// annotation.Load, which checks that quotes match the text, that ids are
// unique and that links point at what exists. The error names the problem
// in words meant for the person who opened the file; problems found by
// Load stay reachable with annotation.IsProblems.
func Open(b []byte, clock func() time.Time) (*annotation.Store, error) {
	p, err := Decode(b)
	if err != nil {
		return nil, err
	}
	s, err := annotation.Load(p, clock)
	if err != nil {
		if probs, ok := annotation.IsProblems(err); ok && onlyAnnotations(probs) {
			return nil, fmt.Errorf("the file's annotations do not fit its text: %w", err)
		}
		return nil, fmt.Errorf("the file's contents do not fit together: %w", err)
	}
	return s, nil
}

// onlyAnnotations reports whether every problem is about an annotation.
func onlyAnnotations(probs annotation.Problems) bool {
	for _, p := range probs {
		if !strings.HasPrefix(p, "annotation ") {
			return false
		}
	}
	return true
}

// OpenRepaired is Open for a person opening a file: when the file's
// annotations do not fit its text (a quote no longer matches its position,
// an offset lies outside the text, an id is used twice, a link points at
// nothing), it repairs the project with annotation.Repair — re-anchoring by
// quote and context, keeping what cannot be placed as orphans — and returns
// one note per repair. Files that cannot be read at all still fail.
func OpenRepaired(b []byte, clock func() time.Time) (*annotation.Store, []string, error) {
	p, err := Decode(b)
	if err != nil {
		return nil, nil, err
	}
	s, loadErr := annotation.Load(p, clock)
	if loadErr == nil {
		return s, nil, nil
	}
	fixed, notes := annotation.Repair(p)
	s, err = annotation.Load(fixed, clock)
	if err != nil {
		return nil, nil, fmt.Errorf("the file's contents do not fit together, and could not be repaired: %w", loadErr)
	}
	return s, notes, nil
}
