package exercise

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"

	"sayso/internal/annotation"
	"sayso/internal/text"
)

// Exercise is what a teacher hands out: documents, the schema and
// instructions. It never holds annotations.
type Exercise struct {
	ID           string
	Title        string
	Instructions string // plain text with \n line ends
	Schema       annotation.Schema
	Documents    []annotation.Document // Done is always false
	// HandIn is the online box students hand in to; nil when the teacher
	// collects work otherwise. Optional in the file: older files have none.
	HandIn *HandIn
	// NoSuggest takes the Suggest command away from the students, who
	// must find the attributions themselves. Files without the setting
	// (older ones) leave it on.
	NoSuggest bool
}

// Ref is how a student's project names the exercise.
func (e Exercise) Ref() annotation.ExerciseRef {
	return annotation.ExerciseRef{ID: e.ID, Title: e.Title, Instructions: e.Instructions}
}

// New builds an exercise from the teacher's project: the documents named
// by docIDs (every document when docIDs is empty), in project order, and
// the project's schema. Its id is derived from the title and the texts
// (see [MakeID]), so preparing the same exercise twice gives the same id.
// The project's annotations are left behind: see [Key].
func New(p annotation.Project, title, instructions string, docIDs []string) (Exercise, error) {
	for _, id := range docIDs {
		if !slices.ContainsFunc(p.Documents, func(d annotation.Document) bool { return d.ID == id }) {
			return Exercise{}, fmt.Errorf("new exercise: document %q is not in the project", id)
		}
	}
	e := Exercise{
		Title:        strings.TrimSpace(title),
		Instructions: text.Normalize(instructions),
		Schema:       p.Schema.Clone(),
	}
	for _, d := range p.Documents {
		if len(docIDs) == 0 || slices.Contains(docIDs, d.ID) {
			d.Done = false
			e.Documents = append(e.Documents, d)
		}
	}
	e.ID = MakeID(e.Title, e.Documents)
	if err := check(e); err != nil {
		return Exercise{}, fmt.Errorf("new exercise: %w", err)
	}
	return e, nil
}

// MakeID returns the id of an exercise of this title and these documents:
// IDPrefix and the first 12 hexadecimal digits of the SHA-256 of the title
// and the texts' SHA-256s, each followed by a zero byte.
func MakeID(title string, docs []annotation.Document) string {
	h := sha256.New()
	h.Write([]byte(title))
	for _, d := range docs {
		h.Write([]byte{0})
		h.Write([]byte(text.Hash(d.Text)))
	}
	return IDPrefix + hex.EncodeToString(h.Sum(nil))[:12]
}

// Start returns a fresh project for a student: the exercise's documents
// and schema, the student's name as annotator, the exercise named, and no
// annotations.
func (e Exercise) Start(student string) annotation.Project {
	return annotation.Project{
		Schema:    e.Schema.Clone(),
		Annotator: strings.TrimSpace(student),
		Exercise:  e.Ref(),
		Documents: slices.Clone(e.Documents),
	}
}

// Key returns the teacher's answer key: project p restricted to the
// exercise's documents — their annotations, orphans included, and the
// speakers those use — marked as the key of e. Documents are matched as
// [Check] matches them (by id, then by text); each takes the exercise's id.
// A document of e that p does not have, or has with another text, is left
// out, since its annotations would not fit the exercise's text.
func Key(p annotation.Project, e Exercise) annotation.Project {
	k := annotation.Project{
		Schema:    p.Schema.Clone(),
		Annotator: p.Annotator,
		Exercise:  annotation.ExerciseRef{ID: e.ID, Title: e.Title, Role: annotation.RoleKey},
	}
	m := match(e, p.Documents)
	// ids maps a document id of p to the exercise's.
	ids := map[string]string{}
	for _, d := range e.Documents {
		if pd, ok := m.found[d.ID]; ok && !m.changed[d.ID] {
			ids[pd] = d.ID
			k.Documents = append(k.Documents, d)
		}
	}
	speakers := map[string]bool{}
	keep := func(anns []annotation.Annotation) []annotation.Annotation {
		var out []annotation.Annotation
		for _, a := range anns {
			id, ok := ids[a.Document]
			if !ok {
				continue
			}
			a.Fragments = slices.Clone(a.Fragments)
			a.Document = id
			out = append(out, a)
			if a.Speaker != "" {
				speakers[a.Speaker] = true
			}
		}
		return out
	}
	k.Annotations = keep(p.Annotations)
	k.Orphans = keep(p.Orphans)
	for _, sp := range p.Speakers {
		if speakers[sp.ID] {
			k.Speakers = append(k.Speakers, sp)
		}
	}
	return k
}

// docName names a document in a message: by its title, else its id.
func docName(d annotation.Document) string {
	if strings.TrimSpace(d.Title) != "" {
		return "“" + clip(d.Title) + "”"
	}
	return fmt.Sprintf("%q", clip(d.ID))
}

// clip shortens a value quoted in a message.
func clip(s string) string {
	const most = 40
	r := []rune(s)
	if len(r) <= most {
		return s
	}
	return string(r[:most-1]) + "…"
}
