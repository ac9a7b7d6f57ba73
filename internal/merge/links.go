package merge

import "sayso/internal/annotation"

// speaker is the result id of an imported speaker id.
func (m *merger) speaker(id string) string {
	if to, ok := m.speakerIDs[id]; ok {
		return to
	}
	return id
}

// index maps result annotation ids to their place in out.Annotations.
func (m *merger) index() map[string]*annotation.Annotation {
	byID := make(map[string]*annotation.Annotation, len(m.out.Annotations))
	for i := range m.out.Annotations {
		byID[m.out.Annotations[i].ID] = &m.out.Annotations[i]
	}
	return byID
}

// link rewrites the references of the imported annotations to their result
// ids, cutting the links to annotations that could not be placed. A claim's
// speaker follows its mention's, which may be an existing annotation the
// imported mention was folded into.
func (m *merger) link() {
	byID := m.index()
	for _, a := range m.arrived {
		byID[a.id].Speaker = m.speaker(a.src.Speaker)
	}
	for _, a := range m.arrived {
		c := byID[a.id]
		c.SpeakerMention, c.Cue = "", ""
		if t, ok := m.placed(c, a.src.SpeakerMention, "speaker mention"); ok {
			c.SpeakerMention = t
			c.Speaker = byID[t].Speaker
		}
		if t, ok := m.placed(c, a.src.Cue, "cue"); ok {
			c.Cue = t
		}
	}
	for i, a := range m.orphaned {
		c := &m.out.Orphans[len(m.cur.Orphans)+i]
		c.Speaker = m.speaker(a.src.Speaker)
		if f, ok := m.fates[a.src.SpeakerMention]; ok {
			c.SpeakerMention = f.id
		}
		if f, ok := m.fates[a.src.Cue]; ok {
			c.Cue = f.id
		}
	}
}

// placed returns the result id of the annotation imported id became, when
// it was placed; when it became an orphan, it reports the link from c as
// cut.
func (m *merger) placed(c *annotation.Annotation, id, link string) (string, bool) {
	if id == "" {
		return "", false
	}
	f, ok := m.fates[id]
	if ok && !f.orphan {
		return f.id, true
	}
	cut := LinkCut{From: c.ID, FromLabel: c.Label, FromQuote: c.Quote, Link: link, To: f.id}
	for _, o := range m.out.Orphans {
		if o.ID == f.id {
			cut.ToQuote = o.Quote
		}
	}
	m.rep.LinksCut = append(m.rep.LinksCut, cut)
	return "", false
}
