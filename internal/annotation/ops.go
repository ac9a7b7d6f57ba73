package annotation

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"sayso/internal/text"
)

// MaxSpeakerNameLength bounds a speaker name proposed from a mention's text.
const MaxSpeakerNameLength = 120

// pronouns refer back to the speaker of the nearest earlier mention.
var pronouns = map[string]bool{
	"he": true, "she": true, "they": true, "him": true, "her": true, "them": true,
	"his": true, "i": true, "we": true, "it": true, "who": true,
}

// Add creates an annotation of label over fragments of document doc and
// returns its id. Fragments are sorted and must not overlap. A claim gets
// the document's topic as target. A speaker annotation is attached to a
// speaker entity: the speaker of the nearest earlier mention for a
// pronoun; an existing one whose name it matches or starts with; the one
// speaker whose name, titles aside, it is or is the end or start of
// ("Okafor" → "Mayor Ines Okafor"); none (undecided, Speaker "") when
// several are; or else a new speaker named after its text without the
// punctuation around it (CleanSpeakerName).
func (s *Store) Add(doc, label string, fragments []text.Span) (string, error) {
	e, ok := s.docByID[doc]
	if !ok {
		return "", fmt.Errorf("add %s: document %q: %w", label, doc, ErrNotFound)
	}
	if _, ok := s.schema.Label(label); !ok {
		return "", fmt.Errorf("add: label %q is not in the schema: %w", label, ErrInvalid)
	}
	frags, err := checkFragments(fragments, e.index.Len())
	if err != nil {
		return "", fmt.Errorf("add %s: %w", label, err)
	}
	now := s.now()
	a := &Annotation{
		ID:        "a" + strconv.Itoa(s.nextAnn),
		Document:  doc,
		Label:     label,
		Fragments: frags,
		Annotator: s.annotator,
		Created:   now,
		Modified:  now,
	}
	a.Quote = QuoteOf(e.index, frags)
	a.Prefix, a.Suffix = e.index.Context(a.Hull(), ContextLength)
	if label == LabelClaim {
		a.Target = e.doc.Topic
	}
	t := s.begin("add " + label)
	if label == LabelSpeaker {
		a.Speaker = s.proposeSpeaker(t, a)
	}
	s.nextAnn++
	t.putAnn(a)
	t.commit()
	return a.ID, nil
}

// checkFragments validates fragments against a text of n code points.
func checkFragments(fragments []text.Span, n int) ([]text.Span, error) {
	if len(fragments) == 0 {
		return nil, fmt.Errorf("no fragment: %w", ErrEmptySpan)
	}
	out := append([]text.Span(nil), fragments...)
	for i, f := range out {
		if f.Start >= f.End {
			return nil, fmt.Errorf("fragment %d–%d: %w", f.Start, f.End, ErrEmptySpan)
		}
		if f.Start < 0 || f.End > n {
			return nil, fmt.Errorf("fragment %d–%d does not fit in the text, which has %d characters: %w", f.Start, f.End, n, ErrOutsideText)
		}
		if i > 0 && out[i-1].End > f.Start {
			return nil, fmt.Errorf("fragments %d–%d and %d–%d overlap or are out of order: %w",
				out[i-1].Start, out[i-1].End, f.Start, f.End, ErrInvalid)
		}
	}
	return out, nil
}

// proposeSpeaker picks (or creates, within t) the speaker entity a new
// speaker mention refers to, or "" when several could be meant.
func (s *Store) proposeSpeaker(t *tx, mention *Annotation) string {
	// Capped first, so that a long name matches the capped name it was
	// given the first time.
	quote := capName(CleanSpeakerName(mention.Quote))
	if quote == "" {
		quote = capName(strings.Join(strings.Fields(mention.Quote), " "))
	}
	if pronouns[strings.ToLower(quote)] {
		if prev := s.nearestMention(mention.Document, mention.Hull().Start); prev != nil {
			return prev.Speaker
		}
	}
	if sp, ok := s.SpeakerByName(quote); ok {
		return sp.ID
	}
	// The longest name the mention starts with: "Wang Wen, dean of …" is
	// Wang Wen even if there is also a Wang.
	norm := normalizeName(quote)
	best, bestLen := "", 0
	for _, sp := range s.Speakers() {
		if n := normalizeName(sp.Name); n != "" && len(n) > bestLen && strings.HasPrefix(norm, n) && len(norm) > len(n) && !startsWithWordChar(norm[len(n):]) {
			best, bestLen = sp.ID, len(n)
		}
	}
	if best != "" {
		return best
	}
	// The same name but for titles ("Dr. Okafor", "Okafor"), or a part of
	// one name: its speaker; of several names: undecided, for the person.
	switch c := s.SpeakerCandidates(quote); len(c) {
	case 0:
	case 1:
		return c[0].ID
	default:
		return ""
	}
	return s.newSpeaker(t, quote)
}

// capName shortens a name to MaxSpeakerNameLength code points.
func capName(name string) string {
	if r := []rune(name); len(r) > MaxSpeakerNameLength {
		return strings.TrimSpace(string(r[:MaxSpeakerNameLength]))
	}
	return name
}

// startsWithWordChar reports whether s starts with a letter, digit or
// mark: a name continuing rather than punctuation or space after it.
func startsWithWordChar(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

func (s *Store) newSpeaker(t *tx, name string) string {
	sp := &Speaker{ID: "s" + strconv.Itoa(s.nextSpeaker), Name: capName(name)}
	s.nextSpeaker++
	t.putSpeaker(sp)
	return sp.ID
}

// nearestMention is the speaker annotation of doc starting closest before
// cp, or nil.
func (s *Store) nearestMention(doc string, cp int) *Annotation {
	var best *Annotation
	for _, a := range s.Annotations(doc) {
		if a.Hull().Start >= cp {
			break
		}
		if a.Label == LabelSpeaker {
			best = a
		}
	}
	return best
}

// NearestMention returns the speaker mention a claim most likely belongs to:
// the nearest one starting before the claim, or else the nearest after it.
func (s *Store) NearestMention(claimID string) (string, bool) {
	c, ok := s.anns[claimID]
	if !ok {
		return "", false
	}
	if m := s.nearestMention(c.Document, c.Hull().Start); m != nil {
		return m.ID, true
	}
	for _, a := range s.Annotations(c.Document) {
		if a.Label == LabelSpeaker && a.Hull().Start >= c.Hull().Start {
			return a.ID, true
		}
	}
	return "", false
}

// Delete removes an annotation. Claims linked to it (as their speaker
// mention or cue) lose that link in the same change, and a speaker entity
// left with no mention and no claim is removed too.
func (s *Store) Delete(id string) error {
	a, ok := s.anns[id]
	if !ok {
		return fmt.Errorf("delete %s: %w", id, ErrNotFound)
	}
	t := s.begin("delete " + a.Label)
	if a.Label != LabelClaim {
		for _, c := range s.Annotations(a.Document) {
			if c.SpeakerMention == id || c.Cue == id {
				n := c.clone()
				if n.SpeakerMention == id {
					n.SpeakerMention = ""
				}
				if n.Cue == id {
					n.Cue = ""
				}
				n.Modified = s.now()
				t.putAnn(n)
			}
		}
	}
	t.removeAnn(id)
	t.dropOrphanSpeakers()
	t.commit()
	return nil
}

// edit applies f to a copy of annotation id, checking its label, and
// records the change.
func (s *Store) edit(name, id, label string, f func(a *Annotation) error) error {
	a, ok := s.anns[id]
	if !ok {
		return fmt.Errorf("%s: annotation %s: %w", name, id, ErrNotFound)
	}
	if label != "" && a.Label != label {
		return fmt.Errorf("%s: annotation %s is a %s, not a %s: %w", name, id, a.Label, label, ErrWrongLabel)
	}
	n := a.clone()
	t := s.begin(name)
	if err := f(n); err != nil {
		t.rollback()
		return fmt.Errorf("%s: %w", name, err)
	}
	n.Modified = s.now()
	t.putAnn(n)
	t.dropOrphanSpeakers()
	t.commit()
	return nil
}

// SetStance sets a claim's stance; "" clears it.
func (s *Store) SetStance(claimID, stance string) error {
	return s.edit("set stance", claimID, LabelClaim, func(a *Annotation) error {
		if stance != "" && !s.schema.HasStance(stance) {
			return fmt.Errorf("stance %q is not in the schema: %w", stance, ErrInvalid)
		}
		a.Stance = stance
		return nil
	})
}

// SetTarget sets what a claim's stance is toward.
func (s *Store) SetTarget(claimID, target string) error {
	return s.edit("set target", claimID, LabelClaim, func(a *Annotation) error {
		a.Target = target
		return nil
	})
}

// SetNote sets an annotation's free-text note.
func (s *Store) SetNote(id, note string) error {
	return s.edit("set note", id, "", func(a *Annotation) error {
		a.Note = note
		return nil
	})
}

// ConfirmAnchor clears the mark an import left on an annotation it
// re-anchored: the person checked that it sits on the right words.
func (s *Store) ConfirmAnchor(id string) error {
	return s.edit("confirm position", id, "", func(a *Annotation) error {
		a.Anchored, a.AnchorConfidence = "", 0
		return nil
	})
}

// LinkMention attributes a claim to a speaker mention and so to its speaker
// entity; "" removes the link (the claim keeps no speaker).
func (s *Store) LinkMention(claimID, mentionID string) error {
	return s.edit("link speaker", claimID, LabelClaim, func(a *Annotation) error {
		if mentionID == "" {
			a.SpeakerMention, a.Speaker = "", ""
			return nil
		}
		m, ok := s.anns[mentionID]
		if !ok || m.Label != LabelSpeaker || m.Document != a.Document {
			return fmt.Errorf("%s is not a speaker mention of this document: %w", mentionID, ErrWrongLabel)
		}
		a.SpeakerMention, a.Speaker = m.ID, m.Speaker
		return nil
	})
}

// SetClaimSpeaker attributes a claim to a speaker entity without naming a
// mention ("" removes the attribution).
func (s *Store) SetClaimSpeaker(claimID, speakerID string) error {
	return s.edit("set speaker", claimID, LabelClaim, func(a *Annotation) error {
		if speakerID != "" {
			if _, ok := s.speakers[speakerID]; !ok {
				return fmt.Errorf("speaker %s: %w", speakerID, ErrNotFound)
			}
		}
		a.Speaker = speakerID
		if m, ok := s.anns[a.SpeakerMention]; !ok || m.Speaker != speakerID {
			a.SpeakerMention = ""
		}
		return nil
	})
}

// LinkCue links a claim to its cue ("" removes the link).
func (s *Store) LinkCue(claimID, cueID string) error {
	return s.edit("link cue", claimID, LabelClaim, func(a *Annotation) error {
		if cueID != "" {
			c, ok := s.anns[cueID]
			if !ok || c.Label != LabelCue || c.Document != a.Document {
				return fmt.Errorf("%s is not a cue of this document: %w", cueID, ErrWrongLabel)
			}
		}
		a.Cue = cueID
		return nil
	})
}

// SetMentionSpeaker makes a speaker mention refer to another speaker entity.
// Claims linked through the mention follow it.
func (s *Store) SetMentionSpeaker(mentionID, speakerID string) error {
	if _, ok := s.speakers[speakerID]; !ok {
		return fmt.Errorf("set mention speaker: speaker %s: %w", speakerID, ErrNotFound)
	}
	return s.retargetMention("set mention speaker", mentionID, func(*tx) string { return speakerID })
}

// NewSpeakerForMention creates a speaker entity named name and makes the
// mention refer to it.
func (s *Store) NewSpeakerForMention(mentionID, name string) (string, error) {
	if clean := CleanSpeakerName(name); clean != "" {
		name = clean
	}
	name = strings.TrimSpace(name)
	if name == "" {
		return "", fmt.Errorf("new speaker: the name is empty: %w", ErrInvalid)
	}
	var id string
	err := s.retargetMention("new speaker", mentionID, func(t *tx) string {
		id = s.newSpeaker(t, name)
		return id
	})
	return id, err
}

func (s *Store) retargetMention(name, mentionID string, pick func(*tx) string) error {
	m, ok := s.anns[mentionID]
	if !ok || m.Label != LabelSpeaker {
		return fmt.Errorf("%s: %s is not a speaker mention: %w", name, mentionID, ErrWrongLabel)
	}
	t := s.begin(name)
	speakerID := pick(t)
	now := s.now()
	n := m.clone()
	n.Speaker, n.Modified = speakerID, now
	t.putAnn(n)
	for _, c := range s.Annotations(m.Document) {
		if c.SpeakerMention == mentionID {
			cc := c.clone()
			cc.Speaker, cc.Modified = speakerID, now
			t.putAnn(cc)
		}
	}
	t.dropOrphanSpeakers()
	t.commit()
	return nil
}

// RenameSpeaker changes a speaker entity's name.
func (s *Store) RenameSpeaker(speakerID, name string) error {
	sp, ok := s.speakers[speakerID]
	if !ok {
		return fmt.Errorf("rename speaker %s: %w", speakerID, ErrNotFound)
	}
	name = strings.TrimSpace(name)
	if name == "" {
		return fmt.Errorf("rename speaker %s: the name is empty: %w", speakerID, ErrInvalid)
	}
	t := s.begin("rename speaker")
	t.putSpeaker(&Speaker{ID: sp.ID, Name: name})
	t.commit()
	return nil
}

// SetTopic changes a document's topic, the default target of new claims.
func (s *Store) SetTopic(docID, topic string) error {
	e, ok := s.docByID[docID]
	if !ok {
		return fmt.Errorf("set topic: document %s: %w", docID, ErrNotFound)
	}
	d := e.doc
	d.Topic = topic
	t := s.begin("set topic")
	t.putDocument(d)
	t.commit()
	return nil
}

// SpeakerUse counts a speaker entity's mentions and attributed claims.
func (s *Store) SpeakerUse(speakerID string) (mentions, claims int) {
	for _, a := range s.anns {
		if a.Speaker != speakerID {
			continue
		}
		switch a.Label {
		case LabelSpeaker:
			mentions++
		case LabelClaim:
			claims++
		}
	}
	return mentions, claims
}
