package jsonl

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"

	"sayso/internal/annotation"
	"sayso/internal/format"
	"sayso/internal/text"
)

// Extension is the suggested ending of an exported file's name.
const Extension = ".jsonl"

// OffsetUnit is the value of every row's offset_unit.
const OffsetUnit = "codepoint"

// Row is one claim of the dataset. Pointer fields are null when empty.
type Row struct {
	DocumentID     string   `json:"document_id"`
	DocumentTitle  *string  `json:"document_title"`
	ClaimID        string   `json:"claim_id"`
	Quote          string   `json:"quote"`
	Fragments      [][2]int `json:"fragments"`
	Speaker        *string  `json:"speaker"`
	SpeakerID      *string  `json:"speaker_id"`
	SpeakerMention *string  `json:"speaker_mention"`
	Cue            *string  `json:"cue"`
	Stance         *string  `json:"stance"`
	Target         *string  `json:"target"`
	Note           *string  `json:"note"`
	Annotator      *string  `json:"annotator"`
	Context        string   `json:"context"`
	ContextStart   int      `json:"context_start"`
	OffsetUnit     string   `json:"offset_unit"`
}

// Columns returns the keys of a row, in the order they are written.
func Columns() []string {
	return []string{
		"document_id", "document_title", "claim_id", "quote", "fragments",
		"speaker", "speaker_id", "speaker_mention", "cue", "stance", "target",
		"note", "annotator", "context", "context_start", "offset_unit",
	}
}

// Result is an export: the file's bytes, the suggested extension and what
// was written.
type Result struct {
	Data      []byte
	Extension string
	// Report counts the documents, claims and links written. Its Skipped
	// list is empty: what the format leaves out is left out of every
	// export alike (see the package documentation).
	Report format.Report
}

// Export writes one line per claim of p, documents in project order and
// claims in reading order.
func Export(p annotation.Project) (Result, error) {
	rows, rep := Rows(p)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for _, r := range rows {
		if err := enc.Encode(r); err != nil {
			return Result{}, fmt.Errorf("jsonl: claim %s of document %s: %w", r.ClaimID, r.DocumentID, err)
		}
	}
	return Result{Data: buf.Bytes(), Extension: Extension, Report: rep}, nil
}

// Rows returns the claims of p as rows, documents in project order and
// claims in reading order, and counts them in a report. Package csv writes
// the same rows.
func Rows(p annotation.Project) ([]Row, format.Report) {
	var rep format.Report
	speakers := make(map[string]string, len(p.Speakers))
	for _, s := range p.Speakers {
		speakers[s.ID] = s.Name
	}
	byID := make(map[string]*annotation.Annotation, len(p.Annotations))
	byDoc := map[string][]*annotation.Annotation{}
	for i := range p.Annotations {
		a := &p.Annotations[i]
		byID[a.ID] = a
		if a.Label == annotation.LabelClaim {
			byDoc[a.Document] = append(byDoc[a.Document], a)
		}
	}
	var rows []Row
	for _, d := range p.Documents {
		claims := byDoc[d.ID]
		if len(claims) == 0 {
			continue
		}
		rep.Documents++
		sort.SliceStable(claims, func(i, j int) bool { return readingLess(claims[i], claims[j]) })
		x := text.NewIndex(d.Text)
		paras := x.Paragraphs()
		for _, c := range claims {
			r := row(d, c, x, paras)
			r.Speaker, r.SpeakerID = nameOf(speakers, c.Speaker), nonEmpty(c.Speaker)
			if r.Speaker == nil {
				r.SpeakerID = nil
			}
			if m, ok := byID[c.SpeakerMention]; ok && m.Document == c.Document {
				r.SpeakerMention = nonEmpty(m.Quote)
				rep.Links++
			}
			if q, ok := byID[c.Cue]; ok && q.Document == c.Document {
				r.Cue = nonEmpty(q.Quote)
				rep.Links++
			}
			rows = append(rows, r)
			rep.Annotations++
		}
	}
	return rows, rep
}

// row fills the fields of a claim that need no lookup.
func row(d annotation.Document, c *annotation.Annotation, x *text.Index, paras []text.Span) Row {
	frags := make([][2]int, len(c.Fragments))
	for i, f := range c.Fragments {
		frags[i] = [2]int{f.Start, f.End}
	}
	ctx := contextSpan(paras, c.Hull())
	return Row{
		DocumentID:    d.ID,
		DocumentTitle: nonEmpty(d.Title),
		ClaimID:       c.ID,
		Quote:         c.Quote,
		Fragments:     frags,
		Stance:        nonEmpty(c.Stance),
		Target:        nonEmpty(c.Target),
		Note:          nonEmpty(c.Note),
		Annotator:     nonEmpty(c.Annotator),
		Context:       x.Slice(ctx.Start, ctx.End),
		ContextStart:  ctx.Start,
		OffsetUnit:    OffsetUnit,
	}
}

// contextSpan is the stretch from the first paragraph hull overlaps to the
// last one, or hull itself if it lies between paragraphs (only white space).
func contextSpan(paras []text.Span, hull text.Span) text.Span {
	first := text.ParagraphAt(paras, hull.Start)
	last := first - 1
	for i := first; i < len(paras) && paras[i].Start < hull.End; i++ {
		last = i
	}
	if last < first {
		return hull
	}
	return text.Span{Start: min(paras[first].Start, hull.Start), End: max(paras[last].End, hull.End)}
}

func readingLess(a, b *annotation.Annotation) bool {
	ha, hb := a.Hull(), b.Hull()
	if ha.Start != hb.Start {
		return ha.Start < hb.Start
	}
	return ha.End > hb.End
}

func nameOf(names map[string]string, id string) *string {
	if id == "" {
		return nil
	}
	return nonEmpty(names[id])
}

func nonEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
