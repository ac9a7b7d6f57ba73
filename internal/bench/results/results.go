// Package results holds the figures a benchmark run measured, judges them
// against their targets, prints them as one table and writes them as JSON.
package results

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"sayso/internal/bench/stats"
)

// Unit says what a figure's numbers count and how to print them.
type Unit string

// The units of the figures. Sizes are stored in bytes whatever their unit.
const (
	Bytes       Unit = "bytes"     // printed in decimal kB / MB (network sizes)
	BytesBinary Unit = "bytes-bin" // printed in MiB (memory)
	Millis      Unit = "ms"
	Ratio       Unit = "ratio"
	Count       Unit = "count"
)

// Target is the bound a figure's median must not exceed.
type Target struct {
	Max float64 `json:"max"`
}

// Figure is one measured quantity: its samples (one per run, or one per
// action for percentiles), their summary, its target when the issue sets
// one, and what exactly was timed.
type Figure struct {
	ID      string    `json:"id"`
	Name    string    `json:"name"`
	Unit    Unit      `json:"unit"`
	Samples []float64 `json:"samples"`
	// Percentile, when set, says that "median" holds this percentile of
	// the samples instead (min and max stay the samples' extremes).
	Percentile float64 `json:"percentile,omitempty"`
	stats.Summary
	Target     *Target `json:"target,omitempty"`
	Met        *bool   `json:"met,omitempty"`
	Definition string  `json:"definition"`
}

// New returns a figure summarising samples, judged against target when it
// is not nil.
func New(id, name string, unit Unit, samples []float64, target *Target, definition string) Figure {
	f := Figure{ID: id, Name: name, Unit: unit, Samples: samples, Summary: stats.Summarize(samples),
		Target: target, Definition: definition}
	if target != nil && len(samples) > 0 {
		met := f.Median <= target.Max
		f.Met = &met
	}
	return f
}

// NewPercentile returns a figure whose value (in the median column) is the
// nearest-rank p-th percentile of samples.
func NewPercentile(id, name string, unit Unit, samples []float64, p float64, target *Target, definition string) Figure {
	f := New(id, name, unit, samples, nil, definition)
	f.Percentile = p
	if len(samples) > 0 {
		f.Median = stats.Percentile(samples, p)
	}
	if target != nil && len(samples) > 0 {
		f.Target = target
		met := f.Median <= target.Max
		f.Met = &met
	}
	return f
}

// AtMost is a target: the median must be ≤ v.
func AtMost(v float64) *Target { return &Target{Max: v} }

// Meta describes the run: when, where and with what.
type Meta struct {
	Started     time.Time `json:"started"`
	Command     string    `json:"command"`
	Seconds     float64   `json:"seconds"`
	Smoke       bool      `json:"smoke"`
	Runs        int       `json:"runs"`
	Seed        uint64    `json:"seed"`
	GoVersion   string    `json:"goVersion"`
	Browser     string    `json:"browser"`
	CPUs        int       `json:"cpus"`
	LoadBefore  string    `json:"loadavgBefore"`
	LoadAfter   string    `json:"loadavgAfter"`
	Site        string    `json:"site"`
	Wasm        string    `json:"wasm"`
	Window      string    `json:"window"`
	Definitions []string  `json:"definitions"`
}

// Report is everything a run produced.
type Report struct {
	Meta    Meta     `json:"meta"`
	Figures []Figure `json:"figures"`
	// Comparison shows the tools side by side (issue 13), when measured.
	Comparison *Comparison `json:"comparison,omitempty"`
	// GoBench holds the result lines of `go test -bench` when it ran.
	GoBench []string `json:"goBench,omitempty"`
}

// Missed returns the figures whose target is not met.
func (r *Report) Missed() []Figure {
	var out []Figure
	for _, f := range r.Figures {
		if f.Met != nil && !*f.Met {
			out = append(out, f)
		}
	}
	return out
}

// WriteJSON writes the report, indented, to path, creating its directory.
func (r *Report) WriteJSON(path string) error {
	b, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return fmt.Errorf("encode results: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("results directory: %w", err)
	}
	if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
		return fmt.Errorf("write results: %w", err)
	}
	return nil
}
