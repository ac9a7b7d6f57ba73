// Package ui is Sayso's thin DOM layer, the one package besides wasm/app
// that touches syscall/js and the DOM bindings. It holds no policy: it
// turns DOM events into app actions (the pure mapping, actions.go, is
// plain Go tested natively), hands them to app.Step, draws the page that
// view.Build makes with one innerHTML per changed piece, and carries out
// the effects (downloads, scrolling, storage, reading files).
//
// The files built only for the browser (ui.go, events.go, files.go, …)
// carry the js && wasm build tag; the plain ones build everywhere.
package ui
