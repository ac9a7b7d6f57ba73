//go:build !js

package suite

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"sayso/internal/bench/browser"
	"sayso/internal/bench/stats"
)

// The steps of issue 13 ("What to measure in make bench"): the 3 KB
// article, the one-innerHTML-with-<mark>s baseline, adds spaced so that
// the autosave runs between them and back-to-back, the 50,000-annotation
// project, and the peer (peer.go).

// sized are the three documents open-and-paint and adds are measured on,
// smallest first (the two smallest in a smoke run).
func (s *Suite) sized() []*Doc {
	if s.cfg.Smoke {
		return []*Doc{s.cfg.Small, s.cfg.Medium}
	}
	return []*Doc{s.cfg.Small, s.cfg.Medium, s.cfg.Large}
}

// publishIssue13Pages serves the 3 KB article's plain page, every size's
// <mark> page and, when the peer is installed, the peer's pages.
func (s *Suite) publishIssue13Pages() error {
	if s.cfg.Small == nil {
		return nil
	}
	s.srv.Put("plain-small.html", "text/html; charset=utf-8", []byte(s.cfg.Small.Corpus.PlainHTML()))
	for _, d := range s.sized() {
		s.srv.Put("marks-"+d.Role+".html", "text/html; charset=utf-8", []byte(d.Corpus.MarkedHTML()))
	}
	if s.cfg.Peer == "" {
		return nil
	}
	return s.publishPeer()
}

// smallArticle opens the 3 KB article Runs times, each in a fresh tab,
// each followed by its plain-paragraph baseline: open and paint as a
// person pasting a short article sees it.
func (s *Suite) smallArticle(ctx context.Context) error {
	d := s.cfg.Small
	b, err := s.workBrowser(ctx)
	if err != nil {
		return err
	}
	// One untimed open first, unless the documents step opened the app
	// already: the wasm compiled and cached, as in documents.
	if len(s.samples["render.medium"]) == 0 {
		if _, err := s.openOnce(ctx, d); err != nil {
			return fmt.Errorf("warm-up: %w", err)
		}
	}
	for run := range s.cfg.Runs {
		m, err := s.openOnce(ctx, d)
		if err != nil {
			return fmt.Errorf("%s, run %d: %w", d.Label, run+1, err)
		}
		s.add("render.small", m.T1-m.T0)
		s.add("open.small", m.T1-m.ReadAt)
		s.add("render.small.cpu", m.CPUMs)
		plain, err := s.plainOnce(b, d)
		if err != nil {
			return fmt.Errorf("%s, run %d, plain: %w", d.Label, run+1, err)
		}
		s.add("plain.small", plain)
		s.logf("   %s run %d: render %.0f ms (main thread CPU %.0f ms), plain paragraphs %.0f ms",
			d.Label, run+1, m.T1-m.T0, m.CPUMs, plain)
	}
	return nil
}

// openOnce opens d in a fresh tab and closes it.
func (s *Suite) openOnce(ctx context.Context, d *Doc) (measurement, error) {
	t, err := s.openApp(ctx, browser.Hook{})
	if err != nil {
		return measurement{}, err
	}
	defer t.Close()
	return importDoc(t, d)
}

// marksBaselines sets each document's text with its highlights as
// <mark>s in one innerHTML, Runs times in fresh tabs.
func (s *Suite) marksBaselines(ctx context.Context) error {
	b, err := s.workBrowser(ctx)
	if err != nil {
		return err
	}
	for _, d := range s.sized() {
		for run := range s.cfg.Runs {
			ms, err := s.pageOnce(b, "marks-"+d.Role+".html")
			if err != nil {
				return fmt.Errorf("%s, run %d: %w", d.Label, run+1, err)
			}
			s.add("marks."+d.Role, ms)
			s.logf("   %s run %d: one innerHTML with <mark>s %.0f ms", d.Label, run+1, ms)
		}
	}
	return nil
}

// pageOnce sets the page at BenchPrefix+name into the plain page's #doc
// (hook.js B.plain) in a fresh tab.
func (s *Suite) pageOnce(b *browser.Browser, name string) (float64, error) {
	t, err := b.NewTab(browser.Hook{})
	if err != nil {
		return 0, err
	}
	defer t.Close()
	if err := t.Navigate(s.srv.URL + browser.BenchPrefix + "plain.html"); err != nil {
		return 0, err
	}
	return browser.Eval[float64](t, "__bench.plain("+browser.JS(browser.BenchPrefix+name)+")")
}

// adds opens each size Runs times and adds Adds[0] claims spaced (a
// pause of settleMs before each, so that the autosave 250 ms after each
// change runs between them), then as many back-to-back (the next
// selection and key press at once).
func (s *Suite) adds(ctx context.Context) error {
	for _, d := range s.sized() {
		for run := range s.cfg.Runs {
			if err := s.addSession(ctx, d, run); err != nil {
				return fmt.Errorf("%s, run %d: %w", d.Label, run+1, err)
			}
		}
	}
	return nil
}

func (s *Suite) addSession(ctx context.Context, d *Doc, run int) error {
	t, err := s.openApp(ctx, browser.Hook{})
	if err != nil {
		return err
	}
	defer t.Close()
	if _, err := importDoc(t, d); err != nil {
		return err
	}
	if err := settle(t, settleMs); err != nil {
		return err
	}
	n := s.cfg.Adds[0]
	want := len(d.Corpus.Project.Annotations)
	var last measurement
	for k := range 2 * n {
		kind, spaced := "b2b", k < n
		if spaced {
			kind = "spaced"
			if err := settle(t, settleMs); err != nil {
				return err
			}
		}
		para, skip := AddTarget(k, 2*n, run, len(d.Corpus.Paragraphs))
		want++
		m, err := addClaimAt(t, para, skip, want, spaced)
		if err != nil {
			return fmt.Errorf("add %d (%s): %w", k+1, kind, err)
		}
		id := "add." + d.Role + "." + kind
		s.add(id, m.T1-m.T0)
		s.add(id+".cpu", m.CPUMs)
		gap := ""
		if k > 0 {
			gap = fmt.Sprintf(", %.0f ms after the last add was painted", m.T0-last.T1)
		}
		s.logf("      %s add %d: painted after %.0f ms (%d frames, main thread CPU %.0f ms%s)",
			kind, k+1, m.T1-m.T0, m.Frames, m.CPUMs, gap)
		last = m
	}
	if err := settle(t, settleMs); err != nil {
		return err
	}
	para, skip := AddTarget(2*n, 2*n+1, run, len(d.Corpus.Paragraphs))
	m, err := addFloorAt(t, para, skip, want)
	if err != nil {
		return fmt.Errorf("the floor under an add: %w", err)
	}
	s.add("add."+d.Role+".floor", m.T1-m.T0)
	s.add("add."+d.Role+".floor.cpu", m.CPUMs)
	s.logf("      the least a key can do to show a new highlight: painted after %.0f ms (main thread CPU %.0f ms)", m.T1-m.T0, m.CPUMs)
	return settle(t, settleMs)
}

// addFloorArm is evaluated before the floor's key: a key the app never
// sees (|, in the capture phase on the window, before the app's
// listeners) adds the selection to the page's claim highlight as a
// StaticRange and clears the selection — the least the page can do to
// show a new claim, with no Go code. It resolves false when the page has
// no claim highlight.
const addFloorArm = `(() => {
	const name = [...CSS.highlights.keys()].find(k => /claim/.test(k));
	if (!name) return false;
	addEventListener("keydown", e => {
		if (e.key !== "|") return;
		e.preventDefault();
		e.stopImmediatePropagation();
		const sel = getSelection();
		if (sel.rangeCount) CSS.highlights.get(name).add(new StaticRange(sel.getRangeAt(0)));
		sel.removeAllRanges();
	}, {capture: true, once: true});
	return true;
})()`

// addFloorAt is addClaimAt with the floor's key instead of c
// (addFloorArm): the page shows the selection as one more claim range,
// and the project keeps its want annotations.
func addFloorAt(t *browser.Tab, first, skip, want int) (measurement, error) {
	tg, err := browser.Eval[*target](t, fmt.Sprintf("__bench.pickTarget(%d, %d)", first, skip))
	if err != nil {
		return measurement{}, err
	}
	if tg == nil {
		return measurement{}, fmt.Errorf("no text to select from paragraph %d on (after %d)", first, skip)
	}
	if err := settle(t, 30); err != nil {
		return measurement{}, err
	}
	if err := t.Drag(tg.X1, tg.X2, tg.Y); err != nil {
		return measurement{}, err
	}
	armed, err := browser.Eval[bool](t, addFloorArm)
	if err != nil {
		return measurement{}, err
	}
	if !armed {
		return measurement{}, fmt.Errorf("the page has no claim highlight to add to")
	}
	m, err := measure(t, armSpec{On: "keydown", Key: "|", Until: "frame", Pred: "add",
		Point: &point{X: tg.Mx, Y: tg.Y}, TimeoutMs: 60_000}, func() error { return t.Key("|") })
	if err != nil {
		return m, fmt.Errorf("show %q as a claim: %w", tg.Text, err)
	}
	return m, expectCount(t, want)
}

// AddTarget says where add k of n in a run starts looking for words to
// select: spread over the document, a different stretch in every run,
// when it has room; otherwise paragraph by paragraph, skipping the runs
// of words the earlier adds took.
func AddTarget(k, n, run, paras int) (para, skip int) {
	if paras <= 0 {
		return 0, k
	}
	if paras >= 2*n+2 {
		return 1 + (k*(paras-2)/n+run*37)%(paras-2), 0
	}
	return k % paras, k / paras
}

// addClaimAt is addClaim with the words picked from paragraph first on
// after skip runs of words; without pause the key follows the drag at
// once (back-to-back adds).
func addClaimAt(t *browser.Tab, first, skip, want int, pause bool) (measurement, error) {
	tg, err := browser.Eval[*target](t, fmt.Sprintf("__bench.pickTarget(%d, %d)", first, skip))
	if err != nil {
		return measurement{}, err
	}
	if tg == nil {
		return measurement{}, fmt.Errorf("no text to select from paragraph %d on (after %d)", first, skip)
	}
	if pause {
		if err := settle(t, 30); err != nil {
			return measurement{}, err
		}
	}
	if err := t.Drag(tg.X1, tg.X2, tg.Y); err != nil {
		return measurement{}, err
	}
	m, err := measure(t, armSpec{On: "keydown", Key: "c", Until: "frame", Pred: "add",
		Point: &point{X: tg.Mx, Y: tg.Y}, TimeoutMs: 60_000}, func() error { return t.Key("c") })
	if err != nil {
		return m, fmt.Errorf("add a claim over %q: %w", tg.Text, err)
	}
	if err := expectCount(t, want); err != nil {
		return m, fmt.Errorf("add a claim over %q: %w", tg.Text, err)
	}
	return m, nil
}

// manyKeys are the next/previous presses timed in each run of the
// 50,000-annotation project (one each in a smoke run).
const manyKeys = 3

// manyAnnotations opens the 50,000-annotation project Runs times, each in
// a fresh tab, and times j (next) and k (previous), a stance key on a
// selected claim, undo (Ctrl+Z) and a scroll from top to bottom.
func (s *Suite) manyAnnotations(ctx context.Context) error {
	d := s.cfg.Many
	for run := range s.cfg.Runs {
		if err := s.manySession(ctx, d, run); err != nil {
			return fmt.Errorf("%s, run %d: %w", d.Label, run+1, err)
		}
	}
	return nil
}

func (s *Suite) manySession(ctx context.Context, d *Doc, run int) error {
	t, err := s.openApp(ctx, browser.Hook{})
	if err != nil {
		return err
	}
	defer t.Close()
	m, err := importDoc(t, d)
	if err != nil {
		return err
	}
	s.add("many.open", m.T1-m.T0)
	s.add("many.open.cpu", m.CPUMs)
	s.logf("   %s run %d: open %.0f ms (main thread CPU %.0f ms)", d.Label, run+1, m.T1-m.T0, m.CPUMs)
	if err := settle(t, settleMs); err != nil {
		return err
	}
	press := func(id, what string, key func() error, evKey string) error {
		m, err := measure(t, armSpec{On: "keydown", Key: evKey, Until: "frame", Pred: "mutate", TimeoutMs: 60_000}, key)
		if err != nil {
			return fmt.Errorf("%s: %w", what, err)
		}
		if id != "" {
			s.add(id, m.T1-m.T0)
			s.add(id+".cpu", m.CPUMs)
			s.logf("      %s: painted after %.0f ms (%d frames, main thread CPU %.0f ms)", what, m.T1-m.T0, m.Frames, m.CPUMs)
		}
		return settle(t, settleMs)
	}
	keys := manyKeys
	if s.cfg.Smoke {
		keys = 1
	}
	for i := range keys {
		if err := press("many.next", fmt.Sprintf("j (next) %d", i+1), func() error { return t.Key("j") }, "j"); err != nil {
			return err
		}
	}
	for i := range keys {
		if err := press("many.prev", fmt.Sprintf("k (previous) %d", i+1), func() error { return t.Key("k") }, "k"); err != nil {
			return err
		}
	}
	c, err := browser.Eval[*point](t, "__bench.claimPoint()")
	if err != nil {
		return err
	}
	if c == nil {
		return fmt.Errorf("no claim drawn to click")
	}
	if _, err := measure(t, armSpec{On: "click", Until: "frame", Pred: "select", TimeoutMs: 60_000},
		func() error { return t.Click(c.X, c.Y) }); err != nil {
		return fmt.Errorf("select a claim: %w", err)
	}
	if err := settle(t, settleMs); err != nil {
		return err
	}
	// Stance 1 first (untimed): the timed 2 then always changes it.
	if err := press("", "stance 1", func() error { return t.Key("1") }, "1"); err != nil {
		return err
	}
	if err := press("many.stance", "stance key 2", func() error { return t.Key("2") }, "2"); err != nil {
		return err
	}
	if err := press("many.undo", "undo (Ctrl+Z)", func() error { return t.CtrlKey("z") }, "z"); err != nil {
		return err
	}
	r, err := browser.Eval[scrollResult](t, fmt.Sprintf("__bench.scroll(%d || innerHeight, %d)", s.cfg.ScrollStep, s.cfg.MaxFrames))
	if err != nil {
		return err
	}
	if len(r.Deltas) == 0 {
		return fmt.Errorf("scrolling produced no frames")
	}
	p95 := stats.Percentile(r.Deltas, 95)
	s.add("many.scroll.p95", p95)
	if !r.Bottom {
		s.notes["many.scroll.p95"] = fmt.Sprintf("stopped after %d frames, before the bottom", r.Frames)
	}
	s.logf("      scroll %d frames: p95 %.1f ms", r.Frames, p95)
	return nil
}

// PeerPackage is where the peer's package is installed, under the
// directory holding package.json (internal/bench/peers).
const PeerPackage = "node_modules/@recogito/text-annotator"

// peerFiles are the files of the peer's package the peer page loads.
var peerFiles = [...]string{"dist/text-annotator.umd.js", "dist/text-annotator.css"}

// CheckPeer reports whether dir (…/node_modules/@recogito/text-annotator)
// holds the files the peer page loads.
func CheckPeer(dir string) error {
	for _, f := range peerFiles {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			return fmt.Errorf("the peer is not installed (`npm ci` in %s): %w", strings.TrimSuffix(dir, PeerPackage), err)
		}
	}
	return nil
}
