//go:build js && wasm

package ui

import (
	"syscall/js"
	"time"

	"sayso/internal/app/warmup"
)

// openRehearsals is how many times opening a project is rehearsed after
// start-up (package warmup): enough for the browser to optimise the
// decoding, checking and drawing code that a person's first Open runs.
const openRehearsals = 4

// openWarming rehearses opening a project in idle time.
type openWarming struct {
	r    *warmup.Rehearsal
	done int
	next js.Func // the idle callback that runs the next rehearsal
}

// warmOpenLater rehearses opening a project when the page is idle, one
// rehearsal per idle period of at least warmMinIdle, with no time-out:
// it only ever uses time nothing else wants. Each rehearsal is marked for
// the benchmark (User Timing sayso:open-warm), and the end
// (sayso:open-warmed).
func (u *UI) warmOpenLater() {
	ric := js.Global().Get("requestIdleCallback")
	if ric.Type() != js.TypeFunction {
		return // no idle callbacks: the first Open runs cold
	}
	w := &u.openWarm
	if w.next.IsUndefined() {
		w.next = js.FuncOf(func(_ js.Value, args []js.Value) any {
			if idleTooShort(args) {
				js.Global().Call("requestIdleCallback", w.next)
				return nil
			}
			if !u.rehearseOpen() {
				return nil
			}
			if w.done < openRehearsals {
				js.Global().Call("requestIdleCallback", w.next)
			} else {
				js.Global().Get("performance").Call("mark", "sayso:open-warmed")
			}
			return nil
		})
		u.funcs = append(u.funcs, w.next)
	}
	ric.Invoke(w.next)
}

// rehearseOpen runs one rehearsal and reports whether warming goes on: a
// rehearsal that fails (it never should) stops it, with a word in the
// console, since nothing the person does depends on it.
func (u *UI) rehearseOpen() bool {
	w := &u.openWarm
	perf := js.Global().Get("performance")
	start := perf.Call("now")
	var err error
	if w.r == nil {
		w.r, err = warmup.New(time.Now)
	}
	if err == nil {
		_, err = w.r.Run()
	}
	if err != nil {
		js.Global().Get("console").Call("warn", "Sayso: rehearsing an open failed: "+err.Error())
		return false
	}
	w.done++
	perf.Call("measure", "sayso:open-warm", map[string]any{"start": start, "end": perf.Call("now")})
	return true
}
