package formattest

import (
	"sort"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/text"
)

// CanonSpan is an annotation as the formats can carry it: ids and
// timestamps left out, links named by the fragments they point to.
type CanonSpan struct {
	Label                string
	Frags                []text.Span
	Stance, Target, Note string
	Speaker              string // the entity's name
	Mention, Cue         []text.Span
}

// CanonDoc is a document with its annotations in comparable form.
type CanonDoc struct {
	Title, Topic, Text string
	Spans              []CanonSpan
}

// Fields says which parts of an annotation a format holds.
type Fields struct{ Stance, Target, Note, Speaker, Mention, Cue bool }

// Canon returns p's documents and annotations in a form two projects can
// be compared in, keeping only the Fields f.
func Canon(p annotation.Project, f Fields) []CanonDoc {
	names := map[string]string{}
	for _, s := range p.Speakers {
		names[s.ID] = s.Name
	}
	byID := map[string]annotation.Annotation{}
	for _, a := range p.Annotations {
		byID[a.ID] = a
	}
	var out []CanonDoc
	for _, d := range p.Documents {
		cd := CanonDoc{Title: d.Title, Topic: d.Topic, Text: d.Text}
		for _, a := range p.Annotations {
			if a.Document != d.ID {
				continue
			}
			cs := CanonSpan{Label: a.Label, Frags: a.Fragments}
			if f.Stance {
				cs.Stance = a.Stance
			}
			if f.Target {
				cs.Target = a.Target
			}
			if f.Note {
				cs.Note = a.Note
			}
			if f.Speaker {
				cs.Speaker = names[a.Speaker]
			}
			if f.Mention && a.SpeakerMention != "" {
				cs.Mention = byID[a.SpeakerMention].Fragments
			}
			if f.Cue && a.Cue != "" {
				cs.Cue = byID[a.Cue].Fragments
			}
			cd.Spans = append(cd.Spans, cs)
		}
		sort.Slice(cd.Spans, func(i, j int) bool { return spanLess(cd.Spans[i], cd.Spans[j]) })
		out = append(out, cd)
	}
	return out
}

func spanLess(a, b CanonSpan) bool {
	for k := 0; k < len(a.Frags) && k < len(b.Frags); k++ {
		if a.Frags[k] != b.Frags[k] {
			if a.Frags[k].Start != b.Frags[k].Start {
				return a.Frags[k].Start < b.Frags[k].Start
			}
			return a.Frags[k].End < b.Frags[k].End
		}
	}
	if len(a.Frags) != len(b.Frags) {
		return len(a.Frags) < len(b.Frags)
	}
	return a.Label < b.Label
}

// RequireLoads checks that an imported project passes annotation.Load.
func RequireLoads(t testing.TB, p annotation.Project) {
	t.Helper()
	_, err := annotation.Load(p, time.Now)
	require.NoError(t, err, "an imported project must load")
}
