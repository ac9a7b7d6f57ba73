package exercise

import (
	"fmt"

	"sayso/internal/annotation"
	"sayso/internal/text"
)

// Submission is what Check finds in a project handed in for an exercise:
// a student's export, or the teacher's key.
type Submission struct {
	Annotator    string // who made it
	Role         string // "" for a student's work, annotation.RoleKey for the key
	SameExercise bool   // it names this exercise
	// Problems are sentences for the teacher, e.g. made for another
	// exercise (“Week 2”), or document “Harbour” has a different text
	// (re-anchored).
	Problems []string
	Changed  []string // ids of the exercise's documents whose text differs in the submission
	Missing  []string // ids of the exercise's documents the submission lacks
	// Documents maps the id of each exercise document found in the
	// submission (changed ones included) to its id there.
	Documents map[string]string
}

// Check compares a submitted project with the exercise. Documents are
// matched by id and text first, then by text alone (a student who removed
// and re-added a document), then by id alone: such a document's text
// differs, so its annotations must be re-anchored before they are compared.
func Check(e Exercise, p annotation.Project) Submission {
	s := Submission{
		Annotator:    p.Annotator,
		Role:         p.Exercise.Role,
		SameExercise: p.Exercise.ID != "" && p.Exercise.ID == e.ID,
		Documents:    map[string]string{},
	}
	switch {
	case p.Exercise.ID == "":
		s.Problems = append(s.Problems, "made for no exercise")
	case !s.SameExercise:
		name := p.Exercise.Title
		if name == "" {
			name = p.Exercise.ID
		}
		s.Problems = append(s.Problems, fmt.Sprintf("made for another exercise (“%s”)", clip(name)))
	}
	m := match(e, p.Documents)
	for _, d := range e.Documents {
		id, ok := m.found[d.ID]
		switch {
		case !ok:
			s.Missing = append(s.Missing, d.ID)
			s.Problems = append(s.Problems, fmt.Sprintf("document %s is missing", docName(d)))
			continue
		case m.changed[d.ID]:
			s.Changed = append(s.Changed, d.ID)
			s.Problems = append(s.Problems, fmt.Sprintf("document %s has a different text (re-anchored)", docName(d)))
		}
		s.Documents[d.ID] = id
	}
	for _, d := range p.Documents {
		if !m.used[d.ID] {
			s.Problems = append(s.Problems, fmt.Sprintf("document %s is not part of the exercise", docName(d)))
		}
	}
	return s
}

// matching pairs the exercise's documents with a project's.
type matching struct {
	found   map[string]string // exercise document id → project document id
	changed map[string]bool   // exercise document ids matched by id alone
	used    map[string]bool   // project document ids matched
}

// match pairs each exercise document with a project document of the same
// id and text, else of the same text, else of the same id.
func match(e Exercise, docs []annotation.Document) matching {
	m := matching{found: map[string]string{}, changed: map[string]bool{}, used: map[string]bool{}}
	hashes := make([]string, len(docs))
	for i, d := range docs {
		hashes[i] = text.Hash(d.Text)
	}
	pair := func(want annotation.Document, ok func(i int, sum string) bool) {
		if _, done := m.found[want.ID]; done {
			return
		}
		sum := text.Hash(want.Text)
		for i, d := range docs {
			if !m.used[d.ID] && ok(i, sum) {
				m.found[want.ID] = d.ID
				m.used[d.ID] = true
				if hashes[i] != sum {
					m.changed[want.ID] = true
				}
				return
			}
		}
	}
	for _, want := range e.Documents {
		pair(want, func(i int, sum string) bool { return docs[i].ID == want.ID && hashes[i] == sum })
	}
	for _, want := range e.Documents {
		pair(want, func(i int, sum string) bool { return hashes[i] == sum })
	}
	for _, want := range e.Documents {
		pair(want, func(i int, _ string) bool { return docs[i].ID == want.ID })
	}
	return m
}
