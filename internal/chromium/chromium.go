//go:build !js

// Package chromium finds Debian's Chromium and says how Sayso starts it
// headless, for the browser tests and the benchmark alike: one place for
// the flags that keep a test browser quiet (no network of its own, no
// component updates, no first-run pages).
package chromium

import (
	"errors"
	"os/exec"

	"github.com/chromedp/chromedp"
)

// Path returns the Chromium binary, or an error saying how to get one.
func Path() (string, error) {
	for _, name := range []string{"chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", errors.New("chromium is not installed (`make browser-deps` installs it)")
}

// Options are the allocator options of a headless Chromium at path with
// profile as its user data directory (an empty directory is a cold
// profile) and a window of width × height CSS pixels.
func Options(path, profile string, width, height int) []chromedp.ExecAllocatorOption {
	return []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.UserDataDir(profile),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.WindowSize(width, height),
	}
}
