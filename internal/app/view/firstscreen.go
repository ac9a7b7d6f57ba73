package view

import (
	"strconv"

	"sayso/internal/annotation"
	"sayso/internal/app"
	"sayso/internal/format/jsonstr"
)

// The first screen's copy (app.ScreenKey) holds the shown document's
// paragraphs from the first on until they hold previewText code points of
// text — more than a screen of the article column shows — when they hold
// at most previewMax: a document whose first paragraph is longer has no
// copy, rather than a leaving page that writes O(document).
const (
	previewText = 6 << 10
	previewMax  = 64 << 10
)

// previewParagraphs is how many paragraphs from the first the copy holds,
// or 0 when it would hold more than previewMax code points of text.
func previewParagraphs(st *app.State) int {
	first := st.Paras[0].Start
	to := 0
	for to < len(st.Paras) && (to == 0 || st.Paras[to-1].End-first < previewText) {
		to++
	}
	if st.Paras[to-1].End-first > previewMax {
		return 0
	}
	return to
}

// FirstScreen is the copy of the shown document's first screen that
// web/preview.js paints on a reload while the program loads (app.ScreenKey):
// the document's id, title and topic, its first paragraphs (where each
// starts, in code points, and its text),
// the label style sheet (LabelCSS) and the highlights of the annotations
// in those paragraphs as web/highlight.js takes them (app.HighlightStyles,
// app.HighlightRanges), as JSON:
//
//	{"v":1,"doc":"d1","title":"…","topic":"…","css":"…",
//	 "styles":"claim …","ids":"a1 a2","ranges":[0,3,0,4,9,…],
//	 "paras":[[0,"…"],[120,"…"]]}
//
// ok is false when the page shows no document, compares a class, or runs
// an exercise (its instructions panel and the student's page are the
// program's to draw). The text goes to the page as text and the CSS holds
// nothing from outside (LabelCSS), as when the program draws them.
func FirstScreen(st *app.State) (value string, ok bool) {
	if st.Doc == "" || st.Comparing || st.Store.Exercise().ID != "" {
		return "", false
	}
	d, x, ok := st.Store.Document(st.Doc)
	if !ok || len(st.Paras) == 0 {
		return "", false
	}
	to := previewParagraphs(st)
	if to == 0 {
		return "", false
	}
	end := st.Paras[to-1].End
	// In reading order: those that start before the last paragraph ends.
	var anns []*annotation.Annotation
	for _, a := range st.Store.Annotations(st.Doc) {
		if a.Hull().Start >= end {
			break
		}
		anns = append(anns, a)
	}
	ids, packed := app.HighlightRanges(st, anns)

	b := make([]byte, 0, 2*(end-st.Paras[0].Start)+len(ids)+8*len(packed)+4096)
	b = append(b, `{"v":1,"doc":`...)
	b = jsonstr.Append(b, d.ID, true)
	b = append(b, `,"title":`...)
	b = jsonstr.Append(b, d.Title, true)
	b = append(b, `,"topic":`...)
	b = jsonstr.Append(b, d.Topic, true)
	b = append(b, `,"css":`...)
	b = jsonstr.Append(b, LabelCSS(st), true)
	b = append(b, `,"styles":`...)
	b = jsonstr.Append(b, app.HighlightStyles(), true)
	b = append(b, `,"ids":`...)
	b = jsonstr.Append(b, ids, true)
	b = append(b, `,"ranges":[`...)
	first := true
	for i := 0; i+4 < len(packed); i += 5 {
		if int(packed[i+2]) >= to {
			continue // a paragraph past the copy
		}
		for k := range 5 {
			if !first {
				b = append(b, ',')
			}
			first = false
			b = strconv.AppendInt(b, int64(packed[i+k]), 10)
		}
	}
	b = append(b, `],"paras":[`...)
	for i, p := range st.Paras[:to] {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '[')
		b = strconv.AppendInt(b, int64(p.Start), 10)
		b = append(b, ',')
		b = jsonstr.Append(b, x.Slice(p.Start, p.End), true)
		b = append(b, ']')
	}
	b = append(b, ']')
	b = append(b, '}')
	return string(b), true
}
