package app

import (
	"slices"
	"sort"
	"strconv"
	"strings"

	"sayso/internal/annotation"
	"sayso/internal/text"
	"sayso/internal/wording"
)

// What the views (internal/app/view) and the browser layer read from the
// state besides its fields: no HTML is built here.

// Related are the annotations shown as related to the selected one: a
// claim's speaker mention and cue.
func (st *State) Related() map[string]bool {
	a, ok := st.Store.Annotation(st.Selected)
	if !ok {
		return nil
	}
	rel := map[string]bool{}
	if a.SpeakerMention != "" {
		rel[a.SpeakerMention] = true
	}
	if a.Cue != "" {
		rel[a.Cue] = true
	}
	return rel
}

// LabelDisplay is the name of label id as the schema spells it, or the id
// when the schema has no such label.
func (st *State) LabelDisplay(id string) string {
	if l, ok := st.Schema().Label(id); ok {
		return l.Name
	}
	return id
}

// schemaCache is the schema as last read (Store.Schema copies it, and the
// side list asked for it once per drawn row), and what the views made of
// it (SchemaMemo).
type schemaCache struct {
	store    *annotation.Store
	revision int
	read     bool
	schema   annotation.Schema
	memo     map[string]string
	// rows is ViewMemo's, forgotten with memo.
	rows map[any]string
}

// Schema is the project's schema, read from the store once per change of
// the project. The caller must not change it.
func (st *State) Schema() annotation.Schema {
	c := &st.schema
	if c.read && c.store == st.Store && c.revision == st.Store.Revision() {
		return c.schema
	}
	sc := st.Store.Schema()
	if !c.read || !sameSchema(c.schema, sc) {
		c.memo, c.rows = nil, nil
	}
	c.store, c.revision, c.read, c.schema = st.Store, st.Store.Revision(), true, sc
	return c.schema
}

// SchemaMemo returns what build makes of the schema, under name: built
// again only when the schema changed, not at every change of the project
// (the label style sheet, for one, is the same from one annotation to the
// next). build must read nothing of the state but the schema.
func (st *State) SchemaMemo(name string, build func(annotation.Schema) string) string {
	sc := st.Schema()
	if v, ok := st.schema.memo[name]; ok {
		return v
	}
	v := build(sc)
	if st.schema.memo == nil {
		st.schema.memo = map[string]string{}
	}
	st.schema.memo[name] = v
	return v
}

// maxViewMemo is how many pieces ViewMemo keeps before it forgets them
// all (those of annotations changed since are never asked for again).
const maxViewMemo = 4096

// ViewMemo returns what build makes for key, built again only when the
// schema changed: key must hold everything build reads but the schema,
// as the values it reads (the store writes a new value for every
// annotation and speaker it changes, so a pointer to one stands for its
// contents). The side list's rows are built once per change of their
// annotation, not at every redraw.
func (st *State) ViewMemo(key any, build func() string) string {
	st.Schema()
	c := &st.schema
	if v, ok := c.rows[key]; ok {
		return v
	}
	if c.rows == nil || len(c.rows) >= maxViewMemo {
		c.rows = map[any]string{}
	}
	v := build()
	c.rows[key] = v
	return v
}

func short(s string, n int) string     { return wording.Clip(s, n) }
func plural(n int, noun string) string { return wording.Count(n, noun) }

// Title is the shown document's title, or "" on the start screen.
func Title(st *State) string {
	if d, _, ok := st.Store.Document(st.Doc); ok {
		return d.Title
	}
	return ""
}

// OffsetOfSegment converts a DOM position, given as a segment's code-point
// start and a UTF-16 offset inside the segment's text, into a code point of
// the shown document.
func OffsetOfSegment(st *State, segmentStart, utf16Offset int) int {
	_, x, ok := st.Store.Document(st.Doc)
	if !ok {
		return 0
	}
	return x.CodePointAtUTF16(x.UTF16Offset(segmentStart) + utf16Offset)
}

// UTF16Between counts the UTF-16 units of the shown document's text from
// code point from to code point to.
func UTF16Between(st *State, from, to int) int {
	_, x, ok := st.Store.Document(st.Doc)
	if !ok {
		return 0
	}
	return x.UTF16Offset(to) - x.UTF16Offset(from)
}

// Highlight rendering: the article is plain text, one text node per
// paragraph, and annotations are drawn as ranges with the CSS Custom
// Highlight API (web/highlight.js). The browser lays the text out once;
// adding or selecting an annotation never touches the text's DOM.

// MaxLabelStyles is how many labels of their own a schema can colour;
// further ones are drawn in a neutral grey ("other").
const MaxLabelStyles = 16

// HighlightStyles lists the highlight style names, space-separated.
func HighlightStyles() string { return strings.Join(highlightStyles(), " ") }

// highlightStyle is the named highlight an annotation is drawn with:
// claims by stance, speakers and cues in their own style, a label added
// to the schema in the style of its place among the labels (x0, x1, …)
// that view.LabelCSS colours.
func (st *State) highlightStyle(a *annotation.Annotation) string {
	switch a.Label {
	case annotation.LabelClaim:
		switch a.Stance {
		case "favor", "against", "neutral", "unclear":
			return "claim-" + a.Stance
		}
		if s, ok := st.labelStyles()[stanceKey+a.Stance]; ok {
			return s
		}
		return "claim"
	case annotation.LabelSpeaker, annotation.LabelCue:
		return a.Label
	}
	if i, ok := st.labelStyles()[a.Label]; ok {
		return i
	}
	return "other"
}

// stanceKey prefixes a stance value among labelStyles' keys (label ids
// cannot hold a NUL).
const stanceKey = "\x00stance:"

// labelStyles maps each label of the schema to its highlight style, and
// each stance value without a built-in style (stanceKey+value) to its
// claim-y<k>, rebuilt when the project changed.
func (st *State) labelStyles() map[string]string {
	if st.styles.m != nil && st.styles.revision == st.Store.Revision() && st.styles.store == st.Store {
		return st.styles.m
	}
	m := map[string]string{}
	sc := st.Schema()
	for i, l := range sc.Labels {
		if i < MaxLabelStyles {
			m[l.ID] = "x" + strconv.Itoa(i)
		}
	}
	for _, v := range sc.Stances {
		if k, ok := AddedStanceStyle(sc, v); ok {
			m[stanceKey+v] = "claim-y" + strconv.Itoa(k)
		}
	}
	st.styles.m, st.styles.revision, st.styles.store = m, st.Store.Revision(), st.Store
	return m
}

// BuiltInStances are the stance values with a mark style of their own
// (view.MarkStyles: solid, wavy, dashed and dotted underlines).
var builtInStances = []string{"favor", "against", "neutral", "unclear"}

// MaxAddedStanceStyles is how many further stance values (added in the
// schema editor, or a built-in one renamed) get a mark style of their
// own (claim-y0, claim-y1, …: view.AddedStanceStyles); the schema editor
// adds no more, so that no two stances are ever drawn alike.
const MaxAddedStanceStyles = 15

// AddedStanceStyle is the place k of stance value v among the schema's
// stance values that have no built-in style (claim-y<k>); ok is false
// for a built-in value, one not in the schema, or past
// MaxAddedStanceStyles (a project imported with more), drawn as "claim".
func AddedStanceStyle(sc annotation.Schema, v string) (k int, ok bool) {
	if slices.Contains(builtInStances, v) {
		return 0, false
	}
	for _, x := range sc.Stances {
		if slices.Contains(builtInStances, x) {
			continue
		}
		if x == v {
			return k, k < MaxAddedStanceStyles
		}
		k++
	}
	return 0, false
}

// addedStances counts the schema's stance values without a built-in style.
func addedStances(stances []string) int {
	n := 0
	for _, x := range stances {
		if !slices.Contains(builtInStances, x) {
			n++
		}
	}
	return n
}

// fixedStyles are the first highlight styles, before the x0, x1, … of
// the schema's labels.
const (
	fixedStyles     = "claim claim-favor claim-against claim-neutral claim-unclear speaker cue other"
	fixedStyleCount = 8
)

// highlightStyles are the named highlights app.css styles, in the order of
// the indexes HighlightRanges packs.
func highlightStyles() []string {
	s := strings.Fields(fixedStyles)
	for i := range MaxLabelStyles {
		s = append(s, "x"+strconv.Itoa(i))
	}
	s = append(s, strings.Fields(suggestStyles)...)
	for k := range MaxAddedStanceStyles {
		s = append(s, "claim-y"+strconv.Itoa(k))
	}
	return s
}

// addedStanceStyle is the style index of claim-y<k>, after the
// suggestions' styles.
func addedStanceStyle(k int) int32 {
	return int32(fixedStyleCount + MaxLabelStyles + len(strings.Fields(suggestStyles)) + k)
}

// styleIndex is the index of a style in highlightStyles (the last label
// style for a style it lacks), found without building the list.
func styleIndex(style string) int32 {
	// The prefix first: a failed Atoi allocates its error, and this runs
	// for every highlight drawn.
	if rest, ok := strings.CutPrefix(style, "x"); ok {
		if n, err := strconv.Atoi(rest); err == nil && n >= 0 && n < MaxLabelStyles {
			return int32(fixedStyleCount + n)
		}
	}
	switch style {
	case "claim":
		return 0
	case "claim-favor":
		return 1
	case "claim-against":
		return 2
	case "claim-neutral":
		return 3
	case "claim-unclear":
		return 4
	case "speaker":
		return 5
	case "cue":
		return 6
	case "other":
		return 7
	}
	if rest, ok := strings.CutPrefix(style, "claim-y"); ok {
		if n, err := strconv.Atoi(rest); err == nil && n >= 0 && n < MaxAddedStanceStyles {
			return addedStanceStyle(n)
		}
	}
	if k := slices.Index(strings.Fields(suggestStyles), style); k >= 0 {
		return suggestStyle(k)
	}
	return int32(fixedStyleCount + MaxLabelStyles - 1)
}

// HighlightRanges packs the ranges of annotations for web/highlight.js:
// the ids, space-separated, and records of [id index, style index,
// paragraph, UTF-16 start, UTF-16 end] within the paragraph's text. A
// fragment crossing paragraphs gives one range per paragraph.
func HighlightRanges(st *State, anns []*annotation.Annotation) (ids string, packed []int32) {
	_, x, ok := st.Store.Document(st.Doc)
	if !ok {
		return "", nil
	}
	var b strings.Builder
	for k, a := range anns {
		if k > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(a.ID)
		style := styleIndex(st.highlightStyle(a))
		for _, f := range a.Fragments {
			packed = st.packFragment(packed, x, k, style, f)
		}
	}
	return b.String(), packed
}

// AnnotationsInParagraphs are those of anns with text in the shown
// document's paragraphs [from, to), in anns' order: the annotations to
// draw when those paragraphs are drawn (a long document is drawn a stretch
// of sections at a time).
func AnnotationsInParagraphs(st *State, anns []*annotation.Annotation, from, to int) []*annotation.Annotation {
	from, to = max(from, 0), min(to, len(st.Paras))
	if from >= to {
		return nil
	}
	start, end := st.Paras[from].Start, st.Paras[to-1].End
	var in []*annotation.Annotation
	for _, a := range anns {
		for _, f := range a.Fragments {
			if f.Start < end && f.End > start {
				in = append(in, a)
				break
			}
		}
	}
	return in
}

// MarkedIDs are the annotations drawn as selected and as related to the
// selection, space-separated.
func MarkedIDs(st *State) (selected, related string) {
	if _, ok := st.Store.Annotation(st.Selected); !ok {
		return "", ""
	}
	rel := st.Related()
	ids := make([]string, 0, len(rel))
	for id := range rel {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return st.Selected, strings.Join(ids, " ")
}

// AnnotationStart is the code point where annotation id starts, if it is
// an annotation of the shown document.
func AnnotationStart(st *State, id string) (int, bool) {
	a, ok := st.Store.Annotation(id)
	if !ok || a.Document != st.Doc {
		return 0, false
	}
	return a.Hull().Start, true
}

// ParagraphAround is the paragraph of the shown document holding code
// point cp, or the one ending before cp when cp falls between two; ok is
// false before the first paragraph.
func ParagraphAround(st *State, cp int) (i int, span text.Span, ok bool) {
	i = text.ParagraphAt(st.Paras, cp)
	if i >= len(st.Paras) || st.Paras[i].Start > cp {
		i-- // between paragraphs: the end of the previous one
	}
	if i < 0 {
		return 0, text.Span{}, false
	}
	return i, st.Paras[i], true
}

// packFragment appends the ranges of fragment f, one per paragraph it
// touches, as (highlight k, style, paragraph, UTF-16 start and end within
// the paragraph): the highlight layer's packed form.
func (st *State) packFragment(packed []int32, x *text.Index, k int, style int32, f text.Span) []int32 {
	for i := text.ParagraphAt(st.Paras, f.Start); i < len(st.Paras) && st.Paras[i].Start < f.End; i++ {
		p := st.Paras[i]
		start, end := max(f.Start, p.Start), min(f.End, p.End)
		if start >= end {
			continue
		}
		base := x.UTF16Offset(p.Start)
		packed = append(packed, int32(k), style, int32(i), int32(x.UTF16Offset(start)-base), int32(x.UTF16Offset(end)-base))
	}
	return packed
}
