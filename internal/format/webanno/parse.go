package webanno

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf16"
)

// What a TSV file declares and holds, before it is mapped to Sayso's
// model. Offsets are UTF-16 code units, as in the file.

type layerKind int

const (
	spanLayer layerKind = iota
	relationLayer
	chainLayer
)

func (k layerKind) String() string {
	return [...]string{"span", "relation", "chain"}[k]
}

type colKind int

const (
	colFeature     colKind = iota // a primitive feature
	colPlaceholder                // a layer without features
	colSlotRole                   // ROLE_…: the roles of a slot feature
	colSlotTarget                 // the targets of a slot feature
	colRelRef                     // BT_…: a relation's source
)

type column struct {
	layer   int
	feature string
	kind    colKind
}

type layer struct {
	kind     layerKind
	name     string
	features []string // primitive features, in order
	base     string   // a relation layer's BT_ type
	line     int
}

// short is the layer's name after its package: "Attribution".
func (l layer) short() string {
	return l.name[strings.LastIndexByte(l.name, '.')+1:]
}

// spanAnn is a span annotation read.
type spanAnn struct {
	layer      int
	begin, end int
	feats      map[string]string
	line       int // where it starts
}

// ref names a span annotation by the unit it starts on and its
// disambiguation id (0 if none).
type ref struct {
	unit     string
	disambig int
}

// relAnn is a relation annotation read: from source to target.
type relAnn struct {
	layer          int
	feats          map[string]string
	source, target ref
	line           int
}

type unitKey struct {
	layer int
	unit  string
}

// tsvUnit is a token or sub-token line.
type tsvUnit struct {
	id         string
	begin, end int
	text       string
	line       int
}

// file is a parsed TSV file.
type file struct {
	minor  int
	pad    int // how many more spaces gaps between sentences may add
	layers []layer
	cols   []column
	text   []uint16 // the document text rebuilt from the #Text lines
	units  []tsvUnit
	spans  []*spanAnn
	rels   []*relAnn
	onUnit map[unitKey][]*spanAnn // span annotations on each unit, in stacking order
	byID   map[[2]int]*spanAnn    // span annotations by layer and disambiguation id
	chains map[int]int            // chain values per layer
	slots  map[int]int            // slot feature values per layer
}

// ParseError is a file that cannot be read as WebAnno TSV, with the line
// where reading stopped.
type ParseError struct {
	Line int
	Msg  string
}

func (e *ParseError) Error() string {
	if e.Line == 0 {
		return e.Msg
	}
	return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
}

func failf(line int, format string, args ...any) error {
	return &ParseError{Line: line, Msg: fmt.Sprintf(format, args...)}
}

var (
	formatLine = regexp.MustCompile(`^#FORMAT=(.*) (\d+)\.(\d+)$`)
	unitID     = regexp.MustCompile(`^\d+-\d+(\.\d+)?$`)
)

// parse reads a TSV file. The error is a *ParseError.
func parse(src string) (*file, error) {
	src = strings.TrimPrefix(src, "\uFEFF")
	lines := strings.Split(src, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	f := &file{pad: len(src) + 1<<16, onUnit: map[unitKey][]*spanAnn{}, byID: map[[2]int]*spanAnn{}, chains: map[int]int{}, slots: map[int]int{}}
	m := formatLine.FindStringSubmatch(lines[0])
	if m == nil {
		return nil, failf(1, "the file does not start with “#FORMAT=WebAnno TSV 3.3”, so it is not WebAnno TSV")
	}
	major, _ := strconv.Atoi(m[2])
	f.minor, _ = strconv.Atoi(m[3])
	if m[1] != "WebAnno TSV" || major != 3 {
		return nil, failf(1, "the file is %s %s.%s; Sayso reads WebAnno TSV 3 (export “WebAnno TSV 3.3” from INCEpTION or WebAnno)", m[1], m[2], m[3])
	}
	n := 1
	for ; n < len(lines) && lines[n] != ""; n++ {
		if err := f.declare(lines[n], n+1); err != nil {
			return nil, err
		}
	}
	if err := f.body(lines[n:], n+1); err != nil {
		return nil, err
	}
	return f, nil
}

// declare reads a layer declaration.
func (f *file) declare(line string, no int) error {
	kinds := map[string]layerKind{"#T_SP=": spanLayer, "#T_RL=": relationLayer, "#T_CH=": chainLayer}
	kind, ok := kinds[line[:min(len(line), 6)]]
	if !ok {
		return failf(no, "expected a layer declaration (#T_SP=, #T_RL= or #T_CH=) or the blank line that ends the header, not %q", clip(line))
	}
	fields := strings.Split(line[6:], "|")
	if fields[0] == "" {
		return failf(no, "the layer declaration has no type name")
	}
	l := layer{kind: kind, name: fields[0], line: no}
	li := len(f.layers)
	for i, fd := range fields[1:] {
		c := column{layer: li, feature: fd, kind: colFeature}
		switch {
		case kind == spanLayer && strings.HasPrefix(fd, "ROLE_"):
			c.kind = colSlotRole
		case kind == spanLayer && i > 0 && f.cols[len(f.cols)-1].kind == colSlotRole:
			c.kind = colSlotTarget
		case kind == relationLayer && strings.HasPrefix(fd, "BT_"):
			c.kind = colRelRef
			l.base = strings.TrimPrefix(fd, "BT_")
		case fd == "":
			return failf(no, "layer %s has an empty feature name", l.name)
		default:
			l.features = append(l.features, fd)
		}
		f.cols = append(f.cols, c)
	}
	if len(fields) == 1 {
		f.cols = append(f.cols, column{layer: li, kind: colPlaceholder})
	}
	if kind == relationLayer && l.base == "" {
		return failf(no, "relation layer %s has no BT_ column naming the layer it joins", l.name)
	}
	f.layers = append(f.layers, l)
	return nil
}

// body reads the sentences; first is the line number of lines[0].
func (f *file) body(lines []string, first int) error {
	const (
		between = iota // after a blank line
		header         // in a sentence's # lines
		tokens         // in its token lines
	)
	state := between
	var pending []uint16 // the text of the sentence whose header is being read
	var token string     // id of the last token
	stacks := map[int][]*spanAnn{}
	rels := map[int][]*relAnn{}
	for i, line := range lines {
		no := first + i
		switch {
		case line == "" && state == header:
			return failf(no, "the sentence before this line has no tokens")
		case line == "":
			state = between
			continue
		case strings.HasPrefix(line, "#") && state != tokens:
			state = header
			if t, ok := strings.CutPrefix(line, "#Text="); ok {
				pending = append(pending, utf16.Encode([]rune(unescapeText(t, f.minor)+"\n"))...)
			}
			continue
		case strings.HasPrefix(line, "#Text="):
			return failf(no, "a blank line must end the sentence before this one")
		case state == between:
			return failf(no, "expected a sentence (“#Text=…”) before the token line %q", clip(line))
		}
		fields := strings.Split(line, "\t")
		if len(fields) < 3+len(f.cols) {
			return failf(no, "expected %d columns separated by tabs (id, offsets, token and %d annotation columns), found %d", 3+len(f.cols), len(f.cols), len(fields))
		}
		u, err := readUnit(fields, no)
		if err != nil {
			return err
		}
		sub := strings.Contains(u.id, ".")
		if state == header {
			if sub {
				return failf(no, "a sentence starts with the sub-token %s, not a token", u.id)
			}
			if err := f.startSentence(pending, u.begin, no); err != nil {
				return err
			}
			pending = pending[:0]
			state = tokens
		}
		if sub && !strings.HasPrefix(u.id, token+".") {
			return failf(no, "the sub-token %s does not follow its token", u.id)
		}
		if !sub {
			token = u.id
		}
		f.units = append(f.units, u)
		clear(stacks)
		clear(rels)
		for ci, c := range f.cols {
			if err := f.cell(c, fields[3+ci], u, stacks, rels); err != nil {
				return failf(no, "column %d (%s): %v", 4+ci, f.layers[c.layer].name, err)
			}
		}
	}
	if state == header {
		return failf(first+len(lines)-1, "the sentence before this line has no tokens")
	}
	if n := len(f.text); n > 0 && f.text[n-1] == '\n' {
		f.text = f.text[:n-1] // the line break that ends the last #Text line
	}
	return nil
}

func readUnit(fields []string, no int) (tsvUnit, error) {
	u := tsvUnit{id: fields[0], text: fields[2], line: no}
	if !unitID.MatchString(u.id) {
		return u, failf(no, "%q is not a token id (sentence-token, like 1-3, or 1-3.1 for a sub-token)", clip(u.id))
	}
	b, e, ok := strings.Cut(fields[1], "-")
	var err1, err2 error
	u.begin, err1 = strconv.Atoi(b)
	u.end, err2 = strconv.Atoi(e)
	if !ok || err1 != nil || err2 != nil || u.begin < 0 || u.end < u.begin {
		return u, failf(no, "%q is not a pair of offsets begin-end", clip(fields[1]))
	}
	return u, nil
}

// startSentence adds a sentence's text where its first token begins, as
// INCEpTION does: the line break after the text before it is dropped when
// the sentence follows at once, and spaces fill a gap.
func (f *file) startSentence(text []uint16, begin, no int) error {
	n := len(f.text)
	switch {
	case n == begin+1 && f.text[n-1] == '\n':
		f.text = f.text[:n-1]
	case n > begin:
		return failf(no, "the sentence starts at offset %d, inside the text before it, which ends at %d", begin, n-1)
	}
	if gap := begin - len(f.text); gap > f.pad {
		return failf(no, "the sentence starts at offset %d, %d characters after the text before it: a gap that large is not in a WebAnno TSV file", begin, gap)
	} else if gap > 0 {
		f.pad -= gap
	}
	for len(f.text) < begin {
		f.text = append(f.text, ' ')
	}
	f.text = append(f.text, text...)
	return nil
}

// cell reads one annotation column of a unit's line.
func (f *file) cell(c column, raw string, u tsvUnit, stacks map[int][]*spanAnn, rels map[int][]*relAnn) error {
	if raw == "_" || raw == "" {
		return nil
	}
	l := f.layers[c.layer]
	switch {
	case l.kind == chainLayer:
		if c.kind == colFeature && c.feature == l.features[0] {
			f.chains[c.layer] += len(splitStack(raw))
		}
		return nil
	case c.kind == colSlotRole:
		if raw != "*" {
			f.slots[c.layer] += strings.Count(raw, ";") + 1
		}
		return nil
	case c.kind == colSlotTarget:
		return nil
	}
	for idx, v := range splitStack(raw) {
		if l.kind == relationLayer {
			if err := f.relationValue(c, idx, v, u, rels); err != nil {
				return err
			}
			continue
		}
		val, suffix, has := cutSuffix(v)
		id := 0
		if has {
			n, err := strconv.Atoi(suffix)
			if err != nil || n <= 0 {
				return fmt.Errorf("[%s] is not a disambiguation id", suffix)
			}
			id = n
		}
		st := stacks[c.layer]
		var a *spanAnn
		if idx < len(st) {
			a = st[idx]
		}
		if a == nil && id > 0 {
			if a = f.byID[[2]int{c.layer, id}]; a != nil {
				a.begin, a.end = min(a.begin, u.begin), max(a.end, u.end)
			}
		}
		if a == nil {
			a = &spanAnn{layer: c.layer, begin: u.begin, end: u.end, feats: map[string]string{}, line: u.line}
			f.spans = append(f.spans, a)
		}
		if idx >= len(st) {
			st = append(st, make([]*spanAnn, idx+1-len(st))...)
			stacks[c.layer] = st
		}
		if st[idx] == nil {
			st[idx] = a
			k := unitKey{c.layer, u.id}
			f.onUnit[k] = append(f.onUnit[k], a)
		}
		if id > 0 {
			f.byID[[2]int{c.layer, id}] = a
		}
		if c.kind == colFeature && val != "*" {
			a.feats[c.feature] = unescapeValue(val)
		}
	}
	return nil
}

func (f *file) relationValue(c column, idx int, v string, u tsvUnit, rels map[int][]*relAnn) error {
	rs := rels[c.layer]
	for len(rs) <= idx {
		r := &relAnn{layer: c.layer, feats: map[string]string{}, target: ref{unit: u.id}, line: u.line}
		f.rels = append(f.rels, r)
		rs = append(rs, r)
	}
	rels[c.layer] = rs
	r := rs[idx]
	if c.kind != colRelRef {
		if v != "*" {
			r.feats[c.feature] = unescapeValue(v)
		}
		return nil
	}
	src, suffix, has := cutSuffix(v)
	if !unitID.MatchString(src) {
		return fmt.Errorf("%q is not the token id of a relation's source", clip(v))
	}
	r.source.unit = src
	if has {
		a, b, ok := strings.Cut(suffix, "_")
		s, err1 := strconv.Atoi(a)
		t, err2 := strconv.Atoi(b)
		if !ok || err1 != nil || err2 != nil || s < 0 || t < 0 {
			return fmt.Errorf("[%s] is not a pair of disambiguation ids like [1_2]", suffix)
		}
		r.source.disambig, r.target.disambig = s, t
	}
	return nil
}

// clip shortens s for a message.
func clip(s string) string {
	r := []rune(s)
	if len(r) > 60 {
		return string(r[:59]) + "…"
	}
	return s
}
