package native

import (
	"errors"
	"fmt"
	"slices"
	"unicode/utf8"

	"sayso/internal/annotation"
	"sayso/internal/format/wire"
	"sayso/internal/text"
)

// The wire types fix the order of the fields Encode writes.

type wireFile struct {
	Format      string           `json:"format"`
	Version     int              `json:"version"`
	OffsetUnit  string           `json:"offsetUnit"`
	Generator   string           `json:"generator"`
	Annotator   string           `json:"annotator"`
	Exercise    *wireExercise    `json:"exercise,omitempty"`
	Schema      wire.Schema      `json:"schema"`
	Documents   []wire.Document  `json:"documents"`
	Speakers    []wireSpeaker    `json:"speakers"`
	Annotations []wireAnnotation `json:"annotations"`
	Orphans     []wireAnnotation `json:"orphans,omitempty"`

	// anns and orphans, when fromProject, are written in place of
	// Annotations and Orphans, each turned into a wireAnnotation only
	// while it is written: Encode makes no copy of the project's
	// annotations (for 10,000 of them, 10,000 fragment lists and a
	// 3 MB list the page's thread allocated and collected at each export).
	fromProject   bool
	anns, orphans []annotation.Annotation
}

type wireExercise struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	Role  string `json:"role,omitempty"`

	Instructions string `json:"instructions,omitempty"`
}

type wireSpeaker struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

type wireFragment struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

type wireAnnotation struct {
	ID             string         `json:"id"`
	Document       string         `json:"document"`
	Label          string         `json:"label"`
	Fragments      []wireFragment `json:"fragments"`
	Quote          string         `json:"quote"`
	Prefix         string         `json:"prefix"`
	Suffix         string         `json:"suffix"`
	Stance         string         `json:"stance,omitempty"`
	Target         string         `json:"target,omitempty"`
	Speaker        string         `json:"speaker,omitempty"`
	SpeakerMention string         `json:"speakerMention,omitempty"`
	Cue            string         `json:"cue,omitempty"`
	Note           string         `json:"note,omitempty"`
	Annotator      string         `json:"annotator,omitempty"`
	Created        string         `json:"created,omitempty"`
	Modified       string         `json:"modified,omitempty"`
	Anchored       *wireAnchored  `json:"anchored,omitempty"`
}

// wireAnchored is how an import re-found an annotation (annotation.Anchored).
type wireAnchored struct {
	By         string `json:"by"`
	Confidence int    `json:"confidence"`
}

// Encode returns p in the native format: the same bytes for the same
// project. It fails, naming the value, if p holds something the format
// cannot carry exactly: a string that is not valid UTF-8, an annotation
// without fragments, a negative offset, a colour that is not "#rrggbb", a
// key longer than one character, or an exercise without an id or with a
// role other than "" and "key".
func Encode(p annotation.Project) ([]byte, error) {
	if err := checkEncodable(p); err != nil {
		return nil, fmt.Errorf("encode: %w", err)
	}
	f := toWireHead(p)
	f.fromProject, f.anns, f.orphans = true, p.Annotations, p.Orphans
	w := jsonWriter{b: make([]byte, 0, estimateSize(&p))}
	f.write(&w)
	return w.b, nil
}

// toWire is p as wire types, annotations included (what encoding/json
// would be given; the tests compare Encode with it).
func toWire(p annotation.Project) wireFile {
	f := toWireHead(p)
	f.Annotations = make([]wireAnnotation, 0, len(p.Annotations))
	for _, a := range p.Annotations {
		f.Annotations = append(f.Annotations, toWireAnnotation(a))
	}
	for _, a := range p.Orphans {
		f.Orphans = append(f.Orphans, toWireAnnotation(a))
	}
	return f
}

// toWireHead is p as wire types without its annotations and orphans.
func toWireHead(p annotation.Project) wireFile {
	f := wireFile{
		Format:     FormatName,
		Version:    Version,
		OffsetUnit: OffsetUnit,
		Generator:  Generator,
		Annotator:  p.Annotator,
		Schema: wire.Schema{
			Labels:       make([]wire.Label, 0, len(p.Schema.Labels)),
			StanceValues: append(make([]string, 0, len(p.Schema.Stances)), p.Schema.Stances...),
		},
		Documents:   make([]wire.Document, 0, len(p.Documents)),
		Speakers:    make([]wireSpeaker, 0, len(p.Speakers)),
		Annotations: []wireAnnotation{},
	}
	if p.Exercise.ID != "" {
		f.Exercise = &wireExercise{ID: p.Exercise.ID, Title: p.Exercise.Title, Role: p.Exercise.Role, Instructions: p.Exercise.Instructions}
	}
	for _, l := range p.Schema.Labels {
		f.Schema.Labels = append(f.Schema.Labels, wire.Label(l))
	}
	for _, d := range p.Documents {
		f.Documents = append(f.Documents, wire.Document{
			ID:     d.ID,
			Title:  d.Title,
			Topic:  d.Topic,
			Done:   d.Done,
			Length: utf8.RuneCountInString(d.Text),
			SHA256: text.Hash(d.Text),
			Text:   d.Text,
		})
	}
	for _, s := range p.Speakers {
		f.Speakers = append(f.Speakers, wireSpeaker(s))
	}
	return f
}

func toWireAnnotation(a annotation.Annotation) wireAnnotation {
	return wireAnnotationOf(&a, make([]wireFragment, 0, len(a.Fragments)), anchoredOf(a))
}

// wireAnnotationOf is a as a wire annotation whose fragments are
// appended to frags, and whose re-anchoring is anchored.
func wireAnnotationOf(a *annotation.Annotation, frags []wireFragment, anchored *wireAnchored) wireAnnotation {
	for _, fr := range a.Fragments {
		frags = append(frags, wireFragment(fr))
	}
	return wireAnnotation{
		ID:             a.ID,
		Document:       a.Document,
		Label:          a.Label,
		Fragments:      frags,
		Quote:          a.Quote,
		Prefix:         a.Prefix,
		Suffix:         a.Suffix,
		Stance:         a.Stance,
		Target:         a.Target,
		Speaker:        a.Speaker,
		SpeakerMention: a.SpeakerMention,
		Cue:            a.Cue,
		Note:           a.Note,
		Annotator:      a.Annotator,
		Created:        a.Created,
		Modified:       a.Modified,
		Anchored:       anchored,
	}
}

func anchoredOf(a annotation.Annotation) *wireAnchored {
	if a.Anchored == "" {
		return nil
	}
	return &wireAnchored{By: a.Anchored, Confidence: a.AnchorConfidence}
}

// checkEncodable reports the first value of p that Encode cannot write so
// that Decode gives it back unchanged.
func checkEncodable(p annotation.Project) error {
	if err := checkStrings("the annotator", p.Annotator); err != nil {
		return err
	}
	if err := checkExercise(p.Exercise); err != nil {
		return err
	}
	for i, l := range p.Schema.Labels {
		where := fmt.Sprintf("label %d", i+1)
		if err := checkStrings(where, l.ID, l.Name, l.Color, l.Key); err != nil {
			return err
		}
		if !validColor(l.Color) {
			return fmt.Errorf("%s: colour %q is not of the form #rrggbb", where, l.Color)
		}
		if !validKey(l.Key) {
			return fmt.Errorf("%s: key %q is longer than one character", where, l.Key)
		}
	}
	if err := checkStrings("the stance values", p.Schema.Stances...); err != nil {
		return err
	}
	for i, d := range p.Documents {
		if err := checkStrings(fmt.Sprintf("document %d", i+1), d.ID, d.Title, d.Topic, d.Text); err != nil {
			return err
		}
	}
	for i, s := range p.Speakers {
		if err := checkStrings(fmt.Sprintf("speaker %d", i+1), s.ID, s.Name); err != nil {
			return err
		}
	}
	for i := range len(p.Annotations) + len(p.Orphans) {
		var a *annotation.Annotation
		if i < len(p.Annotations) {
			a = &p.Annotations[i]
		} else {
			a = &p.Orphans[i-len(p.Annotations)]
		}
		// Only an error needs the annotation named: most projects have none.
		where := func() string { return fmt.Sprintf("annotation %d (%q)", i+1, clip(a.ID)) }
		for _, s := range [...]string{a.ID, a.Document, a.Label, a.Quote, a.Prefix, a.Suffix,
			a.Stance, a.Target, a.Speaker, a.SpeakerMention, a.Cue, a.Note,
			a.Annotator, a.Created, a.Modified} {
			if !utf8.ValidString(s) {
				return checkStrings(where(), s)
			}
		}
		if len(a.Fragments) == 0 {
			return fmt.Errorf("%s has no fragment", where())
		}
		if a.Anchored != "" && (!slices.Contains(annotation.AnchoredBy, a.Anchored) || a.AnchorConfidence < 0 || a.AnchorConfidence > 100) ||
			a.Anchored == "" && a.AnchorConfidence != 0 {
			return fmt.Errorf("%s: re-anchored %q with confidence %d is not one of %v with 0–100", where(), clip(a.Anchored), a.AnchorConfidence, annotation.AnchoredBy)
		}
		for j, f := range a.Fragments {
			if f.Start < 0 || f.End < 0 {
				return fmt.Errorf("%s: fragment %d (%d–%d) has a negative offset", where(), j+1, f.Start, f.End)
			}
		}
	}
	return nil
}

// checkExercise reports an exercise that would not come back from Decode
// as it is: one with a title or a role but no id, or an unknown role.
func checkExercise(e annotation.ExerciseRef) error {
	if err := checkStrings("the exercise", e.ID, e.Title, e.Role, e.Instructions); err != nil {
		return err
	}
	if e.ID == "" && (e.Title != "" || e.Role != "") {
		return errors.New("the exercise has a title or a role but no id")
	}
	if !validRole(e.Role) {
		return fmt.Errorf("the exercise: role %q is not %q", clip(e.Role), annotation.RoleKey)
	}
	return nil
}

// validRole reports whether r is an exercise role the format knows: ""
// (a student's work) or "key" (the answer key).
func validRole(r string) bool {
	return r == "" || r == annotation.RoleKey
}

func checkStrings(where string, ss ...string) error {
	for _, s := range ss {
		if !utf8.ValidString(s) {
			return fmt.Errorf("%s: %q is not valid UTF-8", where, clip(s))
		}
	}
	return nil
}

// validColor reports whether c is "" or a CSS colour "#rrggbb".
func validColor(c string) bool {
	if c == "" {
		return true
	}
	if len(c) != 7 || c[0] != '#' {
		return false
	}
	for i := 1; i < 7; i++ {
		if !isHex(c[i]) {
			return false
		}
	}
	return true
}

func isHex(b byte) bool {
	return '0' <= b && b <= '9' || 'a' <= b && b <= 'f' || 'A' <= b && b <= 'F'
}

// validKey reports whether k is empty or one code point.
func validKey(k string) bool {
	return utf8.RuneCountInString(k) <= 1
}

// validSHA256 reports whether h is 64 lowercase hexadecimal digits.
func validSHA256(h string) bool {
	if len(h) != 64 {
		return false
	}
	for i := 0; i < len(h); i++ {
		if !('0' <= h[i] && h[i] <= '9' || 'a' <= h[i] && h[i] <= 'f') {
			return false
		}
	}
	return true
}

// clip shortens a value quoted in a message.
func clip(s string) string {
	const most = 40
	if utf8.RuneCountInString(s) <= most {
		return s
	}
	r := []rune(s)
	return string(r[:most-1]) + "…"
}

// estimateSize guesses the size of p's encoding, to allocate it once. It
// reads the project, not its wire form: Encode writes the annotations
// without making wire annotations of them, so there is one list of
// fields to count.
func estimateSize(p *annotation.Project) int {
	n := 1024
	for _, d := range p.Documents {
		n += len(d.Text) + len(d.Text)/16 + 256
	}
	// An annotation's keys, indentation and punctuation take about 320
	// bytes, a fragment about 60 (the writer's layout); guessing short
	// made the buffer grow, and copy, twice for a large project.
	for _, as := range [...][]annotation.Annotation{p.Annotations, p.Orphans} {
		for i := range as {
			a := &as[i]
			n += 320 + 60*len(a.Fragments) + len(a.ID) + len(a.Document) + len(a.Label) +
				(len(a.Quote)+len(a.Prefix)+len(a.Suffix))*9/8 + len(a.Stance) + len(a.Target) +
				len(a.Speaker) + len(a.SpeakerMention) + len(a.Cue) + len(a.Note)*9/8 +
				len(a.Annotator) + len(a.Created) + len(a.Modified)
		}
	}
	return n + 64*len(p.Speakers)
}
