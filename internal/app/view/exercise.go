package view

import (
	"strings"

	"sayso/internal/annotation"
	"sayso/internal/app"
	"sayso/internal/wording"
)

// Exercise renders the teacher's exercise panel.
func Exercise(st *app.State) HTML {
	var b Builder
	b.Markup(`<p class="hint">Students get the chosen documents, the labels and stances and these instructions, never your annotations: those are the answer key, exported apart.</p>`)
	b.Printf(`<label class="field">Title<input type="text" data-field="%s" value="%s" maxlength="200"></label>`, FieldExerciseTitle, st.Draft.Title)
	b.Printf(`<label class="field">Instructions (a blank line starts a paragraph; lines starting with “- ” are a list; **bold**, _emphasis_)<textarea data-field="%s" rows="5" maxlength="20000">%s</textarea></label>`, FieldExerciseInstructions, st.Draft.Instructions)
	b.Markup(`<fieldset class="docs-choice"><legend>Documents</legend>`)
	for _, d := range st.Store.Documents() {
		b.Printf(`<label class="check"><input type="checkbox" data-field="%s" data-doc="%s"%s> %s <span class="count">(your key: %s)</span></label>`,
			FieldExerciseDoc, d.ID, attrIf(!st.Draft.Left[d.ID], " checked"), wording.Clip(d.Title, 80), wording.Count(st.Store.AnnotationCount(d.ID), "annotation"))
	}
	b.Markup(`</fieldset>`)
	exerciseSuggestChoice(&b, st)
	b.Put(ExerciseHandIn(st))
	b.Printf(`<div class="row">`+
		`<button type="button" class="primary" data-action="%s">Exercise file (.sayso-exercise.json)</button>`+
		`<button type="button" data-action="%s">Offline page (.html)</button>`+
		`<button type="button" data-action="%s">Answer key (.sayso.json)</button></div>`,
		ActExerciseFile, ActExercisePage, ActExerciseKey)
	return b.HTML()
}

// InstructionsPanel shows a student the exercise's title and instructions
// above the text; it is empty outside an exercise.
func InstructionsPanel(st *app.State) HTML {
	e := st.Store.Exercise()
	if e.ID == "" || e.Role == annotation.RoleKey || st.Doc == "" {
		return HTML{}
	}
	who := st.Store.Annotator()
	if who == "" {
		who = "no name yet"
	}
	var b Builder
	b.Printf(`<div class="ex-head"><b>Exercise:</b> %s <span class="count">(%s)</span></div>%s`, e.Title, who, Instructions(e.Instructions))
	return b.HTML()
}

// Instructions renders an exercise's instructions: plain text with simple
// formatting. A blank line starts a paragraph; lines starting with "- " or
// "* " are a bulleted list, "1. " a numbered one; **text** is bold and
// _text_ is emphasis. Everything else is text, escaped.
func Instructions(src string) HTML {
	var b Builder
	var para []string
	list := "" // "ul" or "ol" while in a list
	flushPara := func() {
		if len(para) > 0 {
			b.Markup("<p>")
			inline(&b, strings.Join(para, " "))
			b.Markup("</p>")
			para = nil
		}
	}
	closeList := func() {
		switch list {
		case "ul":
			b.Markup("</ul>")
		case "ol":
			b.Markup("</ol>")
		}
		list = ""
	}
	for _, line := range strings.Split(strings.ReplaceAll(src, "\r\n", "\n"), "\n") {
		t := strings.TrimSpace(line)
		kind, item := instructionItem(t)
		switch {
		case t == "":
			flushPara()
			closeList()
		case kind != "":
			flushPara()
			if list != kind {
				closeList()
				if kind == "ul" {
					b.Markup("<ul>")
				} else {
					b.Markup("<ol>")
				}
				list = kind
			}
			b.Markup("<li>")
			inline(&b, item)
			b.Markup("</li>")
		default:
			closeList()
			para = append(para, t)
		}
	}
	flushPara()
	closeList()
	return b.HTML()
}

// instructionItem tells a list line: "ul" or "ol" and the item's text.
func instructionItem(t string) (kind, item string) {
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

// inline writes s as text in which **bold** and _emphasis_ pairs become
// tags; an unmatched mark stays as it is.
func inline(b *Builder, s string) {
	pairs(s, "**", func(plain string) { emphasis(b, plain) }, func(bold string) {
		b.Markup("<b>")
		emphasis(b, bold)
		b.Markup("</b>")
	})
}

func emphasis(b *Builder, s string) {
	pairs(s, "_", b.Text, func(em string) {
		b.Markup("<em>")
		b.Text(em)
		b.Markup("</em>")
	})
}

// pairs cuts s at each matched pair of marks, calling outside for the text
// outside pairs and inside for the (non-empty) text between them.
func pairs(s, mark string, outside, inside func(string)) {
	for {
		i := strings.Index(s, mark)
		if i < 0 {
			break
		}
		j := strings.Index(s[i+len(mark):], mark)
		if j <= 0 {
			break
		}
		outside(s[:i])
		inside(s[i+len(mark) : i+len(mark)+j])
		s = s[i+len(mark)+j+len(mark):]
	}
	outside(s)
}
