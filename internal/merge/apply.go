package merge

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"sayso/internal/annotation"
)

// ErrUndecided is returned (wrapped, naming the documents) when an imported
// document matches one of the open project and no choice was given for it.
var ErrUndecided = errors.New("no choice was made for a document already in the project")

// zeroClock is the clock of the stores Apply builds only to validate.
func zeroClock() time.Time { return time.Time{} }

// decision is the choice made for an imported document that matches an
// existing one.
type decision struct {
	existing string
	choice   Choice
}

// Apply imports imported into current and returns the new project with a
// report of what happened. choices says, by imported document id, what to
// do with each imported document Conflicts lists; Apply fails with
// ErrUndecided if one is missing (choices for other documents are
// ignored: those documents are added).
//
//   - A document with no match is added at the end, with its annotations.
//   - KeepBoth adds it the same way, its title followed by " (imported)".
//   - Replace keeps the existing document's id and place but takes the
//     imported text, title (unless empty), topic and done state; the
//     existing document's annotations are removed and the imported ones
//     added. Its orphans stay.
//   - Merge keeps the existing document and its annotations. Imported
//     annotations keep their positions when the two texts are identical and
//     are re-anchored when they are not (see Report.Anchored and
//     Report.Unplaced). An imported annotation with the label and fragments
//     of one already there is folded into it: it fills its empty stance,
//     target, note, speaker and links; differing values are kept and listed
//     in Report.FieldConflicts. The document's empty topic and title are
//     filled the same way.
//
// The imported project is first checked with annotation.Load and, if
// refused, repaired with annotation.Repair (Report.Repairs). The open
// project must load. Neither input is changed.
func Apply(current, imported annotation.Project, choices map[string]Choice) (annotation.Project, Report, error) {
	if _, err := annotation.Load(current, zeroClock); err != nil {
		return annotation.Project{}, Report{}, fmt.Errorf("merge: the open project is not valid: %w", err)
	}
	rep := Report{Read: count(imported), Anchored: map[string]Anchoring{}, AnnotationIDs: map[string]string{}}
	imp, notes, err := loadable(imported)
	if err != nil {
		return annotation.Project{}, Report{}, err
	}
	rep.Repairs = notes
	decisions, err := decide(imp, Conflicts(current, imp), choices)
	if err != nil {
		return annotation.Project{}, Report{}, err
	}
	m := newMerger(current, imp, decisions, &rep)
	m.run()
	if _, err := annotation.Load(m.out, zeroClock); err != nil {
		return annotation.Project{}, Report{}, fmt.Errorf("merge: the merged project does not load: %w", err)
	}
	return m.out, rep, nil
}

func count(p annotation.Project) Counts {
	c := Counts{Documents: len(p.Documents), Annotations: len(p.Annotations), Speakers: len(p.Speakers), Orphans: len(p.Orphans)}
	for _, a := range p.Annotations {
		if a.SpeakerMention != "" {
			c.Links++
		}
		if a.Cue != "" {
			c.Links++
		}
	}
	return c
}

// loadable returns p, repaired if Load refuses it.
func loadable(p annotation.Project) (annotation.Project, []string, error) {
	if _, err := annotation.Load(p, zeroClock); err == nil {
		return p, nil, nil
	}
	fixed, notes := annotation.Repair(p)
	if _, err := annotation.Load(fixed, zeroClock); err != nil {
		return annotation.Project{}, nil, fmt.Errorf("merge: the imported project cannot be read, even repaired: %w", err)
	}
	return fixed, notes, nil
}

// decide pairs every conflict with its choice.
func decide(imp annotation.Project, conflicts []Conflict, choices map[string]Choice) (map[string]decision, error) {
	titles := map[string]string{}
	for _, d := range imp.Documents {
		titles[d.ID] = d.Title
	}
	out := map[string]decision{}
	var missing []string
	for _, c := range conflicts {
		ch := choices[c.Imported]
		if ch != Replace && ch != Merge && ch != KeepBoth {
			missing = append(missing, fmt.Sprintf("“%s” (%s)", clip(titles[c.Imported]), c.Imported))
			continue
		}
		out[c.Imported] = decision{existing: c.Existing, choice: ch}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("merge: %w: %s", ErrUndecided, strings.Join(missing, ", "))
	}
	return out, nil
}
