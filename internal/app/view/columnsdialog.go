package view

import (
	"sayso/internal/app"
	"sayso/internal/wording"
)

// ColumnsDialog renders the question a file that names its columns itself
// asks: for the text and for the labels, each column that could hold it,
// as radio buttons (one group each, the chosen one checked), then Open
// (or Import) and Cancel. It is empty when no file waits.
func ColumnsDialog(st *app.State) HTML {
	pc := st.Columns
	if pc == nil {
		return HTML{}
	}
	verb := "Open"
	if pc.Into {
		verb = "Import"
	}
	var b Builder
	b.Printf(`<p>“%s” names its columns itself, and more than one could hold `, wording.Clip(pc.Name, 80))
	switch {
	case len(pc.Text) > 0 && len(pc.Label) > 0:
		b.Markup(`its text and its labels`)
	case len(pc.Text) > 0:
		b.Markup(`its text`)
	default:
		b.Markup(`its labels`)
	}
	b.Markup(`. Choose which:</p>`)
	group := func(legend markup, name markup, field Field, keys []string, chosen string, sample func(string) string) {
		if len(keys) == 0 {
			return
		}
		b.Printf(`<fieldset class="columns"><legend>%s</legend>`, legend)
		for _, k := range keys {
			b.Printf(`<label><input type="radio" name="%s" data-field="%s" value="%s"%s> %s`,
				name, field, k, attrIf(k == chosen, " checked"), wording.Clip(k, 60))
			if s, ok := pc.Samples[k]; ok {
				b.Printf(` <span class="hint">%s</span>`, sample(s))
			}
			b.Markup(`</label>`)
		}
		b.Markup(`</fieldset>`)
	}
	// The first example's text, and how many spans, help to choose.
	group(`The text is in`, `columns-text`, FieldColumnText, pc.Text, pc.Chosen.Text,
		func(s string) string { return "“" + wording.Clip(s, 50) + "”" })
	group(`The labels are in`, `columns-label`, FieldColumnLabel, pc.Label, pc.Chosen.Label,
		func(s string) string { return "(" + s + ")" })
	b.Printf(`<div class="row"><button type="button" class="primary" data-action="%s">%s</button><button type="button" data-action="%s">Cancel <kbd>Esc</kbd></button></div>`,
		ActColumnsOpen, verb, ActColumnsCancel)
	return b.HTML()
}
