//go:build js && wasm

// Command core is the second floor under Sayso's wasm transfer: the
// least Go program that can keep a person's work — it reads a project in
// the native format from the page, keeps it in a store and writes it
// back (internal/format/native, internal/store), beside the DOM binding.
// No view, no update loop, no other format: whatever module holds the
// annotating loop holds at least this. The benchmark builds it like the
// app and measures its size only; it is never served.
package main

import (
	"time"

	"honnef.co/go/js/dom/v2"

	"sayso/internal/format/native"
	"sayso/internal/store"
)

func main() {
	body := dom.GetWindow().Document().QuerySelector("body")
	st, err := native.Open([]byte(body.TextContent()), time.Now)
	if err == nil {
		b, err := native.Encode(st.Project())
		if err == nil {
			body.SetTextContent(string(b) + store.EncodeBatch(1, nil))
		}
	}
	body.SetAttribute("data-ready", "1")
	select {}
}
