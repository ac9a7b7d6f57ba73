package annotation

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/text"
)

// richProject is a project with two documents, emoji and CJK text, a
// discontinuous claim, links, stances, notes and a renamed speaker.
func richProject(t *testing.T) Project {
	t.Helper()
	sc := newScene(t)
	s := sc.s
	d3, err := s.AddDocument("混合", mixedText)
	require.NoError(t, err)
	m, err := s.Add(d3, LabelSpeaker, []text.Span{{Start: 2, End: 4}})
	require.NoError(t, err)
	c, err := s.Add(d3, LabelClaim, []text.Span{{Start: 11, End: 16}, {Start: 20, End: 24}})
	require.NoError(t, err)
	require.NoError(t, s.LinkMention(c, m))
	require.NoError(t, s.SetNote(c, "note with \"quotes\" and <tags>"))
	require.NoError(t, s.SetTarget(c, "咖啡"))
	require.NoError(t, s.RenameSpeaker(ann(t, s, m).Speaker, "Wang Wen (王文)"))
	require.NoError(t, s.SetClaimSpeaker(sc.c2, sc.s3))
	return s.Project()
}

func TestLoadRoundTrip(t *testing.T) {
	p := richProject(t)
	s, err := Load(p, fixedClock)
	require.NoError(t, err)
	require.Equal(t, p, s.Project())
	checkInvariants(t, s)

	require.Zero(t, s.Revision())
	require.Empty(t, s.TakeDirty())
	_, err = s.Undo()
	require.ErrorIs(t, err, ErrNothingToUndo, "a loaded store has no history")

	// The loaded store answers queries like the one it came from.
	for _, d := range p.Documents {
		_, x, ok := s.Document(d.ID)
		require.True(t, ok)
		all := text.Span{Start: 0, End: x.Len()}
		require.Equal(t, s.Annotations(d.ID), s.Overlapping(d.ID, all))
	}
}

func TestLoadKeepsItsOwnCopy(t *testing.T) {
	p := richProject(t)
	want := richProject(t)
	s, err := Load(p, fixedClock)
	require.NoError(t, err)
	p.Annotations[0].Fragments[0].End = 1
	p.Annotations[1].Note = "changed"
	p.Speakers[0].Name = "changed"
	p.Schema.Stances[0] = "changed"
	require.Equal(t, want, s.Project())
}

func TestLoadPutsAnyOrderInCanonicalOrder(t *testing.T) {
	p := richProject(t)
	shuffled := p
	shuffled.Annotations = append([]Annotation(nil), p.Annotations...)
	shuffled.Speakers = append([]Speaker(nil), p.Speakers...)
	for i, j := 0, len(shuffled.Annotations)-1; i < j; i, j = i+1, j-1 {
		shuffled.Annotations[i], shuffled.Annotations[j] = shuffled.Annotations[j], shuffled.Annotations[i]
	}
	for i, j := 0, len(shuffled.Speakers)-1; i < j; i, j = i+1, j-1 {
		shuffled.Speakers[i], shuffled.Speakers[j] = shuffled.Speakers[j], shuffled.Speakers[i]
	}
	s, err := Load(shuffled, fixedClock)
	require.NoError(t, err)
	require.Equal(t, p, s.Project())
}

func TestLoadedStoreUndoesLikeTheOriginal(t *testing.T) {
	p := richProject(t)
	s, err := Load(p, fixedClock)
	require.NoError(t, err)
	before := s.Project()
	require.NoError(t, s.Delete("a1"))
	_, err = s.Undo()
	require.NoError(t, err)
	require.Equal(t, before, s.Project())
}

func TestLoadReportsEveryProblemByIDAndReturnsNoStore(t *testing.T) {
	// In richProject: a1 speaker (s1), a2 cue, a3 claim → a1, a2; a4 speaker
	// (s2), a5 cue, a6 claim (speaker s3); d2: a7 speaker (s3); d3: a8
	// speaker, a9 claim → a8.
	find := func(p *Project, id string) *Annotation {
		for i := range p.Annotations {
			if p.Annotations[i].ID == id {
				return &p.Annotations[i]
			}
		}
		t.Fatalf("no annotation %s", id)
		return nil
	}
	tests := []struct {
		name   string
		change func(p *Project)
		want   string // a problem starting with this…
		detail string // …and containing this
	}{
		{"duplicate annotation id", func(p *Project) { p.Annotations = append(p.Annotations, *find(p, "a2")) },
			`annotation "a2"`, "used twice"},
		{"annotation without id", func(p *Project) { find(p, "a2").ID = "" }, `annotation ""`, "no id"},
		{"unknown label", func(p *Project) { find(p, "a5").Label = "rumour" }, `annotation "a5"`, `label "rumour"`},
		{"unknown stance", func(p *Project) { find(p, "a3").Stance = "maybe" }, `annotation "a3"`, `stance "maybe"`},
		{"fragment after the text", func(p *Project) { find(p, "a5").Fragments = []text.Span{{Start: 100, End: 200}} },
			`annotation "a5"`, "outside the text"},
		{"fragment before the text", func(p *Project) { find(p, "a5").Fragments = []text.Span{{Start: -1, End: 3}} },
			`annotation "a5"`, "outside the text"},
		{"start after end", func(p *Project) { find(p, "a5").Fragments = []text.Span{{Start: 50, End: 46}} },
			`annotation "a5"`, "empty span"},
		{"no fragment", func(p *Project) { find(p, "a5").Fragments = nil }, `annotation "a5"`, "no fragment"},
		{"overlapping fragments", func(p *Project) {
			a := find(p, "a5")
			a.Fragments = []text.Span{{Start: 46, End: 51}, {Start: 50, End: 52}}
			a.Quote = "noted … d "
		}, `annotation "a5"`, "overlap"},
		{"quote mismatch", func(p *Project) { find(p, "a5").Quote = "said" }, `annotation "a5"`, `quote "said" does not match`},
		{"quote of a non-BMP text shifted by a UTF-16 unit", func(p *Project) { find(p, "a8").Quote = "文" },
			`annotation "a8"`, "does not match"},
		{"missing document", func(p *Project) { find(p, "a5").Document = "d9" }, `annotation "a5"`, `document "d9" does not exist`},
		{"missing speaker of a mention", func(p *Project) { find(p, "a4").Speaker = "s9" }, `annotation "a4"`, `speaker "s9" does not exist`},
		{"missing speaker of a claim", func(p *Project) { find(p, "a6").Speaker = "s9" }, `annotation "a6"`, `speaker "s9" does not exist`},
		{"mention that is a cue", func(p *Project) { find(p, "a3").SpeakerMention = "a2" }, `annotation "a3"`, "not a speaker annotation"},
		{"mention that does not exist", func(p *Project) { find(p, "a3").SpeakerMention = "a99" }, `annotation "a3"`, "not a speaker annotation"},
		{"cue that is a mention", func(p *Project) { find(p, "a3").Cue = "a1" }, `annotation "a3"`, "not a cue annotation"},
		{"cue that does not exist", func(p *Project) { find(p, "a3").Cue = "a99" }, `annotation "a3"`, "not a cue annotation"},
		{"mention in another document", func(p *Project) {
			c := find(p, "a6")
			c.SpeakerMention, c.Speaker = "a7", "s3"
		}, `annotation "a6"`, "another document"},
		{"cue in another document", func(p *Project) { find(p, "a9").Cue = "a2" }, `annotation "a9"`, "another document"},
		{"claim speaker differs from its mention's", func(p *Project) { find(p, "a3").Speaker = "s2" }, `annotation "a3"`, "mention"},
		{"duplicate document id", func(p *Project) { p.Documents = append(p.Documents, p.Documents[0]) }, `document id "d1"`, "twice"},
		{"document without id", func(p *Project) { p.Documents = append(p.Documents, Document{Text: "x"}) }, "a document has no id", ""},
		{"document with carriage returns", func(p *Project) { p.Documents[1].Text = "Zhao Lei said\r\nhello." },
			`document "d2"`, "carriage returns"},
		{"duplicate speaker id", func(p *Project) { p.Speakers = append(p.Speakers, Speaker{ID: "s1", Name: "X"}) }, `speaker id "s1"`, "twice"},
		{"speaker without id", func(p *Project) { p.Speakers = append(p.Speakers, Speaker{Name: "X"}) }, "a speaker has no id", ""},
		{"schema without labels", func(p *Project) { p.Schema.Labels = nil }, "the schema has no labels", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := richProject(t)
			tt.change(&p)
			s, err := Load(p, fixedClock)
			require.Nil(t, s)
			require.Error(t, err)
			probs, ok := IsProblems(err)
			require.True(t, ok, "%T is not Problems", err)
			found := false
			for _, pr := range probs {
				if strings.HasPrefix(pr, tt.want) && strings.Contains(pr, tt.detail) {
					found = true
				}
			}
			require.True(t, found, "no problem %q … %q in:\n%s", tt.want, tt.detail, strings.Join(probs, "\n"))
		})
	}
}

func TestLoadReportsAllProblemsAtOnce(t *testing.T) {
	p := richProject(t)
	p.Annotations[0].Quote = "x"
	p.Annotations[1].Label = "rumour"
	p.Annotations[4].Document = "d9"
	p.Annotations[5].Speaker = "s9"
	_, err := Load(p, fixedClock)
	probs, ok := IsProblems(err)
	require.True(t, ok)
	for _, id := range []string{"a1", "a2", "a5", "a6"} {
		require.ErrorContains(t, err, fmt.Sprintf("annotation %q", id))
	}
	require.GreaterOrEqual(t, len(probs), 4)
}

func TestProblemsErrorShowsTenAndCountsTheRest(t *testing.T) {
	var p Problems
	for i := range 13 {
		p = append(p, fmt.Sprintf("problem %d", i))
	}
	msg := p.Error()
	require.True(t, strings.HasPrefix(msg, "problem 0; problem 1; "))
	require.Contains(t, msg, "problem 9; and 3 more problems")
	require.NotContains(t, msg, "problem 10")
	require.Equal(t, "a; b", Problems{"a", "b"}.Error())

	wrapped := fmt.Errorf("import: %w", Problems{"a"})
	got, ok := IsProblems(wrapped)
	require.True(t, ok)
	require.Equal(t, Problems{"a"}, got)
	_, ok = IsProblems(ErrInvalid)
	require.False(t, ok)
}

func TestLoadQuoteMismatchMessageIsClipped(t *testing.T) {
	p := richProject(t)
	p.Annotations[2].Quote = strings.Repeat("长", 100)
	_, err := Load(p, fixedClock)
	require.Error(t, err)
	require.Contains(t, err.Error(), strings.Repeat("长", 57)+"…")
	require.NotContains(t, err.Error(), strings.Repeat("长", 58))
}

func TestAddAfterLoadContinuesTheIDs(t *testing.T) {
	const body = "Wang Wen said the talks were useful."
	p := Project{
		Schema:    DefaultSchema(),
		Documents: []Document{{ID: "d2", Title: "T", Text: body}, {ID: "intro", Title: "I", Text: body}},
		Speakers:  []Speaker{{ID: "s3", Name: "Wang Wen"}, {ID: "zz", Name: "Someone"}},
		Annotations: []Annotation{
			{ID: "a1", Document: "d2", Label: LabelSpeaker, Fragments: []text.Span{{Start: 0, End: 8}}, Quote: "Wang Wen", Speaker: "s3"},
			{ID: "a7", Document: "d2", Label: LabelCue, Fragments: []text.Span{{Start: 9, End: 13}}, Quote: "said"},
			{ID: "note", Document: "intro", Label: LabelClaim, Fragments: []text.Span{{Start: 14, End: 35}}, Quote: "the talks were useful", Speaker: "zz"},
		},
	}
	s, err := Load(p, fixedClock)
	require.NoError(t, err)
	require.NoError(t, s.Delete("a7")) // the highest id is gone, but must not come back

	c, err := s.Add("d2", LabelClaim, []text.Span{{Start: 14, End: 35}})
	require.NoError(t, err)
	require.Equal(t, "a8", c)
	m, err := s.Add("intro", LabelSpeaker, []text.Span{{Start: 14, End: 23}})
	require.NoError(t, err)
	require.Equal(t, "a9", m)
	require.Equal(t, "s4", ann(t, s, m).Speaker)
	d, err := s.AddDocument("New", "text")
	require.NoError(t, err)
	require.Equal(t, "d3", d)

	m2, err := s.Add("intro", LabelSpeaker, []text.Span{{Start: 0, End: 8}})
	require.NoError(t, err)
	require.Equal(t, "s3", ann(t, s, m2).Speaker, "a loaded speaker is found by name")
	id, err := s.NewSpeakerForMention(m2, "Prof. Wang")
	require.NoError(t, err)
	require.Equal(t, "s5", id)
}

func TestOperationsOnALoadedStoreKeepItLoadable(t *testing.T) {
	// Whatever a valid project holds, the store's operations must leave a
	// project that loads again.
	p := richProject(t)
	s, err := Load(p, fixedClock)
	require.NoError(t, err)
	for _, a := range p.Annotations {
		require.NoError(t, s.Delete(a.ID))
		checkInvariants(t, s)
	}
	require.Empty(t, s.Project().Speakers)
}

func TestAddAfterLoadNeverReusesTheFirstID(t *testing.T) {
	const body = "Wang Wen said the talks were useful."
	speaker := Annotation{ID: "x", Document: "doc", Label: LabelSpeaker, Fragments: []text.Span{{Start: 0, End: 8}}, Quote: "Wang Wen", Speaker: "sp"}
	tests := []struct {
		name        string
		edit        func(p *Project)
		wantDoc     string
		wantAnn     string
		wantSpeaker string
	}{
		{name: "document d1", edit: func(p *Project) {
			p.Documents[0].ID = "d1"
			p.Annotations[0].Document = "d1"
		}, wantDoc: "d2", wantAnn: "a1", wantSpeaker: "s1"},
		{name: "annotation a1", edit: func(p *Project) { p.Annotations[0].ID = "a1" }, wantDoc: "d1", wantAnn: "a2", wantSpeaker: "s1"},
		{name: "unplaced annotation a1", edit: func(p *Project) {
			p.Orphans = []Annotation{{ID: "a1", Document: "gone", Label: LabelCue, Fragments: []text.Span{{Start: 0, End: 4}}, Quote: "said"}}
		}, wantDoc: "d1", wantAnn: "a2", wantSpeaker: "s1"},
		{name: "speaker s1", edit: func(p *Project) {
			p.Speakers[0].ID = "s1"
			p.Annotations[0].Speaker = "s1"
		}, wantDoc: "d1", wantAnn: "a1", wantSpeaker: "s2"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Project{
				Schema:      DefaultSchema(),
				Documents:   []Document{{ID: "doc", Title: "T", Text: body}},
				Speakers:    []Speaker{{ID: "sp", Name: "Wang Wen"}},
				Annotations: []Annotation{speaker},
			}
			tt.edit(&p)
			s, err := Load(p, fixedClock)
			require.NoError(t, err)
			doc := p.Documents[0].ID

			d, err := s.AddDocument("New", "text")
			require.NoError(t, err)
			assert.Equal(t, tt.wantDoc, d)
			a, err := s.Add(doc, LabelClaim, []text.Span{{Start: 14, End: 35}})
			require.NoError(t, err)
			assert.Equal(t, tt.wantAnn, a)
			m, err := s.Add(doc, LabelSpeaker, []text.Span{{Start: 14, End: 23}})
			require.NoError(t, err)
			assert.Equal(t, tt.wantSpeaker, ann(t, s, m).Speaker, "a new name gets a new speaker")
			assert.Len(t, s.Documents(), 2, "the loaded document is still there")
		})
	}
}

func TestProblemsErrorCountsTheRestOnlyPastTen(t *testing.T) {
	tests := []struct {
		n        int
		wantMore string
	}{
		{n: 9}, {n: 10}, {n: 11, wantMore: "; and 1 more problems"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.n), func(t *testing.T) {
			var p Problems
			for i := range tt.n {
				p = append(p, fmt.Sprintf("p%d", i))
			}
			msg := p.Error()
			if tt.wantMore == "" {
				assert.Equal(t, strings.Join(p, "; "), msg)
				return
			}
			assert.Equal(t, strings.Join(p[:10], "; ")+tt.wantMore, msg)
		})
	}
}

func TestClipKeepsSixtyCodePointsAndShortensLongerToFiftySevenAndAnEllipsis(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{name: "empty", in: "", want: ""},
		{name: "sixty", in: strings.Repeat("长", 60), want: strings.Repeat("长", 60)},
		{name: "sixty-one", in: strings.Repeat("长", 61), want: strings.Repeat("长", 57) + "…"},
		{name: "sixty emoji", in: strings.Repeat("😀", 60), want: strings.Repeat("😀", 60)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, clip(tt.in))
		})
	}
}
