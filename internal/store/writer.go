package store

import (
	"errors"
	"sort"
	"strconv"
	"strings"
)

// Thresholds past which the log asks to be compacted.
const (
	compactBatches = 64
	compactBytes   = 1 << 20
)

// Kind says what a Write does.
type Kind int

const (
	// Saving appends one batch to the log.
	Saving Kind = iota + 1
	// Compacting folds the log into the records.
	Compacting
)

// Write is one write to storage planned by a Log: Ops, storage keys and
// values, to carry out in order and, where storage has transactions, in
// one transaction. Report how it went with Log.Done.
type Write struct {
	Kind Kind
	Seq  uint64 // the batch written (Saving), or the last one folded (Compacting)
	Ops  []Op
	// Bytes is the size of the values written.
	Bytes int

	batch []Op // Saving: the record ops of the batch
}

// ErrBusy means a write is still in flight: wait for its Done.
var ErrBusy = errors.New("a write is in flight")

// Log plans the writes that save record changes and compact them, one
// at a time, from what storage held at start (Recover). Not safe for
// concurrent use.
type Log struct {
	applied, last uint64
	pending       [][]Op // batches after applied, written
	pendingBytes  int
	stale         []string
	retry         []Op // record ops of a save that failed, written with the next
	inflight      bool
}

// NewLog continues the log storage holds.
func NewLog(r Recovered) *Log {
	l := &Log{applied: r.Applied, last: r.Last, pending: r.Pending, stale: r.Stale}
	for _, b := range r.Pending {
		l.pendingBytes += opsBytes(b)
	}
	return l
}

func opsBytes(ops []Op) int {
	n := 0
	for _, op := range ops {
		n += len(op.Key) + len(op.Value)
	}
	return n
}

// Busy reports whether a write is in flight.
func (l *Log) Busy() bool { return l.inflight }

// Last is the last batch written.
func (l *Log) Last() uint64 { return l.last }

// Save plans the write of record ops as the next batch (after the ops of
// a save that failed, if any). Stale keys go first, so that no batch left
// over from before an interruption is ever read after the new one.
func (l *Log) Save(ops []Op) (Write, error) {
	if l.inflight {
		return Write{}, ErrBusy
	}
	batch := append(append([]Op(nil), l.retry...), ops...)
	seq := l.last + 1
	w := Write{Kind: Saving, Seq: seq, batch: batch}
	for _, k := range l.stale {
		w.Ops = append(w.Ops, Del(k))
	}
	data := EncodeBatch(seq, batch)
	w.Ops = append(w.Ops, Put(LogKey(seq), data))
	w.Bytes = len(data)
	l.inflight = true
	return w, nil
}

// NeedsCompaction reports whether the log has grown enough, or storage
// holds stale keys, so that a compaction should run when the page is idle.
func (l *Log) NeedsCompaction() bool {
	return len(l.pending) >= compactBatches || l.pendingBytes >= compactBytes || len(l.stale) > 0
}

// Compact plans folding every written batch into the records: the final
// value of each record touched, then "applied", then removing the folded
// batches and stale keys. It reports false when there is nothing to do or
// a write is in flight.
func (l *Log) Compact() (Write, bool) {
	if l.inflight || (len(l.pending) == 0 && len(l.stale) == 0) {
		return Write{}, false
	}
	final := map[string]Op{}
	var order []string
	for _, b := range l.pending {
		for _, op := range b {
			if _, seen := final[op.Key]; !seen {
				order = append(order, op.Key)
			}
			final[op.Key] = op
		}
	}
	w := Write{Kind: Compacting, Seq: l.last}
	for _, k := range order {
		op := final[k]
		op.Key = RecordPrefix + k
		w.Ops = append(w.Ops, op)
		w.Bytes += len(op.Value)
	}
	w.Ops = append(w.Ops, Put(AppliedKey, strconv.FormatUint(l.last, 10)))
	for s := l.applied + 1; s <= l.last; s++ {
		w.Ops = append(w.Ops, Del(LogKey(s)))
	}
	for _, k := range l.stale {
		w.Ops = append(w.Ops, Del(k))
	}
	l.inflight = true
	return w, true
}

// Done records how write w went (err nil: it completed). A failed save
// keeps its ops for the next save; a failed compaction leaves the log as
// it was, to try again later.
func (l *Log) Done(w Write, err error) {
	l.inflight = false
	switch {
	case w.Kind == Saving && err != nil:
		l.retry = w.batch
	case w.Kind == Saving:
		l.retry = nil
		l.stale = nil
		l.last = w.Seq
		l.pending = append(l.pending, w.batch)
		l.pendingBytes += opsBytes(w.batch)
	case w.Kind == Compacting && err == nil:
		// Saves cannot run during a compaction, so everything is folded.
		l.applied = w.Seq
		l.pending, l.pendingBytes, l.stale = nil, 0, nil
	}
}

// Applied is the last batch folded into the records.
func (l *Log) Applied() uint64 { return l.applied }

// EraseWrite plans removing keys (storage keys, as Recover reads them)
// and everything autosave wrote: the log's batches first, newest first,
// then the project's settings record, then the rest, so that a stop
// halfway leaves an older state or none, never a mixture.
func EraseWrite(keys []string) Write {
	var logs []uint64
	rest := map[string]bool{}
	for _, k := range keys {
		if n, ok := strings.CutPrefix(k, LogPrefix); ok {
			if s, err := strconv.ParseUint(n, 10, 64); err == nil {
				logs = append(logs, s)
				continue
			}
		}
		rest[k] = true
	}
	sort.Slice(logs, func(i, j int) bool { return logs[i] > logs[j] })
	var w Write
	seen := map[uint64]bool{}
	for _, s := range logs {
		if !seen[s] {
			seen[s] = true
			w.Ops = append(w.Ops, Del(LogKey(s)))
		}
	}
	w.Ops = append(w.Ops, Del(RecordPrefix+"m"))
	delete(rest, RecordPrefix+"m")
	others := make([]string, 0, len(rest))
	for k := range rest {
		others = append(others, k)
	}
	sort.Strings(others)
	for _, k := range others {
		w.Ops = append(w.Ops, Del(k))
	}
	w.Ops = append(w.Ops, Del(AppliedKey))
	return w
}
