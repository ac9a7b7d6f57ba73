//go:build !js

package suite

import (
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"sayso/internal/bench/browser"
)

// peer.js is the peer page's script: it hands Recogito the same text and
// spans and times open-and-paint and adds (window.__peer).
//
//go:embed peer.js
var peerJS string

// peerRuns is how many times the peer opens a document of role: the 5 MB
// document takes Recogito minutes (issue 13: 93 s), so once outside
// -smoke; the others Runs times.
func peerRuns(role string, runs int, targets bool) int {
	if role == "large" && targets {
		return 1
	}
	return runs
}

// publishPeer serves the peer's bundle and stylesheet from its installed
// package, the peer page (the plain page's reading column with the app's
// stylesheet, the peer's stylesheet and script) and, for each size, the
// text as <p>s and the spans as JSON.
func (s *Suite) publishPeer() error {
	if err := CheckPeer(s.cfg.Peer); err != nil {
		return err
	}
	for _, f := range peerFiles {
		b, err := os.ReadFile(filepath.Join(s.cfg.Peer, f))
		if err != nil {
			return fmt.Errorf("read the peer's %s: %w", f, err)
		}
		ct := "text/javascript; charset=utf-8"
		if strings.HasSuffix(f, ".css") {
			ct = "text/css; charset=utf-8"
		}
		s.srv.Put("peer/"+filepath.Base(f), ct, b)
	}
	index, err := os.ReadFile(filepath.Join(s.cfg.Site, "index.html"))
	if err != nil {
		return fmt.Errorf("read the site's index.html: %w", err)
	}
	css, err := StylesheetHref(index)
	if err != nil {
		return err
	}
	s.srv.Put("peer.html", "text/html; charset=utf-8", PeerPage(css))
	for _, d := range s.sized() {
		spans, err := json.Marshal(d.Corpus.PeerSpans())
		if err != nil {
			return fmt.Errorf("encode the peer's spans of %s: %w", d.Label, err)
		}
		s.srv.Put("peer-"+d.Role+".json", "application/json", spans)
		s.srv.Put("peer-"+d.Role+".html", "text/html; charset=utf-8", []byte(d.Corpus.PeerHTML()))
	}
	return nil
}

// PeerPage is the plain page with Recogito's stylesheet and bundle and
// the peer script.
func PeerPage(cssHref string) []byte {
	page := string(PlainPage(cssHref))
	page = strings.Replace(page, "<title>Plain paragraphs</title>",
		`<title>Peer: Recogito text-annotator</title>
<link rel="stylesheet" href="`+browser.BenchPrefix+`peer/text-annotator.css">`, 1)
	// The UMD bundle reads process.env.NODE_ENV (nanostores), as a
	// bundler would have replaced it: set it as a production build would.
	page = strings.Replace(page, "</body>", `<script>window.process = {env: {NODE_ENV: "production"}};</script>
<script src="`+browser.BenchPrefix+`peer/text-annotator.umd.js"></script>
<script>
`+peerJS+`</script>
</body>`, 1)
	return []byte(page)
}

// peerOpen is what __peer.open returns.
type peerOpen struct {
	Ms, Seen    float64
	Frames      int
	Annotations int
	Error       string
}

// peer measures Recogito text-annotator on every size: open and paint
// Runs times in fresh tabs (once at 5 MB outside -smoke), then Adds[0]
// adds in the tab of each run, each a selection made with the mouse,
// timed from the pointerup that ends it to the painted frame with the new
// highlight.
func (s *Suite) peer(ctx context.Context) error {
	if s.cfg.Peer == "" {
		s.logf("   skipped: the peer is not installed")
		return nil
	}
	b, err := s.workBrowser(ctx)
	if err != nil {
		return err
	}
	for _, d := range s.sized() {
		for run := range peerRuns(d.Role, s.cfg.Runs, s.cfg.Targets) {
			if err := s.peerSession(b, d, run); err != nil {
				return fmt.Errorf("%s, run %d: %w", d.Label, run+1, err)
			}
		}
	}
	return nil
}

func (s *Suite) peerSession(b *browser.Browser, d *Doc, run int) error {
	t, err := b.NewTab(browser.Hook{})
	if err != nil {
		return err
	}
	defer t.Close()
	if err := t.EnableCPU(); err != nil {
		return err
	}
	if err := t.Navigate(s.srv.URL + browser.BenchPrefix + "peer.html"); err != nil {
		return err
	}
	cpu0, err := t.MainThreadCPU()
	if err != nil {
		return err
	}
	limit := s.cfg.PeerLimit
	if limit <= 0 {
		limit = 10 * time.Minute
	}
	// The peer may hold the page's thread far beyond the limit (one long
	// task): the evaluation is then abandoned, the tab closed and the
	// figure noted, not the run failed.
	o, err := browser.EvalTimeout[peerOpen](t, limit+30*time.Second,
		fmt.Sprintf("__peer.open(%s, %d)", browser.JS(d.Role), limit.Milliseconds()))
	if errors.Is(err, context.DeadlineExceeded) {
		o.Error = fmt.Sprintf("%s within %.0f s (the page's thread was still busy)", peerTooSlow, limit.Seconds())
	} else if err != nil {
		return fmt.Errorf("open: %w", err)
	}
	if strings.HasPrefix(o.Error, peerTooSlow) {
		// Not fatal: the table says the peer did not paint in time.
		s.notes["peer.render."+d.Role] = "run " + fmt.Sprint(run+1) + ": " + o.Error
		s.logf("   %s run %d: Recogito: %s", d.Label, run+1, o.Error)
		return nil
	}
	if o.Error != "" {
		return fmt.Errorf("open: %s", o.Error)
	}
	cpu1, err := t.MainThreadCPU()
	if err != nil {
		return err
	}
	s.add("peer.render."+d.Role, o.Ms)
	s.add("peer.render."+d.Role+".cpu", cpu1-cpu0)
	s.logf("   %s run %d: Recogito open and paint %.0f ms (highlights seen after %.0f ms, %d frames, %d annotations, main thread CPU %.0f ms incl. fetching)",
		d.Label, run+1, o.Ms, o.Seen, o.Frames, o.Annotations, cpu1-cpu0)
	if err := settle(t, settleMs); err != nil {
		return err
	}
	// A selection Recogito makes no annotation of (it happens now and
	// then over existing highlights) is retried on other words, up to
	// twice as many tries as adds; the misses are noted.
	n, added, missed := s.cfg.Adds[0], 0, 0
	for try := 0; added < n && try < 3*n; try++ {
		if err := settle(t, settleMs); err != nil {
			return err
		}
		para, skip := AddTarget(try, 3*n, run, len(d.Corpus.Paragraphs))
		ms, err := peerAdd(t, para, skip)
		if errors.Is(err, errNoPeerAnnotation) {
			missed++
			s.logf("      Recogito add %d: %v; trying other words", added+1, err)
			continue
		}
		if err != nil {
			return fmt.Errorf("add %d: %w", added+1, err)
		}
		added++
		s.add("peer.add."+d.Role, ms)
		s.logf("      Recogito add %d: painted after %.0f ms", added, ms)
	}
	if missed > 0 {
		id := "peer.add." + d.Role
		s.missedPeer[id] += missed
		note := fmt.Sprintf("%d selections made no annotation within %d s and were retried on other words", s.missedPeer[id], peerAddTimeoutS)
		s.notes[id+".p50"], s.notes[id+".p95"] = note, note
	}
	if added < n {
		return fmt.Errorf("only %d of %d selections made an annotation", added, n)
	}
	return nil
}

// peerAddTimeoutS is how long a selection may take to become a drawn
// annotation in the peer before it counts as made none.
const peerAddTimeoutS = 15

// errNoPeerAnnotation: the selection made no annotation in time.
var errNoPeerAnnotation = errors.New("the selection made no annotation")

// peerTooSlow starts the error when the peer painted no highlight within
// the limit.
const peerTooSlow = "no highlight painted"

type peerAddResult struct {
	Ms    float64
	Error string
}

// peerAdd selects a few words with the mouse, as a person creating an
// annotation in Recogito does, and returns the time from the pointerup
// to the painted frame with the new annotation's highlight.
func peerAdd(t *browser.Tab, first, skip int) (float64, error) {
	tg, err := browser.Eval[*target](t, fmt.Sprintf("__bench.pickTarget(%d, %d)", first, skip))
	if err != nil {
		return 0, err
	}
	if tg == nil {
		return 0, fmt.Errorf("no text to select from paragraph %d on (after %d)", first, skip)
	}
	if err := settle(t, 30); err != nil {
		return 0, err
	}
	if _, err := browser.Eval[bool](t, fmt.Sprintf("__peer.armAdd(%d)", peerAddTimeoutS*1000)); err != nil {
		return 0, err
	}
	if err := t.Drag(tg.X1, tg.X2, tg.Y); err != nil {
		return 0, err
	}
	r, err := browser.EvalTimeout[peerAddResult](t, (peerAddTimeoutS+30)*time.Second,
		"__peer.addResult().then((ms) => ({ms}), (e) => ({error: String(e)}))")
	if err != nil {
		return 0, fmt.Errorf("select %q: %w", tg.Text, err)
	}
	if r.Error != "" {
		return 0, fmt.Errorf("select %q: %w (%s)", tg.Text, errNoPeerAnnotation, r.Error)
	}
	return r.Ms, nil
}
