package view

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/app"
	"sayso/internal/exchange"
	"sayso/internal/format/native"
	"sayso/internal/handinclient"
)

func TestCompareBoxesCountTheBoxesAndSayWhatWasFetched(t *testing.T) {
	box := func(k int) handinclient.Owner {
		return handinclient.Owner{Origin: "https://sayso.example.org", Box: strings.Repeat(fmt.Sprint(k), 24), ExerciseTitle: fmt.Sprint("Week ", k)}
	}
	st := sampleState(t)
	raw := CompareBoxes(st).String()
	boxes := parse(t, CompareBoxes(st))
	assert.Equal(t, []string{"0 boxes"}, boxes.texts(tag("span", "class", "count")))
	assert.Len(t, boxes.all(tag("p", "class", "hint")), 1, "says where boxes come from")
	assert.NotContains(t, raw, "<table")
	assert.NotContains(t, raw, "</table>")

	st.HandIn.Boxes = []handinclient.Owner{box(1)}
	st.HandIn.Status = map[string]app.BoxStatus{box(1).Box: {State: &handinclient.State{HandIns: 1, Bytes: 1}}}
	raw = CompareBoxes(st).String()
	boxes = parse(t, CompareBoxes(st))
	assert.Equal(t, []string{"1 box"}, boxes.texts(tag("span", "class", "count")))
	assert.Empty(t, boxes.all(tag("p", "class", "hint")))
	assert.Equal(t, 1, strings.Count(raw, "</tbody></table>"))
	assert.Contains(t, boxes.texts(tag("td")), "open, 1 hand-in (1 byte)", "nothing fetched yet: nothing said of it")

	st.HandIn.Boxes = append(st.HandIn.Boxes, box(2))
	st.HandIn.Status[box(1).Box] = app.BoxStatus{State: &handinclient.State{HandIns: 2, Bytes: 10}, Fetched: 1}
	boxes = parse(t, CompareBoxes(st))
	assert.Equal(t, []string{"2 boxes"}, boxes.texts(tag("span", "class", "count")))
	assert.Contains(t, boxes.texts(tag("td")), "open, 2 hand-ins (10 bytes); latest of 1 student fetched")
	assert.Contains(t, boxes.texts(tag("td")), "not asked yet")
}

func TestTheImportDialogNamesTheFileAndSelectsEachChoice(t *testing.T) {
	st := app.NewState(fixedClock)
	app.Update(st, app.Paste{Title: "Harbour", Text: harbourText})
	data := exportOf(t, "Harbour", harbourText, "the plan is too costly")
	for _, c := range []struct{ name, says string }{{"ana.sayso.json", "“ana.sayso.json” holds 1 document;"}, {"", "the file holds 1 document;"}} {
		app.Update(st, app.ImportInto{Name: c.name, Data: data})
		require.NotNil(t, st.Import, st.Message.Text)
		st.Import.Name = c.name
		assert.True(t, strings.HasPrefix(parse(t, ImportDialog(st)).one(t, tag("p")).text(), c.says), c.name)
		app.Update(st, app.CancelImport{})
	}
	app.Update(st, app.ImportInto{Name: "ana.sayso.json", Data: data})
	require.NotNil(t, st.Import)
	imported := st.Import.Conflicts[0].Imported
	for _, choice := range []string{"merge", "replace", "keep-both"} {
		app.Update(st, app.SetImportChoice{Imported: imported, Choice: choice})
		sel := parse(t, ImportDialog(st)).one(t, tag("select"))
		var picked []string
		for _, o := range sel.all(tag("option")) {
			if _, on := attr(o, "selected"); on {
				v, _ := attr(o, "value")
				picked = append(picked, v)
			}
		}
		assert.Equal(t, []string{choice}, picked)
	}
}

func TestStanceMarkNamesTheStyleOfEachStanceValue(t *testing.T) {
	sc := annotation.DefaultSchema()
	sc.Stances = append(sc.Stances, "sceptical")
	for _, c := range []struct{ value, style, words string }{
		{"against", "claim-against", "wavy underline"},
		{"favor", "claim-favor", "solid underline"},
		{"sceptical", AddedStanceStyles[0].Style, AddedStanceStyles[0].Words},
		{"", "", ""},
		{"not in the schema", "", ""},
	} {
		style, words := stanceMark(sc, c.value)
		assert.Equal(t, []string{c.style, c.words}, []string{style, words}, c.value)
	}
}

func TestThePrintedListShowsATargetAndANoteOnlyWhenThereIsOne(t *testing.T) {
	st := sampleState(t)
	app.Update(st, app.Tag{Label: annotation.LabelClaim, Sel: cp(t, app.SampleText, slowDeath)})
	app.Update(st, app.SetTarget{Value: "the plan"})
	app.Update(st, app.SetNote{Value: "check the source"})
	app.Update(st, app.Tag{Label: annotation.LabelClaim, Sel: cp(t, app.SampleText, customers)})
	app.Update(st, app.SetTarget{Value: ""})
	items := parse(t, PrintList(st)).all(tag("li"))
	require.Len(t, items, 2)
	first, second := page{items[0]}, page{items[1]}
	if strings.Contains(first.text(), "half of his customers") {
		first, second = second, first
	}
	assert.Equal(t, []string{"Stance target: the plan", "Note: check the source"}, first.texts(tag("p")))
	assert.Empty(t, second.texts(tag("p")))
}

func TestTheExportMenuOffersTheScopeOnlyForSeveralDocumentsAndSaysWhatEachFormatLoses(t *testing.T) {
	st := sampleState(t)
	menu := parse(t, ExportMenu(st))
	assert.Empty(t, menu.all(tag("button", "class", "scope")), "one document: nothing to choose")
	assert.Contains(t, ExportMenu(st).String(), "Keeps everything.", "the native format loses nothing")
	app.Step(st, app.AddPasted{Title: "Two", Text: "A second article."})
	assert.Len(t, parse(t, ExportMenu(st)).all(tag("button", "class", "scope")), 1)
}

func TestSaveFailedOnAnErrorOrAStop(t *testing.T) {
	st := sampleState(t)
	assert.False(t, SaveFailed(st))
	st.Save.Err = "storage full"
	assert.True(t, SaveFailed(st))
	st.Save.Err, st.Save.Stopped = "", true
	assert.True(t, SaveFailed(st))
}

func TestTheSideListDrawsExactlyTheRowsOfItsWindow(t *testing.T) {
	st := longState(t, 200)
	app.Update(st, app.ListScrolled{Top: 150 * app.ListRowHeight, Height: 900})
	first, end := st.ListWindow(st.ListLen())
	require.Less(t, end, st.ListLen(), "a window inside the list")
	rows := parse(t, Sidebar(st)).all(tag("li", "class", "vrow"))
	assert.Len(t, rows, end-first)
	l := SidebarList(st)
	assert.Len(t, l.Rows, end-first)
}

func TestTheListsTabStopIsItsFocusedRowElseItsFirstAnnotation(t *testing.T) {
	st := longState(t, 30)
	anns := st.Store.Annotations(st.Doc)
	stops := func() []string {
		var ids []string
		for _, n := range parse(t, Sidebar(st)).all(tag("li", "tabindex", "0")) {
			id, _ := attr(n, "data-id")
			ids = append(ids, id)
		}
		return ids
	}
	rows := st.ListRows()
	firstAnn := ""
	for _, r := range rows {
		if r.Annotation != nil {
			firstAnn = r.Annotation.ID
			break
		}
	}
	app.Update(st, app.Select{ID: ""})
	assert.Equal(t, []string{firstAnn}, stops(), "nothing focused: the first annotation drawn")
	app.Update(st, app.Select{ID: anns[9].ID})
	assert.Equal(t, []string{anns[9].ID}, stops(), "the selected row")
	assert.Len(t, parse(t, Sidebar(st)).all(tag("li", "aria-current", "true")), 1)
}

func TestTheNotPlacedGroupCountsThisDocumentsOrphansAndShowsFifty(t *testing.T) {
	for _, c := range []struct {
		orphans int
		count   string
		shown   int
		more    string
	}{
		{1, "1 annotation", 1, ""},
		{50, "50 annotations", 50, ""},
		{53, "53 annotations", 50, "and 3 annotations more (all are kept and exported)"},
	} {
		st := orphansState(t, c.orphans)
		group := parse(t, Sidebar(st)).one(t, tag("section", "class", "orphans"))
		assert.Equal(t, []string{c.count}, group.texts(tag("span", "class", "count")))
		assert.Len(t, group.all(tag("li", "class", "orphan")), c.shown)
		more := group.texts(tag("li", "class", "more"))
		if c.more == "" {
			assert.Empty(t, more)
		} else {
			assert.Equal(t, []string{c.more}, more)
		}
	}
}

// orphansState is a document whose n claims lost their text in an edit.
func orphansState(t *testing.T, n int) *app.State {
	t.Helper()
	var b strings.Builder
	for k := range n {
		fmt.Fprintf(&b, "Claim number %03d is here.\n", k)
	}
	body := b.String()
	st := app.NewState(fixedClock)
	app.Update(st, app.Paste{Title: "orphans", Text: body + "The rest stays."})
	for k := range n {
		app.Update(st, app.Tag{Label: annotation.LabelClaim, Sel: cp(t, body, fmt.Sprintf("number %03d", k))})
	}
	app.Update(st, app.OpenTextEditor{})
	app.Update(st, app.SaveText{Text: "The rest stays."})
	require.Len(t, st.Store.Orphans(), n, st.Message.Text)
	return st
}

func TestTheSuggestionsListShowsThirtyAroundTheCurrentOneAndCountsTheRest(t *testing.T) {
	var b strings.Builder
	for k := range 80 {
		fmt.Fprintf(&b, "“Plan %d will work,” said Mayor Reyes.\n", k)
	}
	st := app.NewState(fixedClock)
	app.Update(st, app.Paste{Title: "quotes", Text: b.String()})
	app.Update(st, app.Suggest{})
	for range 100 {
		if _, running := st.SuggestRunning(); !running {
			break
		}
		app.Update(st, app.SuggestMore{})
	}
	list, _ := st.Suggestions()
	require.Len(t, list, 80)
	for _, c := range []struct {
		current       int
		before, after []string
		firstListed   string
	}{
		{0, nil, []string{"50 suggestions after"}, "0"},
		{50, []string{"35 suggestions before"}, []string{"15 suggestions after"}, "35"},
		{79, []string{"50 suggestions before"}, nil, "50"},
	} {
		app.Update(st, app.SelectSuggestion{Index: c.current})
		group := parse(t, Sidebar(st)).one(t, tag("section", "class", "suggestions"))
		more := group.texts(tag("p", "class", "more"))
		assert.Equal(t, append(append([]string{}, c.before...), c.after...), more, "current %d", c.current)
		listed := group.attrs(tag("button", "class", "sg-pick"), "data-sg")
		require.Len(t, listed, 30)
		assert.Equal(t, c.firstListed, listed[0])
	}
}

func TestTheListsTabStopIsTheFirstDrawnRowWhenTheFocusedOneIsScrolledAway(t *testing.T) {
	st := longState(t, 200)
	anns := st.Store.Annotations(st.Doc)
	app.Update(st, app.Select{ID: anns[0].ID})
	app.Update(st, app.ListScrolled{Top: 150 * app.ListRowHeight, Height: 900})
	first, end := st.ListWindow(st.ListLen())
	require.Greater(t, first, 2, "the selected row is not drawn")
	firstDrawn := ""
	for i := first; i < end && firstDrawn == ""; i++ {
		if r := st.ListRow(i); r.Annotation != nil {
			firstDrawn = r.Annotation.ID
		}
	}
	var stops []string
	for _, n := range parse(t, Sidebar(st)).all(tag("li", "tabindex", "0")) {
		id, _ := attr(n, "data-id")
		stops = append(stops, id)
	}
	assert.Equal(t, []string{firstDrawn}, stops, "the list keeps one Tab stop among the rows drawn")
	assert.Empty(t, parse(t, Sidebar(st)).all(tag("li", "class", "sel")), "the selected row is not drawn")

	app.Update(st, app.Select{ID: firstDrawn})
	sel := parse(t, Sidebar(st)).all(tag("li", "class", "sel"))
	require.Len(t, sel, 1)
	id, _ := attr(sel[0], "data-id")
	assert.Equal(t, firstDrawn, id)
}

func TestEachExportFormatSaysWhatItLosesOrThatItKeepsEverything(t *testing.T) {
	menu := parse(t, ExportMenu(sampleState(t)))
	items := menu.all(tag("button", "data-action", string(ActExportAs)))
	formats := exchange.Formats()
	require.Len(t, items, len(formats))
	for i, f := range formats {
		want := f.Loses
		if want == "" {
			want = "Keeps everything."
		}
		assert.Equal(t, []string{want}, page{items[i]}.texts(tag("span", "class", "loses")), f.ID)
	}
}

func TestAMentionOfNoKnownSpeakerSaysItHasNoneYet(t *testing.T) {
	st := app.NewState(fixedClock)
	app.Update(st, app.Paste{Title: "t", Text: harbourText})
	app.Update(st, app.Tag{Label: annotation.LabelSpeaker, Sel: cp(t, harbourText, "The mayor")})
	p := st.Store.Project()
	require.Len(t, p.Annotations, 1)
	p.Annotations[0].Speaker, p.Speakers = "", nil
	data, err := native.Encode(p)
	require.NoError(t, err)
	opened := app.NewState(fixedClock)
	app.Update(opened, app.ImportFile{Name: "t.sayso.json", Data: data})
	require.Equal(t, 1, opened.Store.Len(), opened.Message.Text)
	m := opened.Store.Annotations(opened.Doc)[0]
	require.Empty(t, m.Speaker)
	require.Empty(t, opened.Store.SpeakerCandidates(m.Quote))
	app.Update(opened, app.Select{ID: m.ID})
	box := parse(t, Inspector(opened)).one(t, tag("fieldset", "class", "undecided"))
	assert.Equal(t, []string{"This mention has no speaker yet. Choose one below."}, box.texts(tag("p", "class", "hint")))
}
