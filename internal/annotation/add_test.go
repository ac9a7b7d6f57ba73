package annotation

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"sayso/internal/text"
)

func TestMixedTextOffsetsAreCodePoints(t *testing.T) {
	// The expectations below are written in code points; make sure the text
	// is laid out as the comment on mixedText says.
	require.Equal(t, 34, utf8.RuneCountInString(mixedText))
	require.Equal(t, "王文", runeSlice(mixedText, 2, 4))
	require.Equal(t, "cafe\u0301", runeSlice(mixedText, 11, 16))
	require.Equal(t, "𝄞", runeSlice(mixedText, 17, 18))
	require.Equal(t, "👩🏽\u200d🔬", runeSlice(mixedText, 20, 24))
}

func TestAddComputesQuoteAndContextByCodePoints(t *testing.T) {
	long := strings.Repeat("😀", 40) + "王文" + strings.Repeat("𝄞", 40)
	tests := []struct {
		name      string
		body      string
		label     string
		fragments []text.Span
		quote     string
		prefix    string
		suffix    string
	}{
		{
			name: "speaker after an emoji", body: mixedText, label: LabelSpeaker,
			fragments: []text.Span{{Start: 2, End: 4}},
			quote:     "王文", prefix: "😀 ", suffix: " said \"cafe\u0301 𝄞\" 👩🏽\u200d🔬 and left.",
		},
		{
			name: "cue", body: mixedText, label: LabelCue,
			fragments: []text.Span{{Start: 5, End: 9}},
			quote:     "said", prefix: "😀 王文 ", suffix: " \"cafe\u0301 𝄞\" 👩🏽\u200d🔬 and left.",
		},
		{
			name: "claim with a combining accent", body: mixedText, label: LabelClaim,
			fragments: []text.Span{{Start: 11, End: 16}},
			quote:     "cafe\u0301", prefix: "😀 王文 said \"", suffix: " 𝄞\" 👩🏽\u200d🔬 and left.",
		},
		{
			name: "span ending between a letter and its combining accent", body: mixedText, label: LabelCue,
			fragments: []text.Span{{Start: 11, End: 15}},
			quote:     "cafe", prefix: "😀 王文 said \"", suffix: "\u0301 𝄞\" 👩🏽\u200d🔬 and left.",
		},
		{
			name: "discontinuous claim over non-BMP code points", body: mixedText, label: LabelClaim,
			fragments: []text.Span{{Start: 0, End: 1}, {Start: 17, End: 18}, {Start: 20, End: 24}},
			quote:     "😀 … 𝄞 … 👩🏽\u200d🔬", prefix: "", suffix: " and left.",
		},
		{
			name: "adjacent fragments are kept apart", body: mixedText, label: LabelClaim,
			fragments: []text.Span{{Start: 2, End: 3}, {Start: 3, End: 4}},
			quote:     "王 … 文", prefix: "😀 ", suffix: " said \"cafe\u0301 𝄞\" 👩🏽\u200d🔬 and left.",
		},
		{
			name: "whole text", body: mixedText, label: LabelClaim,
			fragments: []text.Span{{Start: 0, End: 34}},
			quote:     mixedText, prefix: "", suffix: "",
		},
		{
			name: "context is capped at ContextLength code points", body: long, label: LabelSpeaker,
			fragments: []text.Span{{Start: 40, End: 42}},
			quote:     "王文", prefix: strings.Repeat("😀", ContextLength), suffix: strings.Repeat("𝄞", ContextLength),
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, doc := newTestStore(t, "Topic", tt.body)
			id, err := s.Add(doc, tt.label, tt.fragments)
			require.NoError(t, err)
			require.Equal(t, "a1", id)
			a := ann(t, s, id)
			require.Equal(t, tt.label, a.Label)
			require.Equal(t, doc, a.Document)
			require.Equal(t, tt.fragments, a.Fragments)
			require.Equal(t, tt.quote, a.Quote)
			require.Equal(t, tt.prefix, a.Prefix)
			require.Equal(t, tt.suffix, a.Suffix)
			require.Equal(t, "tester", a.Annotator)
			require.Equal(t, testStamp, a.Created)
			require.Equal(t, testStamp, a.Modified)
			require.Empty(t, a.Stance)
			checkInvariants(t, s)
		})
	}
}

func TestAddClaimTargetsTheDocumentTopic(t *testing.T) {
	s, doc := newTestStore(t, "  US–China tariffs \n", mixedText)
	d, _, _ := s.Document(doc)
	require.Equal(t, "US–China tariffs", d.Topic, "the topic is the trimmed title")

	claim, err := s.Add(doc, LabelClaim, []text.Span{{Start: 11, End: 16}})
	require.NoError(t, err)
	require.Equal(t, "US–China tariffs", ann(t, s, claim).Target)

	cue, err := s.Add(doc, LabelCue, []text.Span{{Start: 5, End: 9}})
	require.NoError(t, err)
	require.Empty(t, ann(t, s, cue).Target, "only claims get a target")

	require.NoError(t, s.SetTopic(doc, "tariffs"))
	later, err := s.Add(doc, LabelClaim, []text.Span{{Start: 17, End: 18}})
	require.NoError(t, err)
	require.Equal(t, "tariffs", ann(t, s, later).Target, "new claims take the new topic")
	require.Equal(t, "US–China tariffs", ann(t, s, claim).Target, "existing claims keep theirs")
}

func TestAddRejectsBadInputWithoutChangingAnything(t *testing.T) {
	tests := []struct {
		name      string
		doc       string
		label     string
		fragments []text.Span
		want      error
	}{
		{"unknown document", "d9", LabelClaim, []text.Span{{Start: 0, End: 1}}, ErrNotFound},
		{"unknown label", "d1", "rumour", []text.Span{{Start: 0, End: 1}}, ErrInvalid},
		{"no fragment", "d1", LabelClaim, nil, ErrEmptySpan},
		{"empty fragment", "d1", LabelClaim, []text.Span{{Start: 3, End: 3}}, ErrEmptySpan},
		{"start after end", "d1", LabelClaim, []text.Span{{Start: 5, End: 3}}, ErrEmptySpan},
		{"second fragment empty", "d1", LabelClaim, []text.Span{{Start: 0, End: 2}, {Start: 5, End: 5}}, ErrEmptySpan},
		{"negative start", "d1", LabelClaim, []text.Span{{Start: -1, End: 2}}, ErrOutsideText},
		{"end past the text", "d1", LabelClaim, []text.Span{{Start: 30, End: 35}}, ErrOutsideText},
		{"end past the code points but not the bytes", "d1", LabelCue, []text.Span{{Start: 33, End: 40}}, ErrOutsideText},
		{"second fragment outside", "d1", LabelClaim, []text.Span{{Start: 0, End: 2}, {Start: 30, End: 99}}, ErrOutsideText},
		{"overlapping fragments", "d1", LabelClaim, []text.Span{{Start: 0, End: 5}, {Start: 4, End: 8}}, ErrInvalid},
		{"same fragment twice", "d1", LabelClaim, []text.Span{{Start: 2, End: 4}, {Start: 2, End: 4}}, ErrInvalid},
		{"fragments out of order", "d1", LabelClaim, []text.Span{{Start: 10, End: 12}, {Start: 0, End: 2}}, ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, doc := newTestStore(t, "Topic", mixedText)
			require.Equal(t, "d1", doc)
			before, rev := s.Project(), s.Revision()
			in := append([]text.Span(nil), tt.fragments...)

			id, err := s.Add(tt.doc, tt.label, tt.fragments)
			require.ErrorIs(t, err, tt.want)
			require.Empty(t, id)
			require.Equal(t, before, s.Project())
			require.Equal(t, rev, s.Revision())
			require.Empty(t, s.TakeDirty())
			require.Equal(t, in, tt.fragments, "Add must not change its argument")
			_, ok := s.CanUndo()
			require.False(t, ok)

			id, err = s.Add(doc, LabelClaim, []text.Span{{Start: 0, End: 1}})
			require.NoError(t, err)
			require.Equal(t, "a1", id, "a failed Add must not use up an id")
		})
	}
}

func TestAddKeepsItsOwnCopyOfTheFragments(t *testing.T) {
	s, doc := newTestStore(t, "Topic", mixedText)
	frags := []text.Span{{Start: 2, End: 4}}
	id, err := s.Add(doc, LabelClaim, frags)
	require.NoError(t, err)
	frags[0] = text.Span{Start: 0, End: 34}
	require.Equal(t, []text.Span{{Start: 2, End: 4}}, ann(t, s, id).Fragments)
}

func TestAddWorksForEveryLabelOfACustomSchema(t *testing.T) {
	schema := Schema{Labels: []Label{{ID: "evidence", Name: "Evidence", Color: "#aa0000", Key: "e"}}, Stances: []string{"pro", "con"}}
	s := New(schema, "", fixedClock)
	doc, err := s.AddDocument("T", "some text")
	require.NoError(t, err)
	id, err := s.Add(doc, "evidence", []text.Span{{Start: 0, End: 4}})
	require.NoError(t, err)
	require.Equal(t, "some", ann(t, s, id).Quote)
	_, err = s.Add(doc, LabelClaim, []text.Span{{Start: 0, End: 4}})
	require.ErrorIs(t, err, ErrInvalid, "claim is not in this schema")
}

// proposalText has one speaker under several names and pronouns.
const proposalText = "Wang Wen said yes. Wang Wen, dean of the law school, agreed. Li Qiang said no. " +
	"He left. WANG   wen smiled. Wang Wenjun laughed. Zhang\n  San replied. She cried."

func TestAddSpeakerProposesASpeakerEntity(t *testing.T) {
	type step struct {
		sub     string
		nth     int
		speaker string // expected speaker id of the new mention
	}
	tests := []struct {
		name     string
		steps    []step
		speakers []Speaker // expected entities afterwards
	}{
		{
			name:     "new speaker named after the text",
			steps:    []step{{"Wang Wen", 0, "s1"}},
			speakers: []Speaker{{ID: "s1", Name: "Wang Wen"}},
		},
		{
			name:     "exact name reuses the entity, ignoring case and spaces",
			steps:    []step{{"Wang Wen", 0, "s1"}, {"Wang Wen", 1, "s1"}, {"WANG   wen", 0, "s1"}},
			speakers: []Speaker{{ID: "s1", Name: "Wang Wen"}},
		},
		{
			name:     "name followed by a title reuses the entity",
			steps:    []step{{"Wang Wen", 0, "s1"}, {"Wang Wen, dean of the law school", 0, "s1"}},
			speakers: []Speaker{{ID: "s1", Name: "Wang Wen"}},
		},
		{
			name:     "a longer word is not the same name",
			steps:    []step{{"Wang Wen", 0, "s1"}, {"Wang Wenjun", 0, "s2"}},
			speakers: []Speaker{{ID: "s1", Name: "Wang Wen"}, {ID: "s2", Name: "Wang Wenjun"}},
		},
		{
			name:     "a shorter mention that begins the longer name joins it",
			steps:    []step{{"Wang Wen, dean of the law school", 0, "s1"}, {"Wang Wen", 0, "s1"}},
			speakers: []Speaker{{ID: "s1", Name: "Wang Wen, dean of the law school"}},
		},
		{
			name:     "pronoun reuses the nearest earlier mention's speaker",
			steps:    []step{{"Wang Wen", 0, "s1"}, {"Li Qiang", 0, "s2"}, {"He", 0, "s2"}},
			speakers: []Speaker{{ID: "s1", Name: "Wang Wen"}, {ID: "s2", Name: "Li Qiang"}},
		},
		{
			name:     "pronoun looks at text position, not at the order of adding",
			steps:    []step{{"Li Qiang", 0, "s1"}, {"Wang Wen", 0, "s2"}, {"She", 0, "s1"}},
			speakers: []Speaker{{ID: "s1", Name: "Li Qiang"}, {ID: "s2", Name: "Wang Wen"}},
		},
		{
			name:     "pronoun ignores mentions after it",
			steps:    []step{{"Wang Wenjun", 0, "s1"}, {"He", 0, "s2"}},
			speakers: []Speaker{{ID: "s1", Name: "Wang Wenjun"}, {ID: "s2", Name: "He"}},
		},
		{
			name:     "runs of white space in the name are collapsed",
			steps:    []step{{"Zhang\n  San", 0, "s1"}},
			speakers: []Speaker{{ID: "s1", Name: "Zhang San"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, doc := newTestStore(t, "Topic", proposalText)
			for _, st := range tt.steps {
				id := mustAdd(t, s, doc, LabelSpeaker, proposalText, st.sub, st.nth)
				require.Equal(t, st.speaker, ann(t, s, id).Speaker, "mention %q", st.sub)
			}
			require.Equal(t, tt.speakers, s.Project().Speakers)
			checkInvariants(t, s)
		})
	}
}

func TestAddSpeakerPrefersTheLongestMatchingName(t *testing.T) {
	s, doc := newTestStore(t, "Topic", proposalText)
	m1 := mustAdd(t, s, doc, LabelSpeaker, proposalText, "Wang Wen", 0)
	require.NoError(t, s.RenameSpeaker(ann(t, s, m1).Speaker, "Wang"))
	m2 := mustAdd(t, s, doc, LabelSpeaker, proposalText, "Li Qiang", 0)
	require.NoError(t, s.RenameSpeaker(ann(t, s, m2).Speaker, "Wang Wen"))

	m3 := mustAdd(t, s, doc, LabelSpeaker, proposalText, "Wang Wen, dean of the law school", 0)
	require.Equal(t, ann(t, s, m2).Speaker, ann(t, s, m3).Speaker,
		"“Wang Wen, dean …” is Wang Wen, not Wang")
}

func TestAddSpeakerCapsTheProposedName(t *testing.T) {
	name := strings.Repeat("名", MaxSpeakerNameLength+30)
	body := name + " said so. Then " + name + " said it again."
	s, doc := newTestStore(t, "Topic", body)

	m1 := mustAdd(t, s, doc, LabelSpeaker, body, name, 0)
	sp, ok := s.Speaker(ann(t, s, m1).Speaker)
	require.True(t, ok)
	require.Equal(t, strings.Repeat("名", MaxSpeakerNameLength), sp.Name)
	require.Equal(t, name, ann(t, s, m1).Quote, "the quote itself is not capped")

	m2 := mustAdd(t, s, doc, LabelSpeaker, body, name, 1)
	require.Equal(t, sp.ID, ann(t, s, m2).Speaker, "the same long name again is the same speaker")
	require.Len(t, s.Speakers(), 1)
}

func TestAddSpeakerIsOneUndoableChange(t *testing.T) {
	s, doc := newTestStore(t, "Topic", proposalText)
	before := s.Project()
	mustAdd(t, s, doc, LabelSpeaker, proposalText, "Wang Wen", 0)
	after := s.Project()
	require.Len(t, after.Speakers, 1)

	name, err := s.Undo()
	require.NoError(t, err)
	require.Equal(t, "add speaker", name)
	require.Equal(t, before, s.Project(), "undo removes the mention and the speaker it created")
	_, err = s.Redo()
	require.NoError(t, err)
	require.Equal(t, after, s.Project())
}

func TestAddSpeakerNameMatchStopsAtAWordBoundary(t *testing.T) {
	tests := []struct {
		name, known, mention string
		reuse                bool
	}{
		{"comma and title", "Wang Wen", "Wang Wen, dean of X", true},
		{"parenthesis", "Wang Wen", "Wang Wen (dean)", true},
		{"em dash", "Wang Wen", "Wang Wen—dean of X", true},
		{"curly apostrophe", "Wang Wen", "Wang Wen’s office", true},
		{"fullwidth comma", "王文", "王文，北京大学教授", true},
		{"CJK name continues", "王文", "王文静", false},
		{"Latin name continues", "Wang Wen", "Wang Wenjun", false},
		{"accented letter continues", "Wang Wen", "Wang Wené", false},
		{"combining accent on the last letter", "Wang Wen", "Wang Wen\u0301", false},
		{"digit continues", "Agent", "Agent7 said", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := tt.known + " spoke. Later " + tt.mention + " spoke again."
			s, doc := newTestStore(t, "T", body)
			m1 := mustAdd(t, s, doc, LabelSpeaker, body, tt.known, 0)
			m2 := mustAdd(t, s, doc, LabelSpeaker, body, tt.mention, 0)
			require.Equal(t, tt.reuse, ann(t, s, m1).Speaker == ann(t, s, m2).Speaker)
		})
	}
}
