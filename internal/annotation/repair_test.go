package annotation

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/text"
)

func repairClock() time.Time { return time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC) }

// repairBase is a small valid project: a speaker mention, a cue and a
// claim linked to both.
func repairBase(t *testing.T) Project {
	t.Helper()
	s := New(DefaultSchema(), "", repairClock)
	doc, err := s.AddDocument("t", "😀 Intro. Ana said the bridge is unsafe. Later Ana said it again.")
	require.NoError(t, err)
	span := func(sub string) []text.Span {
		_, x, _ := s.Document(doc)
		i := strings.Index(x.Text(), sub)
		require.GreaterOrEqual(t, i, 0)
		st := x.CodePointAtByte(i)
		return []text.Span{{Start: st, End: st + len([]rune(sub))}}
	}
	m, err := s.Add(doc, LabelSpeaker, span("Ana"))
	require.NoError(t, err)
	c, err := s.Add(doc, LabelCue, span("said"))
	require.NoError(t, err)
	cl, err := s.Add(doc, LabelClaim, span("the bridge is unsafe"))
	require.NoError(t, err)
	require.NoError(t, s.LinkMention(cl, m))
	require.NoError(t, s.LinkCue(cl, c))
	require.NoError(t, s.SetStance(cl, "against"))
	return s.Project()
}

func annByID(p Project, id string) *Annotation {
	for i := range p.Annotations {
		if p.Annotations[i].ID == id {
			return &p.Annotations[i]
		}
	}
	return nil
}

func TestRepair(t *testing.T) {
	tests := []struct {
		name    string
		break_  func(p *Project)
		check   func(t *testing.T, p Project)
		wantMsg string
	}{
		{"offsets outside the text are re-anchored by quote", func(p *Project) {
			annByID(*p, "a3").Fragments = []text.Span{{Start: 500, End: 520}}
		}, func(t *testing.T, p Project) {
			assert.Equal(t, "the bridge is unsafe", annByID(p, "a3").Quote)
		}, `"a3" ("the bridge is unsafe") was found again`},
		{"start after end is re-anchored", func(p *Project) {
			annByID(*p, "a3").Fragments = []text.Span{{Start: 30, End: 10}}
		}, func(t *testing.T, p Project) {
			assert.Equal(t, 20, annByID(p, "a3").Fragments[0].Len())
		}, "found again"},
		{"a moved quote is found by its context", func(p *Project) {
			p.Documents[0].Text = "New first line.\n" + p.Documents[0].Text
		}, func(t *testing.T, p Project) {
			a := annByID(p, "a1")
			assert.Equal(t, "Ana", a.Quote)
			assert.Equal(t, len([]rune("New first line.\n😀 Intro. ")), a.Fragments[0].Start, "the first Ana, not the later one")
		}, `"a1" ("Ana") was found again`},
		{"a vanished quote becomes an orphan, kept with its quote", func(p *Project) {
			annByID(*p, "a3").Quote = "the tunnel is flooded"
		}, func(t *testing.T, p Project) {
			require.Len(t, p.Orphans, 1)
			assert.Equal(t, "the tunnel is flooded", p.Orphans[0].Quote)
			assert.Nil(t, annByID(p, "a3"))
		}, `"a3" ("the tunnel is flooded") could not be placed`},
		{"an unknown label joins the schema", func(p *Project) {
			annByID(*p, "a2").Label = "rumour"
		}, func(t *testing.T, p Project) {
			_, ok := p.Schema.Label("rumour")
			assert.True(t, ok)
		}, `label "rumour" was not in the schema`},
		{"an unknown stance joins the schema", func(p *Project) {
			annByID(*p, "a3").Stance = "sarcastic"
		}, func(t *testing.T, p Project) {
			assert.True(t, p.Schema.HasStance("sarcastic"))
		}, `stance "sarcastic"`},
		{"a duplicate id gets a new one", func(p *Project) {
			dup := *annByID(*p, "a2")
			dup.ID = "a1"
			p.Annotations = append(p.Annotations, dup)
		}, func(t *testing.T, p Project) {
			assert.Len(t, p.Annotations, 4)
			assert.NotNil(t, annByID(p, "a4"))
		}, `its id was used twice; it is now "a4"`},
		{"a missing speaker is recreated", func(p *Project) {
			p.Speakers = nil
		}, func(t *testing.T, p Project) {
			require.Len(t, p.Speakers, 1)
			assert.Equal(t, "Unknown speaker s1", p.Speakers[0].Name)
		}, `speaker "s1" was referred to but missing`},
		{"links to missing annotations are removed", func(p *Project) {
			annByID(*p, "a3").Cue = "a99"
		}, func(t *testing.T, p Project) {
			assert.Empty(t, annByID(p, "a3").Cue)
			assert.Equal(t, "a1", annByID(p, "a3").SpeakerMention, "the other link stays")
		}, `its cue "a99" is missing`},
		{"a missing document orphans its annotations", func(p *Project) {
			annByID(*p, "a2").Document = "d9"
		}, func(t *testing.T, p Project) {
			require.Len(t, p.Orphans, 1)
			assert.Empty(t, annByID(p, "a3").Cue, "the claim's link to it goes")
		}, `its document "d9" does not exist`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p := repairBase(t)
			tc.break_(&p)
			_, err := Load(p, repairClock)
			require.Error(t, err, "the broken project must not load as is")
			fixed, notes := Repair(p)
			assert.Contains(t, strings.Join(notes, "\n"), tc.wantMsg)
			_, err = Load(fixed, repairClock)
			require.NoError(t, err, "the repaired project loads; notes: %v", notes)
			tc.check(t, fixed)
			assert.Equal(t, len(p.Annotations), len(fixed.Annotations)+len(fixed.Orphans), "nothing is dropped")
		})
	}
}

func TestRepairLeavesAValidProjectAlone(t *testing.T) {
	p := repairBase(t)
	fixed, notes := Repair(p)
	assert.Empty(t, notes)
	assert.Equal(t, p, fixed)
}

func TestOrphansSurviveLoadAndProject(t *testing.T) {
	p := repairBase(t)
	annByID(p, "a3").Quote = "the tunnel is flooded"
	fixed, _ := Repair(p)
	s, err := Load(fixed, repairClock)
	require.NoError(t, err)
	assert.Equal(t, fixed.Orphans, s.Project().Orphans)
	id, err := s.Add("d1", LabelCue, []text.Span{{Start: 2, End: 7}})
	require.NoError(t, err)
	assert.Equal(t, "a4", id, "new ids do not reuse an orphan's id")
	s.DropOrphans()
	assert.Empty(t, s.Project().Orphans)
}

// repairText has "Ana" twice, told apart only by what surrounds them, and
// a quote that holds QuoteJoiner itself.
const repairText = "😀 Intro. Ana said the bridge is unsafe. Later Ana said it again: wait … what."

// shifted is repairText after a line was put before it, long enough that
// the first "Ana" is now nearer the second's stored position.
var shifted = strings.Repeat("An added line of text before the article. ", 2) + "\n" + repairText

// spansOf returns the spans of the given (sub, nth occurrence) pairs in s.
func spansOf(t *testing.T, s string, subs ...any) []text.Span {
	t.Helper()
	var out []text.Span
	for i := 0; i < len(subs); i += 2 {
		out = append(out, spanOf(t, s, subs[i].(string), subs[i+1].(int)))
	}
	return out
}

func TestRepairFindsEachFragmentOfADiscontinuousAnnotationAgain(t *testing.T) {
	tests := []struct {
		name      string
		frags     []any  // (sub, nth) pairs in repairText: the annotation as made
		quote     string // "" for the quote the fragments read
		wantFrags []any  // (sub, nth) pairs in shifted; nil: becomes an orphan
		wantNote  string
	}{
		{
			name: "each fragment found by its quote", frags: []any{"the bridge", 0, "unsafe", 0},
			wantFrags: []any{"the bridge", 0, "unsafe", 0},
			wantNote:  `annotation "a1" ("the bridge … unsafe") was found again at %s (by quote, confidence 95%%; by quote, confidence 95%%)`,
		},
		{
			name: "the first fragment told apart by the text before it", frags: []any{"Ana", 1, "again", 0},
			wantFrags: []any{"Ana", 1, "again", 0},
			wantNote:  `annotation "a1" ("Ana … again") was found again at %s (by context, confidence 90%%; by quote, confidence 95%%)`,
		},
		{
			name: "the last fragment told apart by the text after it", frags: []any{"bridge", 0, "Ana", 1},
			wantFrags: []any{"bridge", 0, "Ana", 1},
			wantNote:  `annotation "a1" ("bridge … Ana") was found again at %s (by quote, confidence 95%%; by context, confidence 90%%)`,
		},
		{
			name: "one fragment whose quote holds the joiner stays one fragment", frags: []any{"wait … what", 0},
			wantFrags: []any{"wait … what", 0},
			wantNote:  `annotation "a1" ("wait … what") was found again at %s (by quote, confidence 95%%)`,
		},
		{
			name: "two fragments and a quote of one part become an orphan", frags: []any{"the bridge", 0, "unsafe", 0},
			quote:    "the bridge is unsafe",
			wantNote: `annotation "a1" ("the bridge is unsafe") could not be placed: its position does not fit the text and it has no quote to look for; it is kept under “Not placed”`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := New(DefaultSchema(), "", repairClock)
			doc, err := s.AddDocument("t", repairText)
			require.NoError(t, err)
			id, err := s.Add(doc, LabelClaim, spansOf(t, repairText, tt.frags...))
			require.NoError(t, err)
			p := s.Project()
			if tt.quote != "" {
				p.Annotations[0].Quote = tt.quote
			}
			p.Documents[0].Text = shifted

			fixed, notes := Repair(p)
			if tt.wantFrags == nil {
				require.Len(t, fixed.Orphans, 1)
				assert.Equal(t, []string{tt.wantNote}, notes)
				return
			}
			require.Len(t, fixed.Annotations, 1, "notes: %v", notes)
			a := fixed.Annotations[0]
			want := spansOf(t, shifted, tt.wantFrags...)
			assert.Equal(t, id, a.ID)
			assert.Equal(t, want, a.Fragments)
			assert.Equal(t, p.Annotations[0].Quote, a.Quote)
			assert.Equal(t, []string{fmt.Sprintf(tt.wantNote, fragmentsString(want))}, notes)
			_, err = Load(fixed, repairClock)
			require.NoError(t, err)
		})
	}
}

func TestRepairNumbersAnAnnotationWithoutAnIdAfterEveryOther(t *testing.T) {
	p := repairBase(t)
	annByID(p, "a1").ID = ""
	fixed, notes := Repair(p)
	assert.Equal(t, []string{
		`an annotation ("Ana") had no id; it is now "a4"`,
		`annotation "a3": its speaker mention "a1" is missing; the link was removed`,
	}, notes)
	var ids []string
	for _, a := range fixed.Annotations {
		ids = append(ids, a.ID)
	}
	assert.ElementsMatch(t, []string{"a2", "a3", "a4"}, ids, "the others keep their ids")
}

func TestRepairUsesWhatIsLeftOfAStoredPosition(t *testing.T) {
	tests := []struct {
		name      string
		frags     []any // (sub, nth) pairs in repairText
		breakIt   func(a *Annotation)
		wantFrags []any
		wantHow   string
	}{
		{
			name: "a fragment whose position still reads its part stays there", frags: []any{"Ana", 1, "again", 0},
			breakIt:   func(a *Annotation) { a.Fragments[1] = text.Span{Start: 0, End: 5} },
			wantFrags: []any{"Ana", 1, "again", 0},
			wantHow:   "by position, confidence 100%; by quote, confidence 95%",
		},
		{
			name: "an annotation without fragments is placed by its quote", frags: []any{"the bridge is unsafe", 0},
			breakIt:   func(a *Annotation) { a.Fragments = nil },
			wantFrags: []any{"the bridge is unsafe", 0},
			wantHow:   "by quote, confidence 95%",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := New(DefaultSchema(), "", repairClock)
			doc, err := s.AddDocument("t", repairText)
			require.NoError(t, err)
			_, err = s.Add(doc, LabelClaim, spansOf(t, repairText, tt.frags...))
			require.NoError(t, err)
			p := s.Project()
			tt.breakIt(&p.Annotations[0])

			fixed, notes := Repair(p)
			require.Len(t, fixed.Annotations, 1, "notes: %v", notes)
			want := spansOf(t, repairText, tt.wantFrags...)
			assert.Equal(t, want, fixed.Annotations[0].Fragments)
			require.Len(t, notes, 1)
			assert.Equal(t, fmt.Sprintf(" at %s (%s)", fragmentsString(want), tt.wantHow), notes[0][strings.Index(notes[0], " at "):])
		})
	}
}

func TestDroppingOrphansIsAChangeToSaveOnlyWhenThereWereSome(t *testing.T) {
	p := repairBase(t)
	annByID(p, "a3").Quote = "the tunnel is flooded"
	fixed, _ := Repair(p)
	s, err := Load(fixed, repairClock)
	require.NoError(t, err)
	require.Len(t, s.Orphans(), 1)
	s.TakeTouched()

	before := s.Revision()
	s.DropOrphans()
	assert.Greater(t, s.Revision(), before, "the project changed: autosave must see a newer revision")
	records, all := s.TakeTouched()
	assert.False(t, all)
	assert.Equal(t, []string{MetaRecord}, records)

	before = s.Revision()
	s.DropOrphans()
	assert.Equal(t, before, s.Revision(), "nothing to drop, nothing to save")
	records, _ = s.TakeTouched()
	assert.Empty(t, records)
}
