package brat

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"sayso/internal/annotation"
	"sayso/internal/format"
	"sayso/internal/text"
)

// Import reads pairs of brat files into a project: one document per pair,
// in order. What cannot be mapped is listed in the report with the reason;
// the error is only for input with nothing to import.
func Import(pairs []Pair) (annotation.Project, format.Report, error) {
	if len(pairs) == 0 {
		return annotation.Project{}, format.Report{}, errors.New("there are no brat .txt or .ann files to import")
	}
	im := newImporter()
	for _, pair := range pairs {
		im.pair(pair)
	}
	im.resolveSpeakers()
	if _, err := annotation.Load(im.p, time.Now); err != nil {
		return annotation.Project{}, im.rep, fmt.Errorf("the imported brat files do not hold together: %w", err)
	}
	return im.p, im.rep, nil
}

// importer builds a project from pairs.
type importer struct {
	p       annotation.Project
	rep     format.Report
	labels  map[string]bool
	stances map[string]bool
	colours int // extra labels coloured so far

	// Speaker entities, resolved once every document is read; keys are
	// indices into p.Annotations.
	names  map[int]string // a "Speaker: " note on a mention or a claim
	refs   map[int]string // a normalization of a mention: "DB:ID"
	refTxt map[int]string // the name a normalization gives
	equiv  [][2]int       // mentions an equivalence joins

	noted map[int]bool // annotations that have a note line already
}

func newImporter() *importer {
	im := &importer{
		p:       annotation.Project{Schema: annotation.DefaultSchema()},
		labels:  map[string]bool{},
		stances: map[string]bool{},
		names:   map[int]string{},
		refs:    map[int]string{},
		refTxt:  map[int]string{},
		noted:   map[int]bool{},
	}
	for _, l := range im.p.Schema.Labels {
		im.labels[l.ID] = true
	}
	for _, s := range im.p.Schema.Stances {
		im.stances[s] = true
	}
	return im
}

// doc is the state of the document being read.
type doc struct {
	name     string
	id       string
	x        *text.Index
	recs     map[string]*record
	ann      map[string]int    // T id → index in p.Annotations
	claimOf  map[string][]int  // attribution E id → indices of its claims (Content, Content2, …)
	trigger  map[string]string // T id → the E id it is the trigger of
	linkedBy map[int]string    // claim index → the E id that attributed it
}

func (im *importer) skip(d *doc, msg string, args ...any) {
	im.rep.Skip(d.name+": "+msg, args...)
}

func (im *importer) adjust(d *doc, msg string, args ...any) {
	im.rep.Adjust(d.name+": "+msg, args...)
}

func (im *importer) pair(pair Pair) {
	d := &doc{name: pair.Name, recs: map[string]*record{}, ann: map[string]int{},
		claimOf: map[string][]int{}, trigger: map[string]string{}, linkedBy: map[int]string{}}
	if pair.Text == nil {
		im.skip(d, "there is no text file for this annotation file, so its annotations are not imported")
		return
	}
	body, bad := validText(pair.Text)
	if bad > 0 {
		im.skip(d, "the text is not valid UTF-8; each invalid byte (%d in all) was replaced by U+FFFD", bad)
	}
	body = text.Normalize(body)
	d.id = fmt.Sprintf("d%d", len(im.p.Documents)+1)
	d.x = text.NewIndex(body)
	im.p.Documents = append(im.p.Documents, annotation.Document{ID: d.id, Title: pair.Name, Text: body})
	im.rep.Documents++

	src, bad := validText(pair.Ann)
	if bad > 0 {
		im.skip(d, "the annotation file is not valid UTF-8; each invalid byte (%d in all) was replaced by U+FFFD", bad)
	}
	recs, badLines := parseAnn(src)
	for _, b := range badLines {
		im.skip(d, "line %d %q could not be read: %s", b.Line, clip(b.Text), b.Reason)
	}
	for i := range recs {
		r := &recs[i]
		d.recs[r.ID] = r
		if r.Kind == 'E' {
			if _, used := d.trigger[r.Trigger]; !used {
				d.trigger[r.Trigger] = r.ID
			}
		}
	}
	// Spans first, then what points at them.
	for _, kinds := range []string{"T", "E", "AM", "N", "*", "R", "#"} {
		for i := range recs {
			if strings.IndexByte(kinds, recs[i].Kind) >= 0 {
				im.record(d, &recs[i])
			}
		}
	}
}

func (im *importer) record(d *doc, r *record) {
	switch r.Kind {
	case 'T':
		im.textBound(d, r)
	case 'E':
		im.event(d, r)
	case 'A', 'M':
		im.attribute(d, r)
	case 'N':
		im.normalization(d, r)
	case '*':
		im.equivalence(d, r)
	case 'R':
		im.skip(d, "%s: the %s relation %s is not imported; Sayso has no relations besides a claim's speaker and cue",
			r.ID, r.Type, describeArgs(r.Args))
	case '#':
		im.note(d, r)
	}
}

// validText returns b as a string in which every byte that is not valid
// UTF-8 is replaced by U+FFFD, so that code-point offsets stay where they
// were, and the number of bytes replaced.
func validText(b []byte) (string, int) {
	if utf8.Valid(b) {
		return string(b), 0
	}
	var s strings.Builder
	bad := 0
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n == 1 {
			bad++
		}
		s.WriteRune(r)
		b = b[n:]
	}
	return s.String(), bad
}

// clip shortens s for a message.
func clip(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:57]) + "…"
	}
	return s
}

func describeArgs(args []arg) string {
	parts := make([]string, len(args))
	for i, a := range args {
		parts[i] = a.Role + " " + a.ID
		if a.Role == "" {
			parts[i] = a.ID
		}
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

// addLabel adds an extra label to the schema the first time it is used.
func (im *importer) addLabel(id string) {
	if im.labels[id] {
		return
	}
	im.labels[id] = true
	palette := []string{"#d96b6b", "#9b6bd9", "#6bc4d9", "#d9a66b", "#8fd96b", "#d96bb4", "#7f8c8d"}
	im.p.Schema.Labels = append(im.p.Schema.Labels, annotation.Label{
		ID: id, Name: id, Color: palette[im.colours%len(palette)]})
	im.colours++
}

func (im *importer) addStance(v string) {
	if !im.stances[v] {
		im.stances[v] = true
		im.p.Schema.Stances = append(im.p.Schema.Stances, v)
	}
}
