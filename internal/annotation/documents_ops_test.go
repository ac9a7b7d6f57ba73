package annotation

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"
)

// docIDs lists the store's documents in order.
func docIDs(s *Store) []string {
	var ids []string
	for _, d := range s.Documents() {
		ids = append(ids, d.ID)
	}
	return ids
}

// projectDocIDs lists the documents of a project in order.
func projectDocIDs(p Project) []string {
	var ids []string
	for _, d := range p.Documents {
		ids = append(ids, d.ID)
	}
	return ids
}

// requireUndoRedoExact checks that the last change is named name, that undo
// gives before, redo gives the current project, and undo again before.
func requireUndoRedoExact(t *testing.T, s *Store, name string, before Project) {
	t.Helper()
	after := s.Project()
	require.NotEqual(t, before, after, "the operation changed the project")
	checkInvariants(t, s)
	got, ok := s.CanUndo()
	require.True(t, ok)
	require.Equal(t, name, got)

	rev := s.Revision()
	got, err := s.Undo()
	require.NoError(t, err)
	require.Equal(t, name, got)
	require.Equal(t, before, s.Project(), "undo")
	require.Equal(t, rev+1, s.Revision())
	checkInvariants(t, s)

	got, err = s.Redo()
	require.NoError(t, err)
	require.Equal(t, name, got)
	require.Equal(t, after, s.Project(), "redo")
	checkInvariants(t, s)

	_, err = s.Undo()
	require.NoError(t, err)
	require.Equal(t, before, s.Project(), "undo after redo")
}

// requireNoStep runs op, which must succeed without changing anything:
// same project, same revision, same undo and redo stacks, nothing dirty.
func requireNoStep(t *testing.T, s *Store, op func() error) {
	t.Helper()
	s.TakeDirty()
	before, rev := s.Project(), s.Revision()
	undoName, canUndo := s.CanUndo()
	redoName, canRedo := s.CanRedo()
	require.NoError(t, op())
	require.Equal(t, before, s.Project())
	require.Equal(t, rev, s.Revision(), "no revision")
	n, ok := s.CanUndo()
	require.Equal(t, []any{undoName, canUndo}, []any{n, ok}, "no undo step")
	n, ok = s.CanRedo()
	require.Equal(t, []any{redoName, canRedo}, []any{n, ok}, "the redo stack is kept")
	require.Empty(t, s.TakeDirty())
}

// requireFailsWithoutChange runs op, which must fail with an error that is
// want and reads msg (if not ""), leaving the store as it was.
func requireFailsWithoutChange(t *testing.T, s *Store, op func() error, want error, msg string) {
	t.Helper()
	s.TakeDirty()
	before, rev := s.Project(), s.Revision()
	undoName, _ := s.CanUndo()
	redoName, _ := s.CanRedo()
	err := op()
	require.ErrorIs(t, err, want)
	if msg != "" {
		require.EqualError(t, err, msg)
	}
	require.Equal(t, before, s.Project())
	require.Equal(t, rev, s.Revision())
	require.Empty(t, s.TakeDirty())
	n, _ := s.CanUndo()
	require.Equal(t, undoName, n)
	n, _ = s.CanRedo()
	require.Equal(t, redoName, n, "a failed operation keeps the redo stack")
}

// threeDocs is the scene with a third document, "Third".
func threeDocs(t *testing.T) (*scene, string) {
	t.Helper()
	sc := newScene(t)
	d3, err := sc.s.AddDocument("Third", "Wang Wen said yes.")
	require.NoError(t, err)
	mustAdd(t, sc.s, d3, LabelSpeaker, "Wang Wen said yes.", "Wang Wen", 0)
	sc.s.TakeDirty()
	return sc, d3
}

func TestDocumentOperationsUndoAndRedoExactly(t *testing.T) {
	tests := []struct {
		name  string
		undo  string
		op    func(sc *scene, d3 string) error
		check func(t *testing.T, sc *scene, d3 string)
	}{
		{"rename trims the title and keeps the topic", "rename document",
			func(sc *scene, _ string) error { return sc.s.RenameDocument(sc.doc, "  Talks, day 2 ") },
			func(t *testing.T, sc *scene, _ string) {
				d, _, _ := sc.s.Document(sc.doc)
				require.Equal(t, "Talks, day 2", d.Title)
				require.Equal(t, "Trade talks", d.Topic)
			}},
		{"mark done", "mark done",
			func(sc *scene, _ string) error { return sc.s.SetDocumentDone(sc.doc2, true) },
			func(t *testing.T, sc *scene, _ string) {
				d, _, _ := sc.s.Document(sc.doc2)
				require.True(t, d.Done)
				d, _, _ = sc.s.Document(sc.doc)
				require.False(t, d.Done, "only that document")
			}},
		{"move the first document last", "move document",
			func(sc *scene, _ string) error { return sc.s.MoveDocument(sc.doc, 2) },
			func(t *testing.T, sc *scene, d3 string) {
				require.Equal(t, []string{sc.doc2, d3, sc.doc}, docIDs(sc.s))
				require.Equal(t, []string{sc.doc2, d3, sc.doc}, projectDocIDs(sc.s.Project()), "the project is in the new order")
			}},
		{"move the last document first", "move document",
			func(sc *scene, d3 string) error { return sc.s.MoveDocument(d3, 0) },
			func(t *testing.T, sc *scene, d3 string) {
				require.Equal(t, []string{d3, sc.doc, sc.doc2}, docIDs(sc.s))
			}},
		{"move a document one down", "move document",
			func(sc *scene, _ string) error { return sc.s.MoveDocument(sc.doc2, 2) },
			func(t *testing.T, sc *scene, d3 string) {
				require.Equal(t, []string{sc.doc, d3, sc.doc2}, docIDs(sc.s))
			}},
		{"remove a document with its annotations and its own speakers", "remove document",
			func(sc *scene, _ string) error { return sc.s.RemoveDocument(sc.doc) },
			func(t *testing.T, sc *scene, d3 string) {
				require.Equal(t, []string{sc.doc2, d3}, docIDs(sc.s))
				_, _, ok := sc.s.Document(sc.doc)
				require.False(t, ok)
				require.Empty(t, sc.s.Annotations(sc.doc))
				for _, id := range []string{sc.m1, sc.q1, sc.c1, sc.m2, sc.q2, sc.c2} {
					_, ok := sc.s.Annotation(id)
					require.False(t, ok, id)
				}
				require.Equal(t, 2, sc.s.Len(), "the other documents' annotations stay")
				_, ok = sc.s.Speaker(sc.s2)
				require.False(t, ok, "Li Qiang was named only in the removed document")
				_, ok = sc.s.Speaker(sc.s1)
				require.True(t, ok, "Wang Wen is also mentioned in the third document")
				_, ok = sc.s.Speaker(sc.s3)
				require.True(t, ok)
			}},
		{"remove the middle document", "remove document",
			func(sc *scene, _ string) error { return sc.s.RemoveDocument(sc.doc2) },
			func(t *testing.T, sc *scene, d3 string) {
				require.Equal(t, []string{sc.doc, d3}, docIDs(sc.s))
				_, ok := sc.s.Speaker(sc.s3)
				require.False(t, ok, "Zhao Lei was named only there")
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc, d3 := threeDocs(t)
			s := sc.s
			before := s.Project()
			require.NoError(t, tt.op(sc, d3))
			tt.check(t, sc, d3)
			requireUndoRedoExact(t, s, tt.undo, before)
		})
	}
}

func TestRemoveADocumentWithoutAnnotations(t *testing.T) {
	sc := newScene(t)
	s := sc.s
	empty, err := s.AddDocument("Empty", "Nothing here.")
	require.NoError(t, err)
	before := s.Project()
	require.NoError(t, s.RemoveDocument(empty))
	require.Equal(t, []string{sc.doc, sc.doc2}, docIDs(s))
	requireUndoRedoExact(t, s, "remove document", before)
}

func TestSetDocumentDoneCanBeTakenBack(t *testing.T) {
	sc := newScene(t)
	s := sc.s
	require.NoError(t, s.SetDocumentDone(sc.doc, true))
	before := s.Project()
	require.NoError(t, s.SetDocumentDone(sc.doc, false))
	d, _, _ := s.Document(sc.doc)
	require.False(t, d.Done)
	requireUndoRedoExact(t, s, "mark not done", before)
}

func TestDocumentOperationsThatChangeNothingLeaveNoUndoStep(t *testing.T) {
	tests := []struct {
		name string
		op   func(sc *scene) error
	}{
		{"rename to the same title", func(sc *scene) error { return sc.s.RenameDocument(sc.doc, " Trade talks  ") }},
		{"mark a document that is not done not done", func(sc *scene) error { return sc.s.SetDocumentDone(sc.doc, false) }},
		{"move a document to its own place", func(sc *scene) error { return sc.s.MoveDocument(sc.doc2, 1) }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc := newScene(t)
			_, err := sc.s.Undo() // leave something to redo too
			require.NoError(t, err)
			requireNoStep(t, sc.s, func() error { return tt.op(sc) })
		})
	}
}

func TestFailedDocumentOperationsChangeNothing(t *testing.T) {
	tests := []struct {
		name string
		op   func(sc *scene) error
		want error
		msg  string
	}{
		{"rename a missing document", func(sc *scene) error { return sc.s.RenameDocument("d99", "X") },
			ErrNotFound, `There is no document "d99".`},
		{"rename to an empty title", func(sc *scene) error { return sc.s.RenameDocument(sc.doc, " \t\n") },
			ErrInvalid, "A document needs a title."},
		{"mark a missing document done", func(sc *scene) error { return sc.s.SetDocumentDone("d99", true) },
			ErrNotFound, `There is no document "d99".`},
		{"move a missing document", func(sc *scene) error { return sc.s.MoveDocument("d99", 0) },
			ErrNotFound, `There is no document "d99".`},
		{"move before the start", func(sc *scene) error { return sc.s.MoveDocument(sc.doc, -1) },
			ErrInvalid, "Position 0 is outside the document list, which has 2 documents."},
		{"move past the end", func(sc *scene) error { return sc.s.MoveDocument(sc.doc, 2) },
			ErrInvalid, "Position 3 is outside the document list, which has 2 documents."},
		{"remove a missing document", func(sc *scene) error { return sc.s.RemoveDocument("d99") },
			ErrNotFound, `There is no document "d99".`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc := newScene(t)
			_, err := sc.s.Undo() // leave something to redo too
			require.NoError(t, err)
			requireFailsWithoutChange(t, sc.s, func() error { return tt.op(sc) }, tt.want, tt.msg)
		})
	}
}

func TestRemoveDocumentUndoBringsBackSpeakersWithTheirIDs(t *testing.T) {
	sc := newScene(t)
	s := sc.s
	require.NoError(t, s.RemoveDocument(sc.doc))
	_, ok := s.Speaker(sc.s1)
	require.False(t, ok, "Wang Wen was named only in the removed document")
	_, err := s.Undo()
	require.NoError(t, err)
	for _, id := range []string{sc.s1, sc.s2, sc.s3} {
		_, ok := s.Speaker(id)
		require.True(t, ok, id)
	}
	c1 := ann(t, s, sc.c1)
	require.Equal(t, []string{sc.m1, sc.q1, sc.s1, "favor"}, []string{c1.SpeakerMention, c1.Cue, c1.Speaker, c1.Stance},
		"the claim comes back with its links")
	require.Equal(t, 6, s.AnnotationCount(sc.doc))

	// New annotations and speakers get new ids, not the restored ones.
	m := mustAdd(t, s, sc.doc, LabelSpeaker, sceneText, "Zhang San", 0)
	require.Equal(t, "a8", m)
	require.Equal(t, "s4", ann(t, s, m).Speaker)
}

func TestRemoveDocumentMarksItsAnnotationsDirty(t *testing.T) {
	sc := newScene(t)
	s := sc.s
	hulls := map[Dirty]bool{}
	for _, a := range s.Annotations(sc.doc) {
		hulls[Dirty{Doc: sc.doc, Span: a.Hull()}] = true
	}
	require.NoError(t, s.RemoveDocument(sc.doc))
	got := map[Dirty]bool{}
	for _, d := range s.TakeDirty() {
		got[d] = true
	}
	require.Equal(t, hulls, got)

	_, err := s.Undo()
	require.NoError(t, err)
	got = map[Dirty]bool{}
	for _, d := range s.TakeDirty() {
		got[d] = true
	}
	require.Equal(t, hulls, got, "undo redraws them too")
}

func TestDocumentChangesStayRightWhenDocumentsAreAddedInBetween(t *testing.T) {
	// AddDocument is not undoable and appends: the document changes around
	// it must still put documents back where they were.
	t.Run("undo a removal after adding a document", func(t *testing.T) {
		sc := newScene(t)
		s := sc.s
		require.NoError(t, s.RemoveDocument(sc.doc))
		d3, err := s.AddDocument("Third", "Text three.")
		require.NoError(t, err)
		require.Equal(t, "d3", d3, "a removed document's id is not given again")
		_, err = s.Undo()
		require.NoError(t, err)
		require.Equal(t, []string{sc.doc, sc.doc2, d3}, docIDs(s))
		_, err = s.Redo()
		require.NoError(t, err)
		require.Equal(t, []string{sc.doc2, d3}, docIDs(s))
		checkInvariants(t, s)
	})
	t.Run("redo a removal after adding a document", func(t *testing.T) {
		sc := newScene(t)
		s := sc.s
		require.NoError(t, s.RemoveDocument(sc.doc))
		_, err := s.Undo()
		require.NoError(t, err)
		d3, err := s.AddDocument("Third", "Text three.")
		require.NoError(t, err)
		_, err = s.Redo()
		require.NoError(t, err)
		require.Equal(t, []string{sc.doc2, d3}, docIDs(s), "the added document stays")
		_, err = s.Undo()
		require.NoError(t, err)
		require.Equal(t, []string{sc.doc, sc.doc2, d3}, docIDs(s))
		checkInvariants(t, s)
	})
	t.Run("undo a move after adding a document", func(t *testing.T) {
		sc := newScene(t)
		s := sc.s
		require.NoError(t, s.MoveDocument(sc.doc, 1))
		d3, err := s.AddDocument("Third", "Text three.")
		require.NoError(t, err)
		_, err = s.Undo()
		require.NoError(t, err)
		require.Equal(t, []string{sc.doc, sc.doc2, d3}, docIDs(s))
		_, err = s.Redo()
		require.NoError(t, err)
		require.Equal(t, []string{sc.doc2, sc.doc, d3}, docIDs(s))
	})
}

func TestRemoveEveryDocumentAndUndoAll(t *testing.T) {
	sc, d3 := threeDocs(t)
	s := sc.s
	before := s.Project()
	for _, id := range []string{d3, sc.doc, sc.doc2} {
		require.NoError(t, s.RemoveDocument(id))
		checkInvariants(t, s)
	}
	require.Empty(t, s.Documents())
	require.Zero(t, s.Len())
	require.Empty(t, s.Speakers())
	for range 3 {
		_, err := s.Undo()
		require.NoError(t, err)
	}
	require.Equal(t, before, s.Project())
}

func TestAnnotationCount(t *testing.T) {
	sc := newScene(t)
	s := sc.s
	require.Equal(t, 6, s.AnnotationCount(sc.doc))
	require.Equal(t, 1, s.AnnotationCount(sc.doc2))
	require.Equal(t, 0, s.AnnotationCount("d99"))
	require.NoError(t, s.Delete(sc.c1))
	require.Equal(t, 5, s.AnnotationCount(sc.doc))
	_, err := s.Undo()
	require.NoError(t, err)
	require.Equal(t, 6, s.AnnotationCount(sc.doc))
	require.NoError(t, s.RemoveDocument(sc.doc))
	require.Equal(t, 0, s.AnnotationCount(sc.doc))
}

func TestDoneSurvivesLoad(t *testing.T) {
	sc := newScene(t)
	require.NoError(t, sc.s.SetDocumentDone(sc.doc2, true))
	loaded, err := Load(sc.s.Project(), fixedClock)
	require.NoError(t, err)
	d, _, ok := loaded.Document(sc.doc2)
	require.True(t, ok)
	require.True(t, d.Done)
}

func TestDocumentErrorsAreForPeople(t *testing.T) {
	sc := newScene(t)
	err := sc.s.RenameDocument(sc.doc, "")
	var pe *personError
	require.True(t, errors.As(err, &pe))
	require.Equal(t, "A document needs a title.", err.Error(), "no technical suffix")
}
