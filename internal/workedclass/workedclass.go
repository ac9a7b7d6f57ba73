// Package workedclass is a small classroom exercise whose scores and
// agreement were worked out by hand: one short article, the teacher's
// answer key and four students' work, made through the annotation store
// as the app makes it. internal/agreement/worked_class_test.go shows the
// arithmetic and asserts the values; the browser classroom test drops
// the same files on Compare and reads them off the page.
//
// The article (ASCII, so code points are bytes), with the spans in it:
//
//	Mayor Ines Okafor said the plan will save the harbour. Tomas Reyes said
//	the plan is a slow death for shops. Okafor added that buses will run
//	every ten minutes. Reyes warned that rents will rise.
//
//	speaker mentions            claims
//	M1 "Mayor Ines Okafor" 0–17   C1 "the plan will save the harbour" 23–53
//	M2 "Tomas Reyes"      55–66   C2 "the plan is a slow death for shops" 72–106
//	M3 "Okafor"          108–114  C3 "buses will run every ten minutes" 126–158
//	M4 "Reyes"           160–165  C4 "rents will rise" 178–193
//
// The key: M1 and M3 are the speaker "Ines Okafor", M2 and M4 "Tomas
// Reyes"; C1 favor ← M1, C2 against ← M2, C3 favor ← M3, C4 against ← M4.
//
// Ana does exactly what the key does.
//
// Ben: claims C1 favor ← "Ines Okafor" (6–17, entity "Ines Okafor"),
// "a slow death for shops" (84–106) favor ← M2 ("Tomas Reyes"), C4 against
// ← "Ines Okafor" (the wrong speaker), and "the harbour" (42–53, no
// stance, no speaker); mentions "Ines Okafor" 6–17 and M2.
//
// Cleo: claims C1 neutral ← M1 (entity "Mayor Ines Okafor"), C2 against
// ← M2, "that buses will run every ten minutes" (121–158) favor ← M2 (the
// wrong speaker); mentions M1, M2, M3 (M3's entity "Okafor").
//
// Dev: claims "said the plan will save the harbour" (18–53) favor ←
// "Mayor Ines Okafor said" (0–22, entity "Okafor"), C2 unclear ← "Reyes"
// (61–66, entity "Reyes"), C3 favor ← M3 (entity "Okafor"), C4 with no
// stance and no speaker; mentions 0–22, 61–66, M3 and M4 (entity "Reyes").
package workedclass

import (
	"fmt"
	"strings"
	"time"

	"sayso/internal/annotation"
	"sayso/internal/text"
)

// Text is the article every file holds.
const Text = "Mayor Ines Okafor said the plan will save the harbour. Tomas Reyes said the plan is a slow death for shops. " +
	"Okafor added that buses will run every ten minutes. Reyes warned that rents will rise."

// Title is the article's title.
const Title = "Harbour plan, worked class"

// exercise is the exercise every file belongs to (the key with RoleKey).
func exercise() annotation.ExerciseRef {
	return annotation.ExerciseRef{ID: "worked-class-1", Title: "Worked class"}
}

// Names are the students' names, in the order Students returns them.
func Names() []string { return []string{"Ana", "Ben", "Cleo", "Dev"} }

// mention is a speaker mention: its words (the nth occurrence, from 0)
// and the name of its speaker entity.
type mention struct {
	quote  string
	nth    int
	entity string
}

// claim is a claim: its words, stance, and the mention it is linked to
// (an index into the person's mentions, -1 for none).
type claim struct {
	quote, stance string
	mention       int
}

type work struct {
	mentions []mention
	claims   []claim
}

// keyWork is the answer key's work; studentWork each student's, in the
// order of Names.
func keyWork() work {
	m1, m2, m3, m4 := mention{"Mayor Ines Okafor", 0, "Ines Okafor"}, mention{"Tomas Reyes", 0, "Tomas Reyes"},
		mention{"Okafor", 1, "Ines Okafor"}, mention{"Reyes", 1, "Tomas Reyes"}
	return work{
		mentions: []mention{m1, m2, m3, m4},
		claims: []claim{
			{"the plan will save the harbour", "favor", 0},
			{"the plan is a slow death for shops", "against", 1},
			{"buses will run every ten minutes", "favor", 2},
			{"rents will rise", "against", 3},
		},
	}
}

func studentWork() []work {
	m2 := mention{"Tomas Reyes", 0, "Tomas Reyes"}
	return []work{
		keyWork(), // Ana
		{ // Ben
			mentions: []mention{{"Ines Okafor", 0, "Ines Okafor"}, m2},
			claims: []claim{
				{"the plan will save the harbour", "favor", 0},
				{"a slow death for shops", "favor", 1},
				{"rents will rise", "against", 0},
				{"the harbour", "", -1},
			},
		},
		{ // Cleo
			mentions: []mention{{"Mayor Ines Okafor", 0, "Mayor Ines Okafor"}, m2, {"Okafor", 1, "Okafor"}},
			claims: []claim{
				{"the plan will save the harbour", "neutral", 0},
				{"the plan is a slow death for shops", "against", 1},
				{"that buses will run every ten minutes", "favor", 1},
			},
		},
		{ // Dev
			mentions: []mention{{"Mayor Ines Okafor said", 0, "Okafor"}, {"Reyes", 0, "Reyes"}, {"Okafor", 1, "Okafor"}, {"Reyes", 1, "Reyes"}},
			claims: []claim{
				{"said the plan will save the harbour", "favor", 0},
				{"the plan is a slow death for shops", "unclear", 1},
				{"buses will run every ten minutes", "favor", 2},
				{"rents will rise", "", -1},
			},
		},
	}
}

// Key is the teacher's answer key.
func Key() (annotation.Project, error) {
	ref := exercise()
	ref.Role = annotation.RoleKey
	return build("Teacher", ref, keyWork())
}

// Students are the four students' projects, in the order of Names.
func Students() ([]annotation.Project, error) {
	works, names := studentWork(), Names()
	out := make([]annotation.Project, len(works))
	for i, w := range works {
		p, err := build(names[i], exercise(), w)
		if err != nil {
			return nil, err
		}
		out[i] = p
	}
	return out, nil
}

func clock() time.Time { return time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC) }

// build makes one person's project through the store's operations.
func build(annotator string, ref annotation.ExerciseRef, w work) (annotation.Project, error) {
	s := annotation.New(annotation.DefaultSchema(), annotator, clock)
	s.SetExercise(ref)
	doc, err := s.AddDocument(Title, Text)
	if err != nil {
		return annotation.Project{}, err
	}
	mentionIDs := make([]string, len(w.mentions))
	for i, m := range w.mentions {
		id, err := s.Add(doc, annotation.LabelSpeaker, at(m.quote, m.nth))
		if err != nil {
			return annotation.Project{}, fmt.Errorf("%s: mention %q: %w", annotator, m.quote, err)
		}
		if err := nameEntity(s, id, m.entity); err != nil {
			return annotation.Project{}, fmt.Errorf("%s: mention %q: %w", annotator, m.quote, err)
		}
		mentionIDs[i] = id
	}
	for _, c := range w.claims {
		id, err := s.Add(doc, annotation.LabelClaim, at(c.quote, 0))
		if err != nil {
			return annotation.Project{}, fmt.Errorf("%s: claim %q: %w", annotator, c.quote, err)
		}
		if c.stance != "" {
			if err := s.SetStance(id, c.stance); err != nil {
				return annotation.Project{}, err
			}
		}
		if c.mention >= 0 {
			if err := s.LinkMention(id, mentionIDs[c.mention]); err != nil {
				return annotation.Project{}, err
			}
		}
	}
	return s.Project(), nil
}

// nameEntity makes mention id refer to the speaker entity called name,
// creating it when the person has none of that name yet.
func nameEntity(s *annotation.Store, id, name string) error {
	a, _ := s.Annotation(id)
	if sp, ok := s.SpeakerByName(name); ok {
		if sp.ID == a.Speaker {
			return nil
		}
		return s.SetMentionSpeaker(id, sp.ID)
	}
	if uses, _ := s.SpeakerUse(a.Speaker); uses == 1 {
		return s.RenameSpeaker(a.Speaker, name)
	}
	_, err := s.NewSpeakerForMention(id, name)
	return err
}

// at is the span of the nth occurrence (from 0) of quote in Text.
func at(quote string, nth int) []text.Span {
	i := -1
	for range nth + 1 {
		j := strings.Index(Text[i+1:], quote)
		if j < 0 {
			panic(fmt.Sprintf("workedclass: %q (occurrence %d) is not in the text", quote, nth))
		}
		i += 1 + j
	}
	return []text.Span{{Start: i, End: i + len(quote)}}
}
