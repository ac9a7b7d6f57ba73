// Command distbuild writes the single self-contained offline file:
//
//	go run ./internal/tools/distbuild -site build/site -out dist/sayso.html
//
// The work is done by package sayso/internal/distbuild.
package main

import (
	"flag"
	"fmt"
	"os"

	"sayso/internal/distbuild"
)

func main() {
	dir := flag.String("site", "build/site", "the built site (make site)")
	out := flag.String("out", "dist/sayso.html", "the file to write")
	plain := flag.Bool("plain-wasm", false, "embed the wasm as plain base64 (4x larger) for browsers without DecompressionStream")
	flag.Parse()
	res, err := distbuild.Build(*dir, *out, distbuild.Options{PlainWasm: *plain})
	if err != nil {
		fmt.Fprintln(os.Stderr, "distbuild:", err)
		os.Exit(1)
	}
	fmt.Printf("%s: %d bytes (wasm %d bytes embedded)\n", *out, res.Size, res.WasmSize)
}
