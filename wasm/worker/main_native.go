//go:build !js

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"sayso/internal/handin"
	"sayso/internal/site"
)

func main() {
	dir := flag.String("site", "build/site", "the built site to serve (make site)")
	flag.Parse()
	port := os.Getenv("PORT")
	if port == "" {
		port = "8080"
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, *dir, port, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "worker:", err)
		os.Exit(1)
	}
}

// run serves the site in dir on 127.0.0.1:port until ctx is done.
func run(ctx context.Context, dir, port string, out io.Writer) error {
	if _, err := os.Stat(filepath.Join(dir, site.IndexName)); err != nil {
		return fmt.Errorf("no built site in %s (run `make site`): %w", dir, err)
	}
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", port))
	if err != nil {
		return fmt.Errorf("listen on 127.0.0.1:%s: %w", port, err)
	}
	return serve(ctx, ln, dir, out)
}

// serve serves the site in dir on ln until ctx is done, after printing
// its address to out.
func serve(ctx context.Context, ln net.Listener, dir string, out io.Writer) error {
	if _, err := os.Stat(dir); err != nil {
		ln.Close()
		return fmt.Errorf("open site %s: %w", dir, err)
	}
	// The hand-in box lives in memory here: for trying the app's Hand in
	// and Fetch hand-ins locally; gone when the server stops.
	api := handin.New(handin.Config{Records: handin.NewMemoryRecords(), Files: handin.NewMemoryFiles()})
	srv := &http.Server{
		Handler:           handin.Routes(api, liveSite{dir: dir}),
		ReadHeaderTimeout: 10 * time.Second,
	}
	fmt.Fprintf(out, "Sayso is running at http://localhost:%d/\n", ln.Addr().(*net.TCPAddr).Port)

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
		shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		if err := srv.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
			return fmt.Errorf("shut down: %w", err)
		}
		return nil
	}
}

// liveSite serves the site in dir, opened again for every request: `make
// site` and `make dist` build a new folder and rename it over dir, and a
// handle kept on the old one would answer 404 until restarted (issue 15,
// point 9). os.Root keeps every file access inside dir, symlinks included.
type liveSite struct {
	dir string
}

// rebuildWait bounds how long a request waits for dir to be back while
// the build swaps the folders.
const rebuildWait = 2 * time.Second

func (l liveSite) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	deadline := time.Now().Add(rebuildWait)
	for {
		root, err := os.OpenRoot(l.dir)
		if err == nil {
			defer root.Close()
			site.Handler(root.FS()).ServeHTTP(w, r)
			return
		}
		if time.Now().After(deadline) || r.Context().Err() != nil {
			// The site's own 404, with its headers.
			site.Handler(emptyFS{}).ServeHTTP(w, r)
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// emptyFS is a file system without files.
type emptyFS struct{}

func (emptyFS) Open(name string) (fs.File, error) {
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}
