//go:build !js

package main

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
)

// goBench runs, briefly, the Go benchmarks of the app's plain packages
// (every package under internal/ with a Benchmark function, except the
// benchmark's own) and returns their result lines. A package that does not
// build or whose benchmark fails is reported in the lines, not as an
// error: the browser figures stand on their own.
func goBench(ctx context.Context, log io.Writer) ([]string, error) {
	pkgs, err := benchPackages("internal")
	if err != nil {
		return nil, err
	}
	if len(pkgs) == 0 {
		return nil, nil
	}
	args := append([]string{"test", "-run", "^$", "-bench", ".", "-benchtime", "200ms", "-benchmem"}, pkgs...)
	cmd := exec.CommandContext(ctx, "go", args...)
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = log
	runErr := cmd.Run()
	lines, err := benchLines(&out)
	if err != nil {
		return nil, err
	}
	if runErr != nil {
		fmt.Fprintf(log, "go test -bench: %v (results kept)\n", runErr)
	}
	return lines, nil
}

// benchPackages lists ./dir/... packages whose tests hold a Benchmark.
func benchPackages(root string) ([]string, error) {
	var pkgs []string
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || p == filepath.Join(root, "bench")) {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, "_test.go") {
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if pkg := "./" + filepath.ToSlash(filepath.Dir(p)); bytes.Contains(b, []byte("\nfunc Benchmark")) && !slices.Contains(pkgs, pkg) {
			pkgs = append(pkgs, pkg)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("find Go benchmarks: %w", err)
	}
	return pkgs, nil
}

// benchLines keeps the result and failure lines of go test's output,
// prefixed with their package.
func benchLines(r io.Reader) ([]string, error) {
	var lines []string
	sc := bufio.NewScanner(r)
	pkg := ""
	for sc.Scan() {
		l := sc.Text()
		switch {
		case strings.HasPrefix(l, "pkg: "):
			pkg = strings.TrimPrefix(l, "pkg: ")
		case strings.HasPrefix(l, "Benchmark"):
			lines = append(lines, pkg+" "+strings.Join(strings.Fields(l), " "))
		case strings.HasPrefix(l, "FAIL\t"), strings.HasPrefix(l, "--- FAIL"):
			lines = append(lines, strings.Join(strings.Fields(l), " "))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read go test output: %w", err)
	}
	return lines, nil
}
