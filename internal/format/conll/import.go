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
	"sayso/internal/format/importkit"
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
	d := importkit.Draft{Annotator: pf.annotator}
	for i, pd := range pf.docs {
		d.Docs = append(d.Docs, pd.draft(i+1, &rep))
	}
	p, err := importkit.Build(d, &rep)
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
