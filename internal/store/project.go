package store

import (
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"sayso/internal/annotation"
)

// A project is stored as records (see annotation.TakeTouched for the keys
// its changes touch): "m" the schema, annotator, exercise and unplaced
// annotations; "o" the documents' order; "d/<id>" a document but its
// text; "t/<id>" the text alone, written once; "a/<id>" and "s/<id>"
// annotations and speakers; "h" the undo and redo stacks and "c/<n>"
// their steps; "v" the document shown last (a view setting).
const (
	formatVersion = 1
	ShownRecord   = "v"
)

// HistorySteps is how many undo steps are kept across a reload.
const HistorySteps = 500

// TextRecord names the record of document id's text.
func TextRecord(id string) string { return annotation.TextRecord(id) }

// StepRecord names the record of history step n.
func StepRecord(n int) string { return "c/" + strconv.Itoa(n) }

type meta struct {
	Version   int
	Schema    annotation.Schema
	Annotator string
	Exercise  annotation.ExerciseRef
	Orphans   []annotation.Annotation `json:",omitempty"`
}

type history struct{ Undo, Redo []int }

// Saved tracks which records storage holds for one store, so that each
// save writes only the records its changes touched.
type Saved struct {
	store *annotation.Store
	keys  map[string]bool // the records storage holds (after the writes planned)
	steps map[int]bool
	// hist is the steps of the stacks written last, oldest first, when
	// histKnown (not yet after a restore).
	hist      []int
	histKnown bool
	buf       []byte // reused to encode records
	// whole is the save of every record under way (ChangesUpTo), if any.
	whole *wholeSave
}

// NewSaved starts tracking records storage holds (keys of Recover's
// Records) for s; a nil s means none yet, so the next Changes writes all.
func NewSaved(s *annotation.Store, records map[string]string) *Saved {
	sv := &Saved{store: s, keys: make(map[string]bool, len(records)), steps: map[int]bool{}}
	for k := range records {
		sv.keys[k] = true
		if n, ok := strings.CutPrefix(k, "c/"); ok {
			if i, err := strconv.Atoi(n); err == nil {
				sv.steps[i] = true
			}
		}
	}
	return sv
}

// Keys are the records storage holds, as far as the writes planned go.
func (sv *Saved) Keys() []string {
	keys := make([]string, 0, len(sv.keys))
	for k := range sv.keys {
		keys = append(keys, k)
	}
	if sv.whole != nil {
		// Storage still holds what it held before the whole save began.
		for k := range sv.whole.old {
			if !sv.keys[k] {
				keys = append(keys, k)
			}
		}
	}
	sort.Strings(keys)
	return keys
}

// Changes returns the record ops that bring storage from what it holds
// to store s: the records s touched since the last call when s is the
// store tracked, else every record (removing those of the previous
// project). The ops count as written: a failed write is retried by the
// Log with the next.
func (sv *Saved) Changes(s *annotation.Store) ([]Op, error) {
	ops, _, err := sv.ChangesUpTo(s, 0)
	return ops, err
}

// wholeSave is a save of the whole project under way, a chunk of records
// at a time: nothing is written until its last chunk, which makes one
// batch (a reload meanwhile shows the last state saved before it).
type wholeSave struct {
	old  map[string]bool // the records storage held before
	todo []string        // the records to encode, in order
	ops  []Op            // the records encoded so far
}

// startWhole begins writing every record of s.
func (sv *Saved) startWhole(s *annotation.Store) {
	w := &wholeSave{old: sv.keys}
	sv.store, sv.keys, sv.steps = s, map[string]bool{}, map[int]bool{}
	sv.hist, sv.histKnown = nil, false
	for _, d := range s.Documents() {
		w.todo = append(w.todo, annotation.DocumentRecord(d.ID))
		for _, a := range s.Annotations(d.ID) {
			w.todo = append(w.todo, annotation.AnnotationRecord(a.ID))
		}
	}
	for _, sp := range s.Speakers() {
		w.todo = append(w.todo, annotation.SpeakerRecord(sp.ID))
	}
	sv.whole = w
}

// wholeUpTo encodes up to limit records of the whole save under way (all
// when limit is 0), after the records touched since its last chunk. When
// every record is encoded it returns the batch: the whole-project mark,
// the removal of the records s no longer has, every record, then the
// project's settings, its documents' order and its history as they are
// now. A record changed after it was encoded is encoded again, later in
// the batch, which is applied in order: the batch is s as it is at its
// last chunk.
func (sv *Saved) wholeUpTo(s *annotation.Store, touched []string, limit int) ([]Op, bool, error) {
	w := sv.whole
	w.todo = append(w.todo, touched...)
	n := len(w.todo)
	if limit > 0 && limit < n {
		n = limit
	}
	for _, k := range w.todo[:n] {
		o, err := sv.record(s, k)
		if err != nil {
			sv.whole, sv.store = nil, nil // the next save starts again, whole
			return nil, false, err
		}
		w.ops = append(w.ops, o...)
	}
	w.todo = w.todo[n:]
	if len(w.todo) > 0 {
		return nil, true, nil
	}
	sv.whole = nil
	var tail []Op
	for _, k := range []string{annotation.MetaRecord, annotation.OrderRecord, annotation.HistoryRecord} {
		o, err := sv.record(s, k)
		if err != nil {
			sv.store = nil // the next save starts again, whole
			return nil, false, err
		}
		tail = append(tail, o...)
	}
	var gone []string
	for k := range w.old {
		if !sv.keys[k] && k != ShownRecord {
			gone = append(gone, k)
		}
	}
	if w.old[ShownRecord] {
		sv.keys[ShownRecord] = true
	}
	sort.Strings(gone)
	ops := make([]Op, 0, 1+len(gone)+len(w.ops)+len(tail))
	ops = append(ops, Put(wholeKey, "")) // the batch holds every record
	for _, k := range gone {
		ops = append(ops, Del(k))
	}
	ops = append(ops, w.ops...)
	return append(ops, tail...), false, nil
}

// ChangesUpTo is Changes a chunk at a time: when every record must be
// written (another project, or one just opened), it encodes up to limit
// records per call and reports more until the last call, which returns
// the whole batch; the store may change between calls. A limit of 0
// encodes everything at once.
func (sv *Saved) ChangesUpTo(s *annotation.Store, limit int) (ops []Op, more bool, err error) {
	touched, all := s.TakeTouched()
	if s != sv.store || all {
		sv.startWhole(s)
		touched = nil
	}
	if sv.whole != nil {
		return sv.wholeUpTo(s, touched, limit)
	}
	for _, k := range touched {
		o, err := sv.record(s, k)
		if err != nil {
			return nil, false, err
		}
		ops = append(ops, o...)
	}
	return ops, false, nil
}

// record returns the ops writing record k of s as it is now.
func (sv *Saved) record(s *annotation.Store, k string) ([]Op, error) {
	put := func(k string, v any) ([]Op, error) {
		b, err := json.Marshal(v)
		if err != nil {
			return nil, fmt.Errorf("encode record %s: %w", k, err)
		}
		sv.keys[k] = true
		return []Op{Put(k, string(b))}, nil
	}
	// The records written most are encoded by hand (codec.go), into one
	// buffer reused from record to record.
	putBytes := func(k string, b []byte) []Op {
		sv.keys[k] = true
		sv.buf = b[:0]
		return []Op{Put(k, string(b))}
	}
	del := func(ks ...string) []Op {
		var ops []Op
		for _, k := range ks {
			if sv.keys[k] {
				delete(sv.keys, k)
				ops = append(ops, Del(k))
			}
		}
		return ops
	}
	switch {
	case k == annotation.MetaRecord:
		m, err := encodeMeta(s)
		if err != nil {
			return nil, err
		}
		sv.keys[k] = true
		return []Op{Put(k, m)}, nil
	case k == annotation.OrderRecord:
		var ids []string
		for _, d := range s.Documents() {
			ids = append(ids, d.ID)
		}
		return put(k, ids)
	case k == annotation.HistoryRecord:
		return sv.history(s)
	case strings.HasPrefix(k, "d/"):
		id := k[2:]
		d, _, ok := s.Document(id)
		if !ok {
			return del(k, TextRecord(id)), nil
		}
		var ops []Op
		if tk := TextRecord(id); !sv.keys[tk] {
			sv.keys[tk] = true
			ops = append(ops, Put(tk, d.Text))
		}
		c := *d
		c.Text = ""
		return append(ops, putBytes(k, AppendDocument(sv.buf[:0], &c))...), nil
	case strings.HasPrefix(k, "t/"):
		if d, _, ok := s.Document(k[2:]); ok {
			sv.keys[k] = true
			return []Op{Put(k, d.Text)}, nil
		}
		return del(k), nil
	case strings.HasPrefix(k, "a/"):
		if a, ok := s.Annotation(k[2:]); ok {
			return putBytes(k, AppendAnnotation(sv.buf[:0], a)), nil
		}
		return del(k), nil
	case strings.HasPrefix(k, "s/"):
		if sp, ok := s.Speaker(k[2:]); ok {
			return putBytes(k, AppendSpeaker(sv.buf[:0], sp)), nil
		}
		return del(k), nil
	}
	return nil, fmt.Errorf("encode record %s: no such record", k)
}

// history writes the stacks' record, the steps not yet stored and
// removes those no longer in them; only the last HistorySteps undo steps
// (and as many redo steps) are kept. Its cost follows the steps that
// changed: the stacks are compared with those written last, in one pass.
func (sv *Saved) history(s *annotation.Store) ([]Op, error) {
	undo, redo := s.History()
	if len(undo) > HistorySteps {
		undo = undo[len(undo)-HistorySteps:]
	}
	if len(redo) > HistorySteps {
		redo = redo[len(redo)-HistorySteps:]
	}
	// Every step in the stacks, oldest change first: the undo stack bottom
	// first, then the redo stack top first.
	cur := make([]int, 0, len(undo)+len(redo))
	cur = append(cur, undo...)
	for i := len(redo) - 1; i >= 0; i-- {
		cur = append(cur, redo[i])
	}
	added, gone, ok := mergeDiff(sv.hist, cur)
	if !ok || !sv.histKnown {
		added, gone = setDiff(sv.steps, cur)
	}
	var ops []Op
	for _, n := range added {
		if sv.steps[n] {
			continue
		}
		st, ok := s.Step(n)
		if !ok {
			continue
		}
		b, err := AppendStep(sv.buf[:0], &st)
		if err != nil {
			return nil, fmt.Errorf("encode history step %d: %w", n, err)
		}
		sv.buf = b[:0]
		sv.steps[n] = true
		sv.keys[StepRecord(n)] = true
		ops = append(ops, Put(StepRecord(n), string(b)))
	}
	for _, n := range gone {
		if !sv.steps[n] {
			continue
		}
		delete(sv.steps, n)
		delete(sv.keys, StepRecord(n))
		ops = append(ops, Del(StepRecord(n)))
	}
	sv.hist, sv.histKnown = cur, true
	sv.keys[annotation.HistoryRecord] = true
	return append(ops, Put(annotation.HistoryRecord, encodeHistory(undo, redo))), nil
}

// mergeDiff compares two lists of steps in increasing order: the steps
// of cur not in old, and of old not in cur. ok is false when cur is not in
// increasing order (the caller then compares as sets).
func mergeDiff(old, cur []int) (added, gone []int, ok bool) {
	for i := 1; i < len(cur); i++ {
		if cur[i] <= cur[i-1] {
			return nil, nil, false
		}
	}
	i, j := 0, 0
	for i < len(old) || j < len(cur) {
		switch {
		case j == len(cur) || (i < len(old) && old[i] < cur[j]):
			gone = append(gone, old[i])
			i++
		case i == len(old) || cur[j] < old[i]:
			added = append(added, cur[j])
			j++
		default:
			i++
			j++
		}
	}
	return added, gone, true
}

// setDiff compares the steps stored with cur as sets.
func setDiff(stored map[int]bool, cur []int) (added, gone []int) {
	keep := make(map[int]bool, len(cur))
	for _, n := range cur {
		keep[n] = true
		if !stored[n] {
			added = append(added, n)
		}
	}
	for n := range stored {
		if !keep[n] {
			gone = append(gone, n)
		}
	}
	sort.Ints(gone)
	return added, gone
}

// encodeHistory writes the stacks' record as JSON (the history type).
func encodeHistory(undo, redo []int) string {
	b := make([]byte, 0, 20+8*(len(undo)+len(redo)))
	list := func(ns []int) {
		if ns == nil {
			b = append(b, "null"...)
			return
		}
		b = append(b, '[')
		for i, n := range ns {
			if i > 0 {
				b = append(b, ',')
			}
			b = strconv.AppendInt(b, int64(n), 10)
		}
		b = append(b, ']')
	}
	b = append(b, `{"Undo":`...)
	list(undo)
	b = append(b, `,"Redo":`...)
	list(redo)
	return string(append(b, '}'))
}

func encodeMeta(s *annotation.Store) (string, error) {
	b, err := json.Marshal(meta{Version: formatVersion, Schema: s.Schema(), Annotator: s.Annotator(), Exercise: s.Exercise(), Orphans: s.Orphans()})
	if err != nil {
		return "", fmt.Errorf("encode the project's settings: %w", err)
	}
	return string(b), nil
}

// HasProject reports whether records hold a project.
func HasProject(records map[string]string) bool {
	_, ok := records[annotation.MetaRecord]
	return ok
}

// LoadProject builds the store records hold, with its undo history. A
// history that does not fit the project is dropped (historyErr says
// why); the project itself is checked whole by annotation.Load.
func LoadProject(records map[string]string, clock func() time.Time) (s *annotation.Store, historyErr, err error) {
	m, err := decodeMeta(records[annotation.MetaRecord])
	if err != nil {
		return nil, nil, fmt.Errorf("read the project's settings: %w", err)
	}
	if m.Version != formatVersion {
		return nil, nil, fmt.Errorf("the saved work is in format %d, which this version of Sayso does not read", m.Version)
	}
	p := annotation.Project{Schema: m.Schema, Annotator: m.Annotator, Exercise: m.Exercise, Orphans: m.Orphans}
	order, err := decodeOrder(records[annotation.OrderRecord])
	if err != nil {
		return nil, nil, fmt.Errorf("read the list of documents: %w", err)
	}
	for _, id := range order {
		d, err := DecodeDocument(records[annotation.DocumentRecord(id)])
		if err != nil {
			return nil, nil, fmt.Errorf("read document %s: %w", id, err)
		}
		t, ok := records[TextRecord(id)]
		if !ok {
			return nil, nil, fmt.Errorf("read document %s: its text is missing", id)
		}
		d.Text = t
		p.Documents = append(p.Documents, d)
	}
	// The records are read in the map's order: a store does not depend on
	// the order its annotations come in (annotation.Load sorts them).
	// Only a project that does not hold together is read again in the
	// records' order, so that its message lists the problems the same way
	// every time.
	if err := readRecords(&p, records, false); err != nil {
		return nil, nil, readRecords(&p, records, true)
	}
	s, err = annotation.Load(p, clock)
	if err != nil {
		if rerr := readRecords(&p, records, true); rerr != nil {
			return nil, nil, rerr
		}
		if _, again := annotation.Load(p, clock); again != nil {
			err = again
		}
		return nil, nil, fmt.Errorf("the saved project does not hold together: %w", err)
	}
	s.TakeTouched() // what was just read is what storage holds
	historyErr = loadHistory(s, records)
	return s, historyErr, nil
}

// readRecords reads the annotations and speakers of records into p, in
// the records' order when sorted.
func readRecords(p *annotation.Project, records map[string]string, sorted bool) error {
	keys := make([]string, 0, len(records))
	nAnns, nSpeakers := 0, 0
	for k := range records {
		keys = append(keys, k)
		switch {
		case strings.HasPrefix(k, "a/"):
			nAnns++
		case strings.HasPrefix(k, "s/"):
			nSpeakers++
		}
	}
	if sorted {
		sort.Strings(keys)
	}
	p.Annotations = make([]annotation.Annotation, 0, nAnns)
	p.Speakers = make([]annotation.Speaker, 0, nSpeakers)
	for _, k := range keys {
		v := records[k]
		switch {
		case strings.HasPrefix(k, "a/"):
			a, err := DecodeAnnotation(v)
			if err != nil {
				return fmt.Errorf("read annotation %s: %w", k[2:], err)
			}
			p.Annotations = append(p.Annotations, a)
		case strings.HasPrefix(k, "s/"):
			sp, err := DecodeSpeaker(v)
			if err != nil {
				return fmt.Errorf("read speaker %s: %w", k[2:], err)
			}
			p.Speakers = append(p.Speakers, sp)
		}
	}
	return nil
}

func loadHistory(s *annotation.Store, records map[string]string) error {
	v, ok := records[annotation.HistoryRecord]
	if !ok {
		return nil
	}
	h, err := decodeHistory(v)
	if err != nil {
		return fmt.Errorf("read the undo history: %w", err)
	}
	steps := func(ns []int) ([]annotation.Step, error) {
		out := make([]annotation.Step, 0, len(ns))
		for _, n := range ns {
			st, err := DecodeStep(records[StepRecord(n)])
			if err != nil {
				return nil, fmt.Errorf("read undo step %d: %w", n, err)
			}
			out = append(out, st)
		}
		return out, nil
	}
	undo, err := steps(h.Undo)
	if err != nil {
		return err
	}
	redo, err := steps(h.Redo)
	if err != nil {
		return err
	}
	return s.SetHistory(undo, redo)
}
