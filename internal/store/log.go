// Package store is the format of Sayso's saved work in browser storage and
// the logic that keeps it crash-safe: an operation log of small batches
// over a set of records, compacted now and then, and recovered after any
// interruption to the last batch whose write completed.
//
// Storage is a flat map of string keys to string values (IndexedDB or
// localStorage). It holds:
//
//	base      every record of a project as it was once written whole, as
//	          one value (encoded as a batch of puts)
//	r/<key>   a record of the compacted state, over base's
//	x/<key>   a record removed since base was written
//	l/<seq>   a batch of the log: puts and deletes of records, in order
//	applied   the last sequence number compacted into base and the records
//
// A save writes one batch under a new key (one transaction in IndexedDB,
// one setItem in localStorage: either whole or absent). Compaction folds
// the batches into the records, then moves "applied", then deletes the
// folded batches. A batch that writes the whole project (a project opened
// or started) is folded into base in one value, and the records over it
// are removed by prefix: a project of 25,000 annotations is a few writes,
// not 25,000. Every batch holds absolute values, so replaying a batch over
// records that already hold some of its values gives the same result: a
// compaction interrupted at any write leaves records that, with the
// batches after "applied" replayed, are the last saved state. Recovery
// stops at the first missing or damaged batch, so a torn write is ignored.
//
// The package is plain Go: the browser layer only carries out the writes
// it plans (Write) and hands back what storage holds (Open).
package store

import (
	"errors"
	"fmt"
	"hash/crc32"
	"sort"
	"strconv"
	"strings"
	"unsafe"
)

// Key prefixes and names in storage.
const (
	RecordPrefix  = "r/"
	RemovedPrefix = "x/"
	LogPrefix     = "l/"
	AppliedKey    = "applied"
	BaseKey       = "base"
)

// wholeKey is the key of the op that marks a batch writing the whole
// project (no record key starts with "*").
const wholeKey = "*whole"

// Op is one change of a record: Value written under Key, or Key removed
// (every key starting with Key when Prefix is set too).
type Op struct {
	Key    string
	Value  string
	Delete bool
	Prefix bool
}

// Put is the Op writing value under key.
func Put(key, value string) Op { return Op{Key: key, Value: value} }

// Del is the Op removing key.
func Del(key string) Op { return Op{Key: key, Delete: true} }

// DelPrefix is the Op removing every key that starts with prefix.
func DelPrefix(prefix string) Op { return Op{Key: prefix, Delete: true, Prefix: true} }

// ErrDamaged means a stored batch is incomplete or corrupt.
var ErrDamaged = errors.New("damaged batch")

// batchMagic starts every encoded batch.
const batchMagic = "SAYSO1"

// EncodeBatch writes ops as text (storage keeps strings): a header line
// with the sequence number, the number of ops and a checksum of the rest,
// then each op as "P <keylen> <vallen>\n<key><value>" or "D <keylen>\n<key>",
// lengths in bytes. Keys and values must be valid UTF-8, as browser
// strings are.
func EncodeBatch(seq uint64, ops []Op) string {
	n := 0
	for _, op := range ops {
		n += len(op.Key) + len(op.Value) + 24
	}
	// The body is written once, behind room left for its header (which
	// holds its checksum): a whole project's batch is megabytes, and each
	// copy of it costs the page's thread and a garbage collection.
	const room = 96 // a header is at most 7+20+1+20+1+8+1+20+1 = 79 bytes long
	buf := make([]byte, room, room+n)
	for _, op := range ops {
		if op.Delete {
			buf = append(buf, "D "...)
			buf = strconv.AppendInt(buf, int64(len(op.Key)), 10)
			buf = append(buf, '\n')
			buf = append(buf, op.Key...)
			continue
		}
		buf = append(buf, "P "...)
		buf = strconv.AppendInt(buf, int64(len(op.Key)), 10)
		buf = append(buf, ' ')
		buf = strconv.AppendInt(buf, int64(len(op.Value)), 10)
		buf = append(buf, '\n')
		buf = append(buf, op.Key...)
		buf = append(buf, op.Value...)
	}
	body := buf[room:]
	head := make([]byte, 0, room)
	head = append(head, batchMagic+" "...)
	head = strconv.AppendUint(head, seq, 10)
	head = append(head, ' ')
	head = strconv.AppendInt(head, int64(len(ops)), 10)
	head = append(head, ' ')
	head = strconv.AppendUint(head, uint64(crc32.ChecksumIEEE(body)), 16)
	head = append(head, ' ')
	head = strconv.AppendInt(head, int64(len(body)), 10)
	head = append(head, '\n')
	start := room - len(head)
	copy(buf[start:], head)
	// buf is not written again: the string may share its bytes.
	return unsafe.String(&buf[start], len(buf)-start)
}

// DecodeBatch reads a batch written by EncodeBatch. Any damage — a cut,
// a changed byte, a wrong length — is ErrDamaged. The values returned
// share memory with data.
func DecodeBatch(data string) (seq uint64, ops []Op, err error) {
	line, rest, ok := strings.Cut(data, "\n")
	if !ok {
		return 0, nil, fmt.Errorf("no header: %w", ErrDamaged)
	}
	f := strings.Split(line, " ")
	if len(f) != 5 || f[0] != batchMagic {
		return 0, nil, fmt.Errorf("bad header: %w", ErrDamaged)
	}
	seq, err1 := strconv.ParseUint(f[1], 10, 64)
	count, err2 := strconv.Atoi(f[2])
	sum, err3 := strconv.ParseUint(f[3], 16, 32)
	size, err4 := strconv.Atoi(f[4])
	if err := errors.Join(err1, err2, err3, err4); err != nil || count < 0 || size != len(rest) {
		return 0, nil, fmt.Errorf("bad header: %w", ErrDamaged)
	}
	if uint32(sum) != checksum(rest) {
		return 0, nil, fmt.Errorf("checksum: %w", ErrDamaged)
	}
	if count > len(rest) {
		return 0, nil, fmt.Errorf("op count: %w", ErrDamaged)
	}
	ops = make([]Op, 0, count)
	for i := 0; i < count; i++ {
		head, tail, ok := strings.Cut(rest, "\n")
		if !ok {
			return 0, nil, fmt.Errorf("op %d: %w", i, ErrDamaged)
		}
		put, kl, vl, ok := opHeader(head)
		switch {
		case !ok || kl > len(tail) || vl > len(tail)-kl:
			return 0, nil, fmt.Errorf("op %d: %w", i, ErrDamaged)
		case put:
			ops = append(ops, Put(tail[:kl], tail[kl:kl+vl]))
		default:
			ops = append(ops, Del(tail[:kl]))
		}
		rest = tail[kl+vl:]
	}
	if rest != "" {
		return 0, nil, fmt.Errorf("trailing bytes: %w", ErrDamaged)
	}
	return seq, ops, nil
}

// checksum is crc32.ChecksumIEEE of s, read in place: a whole
// project's batch is megabytes, and copying it (even through a small
// buffer) was more than half of checking it in the page.
func checksum(s string) uint32 {
	if s == "" {
		return 0
	}
	// crc32 only reads the bytes.
	return crc32.ChecksumIEEE(unsafe.Slice(unsafe.StringData(s), len(s)))
}

// opHeader reads an op's header line, "P <keylen> <vallen>" or
// "D <keylen>", without a slice per line: a whole project's batch has
// one per record.
func opHeader(h string) (put bool, kl, vl int, ok bool) {
	if len(h) < 3 || h[1] != ' ' {
		return false, 0, 0, false
	}
	switch h[0] {
	case 'P':
		a, b, found := strings.Cut(h[2:], " ")
		if !found {
			return false, 0, 0, false
		}
		kl, ok1 := length(a)
		vl, ok2 := length(b)
		return true, kl, vl, ok1 && ok2
	case 'D':
		kl, ok := length(h[2:])
		return false, kl, 0, ok
	}
	return false, 0, 0, false
}

// length reads a length written by EncodeBatch: decimal digits, no sign.
func length(s string) (int, bool) {
	if s == "" || len(s) > 10 {
		return 0, false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// LogKey is the storage key of batch seq.
func LogKey(seq uint64) string { return LogPrefix + strconv.FormatUint(seq, 10) }

// Recovered is what storage holds, read back: the records of the last
// complete state, and what the log needs to go on from there.
type Recovered struct {
	// Records maps each record key (without RecordPrefix) to its value.
	Records map[string]string
	// Applied is the last batch folded into the r/ records; Last the last
	// batch replayed (Applied when there was none).
	Applied, Last uint64
	// Pending are the batches after Applied, in order, decoded: the next
	// compaction folds them.
	Pending [][]Op
	// Stale are storage keys that recovery ignored: batches already folded
	// in, or written after a missing or damaged one. The next compaction
	// removes them.
	Stale []string
	// Base tells that storage holds a base; Removed are the records marked
	// removed over it (x/ keys, without the prefix).
	Base    bool
	Removed map[string]bool
	// BaseDamaged tells that storage holds a base that cannot be read
	// (its checksum or its shape is wrong): written in one piece, it is
	// never torn by a crash, so only damage to storage, or a hand edit,
	// makes it so. Its records are then missing from Records.
	BaseDamaged bool
}

// Recover reads the last complete state from everything storage holds
// (keys and values as stored). It never fails: damaged batches end the
// replay, and an absent or unreadable "applied" counts as 0.
func Recover(all map[string]string) Recovered {
	rec := Recovered{Removed: map[string]bool{}}
	if b, ok := all[BaseKey]; ok {
		// Written in one piece: damaged only if storage damaged it.
		_, ops, err := DecodeBatch(b)
		rec.BaseDamaged = err != nil
		if err == nil {
			rec.Base = true
			// Room for every record at once: a map grown from empty
			// to 5,000 records rehashes a dozen times.
			rec.Records = make(map[string]string, len(ops)+len(all))
			apply(rec.Records, ops)
		}
	}
	if rec.Records == nil {
		rec.Records = make(map[string]string, len(all))
	}
	if a, ok := all[AppliedKey]; ok {
		if n, err := strconv.ParseUint(a, 10, 64); err == nil {
			rec.Applied = n
		}
	}
	var logs []uint64
	for k, v := range all {
		switch {
		case strings.HasPrefix(k, RecordPrefix):
			rec.Records[k[len(RecordPrefix):]] = v
		case strings.HasPrefix(k, RemovedPrefix):
			rec.Removed[k[len(RemovedPrefix):]] = true
		case strings.HasPrefix(k, LogPrefix):
			n, err := strconv.ParseUint(k[len(LogPrefix):], 10, 64)
			if err != nil || n <= rec.Applied {
				rec.Stale = append(rec.Stale, k)
				continue
			}
			logs = append(logs, n)
		}
	}
	sort.Slice(logs, func(i, j int) bool { return logs[i] < logs[j] })
	for k := range rec.Removed {
		delete(rec.Records, k)
	}
	rec.Last = rec.Applied
	for i, n := range logs {
		ok := n == rec.Last+1
		var ops []Op
		if ok {
			seq, o, err := DecodeBatch(all[LogKey(n)])
			ok = err == nil && seq == n
			ops = o
		}
		if !ok {
			for _, m := range logs[i:] {
				rec.Stale = append(rec.Stale, LogKey(m))
			}
			break
		}
		apply(rec.Records, ops)
		rec.Pending = append(rec.Pending, ops)
		rec.Last = n
	}
	sort.Strings(rec.Stale)
	return rec
}

// apply writes ops into records.
func apply(records map[string]string, ops []Op) {
	for _, op := range ops {
		switch {
		case op.Key == wholeKey:
			clear(records) // the batch holds every record
		case op.Delete && op.Prefix:
			for k := range records {
				if strings.HasPrefix(k, op.Key) {
					delete(records, k)
				}
			}
		case op.Delete:
			delete(records, op.Key)
		default:
			records[op.Key] = op.Value
		}
	}
}
