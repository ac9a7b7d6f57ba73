package store

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/text"
)

// bigProject is docs documents of about size bytes each, with perDoc
// one-word claims each.
func bigProject(tb testing.TB, docs, size, perDoc int) *annotation.Store {
	tb.Helper()
	const word = "claim "
	body := strings.Repeat(word, size/len(word))
	p := annotation.Project{Schema: annotation.DefaultSchema(), Annotator: "Ana"}
	n := 0
	for d := 1; d <= docs; d++ {
		id := fmt.Sprint("d", d)
		p.Documents = append(p.Documents, annotation.Document{ID: id, Title: fmt.Sprint("Document ", d), Text: body})
		step := max(len(body)/len(word)/perDoc, 1)
		for k := 0; k < perDoc; k++ {
			n++
			start := k * step * len(word)
			p.Annotations = append(p.Annotations, annotation.Annotation{
				ID: fmt.Sprint("a", n), Document: id, Label: annotation.LabelClaim,
				Fragments: []text.Span{{Start: start, End: start + 5}}, Quote: "claim",
				Prefix: body[max(start-annotation.ContextLength, 0):start], Suffix: body[start+5 : min(start+5+annotation.ContextLength, len(body))],
				Created: "2026-12-05T12:00:00Z", Modified: "2026-12-05T12:00:00Z",
			})
		}
	}
	s, err := annotation.Load(p, clock)
	require.NoError(tb, err)
	return s
}

func TestLargeProjectsAreSavedAndLoadedWhole(t *testing.T) {
	if testing.Short() {
		t.Skip("large projects")
	}
	tests := []struct {
		name               string
		docs, size, perDoc int
	}{
		{"50,000 annotations in one document", 1, 6 << 20, 50000},
		{"5 MB and 25,000 annotations", 1, 5 << 20, 25000},
		{"2,000 documents of 5 KB with 20 annotations each", 2000, 5 << 10, 20},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			s := bigProject(t, tc.docs, tc.size, tc.perDoc)
			sv := newSaver(t)
			sv.save(s)
			sv.compact()
			d := s.Documents()[0].ID
			id, err := s.Add(d, annotation.LabelSpeaker, []text.Span{{Start: 6, End: 11}})
			require.NoError(t, err)
			w := sv.save(s)
			require.Less(t, w.Bytes, 4000, "one change writes a few records")
			require.NoError(t, s.SetNote(id, "checked"))
			sv.save(s)
			got := sv.load()
			require.Equal(t, s.Project(), got.Project())
		})
	}
}

// BenchmarkSaveOneChange is the Go side of saving one change in a 5 MB
// project with 25,000 annotations: the records it touched, encoded as one
// batch (what the page's main thread does before handing the batch to
// IndexedDB).
func BenchmarkSaveOneChange(b *testing.B) {
	s := bigProject(b, 1, 5<<20, 25000)
	sv := newSaver(b)
	sv.save(s)
	sv.compact()
	d := s.Documents()[0].ID
	ids := []string{}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if i%2 == 0 {
			b.StopTimer()
			id, err := s.Add(d, annotation.LabelSpeaker, []text.Span{{Start: 6, End: 11}})
			if err != nil {
				b.Fatal(err)
			}
			ids = append(ids, id)
			b.StartTimer()
		} else {
			b.StopTimer()
			if _, err := s.Undo(); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
		}
		ops, err := sv.saved.Changes(s)
		if err != nil {
			b.Fatal(err)
		}
		w, err := sv.log.Save(ops)
		if err != nil {
			b.Fatal(err)
		}
		sv.log.Done(w, nil)
		if sv.log.NeedsCompaction() {
			b.StopTimer()
			sv.log = NewLog(Recover(disk{})) // the disk is not written here
			b.StartTimer()
		}
	}
}

// BenchmarkFirstSaveOfAnOpenedProject is the Go side of the first save
// after a project of 1 MB and 5,000 annotations is opened: every record
// encoded, the whole-project batch planned (what the page's main thread
// did in one task right after the open's first paint).
func BenchmarkFirstSaveOfAnOpenedProject(b *testing.B) {
	s := bigProject(b, 1, 1<<20, 5000)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		saved := NewSaved(nil, nil)
		ops, err := saved.Changes(s)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := NewLog(Recovered{}).Save(ops); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkReloadAProject is the Go side of a reload of a project of
// 1 MB and 5,000 annotations saved whole and compacted: what storage
// holds recovered, the project and its history read back.
func BenchmarkReloadAProject(b *testing.B) {
	s := bigProject(b, 1, 1<<20, 5000)
	sv := newSaver(b)
	sv.save(s)
	sv.compact()
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r := Recover(sv.disk)
		if _, _, err := LoadProject(r.Records, clock); err != nil {
			b.Fatal(err)
		}
	}
}
