package app

import (
	"errors"
	"fmt"
	"strings"

	"sayso/internal/annotation"
	"sayso/internal/store"
)

// KV is browser storage with one atomic write per key (localStorage in
// the page, a map in tests): autosave's fallback where IndexedDB is
// missing, and where older versions of Sayso kept their two snapshots.
type KV interface {
	Get(key string) (value string, ok bool, err error)
	Set(key, value string) error
	Remove(key string) error
}

// ListKV is a KV that can list its keys; autosave reads its records
// from it at start.
type ListKV interface {
	KV
	Keys() ([]string, error)
}

// StorePrefix starts the keys autosave's records and log have in a KV
// (store.RecordPrefix and the rest after it).
const StorePrefix = "sayso:store:"

// saving is autosave's side of the state: the log of what was written and
// the records storage holds, for the store they describe.
type saving struct {
	log   *store.Log
	saved *store.Saved
	// legacy is set when the project came from the two snapshots older
	// versions wrote: they are removed once it is saved as records.
	legacy bool
	// generation counts erasures: a write planned before one is stale.
	generation int
	// planned is the store and its revision the last save planned wrote:
	// every change up to it is in a batch, written or in flight.
	planned struct {
		store    *annotation.Store
		revision int
	}
}

// Persist asks the browser layer to carry out Write (in one IndexedDB
// transaction) and to report how it went with Persisted.
type Persist struct {
	Write      store.Write
	Revision   int // the store revision a save writes
	Generation int
}

// Persisted reports how a Persist went: Err is "" when it completed.
type Persisted struct {
	Write      store.Write
	Revision   int
	Generation int
	Err        error
}

// Compact asks autosave to fold its log into the records (when the page
// is idle); Storage as for Autosave.
type Compact struct{ Storage KV }

// SaveSoon asks the browser layer to dispatch Autosave again as soon as
// the page has had a turn: a save of the whole project is under way, a
// chunk of records at a time.
type SaveSoon struct{}

// CompactWhenIdle asks the browser layer to dispatch Compact when the page
// is idle.
type CompactWhenIdle struct{}

// EraseSaved erases the autosaved project (the person closed it to start
// another); Storage as for Autosave.
type EraseSaved struct{ Storage KV }

// ForgetLegacy asks the browser layer to remove the snapshots older
// versions wrote (ForgetSnapshots), now that the work is saved as records.
type ForgetLegacy struct{}

// StorageUse is the browser's estimate of the storage this site uses and
// may use (navigator.storage.estimate), in bytes; zero when unknown.
// InLocalStorage is set when the work is kept in localStorage.
type StorageUse struct {
	Usage, Quota   int64
	InLocalStorage bool
}

// StorageEstimated reports the browser's estimate.
type StorageEstimated struct{ Use StorageUse }

// Text says how much space is used, as the Documents panel shows it:
// "Using 14 MB of 2 GB in this browser"; "" when unknown.
func (u StorageUse) Text() string {
	if u.InLocalStorage {
		return "Your work is kept in this browser's localStorage, which holds about 5 MB."
	}
	if u.Quota <= 0 {
		return ""
	}
	return "Using " + byteSize(u.Usage) + " of " + byteSize(u.Quota) + " in this browser"
}

// byteSize writes n bytes for people: "14 MB", "2 GB", "830 KB".
func byteSize(n int64) string {
	units := []string{"bytes", "KB", "MB", "GB", "TB"}
	v, i := float64(n), 0
	for v >= 1000 && i < len(units)-1 {
		v /= 1000
		i++
	}
	if i == 0 || v >= 10 {
		return fmt.Sprintf("%.0f %s", v, units[i])
	}
	return fmt.Sprintf("%.1f %s", v, units[i])
}

// AskedWriterLock says this tab has asked for the one writer's lock (Web
// Locks) and waits for the answer: until WriterLock comes it writes
// nothing, as another tab may be the writer, and its changes wait for
// the answer.
type AskedWriterLock struct{}

func (AskedWriterLock) isAction() {}
func (AskedWriterLock) session()  {}

// WriterLock reports this tab's hold on the one writer's lock (Web
// Locks): Held false when another tab holds it at start — this tab then
// shows the work but does not save; Held true when this tab has it, at
// once (no other tab) or, with TookOver, after waiting for a tab that
// was closed, once the work saved there was restored (RestoreAutosave).
type WriterLock struct{ Held, TookOver bool }

func (WriterLock) isAction() {}
func (WriterLock) session()  {}

// writerLock applies WriterLock.
func (st *State) writerLock(a WriterLock) {
	st.awaitingLock = false
	switch {
	case !a.Held:
		st.Save.Stopped = true
		st.info("Sayso is open in another tab of this browser, which saves the work: this tab shows it as it was saved there, but does not save. Work in the other tab, or close it: this tab then takes over.")
	case a.TookOver:
		st.Save.Stopped = false
		if st.Doc != "" {
			st.info("The other tab was closed: this tab now saves, and shows the work as it was last saved there.")
		} else {
			st.Message = Message{}
		}
	}
}

func (StorageEstimated) isAction() {}
func (StorageEstimated) session()  {}
func (Persisted) isAction()        {}
func (Compact) isAction()          {}
func (EraseSaved) isAction()       {}
func (Persist) isEffect()          {}
func (CompactWhenIdle) isEffect()  {}
func (SaveSoon) isEffect()         {}
func (ForgetLegacy) isEffect()     {}
func (Persisted) session()         {}
func (Compact) session()           {}
func (EraseSaved) session()        {}

// startSaving begins autosave over what storage holds.
func (st *State) startSaving(r store.Recovered, s *annotation.Store) {
	gen := 0
	if st.saving != nil {
		gen = st.saving.generation
	}
	st.saving = &saving{log: store.NewLog(r), saved: store.NewSaved(s, r.Records), generation: gen}
}

// savingOn returns autosave's side, reading what kv holds the first time.
func (st *State) savingOn(kv KV) *saving {
	if st.saving == nil {
		all, _ := readKV(kv)
		st.startSaving(store.Recover(all), nil)
	}
	return st.saving
}

// readKV reads autosave's keys from kv (none when it cannot list them).
func readKV(kv KV) (map[string]string, error) {
	all := map[string]string{}
	l, ok := kv.(ListKV)
	if !ok {
		return all, nil
	}
	keys, err := l.Keys()
	if err != nil {
		return nil, fmt.Errorf("list the saved records: %w", err)
	}
	for _, k := range keys {
		name, ok := strings.CutPrefix(k, StorePrefix)
		if !ok {
			continue
		}
		v, ok, err := kv.Get(k)
		if err != nil {
			return nil, fmt.Errorf("read the saved records: %w", err)
		}
		if ok {
			all[name] = v
		}
	}
	return all, nil
}

// runKV carries out w's ops on kv in order, stopping at the first that fails.
func runKV(kv KV, w store.Write) error {
	for _, op := range w.Ops {
		var err error
		switch {
		case op.Delete && op.Prefix:
			err = removePrefix(kv, StorePrefix+op.Key)
		case op.Delete:
			err = kv.Remove(StorePrefix + op.Key)
		default:
			err = kv.Set(StorePrefix+op.Key, op.Value)
		}
		if err != nil {
			return fmt.Errorf("write %s: %w", op.Key, err)
		}
	}
	return nil
}

// removePrefix removes every key of kv that starts with prefix (none
// when kv cannot list its keys).
func removePrefix(kv KV, prefix string) error {
	l, ok := kv.(ListKV)
	if !ok {
		return nil
	}
	keys, err := l.Keys()
	if err != nil {
		return err
	}
	for _, k := range keys {
		if strings.HasPrefix(k, prefix) {
			if err := kv.Remove(k); err != nil {
				return err
			}
		}
	}
	return nil
}

// autosave writes what changed since the last save, when it should
// (ShouldSave) and no write is in flight: into kv at once, or, with kv
// nil, through a Persist for the browser layer to carry out. The
// suggestion memory goes into memory first (localStorage), at once.
func (st *State) autosave(kv, memory KV, chunk int) []Effect {
	if !st.ShouldSave() {
		return nil
	}
	rev := st.Store.Revision()
	if memory != nil {
		if err := st.saveSuggestMemory(memory); err != nil {
			Update(st, Saved{Revision: rev, Err: describeStorageError(err)})
			return nil
		}
	}
	if !st.Unsaved() {
		return nil // only the suggestion memory had changed
	}
	sv := st.savingOn(kv)
	if sv.log.Busy() {
		return nil
	}
	ops, more, err := sv.saved.ChangesUpTo(st.Store, chunk)
	if err != nil {
		Update(st, Saved{Revision: rev, Err: describeStorageError(err)})
		return nil
	}
	if more {
		return []Effect{SaveSoon{}}
	}
	w, err := sv.log.Save(ops)
	if err != nil {
		return nil
	}
	sv.planned.store, sv.planned.revision = st.Store, rev
	if kv == nil {
		// The first screen's copy goes before the save is written.
		return append(st.forgetFirstScreen(), Persist{Write: w, Revision: rev, Generation: sv.generation})
	}
	if !st.screenForgotten {
		st.screenForgotten = kv.Remove(ScreenKey) == nil
	}
	err = runKV(kv, w)
	if err == nil {
		// Other tabs watch this key (the storage event).
		_ = kv.Set(AutosavePointerKey, fmt.Sprint(w.Seq))
	}
	return st.persisted(Persisted{Write: w, Revision: rev, Generation: sv.generation, Err: err})
}

// persisted records how a write went.
func (st *State) persisted(p Persisted) []Effect {
	sv := st.saving
	if sv == nil || p.Generation != sv.generation {
		return nil
	}
	sv.log.Done(p.Write, p.Err)
	var effects []Effect
	if p.Write.Kind == store.Saving {
		msg := ""
		if p.Err != nil {
			msg = describeStorageError(p.Err)
		}
		Update(st, Saved{Revision: p.Revision, Err: msg})
		if p.Err == nil && sv.legacy {
			sv.legacy = false
			effects = append(effects, ForgetLegacy{})
		}
	}
	if p.Err == nil && sv.log.NeedsCompaction() {
		effects = append(effects, CompactWhenIdle{})
	}
	return effects
}

// compact folds the log into the records.
func (st *State) compact(kv KV) []Effect {
	if st.saving == nil {
		return nil
	}
	w, ok := st.saving.log.Compact()
	if !ok {
		return nil
	}
	if kv == nil {
		return []Effect{Persist{Write: w, Generation: st.saving.generation}}
	}
	return st.persisted(Persisted{Write: w, Generation: st.saving.generation, Err: runKV(kv, w)})
}

// eraseSaved removes every record and batch: the log's newest batches
// first, then the project's settings, so that a stop halfway leaves an
// older state or none, never a mixture.
func (st *State) eraseSaved(kv KV) []Effect {
	var keys []string
	if kv != nil {
		all, err := readKV(kv)
		if err == nil {
			for k := range all {
				keys = append(keys, k)
			}
		}
	}
	sv := st.saving
	if sv != nil {
		for _, k := range sv.saved.Keys() {
			keys = append(keys, store.RecordPrefix+k)
		}
		for s := sv.log.Last(); s > sv.log.Applied(); s-- {
			keys = append(keys, store.LogKey(s))
		}
	}
	w := store.EraseWrite(keys)
	gen := 0
	if sv != nil {
		gen = sv.generation + 1
	}
	st.saving = &saving{log: store.NewLog(store.Recovered{}), saved: store.NewSaved(nil, nil), generation: gen}
	st.screenForgotten = false // removed now, whatever was kept
	if kv == nil {
		return append(st.forgetFirstScreen(), Persist{Write: w, Generation: -1})
	}
	_ = kv.Remove(ScreenKey)
	_ = runKV(kv, w)
	_ = ForgetSnapshots(kv)
	return nil
}

// describeStorageError says in words why browser storage failed.
func describeStorageError(err error) string {
	s := err.Error()
	if strings.Contains(s, "QuotaExceeded") || strings.Contains(strings.ToLower(s), "quota") {
		return "the browser's storage is full."
	}
	if strings.Contains(s, "SecurityError") || strings.Contains(s, "unavailable") {
		return "this browser does not allow storage here (private mode?)."
	}
	return s + "."
}

// Restoring: RestoreAutosave carries what storage holds, read by the
// browser layer (Stored, from IndexedDB), or reads it from Storage.

// restoreAutosave opens the autosaved project: the records and log
// (store.Recover), else the snapshots older versions wrote, which are
// saved as records at the next save and then removed.
func (st *State) restoreAutosave(a RestoreAutosave) {
	if a.Storage != nil {
		defer st.loadHandIns(a.Storage) // the boxes kept, and the restored work's
		st.loadSuggestMemory(a.Storage)
	}
	all := a.Stored
	if all == nil && a.Storage != nil {
		var err error
		if all, err = readKV(a.Storage); err != nil {
			st.fail("Your autosaved work could not be read: " + describeStorageError(err))
			return
		}
	}
	r := store.Recover(all)
	if r.BaseDamaged {
		// Never a part of the project shown as if it were the whole.
		st.startSaving(r, nil)
		st.fail("Your autosaved work could not be read: the copy this browser keeps of it is damaged (its checksum does not match). Open an exported file to go on.")
		return
	}
	if store.HasProject(r.Records) {
		s, historyErr, err := store.LoadProject(r.Records, st.clock)
		if err != nil {
			st.startSaving(r, nil)
			st.fail("Your autosaved work could not be read (" + err.Error() + "). Open an exported file to go on.")
			return
		}
		st.Store = s
		st.showDocument(s.Documents()[0].ID)
		st.Save = SaveStatus{Revision: s.Revision(), store: s}
		st.startSaving(r, s)
		if historyErr != nil {
			st.info("Your work is back, but not its undo history: " + historyErr.Error())
		}
	} else {
		st.startSaving(r, nil)
		if a.Storage != nil {
			st.restoreLegacy(a.Storage)
		}
	}
	if a.Storage != nil {
		if id := LoadShown(a.Storage); id != "" {
			if _, _, ok := st.Store.Document(id); ok {
				st.showDocument(id)
			}
		}
	}
	st.shownRemembered = st.Doc
	if a.NoIndexedDB != "" {
		st.info("This browser does not let Sayso use IndexedDB here (" + a.NoIndexedDB + "), so your work is kept in its localStorage, which holds only about 5 MB. Export your work regularly to keep it.")
	}
}

// restoreLegacy opens the snapshot older versions wrote, falling back to
// the previous one when the newest cannot be read, and marks it unsaved
// so that the next save writes it as records.
func (st *State) restoreLegacy(kv KV) {
	newest, older, err := LoadSnapshot(kv)
	if errors.Is(err, ErrNoSnapshot) {
		return
	}
	if err != nil {
		st.fail("Your autosaved work could not be read: " + describeStorageError(err))
		return
	}
	Update(st, Restore{Data: []byte(newest)})
	if st.Doc == "" && older != "" {
		failure := st.Message
		Update(st, Restore{Data: []byte(older)})
		if st.Doc != "" {
			st.fail(failure.Text + "\nThe previous autosave was restored instead.")
		}
	}
	if st.Doc != "" {
		st.saving.legacy = true
		st.Save.Revision = -1 // not yet saved as records
	}
}

// Older versions kept the project in two snapshot slots and a pointer
// naming the slot that holds the last complete snapshot (written the
// other slot first, then the pointer). They are read once, to move the
// work to records, and then removed.
const (
	keyPointer = AutosavePointerKey
	keySlotA   = "sayso:project:a"
	keySlotB   = "sayso:project:b"
)

// keyShown names the document shown last, so that a reload shows it again.
// It is a view setting only: losing it loses no work.
const keyShown = "sayso:shown"

// SaveShown records the document shown.
func SaveShown(kv KV, doc string) error {
	if err := kv.Set(keyShown, doc); err != nil {
		return fmt.Errorf("remember the document shown: %w", err)
	}
	return nil
}

// LoadShown is the document shown last, or "".
func LoadShown(kv KV) string {
	doc, ok, err := kv.Get(keyShown)
	if err != nil || !ok {
		return ""
	}
	return doc
}

// AutosavePointerKey is the storage key other tabs watch (the storage
// event) to learn that this project was saved elsewhere; a save sets it
// to the last batch written. Older versions named the current snapshot
// slot with it.
const AutosavePointerKey = "sayso:current"

// SaveSnapshot writes data as the newest snapshot, the way older versions
// did (kept to test the move to records).
func SaveSnapshot(kv KV, data string) error {
	cur, _, err := kv.Get(keyPointer)
	if err != nil {
		return fmt.Errorf("read the autosave pointer: %w", err)
	}
	next := keySlotA
	if cur == keySlotA {
		next = keySlotB
	}
	if err := kv.Set(next, data); err != nil {
		_ = kv.Remove(next)
		if cur == "" {
			return fmt.Errorf("write the snapshot: %w", err)
		}
		if err2 := kv.Set(cur, data); err2 != nil {
			return fmt.Errorf("write the snapshot: %w", err)
		}
		return nil
	}
	if err := kv.Set(keyPointer, next); err != nil {
		return fmt.Errorf("switch to the new snapshot: %w", err)
	}
	return nil
}

// ErrNoSnapshot means nothing was autosaved.
var ErrNoSnapshot = errors.New("no autosaved work")

// LoadSnapshot returns the newest complete snapshot older versions wrote,
// and the older one as a fallback for when the newest cannot be read.
func LoadSnapshot(kv KV) (newest, older string, err error) {
	cur, ok, err := kv.Get(keyPointer)
	if err != nil {
		return "", "", fmt.Errorf("read the autosave pointer: %w", err)
	}
	if !ok || (cur != keySlotA && cur != keySlotB) {
		return "", "", ErrNoSnapshot
	}
	other := keySlotA
	if cur == keySlotA {
		other = keySlotB
	}
	newest, ok, err = kv.Get(cur)
	if err != nil {
		return "", "", fmt.Errorf("read the snapshot: %w", err)
	}
	if !ok {
		return "", "", ErrNoSnapshot
	}
	older, _, _ = kv.Get(other)
	return newest, older, nil
}

// ForgetSnapshots erases what autosave keeps in kv apart from the
// records: the snapshots older versions wrote, the document shown last and
// the suggestion memory (when the person closes the article to start
// another).
func ForgetSnapshots(kv KV) error {
	if err := ForgetLegacySnapshots(kv); err != nil {
		return err
	}
	for _, k := range []string{keyShown, keySuggest} {
		if err := kv.Remove(k); err != nil {
			return fmt.Errorf("forget autosaved work: %w", err)
		}
	}
	return nil
}

// ForgetLegacySnapshots erases the snapshots older versions wrote, once
// their work is saved as records.
func ForgetLegacySnapshots(kv KV) error {
	for _, k := range []string{keySlotA, keySlotB, keyPointer} {
		if err := kv.Remove(k); err != nil {
			return fmt.Errorf("forget autosaved work: %w", err)
		}
	}
	return nil
}

// GCPercentRestoring is the garbage collector's setting (debug.SetGCPercent)
// while the browser layer restores the autosaved project and draws it
// for the first frame: off. The restore allocates the whole project (at
// 1 MB and 5,000 annotations about 11 MB) from a small heap, which would
// start several collections; in WebAssembly a collection's marking runs
// on the page's thread, and while it runs every pointer written pays a
// write barrier — measured, half of the restore. The browser layer turns
// the collector back on once the page is idle after the first frame.
// MemoryLimitRestoring bounds the heap meanwhile (debug.SetMemoryLimit):
// past it the collector runs anyway, so a project many times larger
// than that costs time, never memory without end.
const (
	GCPercentRestoring   = -1
	MemoryLimitRestoring = 256 << 20
)
