package view

import (
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/app"
)

func TestInstructionsFormatParagraphsListsAndEmphasis(t *testing.T) {
	for _, c := range []struct{ name, src, want string }{
		{"nothing", "", ""},
		{"one line", "Read the text.", "<p>Read the text.</p>"},
		{"lines of a paragraph are joined, a blank line starts the next", "Read\nthe text.\n\nThen mark.", "<p>Read the text.</p><p>Then mark.</p>"},
		{"Windows line ends", "One\r\n\r\nTwo", "<p>One</p><p>Two</p>"},
		{"bullets of either kind", "- one\n* two", "<ul><li>one</li><li>two</li></ul>"},
		{"numbers up to three digits", "1. one\n0. zero\n999. nine", "<ol><li>one</li><li>zero</li><li>nine</li></ol>"},
		{"a number of four digits is text", "1000. years", "<p>1000. years</p>"},
		{"a number without its point and space is text", "1.5 points\n2) two\n. none", "<p>1.5 points 2) two . none</p>"},
		{"a bullet list then a numbered one", "- a\n1. b", "<ul><li>a</li></ul><ol><li>b</li></ol>"},
		{"a numbered list then a bullet one", "1. b\n- a", "<ol><li>b</li></ol><ul><li>a</li></ul>"},
		{"text after a list closes it", "- a\nthen text", "<ul><li>a</li></ul><p>then text</p>"},
		{"a list after text ends the paragraph", "text\n- a", "<p>text</p><ul><li>a</li></ul>"},
		{"a blank line ends a list", "- a\n\n- b", "<ul><li>a</li></ul><ul><li>b</li></ul>"},
		{"bold and emphasis", "**Mark** every _claim_.", "<p><b>Mark</b> every <em>claim</em>.</p>"},
		{"emphasis inside bold", "**_both_** and **two** **pairs**", "<p><b><em>both</em></b> and <b>two</b> <b>pairs</b></p>"},
		{"unmatched marks stay", "a ** b _ c", "<p>a ** b _ c</p>"},
		{"an empty pair stays", "**** and __", "<p>**** and __</p>"},
		{"marks in a list item", "- _one_ **two**", "<ul><li><em>one</em> <b>two</b></li></ul>"},
		{"digits in a word", "9 lives", "<p>9 lives</p>"},
	} {
		t.Run(c.name, func(t *testing.T) {
			assert.Equal(t, c.want, Instructions(c.src).String())
		})
	}
}

func TestTheInstructionsPanelNamesTheStudentOrSaysThereIsNoNameYet(t *testing.T) {
	file := app.Update(teacherState(t), app.ExportExercise{})[0].(app.Download)
	st := app.NewState(fixedClock)
	app.Update(st, app.ImportFile{Name: file.Name, Data: file.Data})
	require.NotEmpty(t, st.Doc, st.Message.Text)
	head := parse(t, InstructionsPanel(st)).one(t, tag("div", "class", "ex-head"))
	assert.Equal(t, "Exercise: Week 3: who said it? (no name yet)", head.text())

	app.Update(st, app.SetStudentName{Name: "Mia Chen"})
	head = parse(t, InstructionsPanel(st)).one(t, tag("div", "class", "ex-head"))
	assert.Equal(t, "Exercise: Week 3: who said it? (Mia Chen)", head.text())
}

func TestTheExercisePanelTicksTheDocumentsGivenAndCountsTheKeysAnnotations(t *testing.T) {
	st := teacherState(t)
	app.Update(st, app.AddPasted{Title: "Second", Text: harbourText})
	require.Len(t, st.Store.Documents(), 2, st.Message.Text)
	second := st.Store.Documents()[1].ID
	app.Update(st, app.SetExerciseDocument{ID: second, On: false})

	docs := parse(t, Exercise(st)).one(t, tag("fieldset", "class", "docs-choice"))
	assert.Equal(t, []string{"present", ""}, docs.attrs(tag("input", "type", "checkbox"), "checked"), "the second left out")
	assert.Equal(t, []string{"(your key: 1 annotation)", "(your key: 0 annotations)"}, docs.texts(tag("span", "class", "count")))
}

func TestParagraphsOutsideTheDocumentRenderNothing(t *testing.T) {
	st := sampleState(t)
	n := len(st.Paras)
	for _, i := range []int{-1, n, n + 1} {
		assert.Empty(t, Paragraph(st, i).String(), "paragraph %d of %d", i, n)
		assert.Empty(t, PlainParagraph(st, i).String(), "paragraph %d of %d", i, n)
	}
	assert.NotEmpty(t, Paragraph(st, n-1).String())
	assert.NotEmpty(t, PlainParagraph(st, n-1).String())
}

func TestTheDocumentIsCutIntoSectionsOfTwentyParagraphs(t *testing.T) {
	for _, c := range []struct {
		paragraphs int
		want       []int
	}{{1, []int{1}}, {20, []int{20}}, {21, []int{20, 1}}, {45, []int{20, 20, 5}}} {
		var text []byte
		for k := range c.paragraphs {
			text = append(text, []byte("Paragraph "+strconv.Itoa(k)+".\n")...)
		}
		st := app.NewState(fixedClock)
		app.Update(st, app.Paste{Title: "t", Text: string(text)})
		require.Len(t, st.Paras, c.paragraphs)
		for _, render := range []func(*app.State) HTML{Document, PlainDocument} {
			raw := render(st).String()
			assert.True(t, strings.HasPrefix(raw, "<section><p "), "opens with a section, no stray end tag")
			assert.Equal(t, len(c.want), strings.Count(raw, "</section>"), "each section closed once")
			doc := parse(t, render(st))
			var sizes []int
			for _, s := range doc.all(tag("section")) {
				sizes = append(sizes, len(page{s}.all(tag("p"))))
			}
			assert.Equal(t, c.want, sizes, "%d paragraphs", c.paragraphs)
		}
	}
	assert.Empty(t, Document(app.NewState(fixedClock)).String(), "no document, no section")
}

func TestClassNamesKeepOnlyLettersDigitsDashesAndUnderscores(t *testing.T) {
	for in, want := range map[string]string{
		"Against":             "against",
		"a-z_0-9":             "a-z_0-9",
		"azAZ09":              "azaz09",
		"pro/con: 50%":        "procon50",
		"`{|}~ @[\\]^ :;<=>?": "",
		"école":               "cole",
	} {
		assert.Equal(t, want, cssName(in), in)
	}
}
