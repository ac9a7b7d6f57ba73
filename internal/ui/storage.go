//go:build js && wasm

package ui

import (
	"errors"
	"fmt"
	"strconv"
	"syscall/js"
	"unsafe"

	"sayso/internal/app"
	"sayso/internal/store"
)

// Autosave's storage: IndexedDB (one object store of string keys and
// values, written one transaction per store.Write), or localStorage where
// IndexedDB is missing. The planning — what to write, in what order — is
// the app's and package store's; this file only carries it out.

const (
	idbName  = "sayso"
	idbStore = "kv"
)

// localStorage is app.KV over window.localStorage. Every call can throw
// (storage disabled, quota exceeded); the exception becomes an error.
type localStorage struct{}

func (localStorage) Get(key string) (value string, ok bool, err error) {
	err = catch(func() {
		v := js.Global().Get("localStorage").Call("getItem", key)
		if !v.IsNull() {
			value, ok = v.String(), true
		}
	})
	return value, ok, err
}

func (localStorage) Set(key, value string) error {
	return catch(func() { js.Global().Get("localStorage").Call("setItem", key, value) })
}

func (localStorage) Remove(key string) error {
	return catch(func() { js.Global().Get("localStorage").Call("removeItem", key) })
}

func (localStorage) Keys() (keys []string, err error) {
	err = catch(func() {
		ls := js.Global().Get("localStorage")
		n := ls.Get("length").Int()
		for i := 0; i < n; i++ {
			if k := ls.Call("key", i); !k.IsNull() {
				keys = append(keys, k.String())
			}
		}
	})
	return keys, err
}

// catch runs f and turns a thrown JavaScript exception into an error.
func catch(f func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			if jsErr, ok := r.(js.Error); ok {
				err = fmt.Errorf("%s: %s", jsErr.Value.Get("name").String(), jsErr.Value.Get("message").String())
				return
			}
			err = fmt.Errorf("storage: %v", r)
		}
	}()
	f()
	return nil
}

// domError describes a DOMException (an IndexedDB request's or
// transaction's error), or says that there was none.
func domError(v js.Value, what string) error {
	if v.IsNull() || v.IsUndefined() {
		return errors.New(what + " was stopped")
	}
	return fmt.Errorf("%s: %s: %s", what, v.Get("name").String(), v.Get("message").String())
}

// once wraps f as a js.Func that releases itself after its first call.
func once(f func(js.Value)) js.Func {
	var fn js.Func
	fn = js.FuncOf(func(_ js.Value, args []js.Value) any {
		fn.Release()
		ev := js.Undefined()
		if len(args) > 0 {
			ev = args[0]
		}
		f(ev)
		return nil
	})
	return fn
}

// records are autosave's keys and values as read from its store (arrays
// of the same length; a value is a string or a Uint8Array of UTF-8), the
// writer's fence left out.
func records(ks, vs js.Value) map[string]string {
	bytes := js.Global().Get("Uint8Array")
	all := make(map[string]string, ks.Length())
	for i := 0; i < ks.Length() && i < vs.Length(); i++ {
		switch v := vs.Index(i); {
		case v.Type() == js.TypeString:
			all[ks.Index(i).String()] = v.String()
		case v.InstanceOf(bytes):
			all[ks.Index(i).String()] = stringOfBytes(v)
		}
	}
	delete(all, fenceKey) // the writer's, not the app's
	return all
}

// openStoredWork takes autosave's storage as the page opened and read it
// while the program loaded (web/boot.js: window.saysoStoredWork, a
// promise of {db, keys, values} or of {error}, which opens IndexedDB
// "sayso" version 1 and reads its store "kv") and calls done with the
// database and every key and value of the store, or with why not.
func openStoredWork(done func(db js.Value, all map[string]string, err error)) {
	p := js.Global().Get("saysoStoredWork")
	if p.Type() != js.TypeObject || p.Get("then").Type() != js.TypeFunction {
		done(js.Undefined(), nil, errors.New("the page did not open the storage (web/boot.js did not run)"))
		return
	}
	p.Call("then", once(func(r js.Value) {
		if e := r.Get("error"); e.Type() == js.TypeString {
			done(js.Undefined(), nil, errors.New(e.String()))
			return
		}
		done(r.Get("db"), records(r.Get("keys"), r.Get("values")), nil)
	}))
}

// readIndexedDB reads every key and value of autosave's store.
func readIndexedDB(db js.Value, done func(map[string]string, error)) {
	var tx, keys, vals js.Value
	if err := catch(func() {
		tx = db.Call("transaction", idbStore, "readonly")
		st := tx.Call("objectStore", idbStore)
		keys = st.Call("getAllKeys")
		vals = st.Call("getAll")
	}); err != nil {
		done(nil, err)
		return
	}
	tx.Set("oncomplete", once(func(js.Value) { done(records(keys.Get("result"), vals.Get("result")), nil) }))
	tx.Set("onabort", once(func(js.Value) { done(nil, domError(tx.Get("error"), "read IndexedDB")) }))
}

// writeIndexedDB carries out ops in one readwrite transaction, and
// calls done when it committed (nil) or was refused or aborted (the
// error): in that case nothing of it was written.
func writeIndexedDB(db js.Value, ops []store.Op, done func(error)) {
	var tx js.Value
	err := catch(func() {
		tx = db.Call("transaction", idbStore, "readwrite", map[string]any{"durability": "strict"})
		st := tx.Call("objectStore", idbStore)
		for _, op := range ops {
			switch {
			case op.Delete && op.Prefix:
				st.Call("delete", js.Global().Get("IDBKeyRange").Call("bound", op.Key, prefixEnd(op.Key), false, true))
			case op.Delete:
				st.Call("delete", op.Key)
			case len(op.Value) >= bytesValue:
				st.Call("put", bytesOfString(op.Value), op.Key)
			default:
				st.Call("put", op.Value, op.Key)
			}
		}
	})
	if err != nil {
		if !tx.IsUndefined() {
			_ = catch(func() { tx.Call("abort") })
		}
		done(err)
		return
	}
	// Every request is made: commit now, rather than when the page's
	// thread next hears back from them. A page closed or killed right
	// after a save (the save on leaving) otherwise loses the transaction
	// with the page.
	if tx.Get("commit").Type() == js.TypeFunction {
		_ = catch(func() { tx.Call("commit") })
	}
	tx.Set("oncomplete", once(func(js.Value) { done(nil) }))
	tx.Set("onabort", once(func(js.Value) { done(domError(tx.Get("error"), "write IndexedDB")) }))
}

// bytesValue is the size from which a value is stored as its UTF-8
// bytes (a Uint8Array) rather than as a string: a whole project's batch
// is megabytes, and making a JavaScript string of it decodes every byte
// as UTF-8 on the page's thread (the largest part of the first save after
// an open), where copying the bytes is a memcpy. Read back, both are the
// same Go string; the text is UTF-8 either way (Go strings from the page).
const bytesValue = 32 << 10

// bytesOfString copies s into a new Uint8Array.
func bytesOfString(s string) js.Value {
	a := js.Global().Get("Uint8Array").New(len(s))
	// CopyBytesToJS only reads its source: a view of s's bytes saves
	// copying megabytes once more.
	js.CopyBytesToJS(a, unsafe.Slice(unsafe.StringData(s), len(s)))
	return a
}

// stringOfBytes copies a Uint8Array's bytes into a Go string.
func stringOfBytes(v js.Value) string {
	b := make([]byte, v.Get("length").Int())
	js.CopyBytesToGo(b, v)
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b)) // b is not used again
}

// prefixEnd is the first key after every key that starts with prefix
// (prefix not empty, its last byte below 0xff, as store's prefixes are).
func prefixEnd(prefix string) string {
	return prefix[:len(prefix)-1] + string(rune(prefix[len(prefix)-1]+1))
}

// kv is the KV autosave writes to at once: nil when it writes to
// IndexedDB through Persist effects.
func (u *UI) kv() app.KV {
	if u.idb.Truthy() {
		return nil
	}
	return u.store
}

// persist carries out an app.Persist and reports it. A large write (a
// whole project's batch, a compaction's base) is handed to IndexedDB in a
// task of its own, after the one that encoded it, so that neither holds
// the page's thread for both; the log writes nothing else meanwhile (one
// write in flight), and nothing of it is stored before. Leaving the page,
// it is handed over at once.
func (u *UI) persist(p app.Persist) {
	if !u.idb.Truthy() {
		return
	}
	if p.Write.Bytes < bytesValue || u.leaving {
		u.write(p)
		return
	}
	u.deferred = &p
	js.Global().Call("setTimeout", once(func(js.Value) { u.writeDeferred() }), 0)
}

// writeDeferred hands over the large write persist put off, if it still
// waits (the page may have been left meanwhile: saveNow hands it over).
func (u *UI) writeDeferred() {
	p := u.deferred
	if p == nil {
		return
	}
	u.deferred = nil
	// Marked like the save or compaction it belongs to (User Timing), for
	// the benchmark: the task is part of its cost.
	perf := js.Global().Get("performance")
	start := perf.Call("now")
	u.write(*p)
	name := "sayso:save"
	if p.Write.Kind == store.Compacting {
		name = "sayso:compact"
	}
	perf.Call("measure", name, map[string]any{"start": start, "end": perf.Call("now")})
}

// write carries out p's write and reports it; where (the save worker,
// or the page) is the writer's choice (idbwriter.go).
func (u *UI) write(p app.Persist) {
	u.writer().carry(p.Write.Ops, u.leaving, func(err error) {
		if err == nil && p.Write.Kind == store.Saving {
			// Other tabs watch this key (the storage event).
			_ = u.store.Set(app.AutosavePointerKey, strconv.FormatUint(p.Write.Seq, 10))
		}
		u.dispatch(app.Persisted{Write: p.Write, Revision: p.Revision, Generation: p.Generation, Err: err})
		if err != nil || (p.Write.Kind == store.Compacting && p.Write.Final()) {
			u.estimate()
		}
	})
}

// compactWhenIdle folds the log into the records when the page is idle.
func (u *UI) compactWhenIdle() {
	if u.compactPending {
		return
	}
	u.compactPending = true
	f := once(func(js.Value) {
		u.compactPending = false
		u.dispatch(app.Compact{Storage: u.kv()})
	})
	if ric := js.Global().Get("requestIdleCallback"); ric.Type() == js.TypeFunction {
		ric.Invoke(f, map[string]any{"timeout": 2000})
		return
	}
	js.Global().Call("setTimeout", f, 200)
}

// estimate asks the browser how much storage the site uses and may use
// (navigator.storage.estimate), for the Documents panel.
func (u *UI) estimate() {
	if !u.idb.Truthy() {
		u.dispatch(app.StorageEstimated{Use: app.StorageUse{InLocalStorage: true}})
		return
	}
	st := js.Global().Get("navigator").Get("storage")
	if st.IsUndefined() || st.Get("estimate").Type() != js.TypeFunction {
		return
	}
	var p js.Value
	if err := catch(func() { p = st.Call("estimate") }); err != nil {
		return
	}
	p.Call("then", once(func(v js.Value) {
		u.dispatch(app.StorageEstimated{Use: app.StorageUse{
			Usage: int64(v.Get("usage").Float()),
			Quota: int64(v.Get("quota").Float()),
		}})
	}))
}

// writerLockName is the Web Lock the tab that saves holds.
const writerLockName = "sayso-writer"

// holdWriterLock takes the writer's lock when no other tab holds it, and
// keeps it until the page goes; otherwise it tells the app this tab is
// read-only and waits for the lock, then restores what the other tab
// saved and takes over. Without Web Locks (older browsers) the other
// tab's saves are still noticed (the storage event in events.go).
func (u *UI) holdWriterLock() {
	locks := js.Global().Get("navigator").Get("locks")
	if !locks.Truthy() || !u.idb.Truthy() {
		return
	}
	forever := func() js.Value {
		return js.Global().Get("Promise").New(once(func(js.Value) {}))
	}
	// Nothing is written until the answer: another tab may be the writer.
	u.dispatch(app.AskedWriterLock{})
	answered := false
	// Without an answer (the lock refused, as to some file:// pages) the
	// tab saves as it does without Web Locks.
	noLock := func() {
		if !answered {
			answered = true
			u.dispatch(app.WriterLock{Held: true})
		}
	}
	var first js.Func
	first = js.FuncOf(func(_ js.Value, args []js.Value) any {
		first.Release()
		answered = true
		if len(args) > 0 && args[0].Truthy() {
			u.dispatch(app.WriterLock{Held: true})
			return forever()
		}
		u.dispatch(app.WriterLock{Held: false})
		var wait js.Func
		wait = js.FuncOf(func(js.Value, []js.Value) any {
			wait.Release()
			readIndexedDB(u.idb, func(all map[string]string, err error) {
				if err == nil {
					u.dispatch(app.RestoreAutosave{Storage: u.store, Stored: all})
				}
				u.dispatch(app.WriterLock{Held: true, TookOver: true})
			})
			return forever() // held until the page goes
		})
		locks.Call("request", writerLockName, wait)
		return nil
	})
	var asked js.Value
	if err := catch(func() {
		asked = locks.Call("request", writerLockName, map[string]any{"ifAvailable": true}, first)
	}); err != nil {
		first.Release()
		noLock()
		return
	}
	asked.Call("catch", once(func(js.Value) { noLock() }))
}
