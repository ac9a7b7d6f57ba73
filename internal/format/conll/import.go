package conll

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"sayso/internal/annotation"
	"sayso/internal/format"
	"sayso/internal/text"
)

// MaxFileSize is the largest input Import accepts, in bytes.
const MaxFileSize = 64 << 20

// maxGap bounds the line breaks a document may have outside its blocks,
// so that a wrong doc_length cannot make a huge text.
const maxGap = 1 << 20

// Import reads a CoNLL file (see the package documentation) into a new
// project with the default schema, plus any label the file uses that it
// lacks. The report lists what could not be read; the error is for a file
// that is not CoNLL at all.
func Import(b []byte) (annotation.Project, format.Report, error) {
	var rep format.Report
	if len(b) > MaxFileSize {
		return annotation.Project{}, rep, fmt.Errorf("the file is %d MB; CoNLL files up to %d MB can be opened", len(b)>>20, MaxFileSize>>20)
	}
	if !utf8.Valid(b) {
		return annotation.Project{}, rep, errors.New("the file is not UTF-8 text, so it is not a CoNLL file Sayso can read")
	}
	pf := parse(string(b), &rep)
	if pf.tokens == 0 && len(pf.docs) == 0 {
		return annotation.Project{}, rep, errors.New("the file has no CoNLL token lines (a token, its tag, separated by tabs or spaces)")
	}
	d := draft{Annotator: pf.annotator}
	for i, pd := range pf.docs {
		d.Docs = append(d.Docs, pd.draft(i+1, &rep))
	}
	p, err := build(d, &rep)
	if err != nil {
		return annotation.Project{}, rep, fmt.Errorf("conll: %w", err)
	}
	return p, rep, nil
}

// parsedFile is a CoNLL file read line by line.
type parsedFile struct {
	annotator string
	docs      []*parsedDoc
	tokens    int
}

type parsedDoc struct {
	id, title string
	topic     *string
	length    int // -1: not given
	blocks    []*block
}

type block struct {
	start int     // -1: not given
	text  *string // nil: not given
	toks  []tok
}

type tok struct {
	form       string
	start, end int // -1: not given
	prefix     byte
	label, id  string
	line       int
}

func parse(s string, rep *format.Report) parsedFile {
	var pf parsedFile
	var doc *parsedDoc
	var blk *block
	newDoc := func(id string) {
		doc = &parsedDoc{id: id, length: -1}
		pf.docs = append(pf.docs, doc)
		blk = nil
	}
	curBlock := func() *block {
		if doc == nil {
			newDoc("")
		}
		if blk == nil {
			blk = &block{start: -1}
			doc.blocks = append(doc.blocks, blk)
		}
		return blk
	}
	s = strings.TrimPrefix(s, "\uFEFF")
	for n, line := range strings.Split(s, "\n") {
		line = strings.TrimSuffix(line, "\r")
		switch {
		case strings.TrimSpace(line) == "":
			blk = nil
		case line == "#" || strings.HasPrefix(line, "# "):
			key, value, _ := strings.Cut(strings.TrimPrefix(line[1:], " "), " =")
			value = strings.TrimPrefix(value, " ")
			if blk != nil && len(blk.toks) > 0 {
				blk = nil // a comment after tokens starts the next block
			}
			switch key {
			case "newdoc id":
				newDoc(value)
			case "annotator":
				pf.annotator = value
			case "offset_unit":
				if value != "codepoint" {
					rep.Skip("line %d: offsets in %q are read as code points, the only unit Sayso's CoNLL writes", n+1, value)
				}
			case "title", "topic", "doc_length":
				if doc == nil {
					newDoc("")
				}
				doc.setField(key, value, n+1, rep)
			case "start":
				if v, err := strconv.Atoi(value); err == nil && v >= 0 {
					curBlock().start = v
				} else {
					rep.Skip("line %d: the block start %q is not a number", n+1, value)
				}
			case "text":
				v := value
				curBlock().text = &v
			}
		default:
			if strings.TrimSpace(line) == "-DOCSTART-" {
				newDoc("")
				continue
			}
			fields := strings.Split(line, "\t")
			if len(fields) == 1 {
				fields = strings.Fields(line)
			}
			t, ok := parseToken(fields, n+1)
			if !ok {
				rep.Skip("line %d is neither a token with a tag nor a comment: %q", n+1, clip(line))
				continue
			}
			if t.form == "-DOCSTART-" && t.start < 0 {
				newDoc("")
				continue
			}
			b := curBlock()
			b.toks = append(b.toks, t)
			pf.tokens++
		}
	}
	return pf
}

func (d *parsedDoc) setField(key, value string, line int, rep *format.Report) {
	switch key {
	case "title":
		d.title = value
	case "topic":
		v := value
		d.topic = &v
	case "doc_length":
		if v, err := strconv.Atoi(value); err == nil && v >= 0 {
			d.length = v
		} else {
			rep.Skip("line %d: the document length %q is not a number", line, value)
		}
	}
}

// parseToken reads a token line: Sayso's five columns, or any line with
// the token first and the tag last.
func parseToken(fields []string, line int) (tok, bool) {
	if len(fields) < 2 || fields[0] == "" {
		return tok{}, false
	}
	t := tok{form: fields[0], start: -1, end: -1, line: line}
	tag := fields[len(fields)-1]
	if len(fields) >= 5 {
		s, err1 := strconv.Atoi(fields[1])
		e, err2 := strconv.Atoi(fields[2])
		if err1 == nil && err2 == nil && s >= 0 && e >= s {
			t.start, t.end, tag = s, e, fields[3]
			if fields[4] != "_" {
				t.id = fields[4]
			}
		}
	}
	t.prefix, t.label = splitTag(tag)
	if t.prefix != 'O' && t.label == "" {
		return tok{}, false
	}
	if t.prefix == 'I' && t.label == tag && !bareTag(tag) {
		return tok{}, false // not a tag: a line of some other text
	}
	return t, true
}

// bareTag reports whether tag can be a label written without a B- or I-
// prefix (the IO scheme): letters, digits, marks and _ - . : / only.
func bareTag(tag string) bool {
	for _, r := range tag {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !unicode.IsMark(r) && !strings.ContainsRune("_-.:/", r) {
			return false
		}
	}
	return true
}

// splitTag returns 'B', 'I' or 'O' and the label of a tag: B-X and S-X
// begin a span, I-X and E-X continue one, a bare X continues one (the IO
// scheme), and O, _ and - are outside.
func splitTag(tag string) (byte, string) {
	switch tag {
	case "O", "_", "-", "":
		return 'O', ""
	}
	if len(tag) > 2 && tag[1] == '-' {
		switch tag[0] {
		case 'B', 'S':
			return 'B', tag[2:]
		case 'I', 'E':
			return 'I', tag[2:]
		}
	}
	return 'I', tag
}

// draft turns a parsed document into a draft: its text, rebuilt exactly
// when every block has its start and text, and its spans.
func (d *parsedDoc) draft(n int, rep *format.Report) draftDoc {
	what := fmt.Sprintf("document %d", n)
	if d.id != "" {
		what = fmt.Sprintf("document %s", d.id)
	}
	body, ok := d.exactText(what, rep)
	if !ok {
		body = d.rebuiltText(what, rep)
	}
	dd := draftDoc{What: what, Title: d.title, Topic: d.topic, Text: body}
	d.spans(&dd, rep)
	return dd
}

// exactText lays each block's text at its start in a text of doc_length
// line breaks. It fails when a block lacks its start or text or they do
// not fit.
func (d *parsedDoc) exactText(what string, rep *format.Report) (string, bool) {
	end, written := 0, 0
	for _, b := range d.blocks {
		if b.start < 0 || b.text == nil {
			return "", false
		}
		if b.start < end {
			rep.Skip("%s: its blocks overlap or are out of order, so offsets were not used and its text was rebuilt", what)
			return "", false
		}
		n := utf8.RuneCountInString(*b.text)
		end = b.start + n
		written += n
	}
	length := max(d.length, end)
	if length-written > maxGap {
		rep.Skip("%s: its length %d leaves more than %d characters outside its blocks, so offsets were not used and its text was rebuilt", what, d.length, maxGap)
		return "", false
	}
	buf := make([]rune, 0, length)
	for _, b := range d.blocks {
		for len(buf) < b.start {
			buf = append(buf, '\n')
		}
		buf = append(buf, []rune(*b.text)...)
	}
	for len(buf) < length {
		buf = append(buf, '\n')
	}
	return string(buf), true
}

// rebuiltText joins the blocks with line breaks: each block's "# text" or
// else its tokens joined by spaces. It sets each block's start and forgets
// token offsets, which are found again in the block's text.
func (d *parsedDoc) rebuiltText(what string, rep *format.Report) string {
	var b strings.Builder
	joined := false
	for i, blk := range d.blocks {
		if i > 0 {
			b.WriteByte('\n')
		}
		blk.start = utf8.RuneCountInString(b.String())
		if blk.text == nil {
			forms := make([]string, len(blk.toks))
			for j, t := range blk.toks {
				forms[j] = t.form
			}
			v := strings.Join(forms, " ")
			blk.text = &v
			joined = joined || len(blk.toks) > 0
		}
		b.WriteString(*blk.text)
		for j := range blk.toks {
			blk.toks[j].start, blk.toks[j].end = -1, -1
		}
	}
	if joined {
		rep.Skip("%s has no offsets, so its text was rebuilt: tokens joined by spaces and blocks by line breaks", what)
	}
	return b.String()
}

// spans turns the tags of d's tokens into span annotations of dd.
func (d *parsedDoc) spans(dd *draftDoc, rep *format.Report) {
	x := text.NewIndex(dd.Text)
	byID := map[string]int{} // annotation id → index in dd.Spans
	var ids []string         // the annotation id of each span, "" if none
	run := -1                // the span the token before belongs to
	for _, b := range d.blocks {
		cursor := b.start
		blockEnd := b.start + utf8.RuneCountInString(*b.text)
		for _, t := range b.toks {
			start, end, ok := t.start, t.end, t.start >= 0
			if !ok {
				start, ok = find(x, t.form, cursor, blockEnd)
				end = start + utf8.RuneCountInString(t.form)
			}
			if !ok || x.Slice(start, end) != t.form {
				rep.Skip("line %d: the token %q is not in the text where it should be, so its tag %s was not used", t.line, clip(t.form), tagString(t))
				run = -1
				continue
			}
			cursor = end
			if t.prefix == 'O' {
				run = -1
				continue
			}
			label := labelID(t.label)
			if t.prefix == 'I' && run >= 0 && dd.Spans[run].Label == label && ids[run] == t.id {
				fs := dd.Spans[run].Frags
				fs[len(fs)-1].End = end
				continue
			}
			if i, seen := byID[t.id]; seen && dd.Spans[i].Label == label {
				dd.Spans[i].Frags = append(dd.Spans[i].Frags, text.Span{Start: start, End: end})
				run = i
				continue
			}
			sp := draftSpan{Label: label, Frags: []text.Span{{Start: start, End: end}}, Mention: -1, Cue: -1}
			sp.What = fmt.Sprintf("the %s starting on line %d", t.label, t.line)
			if t.id != "" {
				sp.What = fmt.Sprintf("annotation %s (%s, line %d)", t.id, t.label, t.line)
				if _, seen := byID[t.id]; !seen {
					byID[t.id] = len(dd.Spans)
				}
			}
			run = len(dd.Spans)
			dd.Spans = append(dd.Spans, sp)
			ids = append(ids, t.id)
		}
	}
}

// find locates form in the text between code points from and to.
func find(x *text.Index, form string, from, to int) (int, bool) {
	hay := x.Slice(from, to)
	i := strings.Index(hay, form)
	if i < 0 {
		return 0, false
	}
	return from + utf8.RuneCountInString(hay[:i]), true
}

func tagString(t tok) string {
	if t.prefix == 'O' {
		return "O"
	}
	return string(t.prefix) + "-" + t.label
}

// clip shortens s for a message.
func clip(s string) string {
	r := []rune(s)
	if len(r) <= 60 {
		return s
	}
	return string(r[:57]) + "…"
}
