package store

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/text"
)

func clock() time.Time { return time.Date(2026, 12, 5, 12, 0, 0, 0, time.UTC) }

// saver saves a store to a disk the way the app does: the changes as one
// batch per save, a compaction now and then.
type saver struct {
	t     testing.TB
	disk  disk
	log   *Log
	saved *Saved
}

func newSaver(t testing.TB) *saver {
	d := disk{}
	r := Recover(d)
	return &saver{t: t, disk: d, log: NewLog(r), saved: NewSaved(nil, r.Records)}
}

func (s *saver) save(st *annotation.Store) Write {
	ops, err := s.saved.Changes(st)
	require.NoError(s.t, err)
	w, err := s.log.Save(ops)
	require.NoError(s.t, err)
	s.disk.run(w.Ops)
	s.log.Done(w, nil)
	return w
}

func (s *saver) compact() {
	if w, ok := s.log.Compact(); ok {
		s.disk.run(w.Ops)
		s.log.Done(w, nil)
	}
}

func (s *saver) load() *annotation.Store {
	r := Recover(s.disk)
	st, herr, err := LoadProject(r.Records, clock)
	require.NoError(s.t, err)
	require.NoError(s.t, herr)
	return st
}

// sameWithHistory checks that b is a as it was saved, undo after undo.
func sameWithHistory(t testing.TB, a, b *annotation.Store) {
	t.Helper()
	require.Equal(t, a.Project(), b.Project())
	ua, ra := a.History()
	ub, rb := b.History()
	if len(ua) > HistorySteps {
		ua = ua[len(ua)-HistorySteps:]
	}
	require.Equal(t, ua, ub, "the undo stack")
	require.Equal(t, ra, rb, "the redo stack")
	for range ub {
		na, err := a.Undo()
		require.NoError(t, err)
		nb, err := b.Undo()
		require.NoError(t, err)
		require.Equal(t, na, nb)
		require.Equal(t, a.Project(), b.Project(), "after undoing %q", na)
	}
}

func spanOf(t testing.TB, s *annotation.Store, doc, sub string) []text.Span {
	d, x, _ := s.Document(doc)
	i := strings.Index(d.Text, sub)
	require.GreaterOrEqual(t, i, 0)
	start := x.CodePointAtByte(i)
	return []text.Span{{Start: start, End: start + len([]rune(sub))}}
}

func TestAProjectSavedChangeByChangeLoadsWithItsHistory(t *testing.T) {
	s := annotation.New(annotation.DefaultSchema(), "Ana", clock)
	d1, err := s.AddDocument("Harbour", "Nobody asked us, said Reyes. The council said it was sound."+strings.Repeat(" More text.", 20000))
	require.NoError(t, err)
	sv := newSaver(t)
	sv.save(s)

	c, err := s.Add(d1, annotation.LabelClaim, spanOf(t, s, d1, "Nobody asked us"))
	require.NoError(t, err)
	sv.save(s)
	_, err = s.Add(d1, annotation.LabelSpeaker, spanOf(t, s, d1, "Reyes"))
	require.NoError(t, err)
	require.NoError(t, s.SetNote(c, "a note 🙂"))
	w := sv.save(s)
	assert.Less(t, w.Bytes, 5000, "a change writes what changed, not the text")

	d2, err := s.AddDocument("Second", "Another text, with another claim in it.")
	require.NoError(t, err)
	_, err = s.Add(d2, annotation.LabelClaim, spanOf(t, s, d2, "another claim"))
	require.NoError(t, err)
	require.NoError(t, s.RenameDocument(d1, "Harbour town"))
	require.NoError(t, s.MoveDocument(d2, 0))
	sv.save(s)
	sv.compact()
	require.NoError(t, s.RemoveDocument(d1))
	sv.save(s)
	_, err = s.Undo()
	require.NoError(t, err)
	_, err = s.Undo()
	require.NoError(t, err)
	sv.save(s)

	sameWithHistory(t, s, sv.load())
}

func TestAnotherProjectReplacesTheRecordsOfTheFirst(t *testing.T) {
	a := annotation.New(annotation.DefaultSchema(), "", clock)
	da, _ := a.AddDocument("A", "First text says one thing.")
	_, err := a.Add(da, annotation.LabelClaim, spanOf(t, a, da, "one thing"))
	require.NoError(t, err)
	sv := newSaver(t)
	sv.save(a)

	b := annotation.New(annotation.DefaultSchema(), "", clock)
	_, err = b.AddDocument("B", "Second text, nothing marked.")
	require.NoError(t, err)
	sv.save(b)
	sv.compact()
	got := sv.load()
	assert.Equal(t, b.Project(), got.Project())
	for k := range sv.disk {
		assert.NotContains(t, sv.disk[k], "First text", "nothing of the first project is left (%s)", k)
	}
}

// FuzzSavedProjectsLoadAsTheyWere applies a run of changes drawn from the
// fuzz bytes, saving after each (and compacting now and then), and checks
// that what storage holds loads as the project, undo after undo.
func FuzzSavedProjectsLoadAsTheyWere(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9})
	f.Add([]byte{0, 0, 0, 7, 7, 8, 3, 3, 9, 1, 6})
	f.Add([]byte{5, 0, 4, 4, 6, 6, 6, 2, 0})
	words := []string{"Nobody", "asked", "us", "said", "Reyes", "council", "plan", "sound"}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 64 {
			return
		}
		s := annotation.New(annotation.DefaultSchema(), "", clock)
		_, err := s.AddDocument("T", strings.Join(words, " ")+".")
		require.NoError(t, err)
		sv := newSaver(t)
		sv.save(s)
		labels := []string{annotation.LabelClaim, annotation.LabelSpeaker, annotation.LabelCue}
		for i, b := range data {
			docs := s.Documents()
			doc := docs[int(b)%len(docs)].ID
			switch b % 10 {
			case 0, 1, 2:
				w := words[int(b/10)%len(words)]
				if strings.Contains(docs[int(b)%len(docs)].Text, w) {
					_, _ = s.Add(doc, labels[int(b/3)%3], spanOf(t, s, doc, w))
				}
			case 3:
				if anns := s.Annotations(doc); len(anns) > 0 {
					_ = s.Delete(anns[int(b)%len(anns)].ID)
				}
			case 4:
				_, _ = s.Undo()
			case 5:
				_, _ = s.Redo()
			case 6:
				_, _ = s.AddDocument(fmt.Sprint("Doc ", i), strings.Join(words[i%3:], " "))
			case 7:
				if len(docs) > 1 {
					_ = s.RemoveDocument(doc)
				}
			case 8:
				_ = s.RenameDocument(doc, fmt.Sprint("Renamed ", i))
				_ = s.MoveDocument(doc, 0)
			case 9:
				sv.compact()
			}
			sv.save(s)
		}
		sameWithHistory(t, s, sv.load())
	})
}

func TestAnEditedTextAndItsUndoSurviveAReload(t *testing.T) {
	s := annotation.New(annotation.DefaultSchema(), "Ana", clock)
	d, err := s.AddDocument("Harbour", "Nobody asked us, said Reyes. The council said it was sound.")
	require.NoError(t, err)
	_, err = s.Add(d, annotation.LabelClaim, spanOf(t, s, d, "Nobody asked us"))
	require.NoError(t, err)
	sv := newSaver(t)
	sv.save(s)
	require.NoError(t, s.RenameDocument(d, "Before the edit"))
	// The edit drops the claim's text: it becomes unplaced.
	gone := func(a *annotation.Annotation, _, _ *text.Index) annotation.Placement { return annotation.Placement{} }
	_, err = s.ReplaceText(d, "A new text entirely.", gone)
	require.NoError(t, err)
	require.NoError(t, s.RenameDocument(d, "After the edit"))
	sv.save(s)
	sv.compact()

	got := sv.load()
	require.Equal(t, "A new text entirely.", got.Documents()[0].Text)
	sameWithHistory(t, s, got)
}

func TestTheHistoryRecordIsTheJSONOfTheStacks(t *testing.T) {
	tests := []struct {
		name       string
		undo, redo []int
	}{
		{"no history", nil, nil},
		{"undo only", []int{1, 2, 3}, nil},
		{"undo and redo", []int{4}, []int{9, 7}},
		{"trimmed to empty", []int{}, []int{}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			want, err := json.Marshal(history{Undo: tc.undo, Redo: tc.redo})
			require.NoError(t, err)
			assert.Equal(t, string(want), encodeHistory(tc.undo, tc.redo))
		})
	}
}

func TestStepsAreComparedWithThoseWrittenLast(t *testing.T) {
	tests := []struct {
		name              string
		old, cur          []int
		added, gone       []int
		inIncreasingOrder bool
	}{
		{"a new step", []int{1, 2}, []int{1, 2, 3}, []int{3}, nil, true},
		{"the oldest trimmed", []int{1, 2, 3}, []int{2, 3, 4}, []int{4}, []int{1}, true},
		{"redo steps dropped by a new change", []int{1, 2, 5, 6}, []int{1, 2, 7}, []int{7}, []int{5, 6}, true},
		{"nothing changed", []int{1, 2}, []int{1, 2}, nil, nil, true},
		{"out of order", []int{1}, []int{3, 2}, nil, nil, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			added, gone, ok := mergeDiff(tc.old, tc.cur)
			require.Equal(t, tc.inIncreasingOrder, ok)
			assert.Equal(t, tc.added, added)
			assert.Equal(t, tc.gone, gone)
		})
	}
}

// TestRecordsWrittenByEncodingJSONLoadAsTheyWere: storage written by
// earlier versions (each record by encoding/json, possibly indented, of
// an older shape without the newest fields) loads as the same project
// with the same history as the records written now.
func TestRecordsWrittenByEncodingJSONLoadAsTheyWere(t *testing.T) {
	build := func() *annotation.Store {
		s := annotation.New(annotation.DefaultSchema(), "Ana", clock)
		d1, err := s.AddDocument("Harbour <1>", "Nobody asked us, said Reyes. The council said \"it was sound\" 🙂.")
		require.NoError(t, err)
		c, err := s.Add(d1, annotation.LabelClaim, spanOf(t, s, d1, "Nobody asked us"))
		require.NoError(t, err)
		sp, err := s.Add(d1, annotation.LabelSpeaker, spanOf(t, s, d1, "Reyes"))
		require.NoError(t, err)
		require.NoError(t, s.SetNote(c, "a note\twith <tags> & \u2028"))
		_ = sp
		return s
	}
	rewrite := []struct {
		name string
		edit func(k, v string) string
	}{
		{"as written now", func(_, v string) string { return v }},
		{"indented by encoding/json", func(_, v string) string {
			var x any
			require.NoError(t, json.Unmarshal([]byte(v), &x))
			b, err := json.MarshalIndent(x, "", "  ")
			require.NoError(t, err)
			return string(b)
		}},
		{"without the fields added later", func(k, v string) string {
			if !strings.HasPrefix(k, RecordPrefix+"a/") {
				return v
			}
			var x map[string]any
			require.NoError(t, json.Unmarshal([]byte(v), &x))
			if x["Anchored"] == "" && x["AnchorConfidence"] == float64(0) {
				delete(x, "Anchored")
				delete(x, "AnchorConfidence")
			}
			b, err := json.Marshal(x) // keys sorted: another order
			require.NoError(t, err)
			return string(b)
		}},
		{"with a field since removed", func(k, v string) string {
			if strings.HasPrefix(k, RecordPrefix+"a/") || strings.HasPrefix(k, RecordPrefix+"s/") || strings.HasPrefix(k, RecordPrefix+"c/") {
				return `{"Colour":"red",` + v[1:]
			}
			return v
		}},
	}
	for _, tc := range rewrite {
		t.Run(tc.name, func(t *testing.T) {
			s := build()
			sv := newSaver(t)
			sv.save(s)
			sv.compact()
			_, err := s.Add(s.Documents()[0].ID, annotation.LabelCue, spanOf(t, s, s.Documents()[0].ID, "said"))
			require.NoError(t, err)
			sv.save(s)
			sv.compact()
			// Every record as its own key, as a compaction record by record
			// leaves them, rewritten.
			r := Recover(sv.disk)
			old := disk{}
			for k, v := range r.Records {
				if k == annotation.MetaRecord || k == annotation.OrderRecord || k == annotation.HistoryRecord || strings.HasPrefix(k, "t/") {
					old[RecordPrefix+k] = v
					continue
				}
				old[RecordPrefix+k] = tc.edit(RecordPrefix+k, v)
			}
			got, herr, err := LoadProject(Recover(old).Records, clock)
			require.NoError(t, err)
			require.NoError(t, herr)
			sameWithHistory(t, s, got)
		})
	}
}

// TestAWholeProjectSavedChunkByChunkIsTheProjectAtItsLastChunk: the first
// save of a project opened is encoded a few records at a time while the
// person goes on working; until its last chunk nothing is written (a
// reload shows the project saved before), and its batch is then the
// project as it is at that moment, with its history.
func TestAWholeProjectSavedChunkByChunkIsTheProjectAtItsLastChunk(t *testing.T) {
	type env struct {
		s   *annotation.Store
		doc string
	}
	tests := []struct {
		name string
		// between changes s between chunks (call counts from 0).
		between func(t *testing.T, e *env, call int)
	}{
		{"nothing changes meanwhile", func(*testing.T, *env, int) {}},
		{"an annotation already encoded is changed", func(t *testing.T, e *env, call int) {
			if call == 2 {
				require.NoError(t, e.s.SetNote(e.s.Annotations(e.doc)[0].ID, "changed after it was encoded"))
			}
		}},
		{"an annotation already encoded is removed", func(t *testing.T, e *env, call int) {
			if call == 2 {
				require.NoError(t, e.s.Delete(e.s.Annotations(e.doc)[1].ID))
			}
		}},
		{"annotations are added and one undone", func(t *testing.T, e *env, call int) {
			switch call {
			case 1, 3:
				_, err := e.s.Add(e.doc, annotation.LabelSpeaker, []text.Span{{Start: 6 * (40 + call), End: 6*(40+call) + 5}})
				require.NoError(t, err)
			case 4:
				_, err := e.s.Undo()
				require.NoError(t, err)
			}
		}},
		{"the document is renamed at the last chunk", func(t *testing.T, e *env, call int) {
			if call == 5 {
				require.NoError(t, e.s.RenameDocument(e.doc, "Renamed"))
			}
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before := bigProject(t, 1, 600, 3)
			sv := newSaver(t)
			sv.save(before)
			sv.compact()

			s := bigProject(t, 1, 600, 30)
			e := &env{s: s, doc: s.Documents()[0].ID}
			var ops []Op
			for call := 0; ; call++ {
				require.Less(t, call, 100)
				o, more, err := sv.saved.ChangesUpTo(s, 7)
				require.NoError(t, err)
				if !more {
					ops = o
					break
				}
				assert.Empty(t, o, "nothing is written before the last chunk")
				assert.Equal(t, before.Project(), sv.load().Project(), "a reload now shows the project saved before")
				tc.between(t, e, call)
			}
			w, err := sv.log.Save(ops)
			require.NoError(t, err)
			sv.disk.run(w.Ops)
			sv.log.Done(w, nil)
			require.Equal(t, s.Project(), sv.load().Project())
			sv.compact()
			sameWithHistory(t, s, sv.load())
		})
	}
}
