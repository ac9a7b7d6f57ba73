package annotation

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"sayso/internal/wording"
)

// The schema editor's operations: labels (name, colour, key) and stance
// values. Each call is one undoable change; a call that changes nothing
// leaves no undo step. A change never leaves an annotation with a label
// or a stance value the schema does not have: renaming a label changes
// only its name (annotations refer to its id), renaming a stance value
// rewrites the claims that use it, and removing a label or a value that is
// in use fails with a *LabelInUseError or *StanceInUseError unless the
// person chose RemoveLabelAndAnnotations or RemoveStanceAndClear.

// reservedKeys are the app's own single-key shortcuts, which a label's key
// may not take: digits set the selected claim's stance (1 the first value,
// and so on, so all ten are kept for stance values), l links, j and k
// move, z is undo's letter and ? shows the shortcuts.
const reservedKeys = "0123456789ljkz?"

// ReservedKeys returns the keys a label may not use as its shortcut.
func ReservedKeys() string { return reservedKeys }

// labelPalette gives a new label without a colour the first one no other
// label has.
var labelPalette = []string{
	"#e07a5f", "#8e6cc9", "#d95f9e", "#2bb3b1", "#9c7a4d",
	"#c0392b", "#5d8aa8", "#7f8c8d", "#b5a000", "#6a994e",
}

// isBuiltIn reports whether id is one of the labels the app's own features
// rely on (claims, speakers, cues): they can be renamed, recoloured and
// re-keyed but not removed.
func isBuiltIn(id string) bool {
	return id == LabelClaim || id == LabelSpeaker || id == LabelCue
}

// LabelUse counts the annotations with label id.
func (s *Store) LabelUse(id string) int {
	n := 0
	for _, a := range s.anns {
		if a.Label == id {
			n++
		}
	}
	return n
}

// StanceUse counts the claims with stance value v (0 for "").
func (s *Store) StanceUse(v string) int {
	if v == "" {
		return 0
	}
	n := 0
	for _, a := range s.anns {
		if a.Stance == v {
			n++
		}
	}
	return n
}

// AddLabel adds a label at the end of the schema. Its name is trimmed and
// must be new (ignoring case). An empty ID is derived from the name
// (lower-case ASCII letters, digits and hyphens, made unique); a given one
// must be of that form and new. An empty colour is picked from a palette;
// a given one must be "#rrggbb". The key is one character, not used by
// another label (ignoring case) nor one of ReservedKeys; it is stored in
// lower case, and may be empty for no shortcut. The new label is the last
// of Schema().Labels.
func (s *Store) AddLabel(l Label) error {
	sc := s.schema.Clone()
	var err error
	if l.Name, err = sc.checkLabelName(l.Name, ""); err != nil {
		return err
	}
	if l.ID == "" {
		l.ID = sc.deriveLabelID(l.Name)
	} else if err := sc.checkLabelID(l.ID); err != nil {
		return err
	}
	if l.Color == "" {
		l.Color = sc.freeColor()
	} else if l.Color, err = checkColor(l.Color); err != nil {
		return err
	}
	if l.Key, err = sc.checkKey(l.Key, ""); err != nil {
		return err
	}
	sc.Labels = append(sc.Labels, l)
	t := s.begin("add label")
	t.writeSchema(sc)
	t.commit()
	return nil
}

// UpdateLabel sets a label's name, colour and key, checked as AddLabel
// checks them (the colour may not be empty; a key left as it was is
// accepted as it is). The id stays, so annotations with the label carry
// over.
func (s *Store) UpdateLabel(id, name, color, key string) error {
	sc := s.schema.Clone()
	i, err := sc.labelIndex(id)
	if err != nil {
		return err
	}
	l := sc.Labels[i]
	if l.Name, err = sc.checkLabelName(name, id); err != nil {
		return err
	}
	if l.Color, err = checkColor(color); err != nil {
		return err
	}
	// A key kept as it was is not checked again: a label imported with a
	// key that is now reserved can still be renamed.
	if !strings.EqualFold(strings.TrimSpace(key), l.Key) {
		if l.Key, err = sc.checkKey(key, id); err != nil {
			return err
		}
	}
	sc.Labels[i] = l
	t := s.begin("change label")
	t.writeSchema(sc)
	t.commit()
	return nil
}

// MoveLabel moves a label to position toIndex (from 0) of the schema's list.
func (s *Store) MoveLabel(id string, toIndex int) error {
	sc := s.schema.Clone()
	i, err := sc.labelIndex(id)
	if err != nil {
		return err
	}
	if toIndex < 0 || toIndex >= len(sc.Labels) {
		return tell(ErrInvalid, "Position %d is outside the list of labels, which has %s.",
			toIndex+1, wording.Count(len(sc.Labels), "label"))
	}
	l := sc.Labels[i]
	sc.Labels = slices.Insert(slices.Delete(sc.Labels, i, i+1), toIndex, l)
	t := s.begin("move label")
	t.writeSchema(sc)
	t.commit()
	return nil
}

// RemoveLabel removes a label no annotation uses. If annotations use it, it
// returns a *LabelInUseError (errors.Is ErrLabelInUse) with their number
// and changes nothing: ask the person, then call RemoveLabelAndAnnotations.
// The built-in labels cannot be removed (ErrBuiltIn).
func (s *Store) RemoveLabel(id string) error {
	l, err := s.removableLabel(id)
	if err != nil {
		return err
	}
	if n := s.LabelUse(id); n > 0 {
		return &LabelInUseError{Label: l, Count: n}
	}
	return s.removeLabel(id)
}

// RemoveLabelAndAnnotations removes a label and every annotation with it,
// in every document, in one undoable change. Links to the removed
// annotations are removed and speakers left without annotations go, as
// Delete does. The built-in labels cannot be removed (ErrBuiltIn).
func (s *Store) RemoveLabelAndAnnotations(id string) error {
	if _, err := s.removableLabel(id); err != nil {
		return err
	}
	return s.removeLabel(id)
}

func (s *Store) removableLabel(id string) (Label, error) {
	l, ok := s.schema.Label(id)
	if !ok {
		return Label{}, tell(ErrNotFound, "There is no label %q.", id)
	}
	if isBuiltIn(id) {
		return Label{}, tell(ErrBuiltIn, "The label “%s” is built in and cannot be removed; you can rename it, change its colour or its key.", l.Name)
	}
	return l, nil
}

func (s *Store) removeLabel(id string) error {
	t := s.begin("remove label")
	var gone []*Annotation
	for _, e := range s.docs {
		for _, a := range e.sorted {
			if a.Label == id {
				gone = append(gone, a)
			}
		}
	}
	t.removeAnns(gone)
	sc := s.schema.Clone()
	i, _ := sc.labelIndex(id)
	sc.Labels = slices.Delete(sc.Labels, i, i+1)
	t.writeSchema(sc)
	t.commit()
	return nil
}

// removeAnns removes annotations and, in the same change, the links of
// the remaining claims to them and the speakers nothing refers to any more.
func (t *tx) removeAnns(gone []*Annotation) {
	if len(gone) == 0 {
		return
	}
	ids := make(map[string]bool, len(gone))
	docs := map[string]bool{}
	for _, a := range gone {
		ids[a.ID] = true
		docs[a.Document] = true
	}
	now := t.s.now()
	for _, e := range t.s.docs {
		if !docs[e.doc.ID] {
			continue
		}
		for _, c := range slices.Clone(e.sorted) {
			if ids[c.ID] || !ids[c.SpeakerMention] && !ids[c.Cue] {
				continue
			}
			n := c.clone()
			if ids[n.SpeakerMention] {
				n.SpeakerMention = ""
			}
			if ids[n.Cue] {
				n.Cue = ""
			}
			n.Modified = now
			t.putAnn(n)
		}
	}
	// Last first: removing from the end of a sorted list moves nothing.
	for i := len(gone) - 1; i >= 0; i-- {
		t.removeAnn(gone[i].ID)
	}
	t.dropOrphanSpeakers()
}

// AddStance adds a stance value at the end of the schema's list. It is
// trimmed and must be new (ignoring case).
func (s *Store) AddStance(v string) error {
	sc := s.schema.Clone()
	v, err := sc.checkStance(v, "")
	if err != nil {
		return err
	}
	sc.Stances = append(sc.Stances, v)
	t := s.begin("add stance value")
	t.writeSchema(sc)
	t.commit()
	return nil
}

// RenameStance renames a stance value and rewrites every claim that uses
// it, in one undoable change. The new value is trimmed and must not be
// another value already (a change of case only is allowed).
func (s *Store) RenameStance(old, new string) error {
	sc := s.schema.Clone()
	i, err := sc.stanceIndex(old)
	if err != nil {
		return err
	}
	if new, err = sc.checkStance(new, old); err != nil || new == old {
		return err
	}
	sc.Stances[i] = new
	t := s.begin("rename stance value")
	t.setStances(old, new)
	t.writeSchema(sc)
	t.commit()
	return nil
}

// RemoveStance removes a stance value no claim uses. If claims use it, it
// returns a *StanceInUseError (errors.Is ErrStanceInUse) with their number
// and changes nothing: ask the person, then call RemoveStanceAndClear.
func (s *Store) RemoveStance(v string) error {
	if _, err := s.schema.stanceIndex(v); err != nil {
		return err
	}
	if n := s.StanceUse(v); n > 0 {
		return &StanceInUseError{Stance: v, Count: n}
	}
	return s.removeStance(v)
}

// RemoveStanceAndClear removes a stance value and clears it from every
// claim that has it, in one undoable change.
func (s *Store) RemoveStanceAndClear(v string) error {
	if _, err := s.schema.stanceIndex(v); err != nil {
		return err
	}
	return s.removeStance(v)
}

func (s *Store) removeStance(v string) error {
	sc := s.schema.Clone()
	i, _ := sc.stanceIndex(v)
	sc.Stances = slices.Delete(sc.Stances, i, i+1)
	t := s.begin("remove stance value")
	t.setStances(v, "")
	t.writeSchema(sc)
	t.commit()
	return nil
}

// MoveStance moves a stance value to position toIndex (from 0) of the
// schema's list: the keys 1, 2, … set the values in this order.
func (s *Store) MoveStance(v string, toIndex int) error {
	sc := s.schema.Clone()
	i, err := sc.stanceIndex(v)
	if err != nil {
		return err
	}
	if toIndex < 0 || toIndex >= len(sc.Stances) {
		return tell(ErrInvalid, "Position %d is outside the list of stance values, which has %s.",
			toIndex+1, wording.Count(len(sc.Stances), "value"))
	}
	sc.Stances = slices.Insert(slices.Delete(sc.Stances, i, i+1), toIndex, v)
	t := s.begin("move stance value")
	t.writeSchema(sc)
	t.commit()
	return nil
}

// setStances gives every annotation with stance old the stance new, in
// reading order of the documents in order.
func (t *tx) setStances(old, new string) {
	now := t.s.now()
	for _, e := range t.s.docs {
		for _, a := range slices.Clone(e.sorted) {
			if a.Stance == old {
				n := a.clone()
				n.Stance, n.Modified = new, now
				t.putAnn(n)
			}
		}
	}
}

// writeSchema replaces the schema within t.
func (t *tx) writeSchema(sc Schema) {
	t.c.schema = append(t.c.schema, schemaEdit{before: t.s.schema.Clone(), after: sc.Clone()})
	t.s.writeSchema(sc)
}

// writeSchema replaces the store's schema with a copy of sc and marks dirty
// every annotation whose label changed name or colour, or came or went.
func (s *Store) writeSchema(sc Schema) {
	old := s.schema
	s.schema = sc.Clone()
	s.touch(MetaRecord)
	changed := map[string]bool{}
	for _, l := range old.Labels {
		if n, ok := sc.Label(l.ID); !ok || n.Name != l.Name || n.Color != l.Color {
			changed[l.ID] = true
		}
	}
	for _, l := range sc.Labels {
		if _, ok := old.Label(l.ID); !ok {
			changed[l.ID] = true
		}
	}
	if len(changed) == 0 {
		return
	}
	for _, e := range s.docs {
		for _, a := range e.sorted {
			if changed[a.Label] {
				s.dirty = append(s.dirty, Dirty{Doc: a.Document, Span: a.Hull()})
			}
		}
	}
}

// labelIndex finds label id.
func (sc Schema) labelIndex(id string) (int, error) {
	i := slices.IndexFunc(sc.Labels, func(l Label) bool { return l.ID == id })
	if i < 0 {
		return 0, tell(ErrNotFound, "There is no label %q.", id)
	}
	return i, nil
}

// stanceIndex finds stance value v.
func (sc Schema) stanceIndex(v string) (int, error) {
	i := slices.Index(sc.Stances, v)
	if i < 0 {
		return 0, tell(ErrNotFound, "There is no stance value “%s”.", v)
	}
	return i, nil
}

// checkLabelName trims name and checks that it is not empty and that no
// label but self has it.
func (sc Schema) checkLabelName(name, self string) (string, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return "", tell(ErrInvalid, "A label needs a name.")
	}
	for _, l := range sc.Labels {
		if l.ID != self && normalizeName(l.Name) == normalizeName(name) {
			return "", tell(ErrInvalid, "A label named “%s” already exists.", l.Name)
		}
	}
	return name, nil
}

// checkLabelID checks a label id given by the caller.
func (sc Schema) checkLabelID(id string) error {
	if !validLabelID(id) {
		return tell(ErrInvalid, "The label id “%s” may hold only lower-case letters a–z, digits and hyphens.", id)
	}
	if _, ok := sc.Label(id); ok {
		return tell(ErrInvalid, "A label with the id “%s” already exists.", id)
	}
	return nil
}

func validLabelID(id string) bool {
	if id == "" {
		return false
	}
	for i := 0; i < len(id); i++ {
		if c := id[i]; !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// deriveLabelID makes an id of name: lower-case ASCII letters and digits
// (common accented Latin letters lose their accent), other runs of
// characters as one hyphen ("Rhetorical question" is
// "rhetorical-question"); "label" if nothing is left; "-2", "-3", … added
// until no label has it.
func (sc Schema) deriveLabelID(name string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range strings.ToLower(name) {
		ascii, ok := latinFold[r]
		if !ok && ('a' <= r && r <= 'z' || '0' <= r && r <= '9') {
			ascii, ok = string(r), true
		}
		if ok {
			if hyphen && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteString(ascii)
			hyphen = false
		} else if !unicode.Is(unicode.Mn, r) { // a combining accent is dropped
			hyphen = true
		}
	}
	base := b.String()
	if base == "" {
		base = "label"
	}
	id := base
	for n := 2; ; n++ {
		if _, taken := sc.Label(id); !taken {
			return id
		}
		id = base + "-" + strconv.Itoa(n)
	}
}

// latinFold spells common accented Latin letters in ASCII for label ids.
var latinFold = func() map[rune]string {
	m := map[rune]string{'æ': "ae", 'œ': "oe", 'ß': "ss", 'ø': "o", 'ł': "l", 'đ': "d", 'ð': "d", 'þ': "th"}
	for ascii, letters := range map[string]string{
		"a": "àáâãäåāăą", "c": "çćĉċč", "d": "ď", "e": "èéêëēĕėęě", "g": "ĝğġģ",
		"h": "ĥħ", "i": "ìíîïĩīĭįı", "j": "ĵ", "k": "ķ", "l": "ĺļľŀ", "n": "ñńņňŉ",
		"o": "òóôõöōŏő", "r": "ŕŗř", "s": "śŝşšș", "t": "ţťŧț", "u": "ùúûüũūŭůűų",
		"w": "ŵ", "y": "ýÿŷ", "z": "źżž",
	} {
		for _, r := range letters {
			m[r] = ascii
		}
	}
	return m
}()

// freeColor is the first palette colour no label has.
func (sc Schema) freeColor() string {
	for _, c := range labelPalette {
		if !slices.ContainsFunc(sc.Labels, func(l Label) bool { return strings.EqualFold(l.Color, c) }) {
			return c
		}
	}
	return labelPalette[len(sc.Labels)%len(labelPalette)]
}

// checkColor checks a "#rrggbb" colour and writes it in lower case.
func checkColor(c string) (string, error) {
	c = strings.TrimSpace(c)
	if c == "" {
		return "", tell(ErrInvalid, "A label needs a colour of the form #rrggbb (such as #f5c542).")
	}
	ok := len(c) == 7 && c[0] == '#'
	for i := 1; ok && i < 7; i++ {
		ch := c[i]
		ok = '0' <= ch && ch <= '9' || 'a' <= ch && ch <= 'f' || 'A' <= ch && ch <= 'F'
	}
	if !ok {
		return "", tell(ErrInvalid, "The colour “%s” is not of the form #rrggbb (such as #f5c542).", c)
	}
	return strings.ToLower(c), nil
}

// checkKey checks a label's shortcut key: empty, or one visible character
// that is not reserved and that no label but self uses. It returns the key
// in lower case.
func (sc Schema) checkKey(key, self string) (string, error) {
	key = strings.ToLower(strings.TrimSpace(key))
	if key == "" {
		return "", nil
	}
	r, size := utf8.DecodeRuneInString(key)
	if size != len(key) {
		return "", tell(ErrInvalid, "The key “%s” is more than one character; a shortcut is a single key.", key)
	}
	if !unicode.IsGraphic(r) {
		return "", tell(ErrInvalid, "A shortcut key must be a visible character.")
	}
	if strings.ContainsRune(reservedKeys, r) {
		return "", tell(ErrInvalid, "The key “%s” is already one of Sayso's own shortcuts (%s); choose another.", key, describeReserved())
	}
	for _, l := range sc.Labels {
		if l.ID != self && strings.ToLower(l.Key) == key {
			return "", tell(ErrInvalid, "The key “%s” is already the shortcut of the label “%s”.", key, l.Name)
		}
	}
	return key, nil
}

func describeReserved() string {
	return "digits set the stance, l links, j and k move, z undoes, ? shows help"
}

// checkStance trims v and checks that it is not empty and that no value
// but self has it (ignoring case).
func (sc Schema) checkStance(v, self string) (string, error) {
	v = strings.TrimSpace(v)
	if v == "" {
		return "", tell(ErrInvalid, "A stance value needs a name.")
	}
	for _, x := range sc.Stances {
		if x != self && normalizeName(x) == normalizeName(v) {
			return "", tell(ErrInvalid, "The stance value “%s” already exists.", x)
		}
	}
	return v, nil
}
