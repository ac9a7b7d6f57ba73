package app

import (
	"html"
	"strings"
)

// InstructionsHTML renders an exercise's instructions: plain text with
// simple formatting. A blank line starts a paragraph; lines starting with
// "- " or "* " are a bulleted list, "1. " a numbered one; **text** is bold
// and _text_ is emphasis. Everything else is text, escaped.
func InstructionsHTML(src string) string {
	var b strings.Builder
	var para []string
	list := "" // "ul" or "ol" while in a list
	flushPara := func() {
		if len(para) > 0 {
			b.WriteString("<p>" + inline(strings.Join(para, " ")) + "</p>")
			para = nil
		}
	}
	closeList := func() {
		if list != "" {
			b.WriteString("</" + list + ">")
			list = ""
		}
	}
	for _, line := range strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n") {
		t := strings.TrimSpace(line)
		kind, item := listItem(t)
		switch {
		case t == "":
			flushPara()
			closeList()
		case kind != "":
			flushPara()
			if list != kind {
				closeList()
				b.WriteString("<" + kind + ">")
				list = kind
			}
			b.WriteString("<li>" + inline(item) + "</li>")
		default:
			closeList()
			para = append(para, t)
		}
	}
	flushPara()
	closeList()
	return b.String()
}

// listItem tells a list line: "ul" or "ol" and the item's text.
func listItem(t string) (kind, item string) {
	if strings.HasPrefix(t, "- ") || strings.HasPrefix(t, "* ") {
		return "ul", strings.TrimSpace(t[2:])
	}
	digits := 0
	for digits < len(t) && t[digits] >= '0' && t[digits] <= '9' {
		digits++
	}
	if digits > 0 && digits < 4 && strings.HasPrefix(t[digits:], ". ") {
		return "ol", strings.TrimSpace(t[digits+2:])
	}
	return "", ""
}

// inline escapes s and turns **bold** and _emphasis_ pairs into tags.
func inline(s string) string {
	s = html.EscapeString(s)
	s = pairs(s, "**", "<b>", "</b>")
	return pairs(s, "_", "<em>", "</em>")
}

// pairs replaces each matched pair of marks around text with open and
// close; an unmatched mark stays as it is.
func pairs(s, mark, open, close string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, mark)
		if i < 0 {
			break
		}
		j := strings.Index(s[i+len(mark):], mark)
		if j <= 0 {
			break
		}
		b.WriteString(s[:i] + open + s[i+len(mark):i+len(mark)+j] + close)
		s = s[i+len(mark)+j+len(mark):]
	}
	b.WriteString(s)
	return b.String()
}
