//go:build !js

package suite

import (
	"context"
	"fmt"
	"os"

	"sayso/internal/bench/browser"
)

// goFloor loads the floor site (package floor: the least Go program in
// the browser, the Go runtime and the DOM binding Sayso uses, marking the
// page ready) as the tti step loads the app: in a fresh browser with an
// empty profile (cold), then twice more in the same browser (the first
// warms the HTTP cache, the second is measured: cached). It has no
// service worker; its module is served with the app's headers (brotli,
// caching), by the same handler.
func (s *Suite) goFloor(ctx context.Context) error {
	if s.cfg.FloorSite == "" {
		return fmt.Errorf("the floor step needs the floor site (package floor)")
	}
	srv, err := browser.Serve(s.cfg.FloorSite)
	if err != nil {
		return err
	}
	defer srv.Close()
	for run := range s.cfg.Runs {
		if err := s.floorRun(ctx, srv, run); err != nil {
			return fmt.Errorf("run %d: %w", run+1, err)
		}
	}
	return nil
}

func (s *Suite) floorRun(ctx context.Context, srv *browser.Server, run int) error {
	b, closeBrowser, err := s.freshBrowser(ctx, "profile-floor-")
	if err != nil {
		return err
	}
	defer closeBrowser()
	t, err := b.NewTab(browser.Hook{ClearStorage: true})
	if err != nil {
		return err
	}
	defer t.Close()
	load := func() (float64, error) {
		if err := t.Navigate("about:blank"); err != nil {
			return 0, err
		}
		if err := t.Navigate(srv.URL + "/"); err != nil {
			return 0, err
		}
		r, err := waitReady(t)
		return r.Ready, err
	}
	cold, cached, err := coldAndCached(load)
	if err != nil {
		return err
	}
	s.add("floor.cold.ready", cold)
	s.add("floor.cached.ready", cached)
	s.logf("   run %d: the least Go program ready after %.0f ms cold, %.0f ms cached", run+1, cold, cached)
	return nil
}

// coldAndCached loads a page three times in one tab with load, which
// returns the figure of a load: the first is the cold figure, the second
// warms the caches, the third is the cached figure.
func coldAndCached(load func() (float64, error)) (cold, cached float64, err error) {
	if cold, err = load(); err != nil {
		return 0, 0, fmt.Errorf("cold load: %w", err)
	}
	if _, err = load(); err != nil {
		return 0, 0, fmt.Errorf("warm-up load: %w", err)
	}
	if cached, err = load(); err != nil {
		return 0, 0, fmt.Errorf("cached load: %w", err)
	}
	return cold, cached, nil
}

// freshBrowser launches Chromium with an empty profile of its own, in a
// folder named from prefix (a cold load's browser); closeBrowser stops
// it and removes the profile.
func (s *Suite) freshBrowser(ctx context.Context, prefix string) (b *browser.Browser, closeBrowser func(), err error) {
	profile, err := os.MkdirTemp(s.cfg.Tmp, prefix)
	if err != nil {
		return nil, nil, fmt.Errorf("profile directory: %w", err)
	}
	if b, err = browser.Launch(ctx, s.cfg.Chromium, profile); err != nil {
		os.RemoveAll(profile)
		return nil, nil, err
	}
	return b, func() { b.Close(); os.RemoveAll(profile) }, nil
}
