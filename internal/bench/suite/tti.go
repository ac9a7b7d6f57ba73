//go:build !js

package suite

import (
	"context"
	"fmt"
	"time"

	"sayso/internal/bench/browser"
)

// timeToInteractive loads the app in a fresh browser with an empty profile
// (cold), then twice more in the same browser (the first warms the caches
// and the service worker, the second is measured: cached). Each load pastes
// an article the moment the app is ready. Beside it, a static page of the
// same byte size as the app's cold transfer, cold and cached.
func (s *Suite) timeToInteractive(ctx context.Context) error {
	for run := range s.cfg.Runs {
		if err := s.ttiRun(ctx, run); err != nil {
			return fmt.Errorf("run %d: %w", run+1, err)
		}
	}
	return nil
}

func (s *Suite) ttiRun(ctx context.Context, run int) error {
	b, closeBrowser, err := s.freshBrowser(ctx, "profile-cold-")
	if err != nil {
		return err
	}
	defer closeBrowser()
	t, err := b.NewTab(browser.Hook{ClearStorage: true, PasteAtReady: true, PasteText: s.cfg.Paste})
	if err != nil {
		return err
	}
	defer t.Close()

	load := func() (readiness, error) {
		if err := t.Navigate("about:blank"); err != nil {
			return readiness{}, err
		}
		if err := t.Navigate(s.srv.URL + "/"); err != nil {
			return readiness{}, err
		}
		return waitReady(t)
	}
	cold, err := load()
	if err != nil {
		return fmt.Errorf("cold load: %w", err)
	}
	s.add("tti.cold.ready", cold.Ready)
	s.add("tti.cold.paste", cold.Pasted)
	s.add("tti.transfer", cold.Transferred)
	s.logf("   run %d: cold ready %.0f ms, paste shown %.0f ms, %.0f bytes transferred", run+1, cold.Ready, cold.Pasted, cold.Transferred)

	// The service worker precaches the shell; let it finish first.
	if _, err := browser.EvalTimeout[bool](t, 30*time.Second,
		`navigator.serviceWorker ? navigator.serviceWorker.ready.then(() => true) : true`); err != nil {
		return fmt.Errorf("service worker: %w", err)
	}
	if _, err := load(); err != nil {
		return fmt.Errorf("warm-up load: %w", err)
	}
	cached, err := load()
	if err != nil {
		return fmt.Errorf("cached load: %w", err)
	}
	s.add("tti.cached.ready", cached.Ready)
	s.add("tti.cached.paste", cached.Pasted)
	s.logf("   run %d: cached ready %.0f ms, paste shown %.0f ms", run+1, cached.Ready, cached.Pasted)

	return s.staticLoads(t, int(cold.Transferred), run)
}

// staticLoads measures the static page of size bytes: loaded once (cold:
// never fetched before) and twice more (the second is measured: cached,
// revalidated with 304 like the app's index.html).
func (s *Suite) staticLoads(t *browser.Tab, size, run int) error {
	url := s.srv.Put(fmt.Sprintf("static-%d.html", run), "text/html; charset=utf-8",
		StaticPage(size, s.cfg.Medium.Corpus.Paragraphs))
	load := func() (float64, error) {
		if err := t.Navigate("about:blank"); err != nil {
			return 0, err
		}
		if err := t.Navigate(url); err != nil {
			return 0, err
		}
		return browser.Eval[float64](t, "__bench.loadEnd()")
	}
	cold, cached, err := coldAndCached(load)
	if err != nil {
		return fmt.Errorf("static page: %w", err)
	}
	s.add("tti.static.cold", cold)
	s.add("tti.static.cached", cached)
	s.logf("   run %d: static page of %d bytes: cold %.0f ms, cached %.0f ms", run+1, size, cold, cached)
	return nil
}
