package brat

import (
	"fmt"
	"slices"
	"strings"

	"sayso/internal/annotation"
	"sayso/internal/format"
	"sayso/internal/text"
)

// Export writes a project as brat standoff: for every document a .txt file
// with its text and a .ann file with its annotations, then annotation.conf
// and visual.conf for the whole project. Documents are named after their
// titles (see the package documentation).
func Export(p annotation.Project) ([]format.File, error) {
	files, _, err := ExportReport(p)
	return files, err
}

// ExportReport is Export that also says what it wrote and what it had to
// change: a span split at line breaks (\n, U+2028 LINE SEPARATOR, U+2029
// PARAGRAPH SEPARATOR and the others brat's reader ends lines at), which
// comes back as several fragments, and an annotation of nothing but line
// breaks, which is left out.
func ExportReport(p annotation.Project) ([]format.File, format.Report, error) {
	var rep format.Report
	speakers := map[string]string{}
	for _, s := range p.Speakers {
		speakers[s.ID] = s.Name
	}
	byDoc := map[string][]annotation.Annotation{}
	for _, a := range p.Annotations {
		byDoc[a.Document] = append(byDoc[a.Document], a)
	}
	names := baseNames(p.Documents)
	var files []format.File
	for i, d := range p.Documents {
		w := docWriter{x: text.NewIndex(d.Text), speakers: speakers, ids: map[string]string{}, frags: map[string][]rawSpan{},
			rep: &rep, name: names[i]}
		if err := w.write(byDoc[d.ID]); err != nil {
			return nil, rep, fmt.Errorf("brat export of document %q: %w", d.Title, err)
		}
		rep.Documents++
		files = append(files,
			format.File{Name: names[i] + ".txt", Data: []byte(d.Text)},
			format.File{Name: names[i] + ".ann", Data: []byte(w.b.String())})
	}
	files = append(files,
		format.File{Name: "annotation.conf", Data: []byte(annotationConf(p))},
		format.File{Name: "visual.conf", Data: []byte(visualConf(p.Schema))})
	return files, rep, nil
}

// docWriter writes the .ann file of one document.
type docWriter struct {
	x        *text.Index
	speakers map[string]string                  // speaker id → name
	ids      map[string]string                  // annotation id → T id
	frags    map[string][]rawSpan               // annotation id → fragments as written
	triggers map[string][]annotation.Annotation // cue id → kept trigger spans tied to it, not yet written
	b        strings.Builder
	n        map[byte]int // last number used per id kind
	rep      *format.Report
	name     string // the document's file name, for the report
}

func (w *docWriter) next(kind byte) string {
	if w.n == nil {
		w.n = map[byte]int{}
	}
	w.n[kind]++
	return fmt.Sprintf("%c%d", kind, w.n[kind])
}

func (w *docWriter) line(r record) {
	w.b.WriteString(r.String())
	w.b.WriteByte('\n')
}

func (w *docWriter) write(anns []annotation.Annotation) error {
	w.triggers = map[string][]annotation.Annotation{}
	for _, a := range anns {
		if a.Label == labelTrigger && a.Cue != "" {
			// Written as the trigger of an attribution with this cue.
			w.triggers[a.Cue] = append(w.triggers[a.Cue], a)
			continue
		}
		if err := w.textBound(a, bratType(a.Label)); err != nil {
			return err
		}
	}
	for _, a := range anns {
		if a.Label == annotation.LabelClaim {
			w.attribution(a)
		}
	}
	// Kept triggers whose cue no claim exported any more.
	for _, a := range anns {
		if a.Label == labelTrigger && a.Cue != "" && w.ids[a.ID] == "" {
			if err := w.textBound(a, bratType(a.Label)); err != nil {
				return err
			}
		}
	}
	for _, a := range anns {
		if id, ok := w.ids[a.ID]; ok && a.Label == annotation.LabelClaim && a.Stance != "" {
			w.line(record{ID: w.next('A'), Kind: 'A', Type: typeStance, Target: id, Value: oneLine(a.Stance)})
		}
	}
	for _, a := range anns {
		w.notes(a)
	}
	return nil
}

// textBound writes the T line of an annotation as type typ, unless it
// holds only line breaks, which brat cannot hold.
func (w *docWriter) textBound(a annotation.Annotation, typ string) error {
	spans, err := w.spans(a.Fragments)
	if err != nil {
		return fmt.Errorf("annotation %s: %w", a.ID, err)
	}
	if len(spans) == 0 {
		w.rep.Skip("%s: the %s %s is only line breaks, which a brat span cannot hold, so it was left out", w.name, a.Label, quoted(a.Quote))
		return nil
	}
	switch breaks := w.breaksIn(a.Fragments); {
	case breaks == "":
	case len(spans) > len(a.Fragments):
		w.rep.Adjust("%s: the %s %s was split at %s into %d spans, as a brat span cannot hold a line break; it comes back as %d fragments",
			w.name, a.Label, quoted(a.Quote), breaks, len(spans), len(spans))
	default:
		w.rep.Adjust("%s: the %s %s was written without %s at its ends, which a brat span cannot hold",
			w.name, a.Label, quoted(a.Quote), breaks)
	}
	if a.Label != labelTrigger {
		w.rep.Annotations++
	}
	id := w.next('T')
	w.ids[a.ID], w.frags[a.ID] = id, spans
	w.line(record{ID: id, Kind: 'T', Type: typ, Spans: spans, Text: w.quote(spans)})
	return nil
}

// spans turns fragments into brat offsets, split at line breaks the way
// brat splits a selection that crosses lines: a line of a .ann file cannot
// hold a line break.
func (w *docWriter) spans(frags []text.Span) ([]rawSpan, error) {
	var out []rawSpan
	for _, f := range frags {
		if f.Start < 0 || f.End > w.x.Len() || f.Start >= f.End {
			return nil, fmt.Errorf("the fragment %d–%d is not inside the %d-character text", f.Start, f.End, w.x.Len())
		}
		start := f.Start
		for i, r := range []rune(w.x.Slice(f.Start, f.End)) {
			if isLineBreak(r) {
				if cp := f.Start + i; cp > start {
					out = append(out, rawSpan{start, cp})
				}
				start = f.Start + i + 1
			}
		}
		if f.End > start {
			out = append(out, rawSpan{start, f.End})
		}
	}
	return out, nil
}

// breaksIn names the line breaks inside fragments ("a line break",
// "U+2028 LINE SEPARATOR"), or "" when there are none.
func (w *docWriter) breaksIn(frags []text.Span) string {
	var names []string
	for _, f := range frags {
		for _, r := range w.x.Slice(f.Start, f.End) {
			if !isLineBreak(r) {
				continue
			}
			var n string
			switch r {
			case '\n':
				n = "a line break"
			case 0x2028:
				n = "U+2028 LINE SEPARATOR"
			case 0x2029:
				n = "U+2029 PARAGRAPH SEPARATOR"
			default:
				n = fmt.Sprintf("%U", r)
			}
			if !slices.Contains(names, n) {
				names = append(names, n)
			}
		}
	}
	return strings.Join(names, " and ")
}

// isLineBreak reports whether r ends a line for brat's reader (Python's
// str.splitlines).
func isLineBreak(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029:
		return true
	}
	return false
}

// quote is brat's text of spans: their texts joined by one space.
func (w *docWriter) quote(spans []rawSpan) string {
	parts := make([]string, len(spans))
	for i, s := range spans {
		parts[i] = w.x.Slice(s.Start, s.End)
	}
	return strings.Join(parts, " ")
}

// attribution writes the Attribution event of a claim linked to a speaker
// mention or a cue. Its trigger is the trigger span kept for its cue (an
// import's trigger that differed from the cue), else a copy of the cue's
// span, as in PolNeAR, or of the mention's span when there is no cue.
func (w *docWriter) attribution(a annotation.Annotation) {
	content, ok := w.ids[a.ID]
	source, hasSource := w.ids[a.SpeakerMention]
	cue, hasCue := w.ids[a.Cue]
	if !ok || (!hasSource && !hasCue) {
		return
	}
	typ, trigger := typeAttribution, w.frags[a.SpeakerMention]
	if hasCue {
		trigger = w.frags[a.Cue]
	}
	if !hasSource {
		typ = typeAttributionNS
	}
	var tid string
	for hasCue && tid == "" && len(w.triggers[a.Cue]) > 0 {
		kept := w.triggers[a.Cue][0]
		w.triggers[a.Cue] = w.triggers[a.Cue][1:]
		if err := w.textBound(kept, typ); err == nil {
			tid = w.ids[kept.ID]
		}
	}
	if tid == "" {
		tid = w.next('T')
		w.line(record{ID: tid, Kind: 'T', Type: typ, Spans: trigger, Text: w.quote(trigger)})
	}
	args := []arg{{typeContent, content}}
	if hasCue {
		args = append(args, arg{typeCue, cue})
	}
	if hasSource {
		args = append(args, arg{typeSource, source})
	}
	w.line(record{ID: w.next('E'), Kind: 'E', Type: typ, Trigger: tid, Args: args})
}

// notes writes the note lines of an annotation: the speaker's name, the
// stance target, and the note itself, one line per line of it.
func (w *docWriter) notes(a annotation.Annotation) {
	id, ok := w.ids[a.ID]
	if !ok {
		return
	}
	note := func(s string) {
		w.line(record{ID: w.next('#'), Kind: '#', Type: typeNote, Target: id, Text: s})
	}
	name, hasName := w.speakers[a.Speaker]
	_, linked := w.ids[a.SpeakerMention]
	if hasName && (a.Label == annotation.LabelSpeaker || (a.Label == annotation.LabelClaim && !linked)) {
		note(speakerPrefix + oneLine(name))
	}
	if a.Label == annotation.LabelClaim && a.Target != "" {
		note(targetPrefix + oneLine(a.Target))
	}
	if a.Note == "" {
		return
	}
	for l := range strings.SplitSeq(splitLines(a.Note), "\n") {
		if strings.HasPrefix(l, speakerPrefix) || strings.HasPrefix(l, targetPrefix) || strings.HasPrefix(l, notePrefix) {
			l = notePrefix + l
		}
		note(l)
	}
}

// splitLines turns every line break brat would see into "\n".
func splitLines(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.Map(func(r rune) rune {
		if isLineBreak(r) {
			return '\n'
		}
		return r
	}, s)
}

// oneLine turns line breaks into spaces, for values that must fit on one
// line.
func oneLine(s string) string {
	return strings.ReplaceAll(splitLines(s), "\n", " ")
}
