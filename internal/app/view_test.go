package app

import (
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
)

const hostile = `<img src=x onerror="window.__pwned=1"> "><script>window.__pwned=1</script> ' & <svg onload=alert(1)>`

func TestViewEscapesEveryPieceOfData(t *testing.T) {
	st := NewState(fixedClock)
	Update(st, Paste{Title: hostile, Text: "Intro " + hostile + " said Bob.\nSecond paragraph."})
	body, _, _ := st.Store.Document(st.Doc)
	sel := cp(t, body.Text, hostile)
	sel.Exact = true
	Update(st, Tag{Label: annotation.LabelClaim, Sel: sel})
	Update(st, SetNote{Value: hostile})
	Update(st, SetTarget{Value: hostile})
	Update(st, Tag{Label: annotation.LabelSpeaker, Sel: cp(t, body.Text, "Bob")})
	Update(st, RenameSpeaker{Name: hostile})
	Update(st, ClickText{Offset: sel.Start})

	views := map[string]string{
		"document":  DocumentHTML(st),
		"sidebar":   SidebarHTML(st),
		"inspector": InspectorHTML(st),
	}
	Update(st, Select{ID: "a2"})
	views["mention inspector"] = InspectorHTML(st)
	Update(st, SetAnnotator{Name: hostile})
	Update(st, AddPasted{Title: hostile, Text: hostile})
	Update(st, AddLabel{Name: "x" + hostile, Key: "<"})
	Update(st, AddStanceValue{Value: hostile})
	require.Len(t, st.Store.Schema().Labels, 4, st.Message.Text)
	require.Len(t, st.Store.Schema().Stances, 5, st.Message.Text)
	views["documents"] = DocumentsHTML(st)
	views["schema"] = SchemaHTML(st)
	views["tools"] = ToolsHTML(st)
	views["export menu"] = ExportMenuHTML(st)
	for name, html := range views {
		t.Run(name, func(t *testing.T) {
			assertOnlyOwnMarkup(t, html)
		})
	}
	assert.Contains(t, views["document"], "&lt;img src=x onerror=&#34;window.__pwned=1&#34;&gt;")
}

// ownTag matches a start tag with its attributes; data can never produce
// one, since escaped text holds no raw '<' or '"'.
var ownTag = regexp.MustCompile(`<([a-z0-9]+)((?:\s+[a-z-]+(?:="[^"]*")?)*)\s*>`)
var ownAttr = regexp.MustCompile(`([a-z-]+)(?:="[^"]*")?`)

// assertOnlyOwnMarkup checks that every tag and attribute in html is one the
// view model writes itself: no script, image, frame or event handler.
func assertOnlyOwnMarkup(t *testing.T, html string) {
	t.Helper()
	tags := map[string]bool{"p": true, "span": true, "section": true, "div": true, "blockquote": true,
		"fieldset": true, "legend": true, "button": true, "kbd": true, "label": true, "input": true,
		"select": true, "option": true, "textarea": true, "ul": true, "li": true, "h3": true, "q": true,
		"dl": true, "dt": true, "dd": true, "ol": true, "table": true, "thead": true, "tbody": true,
		"tr": true, "th": true, "td": true, "meter": true, "h1": true, "h2": true, "mark": true, "code": true, "b": true, "em": true}
	attrs := map[string]bool{"class": true, "id": true, "type": true, "value": true, "selected": true,
		"maxlength": true, "rows": true, "aria-pressed": true, "tabindex": true, "title": true,
		"checked": true, "disabled": true, "placeholder": true, "aria-label": true, "aria-current": true, "accept": true,
		"multiple": true, "hidden": true, "for": true, "min": true, "max": true, "step": true, "name": true}
	opened := strings.Count(html, "<") - strings.Count(html, "</")
	found := ownTag.FindAllStringSubmatch(html, -1)
	assert.Equal(t, opened, len(found), "every '<' opens a well-formed tag of ours")
	for _, m := range found {
		assert.True(t, tags[m[1]], "tag <%s>", m[1])
		for _, a := range ownAttr.FindAllStringSubmatch(m[2], -1) {
			assert.True(t, attrs[a[1]] || strings.HasPrefix(a[1], "data-"), "attribute %s on <%s>", a[1], m[1])
		}
	}
}

func TestParagraphSegmentsCarryCodePointOffsets(t *testing.T) {
	st := NewState(fixedClock)
	Update(st, Paste{Title: "t", Text: "😀 Wang said “hi”.\nNext"})
	Update(st, Tag{Label: annotation.LabelSpeaker, Sel: Selection{Start: 2, End: 6}})
	html := ParagraphHTML(st, 0)
	assert.Equal(t, `<p id="p0" data-p="0"><span data-o="0">😀 </span><span data-o="2" class="ann l-speaker sel">Wang</span><span data-o="6"> said “hi”.</span></p>`, html)
	assert.Equal(t, `<p id="p1" data-p="1"><span data-o="18">Next</span></p>`, ParagraphHTML(st, 1))
}

func TestOverlapsAreMarkedNested(t *testing.T) {
	st := NewState(fixedClock)
	Update(st, Paste{Title: "t", Text: "Ann said the plan will fail badly."})
	Update(st, Tag{Label: annotation.LabelClaim, Sel: Selection{Start: 9, End: 33, Exact: true}})
	Update(st, SetStance{Value: "against"})
	Update(st, Tag{Label: annotation.LabelCue, Sel: Selection{Start: 4, End: 13, Exact: true}})
	html := ParagraphHTML(st, 0)
	assert.Contains(t, html, `<span data-o="4" class="ann l-cue sel">said </span>`)
	assert.Contains(t, html, `<span data-o="9" class="ann l-cue l-claim st-against nest sel">the</span>`)
	assert.Contains(t, html, `<span data-o="12" class="ann l-claim st-against"> plan will fail badly</span>`)
}

func TestOffsetOfSegmentCountsUTF16Units(t *testing.T) {
	st := NewState(fixedClock)
	Update(st, Paste{Title: "t", Text: "a😀b👩‍👩‍👧c"})
	assert.Equal(t, 2, OffsetOfSegment(st, 0, 3), "after the emoji (2 UTF-16 units) is code point 2")
	assert.Equal(t, 3, OffsetOfSegment(st, 2, 1))
}

func TestSidebarGroupsBySpeakerWithStances(t *testing.T) {
	st := sampleState(t)
	Update(st, Tag{Label: annotation.LabelSpeaker, Sel: cp(t, SampleText, "Mayor Ines Okafor")})
	Update(st, Tag{Label: annotation.LabelClaim, Sel: cp(t, SampleText, "“Our streets were built for people, not for parking,”")})
	Update(st, SetStanceIndex{N: 1})
	Update(st, LinkNearest{})
	Update(st, Tag{Label: annotation.LabelClaim, Sel: cp(t, SampleText, "“Nobody asked us,”")})
	html := SidebarHTML(st)
	require.Contains(t, html, `<span class="who">Mayor Ines Okafor</span>`)
	okafor := strings.Index(html, "Mayor Ines Okafor")
	noSpeaker := strings.Index(html, "No speaker yet")
	assert.Less(t, okafor, noSpeaker)
	assert.Contains(t, html[okafor:noSpeaker], `<span class="badge st-favor">favor</span>`)
	assert.Contains(t, html[noSpeaker:], "Nobody asked us")
}

func TestInspectorShowsClaimControls(t *testing.T) {
	st := sampleState(t)
	Update(st, Tag{Label: annotation.LabelClaim, Sel: cp(t, SampleText, "“Nobody asked us,”")})
	Update(st, SetStanceIndex{N: 2})
	html := InspectorHTML(st)
	assert.Contains(t, html, `data-value="against" class="st-against on" aria-pressed="true"`)
	assert.Contains(t, html, `data-field="target" value="`+SampleTitle+`"`)
	assert.Contains(t, html, `data-field="mention"`)
	assert.Contains(t, html, `data-field="cue"`)
	assert.Contains(t, html, `data-field="note"`)
}

func TestFileNameIsSafe(t *testing.T) {
	tests := []struct{ title, want string }{
		{"Plain title", "Plain title"},
		{"../../etc/passwd", "etc passwd"},
		{`a\b:c*d?e"f<g>h|i`, "a b c d e f g h i"},
		{"\x00\x1fbell\u202eevil", "bell evil"},
		{"   ", "sayso"},
		{"...hidden", "hidden"},
		{strings.Repeat("x", 300), strings.Repeat("x", MaxFileNameRunes)},
		{"Émile’s 🚲 story", "Émile’s 🚲 story"},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, FileName(tc.title), "title %q", tc.title)
	}
}

func TestShortcutsListEveryKey(t *testing.T) {
	html := ShortcutsHTML(NewState(fixedClock))
	for _, k := range []string{">c<", ">s<", ">q<", "1 – 4", ">l<", "j / k", "Delete", "Ctrl+Z", "Esc", ">?<"} {
		assert.Contains(t, html, k)
	}
}

func TestHighlightRangesCountUTF16WithinParagraphs(t *testing.T) {
	st := NewState(fixedClock)
	Update(st, Paste{Title: "t", Text: "😀 Wang said.\n中文 and 👩‍👩‍👧 more"})
	// A speaker after the emoji, and a claim across both paragraphs.
	Update(st, Tag{Label: annotation.LabelSpeaker, Sel: Selection{Start: 2, End: 6}})
	Update(st, Tag{Label: annotation.LabelClaim, Sel: Selection{Start: 7, End: 17, Exact: true}})
	Update(st, SetStanceIndex{N: 1})
	ids, packed := HighlightRanges(st, st.Store.Annotations(st.Doc))
	assert.Equal(t, "a1 a2", ids)
	assert.Equal(t, []int32{
		0, 5, 0, 3, 7, // a1, speaker, paragraph 0, UTF-16 3–7 (the emoji is 2 units)
		1, 1, 0, 8, 13, // a2, claim-favor, paragraph 0 to its end
		1, 1, 1, 0, 4, // and paragraph 1 from its start: "中文 a"
	}, packed)
	assert.Equal(t, `<p id="p1" data-o="13">中文 and 👩‍👩‍👧 more</p>`, PlainParagraphHTML(st, 1))
	sel, rel := MarkedIDs(st)
	assert.Equal(t, "a2", sel)
	assert.Empty(t, rel)
}

func TestPlainDocumentEscapesText(t *testing.T) {
	st := NewState(fixedClock)
	Update(st, Paste{Title: "t", Text: hostile + "\nline two"})
	html := PlainDocumentHTML(st)
	assertOnlyOwnMarkup(t, html)
	assert.Contains(t, html, `<section><p id="p0" data-o="0">&lt;img`)
}

func TestVeryLongNamesAndNotesStayBoundedAndEscaped(t *testing.T) {
	long := strings.Repeat(`<b>"x"</b> \ 😀 ‏`, 2000) // HTML, quotes, a backslash, an emoji, an RTL mark
	st := NewState(fixedClock)
	Update(st, Paste{Title: long, Text: "Ana said it works."})
	Update(st, Tag{Label: annotation.LabelSpeaker, Sel: Selection{Start: 0, End: 3}})
	Update(st, RenameSpeaker{Name: long})
	Update(st, Tag{Label: annotation.LabelClaim, Sel: Selection{Start: 9, End: 17}})
	Update(st, SetNote{Value: long})
	Update(st, SetTarget{Value: long})

	sidebar := SidebarHTML(st)
	assertOnlyOwnMarkup(t, sidebar)
	assert.Less(t, len(sidebar), 2000, "the side list clips long names")
	assertOnlyOwnMarkup(t, InspectorHTML(st))
	assert.Contains(t, InspectorHTML(st), esc(long), "the inspector edits the whole note")
	assert.LessOrEqual(t, len([]rune(FileName(Title(st)))), MaxFileNameRunes)

	data := Update(st, Export{})[0].(Download).Data
	fresh := NewState(fixedClock)
	Update(fresh, Import{Name: "long.sayso.json", Data: data})
	assert.Equal(t, st.Store.Project(), fresh.Store.Project(), "long strings survive export and import")
}
