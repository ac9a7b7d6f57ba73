package annotation

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/text"
)

// rumourScene is the scene with a custom label "rumour" used once in each
// document.
func rumourScene(t *testing.T) (sc *scene, r1, r2 string) {
	t.Helper()
	sc = newScene(t)
	s := sc.s
	require.NoError(t, s.AddLabel(Label{Name: "Rumour", Color: "#aa5500", Key: "r"}))
	r1 = mustAdd(t, s, sc.doc, "rumour", sceneText, "told reporters", 0)
	r2 = mustAdd(t, s, sc.doc2, "rumour", "Zhao Lei said hello.", "hello", 0)
	require.NoError(t, s.SetNote(r1, "unconfirmed"))
	s.TakeDirty()
	return sc, r1, r2
}

func labelIDs(s *Store) []string {
	var ids []string
	for _, l := range s.Schema().Labels {
		ids = append(ids, l.ID)
	}
	return ids
}

func TestAddLabelFillsInWhatIsLeftOut(t *testing.T) {
	tests := []struct {
		name string
		in   Label
		want Label
	}{
		{"id from the name, first free palette colour, no key",
			Label{Name: "  Rhetorical question "},
			Label{ID: "rhetorical-question", Name: "Rhetorical question", Color: "#e07a5f"}},
		{"accents are dropped from the id",
			Label{Name: "Évidence ÇA_va", Color: "#ABCDEF", Key: "E"},
			Label{ID: "evidence-ca-va", Name: "Évidence ÇA_va", Color: "#abcdef", Key: "e"}},
		{"combining accents too",
			Label{Name: "Cafe\u0301 2", Key: "é"},
			Label{ID: "cafe-2", Name: "Cafe\u0301 2", Color: "#e07a5f", Key: "é"}},
		{"a name without Latin letters gets the id label",
			Label{Name: "教育 😀"},
			Label{ID: "label", Name: "教育 😀", Color: "#e07a5f"}},
		{"a derived id that is taken gets a number",
			Label{Name: "Claim!"},
			Label{ID: "claim-2", Name: "Claim!", Color: "#e07a5f"}},
		{"a given id is kept",
			Label{ID: "q-2", Name: "Question", Color: "#112233", Key: "w"},
			Label{ID: "q-2", Name: "Question", Color: "#112233", Key: "w"}},
		{"a name opening with punctuation gets no leading hyphen",
			Label{Name: "¿Por qué? "},
			Label{ID: "por-que", Name: "¿Por qué?", Color: "#e07a5f"}},
		{"the last letter and the digits at both ends are kept in a derived id",
			Label{Name: "z 0 9"},
			Label{ID: "z-0-9", Name: "z 0 9", Color: "#e07a5f"}},
		{"a given id of the last letter and the digits at both ends is kept",
			Label{ID: "z-09", Name: "Zed"},
			Label{ID: "z-09", Name: "Zed", Color: "#e07a5f"}},
		{"a key of white space is no key",
			Label{Name: "Aside", Key: " "},
			Label{ID: "aside", Name: "Aside", Color: "#e07a5f"}},
		{"a non-Latin key",
			Label{Name: "Aside", Key: "ж"},
			Label{ID: "aside", Name: "Aside", Color: "#e07a5f", Key: "ж"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc := newScene(t)
			s := sc.s
			before := s.Project()
			require.NoError(t, s.AddLabel(tt.in))
			labels := s.Schema().Labels
			require.Len(t, labels, 4)
			require.Equal(t, tt.want, labels[3], "the new label is last")
			requireUndoRedoExact(t, s, "add label", before)
		})
	}
}

func TestAddLabelPicksAColourNoLabelHas(t *testing.T) {
	s, _ := newTestStore(t, "T", "Some text.")
	for i, want := range labelPalette[:3] {
		require.NoError(t, s.AddLabel(Label{Name: string(rune('A' + i))}))
		require.Equal(t, want, s.Schema().Labels[3+i].Color)
	}
}

func TestAddedLabelCanBeUsed(t *testing.T) {
	sc, r1, r2 := rumourScene(t)
	require.Equal(t, "rumour", ann(t, sc.s, r1).Label)
	require.Equal(t, 2, sc.s.LabelUse("rumour"))
	require.Equal(t, "rumour", ann(t, sc.s, r2).Label)
	checkInvariants(t, sc.s)
}

func TestLabelValidationErrorsAreForPeople(t *testing.T) {
	tests := []struct {
		name string
		op   func(s *Store) error
		msg  string
	}{
		{"add: empty name", func(s *Store) error { return s.AddLabel(Label{Name: " "}) }, "A label needs a name."},
		{"add: a name that exists, in another case", func(s *Store) error { return s.AddLabel(Label{Name: "  cLAIM "}) },
			"A label named “Claim” already exists."},
		{"add: an id that is not lower-case ASCII", func(s *Store) error { return s.AddLabel(Label{ID: "Big Label", Name: "Big"}) },
			"The label id “Big Label” may hold only lower-case letters a–z, digits and hyphens."},
		{"add: an id that exists", func(s *Store) error { return s.AddLabel(Label{ID: "cue", Name: "Cue word"}) },
			"A label with the id “cue” already exists."},
		{"add: a colour by name", func(s *Store) error { return s.AddLabel(Label{Name: "X", Color: "red"}) },
			"The colour “red” is not of the form #rrggbb (such as #f5c542)."},
		{"add: a colour with a bad digit", func(s *Store) error { return s.AddLabel(Label{Name: "X", Color: "#12345g"}) },
			"The colour “#12345g” is not of the form #rrggbb (such as #f5c542)."},
		{"add: a short colour", func(s *Store) error { return s.AddLabel(Label{Name: "X", Color: "#123"}) },
			"The colour “#123” is not of the form #rrggbb (such as #f5c542)."},
		{"add: two characters as key", func(s *Store) error { return s.AddLabel(Label{Name: "X", Key: "ab"}) },
			"The key “ab” is more than one character; a shortcut is a single key."},
		{"add: an invisible key", func(s *Store) error { return s.AddLabel(Label{Name: "X", Key: "\u200b"}) },
			"A shortcut key must be a visible character."},
		{"add: the key of another label, in another case", func(s *Store) error { return s.AddLabel(Label{Name: "X", Key: "C"}) },
			"The key “c” is already the shortcut of the label “Claim”."},
		{"update: the name of another label", func(s *Store) error { return s.UpdateLabel(LabelCue, "speaker", "#3fae6a", "q") },
			"A label named “Speaker” already exists."},
		{"update: an empty name", func(s *Store) error { return s.UpdateLabel(LabelCue, "", "#3fae6a", "q") },
			"A label needs a name."},
		{"update: an empty colour", func(s *Store) error { return s.UpdateLabel(LabelCue, "Cue", "", "q") },
			"A label needs a colour of the form #rrggbb (such as #f5c542)."},
		{"update: the key of another label", func(s *Store) error { return s.UpdateLabel(LabelCue, "Cue", "#3fae6a", "s") },
			"The key “s” is already the shortcut of the label “Speaker”."},
		{"update: a reserved key", func(s *Store) error { return s.UpdateLabel(LabelCue, "Cue", "#3fae6a", "z") },
			"The key “z” is already one of Sayso's own shortcuts (digits set the stance, l links, j and k move, z undoes, ? shows help); choose another."},
		{"update: a missing label", func(s *Store) error { return s.UpdateLabel("rumour", "Rumour", "#3fae6a", "") },
			`There is no label "rumour".`},
		{"move: a missing label", func(s *Store) error { return s.MoveLabel("rumour", 0) }, `There is no label "rumour".`},
		{"move: past the end", func(s *Store) error { return s.MoveLabel(LabelClaim, 3) },
			"Position 4 is outside the list of labels, which has 3 labels."},
		{"remove: a missing label", func(s *Store) error { return s.RemoveLabel("rumour") }, `There is no label "rumour".`},
		{"remove with annotations: a missing label", func(s *Store) error { return s.RemoveLabelAndAnnotations("rumour") },
			`There is no label "rumour".`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc := newScene(t)
			_, err := sc.s.Undo() // leave something to redo too
			require.NoError(t, err)
			want := ErrInvalid
			if strings.HasPrefix(tt.msg, "There is no") {
				want = ErrNotFound
			}
			requireFailsWithoutChange(t, sc.s, func() error { return tt.op(sc.s) }, want, tt.msg)
		})
	}
}

func TestEveryReservedKeyIsRefused(t *testing.T) {
	s, _ := newTestStore(t, "T", "Some text.")
	require.Equal(t, "0123456789ljkz?", ReservedKeys())
	for _, k := range ReservedKeys() {
		err := s.AddLabel(Label{Name: "X", Key: string(k)})
		require.ErrorIs(t, err, ErrInvalid, "key %q", k)
		err = s.UpdateLabel(LabelClaim, "Claim", "#f5c542", string(k))
		require.ErrorIs(t, err, ErrInvalid, "key %q", k)
	}
	require.Equal(t, DefaultSchema(), s.Schema())
}

func TestUpdateLabelCarriesAnnotationsOver(t *testing.T) {
	sc := newScene(t)
	s := sc.s
	before := s.Project()
	var claimHulls []Dirty
	for _, a := range s.Annotations(sc.doc) {
		if a.Label == LabelClaim {
			claimHulls = append(claimHulls, Dirty{Doc: sc.doc, Span: a.Hull()})
		}
	}

	require.NoError(t, s.UpdateLabel(LabelClaim, "  Assertion ", "#00FF00", "A"))
	l, ok := s.Schema().Label(LabelClaim)
	require.True(t, ok, "the id stays")
	require.Equal(t, Label{ID: LabelClaim, Name: "Assertion", Color: "#00ff00", Key: "a"}, l)
	require.Equal(t, []string{LabelClaim, LabelSpeaker, LabelCue}, labelIDs(s), "in its place")
	require.Equal(t, LabelClaim, ann(t, s, sc.c1).Label)
	require.Equal(t, before.Annotations, s.Project().Annotations, "annotations are untouched")
	require.ElementsMatch(t, claimHulls, s.TakeDirty(), "the claims are drawn again in the new colour")

	requireUndoRedoExact(t, s, "change label", before)
}

func TestUpdateLabelKeepsAKeyThatIsNowReserved(t *testing.T) {
	sch := DefaultSchema()
	sch.Labels[2].Key = "J" // an import from elsewhere
	s := New(sch, "", fixedClock)
	require.NoError(t, s.UpdateLabel(LabelCue, "Cue word", "#3fae6a", "J"))
	l, _ := s.Schema().Label(LabelCue)
	require.Equal(t, Label{ID: LabelCue, Name: "Cue word", Color: "#3fae6a", Key: "J"}, l)
}

func TestSchemaOperationsThatChangeNothingLeaveNoUndoStep(t *testing.T) {
	tests := []struct {
		name string
		op   func(s *Store) error
	}{
		{"update a label to what it is", func(s *Store) error { return s.UpdateLabel(LabelClaim, " Claim ", "#F5C542", "C") }},
		{"move a label to its place", func(s *Store) error { return s.MoveLabel(LabelSpeaker, 1) }},
		{"rename a stance value to itself", func(s *Store) error { return s.RenameStance("favor", " favor ") }},
		{"move a stance value to its place", func(s *Store) error { return s.MoveStance("unclear", 3) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc := newScene(t)
			_, err := sc.s.Undo() // leave something to redo too
			require.NoError(t, err)
			requireNoStep(t, sc.s, func() error { return tt.op(sc.s) })
		})
	}
}

func TestMoveLabel(t *testing.T) {
	sc, _, _ := rumourScene(t)
	s := sc.s
	before := s.Project()
	require.NoError(t, s.MoveLabel("rumour", 1))
	require.Equal(t, []string{LabelClaim, "rumour", LabelSpeaker, LabelCue}, labelIDs(s))
	requireUndoRedoExact(t, s, "move label", before)
}

func TestRemoveLabel(t *testing.T) {
	t.Run("an unused label goes", func(t *testing.T) {
		sc := newScene(t)
		s := sc.s
		require.NoError(t, s.AddLabel(Label{Name: "Rumour"}))
		before := s.Project()
		require.NoError(t, s.RemoveLabel("rumour"))
		require.Equal(t, DefaultSchema(), s.Schema())
		requireUndoRedoExact(t, s, "remove label", before)
	})
	t.Run("a label in use asks first", func(t *testing.T) {
		sc, _, _ := rumourScene(t)
		requireFailsWithoutChange(t, sc.s, func() error { return sc.s.RemoveLabel("rumour") }, ErrLabelInUse,
			"The label “Rumour” is used by 2 annotations; removing the label removes those annotations too.")
		var inUse *LabelInUseError
		require.True(t, errors.As(sc.s.RemoveLabel("rumour"), &inUse))
		require.Equal(t, 2, inUse.Count)
		require.Equal(t, "rumour", inUse.Label.ID)
	})
	t.Run("one annotation", func(t *testing.T) {
		sc, _, r2 := rumourScene(t)
		require.NoError(t, sc.s.Delete(r2))
		require.EqualError(t, sc.s.RemoveLabel("rumour"),
			"The label “Rumour” is used by 1 annotation; removing the label removes that annotation too.")
	})
	for _, id := range []string{LabelClaim, LabelSpeaker, LabelCue} {
		t.Run("the built-in "+id+" stays", func(t *testing.T) {
			sc := newScene(t)
			require.NoError(t, sc.s.UpdateLabel(id, "Renamed "+id, "#000000", ""))
			for _, op := range []func(string) error{sc.s.RemoveLabel, sc.s.RemoveLabelAndAnnotations} {
				requireFailsWithoutChange(t, sc.s, func() error { return op(id) }, ErrBuiltIn,
					"The label “Renamed "+id+"” is built in and cannot be removed; you can rename it, change its colour or its key.")
			}
		})
	}
}

func TestRemoveLabelAndAnnotations(t *testing.T) {
	sc, r1, r2 := rumourScene(t)
	s := sc.s
	before := s.Project()
	a1, a2 := ann(t, s, r1), ann(t, s, r2)
	hulls := []Dirty{{Doc: sc.doc, Span: a1.Hull()}, {Doc: sc.doc2, Span: a2.Hull()}}

	require.NoError(t, s.RemoveLabelAndAnnotations("rumour"))
	_, ok := s.Schema().Label("rumour")
	require.False(t, ok)
	for _, id := range []string{r1, r2} {
		_, ok := s.Annotation(id)
		require.False(t, ok, id)
	}
	require.Equal(t, 7, s.Len(), "the other annotations stay")
	require.ElementsMatch(t, hulls, s.TakeDirty())

	requireUndoRedoExact(t, s, "remove label", before)
	require.Equal(t, "unconfirmed", ann(t, s, r1).Note, "undo restores the annotations whole")
}

func TestRemoveLabelAndAnnotationsOfAnUnusedLabel(t *testing.T) {
	sc := newScene(t)
	s := sc.s
	require.NoError(t, s.AddLabel(Label{Name: "Rumour"}))
	before := s.Project()
	require.NoError(t, s.RemoveLabelAndAnnotations("rumour"))
	requireUndoRedoExact(t, s, "remove label", before)
}

func TestStanceOperationsUndoAndRedoExactly(t *testing.T) {
	// c1 (first document) and c (second document) have the stance favor.
	tests := []struct {
		name  string
		undo  string
		op    func(s *Store) error
		check func(t *testing.T, s *Store, c1, c string)
	}{
		{"add a value", "add stance value", func(s *Store) error { return s.AddStance("  mixed ") },
			func(t *testing.T, s *Store, _, _ string) {
				require.Equal(t, []string{"favor", "against", "neutral", "unclear", "mixed"}, s.Schema().Stances)
			}},
		{"rename a value rewrites its claims in every document", "rename stance value",
			func(s *Store) error { return s.RenameStance("favor", " support ") },
			func(t *testing.T, s *Store, c1, c string) {
				require.Equal(t, []string{"support", "against", "neutral", "unclear"}, s.Schema().Stances)
				require.Equal(t, "support", ann(t, s, c1).Stance)
				require.Equal(t, "support", ann(t, s, c).Stance)
				require.Equal(t, 0, s.StanceUse("favor"))
				require.Equal(t, 2, s.StanceUse("support"))
			}},
		{"rename an unused value", "rename stance value", func(s *Store) error { return s.RenameStance("unclear", "unsure") },
			func(t *testing.T, s *Store, c1, _ string) {
				require.Equal(t, []string{"favor", "against", "neutral", "unsure"}, s.Schema().Stances)
				require.Equal(t, "favor", ann(t, s, c1).Stance)
			}},
		{"change only the case of a value", "rename stance value", func(s *Store) error { return s.RenameStance("favor", "Favor") },
			func(t *testing.T, s *Store, c1, c string) {
				require.Equal(t, "Favor", ann(t, s, c1).Stance)
				require.Equal(t, "Favor", ann(t, s, c).Stance)
			}},
		{"remove an unused value", "remove stance value", func(s *Store) error { return s.RemoveStance("neutral") },
			func(t *testing.T, s *Store, _, _ string) {
				require.Equal(t, []string{"favor", "against", "unclear"}, s.Schema().Stances)
			}},
		{"remove a value and clear it from claims", "remove stance value", func(s *Store) error { return s.RemoveStanceAndClear("favor") },
			func(t *testing.T, s *Store, c1, c string) {
				require.Equal(t, []string{"against", "neutral", "unclear"}, s.Schema().Stances)
				require.Empty(t, ann(t, s, c1).Stance)
				require.Empty(t, ann(t, s, c).Stance)
				require.NotEmpty(t, ann(t, s, c1).SpeakerMention, "the rest of the claim stays")
			}},
		{"move a value first", "move stance value", func(s *Store) error { return s.MoveStance("unclear", 0) },
			func(t *testing.T, s *Store, _, _ string) {
				require.Equal(t, []string{"unclear", "favor", "against", "neutral"}, s.Schema().Stances)
			}},
		{"move a value last", "move stance value", func(s *Store) error { return s.MoveStance("favor", 3) },
			func(t *testing.T, s *Store, _, _ string) {
				require.Equal(t, []string{"against", "neutral", "unclear", "favor"}, s.Schema().Stances)
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc := newScene(t)
			s := sc.s
			c := mustAdd(t, s, sc.doc2, LabelClaim, "Zhao Lei said hello.", "hello", 0)
			require.NoError(t, s.SetStance(c, "favor"))
			s.TakeDirty()
			before := s.Project()
			require.NoError(t, tt.op(s))
			tt.check(t, s, sc.c1, c)
			requireUndoRedoExact(t, s, tt.undo, before)
		})
	}
}

func TestAddedStanceValueCanBeSet(t *testing.T) {
	sc := newScene(t)
	require.NoError(t, sc.s.AddStance("mixed"))
	require.NoError(t, sc.s.SetStance(sc.c2, "mixed"))
	require.Equal(t, "mixed", ann(t, sc.s, sc.c2).Stance)
}

func TestRenameStanceMarksItsClaimsDirty(t *testing.T) {
	sc := newScene(t)
	s := sc.s
	c1 := ann(t, s, sc.c1)
	want := []Dirty{{Doc: sc.doc, Span: c1.Hull()}}
	require.NoError(t, s.RenameStance("favor", "support"))
	dirty := s.TakeDirty()
	require.Subset(t, dirty, want)
	for _, d := range dirty {
		require.Equal(t, want[0], d, "only the claim with the value")
	}
}

func TestRemoveStanceInUseAsksFirst(t *testing.T) {
	sc := newScene(t)
	s := sc.s
	requireFailsWithoutChange(t, s, func() error { return s.RemoveStance("favor") }, ErrStanceInUse,
		"The stance value “favor” is used by 1 claim; removing the value clears its stance.")
	require.NoError(t, s.SetStance(sc.c2, "favor"))
	err := s.RemoveStance("favor")
	require.EqualError(t, err, "The stance value “favor” is used by 2 claims; removing the value clears their stance.")
	var inUse *StanceInUseError
	require.True(t, errors.As(err, &inUse))
	require.Equal(t, StanceInUseError{Stance: "favor", Count: 2}, *inUse)
}

func TestStanceValidationErrorsAreForPeople(t *testing.T) {
	tests := []struct {
		name string
		op   func(s *Store) error
		want error
		msg  string
	}{
		{"add: empty", func(s *Store) error { return s.AddStance("  ") }, ErrInvalid, "A stance value needs a name."},
		{"add: exists in another case", func(s *Store) error { return s.AddStance(" Favor") }, ErrInvalid,
			"The stance value “favor” already exists."},
		{"rename: a missing value", func(s *Store) error { return s.RenameStance("maybe", "perhaps") }, ErrNotFound,
			"There is no stance value “maybe”."},
		{"rename: to another value", func(s *Store) error { return s.RenameStance("favor", "AGAINST") }, ErrInvalid,
			"The stance value “against” already exists."},
		{"rename: to nothing", func(s *Store) error { return s.RenameStance("favor", "") }, ErrInvalid,
			"A stance value needs a name."},
		{"remove: a missing value", func(s *Store) error { return s.RemoveStance("maybe") }, ErrNotFound,
			"There is no stance value “maybe”."},
		{"remove: the empty value", func(s *Store) error { return s.RemoveStance("") }, ErrNotFound,
			"There is no stance value “”."},
		{"remove and clear: a missing value", func(s *Store) error { return s.RemoveStanceAndClear("maybe") }, ErrNotFound,
			"There is no stance value “maybe”."},
		{"move: a missing value", func(s *Store) error { return s.MoveStance("maybe", 0) }, ErrNotFound,
			"There is no stance value “maybe”."},
		{"move: before the start", func(s *Store) error { return s.MoveStance("favor", -1) }, ErrInvalid,
			"Position 0 is outside the list of stance values, which has 4 values."},
		{"move: past the end", func(s *Store) error { return s.MoveStance("favor", 4) }, ErrInvalid,
			"Position 5 is outside the list of stance values, which has 4 values."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc := newScene(t)
			_, err := sc.s.Undo() // leave something to redo too
			require.NoError(t, err)
			requireFailsWithoutChange(t, sc.s, func() error { return tt.op(sc.s) }, tt.want, tt.msg)
		})
	}
}

func TestRemoveEveryStanceValue(t *testing.T) {
	sc := newScene(t)
	s := sc.s
	before := s.Project()
	for _, v := range DefaultSchema().Stances {
		require.NoError(t, s.RemoveStanceAndClear(v))
	}
	require.Empty(t, s.Schema().Stances)
	checkInvariants(t, s)
	for range DefaultSchema().Stances {
		_, err := s.Undo()
		require.NoError(t, err)
	}
	require.Equal(t, before, s.Project())
}

func TestRemovingAnnotationsUnlinksTheClaimsThatPointAtThem(t *testing.T) {
	// RemoveLabelAndAnnotations removes through removeAnns, which unlinks
	// claims from removed mentions and cues as Delete does. Custom labels
	// are never link targets, so drive removeAnns directly.
	sc := newScene(t)
	s := sc.s
	before := s.Project()
	tx := s.begin("remove")
	tx.removeAnns([]*Annotation{s.anns[sc.q1], s.anns[sc.m1]})
	tx.commit()
	c1 := ann(t, s, sc.c1)
	require.Empty(t, c1.Cue+c1.SpeakerMention, "links to removed annotations go")
	require.Equal(t, sc.s1, c1.Speaker, "the claim keeps its speaker entity")
	checkInvariants(t, s)
	_, err := s.Undo()
	require.NoError(t, err)
	require.Equal(t, before, s.Project())
}

func TestSchemaChangesAreSavedAndLoaded(t *testing.T) {
	sc, _, _ := rumourScene(t)
	s := sc.s
	require.NoError(t, s.RenameStance("favor", "support"))
	require.NoError(t, s.MoveLabel("rumour", 0))
	p := s.Project()
	loaded, err := Load(p, fixedClock)
	require.NoError(t, err)
	require.Equal(t, p, loaded.Project())
	_, err = loaded.Add(sc.doc, "rumour", []text.Span{spanOf(t, sceneText, "nothing", 0)})
	require.NoError(t, err)
}

func TestDerivedLabelIDsCountOnPastTheNumbersTaken(t *testing.T) {
	s := newScene(t).s
	for i, name := range []string{"Claim!", "Claim?", "Claim…"} {
		require.NoError(t, s.AddLabel(Label{Name: name}))
		labels := s.Schema().Labels
		assert.Equal(t, fmt.Sprintf("claim-%d", i+2), labels[len(labels)-1].ID, "%q, after %v", name, labels)
	}
}
