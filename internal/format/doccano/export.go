package doccano

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"sayso/internal/annotation"
	"sayso/internal/format"
	"sayso/internal/text"
)

// Extension is the suggested ending of an exported file's name.
const Extension = ".jsonl"

// Unit is a unit of text offsets.
type Unit int

// The offset units. The zero value is doccano's on export and detection
// on import.
const (
	UnitAuto      Unit = iota // export: UTF-16; import: the line's offset_unit, else detected
	UnitUTF16                 // UTF-16 code units, as doccano's editor counts
	UnitCodePoint             // Unicode code points, as Python counts
)

// String is the unit's name in the offset_unit key.
func (u Unit) String() string {
	if u == UnitCodePoint {
		return "codepoint"
	}
	return "utf-16"
}

// Options change how offsets are written or read.
type Options struct {
	Unit Unit
	// Columns, for import, names the keys that hold the text and the
	// spans when the file names them itself (see AmbiguousColumnsError).
	Columns Columns
}

// Relation types.
const (
	relSpeaker     = "speaker"
	relCue         = "cue"
	relContinues   = "continues"
	relCoreference = "coreference"
)

// Result is an export: the file's bytes, the suggested extension and what
// was written.
type Result struct {
	Data      []byte
	Extension string
	// Report counts the documents, annotations and links written; its
	// Skipped list says what the format could not hold.
	Report format.Report
}

type line struct {
	Text       string     `json:"text"`
	Entities   []entity   `json:"entities"`
	Relations  []relation `json:"relations"`
	Title      string     `json:"title"`
	DocumentID string     `json:"document_id"`
	Topic      string     `json:"topic"`
	OffsetUnit string     `json:"offset_unit"`
}

type entity struct {
	ID          int    `json:"id"`
	Label       string `json:"label"`
	StartOffset int    `json:"start_offset"`
	EndOffset   int    `json:"end_offset"`
}

type relation struct {
	ID     int    `json:"id"`
	FromID int    `json:"from_id"`
	ToID   int    `json:"to_id"`
	Type   string `json:"type"`
}

// Export writes one line per document of p.
func Export(p annotation.Project, opts Options) (Result, error) {
	unit := opts.Unit
	if unit == UnitAuto {
		unit = UnitUTF16
	}
	var rep format.Report
	var lost lossCount
	byDoc := p.ByDocument()
	names := p.SpeakerNames()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	ids := counter{}
	for _, d := range p.Documents {
		l := exportDocument(d, byDoc[d.ID], unit, names, &ids, &rep, &lost)
		l.OffsetUnit = unit.String()
		if err := enc.Encode(l); err != nil {
			return Result{}, fmt.Errorf("doccano: document %s: %w", d.ID, err)
		}
		rep.Documents++
	}
	lost.report(&rep)
	return Result{Data: buf.Bytes(), Extension: Extension, Report: rep}, nil
}

// counter numbers entities and relations across the file, as doccano's
// database ids are.
type counter struct{ entity, relation int }

// lossCount counts what doccano cannot hold, for one summary line each.
type lossCount struct{ attributes, unlinked, renamed int }

func (l lossCount) report(rep *format.Report) {
	if l.attributes > 0 {
		rep.Skip("the stance, target or note of %d annotations was not exported: doccano spans have no attributes", l.attributes)
	}
	if l.unlinked > 0 {
		rep.Skip("%d claims are attributed to a speaker without a mention, which doccano cannot hold: that attribution was not exported", l.unlinked)
	}
	if l.renamed > 0 {
		rep.Skip("%d speaker names differ from the longest of their mentions, which is the name an import gives them: those names were not exported", l.renamed)
	}
}

func exportDocument(d annotation.Document, anns []*annotation.Annotation, unit Unit, names map[string]string, ids *counter, rep *format.Report, lost *lossCount) line {
	x := text.NewIndex(d.Text)
	l := line{Text: d.Text, Entities: []entity{}, Relations: []relation{}, Title: d.Title, DocumentID: d.ID, Topic: d.Topic}
	offset := func(cp int) int {
		if unit == UnitUTF16 {
			return x.UTF16Offset(cp)
		}
		return cp
	}
	first := map[string]int{}        // annotation id → entity id of its first fragment
	firstMention := map[string]int{} // speaker id → entity id of its first mention here
	longest := map[string]string{}   // speaker id → its longest mention here
	rel := func(from, to int, typ string) {
		ids.relation++
		l.Relations = append(l.Relations, relation{ID: ids.relation, FromID: from, ToID: to, Type: typ})
	}
	for _, a := range anns {
		for k, f := range a.Fragments {
			ids.entity++
			l.Entities = append(l.Entities, entity{ID: ids.entity, Label: a.Label, StartOffset: offset(f.Start), EndOffset: offset(f.End)})
			if k == 0 {
				first[a.ID] = ids.entity
			} else {
				rel(ids.entity-1, ids.entity, relContinues)
			}
		}
		rep.Annotations++
		if a.Note != "" || a.Label == annotation.LabelClaim && (a.Stance != "" || a.Target != d.Topic) {
			lost.attributes++
		}
		if a.Label == annotation.LabelSpeaker && a.Speaker != "" {
			if q := strings.Join(strings.Fields(a.Quote), " "); len([]rune(q)) > len([]rune(longest[a.Speaker])) {
				longest[a.Speaker] = q
			}
			if f, ok := firstMention[a.Speaker]; ok {
				rel(first[a.ID], f, relCoreference)
			} else {
				firstMention[a.Speaker] = first[a.ID]
			}
		}
	}
	for sp, q := range longest {
		if names[sp] != q {
			lost.renamed++
		}
	}
	for _, a := range anns {
		if a.Label != annotation.LabelClaim {
			continue
		}
		if m, ok := first[a.SpeakerMention]; ok {
			rel(first[a.ID], m, relSpeaker)
			rep.Links++
		} else if a.Speaker != "" {
			lost.unlinked++
		}
		if c, ok := first[a.Cue]; ok {
			rel(first[a.ID], c, relCue)
			rep.Links++
		}
	}
	return l
}
