// Command sitebuild writes the deployable static site (content-hashed
// names, precompressed siblings, service-worker asset list, _headers):
//
//	go run ./internal/tools/sitebuild -web web -wasm build/app.wasm -out build/site
//
// The work is done by package sayso/internal/sitebuild.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"sayso/internal/sitebuild"
)

func main() {
	cfg := sitebuild.Config{}
	flag.StringVar(&cfg.Web, "web", "web", "source directory of the site")
	flag.StringVar(&cfg.Wasm, "wasm", "build/app.wasm", "the compiled browser app")
	flag.StringVar(&cfg.WasmExec, "wasm-exec", "", "Go's wasm_exec.js (default: $(go env GOROOT)/lib/wasm/wasm_exec.js)")
	flag.StringVar(&cfg.Out, "out", "build/site", "output directory (emptied first)")
	flag.Parse()
	if err := run(cfg); err != nil {
		fmt.Fprintln(os.Stderr, "sitebuild:", err)
		os.Exit(1)
	}
}

func run(cfg sitebuild.Config) error {
	if cfg.WasmExec == "" {
		// The wasm_exec.js must match the toolchain that compiled app.wasm,
		// so ask the same `go` the Makefile uses.
		out, err := exec.Command("go", "env", "GOROOT").Output()
		if err != nil {
			return fmt.Errorf("find GOROOT with `go env GOROOT`: %w", err)
		}
		cfg.WasmExec = filepath.Join(strings.TrimSpace(string(out)), "lib", "wasm", "wasm_exec.js")
	}
	res, err := sitebuild.Build(cfg)
	if err != nil {
		return err
	}
	fmt.Printf("site %s in %s:\n", res.Version, cfg.Out)
	fmt.Printf("  %-40s %10s %10s %10s\n", "file", "bytes", "gzip", "brotli")
	for _, f := range res.Files {
		fmt.Printf("  %-40s %10d %10d %10d\n", f.Name, f.Size, f.Gzip, f.Brotli)
	}
	return nil
}
