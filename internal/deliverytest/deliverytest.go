//go:build !js

// Package deliverytest checks Sayso's three deliveries for real: the Go
// worker and the site under `wrangler dev` (workerd, the Workers runtime),
// the local server, and the single offline file opened from file:// — with
// real HTTP requests and in headless Chromium. The helpers here start
// wrangler dev and record the network requests a page makes; the tests
// are in this package's _test files (`make test` builds what they need).
package deliverytest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"sayso/internal/browsertest"
)

// StartTimeout bounds how long wrangler dev may take to answer.
const StartTimeout = 90 * time.Second

// Wrangler starts `wrangler dev` from wasm/worker on a free loopback port
// and returns its base URL ("http://127.0.0.1:PORT"); the whole process
// group is stopped when the test ends. Without wrangler installed the test
// is skipped (failed under CI=true); without the built worker or site it
// fails, naming the make target that builds them.
func Wrangler(t testing.TB) string {
	t.Helper()
	root := browsertest.ModuleRoot(t)
	dir := filepath.Join(root, "wasm", "worker")
	bin := filepath.Join(dir, "node_modules", ".bin", "wrangler")
	if _, err := os.Stat(bin); err != nil {
		browsertest.Missing(t, "wrangler is not installed in wasm/worker (make worker-deps installs it): %v", err)
	}
	if _, err := exec.LookPath("node"); err != nil {
		browsertest.Missing(t, "node is not installed: %v", err)
	}
	if _, err := os.Stat(filepath.Join(root, "build", "worker", "app.wasm")); err != nil {
		t.Fatalf("the worker is not built (%v): run `make worker-build`, or `make test`", err)
	}
	browsertest.SiteDir(t)

	port, err := freePort()
	if err != nil {
		t.Fatalf("find a free port: %v", err)
	}
	var out syncBuffer
	cmd := exec.Command(bin, "dev",
		"--ip", "127.0.0.1", "--port", port,
		"--persist-to", t.TempDir(),
		"--show-interactive-dev-session=false",
		"--log-level", "info")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(),
		"WRANGLER_SEND_METRICS=false",
		"WRANGLER_LOG_PATH="+t.TempDir(),
		"NO_COLOR=1")
	cmd.Stdout = &out
	cmd.Stderr = &out
	// Its own process group, so that node and its workerd children stop
	// together.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		t.Fatalf("start wrangler dev: %v", err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() { stopGroup(t, cmd.Process.Pid, exited) })

	base := "http://127.0.0.1:" + port
	if err := waitHTTP(base+"/", exited); err != nil {
		t.Fatalf("wrangler dev did not answer: %v\n--- wrangler output ---\n%s", err, out.String())
	}
	t.Logf("wrangler dev answers at %s", base)
	return base
}

// stopGroup stops the process group of pid: SIGTERM, then SIGKILL.
func stopGroup(t testing.TB, pid int, exited <-chan error) {
	_ = syscall.Kill(-pid, syscall.SIGTERM)
	select {
	case <-exited:
	case <-time.After(10 * time.Second):
		t.Logf("wrangler dev ignored SIGTERM; killing its process group")
		_ = syscall.Kill(-pid, syscall.SIGKILL)
		<-exited
	}
	// The leader may exit before its children: make sure none is left.
	_ = syscall.Kill(-pid, syscall.SIGKILL)
}

func waitHTTP(url string, exited <-chan error) error {
	client := &http.Client{Timeout: 5 * time.Second}
	deadline := time.Now().Add(StartTimeout)
	var last error
	for time.Now().Before(deadline) {
		select {
		case err := <-exited:
			return fmt.Errorf("wrangler dev exited: %v", err)
		default:
		}
		res, err := client.Get(url)
		if err == nil {
			res.Body.Close()
			if res.StatusCode == http.StatusOK {
				return nil
			}
			err = fmt.Errorf("status %s", res.Status)
		}
		last = err
		time.Sleep(250 * time.Millisecond)
	}
	return fmt.Errorf("no answer within %s: %w", StartTimeout, last)
}

func freePort() (string, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", err
	}
	defer ln.Close()
	return fmt.Sprint(ln.Addr().(*net.TCPAddr).Port), nil
}

// syncBuffer collects a child's output from two pipes.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// OfflineFile returns the file:// URL of dist/sayso.html, failing when it
// has not been built.
func OfflineFile(t testing.TB) string {
	t.Helper()
	p := filepath.Join(browsertest.ModuleRoot(t), "dist", "sayso.html")
	if _, err := os.Stat(p); err != nil {
		t.Fatalf("the offline file is missing (%v): run `make dist`, or `make test`", err)
	}
	return "file://" + filepath.ToSlash(p)
}

// Requests records every request the page of a chromedp context makes.
type Requests struct {
	mu   sync.Mutex
	urls []string
}

// RecordRequests starts recording; call it before navigating.
func RecordRequests(ctx context.Context) (*Requests, error) {
	r := &Requests{}
	err := chromedp.Listen(ctx, func(ev any) {
		if e, ok := ev.(*network.EventRequestWillBeSent); ok {
			r.mu.Lock()
			r.urls = append(r.urls, e.Request.URL)
			r.mu.Unlock()
		}
	})
	if err != nil {
		return nil, fmt.Errorf("listen to network events: %w", err)
	}
	return r, nil
}

// Count is the number of requests so far, to mark a point in time.
func (r *Requests) Count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.urls)
}

// Settle waits until no request has started for quiet (at most max) and
// returns the count then, as a mark.
func (r *Requests) Settle(quiet, max time.Duration) int {
	deadline := time.Now().Add(max)
	n := r.Count()
	for time.Now().Before(deadline) {
		time.Sleep(quiet)
		m := r.Count()
		if m == n {
			return m
		}
		n = m
	}
	return n
}

// Since returns the URLs requested after the mark.
func (r *Requests) Since(mark int) []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.urls[mark:]...)
}

// Network returns the URLs among urls that reach a network: everything
// but file:, data: and blob: (in-page objects such as an export's
// download).
func Network(urls []string) []string {
	var out []string
	for _, u := range urls {
		scheme, _, _ := strings.Cut(u, ":")
		switch strings.ToLower(scheme) {
		case "file", "data", "blob":
		default:
			out = append(out, u)
		}
	}
	return out
}

// ErrNoController means the service worker never took control of the page.
var ErrNoController = errors.New("no service worker controls the page")

// WaitServiceWorker waits until a service worker controls the page and its
// cache holds the app shell.
func WaitServiceWorker(ctx context.Context) error {
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(async () => {
			if (!navigator.serviceWorker || !navigator.serviceWorker.controller) return false;
			const keys = await caches.keys();
			for (const k of keys) {
				if (!k.startsWith("sayso-")) continue;
				const c = await caches.open(k);
				if (await c.match("./")) return true;
			}
			return false;
		})()`, chromedp.EvalAwaitPromise))
		if err != nil {
			return fmt.Errorf("ask for the service worker: %w", err)
		}
		if ok {
			return nil
		}
		time.Sleep(100 * time.Millisecond)
	}
	return ErrNoController
}

// WatchCSP makes every page the context opens from now on collect its
// Content-Security-Policy violations; read them with CSPViolations. Call
// it before navigating.
func WatchCSP(ctx context.Context) error {
	_, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `(() => {
			const seen = [];
			Object.defineProperty(window, "__saysoCSPViolations", { value: seen });
			document.addEventListener("securitypolicyviolation", (e) => {
				seen.push(e.violatedDirective + " blocked " + (e.blockedURI || "inline") + " at " + e.sourceFile + ":" + e.lineNumber);
			});
		})()`,
	})
	if err != nil {
		return fmt.Errorf("install the CSP watcher: %w", err)
	}
	return nil
}

// CSPViolations returns the violations the current page reported.
func CSPViolations(ctx context.Context) ([]string, error) {
	v, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`window.__saysoCSPViolations || []`))
	if err != nil {
		return nil, fmt.Errorf("read CSP violations: %w", err)
	}
	return v, nil
}
