//go:build !js

// Package floor builds the benchmark's floor site: the least Go program
// in the browser (./prog: the Go runtime and the DOM binding Sayso uses,
// marking the page ready and nothing else), compiled the way the app is
// and served beside it, so that the wasm transfer and the time to ready
// that any Go app pays stand next to Sayso's in the same run.
package floor

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Files of the floor site besides the module (wasm_exec.js comes from
// the Go toolchain that built it; the page has no inline script, as the
// site's Content-Security-Policy wants).
const (
	indexHTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Go floor</title>
<script src="wasm_exec.js"></script><script src="boot.js"></script></head>
<body><p>The least Go program in the browser.</p></body></html>
`
	bootJS = `"use strict";
const go = new Go();
WebAssembly.instantiateStreaming(fetch("floor.wasm"), go.importObject).then((r) => go.run(r.instance));
`
)

// Site is the built floor site.
type Site struct {
	Dir  string // served as the site's root
	Wasm string // the module, Dir/floor.wasm
	// Core is the second floor's module (./core: the native format and
	// the store beside the DOM binding), built beside Dir, not served.
	Core string
}

// Build compiles ./prog and ./core (the package's directory is pkgDir)
// for js/wasm, the first into dir, with the Go command goCmd, and writes
// the page around it.
func Build(ctx context.Context, goCmd, pkgDir, dir string) (Site, error) {
	s := Site{Dir: dir, Wasm: filepath.Join(dir, "floor.wasm"), Core: dir + "-core.wasm"}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return s, fmt.Errorf("floor site: %w", err)
	}
	for _, p := range []struct{ out, pkg string }{{s.Wasm, "./prog"}, {s.Core, "./core"}} {
		build := exec.CommandContext(ctx, goCmd, "build", "-trimpath", "-ldflags=-s -w", "-o", p.out, p.pkg)
		build.Dir = pkgDir
		build.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
		var stderr bytes.Buffer
		build.Stderr = &stderr
		if err := build.Run(); err != nil {
			return s, fmt.Errorf("build the floor program %s: %w: %s", p.pkg, err, strings.TrimSpace(stderr.String()))
		}
	}
	root, err := exec.CommandContext(ctx, goCmd, "env", "GOROOT").Output()
	if err != nil {
		return s, fmt.Errorf("find GOROOT for wasm_exec.js: %w", err)
	}
	execJS, err := os.ReadFile(filepath.Join(strings.TrimSpace(string(root)), "lib", "wasm", "wasm_exec.js"))
	if err != nil {
		return s, fmt.Errorf("floor site: %w", err)
	}
	for name, body := range map[string][]byte{"index.html": []byte(indexHTML), "boot.js": []byte(bootJS), "wasm_exec.js": execJS} {
		if err := os.WriteFile(filepath.Join(dir, name), body, 0o644); err != nil {
			return s, fmt.Errorf("floor site: %w", err)
		}
	}
	return s, nil
}
