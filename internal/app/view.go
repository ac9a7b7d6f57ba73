package app

import (
	"fmt"
	"html"
	"sort"
	"strconv"
	"strings"
	"time"

	"sayso/internal/annotation"
	"sayso/internal/exchange"
	"sayso/internal/text"
	"sayso/internal/wording"
)

// The view model: HTML fragments built in Go from escaped text, drawn by the
// browser layer with one innerHTML each. Every piece of data (article text,
// titles, names, notes, labels) goes through html.EscapeString or cssName;
// no markup here carries a script, a style or an event-handler attribute.

// ParagraphHTML renders paragraph i of the shown document: a <p> whose text
// is cut into <span data-o="N"> segments at every annotation boundary, N
// being the code-point offset where the segment starts. Segments under
// annotations carry classes for their labels, the stances of their claims,
// the selection and the annotations related to it.
func ParagraphHTML(st *State, i int) string {
	_, x, ok := st.Store.Document(st.Doc)
	if !ok || i < 0 || i >= len(st.Paras) {
		return ""
	}
	para := st.Paras[i]
	anns := st.Store.Overlapping(st.Doc, para)
	related := st.relatedIDs()

	cuts := []int{para.Start, para.End}
	for _, a := range anns {
		for _, f := range a.Fragments {
			if f.Start > para.Start && f.Start < para.End {
				cuts = append(cuts, f.Start)
			}
			if f.End > para.Start && f.End < para.End {
				cuts = append(cuts, f.End)
			}
		}
	}
	sort.Ints(cuts)

	var b strings.Builder
	fmt.Fprintf(&b, `<p id="p%d" data-p="%d">`, i, i)
	for k := 0; k+1 < len(cuts); k++ {
		start, end := cuts[k], cuts[k+1]
		if start == end {
			continue
		}
		b.WriteString(`<span data-o="`)
		b.WriteString(strconv.Itoa(start))
		b.WriteByte('"')
		if cls := segmentClasses(anns, start, st.Selected, related); cls != "" {
			b.WriteString(` class="`)
			b.WriteString(cls)
			b.WriteByte('"')
		}
		b.WriteByte('>')
		b.WriteString(html.EscapeString(x.Slice(start, end)))
		b.WriteString(`</span>`)
	}
	b.WriteString(`</p>`)
	return b.String()
}

// relatedIDs are the annotations shown as related to the selected one: a
// claim's speaker mention and cue, or the claims of a selected mention or cue.
func (st *State) relatedIDs() map[string]bool {
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

// segmentClasses lists the classes of the segment starting at cp.
func segmentClasses(anns []*annotation.Annotation, cp int, selected string, related map[string]bool) string {
	var labels, stances []string
	n := 0
	sel, rel := false, false
	for _, a := range anns {
		if !a.Covers(cp) {
			continue
		}
		n++
		labels = appendUnique(labels, "l-"+cssName(a.Label))
		if a.Label == annotation.LabelClaim && a.Stance != "" {
			stances = appendUnique(stances, "st-"+cssName(a.Stance))
		}
		sel = sel || a.ID == selected
		rel = rel || related[a.ID]
	}
	if n == 0 {
		return ""
	}
	cls := append([]string{"ann"}, labels...)
	cls = append(cls, stances...)
	if n > 1 {
		cls = append(cls, "nest")
	}
	if sel {
		cls = append(cls, "sel")
	}
	if rel {
		cls = append(cls, "rel")
	}
	return strings.Join(cls, " ")
}

func appendUnique(list []string, s string) []string {
	for _, v := range list {
		if v == s {
			return list
		}
	}
	return append(list, s)
}

// cssName keeps only the characters safe in a class name.
func cssName(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' || r == '_' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// esc escapes text for HTML content and attribute values.
func esc(s string) string { return html.EscapeString(s) }

// short clips s to n code points for lists.
func short(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// maxOrphansShown is how many unplaced annotations the side list shows.
const maxOrphansShown = 50

// orphansHTML lists the annotations an import could not place, with their
// quotes, and a button to drop them.
func orphansHTML(st *State) string {
	orphans := st.Store.Orphans()
	here, elsewhere := 0, 0
	for _, o := range orphans {
		if o.Document == st.Doc {
			here++
		} else {
			elsewhere++
		}
	}
	if here == 0 {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<section class="group orphans"><h3>Not placed <span class="count">%s</span></h3>`, wording.Count(here, "annotation"))
	b.WriteString(`<p class="hint">An opened or imported file had these annotations, but their text is not in this article any more. They are kept (and exported) until you place or drop them: select where one belongs and press its Place.</p><ul>`)
	shown := 0
	for i, o := range orphans {
		if o.Document != st.Doc {
			continue
		}
		if shown == maxOrphansShown {
			fmt.Fprintf(&b, `<li class="more">and %s more (all are kept and exported)</li>`, wording.Count(here-shown, "annotation"))
			break
		}
		shown++
		fmt.Fprintf(&b, `<li class="item orphan l-%s"><span class="tag">%s</span> <span class="qt">%s</span> <button type="button" data-action="place-orphan" data-orphan="%d" data-keepsel title="Place it on the selected text">Place</button> <button type="button" data-action="drop-orphan" data-orphan="%d" title="Forget it">Drop</button></li>`,
			cssName(o.Label), esc(st.labelDisplay(o.Label)), esc(short(o.Quote, 90)), i, i)
	}
	b.WriteString(`</ul><div class="row"><button type="button" data-action="drop-orphans">Drop them all</button></div></section>`)
	return b.String()
}

func (st *State) labelDisplay(id string) string {
	if l, ok := st.Store.Schema().Label(id); ok {
		return l.Name
	}
	return id
}

// InspectorHTML renders the editor of the selected annotation: its label
// and quote, and for a claim its stance, target, speaker, cue and note; for
// a speaker mention its speaker entity; a delete button. Controls carry
// data-field (changed values) or data-action (buttons).
func InspectorHTML(st *State) string {
	a, ok := st.Store.Annotation(st.Selected)
	if !ok {
		return `<p class="empty">Click a highlighted span to see and edit it here.</p>`
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<div class="insp-head l-%s"><span class="tag">%s</span> <span class="id">%s</span></div>`,
		cssName(a.Label), esc(st.labelDisplay(a.Label)), esc(a.ID))
	fmt.Fprintf(&b, `<blockquote class="quote">%s</blockquote>`, esc(a.Quote))
	if note := anchoredNote(a); note != "" {
		fmt.Fprintf(&b, `<p class="hint anchored">%s <button type="button" data-action="confirm-anchor">Looks right</button></p>`, esc(note))
	}
	switch a.Label {
	case annotation.LabelClaim:
		st.claimControls(&b, a)
	case annotation.LabelSpeaker:
		st.mentionControls(&b, a)
	case annotation.LabelCue:
		st.cueControls(&b, a)
	}
	fmt.Fprintf(&b, `<label class="field">Note<textarea data-field="note" rows="3" maxlength="10000">%s</textarea></label>`, esc(a.Note))
	b.WriteString(`<div class="row"><button type="button" data-action="delete" class="danger">Delete <kbd>Del</kbd></button></div>`)
	return b.String()
}

func (st *State) claimControls(b *strings.Builder, a *annotation.Annotation) {
	b.WriteString(`<fieldset class="stance"><legend>Stance</legend>`)
	for i, v := range st.Store.Schema().Stances {
		cls := "st-" + cssName(v)
		pressed := "false"
		if v == a.Stance {
			cls += " on"
			pressed = "true"
		}
		fmt.Fprintf(b, `<button type="button" data-action="stance" data-value="%s" class="%s" aria-pressed="%s">%s <kbd>%d</kbd></button>`,
			esc(v), cls, pressed, esc(v), i+1)
	}
	b.WriteString(`</fieldset>`)
	fmt.Fprintf(b, `<label class="field">Target<input type="text" data-field="target" value="%s" maxlength="500"></label>`, esc(a.Target))

	b.WriteString(`<label class="field">Speaker<select data-field="mention"><option value="">— none —</option>`)
	for _, m := range st.nearest(a, annotation.LabelSpeaker, maxChoices, a.SpeakerMention) {
		name := m.Quote
		if sp, ok := st.Store.Speaker(m.Speaker); ok && normalize(sp.Name) != normalize(m.Quote) {
			name = sp.Name + " — “" + m.Quote + "”"
		}
		fmt.Fprintf(b, `<option value="%s"%s>%s</option>`, esc(m.ID), selectedAttr(m.ID == a.SpeakerMention), esc(short(name, 70)))
	}
	b.WriteString(`</select></label>`)
	if a.Speaker != "" && a.SpeakerMention == "" {
		if sp, ok := st.Store.Speaker(a.Speaker); ok {
			fmt.Fprintf(b, `<p class="hint">Attributed to %s.</p>`, esc(sp.Name))
		}
	}
	b.WriteString(`<div class="row"><button type="button" data-action="link-nearest">Link nearest speaker <kbd>l</kbd></button></div>`)

	b.WriteString(`<label class="field">Cue<select data-field="cue"><option value="">— none —</option>`)
	for _, c := range st.nearest(a, annotation.LabelCue, maxChoices, a.Cue) {
		fmt.Fprintf(b, `<option value="%s"%s>%s</option>`, esc(c.ID), selectedAttr(c.ID == a.Cue), esc(short(c.Quote, 70)))
	}
	b.WriteString(`</select></label>`)
}

func (st *State) mentionControls(b *strings.Builder, m *annotation.Annotation) {
	b.WriteString(`<label class="field">Mentions speaker<select data-field="mention-speaker">`)
	for _, sp := range st.speakerChoices(m) {
		fmt.Fprintf(b, `<option value="%s"%s>%s</option>`, esc(sp.ID), selectedAttr(sp.ID == m.Speaker), esc(short(sp.Name, 70)))
	}
	fmt.Fprintf(b, `<option value="%s">New speaker named “%s”</option></select></label>`, NewSpeakerOption, esc(short(m.Quote, 50)))
	if sp, ok := st.Store.Speaker(m.Speaker); ok {
		fmt.Fprintf(b, `<label class="field">Speaker's name<input type="text" data-field="speaker-name" value="%s" maxlength="200"></label>`, esc(sp.Name))
		mentions, claims := st.Store.SpeakerUse(sp.ID)
		fmt.Fprintf(b, `<p class="hint">%s, %s attributed.</p>`, wording.Count(mentions, "mention"), wording.Count(claims, "claim"))
	}
}

func (st *State) cueControls(b *strings.Builder, c *annotation.Annotation) {
	var claims []string
	for _, a := range st.Store.Annotations(c.Document) {
		if a.Cue == c.ID {
			claims = append(claims, "“"+short(a.Quote, 50)+"”")
		}
	}
	if len(claims) == 0 {
		b.WriteString(`<p class="hint">No claim uses this cue yet: select a claim and choose it as its cue.</p>`)
		return
	}
	fmt.Fprintf(b, `<p class="hint">Cue of %s.</p>`, esc(strings.Join(claims, ", ")))
}

func selectedAttr(on bool) string {
	if on {
		return " selected"
	}
	return ""
}

func normalize(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// ShortcutsHTML renders the keyboard help as a definition list.
func ShortcutsHTML(st *State) string {
	var b strings.Builder
	b.WriteString(`<dl class="keys">`)
	for _, s := range Shortcuts(st.Store.Schema()) {
		fmt.Fprintf(&b, `<dt><kbd>%s</kbd></dt><dd>%s</dd>`, esc(s.Keys), esc(s.Does))
	}
	b.WriteString(`</dl>`)
	return b.String()
}

// SaveText is the autosave indicator's text.
func SaveText(st *State) string {
	switch {
	case st.Doc == "":
		return ""
	case st.Save.Stopped:
		return "Not saving: changed in another tab. Reload to continue."
	case st.Save.Err != "":
		return "Not saved: " + st.Save.Err + " Export to keep your work."
	case st.Unsaved():
		return "Saving…"
	case st.Save.At.IsZero():
		return "Saved in this browser"
	default:
		return "Saved " + st.Save.At.Local().Format(time.TimeOnly)
	}
}

// Title is the shown document's title, or "" on the start screen.
func Title(st *State) string {
	if d, _, ok := st.Store.Document(st.Doc); ok {
		return d.Title
	}
	return ""
}

// Topic is the shown document's topic.
func Topic(st *State) string {
	if d, _, ok := st.Store.Document(st.Doc); ok {
		return d.Topic
	}
	return ""
}

// UndoTitle and RedoTitle describe the undo and redo buttons ("" when there
// is nothing to undo or redo).
func UndoTitle(st *State) string {
	if name, ok := st.Store.CanUndo(); ok {
		return "Undo " + name
	}
	return ""
}

// RedoTitle: see UndoTitle.
func RedoTitle(st *State) string {
	if name, ok := st.Store.CanRedo(); ok {
		return "Redo " + name
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

// SectionSize is the number of paragraphs per <section>: sections let the
// browser skip laying out the text that is off screen
// (content-visibility: auto) without a style rule per paragraph.
const SectionSize = 20

// DocumentHTML renders every paragraph of the shown document, grouped in
// sections of SectionSize paragraphs.
func DocumentHTML(st *State) string {
	var b strings.Builder
	for i := range st.Paras {
		if i%SectionSize == 0 {
			if i > 0 {
				b.WriteString(`</section>`)
			}
			b.WriteString(`<section>`)
		}
		b.WriteString(ParagraphHTML(st, i))
	}
	if len(st.Paras) > 0 {
		b.WriteString(`</section>`)
	}
	return b.String()
}

// Highlight rendering: the article is plain text, one text node per
// paragraph, and annotations are drawn as ranges with the CSS Custom
// Highlight API (web/highlight.js). The browser lays the text out once;
// adding or selecting an annotation never touches the text's DOM.

// highlightStyles are the named highlights app.css styles, in the order of
// the indexes HighlightRanges packs.
var highlightStyles = func() []string {
	s := []string{"claim", "claim-favor", "claim-against", "claim-neutral", "claim-unclear", "speaker", "cue", "other"}
	for i := range maxLabelStyles {
		s = append(s, "x"+strconv.Itoa(i))
	}
	return s
}()

// maxLabelStyles is how many labels of their own a schema can colour;
// further ones are drawn in a neutral grey ("other").
const maxLabelStyles = 16

// HighlightStyles lists the highlight style names, space-separated.
func HighlightStyles() string { return strings.Join(highlightStyles, " ") }

// highlightStyle is the named highlight an annotation is drawn with:
// claims by stance, speakers and cues in their own style, a label added
// to the schema in the style of its place among the labels (x0, x1, …)
// that LabelCSS colours.
func (st *State) highlightStyle(a *annotation.Annotation) string {
	switch a.Label {
	case annotation.LabelClaim:
		switch a.Stance {
		case "favor", "against", "neutral", "unclear":
			return "claim-" + a.Stance
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

// labelStyles maps each label of the schema to its highlight style,
// rebuilt when the project changed.
func (st *State) labelStyles() map[string]string {
	if st.styles.m != nil && st.styles.revision == st.Store.Revision() && st.styles.store == st.Store {
		return st.styles.m
	}
	m := map[string]string{}
	for i, l := range st.Store.Schema().Labels {
		if i < maxLabelStyles {
			m[l.ID] = "x" + strconv.Itoa(i)
		}
	}
	st.styles.m, st.styles.revision, st.styles.store = m, st.Store.Revision(), st.Store
	return m
}

func styleIndex(style string) int32 {
	for i, s := range highlightStyles {
		if s == style {
			return int32(i)
		}
	}
	return int32(len(highlightStyles) - 1)
}

// LabelCSS colours the schema's labels: their toolbar buttons and tags
// with each label's colour, and the highlights of labels added to the
// schema. Colours are "#rrggbb" (the store checks them) and class names
// are cssName'd ids, so the CSS holds nothing from outside.
func LabelCSS(st *State) string {
	var b strings.Builder
	for i, l := range st.Store.Schema().Labels {
		if !isHexColor(l.Color) {
			continue
		}
		c, n := l.Color, cssName(l.ID)
		fmt.Fprintf(&b, ".tool.l-%s{box-shadow:inset 0 -3px 0 %s}.l-%s>.tag,.l-%s .tag{background:%s;color:%s}\n", n, c, n, n, c, inkOn(c))
		switch {
		case l.ID == annotation.LabelSpeaker || l.ID == annotation.LabelCue:
			fmt.Fprintf(&b, "::highlight(sayso-%s){text-decoration-color:%s}\n", n, c)
		case l.ID != annotation.LabelClaim && i < maxLabelStyles:
			fmt.Fprintf(&b, "::highlight(sayso-x%d){background-color:%s66}\n", i, c)
		}
	}
	return b.String()
}

func isHexColor(c string) bool {
	if len(c) != 7 || c[0] != '#' {
		return false
	}
	for i := 1; i < 7; i++ {
		if !strings.ContainsRune("0123456789abcdefABCDEF", rune(c[i])) {
			return false
		}
	}
	return true
}

// inkOn is black or white, whichever reads better on colour c.
func inkOn(c string) string {
	v, _ := strconv.ParseUint(c[1:], 16, 32)
	r, g, bl := float64(v>>16&0xff), float64(v>>8&0xff), float64(v&0xff)
	if 0.299*r+0.587*g+0.114*bl > 150 {
		return "#000"
	}
	return "#fff"
}

// PlainParagraphHTML renders paragraph i as one text node in a <p> whose
// data-o is the code point where the paragraph starts.
func PlainParagraphHTML(st *State, i int) string {
	_, x, ok := st.Store.Document(st.Doc)
	if !ok || i < 0 || i >= len(st.Paras) {
		return ""
	}
	p := st.Paras[i]
	return `<p id="p` + strconv.Itoa(i) + `" data-o="` + strconv.Itoa(p.Start) + `">` + html.EscapeString(x.Slice(p.Start, p.End)) + `</p>`
}

// PlainDocumentHTML renders the shown document as plain paragraphs, in
// sections of SectionSize.
func PlainDocumentHTML(st *State) string {
	var b strings.Builder
	for i := range st.Paras {
		if i%SectionSize == 0 {
			if i > 0 {
				b.WriteString(`</section>`)
			}
			b.WriteString(`<section>`)
		}
		b.WriteString(PlainParagraphHTML(st, i))
	}
	if len(st.Paras) > 0 {
		b.WriteString(`</section>`)
	}
	return b.String()
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
			for i := text.ParagraphAt(st.Paras, f.Start); i < len(st.Paras) && st.Paras[i].Start < f.End; i++ {
				p := st.Paras[i]
				start, end := max(f.Start, p.Start), min(f.End, p.End)
				if start >= end {
					continue
				}
				base := x.UTF16Offset(p.Start)
				packed = append(packed, int32(k), style, int32(i),
					int32(x.UTF16Offset(start)-base), int32(x.UTF16Offset(end)-base))
			}
		}
	}
	return b.String(), packed
}

// MarkedIDs are the annotations drawn as selected and as related to the
// selection, space-separated.
func MarkedIDs(st *State) (selected, related string) {
	if _, ok := st.Store.Annotation(st.Selected); !ok {
		return "", ""
	}
	rel := st.relatedIDs()
	ids := make([]string, 0, len(rel))
	for id := range rel {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	return st.Selected, strings.Join(ids, " ")
}

// ExportMenuHTML lists the export formats, each with what it cannot hold.
func ExportMenuHTML(st *State) string {
	var b strings.Builder
	if len(st.Store.Documents()) > 1 {
		fmt.Fprintf(&b, `<label class="scope"><input type="checkbox" data-field="export-scope"%s> Only this document (else all %d)</label>`,
			selectedAttrNamed(st.ExportDocumentOnly, "checked"), len(st.Store.Documents()))
	}
	b.WriteString(`<ul class="menu-list">`)
	for _, f := range exchange.Formats() {
		loses := f.Loses
		if loses == "" {
			loses = "Keeps everything."
		}
		fmt.Fprintf(&b, `<li><button type="button" data-action="export-as" data-format="%s"><span class="fmt">%s</span> <span class="ext">%s</span><span class="loses">%s</span></button></li>`,
			esc(f.ID), esc(f.Name), esc(f.Extension), esc(loses))
	}
	b.WriteString(`</ul>`)
	return b.String()
}

// maxChoices is how many speaker mentions and cues the inspector offers
// for a claim: the ones nearest to it (a long document has thousands).
const maxChoices = 40

// nearest returns up to n annotations of doc's label nearest to a (by
// distance between their starts), in reading order, plus the annotation
// keep when it is not among them.
func (st *State) nearest(a *annotation.Annotation, label string, n int, keep string) []*annotation.Annotation {
	all := st.Store.Annotations(a.Document)
	pos := a.Hull().Start
	i := sort.Search(len(all), func(i int) bool { return all[i].Hull().Start >= pos })
	var out []*annotation.Annotation
	kept := false
	lo, hi := i-1, i
	for len(out) < n && (lo >= 0 || hi < len(all)) {
		var c *annotation.Annotation
		if hi >= len(all) || (lo >= 0 && pos-all[lo].Hull().Start <= all[hi].Hull().Start-pos) {
			c, lo = all[lo], lo-1
		} else {
			c, hi = all[hi], hi+1
		}
		if c.Label == label {
			out = append(out, c)
			kept = kept || c.ID == keep
		}
	}
	if !kept {
		if k, ok := st.Store.Annotation(keep); ok && k.Label == label {
			out = append(out, k)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Hull().Start < out[j].Hull().Start })
	return out
}

// speakerChoices are the speaker entities a mention can be moved to: all
// of them, or when there are more than maxChoices, those mentioned nearest
// to m and m's own, by name.
func (st *State) speakerChoices(m *annotation.Annotation) []*annotation.Speaker {
	all := st.Store.Speakers()
	if len(all) <= maxChoices {
		return all
	}
	want := map[string]bool{m.Speaker: true}
	for _, near := range st.nearest(m, annotation.LabelSpeaker, 4*maxChoices, "") {
		if len(want) >= maxChoices {
			break
		}
		want[near.Speaker] = true
	}
	var out []*annotation.Speaker
	for _, sp := range all {
		if want[sp.ID] {
			out = append(out, sp)
		}
	}
	return out
}

func selectedAttrNamed(on bool, name string) string {
	if on {
		return " " + name
	}
	return ""
}
