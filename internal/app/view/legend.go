package view

import (
	"slices"

	"sayso/internal/annotation"
	"sayso/internal/app"
)

// Legend is the key to the marks in the text, shown beside it: a sample
// of every mark the shown document can have — claims by stance (each
// with its own underline style, named in words, the stance values the
// schema added too), speakers, cues, and the
// labels the schema added — each drawn as it is in the text.
// It depends on the schema alone, so it is made again only when the
// schema changed (app.State.SchemaMemo).
func Legend(st *app.State) HTML {
	if st.Doc == "" {
		return HTML{}
	}
	// The memo holds only what legend built, escaped, as HTML.
	return HTML{s: st.SchemaMemo("Legend", func(sc annotation.Schema) string { return legend(sc).String() })}
}

func legend(sc annotation.Schema) HTML {
	var b Builder
	b.Markup(`<h2 class="side-title">Marks in the text</h2><ul class="legend-list" aria-label="What the marks in the text mean">`)
	claim := annotation.LabelClaim
	if l, ok := sc.Label(annotation.LabelClaim); ok {
		claim = l.Name
	}
	for _, s := range MarkStyles {
		switch {
		case s.Stance == "":
			b.Printf(`<li><span class="mk mk-%s">%s</span> <span class="mk-words">no stance, %s</span></li>`, s.Style, claim, s.Words)
		case slices.Contains(sc.Stances, s.Stance):
			b.Printf(`<li><span class="mk mk-%s">%s</span> <span class="mk-words">%s, %s</span></li>`, s.Style, s.Stance, claim, s.Words)
		}
	}
	for _, v := range sc.Stances {
		if k, ok := app.AddedStanceStyle(sc, v); ok {
			s := AddedStanceStyles[k]
			b.Printf(`<li><span class="mk mk-%s">%s</span> <span class="mk-words">%s, %s</span></li>`, s.Style, v, claim, s.Words)
		}
	}
	for i, l := range sc.Labels {
		switch {
		case l.ID == annotation.LabelClaim:
		case l.ID == annotation.LabelSpeaker:
			b.Printf(`<li><span class="mk mk-speaker">%s</span> <span class="mk-words">dark, solid underline</span></li>`, l.Name)
		case l.ID == annotation.LabelCue:
			b.Printf(`<li><span class="mk mk-cue">%s</span> <span class="mk-words">dotted underline, no tint</span></li>`, l.Name)
		case i < app.MaxLabelStyles:
			b.Printf(`<li><span class="mk mk-x%d">%s</span> <span class="mk-words">tint and solid underline</span></li>`, i, l.Name)
		default:
			b.Printf(`<li><span class="mk mk-other">%s</span> <span class="mk-words">grey tint, solid underline</span></li>`, l.Name)
		}
	}
	b.Markup(`</ul>`)
	return b.HTML()
}

// stanceMark is the mark style of a claim with stance value v, and its
// words ("wavy underline"); "" for a value with none of its own.
func stanceMark(sc annotation.Schema, v string) (style, words string) {
	for _, s := range MarkStyles {
		if s.Stance != "" && s.Stance == v {
			return s.Style, s.Words
		}
	}
	if k, ok := app.AddedStanceStyle(sc, v); ok {
		return AddedStanceStyles[k].Style, AddedStanceStyles[k].Words
	}
	return "", ""
}
