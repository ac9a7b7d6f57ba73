// Package format holds what Sayso's exchange formats share: the
// description each gives of itself (Info), the uniform pair of functions
// through which it is written and read (Codec), the report an import gives
// back, and the zip archives that formats of several files travel in.
// Each format lives in its own package below this one (native, jsonl, csv,
// brat, w3c, conll, labelstudio, doccano, citron) and exports a Codec;
// package exchange lists them.
package format

import (
	"fmt"
	"strings"
)

// Report says what an import read, what it mapped, and what it skipped and
// why, so that nothing is dropped silently.
type Report struct {
	Documents   int      // documents read
	Annotations int      // span annotations mapped
	Links       int      // claim–speaker and claim–cue links mapped
	Skipped     []string // one line per thing not mapped, with the reason
	// Adjusted has one line per thing kept but changed in form, with how:
	// fragments put in reading order or merged, a span split at a line
	// break the format cannot hold.
	Adjusted []string
}

// Adjust records something kept but changed in form.
func (r *Report) Adjust(format string, args ...any) {
	r.Adjusted = append(r.Adjusted, fmt.Sprintf(format, args...))
}

// Skip records something the import could not map.
func (r *Report) Skip(format string, args ...any) {
	r.Skipped = append(r.Skipped, fmt.Sprintf(format, args...))
}

// String summarises the report for a person.
func (r Report) String() string {
	s := fmt.Sprintf("%d documents, %d annotations, %d links", r.Documents, r.Annotations, r.Links)
	if len(r.Skipped) > 0 {
		s += fmt.Sprintf("; %d not mapped:\n%s", len(r.Skipped), strings.Join(r.Skipped, "\n"))
	}
	if len(r.Adjusted) > 0 {
		s += fmt.Sprintf("; %d adjusted:\n%s", len(r.Adjusted), strings.Join(r.Adjusted, "\n"))
	}
	return s
}
