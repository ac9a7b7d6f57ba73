package annotation

import (
	"math/rand"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"sayso/internal/text"
)

// bruteOverlapping is Overlapping by a scan of every annotation.
func bruteOverlapping(s *Store, doc string, sp text.Span) []*Annotation {
	var out []*Annotation
	for _, a := range s.Annotations(doc) {
		if a.Hull().Overlaps(sp) {
			out = append(out, a)
		}
	}
	return out
}

func TestOverlappingMatchesABruteForceScan(t *testing.T) {
	body := strings.Repeat("Wang Wen 😀 said 王文 cafe\u0301. ", 20)
	n := len([]rune(body))
	for seed := int64(1); seed <= 5; seed++ {
		r := rand.New(rand.NewSource(seed))
		s, doc := newTestStore(t, "T", body)
		randomSpan := func() text.Span {
			start := r.Intn(n)
			var l int
			switch r.Intn(10) {
			case 0:
				l = 1 + r.Intn(n-start) // long, up to the end
			case 1:
				l = 1
			default:
				l = 1 + r.Intn(min(15, n-start))
			}
			return text.Span{Start: start, End: start + l}
		}
		var ids []string
		for range 300 {
			var frags []text.Span
			if r.Intn(5) == 0 { // discontinuous
				frags = disjoint([]text.Span{randomSpan(), randomSpan(), randomSpan()})
			} else {
				frags = []text.Span{randomSpan()}
			}
			if r.Intn(20) == 0 && len(ids) > 0 { // nested exactly on another one
				a, _ := s.Annotation(ids[r.Intn(len(ids))])
				frags = a.Fragments
			}
			id, err := s.Add(doc, pick(r, []string{LabelClaim, LabelCue, LabelCue}), frags)
			require.NoError(t, err)
			ids = append(ids, id)
			if r.Intn(4) == 0 { // deleting leaves maxHull as it was
				i := r.Intn(len(ids))
				require.NoError(t, s.Delete(ids[i]))
				ids = append(ids[:i], ids[i+1:]...)
			}
		}
		require.Len(t, s.Annotations(doc), len(ids))

		queries := []text.Span{{Start: 0, End: n}, {Start: -5, End: n + 5}, {Start: 0, End: 1}, {Start: n - 1, End: n},
			{Start: 3, End: 3}, {Start: 10, End: 4}, {Start: n, End: n + 3}, {Start: -3, End: 0}}
		for range 2000 {
			start := r.Intn(n+4) - 2
			queries = append(queries, text.Span{Start: start, End: start + r.Intn(30) - 3})
		}
		for _, a := range s.Annotations(doc) {
			h := a.Hull()
			queries = append(queries, h, text.Span{Start: h.Start - 1, End: h.Start}, text.Span{Start: h.End, End: h.End + 1},
				text.Span{Start: h.End - 1, End: h.End})
		}
		for _, q := range queries {
			require.Equal(t, bruteOverlapping(s, doc, q), s.Overlapping(doc, q), "seed %d, span %v", seed, q)
		}
		checkInvariants(t, s)
	}
}

func TestOverlappingOfAnEmptySpanIsEmpty(t *testing.T) {
	s, doc := newTestStore(t, "T", sceneText)
	_, err := s.Add(doc, LabelClaim, []text.Span{{Start: 0, End: 20}})
	require.NoError(t, err)
	require.Empty(t, s.Overlapping(doc, text.Span{Start: 5, End: 5}), "an empty span overlaps nothing")
	require.Empty(t, s.Overlapping(doc, text.Span{Start: 10, End: 5}))
	require.Len(t, s.Overlapping(doc, text.Span{Start: 5, End: 6}), 1)
}

func TestOverlappingUsesTheHullOfDiscontinuousAnnotations(t *testing.T) {
	s, doc := newTestStore(t, "T", sceneText)
	id, err := s.Add(doc, LabelClaim, []text.Span{{Start: 0, End: 4}, {Start: 20, End: 24}})
	require.NoError(t, err)
	got := s.Overlapping(doc, text.Span{Start: 10, End: 11})
	require.Len(t, got, 1, "the gap is inside the hull")
	require.Equal(t, id, got[0].ID)
	require.False(t, got[0].Covers(10), "but not covered")
	require.Nil(t, s.Overlapping("d99", text.Span{Start: 0, End: 5}))
}

func TestAnnotationsAreInReadingOrder(t *testing.T) {
	s, doc := newTestStore(t, "T", sceneText)
	add := func(frags ...text.Span) string {
		id, err := s.Add(doc, LabelCue, frags)
		require.NoError(t, err)
		return id
	}
	late := add(text.Span{Start: 30, End: 35})                             // a1
	short := add(text.Span{Start: 0, End: 4})                              // a2
	long := add(text.Span{Start: 0, End: 20})                              // a3
	gap := add(text.Span{Start: 0, End: 2}, text.Span{Start: 25, End: 28}) // a4: hull 0–28
	var same []string
	for range 9 { // a5 … a13: equal hulls order by id, a9 before a10
		same = append(same, add(text.Span{Start: 10, End: 12}))
	}
	want := append([]string{gap, long, short}, same...)
	want = append(want, late)
	var got []string
	for _, a := range s.Annotations(doc) {
		got = append(got, a.ID)
	}
	require.Equal(t, want, got)
	require.Equal(t, []string{"a4", "a3", "a2", "a5", "a6", "a7", "a8", "a9", "a10", "a11", "a12", "a13", "a1"}, got)
	require.Nil(t, s.Annotations("d99"))
	checkInvariants(t, s)
}

func TestTakeDirtyReportsOldAndNewHulls(t *testing.T) {
	sc := newScene(t)
	s := sc.s
	hull := func(id string) Dirty {
		a := ann(t, s, id)
		return Dirty{Doc: a.Document, Span: a.Hull()}
	}
	require.Empty(t, s.TakeDirty(), "newScene took them")

	id, err := s.Add(sc.doc, LabelClaim, []text.Span{{Start: 0, End: 4}, {Start: 80, End: 84}})
	require.NoError(t, err)
	require.Equal(t, []Dirty{{Doc: sc.doc, Span: text.Span{Start: 0, End: 84}}}, s.TakeDirty(), "a discontinuous annotation dirties its hull")
	require.Empty(t, s.TakeDirty(), "TakeDirty forgets what it returned")

	require.NoError(t, s.SetStance(id, "favor"))
	require.Equal(t, []Dirty{{Doc: sc.doc, Span: text.Span{Start: 0, End: 84}}, {Doc: sc.doc, Span: text.Span{Start: 0, End: 84}}}, s.TakeDirty())

	m1, c1 := hull(sc.m1), hull(sc.c1)
	require.NoError(t, s.Delete(sc.m1))
	d := s.TakeDirty()
	require.Contains(t, d, m1, "the deleted mention")
	require.Contains(t, d, c1, "the claim that lost its link")
	for _, x := range d {
		require.Contains(t, []Dirty{m1, c1}, x)
	}

	_, err = s.Undo()
	require.NoError(t, err)
	d = s.TakeDirty()
	require.Contains(t, d, m1)
	require.Contains(t, d, c1)

	require.NoError(t, s.SetMentionSpeaker(sc.m3, sc.s1))
	require.Equal(t, []Dirty{hull(sc.m3), hull(sc.m3)}, s.TakeDirty())
	require.Equal(t, sc.doc2, hull(sc.m3).Doc)
}

func TestProjectIsACopy(t *testing.T) {
	sc := newScene(t)
	p := sc.s.Project()
	want := sc.s.Project()
	p.Annotations[0].Fragments[0].Start = 99
	p.Annotations[0].Quote = "changed"
	p.Schema.Labels[0].ID = "changed"
	p.Schema.Stances[0] = "changed"
	p.Speakers[0].Name = "changed"
	p.Documents[0].Topic = "changed"
	require.Equal(t, want, sc.s.Project())
}

func TestProjectOrder(t *testing.T) {
	s := New(DefaultSchema(), "me", fixedClock)
	d1, err := s.AddDocument("One", proposalText)
	require.NoError(t, err)
	d2, err := s.AddDocument("Two", sceneText)
	require.NoError(t, err)
	// Enough speakers that s11 must sort after s9.
	for _, name := range []string{"Wang Wen", "Li Qiang", "Zhang\n  San", "Wang Wenjun"} {
		mustAdd(t, s, d1, LabelSpeaker, proposalText, name, 0)
	}
	for _, name := range []string{"Wang Wen", "Li Qiang", "Zhang San", "said", "the talks", "tariffs", "reporters"} {
		m := mustAdd(t, s, d2, LabelSpeaker, sceneText, name, 0)
		_, err := s.NewSpeakerForMention(m, "X "+name)
		require.NoError(t, err)
	}
	p := s.Project()
	require.Equal(t, "me", p.Annotator)
	require.Equal(t, []string{d1, d2}, []string{p.Documents[0].ID, p.Documents[1].ID})
	var sp []string
	for _, x := range p.Speakers {
		sp = append(sp, x.ID)
	}
	require.Equal(t, []string{"s1", "s2", "s3", "s4", "s5", "s6", "s7", "s9", "s11", "s13", "s15"}, sp, "speakers by id")
	var docs []string
	for _, a := range p.Annotations {
		docs = append(docs, a.Document)
	}
	require.Equal(t, strings.Split("d1 d1 d1 d1 d2 d2 d2 d2 d2 d2 d2", " "), docs, "annotations by document")
}

func TestDocuments(t *testing.T) {
	s := New(DefaultSchema(), "", fixedClock)
	id, err := s.AddDocument("  Title ", "line one\r\nline two\rline three")
	require.NoError(t, err)
	require.Equal(t, "d1", id)
	d, x, ok := s.Document(id)
	require.True(t, ok)
	require.Equal(t, Document{ID: "d1", Title: "  Title ", Text: "line one\nline two\nline three", Topic: "Title"}, *d)
	require.Equal(t, d.Text, x.Text())
	require.Equal(t, []*Document{d}, s.Documents())
	_, _, ok = s.Document("d2")
	require.False(t, ok)
	id, err = s.AddDocument("", "x")
	require.NoError(t, err)
	require.Equal(t, "d2", id)
}

func TestSchema(t *testing.T) {
	sc := DefaultSchema()
	var keys []string
	for _, id := range []string{LabelClaim, LabelSpeaker, LabelCue} {
		l, ok := sc.Label(id)
		require.True(t, ok, id)
		keys = append(keys, l.Key)
	}
	require.Equal(t, []string{"c", "s", "q"}, keys)
	_, ok := sc.Label("rumour")
	require.False(t, ok)
	require.Equal(t, []string{"favor", "against", "neutral", "unclear"}, sc.Stances)
	require.True(t, sc.HasStance("neutral"))
	require.False(t, sc.HasStance(""))

	c := sc.Clone()
	c.Labels[0].Name = "x"
	c.Stances[0] = "x"
	require.Equal(t, DefaultSchema(), sc, "Clone is deep")

	s := New(sc, "", fixedClock)
	sc.Labels[0].ID = "changed"
	got := s.Schema()
	got.Stances[0] = "changed"
	require.Equal(t, DefaultSchema(), s.Schema(), "the store keeps its own copy")
}

func TestHullCoversAndQuoteOf(t *testing.T) {
	a := &Annotation{Fragments: []text.Span{{Start: 2, End: 4}, {Start: 7, End: 9}}}
	require.Equal(t, text.Span{Start: 2, End: 9}, a.Hull())
	for cp, want := range map[int]bool{1: false, 2: true, 3: true, 4: false, 6: false, 7: true, 8: true, 9: false} {
		require.Equal(t, want, a.Covers(cp), "cp %d", cp)
	}
	require.Equal(t, text.Span{}, (&Annotation{}).Hull())

	x := text.NewIndex(mixedText)
	require.Equal(t, "王文", QuoteOf(x, []text.Span{{Start: 2, End: 4}}))
	require.Equal(t, "😀 … 王文 … 𝄞", QuoteOf(x, []text.Span{{Start: 0, End: 1}, {Start: 2, End: 4}, {Start: 17, End: 18}}))
}
