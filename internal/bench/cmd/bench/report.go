//go:build !js

package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"sayso/internal/bench/results"
)

// printReport prints the table, the definitions and the missed targets,
// and writes the JSON (and the Markdown table when asked).
func printReport(rep *results.Report, o options, w io.Writer) error {
	m := rep.Meta
	fmt.Fprintf(w, "\nSayso benchmark, %s — %s, %s, %d CPUs, load %s → %s, window %s, %d runs%s\n%s\n\n",
		m.Started.Format("2006-01-02 15:04"), m.Browser, m.GoVersion, m.CPUs, m.LoadBefore, m.LoadAfter, m.Window, m.Runs,
		map[bool]string{true: " (smoke: small documents, no targets)", false: ""}[m.Smoke], m.Command)
	if busy(m.LoadBefore, m.CPUs) || busy(m.LoadAfter, m.CPUs) {
		fmt.Fprintf(w, "WARNING: the machine was busy (load average above %d, the number of CPUs): other work competed for the CPU and the times are inflated.\n\n", m.CPUs)
	}
	if err := results.Table(w, rep.Figures); err != nil {
		return err
	}
	if rep.Comparison != nil {
		fmt.Fprintln(w)
		if err := rep.Comparison.Text(w); err != nil {
			return err
		}
	}
	fmt.Fprintln(w, "\nDefinitions:")
	for _, d := range m.Definitions {
		fmt.Fprintln(w, "  - "+d)
	}
	for _, g := range groupByDefinition(rep.Figures) {
		fmt.Fprintf(w, "  - %s: %s\n", strings.Join(g.names, "; "), g.definition)
	}
	if len(rep.GoBench) > 0 {
		fmt.Fprintln(w, "\ngo test -bench:")
		for _, l := range rep.GoBench {
			fmt.Fprintln(w, "  "+l)
		}
	}
	if missed := rep.Missed(); len(missed) > 0 {
		fmt.Fprintln(w, "\nTargets missed:")
		for _, f := range missed {
			fmt.Fprintf(w, "  - %s: %s, target ≤ %s (%.1f× the target)\n", strings.TrimSpace(f.Name),
				results.Format(f.Unit, f.Median), results.Format(f.Unit, f.Target.Max), f.Median/f.Target.Max)
		}
	}
	if err := rep.WriteJSON(o.out); err != nil {
		return err
	}
	fmt.Fprintf(w, "\nResults written to %s (%.0f s).\n", o.out, m.Seconds)
	if o.markdown != "" {
		return writeMarkdown(rep, o.markdown)
	}
	return nil
}

// command is how the benchmark was run, as a go run command line.
func command() string {
	return strings.TrimSpace("go run ./internal/bench/cmd/bench " + strings.Join(os.Args[1:], " "))
}

// busy reports whether a load average line ("3.10 2.00 1.50") shows more
// runnable work over the last minute than there are CPUs.
func busy(loadavg string, cpus int) bool {
	f := strings.Fields(loadavg)
	if len(f) == 0 {
		return false
	}
	l, err := strconv.ParseFloat(f[0], 64)
	return err == nil && l > float64(cpus)
}

type definitionGroup struct {
	names      []string
	definition string
}

// groupByDefinition lists each definition once, with the figures it
// defines, in the order the figures come.
func groupByDefinition(figs []results.Figure) []definitionGroup {
	var groups []definitionGroup
	at := map[string]int{}
	for _, f := range figs {
		i, ok := at[f.Definition]
		if !ok {
			i = len(groups)
			at[f.Definition] = i
			groups = append(groups, definitionGroup{definition: f.Definition})
		}
		groups[i].names = append(groups[i].names, strings.TrimSpace(f.Name))
	}
	return groups
}

// writeMarkdown writes the table as Markdown, headed by when and where it
// was measured, for the README.
func writeMarkdown(rep *results.Report, path string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("markdown directory: %w", err)
	}
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("markdown: %w", err)
	}
	m := rep.Meta
	fmt.Fprintf(f, "Measured %s with `make bench` (`%s`, %d runs): %s, %s, %d CPUs, load average %s before and %s after, window %s.\n\n",
		m.Started.Format("2006-01-02"), m.Command, m.Runs, m.Browser, m.GoVersion, m.CPUs, m.LoadBefore, m.LoadAfter, m.Window)
	if err := results.Markdown(f, rep.Figures); err != nil {
		f.Close()
		return err
	}
	if rep.Comparison != nil {
		fmt.Fprintln(f)
		if err := rep.Comparison.Markdown(f); err != nil {
			f.Close()
			return err
		}
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("markdown: %w", err)
	}
	return nil
}
