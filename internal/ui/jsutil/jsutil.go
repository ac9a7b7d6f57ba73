//go:build js && wasm

// Package jsutil holds the few syscall/js helpers the browser layer needs
// more than once: byte copies between Go and Uint8Array, and awaiting a
// promise as (value, error).
package jsutil

import (
	"errors"
	"syscall/js"
)

// Bytes copies the bytes of a Uint8Array or an ArrayBuffer into Go.
func Bytes(v js.Value) []byte {
	if !v.InstanceOf(js.Global().Get("Uint8Array")) {
		v = js.Global().Get("Uint8Array").New(v)
	}
	b := make([]byte, v.Get("length").Int())
	js.CopyBytesToGo(b, v)
	return b
}

// Uint8Array copies b into a new Uint8Array.
func Uint8Array(b []byte) js.Value {
	a := js.Global().Get("Uint8Array").New(len(b))
	js.CopyBytesToJS(a, b)
	return a
}

// Await waits for promise p to settle and returns its value, or an error
// with the reason's text when it is rejected. It blocks the calling
// goroutine, so it must never run inside a js.FuncOf callback (the
// callback would wait for an event loop it is blocking): call it from a
// goroutine of its own.
func Await(p js.Value) (js.Value, error) {
	type result struct {
		v   js.Value
		err error
	}
	done := make(chan result, 1)
	var then, catch js.Func
	then = js.FuncOf(func(_ js.Value, args []js.Value) any {
		done <- result{v: args[0]}
		return nil
	})
	catch = js.FuncOf(func(_ js.Value, args []js.Value) any {
		done <- result{err: errors.New(args[0].Call("toString").String())}
		return nil
	})
	p.Call("then", then, catch)
	r := <-done
	then.Release()
	catch.Release()
	return r.v, r.err
}
