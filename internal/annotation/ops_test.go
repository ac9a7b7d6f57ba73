package annotation

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"sayso/internal/text"
)

const sceneText = "Wang Wen said the talks were useful. Li Qiang noted that tariffs hurt. Zhang San told reporters nothing."

// scene is a small annotated project: Wang Wen's claim linked to its
// mention and cue with a stance, Li Qiang's mention and cue with an unlinked
// claim, and a mention in a second document.
type scene struct {
	s                          *Store
	doc, doc2                  string
	m1, q1, c1, m2, q2, c2, m3 string
	s1, s2, s3                 string
}

func newScene(t *testing.T) *scene {
	t.Helper()
	s, doc := newTestStore(t, "Trade talks", sceneText)
	sc := &scene{s: s, doc: doc}
	sc.m1 = mustAdd(t, s, doc, LabelSpeaker, sceneText, "Wang Wen", 0)
	sc.q1 = mustAdd(t, s, doc, LabelCue, sceneText, "said", 0)
	sc.c1 = mustAdd(t, s, doc, LabelClaim, sceneText, "the talks were useful", 0)
	sc.m2 = mustAdd(t, s, doc, LabelSpeaker, sceneText, "Li Qiang", 0)
	sc.q2 = mustAdd(t, s, doc, LabelCue, sceneText, "noted", 0)
	sc.c2 = mustAdd(t, s, doc, LabelClaim, sceneText, "tariffs hurt", 0)
	require.NoError(t, s.LinkMention(sc.c1, sc.m1))
	require.NoError(t, s.LinkCue(sc.c1, sc.q1))
	require.NoError(t, s.SetStance(sc.c1, "favor"))
	other := "Zhao Lei said hello."
	var err error
	sc.doc2, err = s.AddDocument("Other", other)
	require.NoError(t, err)
	sc.m3 = mustAdd(t, s, sc.doc2, LabelSpeaker, other, "Zhao Lei", 0)
	sc.s1, sc.s2, sc.s3 = ann(t, s, sc.m1).Speaker, ann(t, s, sc.m2).Speaker, ann(t, s, sc.m3).Speaker
	require.Equal(t, []string{"s1", "s2", "s3"}, []string{sc.s1, sc.s2, sc.s3})
	checkInvariants(t, s)
	s.TakeDirty()
	return sc
}

func TestDeleteMentionUnlinksClaimsAndKeepsTheirSpeaker(t *testing.T) {
	sc := newScene(t)
	s := sc.s
	before := s.Project()

	require.NoError(t, s.Delete(sc.m1))
	_, ok := s.Annotation(sc.m1)
	require.False(t, ok)
	c1 := ann(t, s, sc.c1)
	require.Empty(t, c1.SpeakerMention, "the claim no longer names the deleted mention")
	require.Equal(t, sc.s1, c1.Speaker, "the claim is still attributed to the entity")
	require.Equal(t, sc.q1, c1.Cue)
	_, ok = s.Speaker(sc.s1)
	require.True(t, ok, "the entity is still used by the claim")
	checkInvariants(t, s)

	name, err := s.Undo()
	require.NoError(t, err)
	require.Equal(t, "delete speaker", name)
	require.Equal(t, before, s.Project(), "one undo restores the mention and the claim's link")
}

func TestDeleteCueUnlinksClaims(t *testing.T) {
	sc := newScene(t)
	s := sc.s
	before := s.Project()
	require.NoError(t, s.Delete(sc.q1))
	require.Empty(t, ann(t, s, sc.c1).Cue)
	require.Equal(t, sc.m1, ann(t, s, sc.c1).SpeakerMention)
	checkInvariants(t, s)
	_, err := s.Undo()
	require.NoError(t, err)
	require.Equal(t, before, s.Project())
}

func TestDeleteLastMentionDropsTheOrphanSpeaker(t *testing.T) {
	sc := newScene(t)
	s := sc.s
	before := s.Project()
	require.NoError(t, s.Delete(sc.m2))
	_, ok := s.Speaker(sc.s2)
	require.False(t, ok, "Li Qiang has no mention and no claim left")
	checkInvariants(t, s)

	_, ok = s.CanUndo()
	require.True(t, ok)
	_, err := s.Undo()
	require.NoError(t, err)
	require.Equal(t, before, s.Project(), "one undo brings back mention and speaker")
}

func TestDeleteLastReferenceToASpeakerDropsIt(t *testing.T) {
	sc := newScene(t)
	s := sc.s
	require.NoError(t, s.Delete(sc.m1)) // c1 still refers to s1
	before := s.Project()
	require.NoError(t, s.Delete(sc.c1))
	_, ok := s.Speaker(sc.s1)
	require.False(t, ok)
	checkInvariants(t, s)
	_, err := s.Undo()
	require.NoError(t, err)
	require.Equal(t, before, s.Project())
}

func TestDeleteMentionSharedWithAnotherMentionKeepsTheSpeaker(t *testing.T) {
	s, doc := newTestStore(t, "T", proposalText)
	m1 := mustAdd(t, s, doc, LabelSpeaker, proposalText, "Wang Wen", 0)
	m2 := mustAdd(t, s, doc, LabelSpeaker, proposalText, "Wang Wen", 1)
	sp := ann(t, s, m1).Speaker
	require.Equal(t, sp, ann(t, s, m2).Speaker)
	require.NoError(t, s.Delete(m1))
	_, ok := s.Speaker(sp)
	require.True(t, ok)
}

func TestDeleteUnknownAnnotationFails(t *testing.T) {
	sc := newScene(t)
	before, rev := sc.s.Project(), sc.s.Revision()
	require.ErrorIs(t, sc.s.Delete("a99"), ErrNotFound)
	require.Equal(t, before, sc.s.Project())
	require.Equal(t, rev, sc.s.Revision())
}

// TestEveryOperationUndoesAndRedoesExactly runs each operation on the
// scene, checks its effect, then that Undo restores exactly the project
// before it and Redo exactly the project after it.
func TestEveryOperationUndoesAndRedoesExactly(t *testing.T) {
	tests := []struct {
		name  string
		undo  string // the change's name
		op    func(sc *scene) error
		check func(t *testing.T, sc *scene)
	}{
		{"add claim", "add claim", func(sc *scene) error {
			_, err := sc.s.Add(sc.doc, LabelClaim, []text.Span{spanOf(t, sceneText, "nothing", 0)})
			return err
		}, nil},
		{"add speaker with a new name", "add speaker", func(sc *scene) error {
			_, err := sc.s.Add(sc.doc, LabelSpeaker, []text.Span{spanOf(t, sceneText, "Zhang San", 0)})
			return err
		}, func(t *testing.T, sc *scene) { require.Len(t, sc.s.Speakers(), 4) }},
		{"add speaker reusing a name", "add speaker", func(sc *scene) error {
			_, err := sc.s.Add(sc.doc2, LabelSpeaker, []text.Span{{Start: 0, End: 8}})
			return err
		}, func(t *testing.T, sc *scene) { require.Len(t, sc.s.Speakers(), 3) }},
		{"add discontinuous cue", "add cue", func(sc *scene) error {
			_, err := sc.s.Add(sc.doc, LabelCue, []text.Span{spanOf(t, sceneText, "told", 0), spanOf(t, sceneText, "nothing", 0)})
			return err
		}, nil},
		{"delete claim", "delete claim", func(sc *scene) error { return sc.s.Delete(sc.c1) }, nil},
		{"delete linked mention", "delete speaker", func(sc *scene) error { return sc.s.Delete(sc.m1) }, nil},
		{"delete linked cue", "delete cue", func(sc *scene) error { return sc.s.Delete(sc.q1) }, nil},
		{"delete sole mention", "delete speaker", func(sc *scene) error { return sc.s.Delete(sc.m3) },
			func(t *testing.T, sc *scene) { _, ok := sc.s.Speaker(sc.s3); require.False(t, ok) }},
		{"set stance", "set stance", func(sc *scene) error { return sc.s.SetStance(sc.c2, "against") },
			func(t *testing.T, sc *scene) { require.Equal(t, "against", ann(t, sc.s, sc.c2).Stance) }},
		{"clear stance", "set stance", func(sc *scene) error { return sc.s.SetStance(sc.c1, "") },
			func(t *testing.T, sc *scene) { require.Empty(t, ann(t, sc.s, sc.c1).Stance) }},
		{"set target", "set target", func(sc *scene) error { return sc.s.SetTarget(sc.c1, "the summit") },
			func(t *testing.T, sc *scene) { require.Equal(t, "the summit", ann(t, sc.s, sc.c1).Target) }},
		{"set note on a speaker", "set note", func(sc *scene) error { return sc.s.SetNote(sc.m1, "dean <b>") },
			func(t *testing.T, sc *scene) { require.Equal(t, "dean <b>", ann(t, sc.s, sc.m1).Note) }},
		{"link mention", "link speaker", func(sc *scene) error { return sc.s.LinkMention(sc.c2, sc.m2) },
			func(t *testing.T, sc *scene) {
				c2 := ann(t, sc.s, sc.c2)
				require.Equal(t, []string{sc.m2, sc.s2}, []string{c2.SpeakerMention, c2.Speaker})
			}},
		{"relink mention", "link speaker", func(sc *scene) error { return sc.s.LinkMention(sc.c1, sc.m2) },
			func(t *testing.T, sc *scene) { require.Equal(t, sc.s2, ann(t, sc.s, sc.c1).Speaker) }},
		{"unlink mention", "link speaker", func(sc *scene) error { return sc.s.LinkMention(sc.c1, "") },
			func(t *testing.T, sc *scene) {
				c1 := ann(t, sc.s, sc.c1)
				require.Empty(t, c1.SpeakerMention+c1.Speaker)
				_, ok := sc.s.Speaker(sc.s1)
				require.True(t, ok, "still mentioned")
			}},
		{"set claim speaker", "set speaker", func(sc *scene) error { return sc.s.SetClaimSpeaker(sc.c1, sc.s3) },
			func(t *testing.T, sc *scene) {
				c1 := ann(t, sc.s, sc.c1)
				require.Equal(t, sc.s3, c1.Speaker)
				require.Empty(t, c1.SpeakerMention, "the mention names another speaker")
			}},
		{"set speaker of an unlinked claim", "set speaker", func(sc *scene) error { return sc.s.SetClaimSpeaker(sc.c2, sc.s2) },
			func(t *testing.T, sc *scene) { require.Equal(t, sc.s2, ann(t, sc.s, sc.c2).Speaker) }},
		{"clear claim speaker", "set speaker", func(sc *scene) error { return sc.s.SetClaimSpeaker(sc.c1, "") },
			func(t *testing.T, sc *scene) {
				require.Empty(t, ann(t, sc.s, sc.c1).Speaker+ann(t, sc.s, sc.c1).SpeakerMention)
			}},
		{"link cue", "link cue", func(sc *scene) error { return sc.s.LinkCue(sc.c2, sc.q2) },
			func(t *testing.T, sc *scene) { require.Equal(t, sc.q2, ann(t, sc.s, sc.c2).Cue) }},
		{"unlink cue", "link cue", func(sc *scene) error { return sc.s.LinkCue(sc.c1, "") },
			func(t *testing.T, sc *scene) { require.Empty(t, ann(t, sc.s, sc.c1).Cue) }},
		{"set mention speaker", "set mention speaker", func(sc *scene) error { return sc.s.SetMentionSpeaker(sc.m1, sc.s2) },
			func(t *testing.T, sc *scene) {
				require.Equal(t, sc.s2, ann(t, sc.s, sc.m1).Speaker)
				require.Equal(t, sc.s2, ann(t, sc.s, sc.c1).Speaker, "the linked claim follows its mention")
				_, ok := sc.s.Speaker(sc.s1)
				require.False(t, ok, "Wang Wen is left without mention or claim")
			}},
		{"new speaker for mention", "new speaker", func(sc *scene) error {
			id, err := sc.s.NewSpeakerForMention(sc.m1, "  Wang Wen, dean  ")
			if err == nil && id != "s4" {
				return fmt.Errorf("new speaker id %q, want s4", id)
			}
			return err
		}, func(t *testing.T, sc *scene) {
			sp, ok := sc.s.Speaker("s4")
			require.True(t, ok)
			require.Equal(t, "Wang Wen, dean", sp.Name)
			require.Equal(t, "s4", ann(t, sc.s, sc.c1).Speaker)
			_, ok = sc.s.Speaker(sc.s1)
			require.False(t, ok)
		}},
		{"rename speaker", "rename speaker", func(sc *scene) error { return sc.s.RenameSpeaker(sc.s1, "  Prof. Wang Wen ") },
			func(t *testing.T, sc *scene) {
				sp, _ := sc.s.Speaker(sc.s1)
				require.Equal(t, "Prof. Wang Wen", sp.Name)
			}},
		{"set topic", "set topic", func(sc *scene) error { return sc.s.SetTopic(sc.doc, "tariffs") },
			func(t *testing.T, sc *scene) {
				d, _, _ := sc.s.Document(sc.doc)
				require.Equal(t, "tariffs", d.Topic)
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc := newScene(t)
			s := sc.s
			before := s.Project()
			require.NoError(t, tt.op(sc))
			after := s.Project()
			require.NotEqual(t, before, after)
			if tt.check != nil {
				tt.check(t, sc)
			}
			checkInvariants(t, s)
			name, ok := s.CanUndo()
			require.True(t, ok)
			require.Equal(t, tt.undo, name)

			name, err := s.Undo()
			require.NoError(t, err)
			require.Equal(t, tt.undo, name)
			require.Equal(t, before, s.Project(), "undo")
			checkInvariants(t, s)
			name, ok = s.CanRedo()
			require.True(t, ok)
			require.Equal(t, tt.undo, name)

			name, err = s.Redo()
			require.NoError(t, err)
			require.Equal(t, tt.undo, name)
			require.Equal(t, after, s.Project(), "redo")
			checkInvariants(t, s)

			_, err = s.Undo()
			require.NoError(t, err)
			require.Equal(t, before, s.Project(), "undo after redo")
		})
	}
}

func TestFailedOperationsChangeNothing(t *testing.T) {
	tests := []struct {
		name string
		op   func(sc *scene) error
		want error
	}{
		{"stance not in the schema", func(sc *scene) error { return sc.s.SetStance(sc.c1, "maybe") }, ErrInvalid},
		{"stance on a speaker", func(sc *scene) error { return sc.s.SetStance(sc.m1, "favor") }, ErrWrongLabel},
		{"stance on a missing claim", func(sc *scene) error { return sc.s.SetStance("a99", "favor") }, ErrNotFound},
		{"target on a cue", func(sc *scene) error { return sc.s.SetTarget(sc.q1, "x") }, ErrWrongLabel},
		{"note on a missing annotation", func(sc *scene) error { return sc.s.SetNote("a99", "x") }, ErrNotFound},
		{"link a claim to a cue as mention", func(sc *scene) error { return sc.s.LinkMention(sc.c1, sc.q1) }, ErrWrongLabel},
		{"link a claim to a missing mention", func(sc *scene) error { return sc.s.LinkMention(sc.c1, "a99") }, ErrWrongLabel},
		{"link a claim to another document's mention", func(sc *scene) error { return sc.s.LinkMention(sc.c1, sc.m3) }, ErrWrongLabel},
		{"link a mention as if it were a claim", func(sc *scene) error { return sc.s.LinkMention(sc.m2, sc.m1) }, ErrWrongLabel},
		{"claim speaker that does not exist", func(sc *scene) error { return sc.s.SetClaimSpeaker(sc.c1, "s99") }, ErrNotFound},
		{"claim speaker on a mention", func(sc *scene) error { return sc.s.SetClaimSpeaker(sc.m1, sc.s2) }, ErrWrongLabel},
		{"link a claim to a mention as cue", func(sc *scene) error { return sc.s.LinkCue(sc.c1, sc.m1) }, ErrWrongLabel},
		{"link a claim to a missing cue", func(sc *scene) error { return sc.s.LinkCue(sc.c1, "a99") }, ErrWrongLabel},
		{"mention speaker on a claim", func(sc *scene) error { return sc.s.SetMentionSpeaker(sc.c1, sc.s2) }, ErrWrongLabel},
		{"mention speaker that does not exist", func(sc *scene) error { return sc.s.SetMentionSpeaker(sc.m1, "s99") }, ErrNotFound},
		{"new speaker with an empty name", func(sc *scene) error { _, err := sc.s.NewSpeakerForMention(sc.m1, " \t"); return err }, ErrInvalid},
		{"new speaker for a cue", func(sc *scene) error { _, err := sc.s.NewSpeakerForMention(sc.q1, "X"); return err }, ErrWrongLabel},
		{"rename to an empty name", func(sc *scene) error { return sc.s.RenameSpeaker(sc.s1, "  ") }, ErrInvalid},
		{"rename a missing speaker", func(sc *scene) error { return sc.s.RenameSpeaker("s99", "X") }, ErrNotFound},
		{"topic of a missing document", func(sc *scene) error { return sc.s.SetTopic("d99", "X") }, ErrNotFound},
		{"add to a missing document", func(sc *scene) error {
			_, err := sc.s.Add("d99", LabelClaim, []text.Span{{Start: 0, End: 1}})
			return err
		}, ErrNotFound},
		{"empty document", func(sc *scene) error { _, err := sc.s.AddDocument("Empty", " \r\n\t"); return err }, ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc := newScene(t)
			s := sc.s
			_, err := s.Undo() // leave something to redo too
			require.NoError(t, err)
			s.TakeDirty()
			before, rev := s.Project(), s.Revision()
			undoName, _ := s.CanUndo()
			redoName, _ := s.CanRedo()

			require.ErrorIs(t, tt.op(sc), tt.want)
			require.Equal(t, before, s.Project())
			require.Equal(t, rev, s.Revision())
			require.Empty(t, s.TakeDirty())
			n, _ := s.CanUndo()
			require.Equal(t, undoName, n)
			n, _ = s.CanRedo()
			require.Equal(t, redoName, n, "a failed operation keeps the redo stack")
		})
	}
}

func TestUndoAndRedoWithNothingToDoFail(t *testing.T) {
	s, _ := newTestStore(t, "T", mixedText)
	_, err := s.Undo()
	require.ErrorIs(t, err, ErrNothingToUndo)
	_, err = s.Redo()
	require.ErrorIs(t, err, ErrNothingToUndo)
	_, ok := s.CanUndo()
	require.False(t, ok)
	_, ok = s.CanRedo()
	require.False(t, ok)
}

func TestNewChangeClearsRedo(t *testing.T) {
	sc := newScene(t)
	_, err := sc.s.Undo()
	require.NoError(t, err)
	_, ok := sc.s.CanRedo()
	require.True(t, ok)
	require.NoError(t, sc.s.SetNote(sc.c2, "x"))
	_, ok = sc.s.CanRedo()
	require.False(t, ok)
}

func TestRevisionCountsEveryChangeUndoAndRedo(t *testing.T) {
	s := New(DefaultSchema(), "", fixedClock)
	rev := s.Revision()
	step := func(what string, err error) {
		t.Helper()
		require.NoError(t, err, what)
		require.Greater(t, s.Revision(), rev, "%s must change the revision", what)
		rev = s.Revision()
	}
	doc, err := s.AddDocument("T", sceneText)
	step("adding a document", err)
	id, err := s.Add(doc, LabelClaim, []text.Span{{Start: 0, End: 4}})
	step("add", err)
	step("set stance", s.SetStance(id, "favor"))
	s.SetAnnotator("someone")
	step("setting the annotator", nil)
	s.SetAnnotator("someone")
	require.Equal(t, rev, s.Revision(), "the same annotator again is no change")
	_, err = s.Undo()
	step("undo", err)
	_, err = s.Redo()
	step("redo", err)

	require.Error(t, s.SetStance(id, "maybe"))
	require.Equal(t, rev, s.Revision(), "a failed operation is no change")
}

func TestTimestampsAreUTCAndUndoRestoresModified(t *testing.T) {
	now := time.Date(2026, 3, 1, 10, 0, 0, 0, time.FixedZone("CET", 3600))
	s := New(DefaultSchema(), "ann", func() time.Time { return now })
	doc, err := s.AddDocument("T", sceneText)
	require.NoError(t, err)
	id, err := s.Add(doc, LabelClaim, []text.Span{{Start: 0, End: 4}})
	require.NoError(t, err)
	require.Equal(t, "2026-03-01T09:00:00Z", ann(t, s, id).Created)

	now = now.Add(time.Hour)
	s.SetAnnotator("other")
	require.Equal(t, "other", s.Annotator())
	require.NoError(t, s.SetStance(id, "favor"))
	a := ann(t, s, id)
	require.Equal(t, "2026-03-01T09:00:00Z", a.Created)
	require.Equal(t, "2026-03-01T10:00:00Z", a.Modified)
	require.Equal(t, "ann", a.Annotator, "the annotator is who made the annotation")

	_, err = s.Undo()
	require.NoError(t, err)
	require.Equal(t, "2026-03-01T09:00:00Z", ann(t, s, id).Modified)
}

func TestNearestMention(t *testing.T) {
	const body = "Wang Wen said A. Li Qiang noted B, and C, said Zhang San."
	tests := []struct {
		name     string
		mentions []string // speaker mentions to add, by text
		claim    string
		want     string // text of the expected mention, "" for none
	}{
		{"nearest earlier mention", []string{"Wang Wen", "Li Qiang"}, "C", "Li Qiang"},
		{"earlier rather than later", []string{"Wang Wen", "Zhang San"}, "B", "Wang Wen"},
		{"later when none is earlier", []string{"Zhang San"}, "B", "Zhang San"},
		{"the first later one", []string{"Zhang San", "Li Qiang"}, "A", "Li Qiang"},
		{"a mention inside the claim when none is earlier", []string{"Wang Wen"}, "Wang Wen said A", "Wang Wen"},
		{"no mention", nil, "B", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, doc := newTestStore(t, "T", body)
			byText := map[string]string{}
			for _, m := range tt.mentions {
				byText[mustAdd(t, s, doc, LabelSpeaker, body, m, 0)] = m
			}
			mustAdd(t, s, doc, LabelCue, body, "said", 0) // not a mention
			claim := mustAdd(t, s, doc, LabelClaim, body, tt.claim, 0)
			got, ok := s.NearestMention(claim)
			require.Equal(t, tt.want != "", ok)
			require.Equal(t, tt.want, byText[got])
		})
	}
	s, _ := newTestStore(t, "T", body)
	_, ok := s.NearestMention("a99")
	require.False(t, ok)
}

func TestNearestMentionIgnoresOtherDocuments(t *testing.T) {
	sc := newScene(t)
	c, err := sc.s.Add(sc.doc2, LabelClaim, []text.Span{{Start: 14, End: 19}})
	require.NoError(t, err)
	got, ok := sc.s.NearestMention(c)
	require.True(t, ok)
	require.Equal(t, sc.m3, got)
}

func TestSetClaimSpeakerKeepsAMentionOfTheSameSpeaker(t *testing.T) {
	sc := newScene(t)
	require.NoError(t, sc.s.SetClaimSpeaker(sc.c1, sc.s1))
	require.Equal(t, sc.m1, ann(t, sc.s, sc.c1).SpeakerMention)
}

func TestSpeakerUseCountsMentionsAndClaims(t *testing.T) {
	sc := newScene(t)
	m, c := sc.s.SpeakerUse(sc.s1)
	require.Equal(t, []int{1, 1}, []int{m, c})
	m, c = sc.s.SpeakerUse(sc.s2)
	require.Equal(t, []int{1, 0}, []int{m, c})
	m, c = sc.s.SpeakerUse("s99")
	require.Equal(t, []int{0, 0}, []int{m, c})
}

func TestSpeakerByNameAndOrder(t *testing.T) {
	sc := newScene(t)
	sp, ok := sc.s.SpeakerByName("  li   QIANG ")
	require.True(t, ok)
	require.Equal(t, sc.s2, sp.ID)
	_, ok = sc.s.SpeakerByName("Li")
	require.False(t, ok)
	var names []string
	for _, sp := range sc.s.Speakers() {
		names = append(names, sp.Name)
	}
	require.Equal(t, []string{"Li Qiang", "Wang Wen", "Zhao Lei"}, names, "speakers are ordered by name")
}

// NearestMention takes the nearest mention starting before the claim; one
// that starts where the claim starts (inside it) is not before it.
func TestNearestMentionIsOneStartingBeforeTheClaim(t *testing.T) {
	const body = "Ann Lee spoke. Bob Ray said the port will close."
	tests := []struct {
		name    string
		claim   string
		mention []string // mentions tagged, in order
		want    int      // index in mention of the expected one
	}{
		{"one before, one at the claim's start", "Bob Ray said the port will close", []string{"Ann Lee", "Bob Ray"}, 0},
		{"only one at the claim's start: the nearest after", "Bob Ray said the port will close", []string{"Bob Ray"}, 0},
		{"one before", "the port will close", []string{"Ann Lee", "Bob Ray"}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, doc := newTestStore(t, "t", body)
			var ids []string
			for _, m := range tt.mention {
				ids = append(ids, mustAdd(t, s, doc, LabelSpeaker, body, m, 0))
			}
			c := mustAdd(t, s, doc, LabelClaim, body, tt.claim, 0)
			got, ok := s.NearestMention(c)
			require.True(t, ok)
			require.Equal(t, ids[tt.want], got)
		})
	}
}
