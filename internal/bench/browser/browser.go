//go:build !js

// Package browser drives Debian's headless Chromium for Sayso's benchmark:
// it launches a browser with a given profile, opens tabs with the
// measuring hook (hook.js) injected before any page script, and serves the
// built site and the benchmark's own pages on loopback.
package browser

import (
	"context"
	"fmt"
	"os/exec"
	"strings"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"

	"sayso/internal/chromium"
)

// Window is the size of the browser window, in CSS pixels.
const (
	WindowWidth  = 1280
	WindowHeight = 900
)

// ExecPath returns the Chromium binary, or an error saying how to get one.
func ExecPath() (string, error) { return chromium.Path() }

// Version returns the browser's version line ("Chromium 156.0…").
func Version(path string) string {
	out, err := exec.Command(path, "--version").Output()
	if err != nil {
		return "unknown"
	}
	return strings.TrimSpace(string(out))
}

// Browser is one running Chromium.
type Browser struct {
	ctx    context.Context // the browser's first tab; new tabs derive from it
	cancel context.CancelFunc
}

// Launch starts a headless Chromium using profile as its user data
// directory (an empty directory gives a cold profile). Downloads are
// refused: the benchmark catches them as Blobs in the page.
func Launch(ctx context.Context, path, profile string) (*Browser, error) {
	opts := append(chromium.Options(path, profile, WindowWidth, WindowHeight),
		// A tab being measured must never be throttled as a background tab.
		chromedp.Flag("disable-background-timer-throttling", true),
		chromedp.Flag("disable-renderer-backgrounding", true),
		chromedp.Flag("disable-backgrounding-occluded-windows", true),
	)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	bctx, cancelCtx := chromedp.NewContext(allocCtx)
	cancel := func() { cancelCtx(); cancelAlloc() }
	if err := chromedp.Do(bctx); err != nil {
		cancel()
		return nil, fmt.Errorf("start chromium: %w", err)
	}
	_, err := chromedp.CallBrowser(bctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorDeny,
	})
	if err != nil {
		cancel()
		return nil, fmt.Errorf("refuse downloads: %w", err)
	}
	return &Browser{ctx: bctx, cancel: cancel}, nil
}

// Close ends the browser.
func (b *Browser) Close() { b.cancel() }
