package view

import (
	stdhtml "html"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/app"
)

func TestViewEscapesEveryPieceOfData(t *testing.T) {
	st := app.NewState(fixedClock)
	app.Update(st, app.Paste{Title: hostile, Text: "Intro " + hostile + " said Bob.\nSecond paragraph."})
	body, _, _ := st.Store.Document(st.Doc)
	sel := cp(t, body.Text, hostile)
	sel.Exact = true
	app.Update(st, app.Tag{Label: annotation.LabelClaim, Sel: sel})
	app.Update(st, app.SetNote{Value: hostile})
	app.Update(st, app.SetTarget{Value: hostile})
	app.Update(st, app.Tag{Label: annotation.LabelSpeaker, Sel: cp(t, body.Text, "Bob")})
	app.Update(st, app.RenameSpeaker{Name: hostile})
	app.Update(st, app.ClickText{Offset: sel.Start})

	views := map[string]string{
		"document":  Document(st).String(),
		"sidebar":   Sidebar(st).String(),
		"inspector": Inspector(st).String(),
	}
	app.Update(st, app.Select{ID: "a2"})
	views["mention inspector"] = Inspector(st).String()
	app.Update(st, app.SetAnnotator{Name: hostile})
	app.Update(st, app.AddPasted{Title: hostile, Text: hostile})
	app.Update(st, app.AddLabel{Name: "x" + hostile, Key: "<"})
	app.Update(st, app.AddStanceValue{Value: hostile})
	require.Len(t, st.Store.Schema().Labels, 4, st.Message.Text)
	require.Len(t, st.Store.Schema().Stances, 5, st.Message.Text)
	views["documents"] = Documents(st).String()
	views["schema"] = Schema(st).String()
	views["tools"] = Tools(st).String()
	views["export menu"] = ExportMenu(st).String()
	for name, html := range views {
		t.Run(name, func(t *testing.T) {
			assertOnlyOwnMarkup(t, html)
		})
	}
	assert.Contains(t, views["document"], "&lt;img src=x onerror=&#34;window.__pwned=1&#34;&gt;")
}

func TestParagraphSegmentsCarryCodePointOffsets(t *testing.T) {
	st := app.NewState(fixedClock)
	app.Update(st, app.Paste{Title: "t", Text: "😀 Wang said “hi”.\nNext"})
	app.Update(st, app.Tag{Label: annotation.LabelSpeaker, Sel: app.Selection{Start: 2, End: 6}})
	html := Paragraph(st, 0).String()
	assert.Equal(t, `<p id="p0" data-p="0" dir="auto"><span data-o="0">😀 </span><span data-o="2" class="ann l-speaker sel">Wang</span><span data-o="6"> said “hi”.</span></p>`, html)
	assert.Equal(t, `<p id="p1" data-p="1" dir="auto"><span data-o="18">Next</span></p>`, Paragraph(st, 1).String())
}

func TestOverlapsAreMarkedNested(t *testing.T) {
	st := app.NewState(fixedClock)
	app.Update(st, app.Paste{Title: "t", Text: "Ann said the plan will fail badly."})
	app.Update(st, app.Tag{Label: annotation.LabelClaim, Sel: app.Selection{Start: 9, End: 33, Exact: true}})
	app.Update(st, app.SetStance{Value: "against"})
	app.Update(st, app.Tag{Label: annotation.LabelCue, Sel: app.Selection{Start: 4, End: 13, Exact: true}})
	html := Paragraph(st, 0).String()
	assert.Contains(t, html, `<span data-o="4" class="ann l-cue sel">said </span>`)
	assert.Contains(t, html, `<span data-o="9" class="ann l-cue l-claim st-against nest sel">the</span>`)
	assert.Contains(t, html, `<span data-o="12" class="ann l-claim st-against"> plan will fail badly</span>`)
}

func TestSidebarGroupsBySpeakerWithStances(t *testing.T) {
	st := sampleState(t)
	app.Update(st, app.Tag{Label: annotation.LabelSpeaker, Sel: cp(t, app.SampleText, "Mayor Ines Okafor")})
	app.Update(st, app.Tag{Label: annotation.LabelClaim, Sel: cp(t, app.SampleText, "“Our streets were built for people, not for parking,”")})
	app.Update(st, app.SetStanceIndex{N: 1})
	app.Update(st, app.LinkNearest{})
	app.Update(st, app.Tag{Label: annotation.LabelClaim, Sel: cp(t, app.SampleText, "“Nobody asked us,”")})
	html := Sidebar(st).String()
	require.Contains(t, html, `<span class="who">Mayor Ines Okafor</span>`)
	okafor := strings.Index(html, "Mayor Ines Okafor")
	noSpeaker := strings.Index(html, "No speaker yet")
	assert.Less(t, okafor, noSpeaker)
	assert.Contains(t, html[okafor:noSpeaker], `<span class="badge st-favor">favor</span>`)
	assert.Contains(t, html[noSpeaker:], "Nobody asked us")
}

func TestInspectorShowsClaimControls(t *testing.T) {
	st := sampleState(t)
	app.Update(st, app.Tag{Label: annotation.LabelClaim, Sel: cp(t, app.SampleText, "“Nobody asked us,”")})
	app.Update(st, app.SetStanceIndex{N: 2})
	html := Inspector(st).String()
	assert.Contains(t, html, `data-value="against" class="st-against on" aria-pressed="true"`)
	assert.Contains(t, html, `data-field="target" value="`+app.SampleTopic+`"`)
	assert.Contains(t, html, `data-field="mention"`)
	assert.Contains(t, html, `data-field="cue"`)
	assert.Contains(t, html, `data-field="note"`)
}

func TestShortcutsListEveryKey(t *testing.T) {
	html := Shortcuts(app.NewState(fixedClock)).String()
	for _, k := range []string{">c<", ">s<", ">q<", "1 – 4", ">l<", "j / k", "Delete", "Ctrl+Z", "Esc", ">?<"} {
		assert.Contains(t, html, k)
	}
}

func TestHighlightRangesCountUTF16WithinParagraphs(t *testing.T) {
	st := app.NewState(fixedClock)
	app.Update(st, app.Paste{Title: "t", Text: "😀 Wang said.\n中文 and 👩‍👩‍👧 more"})
	// A speaker after the emoji, and a claim across both paragraphs.
	app.Update(st, app.Tag{Label: annotation.LabelSpeaker, Sel: app.Selection{Start: 2, End: 6}})
	app.Update(st, app.Tag{Label: annotation.LabelClaim, Sel: app.Selection{Start: 7, End: 17, Exact: true}})
	app.Update(st, app.SetStanceIndex{N: 1})
	ids, packed := app.HighlightRanges(st, st.Store.Annotations(st.Doc))
	assert.Equal(t, "a1 a2", ids)
	assert.Equal(t, []int32{
		0, 5, 0, 3, 7, // a1, speaker, paragraph 0, UTF-16 3–7 (the emoji is 2 units)
		1, 1, 0, 8, 13, // a2, claim-favor, paragraph 0 to its end
		1, 1, 1, 0, 4, // and paragraph 1 from its start: "中文 a"
	}, packed)
	assert.Equal(t, `<p id="p1" data-o="13" dir="auto">中文 and 👩‍👩‍👧 more</p>`, PlainParagraph(st, 1).String())
	sel, rel := app.MarkedIDs(st)
	assert.Equal(t, "a2", sel)
	assert.Empty(t, rel)
}

func TestPlainDocumentEscapesText(t *testing.T) {
	st := app.NewState(fixedClock)
	app.Update(st, app.Paste{Title: "t", Text: hostile + "\nline two"})
	html := PlainDocument(st).String()
	assertOnlyOwnMarkup(t, html)
	assert.Contains(t, html, `<section><p id="p0" data-o="0" dir="auto">&lt;img`)
}

func TestVeryLongNamesAndNotesStayBoundedAndEscaped(t *testing.T) {
	long := strings.Repeat(`<b>"x"</b> \ 😀 ‏`, 2000) // HTML, quotes, a backslash, an emoji, an RTL mark
	st := app.NewState(fixedClock)
	app.Update(st, app.Paste{Title: long, Text: "Ana said it works."})
	app.Update(st, app.Tag{Label: annotation.LabelSpeaker, Sel: app.Selection{Start: 0, End: 3}})
	app.Update(st, app.RenameSpeaker{Name: long})
	app.Update(st, app.Tag{Label: annotation.LabelClaim, Sel: app.Selection{Start: 9, End: 17}})
	app.Update(st, app.SetNote{Value: long})
	app.Update(st, app.SetTarget{Value: long})

	sidebar := Sidebar(st).String()
	assertOnlyOwnMarkup(t, sidebar)
	assert.Less(t, len(sidebar), 2000, "the side list clips long names")
	assertOnlyOwnMarkup(t, Inspector(st).String())
	assert.Contains(t, Inspector(st).String(), stdhtml.EscapeString(long), "the inspector edits the whole note")
	assert.LessOrEqual(t, len([]rune(app.FileName(app.Title(st)))), app.MaxFileNameRunes)

	data := app.Update(st, app.Export{})[0].(app.Download).Data
	fresh := app.NewState(fixedClock)
	app.Update(fresh, app.Import{Name: "long.sayso.json", Data: data})
	assert.Equal(t, st.Store.Project(), fresh.Store.Project(), "long strings survive export and import")
}
