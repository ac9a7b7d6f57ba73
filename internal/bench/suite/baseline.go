//go:build !js

package suite

import (
	"context"
	"fmt"

	"sayso/internal/bench/browser"
)

// baselines lays out each document's text as plain paragraphs, with the
// app's stylesheet and reading column, Runs times in fresh tabs, and
// records the ratio of each render to the baseline of the same run.
func (s *Suite) baselines(ctx context.Context) error {
	b, err := s.workBrowser(ctx)
	if err != nil {
		return err
	}
	for _, d := range []*Doc{s.cfg.Medium, s.cfg.Large} {
		for run := range s.cfg.Runs {
			ms, err := s.plainOnce(b, d)
			if err != nil {
				return fmt.Errorf("%s, run %d: %w", d.Label, run+1, err)
			}
			s.add("plain."+d.Role, ms)
			if r := s.samples["render."+d.Role]; run < len(r) && ms > 0 {
				s.add("ratio."+d.Role, r[run]/ms)
			}
			s.logf("   %s run %d: plain paragraphs %.0f ms", d.Label, run+1, ms)
		}
	}
	return nil
}

func (s *Suite) plainOnce(b *browser.Browser, d *Doc) (float64, error) {
	t, err := b.NewTab(browser.Hook{})
	if err != nil {
		return 0, err
	}
	defer t.Close()
	if err := t.Navigate(s.srv.URL + browser.BenchPrefix + "plain.html"); err != nil {
		return 0, err
	}
	return browser.Eval[float64](t, "__bench.plain("+browser.JS(browser.BenchPrefix+"plain-"+d.Role+".html")+")")
}
