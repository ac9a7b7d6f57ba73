package annotation

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestCleanSpeakerNameStripsWhatSurroundsTheName(t *testing.T) {
	tests := []struct{ name, quote, want string }{
		{"trailing comma", "Wang Wen,", "Wang Wen"},
		{"spaces and comma", "  Wang Wen , ", "Wang Wen"},
		{"curly quotes", "“Okafor”", "Okafor"},
		{"straight quotes and colon", `"Okafor":`, "Okafor"},
		{"brackets", "(Tomas Reyes)", "Tomas Reyes"},
		{"square brackets and full stop", "[Reyes].", "Reyes"},
		{"em dash before", "—Ines Okafor", "Ines Okafor"},
		{"apostrophe inside is kept", "O'Brien,", "O'Brien"},
		{"curly apostrophe inside is kept", "Dara O’Brien;", "Dara O’Brien"},
		{"suffix with full stop is kept", "Martin Luther King Jr.", "Martin Luther King Jr."},
		{"suffix with full stop and comma", "Martin Luther King Jr.,", "Martin Luther King Jr."},
		{"initial is kept", "John F.", "John F."},
		{"three-letter abbreviation is kept", "Acme Inc.", "Acme Inc."},
		{"a four-letter word is not an abbreviation", "Acme Corp.", "Acme Corp"},
		{"a lower-case short word is not an abbreviation", "Acme inc.", "Acme inc"},
		{"dotted abbreviation is kept", "the U.S.", "the U.S."},
		{"sentence full stop goes", "said Okafor.", "said Okafor"},
		{"hyphen inside is kept", "Jean-Luc Picard!", "Jean-Luc Picard"},
		{"diacritics", "«Zoë Müller-Łukasiewicz»,", "Zoë Müller-Łukasiewicz"},
		{"combining accent at the end is kept", "Rene\u0301,", "Rene\u0301"},
		{"CJK fullwidth comma", "王文，", "王文"},
		{"CJK corner brackets", "「王文」", "王文"},
		{"Arabic with its comma", "محمد علي،", "محمد علي"},
		{"Hebrew with direction marks", "\u200fדוד לוי,\u200f", "דוד לוי"},
		{"Arabic in guillemets", "«سارة»", "سارة"},
		{"line break inside", "Zhang\n  San,", "Zhang San"},
		{"nothing but punctuation", " ,;— ", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			require.Equal(t, tt.want, CleanSpeakerName(tt.quote))
		})
	}
}

// TestAddSpeakerJoinsBySurname checks which speaker each mention joins.
// Every step adds a mention (the nth occurrence of sub) and expects the
// speaker it gets: an id, or "" for undecided.
func TestAddSpeakerJoinsBySurname(t *testing.T) {
	type step struct {
		sub     string
		speaker string
	}
	tests := []struct {
		name     string
		body     string
		steps    []step
		speakers []Speaker
	}{
		{
			name:     "a comma after the name stays out of the speaker's name",
			body:     "Wang Wen, the dean, agreed.",
			steps:    []step{{"Wang Wen,", "s1"}},
			speakers: []Speaker{{ID: "s1", Name: "Wang Wen"}},
		},
		{
			name:     "the surname joins the one full name ending with it",
			body:     "Mayor Ines Okafor spoke. Later Okafor said more.",
			steps:    []step{{"Mayor Ines Okafor", "s1"}, {"Okafor", "s1"}},
			speakers: []Speaker{{ID: "s1", Name: "Mayor Ines Okafor"}},
		},
		{
			name:     "a title before the surname does not block it",
			body:     "Ines Okafor spoke. Dr. Okafor said more. Ms Okafor left.",
			steps:    []step{{"Ines Okafor", "s1"}, {"Dr. Okafor", "s1"}, {"Ms Okafor", "s1"}},
			speakers: []Speaker{{ID: "s1", Name: "Ines Okafor"}},
		},
		{
			name:     "the full name without the title is the same speaker",
			body:     "Secretary Tomas Reyes spoke. Tomas Reyes, again.",
			steps:    []step{{"Secretary Tomas Reyes", "s1"}, {"Tomas Reyes,", "s1"}},
			speakers: []Speaker{{ID: "s1", Name: "Secretary Tomas Reyes"}},
		},
		{
			name:     "a quoted surname with punctuation joins",
			body:     "Tomas Reyes spoke. “Reyes,” they wrote.",
			steps:    []step{{"Tomas Reyes", "s1"}, {"“Reyes,”", "s1"}},
			speakers: []Speaker{{ID: "s1", Name: "Tomas Reyes"}},
		},
		{
			name:     "a family name written first joins",
			body:     "Wang Wen spoke. Wang said more.",
			steps:    []step{{"Wang Wen", "s1"}, {"Wang", "s1"}},
			speakers: []Speaker{{ID: "s1", Name: "Wang Wen"}},
		},
		{
			name:     "two speakers could be meant: undecided",
			body:     "Wang Wen spoke. Wang Li spoke. Wang said more.",
			steps:    []step{{"Wang Wen", "s1"}, {"Wang Li", "s2"}, {"Wang", ""}},
			speakers: []Speaker{{ID: "s2", Name: "Wang Li"}, {ID: "s1", Name: "Wang Wen"}},
		},
		{
			name:     "a part of a word is not a surname",
			body:     "Ines Okafor spoke. Oka said more.",
			steps:    []step{{"Ines Okafor", "s1"}, {"Oka", "s2"}},
			speakers: []Speaker{{ID: "s1", Name: "Ines Okafor"}, {ID: "s2", Name: "Oka"}},
		},
		{
			name:     "a title alone is nobody's surname",
			body:     "Mayor Ines Okafor spoke. The Mayor said more.",
			steps:    []step{{"Mayor Ines Okafor", "s1"}, {"Mayor", "s2"}},
			speakers: []Speaker{{ID: "s2", Name: "Mayor"}, {ID: "s1", Name: "Mayor Ines Okafor"}},
		},
		{
			name:     "a name with diacritics joins by its surname, case aside",
			body:     "Zoë Müller spoke. MÜLLER said more.",
			steps:    []step{{"Zoë Müller", "s1"}, {"MÜLLER", "s1"}},
			speakers: []Speaker{{ID: "s1", Name: "Zoë Müller"}},
		},
		{
			name:     "a name with a combining accent joins by its surname",
			body:     "Rene\u0301 Dupont spoke. Dupont said more.",
			steps:    []step{{"Rene\u0301 Dupont", "s1"}, {"Dupont", "s1"}},
			speakers: []Speaker{{ID: "s1", Name: "Rene\u0301 Dupont"}},
		},
		{
			name:     "an Arabic name joins by its last word",
			body:     "قال محمد علي، ثم قال علي مرة أخرى",
			steps:    []step{{"محمد علي،", "s1"}, {"علي", "s1"}},
			speakers: []Speaker{{ID: "s1", Name: "محمد علي"}},
		},
		{
			name:     "a Hebrew name joins by its last word",
			body:     "דוד לוי אמר. לוי הוסיף.",
			steps:    []step{{"דוד לוי", "s1"}, {"לוי", "s1"}},
			speakers: []Speaker{{ID: "s1", Name: "דוד לוי"}},
		},
		{
			name:     "a suffix does not hide the surname",
			body:     "Martin King Jr. spoke. King said more.",
			steps:    []step{{"Martin King Jr.", "s1"}, {"King", "s1"}},
			speakers: []Speaker{{ID: "s1", Name: "Martin King Jr."}},
		},
		{
			name:     "a pronoun with a comma still follows the nearest mention",
			body:     "Ines Okafor spoke. He, too, spoke.",
			steps:    []step{{"Ines Okafor", "s1"}, {"He,", "s1"}},
			speakers: []Speaker{{ID: "s1", Name: "Ines Okafor"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, doc := newTestStore(t, "T", tt.body)
			for _, st := range tt.steps {
				id := mustAdd(t, s, doc, LabelSpeaker, tt.body, st.sub, 0)
				require.Equal(t, st.speaker, ann(t, s, id).Speaker, "mention %q", st.sub)
			}
			require.Equal(t, tt.speakers, speakersByName(s))
			checkInvariants(t, s)
		})
	}
}

func speakersByName(s *Store) []Speaker {
	var out []Speaker
	for _, sp := range s.Speakers() {
		out = append(out, *sp)
	}
	return out
}

func TestAnUndecidedMentionOffersItsCandidatesAndTakesAChoice(t *testing.T) {
	body := "Wang Wen spoke. Wang Li spoke. Wang said more, and claimed it."
	s, doc := newTestStore(t, "T", body)
	wen := mustAdd(t, s, doc, LabelSpeaker, body, "Wang Wen", 0)
	li := mustAdd(t, s, doc, LabelSpeaker, body, "Wang Li", 0)
	m := mustAdd(t, s, doc, LabelSpeaker, body, "Wang", 2)
	require.Empty(t, ann(t, s, m).Speaker, "undecided")

	var names []string
	for _, sp := range s.SpeakerCandidates(ann(t, s, m).Quote) {
		names = append(names, sp.Name)
	}
	require.Equal(t, []string{"Wang Li", "Wang Wen"}, names)

	// An undecided mention is a valid project: it exports and loads again.
	loaded, err := Load(s.Project(), fixedClock)
	require.NoError(t, err)
	require.Equal(t, s.Project(), loaded.Project())
	repaired, notes := Repair(s.Project())
	require.Empty(t, notes, "nothing to repair in an undecided mention")
	require.Equal(t, s.Project(), repaired)

	require.NoError(t, s.SetMentionSpeaker(m, ann(t, s, li).Speaker))
	require.Equal(t, ann(t, s, li).Speaker, ann(t, s, m).Speaker)
	_, err = s.Undo()
	require.NoError(t, err)
	require.Empty(t, ann(t, s, m).Speaker, "undo makes it undecided again")
	require.NotEqual(t, ann(t, s, wen).Speaker, ann(t, s, li).Speaker)
	checkInvariants(t, s)
}

func TestNewSpeakerForAMentionIsNamedWithoutItsPunctuation(t *testing.T) {
	body := "Wang Wen spoke. “Wang,” they said."
	s, doc := newTestStore(t, "T", body)
	mustAdd(t, s, doc, LabelSpeaker, body, "Wang Wen", 0)
	m := mustAdd(t, s, doc, LabelSpeaker, body, "“Wang,”", 0)
	id, err := s.NewSpeakerForMention(m, ann(t, s, m).Quote)
	require.NoError(t, err)
	sp, ok := s.Speaker(id)
	require.True(t, ok)
	require.Equal(t, "Wang", sp.Name)
}

// A name that is nothing but a title or a suffix is still a name: titles
// and suffixes are left out only around other words, never every word.
func TestANameThatIsOnlyATitleOrSuffixIsStillAName(t *testing.T) {
	tests := []struct {
		name, speaker, mention string
	}{
		{"a suffix", "Jr.", "Jr"},
		{"a title", "Mayor", "Mayor"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := tt.speaker + " spoke."
			s, doc := newTestStore(t, "t", body)
			m := mustAdd(t, s, doc, LabelSpeaker, body, tt.speaker, 0)
			sp := ann(t, s, m).Speaker
			require.NotEmpty(t, sp)
			require.NoError(t, s.RenameSpeaker(sp, tt.speaker))
			got := s.SpeakerCandidates(tt.mention)
			require.Len(t, got, 1)
			require.Equal(t, sp, got[0].ID)
		})
	}
}

// The shortest name that can be part of another is two letters ("Li" of
// "Wang Li"); one letter ("J" of "Kim J") is too little to say who is meant.
func TestATwoLetterSurnameFindsItsSpeaker(t *testing.T) {
	tests := []struct {
		name, speaker, mention string
		want                   int
	}{
		{"two letters", "Wang Li", "Li", 1},
		{"one letter", "Kim J", "J", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := tt.speaker + " spoke."
			s, doc := newTestStore(t, "t", body)
			mustAdd(t, s, doc, LabelSpeaker, body, tt.speaker, 0)
			require.Len(t, s.SpeakerCandidates(tt.mention), tt.want)
		})
	}
}

// When two speakers share a name, a mention that starts with it ("Ann Lee,
// the dean") joins the same one as a mention of the name alone: the first
// of Speakers, the one SpeakerByName gives.
func TestAMentionStartingWithASharedNameJoinsTheSameSpeakerAsTheName(t *testing.T) {
	const body = "Ann Lee spoke. Ann Lee left. Ann Lee, the dean, said no. Ann Lee agreed."
	s, doc := newTestStore(t, "t", body)
	mustAdd(t, s, doc, LabelSpeaker, body, "Ann Lee", 0)
	second := mustAdd(t, s, doc, LabelSpeaker, body, "Ann Lee", 1)
	_, err := s.NewSpeakerForMention(second, "Ann Lee")
	require.NoError(t, err)
	require.Len(t, s.Speakers(), 2, "two speakers named Ann Lee")
	first, ok := s.SpeakerByName("Ann Lee")
	require.True(t, ok)

	tests := []struct{ name, quote string }{
		{"the name alone", "Ann Lee"},
		{"the name and more", "Ann Lee, the dean"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			nth := map[string]int{"Ann Lee": 3, "Ann Lee, the dean": 0}[tt.quote]
			m := mustAdd(t, s, doc, LabelSpeaker, body, tt.quote, nth)
			require.Equal(t, first.ID, ann(t, s, m).Speaker)
		})
	}
}
