package citron

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"sayso/internal/annotation"
	"sayso/internal/format"
	"sayso/internal/text"
)

// The suggested endings of an exported file's name: one document is one
// JSON file, several are a zip archive of them.
const (
	Extension    = ".json"
	ZipExtension = ".zip"
)

// Result is an export: the file's bytes, the suggested extension and what
// was written.
type Result struct {
	Data      []byte
	Extension string
	// Report counts the documents, annotations and links written; its
	// Skipped list names the claims left out and counts what else the
	// format could not hold.
	Report format.Report
}

// span is a Citron span: code-point offsets and the text between them.
type span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

type quote struct {
	Cue      span   `json:"cue"`
	Sources  []span `json:"sources"`
	Contents []span `json:"contents"`
	ID       string `json:"id,omitempty"`
}

type document struct {
	Text              string   `json:"text"`
	Quotes            []quote  `json:"quotes"`
	CoreferenceGroups [][]span `json:"coreference_groups"`
	Title             string   `json:"title,omitempty"`
	OffsetUnit        string   `json:"offset_unit"`
}

// lossCount counts what Citron cannot hold, for one summary line each.
type lossCount struct{ attributes, cues, other, unlinked int }

func (l lossCount) report(rep *format.Report) {
	if l.attributes > 0 {
		rep.Skip("the stance, target or note of %d annotations was not exported: Citron has no attributes", l.attributes)
	}
	if l.cues > 0 {
		rep.Skip("%d cues that no exported claim links to were not exported: Citron holds cues only in quotes", l.cues)
	}
	if l.other > 0 {
		rep.Skip("%d annotations with labels other than claim, speaker and cue were not exported", l.other)
	}
	if l.unlinked > 0 {
		rep.Skip("%d claims are attributed to a speaker without a mention, which Citron cannot hold: that attribution was not exported", l.unlinked)
	}
}

// Export writes p as Citron JSON: one object for a project of one
// document, else a zip archive of one file per document.
func Export(p annotation.Project) (Result, error) {
	var rep format.Report
	var lost lossCount
	byDoc := p.ByDocument()
	files := make([][]byte, len(p.Documents))
	for i, d := range p.Documents {
		b, err := encode(exportDocument(d, byDoc[d.ID], &rep, &lost))
		if err != nil {
			return Result{}, fmt.Errorf("citron: document %s: %w", d.ID, err)
		}
		files[i] = b
		rep.Documents++
	}
	lost.report(&rep)
	if len(files) == 1 {
		return Result{Data: files[0], Extension: Extension, Report: rep}, nil
	}
	z, err := zipFiles(p.Documents, files)
	if err != nil {
		return Result{}, fmt.Errorf("citron: %w", err)
	}
	return Result{Data: z, Extension: ZipExtension, Report: rep}, nil
}

func encode(d document) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(d); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// zipFiles archives one file per document, named in project order.
func zipFiles(docs []annotation.Document, files [][]byte) ([]byte, error) {
	width := len(fmt.Sprint(len(docs)))
	entries := make([]format.File, len(docs))
	for i, d := range docs {
		entries[i] = format.File{Name: fmt.Sprintf("%0*d-%s.json", width, i+1, safeName(d.ID)), Data: files[i]}
	}
	return format.Zip(entries)
}

// safeName keeps letters, digits, - and _ of an id for a file name.
func safeName(id string) string {
	s := strings.Map(func(r rune) rune {
		if r < 128 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return r
		}
		return '_'
	}, id)
	if s == "" {
		return "document"
	}
	return s
}

func exportDocument(d annotation.Document, anns []*annotation.Annotation, rep *format.Report, lost *lossCount) document {
	x := text.NewIndex(d.Text)
	out := document{Text: d.Text, Quotes: []quote{}, CoreferenceGroups: [][]span{}, Title: d.Title, OffsetUnit: "codepoint"}
	spansOf := func(fs []text.Span) []span {
		out := make([]span, len(fs))
		for i, f := range fs {
			out[i] = span{f.Start, f.End, x.Slice(f.Start, f.End)}
		}
		return out
	}
	byID := map[string]*annotation.Annotation{}
	for _, a := range anns {
		byID[a.ID] = a
	}
	usedCues := map[string]bool{}
	for _, a := range anns {
		switch a.Label {
		case annotation.LabelClaim, annotation.LabelSpeaker, annotation.LabelCue:
		default:
			lost.other++
			continue
		}
		if a.Note != "" || a.Label == annotation.LabelClaim && (a.Stance != "" || a.Target != d.Topic) {
			lost.attributes++
		}
		if a.Label != annotation.LabelClaim {
			continue
		}
		cue, ok := byID[a.Cue]
		if !ok || cue.Label != annotation.LabelCue {
			rep.Skip("claim %s “%s” has no cue, and a Citron quote needs one: not exported", a.ID, clip(a.Quote))
			continue
		}
		q := quote{Cue: spansOf([]text.Span{cue.Hull()})[0], Sources: []span{}, Contents: spansOf(a.Fragments), ID: a.ID}
		if !usedCues[cue.ID] && len(cue.Fragments) > 1 {
			rep.Skip("cue %s “%s” is discontinuous, and a Citron cue is one span: exported as the stretch that covers it", cue.ID, clip(cue.Quote))
		}
		usedCues[cue.ID] = true
		rep.Annotations++
		rep.Links++
		if m, ok := byID[a.SpeakerMention]; ok && m.Label == annotation.LabelSpeaker {
			q.Sources = spansOf(m.Fragments)
			rep.Links++
		} else if a.Speaker != "" {
			lost.unlinked++
		}
		out.Quotes = append(out.Quotes, q)
	}
	groups := map[string]int{} // speaker id → index in CoreferenceGroups
	for _, a := range anns {
		switch {
		case a.Label == annotation.LabelCue && usedCues[a.ID]:
			rep.Annotations++
		case a.Label == annotation.LabelCue:
			lost.cues++
		case a.Label == annotation.LabelSpeaker:
			rep.Annotations++
			if len(a.Fragments) > 1 {
				rep.Skip("speaker mention %s “%s” is discontinuous: exported as %d spans, which an import reads as %d mentions", a.ID, clip(a.Quote), len(a.Fragments), len(a.Fragments))
			}
			i, ok := groups[a.Speaker]
			if !ok || a.Speaker == "" {
				i = len(out.CoreferenceGroups)
				groups[a.Speaker] = i
				out.CoreferenceGroups = append(out.CoreferenceGroups, nil)
			}
			out.CoreferenceGroups[i] = append(out.CoreferenceGroups[i], spansOf(a.Fragments)...)
		}
	}
	return out
}

// clip shortens s for a message.
func clip(s string) string {
	r := []rune(s)
	if len(r) <= 40 {
		return s
	}
	return string(r[:39]) + "…"
}
