package citron

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"path"
	"sort"
	"strings"

	"sayso/internal/annotation"
	"sayso/internal/format"
	"sayso/internal/format/importkit"
	"sayso/internal/format/jsonsyntax"
	"sayso/internal/text"
)

// MaxFileSize is the largest input Import accepts, in bytes, and the most
// it unpacks from a zip archive.
const MaxFileSize = 64 << 20

// Import reads Citron JSON (see the package documentation) into a new
// project. The report lists what could not be mapped; the error is for a
// file that is not Citron JSON at all.
func Import(b []byte) (annotation.Project, format.Report, error) {
	var rep format.Report
	if len(b) > MaxFileSize {
		return annotation.Project{}, rep, fmt.Errorf("the file is %d MB; Citron files up to %d MB can be opened", len(b)>>20, MaxFileSize>>20)
	}
	docs, err := decode(b)
	if err != nil {
		return annotation.Project{}, rep, err
	}
	d := importkit.Draft{}
	for _, nd := range docs {
		if dd, ok := readDocument(nd.obj, nd.what, &rep); ok {
			d.Docs = append(d.Docs, dd)
		}
	}
	p, err := importkit.Build(d, &rep)
	if err != nil {
		return annotation.Project{}, rep, fmt.Errorf("citron: %w", err)
	}
	return p, rep, nil
}

type named struct {
	what string
	obj  json.RawMessage
}

// decode returns the documents of a JSON object, a JSON list or a zip
// archive of JSON files.
func decode(b []byte) ([]named, error) {
	if bytes.HasPrefix(b, []byte("PK\x03\x04")) {
		return unzip(b)
	}
	b = bytes.TrimSpace(bytes.TrimPrefix(b, []byte("\uFEFF")))
	if len(b) > 0 && b[0] == '[' {
		var list []json.RawMessage
		if err := json.Unmarshal(b, &list); err != nil {
			var syn *json.SyntaxError
			if errors.As(err, &syn) {
				err = jsonsyntax.Explain(b)
			}
			return nil, fmt.Errorf("the file is not a JSON list of Citron documents: %w", err)
		}
		if len(list) == 0 {
			return nil, errors.New("the file holds no Citron documents")
		}
		out := make([]named, len(list))
		for i, o := range list {
			out[i] = named{fmt.Sprintf("document %d", i+1), o}
		}
		return out, nil
	}
	if len(b) > 0 && b[0] == '{' && !json.Valid(b) {
		return nil, fmt.Errorf("the file is not a Citron JSON object: %w", jsonsyntax.Explain(b))
	}
	if !json.Valid(b) || len(b) == 0 || b[0] != '{' {
		return nil, errors.New("the file is not a Citron JSON object, a list of them or a zip archive of them")
	}
	return []named{{"the document", b}}, nil
}

// unzip reads the .json files of an archive in name order, at most
// MaxFileSize bytes in all.
func unzip(b []byte) ([]named, error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, fmt.Errorf("the zip archive cannot be read: %w", err)
	}
	files := append([]*zip.File(nil), zr.File...)
	sort.Slice(files, func(i, j int) bool { return files[i].Name < files[j].Name })
	var out []named
	budget := int64(MaxFileSize)
	for _, f := range files {
		if !strings.EqualFold(path.Ext(f.Name), ".json") || f.FileInfo().IsDir() {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, fmt.Errorf("%s in the archive cannot be read: %w", f.Name, err)
		}
		data, err := io.ReadAll(io.LimitReader(rc, budget+1))
		rc.Close()
		if err != nil {
			return nil, fmt.Errorf("%s in the archive cannot be read: %w", f.Name, err)
		}
		budget -= int64(len(data))
		if budget < 0 {
			return nil, fmt.Errorf("the archive unpacks to more than %d MB", MaxFileSize>>20)
		}
		out = append(out, named{f.Name, data})
	}
	if len(out) == 0 {
		return nil, errors.New("the zip archive holds no .json files")
	}
	return out, nil
}

// jspan is a span as read.
type jspan struct {
	Start, End any
	Text       *string
}

type jquote struct {
	Cue          *jspan  `json:"cue"`
	Sources      []jspan `json:"sources"`
	Contents     []jspan `json:"contents"`
	Coreferences []jspan `json:"coreferences"`
	Confidence   any     `json:"confidence"`
	ID           any     `json:"id"`
}

type jdoc struct {
	Text              *string   `json:"text"`
	Title             string    `json:"title"`
	Quotes            []jquote  `json:"quotes"`
	CoreferenceGroups [][]jspan `json:"coreference_groups"`
}

// reader turns one document's spans into importkit.Draft spans, sharing cues and
// mentions that several quotes name.
type reader struct {
	what    string
	raw     *text.Index
	idx     []int
	rep     *format.Report
	dd      importkit.Doc
	byKey   map[string]int // label and span → index in dd.Spans
	parent  map[int]int    // union-find over mention indices
	grouped map[int]bool   // mentions in a coreference group or tied to another
	utf16   bool
}

func readDocument(raw json.RawMessage, what string, rep *format.Report) (importkit.Doc, bool) {
	var jd jdoc
	if err := json.Unmarshal(raw, &jd); err != nil {
		rep.Skip("%s is not a Citron document (%v), so it was not imported", what, err)
		return importkit.Doc{}, false
	}
	if jd.Text == nil {
		rep.Skip("%s has no \"text\" (Citron's extract output leaves it out), so its %d quotes cannot be placed and it was not imported", what, len(jd.Quotes))
		return importkit.Doc{}, false
	}
	norm, idx := importkit.Normalize(*jd.Text)
	r := &reader{
		what: what, raw: text.NewIndex(*jd.Text), idx: idx, rep: rep,
		dd:    importkit.Doc{What: what, Title: jd.Title, Text: norm},
		byKey: map[string]int{}, parent: map[int]int{}, grouped: map[int]bool{},
	}
	confidences := 0
	for i, q := range jd.Quotes {
		r.quote(q, i+1)
		if q.Confidence != nil {
			confidences++
		}
	}
	for _, g := range jd.CoreferenceGroups {
		first := -1
		for _, s := range g {
			m := r.span(annotation.LabelSpeaker, s, "a coreference group member")
			if m < 0 {
				continue
			}
			r.grouped[m] = true
			if first < 0 {
				first = m
			}
			r.union(first, m)
		}
	}
	r.entities()
	if confidences > 0 {
		rep.Skip("%s: the confidence scores of %d quotes were not kept", what, confidences)
	}
	if r.utf16 {
		rep.Skip("%s: some offsets count UTF-16 units rather than code points; they were converted", what)
	}
	return r.dd, true
}

// quote reads one quote into a claim linked to its cue and first source.
func (r *reader) quote(q jquote, n int) {
	what := fmt.Sprintf("quote %d of %s", n, r.what)
	if id := fmt.Sprint(q.ID); q.ID != nil && id != "" {
		what = fmt.Sprintf("quote %s of %s", id, r.what)
	}
	var frags []text.Span
	for _, c := range q.Contents {
		if sp, ok := r.place(c, what+", content"); ok {
			frags = append(frags, sp)
		}
	}
	if len(frags) == 0 {
		r.rep.Skip("%s has no content that fits the text, so it was not imported", what)
		return
	}
	claim := len(r.dd.Spans)
	r.dd.Spans = append(r.dd.Spans, importkit.Span{What: what, Label: annotation.LabelClaim, Frags: frags, Mention: -1, Cue: -1})
	if q.Cue != nil {
		r.dd.Spans[claim].Cue = r.span(annotation.LabelCue, *q.Cue, what+", cue")
	} else {
		r.rep.Skip("%s has no cue", what)
	}
	first := -1
	for _, s := range append(append([]jspan(nil), q.Sources...), q.Coreferences...) {
		m := r.span(annotation.LabelSpeaker, s, what+", source")
		if m < 0 {
			continue
		}
		if first < 0 {
			first = m
			r.dd.Spans[claim].Mention = m
			continue
		}
		r.grouped[first], r.grouped[m] = true, true
		r.union(first, m)
	}
}

// span returns the index of the importkit.Draft span of label over s, adding it the
// first time, or -1 if s does not fit the text.
func (r *reader) span(label string, s jspan, what string) int {
	sp, ok := r.place(s, what)
	if !ok {
		return -1
	}
	key := fmt.Sprintf("%s %d %d", label, sp.Start, sp.End)
	if i, seen := r.byKey[key]; seen {
		return i
	}
	i := len(r.dd.Spans)
	r.byKey[key] = i
	r.dd.Spans = append(r.dd.Spans, importkit.Span{What: fmt.Sprintf("the %s %q of %s", label, clip(r.raw.Slice(sp.Start, sp.End)), r.what), Label: label, Frags: []text.Span{sp}, Mention: -1, Cue: -1})
	if label == annotation.LabelSpeaker {
		r.parent[i] = i
	}
	return i
}

// place converts a span's offsets to a span of the normalised text.
func (r *reader) place(s jspan, what string) (text.Span, bool) {
	start, ok1 := whole(s.Start)
	end, ok2 := whole(s.End)
	if !ok1 || !ok2 || start < 0 || end < start {
		r.rep.Skip("%s has no valid offsets, so it was not imported", what)
		return text.Span{}, false
	}
	x := r.raw
	if s.Text == nil || end <= x.Len() && x.Slice(start, end) == *s.Text {
		if end > x.Len() {
			r.rep.Skip("%s at %d–%d lies outside the text of %d characters, so it was not imported", what, start, end, x.Len())
			return text.Span{}, false
		}
		return importkit.MapSpan(r.idx, text.Span{Start: start, End: end}), true
	}
	if end <= x.UTF16Len() {
		cs, ce := x.CodePointAtUTF16(start), x.CodePointAtUTF16(end)
		if x.UTF16Offset(cs) == start && x.UTF16Offset(ce) == end && x.Slice(cs, ce) == *s.Text {
			r.utf16 = true
			return importkit.MapSpan(r.idx, text.Span{Start: cs, End: ce}), true
		}
	}
	r.rep.Skip("%s says %q but the text at %d–%d reads %q, so it was not imported", what, clip(*s.Text), start, end, clip(x.Slice(start, end)))
	return text.Span{}, false
}

func (r *reader) find(i int) int {
	for r.parent[i] != i {
		i = r.parent[i]
	}
	return i
}

func (r *reader) union(a, b int) {
	a, b = r.find(a), r.find(b)
	r.parent[max(a, b)] = min(a, b)
}

// entities gives the mentions that coreference ties together one entity
// key per group; the others are left to the store's proposal.
func (r *reader) entities() {
	for i := range r.dd.Spans {
		if r.dd.Spans[i].Label == annotation.LabelSpeaker && r.grouped[i] {
			r.dd.Spans[i].Entity = fmt.Sprintf("%s/%d", r.what, r.find(i))
		}
	}
}

// whole reads a JSON number that is a whole number.
func whole(v any) (int, bool) {
	f, ok := v.(float64)
	if !ok || f != math.Trunc(f) || math.Abs(f) > 1<<40 {
		return 0, false
	}
	return int(f), true
}
