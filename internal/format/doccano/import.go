package doccano

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"

	"sayso/internal/annotation"
	"sayso/internal/format"
	"sayso/internal/format/importkit"
	"sayso/internal/format/jsonsyntax"
	"sayso/internal/text"
)

// MaxFileSize is the largest input Import accepts, in bytes.
const MaxFileSize = 64 << 20

// Import reads doccano JSONL (see the package documentation) into a new
// project, detecting the offset unit of each line.
func Import(b []byte) (annotation.Project, format.Report, error) {
	return ImportWith(b, Options{})
}

// ImportWith reads doccano JSONL, reading offsets in opts.Unit unless it is
// UnitAuto. The report lists what could not be mapped; the error is for a
// file that is not doccano JSONL at all.
func ImportWith(b []byte, opts Options) (annotation.Project, format.Report, error) {
	var rep format.Report
	if len(b) > MaxFileSize {
		return annotation.Project{}, rep, fmt.Errorf("the file is %d MB; doccano files up to %d MB can be opened", len(b)>>20, MaxFileSize>>20)
	}
	objs, err := decodeLines(b)
	if err != nil {
		return annotation.Project{}, rep, err
	}
	cols, err := resolveColumns(objs, opts.Columns)
	if err != nil {
		return annotation.Project{}, rep, err
	}
	applyColumns(objs, cols)
	if objs, err = checkExamples(objs); err != nil {
		return annotation.Project{}, rep, err
	}
	d := importkit.Draft{EntityNames: map[string]string{}}
	for _, o := range objs {
		if dd, ok := readLine(o.obj, o.what, opts.Unit, &rep); ok {
			d.Docs = append(d.Docs, dd)
		}
	}
	p, err := importkit.Build(d, &rep)
	if err != nil {
		return annotation.Project{}, rep, fmt.Errorf("doccano: %w", err)
	}
	return p, rep, nil
}

type numbered struct {
	what string
	obj  map[string]json.RawMessage
}

// decodeLines reads JSON Lines, a JSON array of objects, or JSON values
// over many lines one after the other (a pretty-printed file).
func decodeLines(b []byte) ([]numbered, error) {
	b = bytes.TrimPrefix(b, []byte("\uFEFF"))
	if t := bytes.TrimSpace(b); len(t) > 0 && t[0] == '[' {
		var arr []map[string]json.RawMessage
		if err := json.Unmarshal(t, &arr); err != nil {
			var syn *json.SyntaxError
			if errors.As(err, &syn) {
				err = jsonsyntax.Explain(t)
			}
			return nil, fmt.Errorf("the file is neither JSON Lines nor a JSON list of examples: %w", err)
		}
		out := make([]numbered, len(arr))
		for i, o := range arr {
			out[i] = numbered{fmt.Sprintf("example %d", i+1), o}
		}
		return out, nil
	}
	var out []numbered
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(nil, MaxFileSize)
	for n := 1; sc.Scan(); n++ {
		l := bytes.TrimSpace(sc.Bytes())
		if len(l) == 0 {
			continue
		}
		var o map[string]json.RawMessage
		if err := json.Unmarshal(l, &o); err != nil {
			if len(out) == 0 && l[0] == '{' {
				// The first object goes on past its line: pretty-printed.
				return decodeStream(b)
			}
			return nil, fmt.Errorf("line %d is not a JSON object, so the file is not doccano JSONL: %w", n, err)
		}
		out = append(out, numbered{fmt.Sprintf("line %d", n), o})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading the file: %w", err)
	}
	return out, nil
}

func checkExamples(out []numbered) ([]numbered, error) {
	if len(out) == 0 {
		return nil, errors.New("the file holds no doccano examples")
	}
	for _, o := range out {
		if o.obj == nil || (o.obj["text"] == nil && o.obj["data"] == nil) {
			return nil, fmt.Errorf("%s has no \"text\": it is not a doccano example", o.what)
		}
	}
	return out, nil
}

// ent is an entity as read, before its offsets are converted.
type ent struct {
	id         string
	label      string
	start, end int
	span       text.Span // in code points of the normalised text
	group      int       // index of the entity whose annotation it is a fragment of
}

func readLine(o map[string]json.RawMessage, what string, unit Unit, rep *format.Report) (importkit.Doc, bool) {
	var body string
	if err := json.Unmarshal(o["text"], &body); o["text"] == nil || err != nil {
		if err := json.Unmarshal(o["data"], &body); err != nil {
			rep.Skip("%s: its text is not a string, so it was not imported", what)
			return importkit.Doc{}, false
		}
	}
	dd := importkit.Doc{What: what}
	_ = json.Unmarshal(o["title"], &dd.Title) // optional
	var topic string
	if json.Unmarshal(o["topic"], &topic) == nil && o["topic"] != nil {
		dd.Topic = &topic
	}
	var lineUnit string
	_ = json.Unmarshal(o["offset_unit"], &lineUnit) // optional
	switch {
	case unit != UnitAuto:
	case lineUnit == "codepoint":
		unit = UnitCodePoint
	case lineUnit == "utf-16":
		unit = UnitUTF16
	case lineUnit != "":
		rep.Skip("%s: the offset unit %q is unknown, so the unit was detected", what, lineUnit)
	}
	ents := readEntities(o, what, rep)
	norm, idx := importkit.Normalize(body)
	dd.Text = norm
	x := text.NewIndex(body)
	unit = chooseUnit(x, ents, unit, what, rep)
	var kept []*ent
	for _, e := range ents {
		sp, ok := toCodePoints(x, e.start, e.end, unit)
		if !ok {
			rep.Skip("%s: entity %s (%s) at %d–%d does not fit the text of %d characters, so it was not imported", what, e.id, e.label, e.start, e.end, x.Len())
			continue
		}
		e.span = importkit.MapSpan(idx, sp)
		kept = append(kept, e)
	}
	dd.Spans = spansOf(kept, readRelations(o, what, rep), what, rep)
	return dd, true
}

// readEntities reads "entities" objects, or "label"/"labels" triples.
func readEntities(o map[string]json.RawMessage, what string, rep *format.Report) []*ent {
	var ents []*ent
	if raw := o["entities"]; raw != nil {
		var list []struct {
			ID          any `json:"id"`
			Label       any `json:"label"`
			StartOffset any `json:"start_offset"`
			EndOffset   any `json:"end_offset"`
		}
		if err := json.Unmarshal(raw, &list); err != nil {
			rep.Skip("%s: its entities are not a list of objects, so they were not imported", what)
			return nil
		}
		for i, e := range list {
			s, ok1 := whole(e.StartOffset)
			en, ok2 := whole(e.EndOffset)
			label, _ := e.Label.(string)
			id := idString(e.ID)
			if id == "" {
				id = fmt.Sprintf("#%d", i+1)
			}
			if !ok1 || !ok2 || s < 0 || en < s {
				rep.Skip("%s: entity %s has no valid offsets, so it was not imported", what, id)
				continue
			}
			ents = append(ents, &ent{id: id, label: importkit.LabelID(label), start: s, end: en})
		}
		return ents
	}
	for _, key := range []string{"label", "labels"} {
		raw := o[key]
		if raw == nil {
			continue
		}
		var list [][]any
		if err := json.Unmarshal(raw, &list); err != nil {
			rep.Skip("%s: its %q is not a list of [start, end, label] spans (a text classification example?), so it was not imported", what, key)
			return nil
		}
		for i, t := range list {
			var s, e int
			ok := len(t) == 3
			if ok {
				var ok1, ok2 bool
				s, ok1 = whole(t[0])
				e, ok2 = whole(t[1])
				ok = ok1 && ok2 && s >= 0 && e >= s
			}
			label, isStr := "", false
			if ok {
				label, isStr = t[2].(string)
			}
			if !ok || !isStr {
				rep.Skip("%s: span %d of %q is not [start, end, label], so it was not imported", what, i+1, key)
				continue
			}
			ents = append(ents, &ent{id: fmt.Sprintf("#%d", i+1), label: importkit.LabelID(label), start: s, end: e})
		}
		return ents
	}
	return nil
}

// chooseUnit picks the unit of a line's offsets (see the package
// documentation) and reports a choice the line did not state.
func chooseUnit(x *text.Index, ents []*ent, unit Unit, what string, rep *format.Report) Unit {
	if unit != UnitAuto {
		return unit
	}
	if x.Len() == x.UTF16Len() {
		return UnitCodePoint // the units agree
	}
	fits := func(u Unit) bool {
		for _, e := range ents {
			if _, ok := toCodePoints(x, e.start, e.end, u); !ok {
				return false
			}
		}
		return true
	}
	if !fits(UnitUTF16) && fits(UnitCodePoint) {
		rep.Skip("%s: its offsets only fit the text as code points, so they were read as code points rather than doccano's UTF-16 units", what)
		return UnitCodePoint
	}
	if len(ents) > 0 {
		rep.Skip("%s: its text has characters outside the Basic Multilingual Plane, so its offsets were read as UTF-16 units, as doccano's editor counts them", what)
	}
	return UnitUTF16
}

// toCodePoints converts offsets in unit to a code-point span of x's text.
func toCodePoints(x *text.Index, start, end int, unit Unit) (text.Span, bool) {
	if unit != UnitUTF16 {
		return text.Span{Start: start, End: end}, end <= x.Len()
	}
	if end > x.UTF16Len() {
		return text.Span{}, false
	}
	s, e := x.CodePointAtUTF16(start), x.CodePointAtUTF16(end)
	if x.UTF16Offset(s) != start || x.UTF16Offset(e) != end {
		return text.Span{}, false // inside a surrogate pair
	}
	return text.Span{Start: s, End: e}, true
}
