package view

import (
	"sayso/internal/app"
)

// PrintList is the list of the shown document's annotations printed under
// the article (web/app.css shows #print-list only in print): each one in
// the words the live region uses (label, quote, stance, speaker), with its
// stance target and note, in the order of the text. The side list cannot
// be printed: it draws only the rows in view. The browser layer draws this
// before printing (beforeprint), not on every change.
func PrintList(st *app.State) HTML {
	var b Builder
	anns := st.Store.Annotations(st.Doc)
	if len(anns) == 0 {
		return b.HTML()
	}
	b.Printf(`<h2>Annotations (%d)</h2><ol class="print-anns">`, len(anns))
	for _, a := range anns {
		b.Printf(`<li>%s`, app.Describe(st, a))
		if a.Target != "" {
			b.Printf(`<p>Stance target: %s</p>`, a.Target)
		}
		if a.Note != "" {
			b.Printf(`<p>Note: %s</p>`, a.Note)
		}
		b.Markup(`</li>`)
	}
	b.Markup(`</ol>`)
	return b.HTML()
}
