package annotation

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/text"
)

// dropFirstLine places annotations for an edit that removed the first
// line of the text: those in it are gone, the others move back; a
// placement marked "context" for the annotation named touched.
func dropFirstLine(first int, touched string) Placer {
	return func(a *Annotation, old, new *text.Index) Placement {
		if a.Hull().Start < first {
			return Placement{Why: "gone"}
		}
		var out []text.Span
		for _, f := range a.Fragments {
			out = append(out, text.Span{Start: f.Start - first, End: f.End - first})
		}
		p := Placement{Fragments: out}
		if a.ID == touched {
			p.Anchored, p.Confidence = "context", 80
		}
		return p
	}
}

func TestReplaceTextIsOneUndoableChange(t *testing.T) {
	const clutter = "Leave a reply 😀\n"
	body := clutter + "Wang Wen said “yes.” Li Qiang said no."
	s, doc := newTestStore(t, "T", body)
	gone := mustAdd(t, s, doc, LabelClaim, body, "Leave a reply", 0)
	wang := mustAdd(t, s, doc, LabelSpeaker, body, "Wang Wen", 0)
	claim := mustAdd(t, s, doc, LabelClaim, body, "“yes.”", 0)
	cue := mustAdd(t, s, doc, LabelCue, body, "said", 0)
	mustAdd(t, s, doc, LabelSpeaker, body, "Li Qiang", 0)
	require.NoError(t, s.LinkMention(claim, wang))
	require.NoError(t, s.LinkCue(claim, cue))
	before := s.Project()

	newBody := strings.TrimPrefix(body, clutter)
	rep, err := s.ReplaceText(doc, newBody, dropFirstLine(utf8.RuneCountInString(clutter), claim))
	require.NoError(t, err)
	require.Equal(t, []string{gone}, rep.Orphaned)
	require.Equal(t, []string{claim}, rep.Anchored)
	require.Equal(t, 3, rep.Kept)
	d, _, _ := s.Document(doc)
	require.Equal(t, newBody, d.Text)
	require.Equal(t, "Wang Wen", ann(t, s, wang).Quote)
	require.Equal(t, "context", ann(t, s, claim).Anchored)
	require.Equal(t, wang, ann(t, s, claim).SpeakerMention, "links between placed annotations stay")
	require.Len(t, s.Orphans(), 1)
	require.Equal(t, "Leave a reply", s.Orphans()[0].Quote)
	checkInvariants(t, s)
	after := s.Project()

	name, err := s.Undo()
	require.NoError(t, err)
	require.Equal(t, "edit text", name)
	require.Equal(t, before, s.Project(), "undo brings back the text and every annotation")
	checkInvariants(t, s)
	_, err = s.Redo()
	require.NoError(t, err)
	require.Equal(t, after, s.Project())
	checkInvariants(t, s)
}

func TestReplaceTextCutsLinksToWhatIsGone(t *testing.T) {
	const first = "Wang Wen said\n"
	body := first + "“yes.”"
	s, doc := newTestStore(t, "T", body)
	wang := mustAdd(t, s, doc, LabelSpeaker, body, "Wang Wen", 0)
	claim := mustAdd(t, s, doc, LabelClaim, body, "“yes.”", 0)
	require.NoError(t, s.LinkMention(claim, wang))
	speaker := ann(t, s, wang).Speaker

	_, err := s.ReplaceText(doc, "“yes.”", dropFirstLine(utf8.RuneCountInString(first), ""))
	require.NoError(t, err)
	require.Empty(t, ann(t, s, claim).SpeakerMention, "its mention is gone")
	require.Equal(t, speaker, ann(t, s, claim).Speaker, "the claim is still attributed")
	require.Equal(t, speaker, s.Orphans()[0].Speaker, "the orphan mention keeps its speaker")
	_, ok := s.Speaker(speaker)
	require.True(t, ok)
	checkInvariants(t, s)
}

func TestReplaceTextRefusesWhatIsNotAnEdit(t *testing.T) {
	s, doc := newTestStore(t, "T", "Some text.")
	keep := func(a *Annotation, _, _ *text.Index) Placement { return Placement{Fragments: a.Fragments} }
	_, err := s.ReplaceText(doc, "Some text.", keep)
	require.ErrorIs(t, err, ErrSameText)
	_, err = s.ReplaceText(doc, " \n ", keep)
	require.ErrorIs(t, err, ErrInvalid)
	_, err = s.ReplaceText("d9", "x", keep)
	require.ErrorIs(t, err, ErrNotFound)
	_, ok := s.CanUndo()
	require.False(t, ok, "no undo step")
}

// editText replaces a stretch of a document's text (between two of its
// original word boundaries, clamped to the text as it is now) with one of
// pickStrings, placing the annotations by arithmetic: before the stretch
// they stay, after it they shift, over it they become orphans; one in
// three placed is marked re-anchored.
func (w *world) editText(c chooser) (string, opKind, error) {
	doc := w.pickDoc(c)
	d, x, ok := w.s.Document(doc)
	toks := w.tokens[doc]
	if !ok || len(toks) == 0 {
		_, err := w.s.ReplaceText(doc, "x", nil)
		return "edit text of " + doc, opChange, err
	}
	a, b := pick(c, toks), pick(c, toks)
	from, to := min(a.Start, b.End, x.Len()), min(max(a.Start, b.End), x.Len())
	ins := pick(c, pickStrings)
	n := utf8.RuneCountInString(ins)
	body := x.Slice(0, from) + ins + x.Slice(to, x.Len())
	mark := c.Intn(3)
	place := func(an *Annotation, _, _ *text.Index) Placement {
		h := an.Hull()
		var out []text.Span
		switch {
		case h.End <= from:
			out = append(out, an.Fragments...)
		case h.Start >= to:
			for _, f := range an.Fragments {
				out = append(out, text.Span{Start: f.Start - (to - from) + n, End: f.End - (to - from) + n})
			}
		default:
			return Placement{Why: "its text is gone"}
		}
		p := Placement{Fragments: out}
		if mark == 0 {
			p.Anchored, p.Confidence = "context", 70
		}
		return p
	}
	_, err := w.s.ReplaceText(doc, body, place)
	return fmt.Sprintf("edit text %s %d–%d %q (was %d code points)", doc, from, to, ins, utf8.RuneCountInString(d.Text)), opChange, err
}

// FuzzOperationsWithTextEdits is FuzzOperations with edits of the texts
// among the operations: every invariant holds after each, and undoing
// everything gives the first project back, texts included.
func FuzzOperationsWithTextEdits(f *testing.F) {
	f.Add([]byte{})
	f.Add([]byte("add a claim, link it, edit the text, undo, redo"))
	f.Add([]byte{0, 0, 0, 3, 7, 1, 0, 5, 9, 0, 0, 2, 0, 0, 0, 0, 0, 8, 8, 8, 0, 1})
	f.Fuzz(func(t *testing.T, data []byte) {
		c := &byteChooser{data: data}
		w := newWorld(t)
		w.edits = true
		exercise(t, w, c, 128, func() bool { return !c.done() })
	})
}

// An edit of the text stamps Modified on the annotations it changed (moved,
// re-anchored, or a link cut because the linked text is gone) and on no
// other: a mention before the edit keeps its time.
func TestAnEditOfTheTextStampsOnlyTheAnnotationsItChanged(t *testing.T) {
	const kept = "Ann Lee said the port will close."
	const body = kept + "\nshe said"
	t1 := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	t2 := t1.Add(time.Hour)
	now := t1
	s := New(DefaultSchema(), "tester", func() time.Time { return now })
	doc, err := s.AddDocument("T", body)
	require.NoError(t, err)
	mention := mustAdd(t, s, doc, LabelSpeaker, body, "Ann Lee", 0)
	claim := mustAdd(t, s, doc, LabelClaim, body, "the port will close", 0)
	cue := mustAdd(t, s, doc, LabelCue, body, "said", 1)
	require.NoError(t, s.LinkMention(claim, mention))
	require.NoError(t, s.LinkCue(claim, cue))

	now = t2
	cut := utf8.RuneCountInString(kept)
	keepHead := func(a *Annotation, _, _ *text.Index) Placement {
		if a.Hull().End <= cut {
			return Placement{Fragments: a.Fragments}
		}
		return Placement{Why: "gone"}
	}
	_, err = s.ReplaceText(doc, kept, keepHead)
	require.NoError(t, err)

	tests := []struct {
		name string
		id   string
		want time.Time
	}{
		{"the mention, untouched, keeps its time", mention, t1},
		{"the claim, whose cue is gone, is stamped", claim, t2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want.Format(time.RFC3339), ann(t, s, tt.id).Modified)
		})
	}
	assert.Empty(t, ann(t, s, claim).Cue, "the link to the orphaned cue is cut")
	assert.Equal(t, mention, ann(t, s, claim).SpeakerMention)
}
