package view

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"sayso/internal/app"
)

func TestToolsTitleEachTagButtonWithItsKeyWhenItHasOne(t *testing.T) {
	st := sampleState(t)
	app.Update(st, app.AddLabel{Name: "Rumour", Color: "#8e44ad"})
	require.Len(t, st.Store.Schema().Labels, 4, st.Message.Text)

	tools := tag("button", "data-action", string(ActTag))
	p := parse(t, Tools(st))
	assert.Equal(t, []string{
		"Tag the selected text as Claim (c)",
		"Tag the selected text as Speaker (s)",
		"Tag the selected text as Cue (q)",
		"Tag the selected text as Rumour",
	}, p.attrs(tools, "title"))
	assert.Equal(t, []string{"Claim c", "Speaker s", "Cue q", "Rumour"}, p.texts(tools))
}

func TestDocumentsShowsTheStorageUseOnlyWhenTheBrowserEstimatedIt(t *testing.T) {
	tests := []struct {
		name string
		use  app.StorageUse
		want []string
	}{
		{"not estimated", app.StorageUse{}, []string{}},
		{"estimated", app.StorageUse{Usage: 14_000_000, Quota: 2_500_000_000}, []string{"Using 14 MB of 2.5 GB in this browser"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := sampleState(t)
			app.Update(st, app.StorageEstimated{Use: tc.use})
			assert.Equal(t, tc.want, parse(t, Documents(st)).texts(tag("p", "class", "storage-use")))
		})
	}
}

// documentRows is what the Documents panel says of each row.
type documentRows struct {
	class, current, posinset, setsize, open, titleLabel, upDisabled, downDisabled, removeDisabled []string
}

func readDocumentRows(t *testing.T, st *app.State) documentRows {
	t.Helper()
	p := parse(t, Documents(st))
	rows := tag("li", "class", "doc-row")
	return documentRows{
		class:          p.attrs(rows, "class"),
		current:        p.attrs(rows, "aria-current"),
		posinset:       p.attrs(rows, "aria-posinset"),
		setsize:        p.attrs(rows, "aria-setsize"),
		open:           p.texts(tag("button", "class", "doc-open")),
		titleLabel:     p.attrs(tag("input", "data-field", string(FieldDocTitle)), "aria-label"),
		upDisabled:     p.attrs(tag("button", "data-action", string(ActDocUp)), "disabled"),
		downDisabled:   p.attrs(tag("button", "data-action", string(ActDocDown)), "disabled"),
		removeDisabled: p.attrs(tag("button", "data-action", string(ActDocRemove)), "disabled"),
	}
}

func TestDocumentsNumbersTheRowsFromOneMarksTheShownOneAndMovesOnlyWhereTheyCan(t *testing.T) {
	tests := []struct {
		name   string
		titles []string
		show   int
		want   documentRows
	}{
		{"one document", []string{"First"}, 0, documentRows{
			class:          []string{"doc-row current"},
			current:        []string{"true"},
			posinset:       []string{"1"},
			setsize:        []string{"1"},
			open:           []string{"1. First"},
			titleLabel:     []string{"Title of document 1"},
			upDisabled:     []string{"present"},
			downDisabled:   []string{"present"},
			removeDisabled: []string{"present"},
		}},
		{"three documents, the second shown", []string{"First", "Second", "Third"}, 1, documentRows{
			class:          []string{"doc-row", "doc-row current", "doc-row"},
			current:        []string{"", "true", ""},
			posinset:       []string{"1", "2", "3"},
			setsize:        []string{"3", "3", "3"},
			open:           []string{"1. First", "2. Second", "3. Third"},
			titleLabel:     []string{"Title of document 1", "Title of document 2", "Title of document 3"},
			upDisabled:     []string{"present", "", ""},
			downDisabled:   []string{"", "", "present"},
			removeDisabled: []string{"", "", ""},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			st := app.NewState(fixedClock)
			for _, title := range tc.titles {
				app.Update(st, app.AddPasted{Title: title, Text: "The text of " + title + "."})
			}
			docs := st.Store.Documents()
			require.Len(t, docs, len(tc.titles), st.Message.Text)
			app.Update(st, app.ShowDocument{ID: docs[tc.show].ID})
			assert.Equal(t, tc.want, readDocumentRows(t, st))
		})
	}
}

func TestSchemaMarksTheThreeBuiltInLabelsAndLetsTheOthersBeRemoved(t *testing.T) {
	st := sampleState(t)
	app.Update(st, app.AddLabel{Name: "Rumour", Color: "#8e44ad", Key: "r"})
	require.Len(t, st.Store.Schema().Labels, 4, st.Message.Text)

	p := parse(t, Schema(st))
	var last []string
	labelRow := func(n *html.Node) bool {
		_, ok := attr(n, "data-label")
		return n.Data == "tr" && ok
	}
	for _, row := range p.all(labelRow) {
		cells := page{row}.texts(tag("td"))
		last = append(last, cells[len(cells)-1])
	}
	assert.Equal(t, []string{"built in", "built in", "built in", "Remove"}, last)
	assert.Equal(t, []string{"Remove the label “Rumour”"}, p.attrs(tag("button", "data-action", string(ActLabelRemove)), "aria-label"))
}

// TestSchemaNumbersTheStanceValuesAndKeysTheFirstNine: ten values, the
// four built in and six added; the keys 1–9 choose the first nine.
func TestSchemaNumbersTheStanceValuesAndKeysTheFirstNine(t *testing.T) {
	st := sampleState(t)
	added := []string{"doubt", "hope", "fear", "praise", "blame", "irony"}
	for _, v := range added {
		app.Update(st, app.AddStanceValue{Value: v})
	}
	require.Len(t, st.Store.Schema().Stances, 10, st.Message.Text)

	p := parse(t, Schema(st))
	rows := p.one(t, tag("ol", "class", "stances")).all(tag("li"))
	var keys, marks []string
	for _, li := range rows {
		keys = append(keys, strings.Join(page{li}.texts(tag("kbd")), " "))
		marks = append(marks, strings.Join(page{li}.texts(tag("span", "class", "mk-words")), " "))
	}
	assert.Equal(t, []string{"1", "2", "3", "4", "5", "6", "7", "8", "9", ""}, keys)
	assert.Equal(t, []string{
		"marked with a solid underline",
		"marked with a wavy underline",
		"marked with a dashed underline",
		"marked with a dotted underline",
		"marked with a solid underline and overline",
		"marked with a dashed underline and overline",
		"marked with a dotted underline and overline",
		"marked with a double underline and overline",
		"marked with a wavy underline and overline",
		"marked with a thick solid underline and overline",
	}, marks)
	assert.Equal(t, []string{
		"Stance value 1", "Stance value 2", "Stance value 3", "Stance value 4", "Stance value 5",
		"Stance value 6", "Stance value 7", "Stance value 8", "Stance value 9", "Stance value 10",
	}, p.attrs(tag("input", "data-field", string(FieldStanceName)), "aria-label"))
	up := p.attrs(tag("button", "data-action", string(ActStanceUp)), "disabled")
	down := p.attrs(tag("button", "data-action", string(ActStanceDown)), "disabled")
	assert.Equal(t, []string{"present", "", "", "", "", "", "", "", "", ""}, up)
	assert.Equal(t, []string{"", "", "", "", "", "", "", "", "", "present"}, down)
}
