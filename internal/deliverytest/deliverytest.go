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
	"sort"
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
	return WranglerWith(t, Options{State: t.TempDir()})
}

// Options of a wrangler dev run.
type Options struct {
	// State is the folder of the local D1 and R2 state (--persist-to).
	State string
	// Migrate applies wasm/worker/migrations to the local D1 database
	// in State before the worker starts.
	Migrate bool
	// Vars are passed as --var NAME:VALUE (the hand-in limits).
	Vars map[string]string
}

// WranglerWith is Wrangler with options.
func WranglerWith(t testing.TB, o Options) string {
	t.Helper()
	root := browsertest.ModuleRoot(t)
	if _, err := os.Stat(filepath.Join(root, "wasm", "worker", "node_modules", ".bin", "wrangler")); err != nil {
		browsertest.Missing(t, "wrangler is not installed in wasm/worker (make worker-deps installs it): %v", err)
	}
	if _, err := exec.LookPath("node"); err != nil {
		browsertest.Missing(t, "node is not installed: %v", err)
	}
	browsertest.SiteDir(t)
	dev, err := Start(root, o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := dev.Stop(); err != nil {
			t.Log(err)
		}
	})
	t.Logf("wrangler dev answers at %s", dev.URL)
	return dev.URL
}

// Dev is a running `wrangler dev`.
type Dev struct {
	URL    string
	cmd    *exec.Cmd
	exited chan error
	out    *syncBuffer
}

// Start starts `wrangler dev` of the module at root (its wasm/worker, the
// built worker and site) on a free loopback port and waits until it
// answers. Stop it with Stop.
func Start(root string, o Options) (*Dev, error) {
	dir := filepath.Join(root, "wasm", "worker")
	if _, err := os.Stat(filepath.Join(root, "build", "worker", "app.wasm")); err != nil {
		return nil, fmt.Errorf("the worker is not built (%v): run `make worker-build`, or `make test`", err)
	}
	if o.State == "" {
		return nil, errors.New("wrangler dev: no folder for the local state")
	}
	if o.Migrate {
		if out, err := Command(root, "d1", "migrations", "apply", "HANDIN_DB", "--local", "--persist-to", o.State); err != nil {
			return nil, fmt.Errorf("apply the D1 migrations locally: %w\n%s", err, out)
		}
	}
	port, err := freePort()
	if err != nil {
		return nil, fmt.Errorf("find a free port: %w", err)
	}
	args := []string{"dev",
		"--ip", "127.0.0.1", "--port", port,
		"--persist-to", o.State,
		"--show-interactive-dev-session=false",
		"--log-level", "info"}
	names := make([]string, 0, len(o.Vars))
	for k := range o.Vars {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		args = append(args, "--var", k+":"+o.Vars[k])
	}
	out := &syncBuffer{}
	cmd := exec.Command(filepath.Join(dir, "node_modules", ".bin", "wrangler"), args...)
	cmd.Dir = dir
	cmd.Env = wranglerEnv(o.State)
	cmd.Stdout = out
	cmd.Stderr = out
	// Its own process group, so that node and its workerd children stop
	// together.
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("start wrangler dev: %w", err)
	}
	d := &Dev{URL: "http://127.0.0.1:" + port, cmd: cmd, exited: make(chan error, 1), out: out}
	go func() { d.exited <- cmd.Wait() }()
	if err := waitHTTP(d.URL+"/", d.exited); err != nil {
		_ = d.Stop()
		return nil, fmt.Errorf("wrangler dev did not answer: %w\n--- wrangler output ---\n%s", err, out.String())
	}
	return d, nil
}

// Output is what wrangler dev printed so far.
func (d *Dev) Output() string { return d.out.String() }

// Stop stops the process group: SIGTERM, then SIGKILL.
func (d *Dev) Stop() error {
	pid := d.cmd.Process.Pid
	_ = syscall.Kill(-pid, syscall.SIGTERM)
	var err error
	select {
	case <-d.exited:
	case <-time.After(10 * time.Second):
		err = errors.New("wrangler dev ignored SIGTERM; killed its process group")
		_ = syscall.Kill(-pid, syscall.SIGKILL)
		<-d.exited
	}
	// The leader may exit before its children: make sure none is left.
	_ = syscall.Kill(-pid, syscall.SIGKILL)
	return err
}

// Command runs one wrangler command in wasm/worker of the module at root
// (such as `d1 execute … --local`) and returns its output.
func Command(root string, args ...string) (string, error) {
	dir := filepath.Join(root, "wasm", "worker")
	cmd := exec.Command(filepath.Join(dir, "node_modules", ".bin", "wrangler"), args...)
	cmd.Dir = dir
	cmd.Env = wranglerEnv(os.TempDir())
	out, err := cmd.CombinedOutput()
	if err != nil {
		return string(out), fmt.Errorf("wrangler %s: %w", strings.Join(args, " "), err)
	}
	return string(out), nil
}

func wranglerEnv(logDir string) []string {
	return append(os.Environ(),
		"WRANGLER_SEND_METRICS=false",
		"WRANGLER_LOG_PATH="+filepath.Join(logDir, "wrangler-logs"),
		"CI=true", // no prompts
		"NO_COLOR=1")
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
