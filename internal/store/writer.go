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

// A compaction is written in chunks of at most this many records and
// bytes (a larger record goes alone), one transaction each, so that no
// write of it holds the page's thread for long and saves go on between
// them.
const (
	chunkOps   = 512
	chunkBytes = 512 << 10
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

	batch []Op   // Saving: the record ops of the batch
	whole string // Saving: the encoded batch, when it holds the whole project
	end   int    // Compacting: the compaction's ops written once this one is
	final bool   // Compacting: the last chunk, which moves "applied"
}

// Final reports whether w is the last write of a compaction (the one
// that moves "applied"); a save's write is always final.
func (w Write) Final() bool { return w.Kind != Compacting || w.final }

// ErrBusy means a write is still in flight: wait for its Done.
var ErrBusy = errors.New("a write is in flight")

// Log plans the writes that save record changes and compact them, one
// at a time, from what storage held at start (Recover). Not safe for
// concurrent use.
type Log struct {
	applied, last uint64
	pending       [][]Op // batches after applied, written, in order
	pendingBytes  int
	stale         []string
	retry         []Op // record ops of a save that failed, written with the next
	inflight      bool
	comp          *compaction // the compaction under way, if any
	base          bool        // storage holds a base
	// whole is the encoded last batch written that holds the whole
	// project, when it is the last batch written: the compaction stores
	// it as the base as it is, instead of encoding the project again.
	whole   string
	removed map[string]bool // records marked removed over the base (x/)
	// chunkOps and chunkBytes bound each write of a compaction.
	chunkOps, chunkBytes int
}

// compaction is a fold of the batches up to upto into the records,
// written chunk after chunk. Until its last chunk moves "applied", the
// records hold a mix of older values and values of batches up to upto,
// which replaying every batch after "applied" (absolute values, in order)
// turns into the last saved state: an interruption at any point, or saves
// written between chunks, lose nothing.
type compaction struct {
	upto uint64
	ops  []Op // the final value of each record touched, keys with RecordPrefix
	next int  // ops[:next] are written
}

// NewLog continues the log storage holds.
func NewLog(r Recovered) *Log {
	l := &Log{applied: r.Applied, last: r.Last, pending: r.Pending, stale: r.Stale, chunkOps: chunkOps, chunkBytes: chunkBytes,
		base: r.Base, removed: r.Removed}
	if l.removed == nil {
		l.removed = map[string]bool{}
	}
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
	if len(ops) > 0 && ops[0].Key == wholeKey {
		batch = ops // the whole project: what a failed save held is in it
	}
	seq := l.last + 1
	w := Write{Kind: Saving, Seq: seq, batch: batch}
	for _, k := range l.stale {
		w.Ops = append(w.Ops, Del(k))
	}
	data := EncodeBatch(seq, batch)
	if len(batch) > 0 && batch[0].Key == wholeKey {
		w.whole = data
	}
	w.Ops = append(w.Ops, Put(LogKey(seq), data))
	w.Bytes = len(data)
	l.inflight = true
	return w, nil
}

// NeedsCompaction reports whether a compaction is under way, or the log
// has grown enough or storage holds stale keys, so that a compaction
// should run (or go on) when the page is idle.
func (l *Log) NeedsCompaction() bool {
	return l.comp != nil || len(l.pending) >= compactBatches || l.pendingBytes >= compactBytes || len(l.stale) > 0
}

// Compact plans the next chunk of folding the written batches into the
// records: the final value of each record they touch, a chunk at a time;
// the last chunk moves "applied" and removes the folded batches and stale
// keys. It reports false when there is nothing to do or a write is in
// flight. Saves may be written between chunks: they are folded by the
// next compaction.
func (l *Log) Compact() (Write, bool) {
	if l.inflight {
		return Write{}, false
	}
	if l.comp == nil {
		if len(l.pending) == 0 && len(l.stale) == 0 {
			return Write{}, false
		}
		l.comp = l.plan()
	}
	c := l.comp
	w := Write{Kind: Compacting, Seq: c.upto, end: c.next}
	for w.end < len(c.ops) {
		op := c.ops[w.end]
		if w.end > c.next && (w.end-c.next >= l.chunkOps || w.Bytes+len(op.Value) > l.chunkBytes) {
			break
		}
		w.Ops = append(w.Ops, op)
		w.Bytes += len(op.Value)
		w.end++
	}
	if w.end == len(c.ops) {
		w.final = true
		w.Ops = append(w.Ops, Put(AppliedKey, strconv.FormatUint(c.upto, 10)))
		for s := l.applied + 1; s <= c.upto; s++ {
			w.Ops = append(w.Ops, Del(LogKey(s)))
		}
		for _, k := range l.stale {
			w.Ops = append(w.Ops, Del(k))
		}
	}
	l.inflight = true
	return w, true
}

// plan starts folding every batch written so far: from the last batch
// that wrote the whole project, into a new base (its records over the
// old base are removed by prefix); otherwise record by record, over the
// base when there is one (a record removed is marked removed, x/).
func (l *Log) plan() *compaction {
	from := 0
	for i, b := range l.pending {
		if len(b) > 0 && b[0].Key == wholeKey {
			from = i
		}
	}
	c := &compaction{upto: l.last}
	if from == len(l.pending)-1 && l.whole != "" {
		// Only the whole project's batch to fold: it is the base.
		c.ops = []Op{Put(BaseKey, l.whole), DelPrefix(RecordPrefix), DelPrefix(RemovedPrefix)}
		l.base, l.removed, l.whole = true, map[string]bool{}, ""
		return c
	}
	if len(l.pending) > 0 && len(l.pending[from]) > 0 && l.pending[from][0].Key == wholeKey {
		records := map[string]string{}
		for _, b := range l.pending[from:] {
			apply(records, b)
		}
		keys := make([]string, 0, len(records))
		for k := range records {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		puts := make([]Op, len(keys))
		for i, k := range keys {
			puts[i] = Put(k, records[k])
		}
		c.ops = []Op{Put(BaseKey, EncodeBatch(l.last, puts)), DelPrefix(RecordPrefix), DelPrefix(RemovedPrefix)}
		l.base, l.removed = true, map[string]bool{}
		return c
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
	c.ops = make([]Op, 0, len(order))
	for _, k := range order {
		op := final[k]
		switch {
		case op.Delete && l.base:
			c.ops = append(c.ops, Del(RecordPrefix+k), Put(RemovedPrefix+k, ""))
			l.removed[k] = true
		case op.Delete:
			c.ops = append(c.ops, Del(RecordPrefix+k))
		default:
			c.ops = append(c.ops, Put(RecordPrefix+k, op.Value))
			if l.removed[k] {
				c.ops = append(c.ops, Del(RemovedPrefix+k))
				delete(l.removed, k)
			}
		}
	}
	return c
}

// Done records how write w went (err nil: it completed). A failed save
// keeps its ops for the next save; a failed chunk of a compaction is
// planned again the next time.
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
		l.whole = w.whole
	case w.Kind == Compacting && err == nil && l.comp != nil:
		l.comp.next = w.end
		if !w.final {
			return
		}
		// The batches folded are gone; those saved meanwhile stay.
		l.pending = append([][]Op(nil), l.pending[w.Seq-l.applied:]...)
		l.pendingBytes = 0
		for _, b := range l.pending {
			l.pendingBytes += opsBytes(b)
		}
		l.applied = w.Seq
		l.stale = nil
		l.comp = nil
	}
}

// Applied is the last batch folded into the records.
func (l *Log) Applied() uint64 { return l.applied }

// EraseWrite plans removing keys (storage keys, as Recover reads them)
// and everything autosave wrote: the log's batches first, newest first,
// then the project's settings record is marked removed (so that no
// project is read whatever is left), then the rest, so that a stop
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
	w.Ops = append(w.Ops, Put(RemovedPrefix+"m", ""), Del(RecordPrefix+"m"), Del(BaseKey))
	for _, k := range []string{RecordPrefix + "m", RemovedPrefix + "m", BaseKey, AppliedKey} {
		delete(rest, k)
	}
	others := make([]string, 0, len(rest))
	for k := range rest {
		others = append(others, k)
	}
	sort.Strings(others)
	for _, k := range others {
		w.Ops = append(w.Ops, Del(k))
	}
	w.Ops = append(w.Ops, DelPrefix(RecordPrefix), Del(AppliedKey), DelPrefix(RemovedPrefix))
	return w
}
