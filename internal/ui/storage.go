//go:build js && wasm

package ui

import (
	"fmt"
	"syscall/js"
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
