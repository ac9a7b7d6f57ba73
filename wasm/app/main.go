//go:build js && wasm

// Command app is Sayso's browser app: it wires the application state to the
// page and then waits forever, serving DOM events.
package main

import (
	"time"

	"sayso/internal/app"
	"sayso/internal/ui"
)

func main() {
	st := app.NewState(time.Now)
	u, err := ui.New(st)
	if err != nil {
		panic(err)
	}
	u.Start()
	select {}
}
