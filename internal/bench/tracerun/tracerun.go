//go:build !js

// Package tracerun is the set-up the tracing commands (opentrace,
// reloadtrace) share: a generated document written to a file, the built
// site served on loopback, and Chromium launched with a throwaway profile,
// all in one temporary folder that Close removes.
package tracerun

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"sayso/internal/bench/browser"
	"sayso/internal/bench/corpus"
)

// Run is one command's set-up.
type Run struct {
	Corpus  *corpus.Corpus
	File    string // the document's .sayso.json
	Server  *browser.Server
	Browser *browser.Browser
	dir     string
}

// Start generates spec's document, serves site and launches the browser.
// name prefixes the temporary folder. On an error nothing is left behind.
func Start(name, site string, spec corpus.Spec) (r *Run, err error) {
	dir, err := os.MkdirTemp("", name+"-")
	if err != nil {
		return nil, err
	}
	r = &Run{dir: dir}
	defer func() {
		if err != nil {
			r.Close()
			r = nil
		}
	}()
	if r.Corpus, err = corpus.Generate(spec); err != nil {
		return r, fmt.Errorf("generate the document: %w", err)
	}
	r.File = filepath.Join(dir, "doc.sayso.json")
	if err = os.WriteFile(r.File, r.Corpus.Native, 0o644); err != nil {
		return r, err
	}
	if r.Server, err = browser.Serve(site); err != nil {
		return r, err
	}
	path, err := browser.ExecPath()
	if err != nil {
		return r, err
	}
	r.Browser, err = browser.Launch(context.Background(), path, filepath.Join(dir, "profile"))
	return r, err
}

// Close stops the browser and the server and removes the folder.
func (r *Run) Close() {
	if r.Browser != nil {
		r.Browser.Close()
	}
	if r.Server != nil {
		_ = r.Server.Close()
	}
	_ = os.RemoveAll(r.dir)
}
