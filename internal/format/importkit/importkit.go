// Package importkit turns what an importer read — documents, spans,
// links and speaker keys, in any format's terms — into a project that
// annotation.Load accepts, reporting what it could not map. The importing
// format packages (conll, labelstudio, doccano, citron) share it.
package importkit

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"sayso/internal/annotation"
	"sayso/internal/format"
	"sayso/internal/text"
)

// Draft is what an importer read, before it becomes a project.
type Draft struct {
	Annotator string
	Docs      []Doc
	// EntityNames names the speaker entities that spans refer to by key; a
	// key without a name takes the longest text among its mentions.
	EntityNames map[string]string
}

// Doc is one document read from a file.
type Doc struct {
	What  string  // how messages name it: "document 2", "task 3"
	Title string  //
	Topic *string // nil: the title, as for a pasted document
	Text  string  // normalised (see Normalize)
	Spans []Span
}

// Span is one span annotation read from a file.
type Span struct {
	What    string // how messages name it: "region x1", "entity 4"
	Label   string // label id (see LabelID)
	Frags   []text.Span
	Stance  string
	Target  *string // nil: the document's topic
	Note    string
	Entity  string // key of the speaker entity (mentions and claims), "" if unknown
	Mention int    // index in Spans of the claim's speaker mention, or -1
	Cue     int    // index in Spans of the claim's cue, or -1
}

// otherLabelColor is the colour of labels an import adds to the schema.
const otherLabelColor = "#9e9e9e"

// LabelID maps a label as a file writes it to a label id: Sayso's ids and
// names in any case, and PolNeAR's Content and Source. Other labels are
// kept as they are and join the schema.
func LabelID(name string) string {
	name = strings.TrimSpace(name)
	switch strings.ToLower(name) {
	case "claim", "content":
		return annotation.LabelClaim
	case "speaker", "source":
		return annotation.LabelSpeaker
	case "cue":
		return annotation.LabelCue
	}
	return name
}

// Normalize turns CR LF and lone CR into LF like text.Normalize and returns
// a map from each code-point offset of raw (0 to its length) to the offset
// in the result, or nil when raw has no CR and offsets stay the same.
func Normalize(raw string) (string, []int) {
	if !strings.Contains(raw, "\r") {
		return raw, nil
	}
	rs := []rune(raw)
	idx := make([]int, len(rs)+1)
	n := 0
	for i, r := range rs {
		idx[i] = n
		if r != '\r' || i+1 == len(rs) || rs[i+1] != '\n' {
			n++
		}
	}
	idx[len(rs)] = n
	return text.Normalize(raw), idx
}

// MapSpan applies a map from Normalize to a span.
func MapSpan(idx []int, s text.Span) text.Span {
	if idx == nil {
		return s
	}
	return text.Span{Start: idx[s.Start], End: idx[s.End]}
}

// cleanFragments sorts fragments and merges those that overlap. It returns
// nil if no fragment is left that is not empty.
func cleanFragments(fs []text.Span) []text.Span {
	var out []text.Span
	for _, f := range fs {
		if f.End > f.Start {
			out = append(out, f)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	merged := out[:0]
	for _, f := range out {
		if n := len(merged); n > 0 && f.Start < merged[n-1].End {
			merged[n-1].End = max(merged[n-1].End, f.End)
			continue
		}
		merged = append(merged, f)
	}
	return merged
}

// Build makes a project of d through the annotation store, so that it is
// valid as the editor makes projects: speaker mentions without an entity
// key get the speaker the editor would propose. What cannot be built is
// recorded in rep.
func Build(d Draft, rep *format.Report) (annotation.Project, error) {
	s := annotation.New(schemaFor(d), d.Annotator, time.Now)
	ids := make([][]string, len(d.Docs))
	for i, dd := range d.Docs {
		ids[i] = addDocument(s, dd, rep)
	}
	entities := assignEntities(s, d, ids, rep)
	for i, dd := range d.Docs {
		link(s, dd, ids[i], entities, rep)
	}
	p := s.Project()
	if _, err := annotation.Load(p, time.Now); err != nil {
		return annotation.Project{}, fmt.Errorf("the imported project does not hold together: %w", err)
	}
	return p, nil
}

// schemaFor is the default schema plus the labels and stance values d uses
// that it lacks, in the order they first appear.
func schemaFor(d Draft) annotation.Schema {
	sch := annotation.DefaultSchema()
	for _, dd := range d.Docs {
		for _, sp := range dd.Spans {
			if _, ok := sch.Label(sp.Label); !ok && sp.Label != "" {
				sch.Labels = append(sch.Labels, annotation.Label{ID: sp.Label, Name: sp.Label, Color: otherLabelColor})
			}
			if sp.Stance != "" && !sch.HasStance(sp.Stance) {
				sch.Stances = append(sch.Stances, sp.Stance)
			}
		}
	}
	return sch
}

// addDocument adds a document and its spans in reading order (so that the
// store proposes speakers for pronouns as the editor does) and returns the
// annotation id of each span, "" where it was skipped.
func addDocument(s *annotation.Store, dd Doc, rep *format.Report) []string {
	ids := make([]string, len(dd.Spans))
	doc, err := s.AddDocument(dd.Title, dd.Text)
	if err != nil {
		rep.Skip("%s has no text, so it was not imported with its %d annotations", dd.What, len(dd.Spans))
		return ids
	}
	rep.Documents++
	if dd.Topic != nil {
		if err := s.SetTopic(doc, *dd.Topic); err != nil {
			return ids
		}
	}
	order := make([]int, len(dd.Spans))
	for i := range order {
		order[i] = i
		dd.Spans[i].Frags = cleanFragments(dd.Spans[i].Frags)
	}
	sort.SliceStable(order, func(i, j int) bool {
		a, b := dd.Spans[order[i]].Frags, dd.Spans[order[j]].Frags
		if len(a) == 0 || len(b) == 0 {
			return len(a) > len(b)
		}
		return a[0].Start < b[0].Start || a[0].Start == b[0].Start && a[len(a)-1].End > b[len(b)-1].End
	})
	for _, i := range order {
		sp := dd.Spans[i]
		if sp.Label == "" {
			rep.Skip("%s has no label, so it was not imported", sp.What)
			continue
		}
		if len(sp.Frags) == 0 {
			rep.Skip("%s is empty, so it was not imported", sp.What)
			continue
		}
		id, err := s.Add(doc, sp.Label, sp.Frags)
		if err != nil {
			rep.Skip("%s could not be imported: %v", sp.What, err)
			continue
		}
		ids[i] = id
		rep.Annotations++
		setAttributes(s, id, sp, rep)
	}
	return ids
}

func setAttributes(s *annotation.Store, id string, sp Span, rep *format.Report) {
	if sp.Note != "" {
		if err := s.SetNote(id, sp.Note); err != nil {
			rep.Skip("the note of %s could not be kept: %v", sp.What, err)
		}
	}
	if sp.Label != annotation.LabelClaim {
		if sp.Stance != "" || sp.Target != nil {
			rep.Skip("%s is a %s, not a claim, so its stance and target were not kept", sp.What, sp.Label)
		}
		return
	}
	if sp.Stance != "" {
		if err := s.SetStance(id, sp.Stance); err != nil {
			rep.Skip("the stance of %s could not be kept: %v", sp.What, err)
		}
	}
	if sp.Target != nil {
		if err := s.SetTarget(id, *sp.Target); err != nil {
			rep.Skip("the target of %s could not be kept: %v", sp.What, err)
		}
	}
}

// assignEntities gives the speaker mentions that share an entity key one
// new speaker entity each key, and returns the speaker id of each key.
func assignEntities(s *annotation.Store, d Draft, ids [][]string, rep *format.Report) map[string]string {
	type member struct{ id, quote string }
	groups := map[string][]member{}
	var keys []string
	for i, dd := range d.Docs {
		for j, sp := range dd.Spans {
			if sp.Entity == "" || sp.Label != annotation.LabelSpeaker || ids[i][j] == "" {
				continue
			}
			a, _ := s.Annotation(ids[i][j])
			if _, seen := groups[sp.Entity]; !seen {
				keys = append(keys, sp.Entity)
			}
			groups[sp.Entity] = append(groups[sp.Entity], member{a.ID, a.Quote})
		}
	}
	speakers := map[string]string{}
	for _, k := range keys {
		ms := groups[k]
		name := strings.TrimSpace(d.EntityNames[k])
		if name == "" {
			for _, m := range ms {
				if q := strings.Join(strings.Fields(m.quote), " "); len([]rune(q)) > len([]rune(name)) {
					name = q
				}
			}
		}
		if name == "" {
			name = "speaker"
		}
		sid, err := s.NewSpeakerForMention(ms[0].id, name)
		if err != nil {
			rep.Skip("the speaker %q could not be created: %v", name, err)
			continue
		}
		speakers[k] = sid
		for _, m := range ms[1:] {
			if err := s.SetMentionSpeaker(m.id, sid); err != nil {
				rep.Skip("the speaker of mention %q could not be set: %v", m.quote, err)
			}
		}
	}
	return speakers
}

// link links claims to their speaker mentions, cues and entities.
func link(s *annotation.Store, dd Doc, ids []string, entities map[string]string, rep *format.Report) {
	for i, sp := range dd.Spans {
		if ids[i] == "" || sp.Label != annotation.LabelClaim {
			continue
		}
		if sp.Mention >= 0 {
			if m := ids[sp.Mention]; m == "" {
				rep.Skip("the link from %s to its speaker %s was lost with that speaker", sp.What, dd.Spans[sp.Mention].What)
			} else if err := s.LinkMention(ids[i], m); err != nil {
				rep.Skip("%s could not be linked to its speaker %s: %v", sp.What, dd.Spans[sp.Mention].What, err)
			} else {
				rep.Links++
			}
		} else if sp.Entity != "" {
			if sid, ok := entities[sp.Entity]; !ok {
				rep.Skip("%s names a speaker with no mention in the text, which Sayso cannot hold", sp.What)
			} else if err := s.SetClaimSpeaker(ids[i], sid); err != nil {
				rep.Skip("the speaker of %s could not be set: %v", sp.What, err)
			} else {
				rep.Links++
			}
		}
		if sp.Cue >= 0 {
			if c := ids[sp.Cue]; c == "" {
				rep.Skip("the link from %s to its cue %s was lost with that cue", sp.What, dd.Spans[sp.Cue].What)
			} else if err := s.LinkCue(ids[i], c); err != nil {
				rep.Skip("%s could not be linked to its cue %s: %v", sp.What, dd.Spans[sp.Cue].What, err)
			} else {
				rep.Links++
			}
		}
	}
}
