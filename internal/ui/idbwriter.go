//go:build js && wasm

package ui

import (
	"errors"
	"strconv"
	"syscall/js"

	"sayso/internal/store"
)

// Autosave's writes to IndexedDB go to a dedicated worker
// (web/saveworker.js), which opens the transaction and hands it the
// values: done on the page's thread, those calls held it for
// milliseconds, waiting on the browser's storage process. The page posts
// the write and hears back "committed" or "aborted, because". The save on
// leaving the page is still written by the page itself (a dedicated
// worker dies with its page), and so is every write where there is no
// worker: the offline file opened from file://, a browser without
// workers, a worker that failed to start or stopped.
//
// Order: writes reach IndexedDB in the order the app planned them. The
// worker's writes are ordered by its one connection, the page's by its
// own; the two never overlap in flight but for one case, handled by the
// fence. The worker gets a write only once every write of the page's own
// has finished (later ones wait in queued). When the page must write
// itself while writes are with the worker (it is being hidden or left, or
// the worker stopped), it takes them back: it writes them again, in
// order, in one transaction that first sets the fence (fenceKey) to a
// number the worker's copies of them predate. A copy the worker has not
// yet run reads the fence and aborts; one it ran earlier is written over
// by the same values. Either way storage ends where the app's order of
// writes leads, and a write counts as done once either copy committed.

// fenceKey is the IndexedDB key of the fence (ignored by store.Recover).
const fenceKey = "fence"

// errSuperseded is the worker's answer for a write the page took back.
const errSuperseded = "superseded"

// Worker states.
const (
	workerNone     = iota // not tried yet
	workerStarting        // created, opening its connection
	workerReady           // takes writes
	workerGone            // none, refused, or stopped: the page writes
)

// idbWriter carries out autosave's writes, in the worker or in the page.
type idbWriter struct {
	db     js.Value // the page's own connection
	worker js.Value
	state  int
	funcs  []js.Func // the worker's listeners
	// page names this page in the fence; fence is the last number it
	// wrote there (0: none).
	page  string
	fence int
	// inPage counts the page's own transactions not yet finished;
	// posted are the writes with the worker not yet answered, queued
	// those waiting for inPage to be 0, in order.
	inPage int
	posted []*pendingWrite
	queued []*pendingWrite
	nextID int
}

// pendingWrite is one write and what became of its copies.
type pendingWrite struct {
	id   int
	ops  []store.Op
	done func(error)
	// atWorker: posted to the worker; answered, with workerErr.
	atWorker, answered bool
	workerErr          error
	// takenBack: written again by the page; pageDone, with pageErr.
	takenBack, pageDone bool
	pageErr             error
	reported            bool
}

func newIDBWriter(db js.Value) *idbWriter {
	page := strconv.FormatInt(int64(js.Global().Get("performance").Get("timeOrigin").Float()), 36) +
		"-" + strconv.FormatInt(int64(js.Global().Get("Math").Call("random").Float()*(1<<40)), 36)
	return &idbWriter{db: db, worker: js.Undefined(), page: page}
}

// writer is the writer of autosave's IndexedDB writes (u.idb is set).
func (u *UI) writer() *idbWriter {
	if u.writes == nil {
		u.writes = newIDBWriter(u.idb)
	}
	return u.writes
}

// startSaveWorkerWhenIdle starts the save worker once the page is idle,
// when autosave writes to IndexedDB and the page names the worker's
// script (script#save-worker, of a type the browser does not run: the
// offline file inlines it, and has no URL to give).
func (u *UI) startSaveWorkerWhenIdle() {
	if !u.idb.Truthy() {
		return
	}
	f := once(func(js.Value) { u.writer().start() })
	if ric := js.Global().Get("requestIdleCallback"); ric.Type() == js.TypeFunction {
		ric.Invoke(f, map[string]any{"timeout": 1000})
		return
	}
	js.Global().Call("setTimeout", f, 100)
}

// start creates the worker and asks it to open the database. Where it
// cannot be made (no script URL, no Worker, a file:// page, the CSP) the
// page goes on writing itself, silently.
func (wr *idbWriter) start() {
	if wr.state != workerNone {
		return
	}
	wr.state = workerGone
	el := js.Global().Get("document").Call("getElementById", "save-worker")
	if el.IsNull() || js.Global().Get("Worker").Type() != js.TypeFunction {
		return
	}
	src := el.Call("getAttribute", "src")
	if src.IsNull() || src.String() == "" {
		return
	}
	url := el.Get("src").String() // resolved against the page
	var w js.Value
	if err := catch(func() { w = js.Global().Get("Worker").New(url, map[string]any{"name": "sayso-save"}) }); err != nil {
		return
	}
	wr.worker, wr.state = w, workerStarting
	onMessage := js.FuncOf(func(_ js.Value, args []js.Value) any {
		wr.heard(args[0].Get("data"))
		return nil
	})
	onError := js.FuncOf(func(_ js.Value, args []js.Value) any {
		if len(args) > 0 {
			args[0].Call("preventDefault")
		}
		wr.stop(errors.New("the save worker stopped"))
		return nil
	})
	wr.funcs = append(wr.funcs, onMessage, onError)
	w.Set("onmessage", onMessage)
	w.Set("onerror", onError)
	w.Set("onmessageerror", onError)
	if err := catch(func() {
		w.Call("postMessage", map[string]any{"open": idbName, "store": idbStore, "version": 1})
	}); err != nil {
		wr.stop(err)
	}
}

// heard takes one of the worker's answers.
func (wr *idbWriter) heard(m js.Value) {
	switch {
	case m.Get("ready").Truthy():
		if wr.state == workerStarting {
			wr.state = workerReady
			wr.flush()
		}
		return
	case m.Get("failed").Type() == js.TypeString:
		wr.stop(errors.New(m.Get("failed").String()))
		return
	}
	if m.Get("id").Type() != js.TypeNumber {
		return
	}
	id := m.Get("id").Int()
	for i, pw := range wr.posted {
		if pw.id != id {
			continue
		}
		wr.posted = append(wr.posted[:i], wr.posted[i+1:]...)
		pw.answered = true
		if e := m.Get("error").String(); e != "" {
			pw.workerErr = errors.New(e)
		}
		pw.settle()
		return
	}
}

// stop gives the worker up: the page writes from now on, first what the
// worker had not answered.
func (wr *idbWriter) stop(why error) {
	if wr.state == workerGone {
		return
	}
	wr.state = workerGone
	if wr.worker.Truthy() {
		_ = catch(func() { wr.worker.Call("terminate") })
	}
	wr.worker = js.Undefined()
	for _, f := range wr.funcs {
		f.Release()
	}
	wr.funcs = nil
	posted := wr.posted
	wr.takeBack()
	for _, pw := range posted {
		pw.answered, pw.workerErr = true, why
		pw.settle()
	}
	wr.posted = nil
}

// takeBackWrites writes in the page the writes the save worker has not
// answered, as the page is hidden or left: the worker may not outlive it.
// (A save on leaving has done so already, before its own write.)
func (u *UI) takeBackWrites() {
	if u.writes != nil {
		u.writes.takeBack()
	}
}

// carry carries out ops, in order after every write carried before, and
// calls done once with how it went. Leaving the page, the page writes
// them itself at once, after taking back what the worker has.
func (wr *idbWriter) carry(ops []store.Op, leaving bool, done func(error)) {
	if leaving || wr.state != workerReady {
		if leaving {
			wr.takeBack()
		}
		wr.writeInPage(ops, func(err error) { done(err) })
		return
	}
	wr.nextID++
	pw := &pendingWrite{id: wr.nextID, ops: ops, done: done}
	wr.queued = append(wr.queued, pw)
	wr.flush()
}

// flush posts the queued writes to the worker once the page's own have
// finished.
func (wr *idbWriter) flush() {
	if wr.state != workerReady || wr.inPage > 0 {
		return
	}
	queued := wr.queued
	wr.queued = nil
	for i, pw := range queued {
		if err := wr.post(pw); err != nil {
			// Not posted: the page writes it and what follows.
			wr.queued = queued[i:]
			wr.stop(err)
			return
		}
	}
}

// post hands pw to the worker; large values go as bytes, transferred.
func (wr *idbWriter) post(pw *pendingWrite) error {
	items := make([]any, 0, 3*len(pw.ops))
	var transfer []any
	for _, op := range pw.ops {
		switch {
		case op.Delete && op.Prefix:
			items = append(items, 2, op.Key, prefixEnd(op.Key))
		case op.Delete:
			items = append(items, 1, op.Key, "")
		case len(op.Value) >= bytesValue:
			b := bytesOfString(op.Value)
			items = append(items, 0, op.Key, b)
			transfer = append(transfer, b.Get("buffer"))
		default:
			items = append(items, 0, op.Key, op.Value)
		}
	}
	err := catch(func() {
		wr.worker.Call("postMessage", map[string]any{
			"id": pw.id, "page": wr.page, "fence": wr.fence, "fenceKey": fenceKey, "ops": items,
		}, transfer)
	})
	if err != nil {
		return err
	}
	pw.atWorker = true
	wr.posted = append(wr.posted, pw)
	return nil
}

// takeBack writes again, in the page and in order, every write the
// worker has not answered and every write queued for it, behind a new
// fence (see the top of this file).
func (wr *idbWriter) takeBack() {
	var list []*pendingWrite
	for _, pw := range wr.posted {
		if !pw.takenBack {
			list = append(list, pw)
		}
	}
	list = append(list, wr.queued...)
	wr.queued = nil
	if len(list) == 0 {
		return
	}
	wr.fence++
	ops := []store.Op{store.Put(fenceKey, wr.page+":"+strconv.Itoa(wr.fence))}
	for _, pw := range list {
		pw.takenBack = true
		ops = append(ops, pw.ops...)
	}
	wr.writeInPage(ops, func(err error) {
		for _, pw := range list {
			pw.pageDone, pw.pageErr = true, err
			pw.settle()
		}
	})
}

// writeInPage writes ops in one transaction of the page's own; queued
// writes go to the worker once the page's are all finished.
func (wr *idbWriter) writeInPage(ops []store.Op, done func(error)) {
	wr.inPage++
	writeIndexedDB(wr.db, ops, func(err error) {
		wr.inPage--
		done(err)
		wr.flush()
	})
}

// settle reports pw once: written when either copy committed (both hold
// the same ops), refused when every copy made was refused.
func (pw *pendingWrite) settle() {
	if pw.reported {
		return
	}
	workerOK := pw.atWorker && pw.answered && pw.workerErr == nil
	pageOK := pw.takenBack && pw.pageDone && pw.pageErr == nil
	allKnown := (!pw.atWorker || pw.answered) && (!pw.takenBack || pw.pageDone)
	if !workerOK && !pageOK && !allKnown {
		return
	}
	pw.reported = true
	var err error
	switch {
	case workerOK || pageOK:
	case pw.takenBack:
		err = pw.pageErr
	default:
		err = pw.workerErr
	}
	pw.done(err)
}
