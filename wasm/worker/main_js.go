//go:build js && wasm

package main

import (
	"io/fs"

	"github.com/syumai/workers"

	"sayso/internal/site"
)

func main() {
	// Every file of the site is a static asset that Cloudflare serves
	// before the worker runs: what reaches this handler is not a file of
	// the site, and gets the site's 404/405/400 with its headers.
	workers.Serve(site.Handler(noFiles{}))
}

// noFiles is the empty file system.
type noFiles struct{}

func (noFiles) Open(name string) (fs.File, error) {
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}
