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
// (a slice per speaker in a map): the reference buildListRows, which runs
// after every change and avoids both, must agree with.
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
