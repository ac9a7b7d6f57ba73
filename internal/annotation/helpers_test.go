package annotation

import (
	"cmp"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"sayso/internal/text"
)

// testTime is the fixed time every test store runs at.
var testTime = time.Date(2026, time.March, 1, 9, 30, 0, 0, time.UTC)

// testStamp is testTime as the store writes it.
const testStamp = "2026-03-01T09:30:00Z"

func fixedClock() time.Time { return testTime }

// mixedText has code points outside the BMP (emoji, a musical symbol, an
// emoji ZWJ sequence with a skin-tone modifier), CJK and a combining accent.
// Code points:
//
//	0 😀  1 ' '  2 王  3 文  4 ' '  5-8 said  9 ' '  10 "  11-14 cafe
//	15 U+0301  16 ' '  17 𝄞  18 "  19 ' '  20-23 👩🏽‍🔬  24 ' '  25-32 and left  33 .
const mixedText = "😀 王文 said \"cafe\u0301 𝄞\" 👩🏽\u200d🔬 and left."

// newTestStore returns a store at the fixed clock holding one document.
func newTestStore(t testing.TB, title, body string) (*Store, string) {
	t.Helper()
	s := New(DefaultSchema(), "tester", fixedClock)
	doc, err := s.AddDocument(title, body)
	require.NoError(t, err)
	s.TakeDirty()
	return s, doc
}

// spanOf returns the code-point span of the nth (from 0) occurrence of sub in s.
func spanOf(t testing.TB, s, sub string, nth int) text.Span {
	t.Helper()
	b := 0
	for i := 0; ; i++ {
		j := strings.Index(s[b:], sub)
		require.GreaterOrEqual(t, j, 0, "occurrence %d of %q", nth, sub)
		if i == nth {
			start := utf8.RuneCountInString(s[:b+j])
			return text.Span{Start: start, End: start + utf8.RuneCountInString(sub)}
		}
		b += j + len(sub)
	}
}

// mustAdd adds an annotation over the nth occurrence of sub.
func mustAdd(t testing.TB, s *Store, doc, label, body, sub string, nth int) string {
	t.Helper()
	id, err := s.Add(doc, label, []text.Span{spanOf(t, body, sub, nth)})
	require.NoError(t, err)
	return id
}

// ann returns a copy of annotation id, failing the test if it is missing.
func ann(t testing.TB, s *Store, id string) Annotation {
	t.Helper()
	a, ok := s.Annotation(id)
	require.True(t, ok, "annotation %s", id)
	return *a.clone()
}

// runeSlice is Python's text[start:end] on code points: the oracle the
// store's offsets are checked against.
func runeSlice(s string, start, end int) string {
	r := []rune(s)
	start = min(max(start, 0), len(r))
	end = min(max(end, start), len(r))
	return string(r[start:end])
}

// readingBefore is the documented reading order (start, longer first, id
// with "a2" before "a10"), written independently of annLess.
func readingBefore(a, b *Annotation) bool {
	ha, hb := a.Hull(), b.Hull()
	if c := cmp.Or(
		cmp.Compare(ha.Start, hb.Start),
		cmp.Compare(hb.End, ha.End),
		cmp.Compare(len(a.ID), len(b.ID)),
		strings.Compare(a.ID, b.ID),
	); c != 0 {
		return c < 0
	}
	return false
}

// checkInvariants checks everything that must hold of a store after any
// sequence of operations. It runs after every step of long random
// sequences, so the loops test with plain ifs and call require only to
// report a failure.
func checkInvariants(t testing.TB, s *Store) {
	t.Helper()
	check := func(ok bool, format string, args ...any) {
		if !ok {
			t.Helper()
			require.Fail(t, "invariant broken: "+fmt.Sprintf(format, args...))
		}
	}
	p := s.Project()
	checkSchema(t, s)
	refs := map[string]int{}
	total := 0
	for _, d := range s.Documents() {
		doc, _, ok := s.Document(d.ID)
		check(ok, "document %s", d.ID)
		runes := []rune(doc.Text)
		slice := func(start, end int) string {
			start = min(max(start, 0), len(runes))
			return string(runes[start:min(max(end, start), len(runes))])
		}
		list := s.Annotations(d.ID)
		total += len(list)
		for i, a := range list {
			got, ok := s.Annotation(a.ID)
			check(ok && got == a, "%s: the sorted list and the map disagree", a.ID)
			check(a.Document == d.ID, "%s: listed under %s, in %s", a.ID, d.ID, a.Document)
			check(i == 0 || readingBefore(list[i-1], a), "%s and %s out of reading order", a.ID, list[max(i-1, 0)].ID)
			_, ok = s.schema.Label(a.Label)
			check(ok, "%s: label %q", a.ID, a.Label)

			check(len(a.Fragments) > 0, "%s: no fragment", a.ID)
			parts := make([]string, len(a.Fragments))
			for j, f := range a.Fragments {
				check(0 <= f.Start && f.Start < f.End && f.End <= len(runes), "%s: fragment %v of %d", a.ID, f, len(runes))
				check(j == 0 || a.Fragments[max(j-1, 0)].End <= f.Start, "%s: fragments overlap", a.ID)
				parts[j] = slice(f.Start, f.End)
			}
			if q := strings.Join(parts, QuoteJoiner); q != a.Quote {
				require.Equal(t, q, a.Quote, "%s: quote", a.ID)
			}
			h := a.Hull()
			if pre := slice(h.Start-ContextLength, h.Start); pre != a.Prefix {
				require.Equal(t, pre, a.Prefix, "%s: prefix", a.ID)
			}
			if suf := slice(h.End, h.End+ContextLength); suf != a.Suffix {
				require.Equal(t, suf, a.Suffix, "%s: suffix", a.ID)
			}
			check(a.Stance == "" || s.schema.HasStance(a.Stance), "%s: stance %q", a.ID, a.Stance)

			if a.Speaker != "" {
				refs[a.Speaker]++
				_, ok := s.Speaker(a.Speaker)
				check(ok, "%s: speaker %s does not exist", a.ID, a.Speaker)
			}
			switch a.Label {
			case LabelSpeaker:
				// A mention without a speaker is undecided (several could be meant).
			case LabelClaim:
				if a.SpeakerMention != "" {
					m, ok := s.Annotation(a.SpeakerMention)
					check(ok, "%s: mention %s does not exist", a.ID, a.SpeakerMention)
					check(m.Label == LabelSpeaker, "%s: mention %s is a %s", a.ID, m.ID, m.Label)
					check(m.Document == a.Document, "%s: mention %s in another document", a.ID, m.ID)
					check(m.Speaker == a.Speaker, "%s: speaker %s differs from its mention's %s", a.ID, a.Speaker, m.Speaker)
				}
				if a.Cue != "" {
					c, ok := s.Annotation(a.Cue)
					check(ok, "%s: cue %s does not exist", a.ID, a.Cue)
					check(c.Label == LabelCue, "%s: cue %s is a %s", a.ID, c.ID, c.Label)
					check(c.Document == a.Document, "%s: cue %s in another document", a.ID, c.ID)
				}
			}
			check(a.Label == LabelClaim || a.SpeakerMention+a.Cue+a.Stance == "", "%s: claim fields on a %s", a.ID, a.Label)
		}

		// Overlapping agrees with a scan around the first annotations
		// (after deletes and undos too).
		for _, a := range list[:min(len(list), 6)] {
			h := a.Hull()
			for _, q := range []text.Span{h, {Start: h.Start, End: h.Start + 1}, {Start: h.End - 1, End: h.End + 3}} {
				var want []*Annotation
				for _, b := range list {
					if b.Hull().Overlaps(q) {
						want = append(want, b)
					}
				}
				if got := s.Overlapping(d.ID, q); !slices.Equal(want, got) {
					require.Equal(t, want, got, "Overlapping(%s, %v)", d.ID, q)
				}
			}
		}
	}
	check(total == s.Len(), "Len %d, listed %d", s.Len(), total)
	check(len(p.Annotations) == total, "Project has %d annotations, listed %d", len(p.Annotations), total)

	speakers := s.Speakers()
	check(len(p.Speakers) == len(speakers), "Project has %d speakers, Speakers %d", len(p.Speakers), len(speakers))
	for i, sp := range speakers {
		got, ok := s.Speaker(sp.ID)
		check(ok && got == sp, "speaker %s", sp.ID)
		check(refs[sp.ID] > 0, "speaker %s (%q) is an orphan", sp.ID, sp.Name)
		if i > 0 {
			a, b := normalizeName(speakers[i-1].Name), normalizeName(sp.Name)
			check(a < b || a == b && idLess(speakers[i-1].ID, sp.ID), "speakers %s and %s out of order", speakers[i-1].ID, sp.ID)
		}
	}

	loaded, err := Load(p, fixedClock)
	require.NoError(t, err, "a project made by operations must load")
	if lp := loaded.Project(); !reflect.DeepEqual(p, lp) {
		require.Equal(t, p, lp, "Load(p).Project() != p")
	}
}

// A chooser supplies the random choices of a sequence of operations: a
// *rand.Rand in property tests, the fuzz input in FuzzOperations.
type chooser interface{ Intn(n int) int }

// byteChooser reads choices from fuzz input, one byte each (two when n is
// larger than 256); it answers 0 once the input is used up.
type byteChooser struct {
	data []byte
	pos  int
}

func (b *byteChooser) Intn(n int) int {
	if n <= 1 {
		return 0
	}
	v := 0
	for range 1 + min(1, (n-1)/256) {
		v <<= 8
		if b.pos < len(b.data) {
			v |= int(b.data[b.pos])
			b.pos++
		}
	}
	return v % n
}

func (b *byteChooser) done() bool { return b.pos >= len(b.data) }

// worldTexts are the documents operations run on: named speakers, titles
// after commas, pronouns, CJK, emoji and combining accents.
var worldTexts = []struct{ title, body string }{
	{"Tariffs", "Wang Wen, dean of the School 😀 of Law, said \"教育很重要\". He added that cafe\u0301 prices 𝄞 rose.\n" +
		"Li Qiang disagreed; she said it was “not true”. According to Wang Wen, they will meet. WANG  wen nodded."},
	{"会议", "王文说：他们会来。 Zhang San 👩🏽\u200d🔬 noted: “fine”. He smiled, and Zhang agreed."},
}

// world is a store with documents and the word spans to pick from.
type world struct {
	s      *Store
	docs   []string
	tokens map[string][]text.Span
	// edits: the steps include edits of the texts (ReplaceText), one in
	// eight; off, the choices decode as they always did.
	edits bool
}

func newWorld(t testing.TB) *world {
	t.Helper()
	w := &world{s: New(DefaultSchema(), "tester", fixedClock), tokens: map[string][]text.Span{}}
	for _, d := range worldTexts {
		id, err := w.s.AddDocument(d.title, d.body)
		require.NoError(t, err)
		w.docs = append(w.docs, id)
		var toks []text.Span
		start := -1
		i := 0
		for _, r := range d.body {
			if unicode.IsSpace(r) {
				if start >= 0 {
					toks = append(toks, text.Span{Start: start, End: i})
				}
				start = -1
			} else if start < 0 {
				start = i
			}
			i++
		}
		if start >= 0 {
			toks = append(toks, text.Span{Start: start, End: i})
		}
		w.tokens[id] = toks
	}
	w.s.TakeDirty()
	return w
}

var (
	pickLabels   = []string{LabelClaim, LabelClaim, LabelSpeaker, LabelSpeaker, LabelCue, "rumour"}
	pickStances  = []string{"favor", "against", "neutral", "unclear", "", "maybe"}
	pickStrings  = []string{"", "tariffs", "Wang Wen", "wang  wen", "He", "  ", "<script>alert(1)</script>", "教育 😀", strings.Repeat("名", 130)}
	pickBadIDs   = []string{"", "a999999", "s999999", "x"}
	pickOpsNames = []string{"add", "add", "add", "add", "delete", "stance", "target", "note", "link mention", "link mention",
		"claim speaker", "link cue", "mention speaker", "new speaker", "rename", "topic", "undo", "undo", "redo"}
)

func pick[T any](c chooser, xs []T) T { return xs[c.Intn(len(xs))] }

// pickAnn picks an annotation id, mostly one of label (any label if ""),
// sometimes one of another label or one that does not exist.
func (w *world) pickAnn(c chooser, label string) string {
	switch c.Intn(10) {
	case 0:
		return pick(c, pickBadIDs)
	case 1:
		label = ""
	}
	var ids []string
	for _, d := range w.docs {
		for _, a := range w.s.Annotations(d) {
			if label == "" || a.Label == label {
				ids = append(ids, a.ID)
			}
		}
	}
	if len(ids) == 0 {
		return pick(c, pickBadIDs)
	}
	return pick(c, ids)
}

func (w *world) pickSpeaker(c chooser) string {
	sps := w.s.Speakers()
	if len(sps) == 0 || c.Intn(10) == 0 {
		return pick(c, pickBadIDs)
	}
	return pick(c, sps).ID
}

func (w *world) pickDoc(c chooser) string {
	if c.Intn(20) == 0 {
		return "d99"
	}
	return pick(c, w.docs)
}

// pickFragments picks fragments for doc: runs of words mostly, sometimes
// arbitrary, long, empty, reversed, outside the text or discontinuous.
func (w *world) pickFragments(c chooser, doc string) []text.Span {
	n := 40
	if _, x, ok := w.s.Document(doc); ok {
		n = x.Len()
	}
	toks := w.tokens[doc]
	words := func() text.Span {
		if len(toks) == 0 {
			return text.Span{Start: 0, End: 1}
		}
		i := c.Intn(len(toks))
		j := min(i+c.Intn(4), len(toks)-1)
		return text.Span{Start: toks[i].Start, End: toks[j].End}
	}
	switch c.Intn(10) {
	case 0:
		start := c.Intn(n+4) - 2
		return []text.Span{{Start: start, End: start + c.Intn(12) - 2}}
	case 1:
		start := c.Intn(n / 4)
		return []text.Span{{Start: start, End: n - c.Intn(n/4)}}
	case 2:
		if c.Intn(8) == 0 {
			return nil
		}
		k := 2 + c.Intn(2)
		out := make([]text.Span, k)
		for i := range out {
			out[i] = words()
		}
		if c.Intn(3) > 0 { // mostly sorted and disjoint
			return disjoint(out)
		}
		return out
	default:
		return []text.Span{words()}
	}
}

// disjoint sorts spans and drops those overlapping an earlier one.
func disjoint(spans []text.Span) []text.Span {
	spans = append([]text.Span(nil), spans...)
	for i := 1; i < len(spans); i++ {
		for j := i; j > 0 && spans[j].Start < spans[j-1].Start; j-- {
			spans[j], spans[j-1] = spans[j-1], spans[j]
		}
	}
	out := spans[:1]
	for _, sp := range spans[1:] {
		if sp.Start >= out[len(out)-1].End {
			out = append(out, sp)
		}
	}
	return out
}

type opKind int

const (
	opChange opKind = iota
	opUndo
	opRedo
)

// step applies one randomly chosen operation and describes it.
func (w *world) step(c chooser) (desc string, kind opKind, err error) {
	s := w.s
	if w.edits && c.Intn(8) == 0 {
		return w.editText(c)
	}
	name := pick(c, pickOpsNames)
	switch name {
	case "add":
		doc, label := w.pickDoc(c), pick(c, pickLabels)
		frags := w.pickFragments(c, doc)
		_, err = s.Add(doc, label, frags)
		return "add " + label + " " + doc + " " + fragmentsString(frags), opChange, err
	case "delete":
		id := w.pickAnn(c, "")
		return "delete " + id, opChange, s.Delete(id)
	case "stance":
		id, v := w.pickAnn(c, LabelClaim), pick(c, pickStances)
		return "stance " + id + " " + v, opChange, s.SetStance(id, v)
	case "target":
		id, v := w.pickAnn(c, LabelClaim), pick(c, pickStrings)
		return "target " + id, opChange, s.SetTarget(id, v)
	case "note":
		id, v := w.pickAnn(c, ""), pick(c, pickStrings)
		return "note " + id, opChange, s.SetNote(id, v)
	case "link mention":
		id, m := w.pickAnn(c, LabelClaim), w.pickAnn(c, LabelSpeaker)
		if c.Intn(8) == 0 {
			m = ""
		}
		return "link mention " + id + " " + m, opChange, s.LinkMention(id, m)
	case "claim speaker":
		id, sp := w.pickAnn(c, LabelClaim), w.pickSpeaker(c)
		return "claim speaker " + id + " " + sp, opChange, s.SetClaimSpeaker(id, sp)
	case "link cue":
		id, q := w.pickAnn(c, LabelClaim), w.pickAnn(c, LabelCue)
		if c.Intn(8) == 0 {
			q = ""
		}
		return "link cue " + id + " " + q, opChange, s.LinkCue(id, q)
	case "mention speaker":
		id, sp := w.pickAnn(c, LabelSpeaker), w.pickSpeaker(c)
		return "mention speaker " + id + " " + sp, opChange, s.SetMentionSpeaker(id, sp)
	case "new speaker":
		id, v := w.pickAnn(c, LabelSpeaker), pick(c, pickStrings)
		_, err = s.NewSpeakerForMention(id, v)
		return "new speaker " + id + " " + v, opChange, err
	case "rename":
		sp, v := w.pickSpeaker(c), pick(c, pickStrings)
		return "rename " + sp + " " + v, opChange, s.RenameSpeaker(sp, v)
	case "topic":
		doc, v := w.pickDoc(c), pick(c, pickStrings)
		return "topic " + doc + " " + v, opChange, s.SetTopic(doc, v)
	case "undo":
		_, err = s.Undo()
		return "undo", opUndo, err
	case "redo":
		_, err = s.Redo()
		return "redo", opRedo, err
	default: // documents and schema: see property_ops_test.go
		return w.stepProject(c, name)
	}
}

// exercise applies up to n random operations (fewer if more returns
// false), checking after each one the invariants, the undo history (an
// undo or redo lands exactly on a recorded project), the revision counter
// and the dirty spans. It then undoes everything back to the empty project,
// checking each recorded state on the way, and redoes everything again.
func exercise(t testing.TB, w *world, c chooser, n int, more func() bool) {
	t.Helper()
	s := w.s
	hist := []Project{s.Project()}
	pos := 0
	var log []string
	for i := 0; i < n && more(); i++ {
		before, rev := s.Project(), s.Revision()
		undoName, canUndo := s.CanUndo()
		redoName, canRedo := s.CanRedo()
		s.TakeDirty()
		desc, kind, err := w.step(c)
		log = append(log, desc)
		after := s.Project()
		// The operations so far, built only when a check fails.
		fail := func(what string, args ...any) {
			t.Helper()
			require.Fail(t, fmt.Sprintf(what, args...)+"\noperations:\n"+strings.Join(log, "\n"))
		}
		switch {
		case kind == opChange && err != nil:
			if !reflect.DeepEqual(before, after) {
				require.Equal(t, before, after, "a failed operation changed the project:\n%s", strings.Join(log, "\n"))
			}
			n1, ok1 := s.CanUndo()
			n2, ok2 := s.CanRedo()
			if rev != s.Revision() || n1 != undoName || ok1 != canUndo || n2 != redoName || ok2 != canRedo {
				fail("a failed operation (%v) changed the revision or the history", err)
			}
		case kind == opChange && reflect.DeepEqual(before, after):
			// An edit that changes nothing leaves no undo step.
			n1, ok1 := s.CanUndo()
			n2, ok2 := s.CanRedo()
			if rev != s.Revision() || n1 != undoName || ok1 != canUndo || n2 != redoName || ok2 != canRedo {
				fail("an edit that changed nothing changed the revision or the history")
			}
		case kind == opChange:
			if _, ok := s.CanRedo(); ok || s.Revision() != rev+1 {
				fail("a change must add one revision (%d → %d) and clear the redo stack", rev, s.Revision())
			}
			hist = append(hist[:pos+1], after)
			pos++
		case kind == opUndo && pos == 0, kind == opRedo && pos == len(hist)-1:
			if !errors.Is(err, ErrNothingToUndo) || rev != s.Revision() || !reflect.DeepEqual(before, after) {
				fail("undo/redo with nothing to do: %v", err)
			}
		default:
			if err != nil || s.Revision() != rev+1 {
				fail("undo/redo: %v, revision %d → %d", err, rev, s.Revision())
			}
			if kind == opUndo {
				pos--
			} else {
				pos++
			}
			if !reflect.DeepEqual(hist[pos], after) {
				require.Equal(t, hist[pos], after, "undo/redo did not restore the recorded project:\n%s", strings.Join(log, "\n"))
			}
		}
		if msg := checkDirty(before, after, s.TakeDirty()); msg != "" {
			fail("%s", msg)
		}
		checkInvariants(t, s)
	}

	for pos > 0 {
		_, err := s.Undo()
		require.NoError(t, err)
		pos--
		require.Equal(t, hist[pos], s.Project(), "undo all, at step %d", pos)
	}
	_, err := s.Undo()
	require.ErrorIs(t, err, ErrNothingToUndo)
	empty := s.Project()
	require.Empty(t, empty.Annotations, "undo all must leave no annotation")
	require.Empty(t, empty.Speakers, "undo all must leave no speaker")
	checkInvariants(t, s)
	for pos < len(hist)-1 {
		_, err := s.Redo()
		require.NoError(t, err)
		pos++
		require.Equal(t, hist[pos], s.Project(), "redo all, at step %d", pos)
	}
	_, err = s.Redo()
	require.ErrorIs(t, err, ErrNothingToUndo)
	checkInvariants(t, s)
}

// checkDirty checks that every annotation that changed between two
// projects has its old and its new hull among the dirty spans, and
// describes the first one missing.
func checkDirty(before, after Project, dirty []Dirty) string {
	index := func(p Project) map[string]Annotation {
		m := map[string]Annotation{}
		for _, a := range p.Annotations {
			m[a.ID] = a
		}
		return m
	}
	b, a := index(before), index(after)
	has := map[Dirty]bool{}
	for _, d := range dirty {
		has[d] = true
	}
	for id, old := range b {
		if now, ok := a[id]; (!ok || !equalAnn(old, now)) && !has[Dirty{old.Document, old.Hull()}] {
			return id + ": old hull not dirty"
		}
	}
	for id, now := range a {
		if old, ok := b[id]; (!ok || !equalAnn(old, now)) && !has[Dirty{now.Document, now.Hull()}] {
			return id + ": new hull not dirty"
		}
	}
	return ""
}

func equalAnn(a, b Annotation) bool {
	return fragmentsString(a.Fragments) == fragmentsString(b.Fragments) &&
		a.Document == b.Document && a.Label == b.Label && a.Quote == b.Quote &&
		a.Stance == b.Stance && a.Target == b.Target && a.SpeakerMention == b.SpeakerMention &&
		a.Cue == b.Cue && a.Speaker == b.Speaker && a.Note == b.Note && a.Modified == b.Modified
}
