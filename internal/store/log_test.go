package store

import (
	"fmt"
	"maps"
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
		if op.Delete {
			delete(d, op.Key)
		} else {
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
