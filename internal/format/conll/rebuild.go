package conll

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"sayso/internal/format"
	"sayso/internal/format/importkit"
	"sayso/internal/text"
)

// importkit.Draft turns a parsed document into a draft: its text, rebuilt exactly
// when every block has its start and text, and its spans.
func (d *parsedDoc) draft(n int, rep *format.Report) importkit.Doc {
	what := fmt.Sprintf("document %d", n)
	if d.id != "" {
		what = fmt.Sprintf("document %s", d.id)
	}
	body, ok := d.exactText(what, rep)
	if !ok {
		body = d.rebuiltText(what, rep)
	}
	dd := importkit.Doc{What: what, Title: d.title, Topic: d.topic, Text: body}
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
func (d *parsedDoc) spans(dd *importkit.Doc, rep *format.Report) {
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
			label := importkit.LabelID(t.label)
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
			sp := importkit.Span{Label: label, Frags: []text.Span{{Start: start, End: end}}, Mention: -1, Cue: -1}
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

// clip shortens s for a message to at most 60 characters. It looks at
// those first characters only: a line of a 64 MB file that is not CoNLL
// may be the whole file.
func clip(s string) string {
	n, cut := 0, 0
	for i := range s {
		if n == 57 {
			cut = i
		}
		if n == 60 {
			return s[:cut] + "…"
		}
		n++
	}
	return s
}
