package app

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
)

// groupRowsPlainly is the side list's grouping written the obvious way
// (a slice per speaker in a map): the reference the side list's groups,
// kept up to date change by change (listIndex), must agree with.
func groupRowsPlainly(st *State) []ListRow {
	anns := st.Store.Annotations(st.Doc)
	if len(anns) == 0 {
		return nil
	}
	bySpeaker := map[string][]*annotation.Annotation{}
	var unattributed, cues []*annotation.Annotation
	for _, a := range anns {
		switch {
		case a.Speaker != "":
			bySpeaker[a.Speaker] = append(bySpeaker[a.Speaker], a)
		case a.Label == annotation.LabelCue:
			cues = append(cues, a)
		default:
			unattributed = append(unattributed, a)
		}
	}
	var rows []ListRow
	group := func(speaker bool, title, count string, items []*annotation.Annotation) {
		rows = append(rows, ListRow{Speaker: speaker, Title: title, Count: count})
		for _, a := range items {
			rows = append(rows, ListRow{Annotation: a})
		}
	}
	for _, sp := range st.Store.Speakers() {
		if items := bySpeaker[sp.ID]; len(items) > 0 {
			group(true, sp.Name, plural(CountLabel(items, annotation.LabelClaim), "claim"), items)
		}
	}
	if len(unattributed) > 0 {
		group(false, "No speaker yet", plural(len(unattributed), "annotation"), unattributed)
	}
	if len(cues) > 0 {
		group(false, "Cues", plural(len(cues), "cue"), cues)
	}
	return rows
}

func TestListRowsGroupLikeThePlainGroupingAfterRandomEdits(t *testing.T) {
	names := []string{"Okafor", "Wang Wen", "Li Qiang", "Maria Silva", "the mayor"}
	var body strings.Builder
	for i := range 300 {
		fmt.Fprintf(&body, "%s said the plan would work, and %s disagreed.\n", names[i%len(names)], names[(i+2)%len(names)])
	}
	text := body.String()
	n := len([]rune(text))
	// Every name in the text, as code point spans.
	var mentions []Selection
	for _, name := range names {
		for from := 0; ; {
			i := strings.Index(text[from:], name)
			if i < 0 {
				break
			}
			start := len([]rune(text[:from+i]))
			mentions = append(mentions, Selection{Start: start, End: start + len([]rune(name))})
			from += i + len(name)
		}
	}
	for _, seed := range []uint64{1, 2, 3} {
		t.Run(fmt.Sprintf("seed %d", seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 29))
			st := NewState(fixedClock)
			Step(st, Paste{Title: "Speakers", Text: text})
			pick := func(label string) string {
				var ids []string
				for _, a := range st.Store.Annotations(st.Doc) {
					if label == "" || a.Label == label {
						ids = append(ids, a.ID)
					}
				}
				if len(ids) == 0 {
					return ""
				}
				return ids[rng.IntN(len(ids))]
			}
			for step := range 400 {
				var a Action
				switch k := rng.IntN(12); {
				case k < 3:
					start := rng.IntN(n - 30)
					a = Tag{Label: annotation.LabelClaim, Sel: Selection{Start: start, End: start + 5 + rng.IntN(25)}}
				case k < 5:
					// A speaker's name: a mention, joining or making an entity.
					m := mentions[rng.IntN(len(mentions))]
					a = Tag{Label: annotation.LabelSpeaker, Sel: m}
				case k < 6:
					start := rng.IntN(n - 10)
					a = Tag{Label: annotation.LabelCue, Sel: Selection{Start: start, End: start + 4}}
				case k < 8:
					Step(st, Select{ID: pick(annotation.LabelClaim)})
					a = LinkNearest{}
				case k < 9:
					Step(st, Select{ID: pick(annotation.LabelSpeaker)})
					a = RenameSpeaker{Name: names[rng.IntN(len(names))] + fmt.Sprint(rng.IntN(3))}
				case k < 10:
					Step(st, Select{ID: pick("")})
					a = Delete{}
				case k < 11:
					a = Undo{}
				default:
					a = Redo{}
				}
				Step(st, a)
				require.Equal(t, groupRowsPlainly(st), st.ListRows(), "step %d (%T)", step, a)
			}
			require.NotEmpty(t, st.Store.Speakers(), "the edits made speakers")
		})
	}
}

// TestListIndexMovesOnlyWhatAChangeTouched holds the side list's groups,
// kept up to date change by change, to the plain grouping, and checks
// that a change of one annotation (a tag, a stance, a link, a delete,
// their undo and redo) moves that annotation alone instead of grouping
// every annotation again; a speaker renamed regroups.
func TestListIndexMovesOnlyWhatAChangeTouched(t *testing.T) {
	st := NewState(fixedClock)
	var body strings.Builder
	for i := range 200 {
		fmt.Fprintf(&body, "Okafor said the plan %d would work, and Wang Wen disagreed.\n", i)
	}
	Step(st, Paste{Title: "Speakers", Text: body.String()})
	text := []rune(body.String())
	at := func(s string, from int) Selection {
		i := strings.Index(string(text[from:]), s)
		require.GreaterOrEqual(t, i, 0)
		start := from + len([]rune(string(text[from:])[:i]))
		return Selection{Start: start, End: start + len([]rune(s))}
	}
	Step(st, Tag{Label: annotation.LabelSpeaker, Sel: at("Okafor", 0)})
	Step(st, Tag{Label: annotation.LabelClaim, Sel: at("the plan 0 would work", 0)})
	Step(st, LinkNearest{})
	st.ListRows()
	base := st.list.index.rebuilds
	steps := []struct {
		name    string
		act     func()
		regroup bool
	}{
		{"a claim tagged", func() { Step(st, Tag{Label: annotation.LabelClaim, Sel: at("the plan 5 would work", 0)}) }, false},
		{"its stance set", func() { Step(st, SetStanceIndex{N: 2}) }, false},
		{"linked to the nearest speaker", func() { Step(st, LinkNearest{}) }, false},
		{"a cue tagged", func() { Step(st, Tag{Label: annotation.LabelCue, Sel: at("said", 300)}) }, false},
		{"a mention of a new speaker", func() { Step(st, Tag{Label: annotation.LabelSpeaker, Sel: at("Wang Wen", 500)}) }, false},
		{"undone", func() { Step(st, Undo{}) }, false},
		{"redone", func() { Step(st, Redo{}) }, false},
		{"the claim deleted", func() {
			Step(st, Select{ID: st.Store.Annotations(st.Doc)[1].ID})
			Step(st, Delete{})
		}, false},
		{"a speaker renamed", func() {
			Step(st, Select{ID: st.Store.Annotations(st.Doc)[0].ID})
			Step(st, RenameSpeaker{Name: "Zed Okafor"})
		}, true},
	}
	for _, s := range steps {
		s.act()
		require.Equal(t, groupRowsPlainly(st), st.ListRows(), s.name)
		for i, r := range st.ListRows() {
			require.Equal(t, r, st.ListRow(i), "%s: row %d", s.name, i)
			if r.Annotation != nil {
				require.Equal(t, i, st.ListRowOf(r.Annotation.ID), "%s: the row of %s", s.name, r.Annotation.ID)
			}
		}
		if s.regroup {
			require.Greater(t, st.list.index.rebuilds, base, "%s regroups", s.name)
		} else {
			require.Equal(t, base, st.list.index.rebuilds, "%s moves its annotation alone", s.name)
		}
		base = st.list.index.rebuilds
	}
}
