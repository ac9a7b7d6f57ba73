//go:build !js

package suite

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"sayso/internal/bench/browser"
)

// crossings counts the calls between Go and JavaScript during single
// interactions on the 1 MB document, in a tab whose Go import object is
// wrapped with counters: opening the file, adding a claim, clicking an
// annotation, exporting. One run: the counts do not vary with timing.
func (s *Suite) crossings(ctx context.Context) error {
	d := s.cfg.Medium
	t, err := s.openApp(ctx, browser.Hook{Count: true})
	if err != nil {
		return err
	}
	defer t.Close()

	record := func(id string, m measurement) {
		s.add("crossings."+id, float64(m.Counts.total()))
		s.notes["crossings."+id] = fmt.Sprintf("%d syscall/js calls + %d callbacks into Go (%d runtime imports); top: %s",
			m.Counts.JS, m.Counts.Resumes, m.Counts.Runtime, top(m.Counts.ByName, 4))
		s.logf("   %s: %d crossings (%d syscall/js, %d into Go)", id, m.Counts.total(), m.Counts.JS, m.Counts.Resumes)
	}

	m, err := importDoc(t, d)
	if err != nil {
		return err
	}
	record("import", m)
	if err := settle(t, settleMs); err != nil {
		return err
	}

	if m, err = addClaim(t, 3, len(d.Corpus.Project.Annotations)+1); err != nil {
		return err
	}
	record("add", m)
	if err := settle(t, settleMs); err != nil {
		return err
	}

	c, err := browser.Eval[*point](t, "__bench.claimPoint()")
	if err != nil {
		return err
	}
	if c == nil {
		return fmt.Errorf("no claim to click")
	}
	if m, err = measure(t, armSpec{On: "click", Until: "frame", Pred: "select", TimeoutMs: 60_000},
		func() error { return t.Click(c.X, c.Y) }); err != nil {
		return fmt.Errorf("select an annotation: %w", err)
	}
	record("select", m)
	if err := settle(t, settleMs); err != nil {
		return err
	}

	if m, err = clickExport(t); err != nil {
		return err
	}
	record("export", m)
	return nil
}

// top lists the n most called imports.
func top(byName map[string]int, n int) string {
	type kv struct {
		name string
		n    int
	}
	var all []kv
	for k, v := range byName {
		all = append(all, kv{k, v})
	}
	sort.Slice(all, func(i, j int) bool { return all[i].n > all[j].n || all[i].n == all[j].n && all[i].name < all[j].name })
	var parts []string
	for _, e := range all[:min(n, len(all))] {
		parts = append(parts, fmt.Sprintf("%s %d", strings.TrimPrefix(e.name, "syscall/js."), e.n))
	}
	return strings.Join(parts, ", ")
}
