//go:build !js

// Package browsertest starts Debian's Chromium for end-to-end tests and
// serves the built site to it. Tests drive the page with chromedp as a
// person would; this package only provides the browser and the server.
package browsertest

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"

	"sayso/internal/chromium"
	"sayso/internal/testenv"
)

// Timeout bounds one browser's whole conversation with Chromium in a
// test. It is a bound for a hung browser, not a measure: a classroom test
// keeps the teacher's browser open while three students' browsers work,
// on two shared cores.
const Timeout = 180 * time.Second

// Missing fails the test under CI and skips it elsewhere, with the reason
// (see package testenv).
func Missing(t testing.TB, format string, args ...any) {
	t.Helper()
	testenv.Missing(t, format, args...)
}

// ChromiumPath returns the browser binary, or "" when none is installed.
func ChromiumPath() string {
	p, _ := chromium.Path()
	return p
}

// New starts a fresh headless Chromium with an empty profile and returns a
// context for chromedp actions. The browser is closed when the test ends.
func New(t testing.TB) context.Context {
	t.Helper()
	return NewWithProfile(t, t.TempDir())
}

// NewWithProfile is New with a given profile directory, so that a test can
// reopen the same profile (storage survives) in a second browser.
func NewWithProfile(t testing.TB, profile string) context.Context {
	t.Helper()
	path := ChromiumPath()
	if path == "" {
		Missing(t, "chromium is not installed (make browser-deps installs it)")
	}
	opts := chromium.Options(path, profile, 1280, 900)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	ctx, cancelTimeout := context.WithTimeout(ctx, Timeout)
	if err := chromedp.Do(ctx); err != nil {
		cancelTimeout()
		cancelCtx()
		cancelAlloc()
		t.Fatalf("start chromium: %v", err)
	}
	t.Cleanup(func() {
		cancelTimeout()
		cancelCtx()
		cancelAlloc()
	})
	return ctx
}

// ModuleRoot is the directory holding go.mod.
func ModuleRoot(t testing.TB) string {
	t.Helper()
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("cannot locate the module root")
	}
	return filepath.Clean(filepath.Join(filepath.Dir(file), "..", ".."))
}

// SiteDir returns the built site (build/site), failing when it is missing.
func SiteDir(t testing.TB) string {
	t.Helper()
	dir := filepath.Join(ModuleRoot(t), "build", "site")
	if _, err := os.Stat(filepath.Join(dir, "index.html")); err != nil {
		t.Fatalf("the built site is missing (%v): run `make site` first, or `make test`", err)
	}
	return dir
}

// CorpusFile returns the path of a file in ../shared/corpus, failing under
// CI and skipping elsewhere when the corpus is missing.
func CorpusFile(t testing.TB, rel string) string {
	t.Helper()
	p := filepath.Join(ModuleRoot(t), "..", "shared", "corpus", filepath.FromSlash(rel))
	if _, err := os.Stat(p); err != nil {
		Missing(t, "shared corpus file %s is missing: %v", rel, err)
	}
	return p
}

// Serve serves h on a loopback httptest server for the test's lifetime.
func Serve(t testing.TB, h http.Handler) string {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv.URL
}

// WaitReady waits until the app has started (body[data-ready="1"]) and
// reports a boot error shown by the loader, if any.
func WaitReady(ctx context.Context) error {
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		state, err := chromedp.Run(ctx, chromedp.Evaluate[string](`(() => {
			if (document.body && document.body.dataset.ready === "1") return "ready";
			const e = document.getElementById("boot-error");
			if (e && e.textContent) return "error: " + e.textContent;
			return "";
		})()`))
		if err != nil {
			return fmt.Errorf("wait for app: %w", err)
		}
		switch {
		case state == "ready":
			return nil
		case strings.HasPrefix(state, "error: "):
			return errors.New("app failed to boot: " + strings.TrimPrefix(state, "error: "))
		}
		time.Sleep(50 * time.Millisecond)
	}
	return errors.New("app did not become ready within 30s")
}

// AllowDownloads makes downloads land in dir under their suggested names.
func AllowDownloads(ctx context.Context, dir string) error {
	_, err := chromedp.CallBrowser(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior:     browser.SetDownloadBehaviorBehaviorAllow,
		DownloadPath: dir,
	})
	if err != nil {
		return fmt.Errorf("allow downloads: %w", err)
	}
	return nil
}

// Screenshot saves a PNG of the viewport, what a person sees, in the
// test's artifact folder (build/test-artifacts/<name>.png) and returns
// its path. A full-page capture showed the article's sections below the
// fold blank (content-visibility draws only what is near the view) and
// the sticky side panel in one place only.
func Screenshot(t testing.TB, ctx context.Context, name string) string {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	dir := filepath.Join(ModuleRoot(t), "build", "test-artifacts")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatalf("screenshot dir: %v", err)
	}
	p := filepath.Join(dir, name+".png")
	if err := os.WriteFile(p, png, 0o644); err != nil {
		t.Fatalf("write screenshot: %v", err)
	}
	return p
}
