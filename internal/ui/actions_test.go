package ui

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/app"
	"sayso/internal/app/view"
)

// fakeControl is a control with attributes, on a page with form values.
type fakeControl struct{ attrs, values map[string]string }

func (c fakeControl) Attr(name string) string { return c.attrs[name] }
func (c fakeControl) Value(id string) string  { return c.values[id] }

func TestEveryProtocolActionMapsToAnAppAction(t *testing.T) {
	for _, name := range view.Actions() {
		a, ok := ActionOf(Press{Action: name}, fakeControl{})
		assert.True(t, ok, "data-action %q", name)
		assert.NotNil(t, a, "data-action %q", name)
	}
	_, ok := ActionOf(Press{Action: "no-such-action"}, fakeControl{})
	assert.False(t, ok)
}

func TestEveryProtocolFieldMapsToAnAppAction(t *testing.T) {
	for _, name := range view.Fields() {
		a, ok := FieldAction(Change{Field: name}, fakeControl{})
		assert.True(t, ok, "data-field %q", name)
		assert.NotNil(t, a, "data-field %q", name)
	}
	_, ok := FieldAction(Change{Field: "no-such-field"}, fakeControl{})
	assert.False(t, ok)
}

func TestPressesBecomeActions(t *testing.T) {
	sel := &app.Selection{Start: 3, End: 9}
	page := fakeControl{
		attrs:  map[string]string{"data-label": "claim", "data-value": "favor", "data-orphan": "2", "data-doc": "d2", "data-file": "x", "data-input": "open-file", "aria-checked": "false"},
		values: map[string]string{"paste-title": "T", "paste-text": "Body", "student-name": "Mia"},
	}
	tests := []struct {
		name  string
		press Press
		want  app.Action
	}{
		{"tag keeps the selection, exact with Alt", Press{Action: view.ActTag, Sel: sel, Alt: true}, app.Tag{Label: "claim", Sel: app.Selection{Start: 3, End: 9, Exact: true}}},
		{"tag without a selection", Press{Action: view.ActTag}, app.Tag{Label: "claim"}},
		{"a stance button is pressed, not set: the app toggles", Press{Action: view.ActStance}, app.PressStance{Value: "favor"}},
		{"new asks the app, which may ask the person", Press{Action: view.ActNew}, app.RequestClose{}},
		{"dropping orphans asks too", Press{Action: view.ActDropOrphans}, app.RequestDropOrphans{}},
		{"adopting the gold set asks too", Press{Action: view.ActAdoptGold}, app.RequestAdoptGold{}},
		{"paste reads the form", Press{Action: view.ActPaste}, app.Paste{Title: "T", Text: "Body"}},
		{"place an orphan on the selection", Press{Action: view.ActPlaceOrphan, Sel: sel}, app.PlaceOrphan{Index: 2, Sel: sel}},
		{"a bad index is -1", Press{Action: view.ActCompareRemove}, app.RemoveCompareFile{Index: -1}},
		{"document buttons name their document", Press{Action: view.ActDocUp}, app.MoveDocument{ID: "d2", Delta: -1}},
		{"the student's name", Press{Action: view.ActStudentName}, app.SetStudentName{Name: "Mia"}},
		{"open with the columns chosen", Press{Action: view.ActColumnsOpen}, app.ConfirmColumns{}},
		{"cancel the columns question", Press{Action: view.ActColumnsCancel}, app.CancelColumns{}},
		{"yes to the question", Press{Action: view.ActConfirmYes}, app.Answer{Yes: true}},
		{"no to the question", Press{Action: view.ActConfirmNo}, app.Answer{}},
		{"a button that picks files names its input", Press{Action: view.ActPickFile}, app.PickFile{Input: "open-file"}},
		{"the export scope toggles what it shows", Press{Action: view.ActExportScope}, app.SetExportScope{DocumentOnly: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, ok := ActionOf(tt.press, page)
			require.True(t, ok)
			assert.Equal(t, tt.want, a)
		})
	}
}

func TestFieldChangesBecomeActions(t *testing.T) {
	c := fakeControl{attrs: map[string]string{"data-label": "cue", "data-doc": "d1", "data-weight": "stance", "data-cand": "4"}}
	tests := []struct {
		name   string
		change Change
		want   app.Action
	}{
		{"a label's colour", Change{Field: view.FieldLabelColor, Value: "#123456"}, app.EditLabel{ID: "cue", Field: "color", Value: "#123456"}},
		{"a checkbox's state", Change{Field: view.FieldDocDone, Checked: true}, app.SetDone{ID: "d1", Done: true}},
		{"a weight", Change{Field: view.FieldCompareWeight, Value: "2.5"}, app.SetCompareWeight{Name: "stance", Value: 2.5}},
		{"a weight that is no number is refused by the app", Change{Field: view.FieldCompareWeight, Value: "x"}, app.SetCompareWeight{Name: "stance", Value: -1}},
		{"accepting a candidate", Change{Field: view.FieldAccept, Checked: true}, app.AcceptCandidate{Index: 4, Accept: true}},
		{"a file's text column", Change{Field: view.FieldColumnText, Value: "body"}, app.SetColumn{Column: app.ColumnText, Key: "body"}},
		{"a file's label column", Change{Field: view.FieldColumnLabel, Value: "marks"}, app.SetColumn{Column: app.ColumnLabel, Key: "marks"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, ok := FieldAction(tt.change, c)
			require.True(t, ok)
			assert.Equal(t, tt.want, a)
		})
	}
}

func TestFileInputsSayWhatTheirFilesAreFor(t *testing.T) {
	tests := []struct {
		attr string
		want app.FilePurpose
	}{
		{view.FileAdd, app.FilesAdd},
		{view.FileCompare, app.FilesCompare},
		{view.FileImport, app.FilesImport},
		{view.FileBoxKey, app.FilesBoxKey},
		{"", app.FilesOpen},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, FilePurpose(func(a string) bool { return a == tt.attr }), tt.attr)
	}
}
