//go:build js && wasm

package ui

import (
	"errors"
	"strings"
	"syscall/js"

	"sayso/internal/app"
	"sayso/internal/app/view"
	"sayso/internal/handinclient"
	"sayso/internal/ui/jsutil"
)

// The hand-in box's browser side: fetch for package handinclient's
// requests, the Hand in button's slot beside Export, and the storage
// writes the app asks for. What is sent, retried and said is decided in
// internal/app and internal/handinclient.

// handInUI is the Hand in button's slot and what it last showed.
type handInUI struct {
	slot  js.Value // #hand-in-slot; undefined on a page without one
	drawn string
}

// startHandIn finds the slot and tells the app the site's origin when the
// page is served over HTTP(S) (a box cannot be opened from file://).
func (u *UI) startHandIn() {
	u.handIn.slot = js.Global().Get("document").Call("getElementById", "hand-in-slot")
	loc := js.Global().Get("location")
	if p := loc.Get("protocol").String(); p == "https:" || p == "http:" {
		u.dispatch(app.SiteOrigin{Origin: loc.Get("origin").String()})
	}
}

// renderHandIn draws the Hand in button (and the receipt's) into its slot.
func (u *UI) renderHandIn(p view.Page) {
	if u.handIn.slot.IsNull() || u.handIn.slot.IsUndefined() {
		return
	}
	h := p.HandIn.String()
	if h == u.handIn.drawn {
		return
	}
	u.handIn.drawn = h
	if u.morph.Type() == js.TypeFunction {
		u.morph.Invoke(u.handIn.slot, h)
	} else {
		u.handIn.slot.Set("innerHTML", h)
	}
}

// runHandIn carries out the hand-in effects; a request runs in a
// goroutine of its own (fetch is awaited) and its answer is dispatched.
func (u *UI) runHandIn(e app.Effect) {
	c := handinclient.Client{Send: fetchRequest}
	switch e := e.(type) {
	case app.OpenBox:
		go func() { u.dispatch(e.Run(c)) }()
	case app.SendHandIn:
		go func() { u.dispatch(e.Run(c)) }()
	case app.AskBox:
		go func() { u.dispatch(e.Run(c)) }()
	case app.StoreValue:
		var err error
		if e.Value == "" {
			err = u.store.Remove(e.Key)
		} else {
			err = u.store.Set(e.Key, e.Value)
		}
		if err != nil {
			u.dispatch(app.Failed{Text: "Could not keep the hand-in box in this browser's storage (" + err.Error() + "): download its key file to keep it."})
		}
	}
}

// fetchRequest sends r with fetch: no cookies, no referrer, and the
// answer read whole. A rejected fetch (offline, refused by CORS or the
// CSP) is an error: no answer came.
func fetchRequest(r handinclient.Request) (handinclient.Response, error) {
	opts := js.Global().Get("Object").New()
	opts.Set("method", r.Method)
	opts.Set("credentials", "omit")
	opts.Set("referrerPolicy", "no-referrer")
	opts.Set("cache", "no-store")
	headers := js.Global().Get("Object").New()
	for k, v := range r.Header {
		headers.Set(k, v)
	}
	opts.Set("headers", headers)
	if r.Body != nil {
		opts.Set("body", jsutil.Uint8Array(r.Body))
	}
	var res js.Value
	var err error
	func() {
		defer func() {
			if p := recover(); p != nil {
				err = errors.New("fetch failed")
			}
		}()
		res, err = jsutil.Await(js.Global().Call("fetch", r.URL, opts))
	}()
	if err != nil {
		return handinclient.Response{}, err
	}
	buf, err := jsutil.Await(res.Call("arrayBuffer"))
	if err != nil {
		return handinclient.Response{}, err
	}
	out := handinclient.Response{Status: res.Get("status").Int(), Header: map[string]string{}, Body: jsutil.Bytes(buf)}
	if v := res.Get("headers").Call("get", "retry-after"); !v.IsNull() {
		out.Header[strings.ToLower("Retry-After")] = v.String()
	}
	return out, nil
}
