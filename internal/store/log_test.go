package store

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// disk is storage where each op is one atomic write, as localStorage's
// setItem is: a crash can stop a Write between any two of its ops.
type disk map[string]string

func (d disk) run(ops []Op) {
	for _, op := range ops {
		switch {
		case op.Delete && op.Prefix:
			for k := range d {
				if strings.HasPrefix(k, op.Key) {
					delete(d, k)
				}
			}
		case op.Delete:
			delete(d, op.Key)
		default:
			d[op.Key] = op.Value
		}
	}
}

func TestBatchRoundTrips(t *testing.T) {
	tests := []struct {
		name string
		ops  []Op
	}{
		{"no op", nil},
		{"a put", []Op{Put("a/a1", `{"x":1}`)}},
		{"a delete", []Op{Del("a/a1")}},
		{"empty key and value", []Op{Put("", "")}},
		{"newlines and spaces in keys and values", []Op{Put("k \n k", "v\nP 3 4\nv"), Del("D 1\n")}},
		{"non-ASCII text", []Op{Put("t/d1", "Zoë said 🙂 — naïve\u00a0café")}},
		{"a large value", []Op{Put("t/d1", strings.Repeat("word ", 200000))}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			seq, ops, err := DecodeBatch(EncodeBatch(42, tc.ops))
			require.NoError(t, err)
			assert.Equal(t, uint64(42), seq)
			if len(tc.ops) == 0 {
				assert.Empty(t, ops)
				return
			}
			assert.Equal(t, tc.ops, ops)
		})
	}
}

func TestDamagedBatchesAreRefused(t *testing.T) {
	good := EncodeBatch(7, []Op{Put("a/a1", "value one"), Del("a/a2")})
	tests := []struct {
		name string
		data string
	}{
		{"empty", ""},
		{"cut in the header", good[:5]},
		{"cut in the body", good[:len(good)-3]},
		{"a byte changed", strings.Replace(good, "one", "onf", 1)},
		{"a byte added", good + "x"},
		{"another format", `{"seq":7}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, _, err := DecodeBatch(tc.data)
			assert.ErrorIs(t, err, ErrDamaged)
		})
	}
}

// saveAll runs w on d and reports it done.
func saveAll(t *testing.T, l *Log, d disk, ops []Op) {
	t.Helper()
	w, err := l.Save(ops)
	require.NoError(t, err)
	d.run(w.Ops)
	l.Done(w, nil)
}

func TestRecoveryAfterSavesAndCompaction(t *testing.T) {
	d := disk{}
	l := NewLog(Recover(d))
	saveAll(t, l, d, []Op{Put("a", "1"), Put("b", "2")})
	saveAll(t, l, d, []Op{Del("a"), Put("c", "3")})
	assert.Equal(t, map[string]string{"b": "2", "c": "3"}, Recover(d).Records)

	w, ok := l.Compact()
	require.True(t, ok)
	d.run(w.Ops)
	l.Done(w, nil)
	assert.Equal(t, disk{"r/b": "2", "r/c": "3", "applied": "2"}, d, "the log is folded into records")
	saveAll(t, l, d, []Op{Put("b", "4")})
	r := Recover(d)
	assert.Equal(t, map[string]string{"b": "4", "c": "3"}, r.Records)
	assert.Equal(t, uint64(3), r.Last)
}

func TestACompactionIsWrittenInChunksAndSavesGoOnBetweenThem(t *testing.T) {
	d := disk{}
	l := NewLog(Recover(d))
	l.chunkOps, l.chunkBytes = 2, 10
	saveAll(t, l, d, []Op{Put("a", "1"), Put("b", "2"), Put("c", "3"), Put("big", strings.Repeat("x", 40))})
	saveAll(t, l, d, []Op{Del("a"), Put("e", "5")})

	var chunks [][]Op
	for len(chunks) < 10 {
		w, ok := l.Compact()
		require.True(t, ok)
		chunks = append(chunks, w.Ops)
		d.run(w.Ops)
		if len(chunks) == 1 {
			// A save between two chunks: written, and kept after the fold.
			_, err := l.Save([]Op{Put("x", "1")})
			require.ErrorIs(t, err, ErrBusy, "one write at a time")
			l.Done(w, nil)
			saveAll(t, l, d, []Op{Put("b", "saved between chunks")})
			assert.NotContains(t, d, AppliedKey, "applied moves with the last chunk only")
			assert.True(t, l.NeedsCompaction(), "the compaction goes on")
			continue
		}
		l.Done(w, nil)
		if _, ok := d[AppliedKey]; ok {
			break
		}
	}
	require.Len(t, chunks, 4, "two records, one, the large one alone, then the rest with applied")
	assert.Equal(t, []Op{Del("r/a"), Put("r/b", "2")}, chunks[0])
	assert.Equal(t, []Op{Put("r/c", "3")}, chunks[1], "the next record would pass the bytes of a chunk")
	assert.Equal(t, []Op{Put("r/big", strings.Repeat("x", 40))}, chunks[2])
	assert.Equal(t, "2", d[AppliedKey])
	assert.NotContains(t, d, LogKey(1))
	assert.NotContains(t, d, LogKey(2))
	assert.Contains(t, d, LogKey(3), "the save made between chunks is not folded yet")
	assert.Equal(t, map[string]string{"b": "saved between chunks", "c": "3", "big": strings.Repeat("x", 40), "e": "5"}, Recover(d).Records)
	assert.False(t, l.NeedsCompaction(), "one small batch left")
	w, ok := l.Compact()
	require.True(t, ok)
	d.run(w.Ops)
	l.Done(w, nil)
	assert.Equal(t, "3", d[AppliedKey])
	assert.Equal(t, "saved between chunks", d["r/b"])
}

func TestAWholeProjectIsFoldedIntoOneBaseAndLaterChangesOverIt(t *testing.T) {
	alone := disk{}
	l := NewLog(Recover(alone))
	saveAll(t, l, alone, []Op{Put(wholeKey, ""), Put("a", "1"), Put("b", "2")})
	w, ok := l.Compact()
	require.True(t, ok)
	assert.Equal(t, alone[LogKey(1)], w.Ops[0].Value, "the whole project's batch alone is the base as written")
	alone.run(w.Ops)
	l.Done(w, nil)
	assert.Equal(t, map[string]string{"a": "1", "b": "2"}, Recover(alone).Records)

	d := disk{"r/old": "from an earlier project", "x/gone": ""}
	l = NewLog(Recover(d))
	saveAll(t, l, d, []Op{Put(wholeKey, ""), Put("a", "1"), Put("b", "2"), Put("c", "3")})
	saveAll(t, l, d, []Op{Put("b", "changed")})
	w, ok = l.Compact()
	require.True(t, ok)
	require.True(t, w.Final())
	assert.LessOrEqual(t, len(w.Ops), 8, "a few writes, however many records")
	d.run(w.Ops)
	l.Done(w, nil)
	assert.Equal(t, []string{AppliedKey, BaseKey}, slices.Sorted(maps.Keys(d)), "one base; the records of before are gone")
	assert.Equal(t, map[string]string{"a": "1", "b": "changed", "c": "3"}, Recover(d).Records)

	saveAll(t, l, d, []Op{Del("a"), Put("c", "4")})
	saveAll(t, l, d, []Op{Put("d", "5")})
	w, ok = l.Compact()
	require.True(t, ok)
	d.run(w.Ops)
	l.Done(w, nil)
	assert.Equal(t, "", d["x/a"], "a record of the base removed is marked removed")
	assert.Equal(t, "4", d["r/c"])
	assert.Equal(t, map[string]string{"b": "changed", "c": "4", "d": "5"}, Recover(d).Records)

	saveAll(t, l, d, []Op{Put("a", "back")})
	w, ok = l.Compact()
	require.True(t, ok)
	d.run(w.Ops)
	l.Done(w, nil)
	assert.NotContains(t, d, "x/a", "written again, no longer marked removed")
	assert.Equal(t, map[string]string{"a": "back", "b": "changed", "c": "4", "d": "5"}, Recover(d).Records)
}

func TestAnErasedProjectIsNotReadWhereverTheEraseStopped(t *testing.T) {
	d := disk{}
	l := NewLog(Recover(d))
	saveAll(t, l, d, []Op{Put(wholeKey, ""), Put("m", "settings"), Put("a", "1")})
	w, _ := l.Compact()
	d.run(w.Ops)
	l.Done(w, nil)
	saveAll(t, l, d, []Op{Put("a", "2")})
	erase := EraseWrite(slices.Collect(maps.Keys(d)))
	for cut := 1; cut <= len(erase.Ops); cut++ {
		c := maps.Clone(d)
		c.run(erase.Ops[:cut])
		r := Recover(c).Records
		if _, ok := r["m"]; ok {
			assert.Contains(t, []map[string]string{{"m": "settings", "a": "2"}, {"m": "settings", "a": "1"}}, r,
				"cut after %d writes: a state that was saved, or none", cut)
		}
	}
	d.run(erase.Ops)
	assert.Empty(t, d)
}

func TestAFailedSaveIsWrittenWithTheNext(t *testing.T) {
	d := disk{}
	l := NewLog(Recover(d))
	w, err := l.Save([]Op{Put("a", "1")})
	require.NoError(t, err)
	_, err = l.Save([]Op{Put("x", "1")})
	require.ErrorIs(t, err, ErrBusy, "one write at a time")
	l.Done(w, fmt.Errorf("QuotaExceededError"))
	assert.Empty(t, Recover(d).Records, "nothing was written")

	saveAll(t, l, d, []Op{Put("b", "2")})
	assert.Equal(t, map[string]string{"a": "1", "b": "2"}, Recover(d).Records)
}

func TestStaleBatchesAreNeverReplayedAfterNewOnes(t *testing.T) {
	// Batch 2 was torn; batch 3 was written after it (it cannot be, with
	// one write at a time, but storage may hold anything).
	d := disk{}
	d.run([]Op{
		Put(LogKey(1), EncodeBatch(1, []Op{Put("a", "1")})),
		Put(LogKey(2), EncodeBatch(2, []Op{Put("a", "2")})[:10]),
		Put(LogKey(3), EncodeBatch(3, []Op{Put("a", "3")})),
	})
	r := Recover(d)
	assert.Equal(t, map[string]string{"a": "1"}, r.Records)
	assert.Equal(t, []string{LogKey(2), LogKey(3)}, r.Stale)

	l := NewLog(r)
	saveAll(t, l, d, []Op{Put("b", "new")})
	saveAll(t, l, d, []Op{Put("c", "new")})
	assert.Equal(t, map[string]string{"a": "1", "b": "new", "c": "new"}, Recover(d).Records,
		"the old batch 3 is gone before a new batch 2 is written")
}

// script is a run of saves and compactions drawn from fuzz bytes.
type step struct {
	compact bool
	ops     []Op
}

func scriptOf(data []byte) []step {
	var steps []step
	for len(data) > 0 {
		b := data[0]
		data = data[1:]
		if b%5 == 0 {
			steps = append(steps, step{compact: true})
			continue
		}
		n := int(b%4) + 1
		var ops []Op
		if b%11 == 1 {
			ops = append(ops, Put(wholeKey, "")) // a batch of the whole project
		}
		for i := 0; i < n && len(data) > 0; i++ {
			k := fmt.Sprintf("k%d", data[0]%7)
			if data[0]%3 == 0 {
				ops = append(ops, Del(k))
			} else {
				ops = append(ops, Put(k, fmt.Sprintf("v%d-%d", len(steps), i)))
			}
			data = data[1:]
		}
		steps = append(steps, step{ops: ops})
	}
	return steps
}

// FuzzRecoveryAfterACrash runs a script of saves and compactions on
// storage that writes one key at a time, stops it at every write in turn
// as a crash would, and checks that recovery gives the last state whose
// save completed, or the state the interrupted save was writing.
func FuzzRecoveryAfterACrash(f *testing.F) {
	f.Add([]byte{1, 1, 2, 5, 3, 4})
	f.Add([]byte{4, 1, 2, 3, 4, 0, 2, 3, 3, 0, 9, 9, 9, 9})
	f.Add([]byte{3, 0, 1, 2, 5, 3, 6, 6, 5, 2, 0, 4, 0})
	f.Add([]byte{12, 1, 2, 4, 0, 3, 1, 3, 5, 12, 4, 5, 3, 0, 9, 0, 2, 0, 5})
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 200 {
			return
		}
		steps := scriptOf(data)
		total := 0
		for _, s := range steps {
			total += len(s.ops) + 8
		}
		for cut := 0; cut <= total; cut++ {
			d := disk{}
			l := NewLog(Recover(d))
			l.chunkOps = 2 // compactions of several chunks, saves between them
			want := map[string]string{}
			var inflight map[string]string
			written := 0
		run:
			for _, s := range steps {
				var w Write
				next := maps.Clone(want)
				if s.compact {
					var ok bool
					if w, ok = l.Compact(); !ok {
						continue
					}
				} else {
					var err error
					if w, err = l.Save(s.ops); err != nil {
						t.Fatal(err)
					}
					apply(next, s.ops)
				}
				for _, op := range w.Ops {
					if written == cut {
						inflight = next
						break run
					}
					d.run([]Op{op})
					written++
				}
				l.Done(w, nil)
				want = next
			}
			got := Recover(d).Records
			if inflight != nil && maps.Equal(got, inflight) {
				continue
			}
			if !maps.Equal(got, want) {
				t.Fatalf("cut at write %d: recovered %v, want %v (or %v)", cut, got, want, inflight)
			}
		}
	})
}

func FuzzDecodeBatch(f *testing.F) {
	f.Add(EncodeBatch(1, []Op{Put("a", "b"), Del("c")}))
	f.Add("SAYSO1 1 1 0 0\n")
	f.Add("SAYSO1 1 99999999999 0 0\n")
	f.Fuzz(func(t *testing.T, data string) {
		seq, ops, err := DecodeBatch(data)
		if err != nil {
			return
		}
		// What decodes encodes back to the same batch.
		assert.Equal(t, data, EncodeBatch(seq, ops))
	})
}
