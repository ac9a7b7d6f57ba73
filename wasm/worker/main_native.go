//go:build !js

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

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
	// os.Root keeps every file access inside dir, symlinks included.
	root, err := os.OpenRoot(dir)
	if err != nil {
		ln.Close()
		return fmt.Errorf("open site %s: %w", dir, err)
	}
	defer root.Close()

	srv := &http.Server{
		Handler:           site.Handler(root.FS()),
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
