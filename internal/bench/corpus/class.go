package corpus

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"sayso/internal/annotation"
	"sayso/internal/format/native"
	"sayso/internal/text"
)

// A class is what a teacher compares after a classroom exercise: one
// article, the answer key and every student's export of the same text.
// Each student's annotations are a seeded random variation of the key's,
// so that matching, scoring and agreement do real work.

// The exercise every file of a class names.
const (
	ExerciseID    = "ex-bench"
	ExerciseTitle = "Bench"
)

// Variation says how far a student strays from the key.
type Variation struct {
	Drop     float64 // share of the key's annotations left out
	Shift    float64 // share of the kept ones with a boundary moved by 1–MaxShift code points
	MaxShift int
	Restance float64 // share of the kept claims given another stance
	Spurious [2]int  // between this many and that many annotations the key does not have
}

// DefaultVariation drops a fifth, moves some boundaries, changes a fifth
// of the stances and adds a few spurious annotations.
var DefaultVariation = Variation{Drop: 0.2, Shift: 0.15, MaxShift: 4, Restance: 0.2, Spurious: [2]int{2, 6}}

// ClassSpec says what class to generate.
type ClassSpec struct {
	Words       int // at least this many words of article (strings.Fields), less than a paragraph more
	Annotations int // in the key
	Students    int
	Seed        uint64
	Variation   Variation
}

// Class is a generated article, its answer key and the students' exports.
type Class struct {
	Spec     ClassSpec
	Article  *Corpus // the document and the key's annotations
	Words    int     // words in the article (strings.Fields)
	Key      File    // the answer key: Exercise.Role "key"
	Students []File
}

// File is one export of a class.
type File struct {
	Name    string // file name ("student-07.sayso.json")
	Who     string // the project's annotator
	Project annotation.Project
	Native  []byte // Project encoded as .sayso.json
	// How the student's annotations differ from the key's (zero for the key).
	Dropped, Shifted, Restanced, Spurious int
}

// Files are the key and every student's export, key first.
func (c *Class) Files() []File { return append([]File{c.Key}, c.Students...) }

// GenerateClass builds the class of spec: the article with corpus.Generate,
// the key, and one variation of the key per student. Every file is checked
// with native.Open, as the app's compare view reads it.
func GenerateClass(spec ClassSpec) (*Class, error) {
	if spec.Words <= 0 || spec.Students < 0 || spec.Students > len(firstNames)*len(lastNames) {
		return nil, fmt.Errorf("class of %d words and %d students: %w", spec.Words, spec.Students, errInvalid)
	}
	name := fmt.Sprintf("class-%dw", spec.Words)
	article, err := Generate(Spec{Name: name, Words: spec.Words, Annotations: spec.Annotations, Seed: spec.Seed})
	if err != nil {
		return nil, err
	}
	c := &Class{Spec: spec, Article: article, Words: len(strings.Fields(article.Text))}
	key := article.Project
	key.Annotator = "Teacher"
	key.Exercise = annotation.ExerciseRef{ID: ExerciseID, Title: ExerciseTitle, Role: annotation.RoleKey}
	if c.Key, err = encodeFile("key.sayso.json", key); err != nil {
		return nil, err
	}
	x := text.NewIndex(article.Text)
	for i := range spec.Students {
		rng := rand.New(rand.NewPCG(spec.Seed, 0xc1a55000+uint64(i)))
		p, f := vary(rng, article.Project, x, studentName(i), spec.Variation)
		file, err := encodeFile(fmt.Sprintf("student-%02d.sayso.json", i+1), p)
		if err != nil {
			return nil, err
		}
		file.Dropped, file.Shifted, file.Restanced, file.Spurious = f.Dropped, f.Shifted, f.Restanced, f.Spurious
		c.Students = append(c.Students, file)
	}
	return c, nil
}

// encodeFile encodes p and opens it again as the app does.
func encodeFile(name string, p annotation.Project) (File, error) {
	b, err := native.Encode(p)
	if err != nil {
		return File{}, fmt.Errorf("%s: encode: %w", name, err)
	}
	if _, err := native.Open(b, func() time.Time { return time.Time{} }); err != nil {
		return File{}, fmt.Errorf("%s: the generated file does not open: %w", name, err)
	}
	return File{Name: name, Who: p.Annotator, Project: p, Native: b}, nil
}

// vary returns a student's version of the key: the same document and
// speakers, a share of the annotations dropped (links to a dropped
// mention or cue cleared), some boundaries moved, some stances changed
// and a few spurious claims and cues added.
func vary(rng *rand.Rand, key annotation.Project, x *text.Index, who string, v Variation) (annotation.Project, File) {
	var f File
	p := key
	p.Annotator = who
	p.Exercise = annotation.ExerciseRef{ID: ExerciseID, Title: ExerciseTitle}
	p.Annotations = nil
	kept := map[string]bool{}
	for _, a := range key.Annotations {
		if rng.Float64() < v.Drop {
			f.Dropped++
			continue
		}
		kept[a.ID] = true
		a.Fragments = append([]text.Span(nil), a.Fragments...)
		a.Annotator = who
		if rng.Float64() < v.Shift && shift(rng, &a, x, v.MaxShift) {
			f.Shifted++
		}
		if a.Label == annotation.LabelClaim && rng.Float64() < v.Restance {
			a.Stance = otherStance(rng, a.Stance)
			f.Restanced++
		}
		p.Annotations = append(p.Annotations, a)
	}
	for i := range p.Annotations {
		a := &p.Annotations[i]
		if a.SpeakerMention != "" && !kept[a.SpeakerMention] {
			a.SpeakerMention = ""
		}
		if a.Cue != "" && !kept[a.Cue] {
			a.Cue = ""
		}
	}
	n := v.Spurious[0]
	if v.Spurious[1] > v.Spurious[0] {
		n += rng.IntN(v.Spurious[1] - v.Spurious[0] + 1)
	}
	for k := range n {
		if a, ok := spurious(rng, x, who, "a"+strconv.Itoa(len(key.Annotations)+k+1), key.Documents[0].Topic); ok {
			p.Annotations = append(p.Annotations, a)
			f.Spurious++
		}
	}
	return p, f
}

// shift moves the start of the first fragment or the end of the last by
// 1 to most code points either way, keeping the fragments non-empty, in
// order and inside the text, and updates the quote and context. It
// reports whether the annotation moved (a clamped move may not).
func shift(rng *rand.Rand, a *annotation.Annotation, x *text.Index, most int) bool {
	d := 1 + rng.IntN(max(most, 1))
	if rng.IntN(2) == 0 {
		d = -d
	}
	fs := a.Fragments
	before := a.Hull()
	if rng.IntN(2) == 0 {
		first := &fs[0]
		first.Start = min(max(first.Start+d, 0), first.End-1)
	} else {
		last := &fs[len(fs)-1]
		last.End = max(min(last.End+d, x.Len()), last.Start+1)
	}
	setQuote(a, x)
	return a.Hull() != before
}

func setQuote(a *annotation.Annotation, x *text.Index) {
	a.Quote = annotation.QuoteOf(x, a.Fragments)
	a.Prefix, a.Suffix = x.Context(a.Hull(), annotation.ContextLength)
}

// otherStance is a stance value (or none) other than s.
func otherStance(rng *rand.Rand, s string) string {
	for {
		if o := stances[rng.IntN(len(stances))]; o != s {
			return o
		}
	}
}

// spurious is a claim (two times in three) or a cue over a few random
// words, which the key may or may not overlap.
func spurious(rng *rand.Rand, x *text.Index, who, id, topic string) (annotation.Annotation, bool) {
	n := x.Len()
	length := 12 + rng.IntN(48)
	if n <= length {
		return annotation.Annotation{}, false
	}
	start := rng.IntN(n - length)
	sp := x.TrimSpace(x.SnapToWords(text.Span{Start: start, End: start + length}))
	if sp.Len() == 0 {
		return annotation.Annotation{}, false
	}
	a := annotation.Annotation{ID: id, Document: "d1", Label: annotation.LabelClaim, Fragments: []text.Span{sp},
		Annotator: who, Created: Timestamp, Modified: Timestamp}
	if rng.IntN(3) == 0 {
		a.Label = annotation.LabelCue
	} else {
		a.Stance, a.Target = stances[rng.IntN(len(stances))], topic
	}
	setQuote(&a, x)
	return a, true
}

// studentName is the i-th student's name, distinct for every i below
// len(firstNames)*len(lastNames).
func studentName(i int) string {
	q, r := i/len(firstNames), i%len(firstNames)
	return firstNames[r] + " " + lastNames[(q*(len(firstNames)+1)+r)%len(lastNames)]
}

// The students' names.
var (
	firstNames = []string{"Ana", "Ben", "Cleo", "Dario", "Elif", "Farid", "Greta", "Hiro", "Inès", "Jonas",
		"Kofi", "Lena", "Mateo", "Nadia", "Oskar", "Priya", "Quentin", "Rosa", "Søren", "Tamar"}
	lastNames = []string{"Abara", "Berg", "Costa", "Dubois", "Eriksen", "Fischer", "García", "Haddad", "Ivanova", "Jensen",
		"Kowalski", "López", "Müller", "Nakamura", "Okafor", "Petrov", "Quinn", "Rossi", "Schmidt", "Tanaka"}
)
