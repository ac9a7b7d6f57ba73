package view

import (
	"fmt"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"golang.org/x/net/html"
	"sayso/internal/agreement"
	"sayso/internal/annotation"
	"sayso/internal/app"
	"sayso/internal/format/native"
	"sayso/internal/text"
)

func TestCompareFilesTableMarksTheKeyAndTheFlaggedFiles(t *testing.T) {
	st := classState(t)
	other := classExport(t, "Dana", "", map[string]string{slowDeath: "against"})
	other.Data = reExercise(t, other.Data, "ex-2", "Another week")
	app.Update(st, app.AddCompareFiles{Files: []app.TextFile{other}})
	require.Len(t, st.Compare.Files, 5)

	files := parse(t, Compare(st)).one(t, tag("table", "class", "files"))
	assert.Equal(t, []string{"Teacher answer key", "Ana", "Ben", "Cleo", "Dana"}, files.texts(tag("td", "class", "who")))
	assert.Equal(t, []string{"present", "", "", "", ""}, files.attrs(tag("input", "type", "radio"), "checked"), "the key's radio only")
	assert.Equal(t, []string{"present", "present", "present", "present", ""}, files.attrs(tag("input", "type", "checkbox"), "checked"),
		"a file of another exercise is left out until included")
	assert.Equal(t, []string{"made for another exercise (Another week)"}, files.texts(tag("span", "class", "flag")))
	assert.Equal(t, []string{"—", "—", "—", "—", "made for another exercise (Another week)"}, files.texts(func(n *html.Node) bool {
		return n.Data == "td" && cellIndex(n) == 4
	}), "the notes column")
}

func TestCompareScoresShowTheWeightsTheSortAndEachCell(t *testing.T) {
	st := classState(t)
	app.Update(st, app.SetCompareWeight{Name: "claims", Value: 0.25})
	app.Update(st, app.SetCompareWeight{Name: "stance", Value: 2})

	scores := parse(t, Compare(st))
	assert.Equal(t, []string{"0.25", "0.2", "2", "0.2"}, scores.attrs(tag("input", "type", "number"), "value"),
		"weights as typed, no digits added or lost")
	heads := scores.texts(tag("button", "class", "sort"))
	require.Len(t, heads, len(app.ScoreColumns()))
	for i, col := range app.ScoreColumns() {
		want := col.Name
		if col.ID == "score" {
			want += " ▼"
		}
		assert.Equal(t, want, heads[i], "only the sorted column is marked, descending first")
	}

	reports, why := st.Compare.Reports()
	require.Empty(t, why)
	table := scores.one(t, tag("table", "class", "scores"))
	rows := table.all(tag("tr"))[1:]
	require.Len(t, rows, len(reports))
	for i, r := range reports {
		row := page{rows[i]}
		cells := app.ReportCells(r)
		assert.Equal(t, cells[:1], row.texts(tag("td", "class", "who")))
		assert.Equal(t, cells[1:], row.texts(tag("td", "class", "num")))
	}

	app.Update(st, app.SortCompare{Column: "score"})
	heads = parse(t, Compare(st)).texts(tag("button", "class", "sort"))
	assert.Contains(t, heads, "Score ▲", "the same column again: ascending")
	assert.NotContains(t, heads, "Score ▼")
}

func TestCompareWithoutAKeySaysWhyThereAreNoScores(t *testing.T) {
	st := classState(t)
	app.Update(st, app.SetCompareKey{Index: -1})
	scores := parse(t, Compare(st))
	assert.Empty(t, scores.all(tag("table", "class", "scores")))
	assert.Empty(t, scores.all(tag("input", "type", "number")), "no weights without scores")
	_, why := st.Compare.Reports()
	assert.Contains(t, scores.texts(tag("p", "class", "hint")), why)
}

func TestCompareAgreementNeedsTwoStudents(t *testing.T) {
	st := classState(t)
	// Ana: both claims; Ben: the first; Cleo: both. Pairwise F1 by overlap:
	// Ana–Ben 2·1/(2+1) = 2/3, Ana–Cleo 1, Ben–Cleo 2/3: mean 7/9 = 0.78.
	agreementCard := parse(t, Compare(st)).one(t, tag("section", "aria-label", "Agreement among students"))
	assert.Equal(t, []string{"0.78"}, agreementCard.texts(tag("dd", "id", "pairwise-f1")))
	assert.Len(t, agreementCard.all(tag("span", "id", "alpha")), 1)
	assert.Len(t, agreementCard.all(tag("span", "id", "kappa")), 1)

	app.Update(st, app.IncludeCompareFile{Index: 2, Include: false})
	app.Update(st, app.IncludeCompareFile{Index: 3, Include: false})
	agreementCard = parse(t, Compare(st)).one(t, tag("section", "aria-label", "Agreement among students"))
	assert.Equal(t, []string{"Agreement needs at least two students' exports."}, agreementCard.texts(tag("p", "class", "hint")))
	assert.Empty(t, agreementCard.all(tag("dl")))

	app.Update(st, app.IncludeCompareFile{Index: 3, Include: true})
	agreementCard = parse(t, Compare(st)).one(t, tag("section", "aria-label", "Agreement among students"))
	assert.Equal(t, []string{"1.00"}, agreementCard.texts(tag("dd", "id", "pairwise-f1")), "two students are enough: Ana and Cleo agree")
}

func TestCompareHeatMapShadesByHowManyMarkedAndFollowsTheChosenDocument(t *testing.T) {
	st := app.NewState(fixedClock)
	first := "The mayor said the harbour will reopen in May."
	second := "Critics said the plan is too costly. The council meets on Friday."
	app.Update(st, app.AddCompareFiles{Files: []app.TextFile{
		twoDocExport(t, "Ana", first, second, "the harbour will reopen", "the plan is too costly"),
		twoDocExport(t, "Ben", first, second, "the harbour will reopen", "the plan is too costly"),
		twoDocExport(t, "Cleo", first, second, "the harbour will reopen in May", ""),
	}})
	require.Len(t, st.Compare.Files, 3, st.Message.Text)

	heat := parse(t, Compare(st))
	docs := heat.one(t, tag("select", "data-field", string(FieldCompareDoc)))
	assert.Equal(t, []string{"One", "Two"}, docs.texts(tag("option")))
	assert.Equal(t, []string{"present", ""}, docs.attrs(tag("option"), "selected"))
	labels := heat.one(t, tag("select", "data-field", string(FieldCompareLabel)))
	selectedLabels := []string{}
	for _, o := range labels.all(tag("option", "selected", "")) {
		v, _ := attr(o, "value")
		selectedLabels = append(selectedLabels, v)
	}
	assert.Equal(t, []string{annotation.LabelClaim}, selectedLabels, "claims when no label was chosen")

	area := heat.one(t, tag("div", "id", "heat"))
	assert.Equal(t, first, area.text())
	// "the harbour will reopen" by all three (3 of 3: level 5), " in May" by
	// Cleo only (1 of 3: level ceil(5/3) = 2).
	assert.Equal(t, []string{"the harbour will reopen", "in May"}, area.texts(tag("mark")))
	assert.Equal(t, []string{"heat-5", "heat-2"}, area.attrs(tag("mark"), "class"))
	assert.Equal(t, []string{"3 of 3", "1 of 3"}, area.attrs(tag("mark"), "title"))

	doc2 := st.Compare.Files[0].Project.Documents[1].ID
	app.Update(st, app.ShowCompareDocument{ID: doc2, Label: annotation.LabelSpeaker})
	heat = parse(t, Compare(st))
	assert.Equal(t, []string{"", "present"}, heat.one(t, tag("select", "data-field", string(FieldCompareDoc))).attrs(tag("option"), "selected"))
	labels = heat.one(t, tag("select", "data-field", string(FieldCompareLabel)))
	assert.Equal(t, []string{"present"}, labels.attrs(tag("option", "value", annotation.LabelSpeaker), "selected"))
	area = heat.one(t, tag("div", "id", "heat"))
	assert.Equal(t, second, area.text())
	assert.Empty(t, area.all(tag("mark")), "nobody marked a speaker")

	app.Update(st, app.ShowCompareDocument{Label: annotation.LabelClaim})
	area = parse(t, Compare(st)).one(t, tag("div", "id", "heat"))
	assert.Equal(t, []string{"the plan is too costly"}, area.texts(tag("mark")))
	assert.Equal(t, []string{"2 of 3"}, area.attrs(tag("mark"), "title"))
	assert.Equal(t, []string{"heat-4"}, area.attrs(tag("mark"), "class"), "2 of 3: level ceil(10/3) = 4")
}

func TestCompareHeatMapOfOneDocumentHasNoDocumentChoice(t *testing.T) {
	st := classState(t)
	heat := parse(t, Compare(st))
	assert.Empty(t, heat.all(tag("select", "data-field", string(FieldCompareDoc))))
	area := heat.one(t, tag("div", "id", "heat"))
	assert.Len(t, area.all(tag("p")), len(text.NewIndex(app.SampleText).Paragraphs()), "a paragraph for each")
	// Four counted (the key too): "a slow death…" by all four, "half of his
	// customers…" by the key, Ana and Cleo.
	assert.Equal(t, []string{"4 of 4", "3 of 4"}, area.attrs(tag("mark"), "title"))
	assert.Equal(t, []string{"heat-5", "heat-4"}, area.attrs(tag("mark"), "class"))
	assert.Equal(t, []string{slowDeath, customers}, area.texts(tag("mark")))
}

func TestCompareStanceBySpeakerCountsEachStudentsAttributedClaims(t *testing.T) {
	st := classState(t)
	// Ana: against ×2, Ben: favor, Cleo: against and neutral; all to Tomas
	// Reyes (the key is not a student).
	card := parse(t, Compare(st)).one(t, tag("section", "aria-label", "Stance by speaker, across the class"))
	assert.Equal(t, []string{"Speaker", "favor", "against", "neutral", "unclear"}, card.texts(tag("th")))
	assert.Equal(t, []string{"Tomas Reyes"}, card.texts(tag("td", "class", "who")))
	assert.Equal(t, []string{"1", "3", "1", "0"}, card.texts(tag("td", "class", "meter")))
	assert.Equal(t, []string{"1", "3", "1", "0"}, card.attrs(tag("meter"), "value"))
	assert.Equal(t, []string{"3", "3", "3", "3"}, card.attrs(tag("meter"), "max"), "scaled to the largest count")

	quiet := app.NewState(fixedClock)
	app.Update(quiet, app.AddCompareFiles{Files: []app.TextFile{
		classExport(t, "Key", "key", map[string]string{slowDeath: "against"}),
		unattributedExport(t, "Eve"),
	}})
	card = parse(t, Compare(quiet)).one(t, tag("section", "aria-label", "Stance by speaker, across the class"))
	assert.Empty(t, card.all(tag("table")))
	assert.Equal(t, []string{"No student attributed a claim with a stance to a speaker yet."}, card.texts(tag("p", "class", "hint")),
		"a claim with no speaker, one with no stance and a speaker with no claim count for nothing")
}

func TestCompareCandidatesCountWhoMarkedEachAndWhatIsAccepted(t *testing.T) {
	st := classState(t)
	cands := st.CompareCandidates()
	require.Len(t, cands, 3, "the speaker and the two claims")
	card := parse(t, Compare(st))
	accepted := 0
	for _, c := range cands {
		if c.Accept {
			accepted++
		}
	}
	assert.Equal(t, []string{strconv.Itoa(accepted) + " of 3 accepted"}, card.texts(tag("span", "id", "accepted")))
	table := card.one(t, tag("table", "class", "cands"))
	var counts []string
	for _, c := range cands {
		counts = append(counts, strconv.Itoa(c.Count)+" / 4")
	}
	assert.Equal(t, counts, table.texts(tag("td", "class", "num")), "out of the four files counted")
	assert.Equal(t, []string{"Accept candidate 1", "Accept candidate 2", "Accept candidate 3"}, table.attrs(tag("input", "type", "checkbox"), "aria-label"))

	app.Update(st, app.IncludeCompareFile{Index: 2, Include: false})
	table = parse(t, Compare(st)).one(t, tag("table", "class", "cands"))
	for _, s := range table.texts(tag("td", "class", "num")) {
		assert.Regexp(t, ` / 3$`, s, "Ben left out: three counted")
	}
}

// reExercise gives an export another exercise.
func reExercise(t *testing.T, data []byte, id, title string) []byte {
	t.Helper()
	p, err := native.Decode(data)
	require.NoError(t, err)
	p.Exercise = annotation.ExerciseRef{ID: id, Title: title}
	out, err := native.Encode(p)
	require.NoError(t, err)
	return out
}

// twoDocExport is who's project of two documents ("One", "Two") with a
// claim on claim1 in the first and on claim2 in the second ("" for none).
func twoDocExport(t *testing.T, who, first, second, claim1, claim2 string) app.TextFile {
	t.Helper()
	st := app.NewState(fixedClock)
	app.Update(st, app.Paste{Title: "One", Text: first})
	app.Update(st, app.SetAnnotator{Name: who})
	app.Update(st, app.Tag{Label: annotation.LabelClaim, Sel: cp(t, first, claim1)})
	require.NotEmpty(t, st.Selected, st.Message.Text)
	app.Update(st, app.AddPasted{Title: "Two", Text: second})
	require.Len(t, st.Store.Documents(), 2, st.Message.Text)
	docs := st.Store.Documents()
	app.Update(st, app.ShowDocument{ID: docs[1].ID})
	require.Equal(t, docs[1].ID, st.Doc, st.Message.Text)
	if claim2 != "" {
		app.Update(st, app.Tag{Label: annotation.LabelClaim, Sel: cp(t, second, claim2)})
		require.NotEmpty(t, st.Selected, st.Message.Text)
	}
	data, err := native.Encode(st.Store.Project())
	require.NoError(t, err)
	return app.TextFile{Name: who + ".sayso.json", Data: data}
}

// unattributedExport has a claim with a stance but no speaker, a claim
// linked to a speaker but with no stance, and a speaker mention.
func unattributedExport(t *testing.T, who string) app.TextFile {
	t.Helper()
	st := app.NewState(fixedClock)
	app.Update(st, app.LoadSample{})
	app.Update(st, app.SetAnnotator{Name: who})
	app.Update(st, app.Tag{Label: annotation.LabelClaim, Sel: cp(t, app.SampleText, slowDeath)})
	app.Update(st, app.SetStance{Value: "against"})
	app.Update(st, app.Tag{Label: annotation.LabelSpeaker, Sel: cp(t, app.SampleText, "Tomas Reyes")})
	app.Update(st, app.Tag{Label: annotation.LabelClaim, Sel: cp(t, app.SampleText, customers)})
	app.Update(st, app.LinkNearest{})
	p := st.Store.Project()
	p.Exercise = annotation.ExerciseRef{ID: "ex-1", Title: "Harbour"}
	data, err := native.Encode(p)
	require.NoError(t, err)
	return app.TextFile{Name: who + ".sayso.json", Data: data}
}

// cellIndex is the position of a table cell among its row's cells.
func cellIndex(n *html.Node) int {
	i := 0
	for c := n.PrevSibling; c != nil; c = c.PrevSibling {
		if c.Type == html.ElementNode {
			i++
		}
	}
	return i
}

func TestCompareHeatMapCutsAClaimOverTwoParagraphsAtTheBreak(t *testing.T) {
	body := "First line ends here.\nSecond line goes on."
	span := "ends here.\nSecond line"
	st := app.NewState(fixedClock)
	app.Update(st, app.AddCompareFiles{Files: []app.TextFile{
		{Name: "a.sayso.json", Data: exportOf(t, "T", body, span)},
		{Name: "b.sayso.json", Data: exportOf(t, "T", body, span)},
	}})
	require.Len(t, st.Compare.Files, 2, st.Message.Text)
	area := parse(t, Compare(st)).one(t, tag("div", "id", "heat"))
	assert.Equal(t, []string{"ends here.", "Second line"}, area.texts(tag("mark")), "one mark each side of the break, none empty")
	assert.Equal(t, []string{"First line ends here.", "Second line goes on."}, area.texts(tag("p")))
}

// The heat map marks only text: whatever the imported spans (a claim that
// starts or ends on a line break, one over several breaks, a break alone,
// an empty fragment), no mark is empty and the paragraphs keep their text.
func TestCompareHeatMapWritesNoEmptyMarkWhereClaimsMeetLineBreaks(t *testing.T) {
	// Paragraphs [0,8) "One two.", [9,20) "Three four.", [22,31) "Five
	// six."; line breaks at 8, 20 and 21 (a blank line).
	const body = "One two.\nThree four.\n\nFive six."
	paragraphs := []string{"One two.", "Three four.", "Five six."}
	span := func(start, end int) text.Span { return text.Span{Start: start, End: end} }
	for _, tc := range []struct {
		name   string
		claims [][]text.Span // each annotator's claims, one fragment each
		marks  []string
		titles []string
	}{
		{"a claim starting on the line break", [][]text.Span{{span(8, 14)}, {span(8, 14)}}, []string{"Three"}, []string{"2 of 2"}},
		{"a claim ending on the line break, taking it in", [][]text.Span{{span(4, 9)}, {span(4, 9)}}, []string{"two."}, []string{"2 of 2"}},
		{"a claim ending at the line break", [][]text.Span{{span(4, 8)}, {span(4, 8)}}, []string{"two."}, []string{"2 of 2"}},
		{"a claim starting after the line break", [][]text.Span{{span(9, 14)}, {span(9, 14)}}, []string{"Three"}, []string{"2 of 2"}},
		{"a claim of the line break alone", [][]text.Span{{span(8, 9)}, {span(8, 9)}}, []string{}, []string{}},
		{"a claim of the blank line alone", [][]text.Span{{span(20, 22)}, {span(20, 22)}}, []string{}, []string{}},
		{"a claim starting on the blank line", [][]text.Span{{span(21, 26)}, {span(21, 26)}}, []string{"Five"}, []string{"2 of 2"}},
		{"a claim over every break", [][]text.Span{{span(4, 26)}, {span(4, 26)}}, []string{"two.", "Three four.", "Five"}, []string{"2 of 2", "2 of 2", "2 of 2"}},
		{"an empty fragment", [][]text.Span{{span(4, 4)}, {span(4, 4), span(9, 14)}}, []string{"Three"}, []string{"1 of 2"}},
		{"counts changing on a line break", [][]text.Span{{span(4, 14)}, {span(8, 26)}},
			[]string{"two.", "Three", "four.", "Five"}, []string{"1 of 2", "2 of 2", "1 of 2", "1 of 2"}},
		{"one claim ending on the break where the other starts", [][]text.Span{{span(4, 9)}, {span(8, 14)}},
			[]string{"two.", "Three"}, []string{"1 of 2", "1 of 2"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := app.NewState(fixedClock)
			var files []app.TextFile
			for i, spans := range tc.claims {
				files = append(files, spanExport(t, fmt.Sprintf("Student %d", i+1), body, spans...))
			}
			app.Update(st, app.AddCompareFiles{Files: files})
			require.Len(t, st.Compare.Files, len(tc.claims), st.Message.Text)
			area := parse(t, Compare(st)).one(t, tag("div", "id", "heat"))
			assert.Equal(t, paragraphs, area.texts(tag("p")))
			assert.Equal(t, tc.marks, area.texts(tag("mark")))
			assert.Equal(t, tc.titles, area.attrs(tag("mark"), "title"))
		})
	}
}

// heatParagraph marks only text whatever runs it is given, also those
// Coverage never makes (an empty run, one ending before it starts).
func TestHeatParagraphMarksOnlyTheTextOfEachRun(t *testing.T) {
	x := text.NewIndex("One two.\nThree four.")
	second := text.Span{Start: 9, End: 20} // "Three four."
	for _, tc := range []struct {
		name  string
		runs  []agreement.Run
		marks []string
		next  int
	}{
		{"no runs", nil, []string{}, 0},
		{"an empty run inside", []agreement.Run{{Start: 12, End: 12, Count: 1}, {Start: 15, End: 19, Count: 1}}, []string{"four"}, 2},
		{"a run backwards", []agreement.Run{{Start: 14, End: 10, Count: 1}}, []string{}, 1},
		{"a run before, ending on the break", []agreement.Run{{Start: 4, End: 9, Count: 1}, {Start: 9, End: 14, Count: 1}}, []string{"Three"}, 2},
		{"a run ending at the paragraph's end", []agreement.Run{{Start: 15, End: 20, Count: 1}}, []string{"four."}, 1},
		{"a run on the paragraph's end", []agreement.Run{{Start: 20, End: 21, Count: 1}}, []string{}, 0},
		{"a run going on past the paragraph", []agreement.Run{{Start: 15, End: 30, Count: 1}}, []string{"four."}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b Builder
			b.Markup(`<p>`)
			next := heatParagraph(&b, x, second, tc.runs, 0, 1)
			b.Markup(`</p>`)
			para := parse(t, b.HTML())
			assert.Equal(t, "Three four.", para.one(t, tag("p")).text())
			assert.Equal(t, tc.marks, para.texts(tag("mark")))
			assert.Equal(t, tc.next, next, "the run the next paragraph starts from")
		})
	}
}

// spanExport is who's export of body with a claim on each span, as given:
// a file made elsewhere holds spans the app would not make from a
// selection (one starting on a line break, an empty one).
func spanExport(t *testing.T, who, body string, claims ...text.Span) app.TextFile {
	t.Helper()
	x := text.NewIndex(body)
	p := annotation.Project{
		Annotator: who,
		Schema:    annotation.DefaultSchema(),
		Documents: []annotation.Document{{ID: "d1", Title: "Lines", Text: body}},
	}
	for i, sp := range claims {
		a := annotation.Annotation{ID: fmt.Sprintf("c%d", i+1), Document: "d1", Label: annotation.LabelClaim,
			Fragments: []text.Span{sp}, Quote: annotation.QuoteOf(x, []text.Span{sp})}
		a.Prefix, a.Suffix = x.Context(sp, annotation.ContextLength)
		p.Annotations = append(p.Annotations, a)
	}
	data, err := native.Encode(p)
	require.NoError(t, err)
	return app.TextFile{Name: who + ".sayso.json", Data: data}
}
