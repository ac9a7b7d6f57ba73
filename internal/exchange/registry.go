// Package exchange is Sayso's registry of exchange formats: it lists them
// in the Export menu's order, looks one up by its ID, tells the format of
// a file by its content and name, and exports and imports projects as the
// app asks for them. The formats themselves live in the packages below
// internal/format; each describes itself (format.Info) and offers one
// {Write, Read} pair (format.Codec) and claims its file-name endings, so
// that the registry is a list of values built by Default. Two places name
// formats on purpose: Detect's content rules, which are about telling
// formats apart and only make sense side by side, and the message for the
// dataset exports (JSONL, CSV), which Sayso writes but does not read back.
// Two readers are reached past the registry, for what only they do:
// brat's texts and annotation files read as one set (set.go), and a
// doccano file read again with the columns the person chose (columns.go).
//
// Decisions written down here:
//
//   - Every export is one download, so that one click never meets the
//     browser's "this site wants to download several files" prompt (which
//     can block the second file silently). Formats made of several files
//     come as a zip: brat (texts, .ann files, annotation.conf and
//     visual.conf) and Label Studio (the tasks JSON and the labelling
//     configuration XML that matches it).
//   - File names are the base the caller gives (the document's title made
//     safe) plus an extension that names the format where the bare one
//     would be ambiguous (.brat.zip, .labelstudio.zip, .doccano.jsonl,
//     .citron.json), so that exports of one project sit side by side and
//     Detect can use the name as a hint.
//   - A file's format is told by its content first and its name second
//     (see Detect).
package exchange

import (
	"strings"

	"sayso/internal/format"
	"sayso/internal/format/brat"
	"sayso/internal/format/citron"
	"sayso/internal/format/conll"
	csvexport "sayso/internal/format/csv"
	"sayso/internal/format/doccano"
	"sayso/internal/format/jsonl"
	"sayso/internal/format/labelstudio"
	"sayso/internal/format/native"
	"sayso/internal/format/w3c"
	"sayso/internal/format/webanno"
)

// The IDs of the formats, as Export takes them and Detect returns them.
const (
	Native      = native.ID
	JSONL       = jsonl.ID
	CSV         = csvexport.ID
	CSVBOM      = csvexport.SpreadsheetID
	Brat        = brat.ID
	W3C         = w3c.ID
	CoNLL       = conll.ID
	LabelStudio = labelstudio.ID
	Doccano     = doccano.ID
	Citron      = citron.ID
	WebAnno     = webanno.ID
)

// Registry is a list of formats in menu order. The zero Registry holds
// none; Default holds every format Sayso has.
type Registry struct {
	codecs []format.Codec
}

// NewRegistry lists codecs in the order given, which is the menu's. The
// first codec of an ID wins.
func NewRegistry(codecs ...format.Codec) Registry {
	return Registry{codecs: append([]format.Codec(nil), codecs...)}
}

// Default is the registry of every format Sayso writes or reads, the
// lossless native one first. Adding a format is adding its Codec here.
func Default() Registry {
	return NewRegistry(
		native.Codec(),
		jsonl.Codec(),
		csvexport.Codec(),
		csvexport.SpreadsheetCodec(),
		brat.Codec(),
		w3c.Codec(),
		conll.Codec(),
		labelstudio.Codec(),
		doccano.Codec(),
		citron.Codec(),
		webanno.Codec(),
	)
}

// Formats describes the registry's formats, in menu order.
func (r Registry) Formats() []format.Info {
	infos := make([]format.Info, len(r.codecs))
	for i, c := range r.codecs {
		infos[i] = c.Info
	}
	return infos
}

// Lookup returns the codec of format id.
func (r Registry) Lookup(id string) (format.Codec, bool) {
	for _, c := range r.codecs {
		if c.ID == id {
			return c, true
		}
	}
	return format.Codec{}, false
}

// Formats describes every format of the Default registry, in menu order.
func Formats() []format.Info { return Default().Formats() }

// Lookup returns the codec of format id from the Default registry.
func Lookup(id string) (format.Codec, bool) { return Default().Lookup(id) }

// Name names format id for a person: its menu name, or the ID itself
// when the registry does not have it.
func (r Registry) Name(id string) string {
	if c, ok := r.Lookup(id); ok {
		return c.Name
	}
	return id
}

// openable lists the names of the formats the registry reads, for
// messages: "A, B and C".
func (r Registry) openable() string {
	var names []string
	for _, f := range r.Formats() {
		if f.Opens {
			names = append(names, f.Name)
		}
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
