package merge

import (
	"fmt"
	"sort"
	"strings"

	"sayso/internal/annotation"
	"sayso/internal/text"
)

// merger builds the result of one Apply.
type merger struct {
	cur, imp  annotation.Project
	decisions map[string]decision // by imported document id
	out       annotation.Project
	rep       *Report

	docs, anns, speakers *namer
	docPos               map[string]int    // result document id → index in out.Documents
	docIDs               map[string]string // imported document id → result id
	speakerIDs           map[string]string // imported speaker id → result id
	fates                map[string]fate   // imported annotation id → what became of it

	arrived  []arrival       // imported annotations added to out.Annotations
	orphaned []arrival       // imported annotations and orphans added to out.Orphans
	folds    []arrival       // imported annotations folded into one already there
	dropped  map[string]bool // speakers of annotations Replace removed: dropped if nothing else refers to them
}

// fate is what became of an imported annotation: its result id, among the
// orphans or not.
type fate struct {
	id     string
	orphan bool
}

// arrival is an imported annotation and the result annotation it became or
// joined.
type arrival struct {
	src *annotation.Annotation
	id  string
}

func newMerger(cur, imp annotation.Project, decisions map[string]decision, rep *Report) *merger {
	m := &merger{cur: cur, imp: imp, decisions: decisions, rep: rep,
		docPos: map[string]int{}, docIDs: map[string]string{}, speakerIDs: map[string]string{},
		fates: map[string]fate{}, dropped: map[string]bool{}}
	m.docs = newNamer(docIDs(cur.Documents), docIDs(imp.Documents))
	m.speakers = newNamer(speakerIDs(cur.Speakers), speakerIDs(imp.Speakers))
	m.anns = newNamer(append(annIDs(cur.Annotations), annIDs(cur.Orphans)...),
		append(annIDs(imp.Annotations), annIDs(imp.Orphans)...))
	return m
}

func (m *merger) run() {
	m.out.Schema, m.rep.SchemaAdded = mergeSchema(m.cur.Schema, m.imp.Schema)
	m.out.Annotator = m.cur.Annotator
	m.out.Documents = append([]annotation.Document(nil), m.cur.Documents...)
	for i, d := range m.out.Documents {
		m.docPos[d.ID] = i
	}
	m.out.Speakers = append([]annotation.Speaker(nil), m.cur.Speakers...)
	m.out.Orphans = cloneAll(m.cur.Orphans)
	replaced := map[string]bool{}
	for _, d := range m.decisions {
		if d.choice == Replace {
			replaced[d.existing] = true
		}
	}
	for _, a := range m.cur.Annotations {
		if replaced[a.Document] {
			m.rep.Removed++
			if a.Speaker != "" {
				m.dropped[a.Speaker] = true
			}
			continue
		}
		m.out.Annotations = append(m.out.Annotations, clone(&a))
	}
	m.mapSpeakers()
	byDoc := m.imp.ByDocument()
	for _, d := range m.imp.Documents {
		m.document(d, byDoc[d.ID])
	}
	m.carryOrphans()
	m.link()
	m.fill()
	m.dropSpeakers()
	m.sortAnnotations()
}

// mapSpeakers merges imported speakers into the open project's ones of the
// same name and adds the others.
func (m *merger) mapSpeakers() {
	byName := map[string]annotation.Speaker{}
	for _, sp := range m.cur.Speakers {
		if n := normalizeName(sp.Name); n != "" {
			if _, seen := byName[n]; !seen {
				byName[n] = sp
			}
		}
	}
	for _, sp := range m.imp.Speakers {
		if into, ok := byName[normalizeName(sp.Name)]; ok && normalizeName(sp.Name) != "" {
			m.speakerIDs[sp.ID] = into.ID
			m.rep.SpeakersMerged = append(m.rep.SpeakersMerged, SpeakerMerge{Imported: sp.ID, Into: into.ID, Name: into.Name})
			continue
		}
		id := m.rename("speaker", m.speakers, sp.ID)
		m.speakerIDs[sp.ID] = id
		m.out.Speakers = append(m.out.Speakers, annotation.Speaker{ID: id, Name: sp.Name})
		m.rep.SpeakersAdded++
	}
}

// rename gives an imported id its result id and reports a change.
func (m *merger) rename(kind string, n *namer, id string) string {
	to, changed := n.name(id)
	if changed {
		m.rep.Renamed = append(m.rep.Renamed, Rename{Kind: kind, From: id, To: to})
	}
	return to
}

// dropSpeakers removes the open project's speakers that only annotations
// removed by Replace referred to.
func (m *merger) dropSpeakers() {
	if len(m.dropped) == 0 {
		return
	}
	for _, a := range m.out.Annotations {
		delete(m.dropped, a.Speaker)
	}
	for _, a := range m.out.Orphans {
		delete(m.dropped, a.Speaker)
	}
	kept := m.out.Speakers[:0:0]
	for _, sp := range m.out.Speakers {
		if m.dropped[sp.ID] {
			m.rep.SpeakersDropped = append(m.rep.SpeakersDropped, sp.Name)
			continue
		}
		kept = append(kept, sp)
	}
	m.out.Speakers = kept
}

// sortAnnotations puts the annotations in document and reading order.
func (m *merger) sortAnnotations() {
	sort.SliceStable(m.out.Annotations, func(i, j int) bool {
		a, b := &m.out.Annotations[i], &m.out.Annotations[j]
		if pa, pb := m.docPos[a.Document], m.docPos[b.Document]; pa != pb {
			return pa < pb
		}
		ha, hb := a.Hull(), b.Hull()
		if ha.Start != hb.Start {
			return ha.Start < hb.Start
		}
		if ha.End != hb.End {
			return ha.End > hb.End
		}
		if len(a.ID) != len(b.ID) {
			return len(a.ID) < len(b.ID)
		}
		return a.ID < b.ID
	})
}

// foldKey is what makes two annotations of a document the same one: the
// label and the fragments.
func foldKey(a *annotation.Annotation) string {
	var b strings.Builder
	b.WriteString(a.Label)
	for _, f := range a.Fragments {
		fmt.Fprintf(&b, "|%d-%d", f.Start, f.End)
	}
	return b.String()
}

// normalizeName folds a speaker name for comparison: case, and runs of
// white space.
func normalizeName(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

func clone(a *annotation.Annotation) annotation.Annotation {
	c := *a
	c.Fragments = append([]text.Span(nil), a.Fragments...)
	return c
}

func cloneAll(as []annotation.Annotation) []annotation.Annotation {
	out := make([]annotation.Annotation, 0, len(as))
	for i := range as {
		out = append(out, clone(&as[i]))
	}
	return out
}

func docIDs(ds []annotation.Document) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = d.ID
	}
	return out
}

func speakerIDs(ss []annotation.Speaker) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.ID
	}
	return out
}

func annIDs(as []annotation.Annotation) []string {
	out := make([]string, len(as))
	for i, a := range as {
		out[i] = a.ID
	}
	return out
}
