//go:build js && wasm

// Command prog is the floor under Sayso's start-up: the least a Go
// program compiled to WebAssembly does before it accepts input through
// the DOM binding Sayso uses (honnef.co/go/js/dom/v2). It listens for
// keys on the document and marks the page ready (body[data-ready="1"]),
// as the app does; nothing else. The benchmark builds it like the app
// (-trimpath -ldflags='-s -w') and loads it like the app, so that its
// transfer size and its time to ready stand beside the app's in one run.
package main

import "honnef.co/go/js/dom/v2"

func main() {
	doc := dom.GetWindow().Document()
	keys := 0
	doc.AddEventListener("keydown", false, func(dom.Event) { keys++ })
	doc.QuerySelector("body").SetAttribute("data-ready", "1")
	select {}
}
