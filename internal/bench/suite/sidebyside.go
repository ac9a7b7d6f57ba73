//go:build !js

package suite

import (
	"fmt"
	"regexp"

	"sayso/internal/bench/results"
)

// SideBySide lays issue 13's figures out as the table: Sayso, its
// baselines and its peer per size, with the ratios to plain and the
// targets, met or not.
func SideBySide(figs []results.Figure, l Labels13) results.Comparison {
	byID := map[string]results.Figure{}
	for _, f := range figs {
		byID[f.ID] = f
	}
	value := func(id string) string {
		f, ok := byID[id]
		if ok && f.N == 0 {
			if m := tooSlow.FindStringSubmatch(f.Definition); m != nil {
				return "> " + m[1] + " s"
			}
		}
		if !ok || f.N == 0 {
			return "–"
		}
		return results.Format(f.Unit, f.Median)
	}
	pair := func(p50, p95 string) string {
		a, b := value(p50), value(p95)
		if a == "–" && b == "–" {
			return "–"
		}
		return a + " / " + b
	}
	c := results.Comparison{
		Title:   "Side by side (issue 13): open and paint, median of the runs; add one annotation, p50 / p95",
		Columns: []string{"tool"},
	}
	for _, r := range roles() {
		c.Columns = append(c.Columns, "open and paint, "+l.label(r))
	}
	for _, r := range roles() {
		c.Columns = append(c.Columns, "add one, "+l.label(r))
	}
	row := func(name string, open func(r string) string, add func(r string) string) {
		cells := []string{name}
		for _, r := range roles() {
			cells = append(cells, open(r))
		}
		for _, r := range roles() {
			cells = append(cells, add(r))
		}
		c.Rows = append(c.Rows, cells)
	}
	none := func(string) string { return "–" }
	row("plain paragraphs, no highlights", func(r string) string { return value("plain13." + r) }, none)
	row("one innerHTML with <mark>s", func(r string) string { return value("marks." + r) }, none)
	row(l.Peer, func(r string) string { return value("peer.render." + r) },
		func(r string) string { return pair("peer.add."+r+".p50", "peer.add."+r+".p95") })
	row("Sayso", func(r string) string {
		v := value("open13." + r)
		if q := value("ratio13." + r); v != "–" && q != "–" {
			v += " (" + q + " plain)"
		}
		return v
	}, func(r string) string { return pair("add."+r+".spaced.p50", "add."+r+".spaced.p95") })
	row("Sayso, adds back-to-back", none, func(r string) string { return pair("add."+r+".b2b.p50", "add."+r+".b2b.p95") })
	row("target", func(r string) string {
		a, b := targetText(byID["open13."+r], results.Millis), targetText(byID["ratio13."+r], results.Ratio)
		if a == "–" && b == "–" {
			return "–"
		}
		return a + " and " + b + " plain"
	}, func(r string) string {
		t := byID["add."+r+".spaced.p95"].Target
		if t == nil {
			return "p95 ≤ the fastest peer"
		}
		return fmt.Sprintf("p95 ≤ %s (the fastest peer)", results.Format(results.Millis, t.Max))
	})
	row("met?", func(r string) string { return verdict(byID["open13."+r], byID["ratio13."+r]) },
		func(r string) string { return verdict(byID["add."+r+".spaced.p95"]) })
	return c
}

// tooSlow finds the limit in the note of a peer that painted nothing.
var tooSlow = regexp.MustCompile(peerTooSlow + ` within (\d+) s`)

// targetText is "≤ 40.0 ms", or "–" without a target.
func targetText(f results.Figure, u results.Unit) string {
	if f.Target == nil {
		return "–"
	}
	return "≤ " + results.Format(u, f.Target.Max)
}

// verdict is "yes" when every figure meets its target, "no" when one
// misses it, "–" when one was not judged.
func verdict(figs ...results.Figure) string {
	all := true
	for _, f := range figs {
		if f.Met == nil {
			return "–"
		}
		all = all && *f.Met
	}
	if !all {
		return "no"
	}
	return "yes"
}
