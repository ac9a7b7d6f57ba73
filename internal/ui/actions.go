package ui

import (
	"strconv"
	"strings"

	"sayso/internal/app"
	"sayso/internal/app/view"
)

// Control is what an event handler knows of the control acted on and of
// the page's forms.
type Control interface {
	// Attr is the control's attribute name ("data-label", …), or "".
	Attr(name string) string
	// Value is the value of the page's form field with id, or "".
	Value(id string) string
}

// Press is a press on a control with data-action: Sel is the article's
// selected text, if any, and Alt whether Alt was held.
type Press struct {
	Action view.Action
	Sel    *app.Selection
	Alt    bool
}

// ActionOf maps a press on a data-action control to the app action it
// asks for; ok is false for a name it does not know.
func ActionOf(p Press, c Control) (a app.Action, ok bool) {
	switch p.Action {
	case view.ActTag:
		sel := app.Selection{}
		if p.Sel != nil {
			sel = *p.Sel
		}
		sel.Exact = p.Alt
		return app.Tag{Label: c.Attr("data-label"), Sel: sel}, true
	case view.ActStance:
		return app.PressStance{Value: c.Attr("data-value")}, true
	case view.ActLinkNearest:
		return app.LinkNearest{}, true
	case view.ActDelete:
		return app.Delete{}, true
	case view.ActUndo:
		return app.Undo{}, true
	case view.ActRedo:
		return app.Redo{}, true
	case view.ActExport:
		return app.Export{}, true
	case view.ActExportMenu:
		return app.ToggleExportMenu{}, true
	case view.ActExportAs:
		return app.ExportAs{Format: c.Attr("data-format")}, true
	case view.ActNew:
		return app.RequestClose{}, true
	case view.ActHelp:
		return app.ToggleHelp{}, true
	case view.ActDropOrphans:
		return app.RequestDropOrphans{}, true
	case view.ActDismiss:
		return app.DismissMessage{}, true
	case view.ActPaste:
		return app.Paste{Title: c.Value("paste-title"), Text: c.Value("paste-text")}, true
	case view.ActSample:
		return app.LoadSample{}, true
	case view.ActDocs:
		return app.ToggleDocuments{}, true
	case view.ActSchema:
		return app.ToggleSchema{}, true
	case view.ActShowDoc:
		return app.ShowDocument{ID: c.Attr("data-doc")}, true
	case view.ActDocUp:
		return app.MoveDocument{ID: c.Attr("data-doc"), Delta: -1}, true
	case view.ActDocDown:
		return app.MoveDocument{ID: c.Attr("data-doc"), Delta: 1}, true
	case view.ActDocRemove:
		return app.RemoveDocument{ID: c.Attr("data-doc")}, true
	case view.ActAddPasted:
		return app.AddPasted{Title: c.Value("add-title"), Text: c.Value("add-text")}, true
	case view.ActLabelAdd:
		return app.AddLabel{Name: c.Value("new-label-name"), Color: c.Value("new-label-color"), Key: c.Value("new-label-key")}, true
	case view.ActLabelRemove:
		return app.RemoveLabel{ID: c.Attr("data-label")}, true
	case view.ActStanceAdd:
		return app.AddStanceValue{Value: c.Value("new-stance")}, true
	case view.ActStanceUp:
		return app.MoveStanceValue{Value: c.Attr("data-stance"), Delta: -1}, true
	case view.ActStanceDown:
		return app.MoveStanceValue{Value: c.Attr("data-stance"), Delta: 1}, true
	case view.ActStanceRemove:
		return app.RemoveStanceValue{Value: c.Attr("data-stance")}, true
	case view.ActCompare:
		return app.OpenCompare{}, true
	case view.ActExercise:
		return app.ToggleExercise{}, true
	case view.ActExerciseFile:
		return app.ExportExercise{}, true
	case view.ActExercisePage:
		return app.ExportExercisePage{}, true
	case view.ActExerciseKey:
		return app.ExportKey{}, true
	case view.ActStudentName:
		return app.SetStudentName{Name: c.Value("student-name")}, true
	case view.ActImportConfirm:
		return app.ConfirmImport{}, true
	case view.ActImportCancel:
		return app.CancelImport{}, true
	case view.ActPlaceOrphan:
		return app.PlaceOrphan{Index: index(c.Attr("data-orphan")), Sel: p.Sel}, true
	case view.ActConfirmAnchor:
		return app.ConfirmAnchor{}, true
	case view.ActDropOrphan:
		return app.DropOrphan{Index: index(c.Attr("data-orphan"))}, true
	case view.ActCloseCompare:
		return app.CloseCompare{}, true
	case view.ActCompareRemove:
		return app.RemoveCompareFile{Index: index(c.Attr("data-file"))}, true
	case view.ActSortCompare:
		return app.SortCompare{Column: c.Attr("data-col")}, true
	case view.ActExportScores:
		return app.ExportScores{}, true
	case view.ActAdoptGold:
		return app.RequestAdoptGold{}, true
	case view.ActColumnsOpen:
		return app.ConfirmColumns{}, true
	case view.ActColumnsCancel:
		return app.CancelColumns{}, true
	case view.ActConfirmYes:
		return app.Answer{Yes: true}, true
	case view.ActConfirmNo:
		return app.Answer{}, true
	case view.ActSetupMenu:
		return app.ToggleSetupMenu{}, true
	case view.ActExportScope:
		return app.SetExportScope{DocumentOnly: c.Attr("aria-checked") != "true"}, true
	case view.ActPickFile:
		return app.PickFile{Input: c.Attr("data-input")}, true
	case view.ActHandIn:
		return app.HandIn{}, true
	case view.ActKeepReceipt:
		return app.KeepReceipt{}, true
	case view.ActBoxKey:
		return app.DownloadBoxKey{Box: c.Attr("data-box")}, true
	case view.ActFetchHandIns:
		return app.FetchHandIns{Box: c.Attr("data-box")}, true
	case view.ActCloseBox:
		return app.SetBoxClosed{Box: c.Attr("data-box"), Closed: true}, true
	case view.ActReopenBox:
		return app.SetBoxClosed{Box: c.Attr("data-box")}, true
	case view.ActDeleteBox:
		return app.RequestDeleteBox{Box: c.Attr("data-box")}, true
	case view.ActChooseSpeaker:
		return app.SetMentionSpeaker{SpeakerID: c.Attr("data-speaker")}, true
	case view.ActEditText:
		return app.OpenTextEditor{}, true
	case view.ActEditSave:
		return app.SaveText{Text: c.Value("edit-text")}, true
	case view.ActEditCancel:
		return app.CloseTextEditor{Text: c.Value("edit-text")}, true
	case view.ActUseTopic:
		return app.UseTopic{}, true
	case view.ActTopicTitle:
		return app.TopicFromTitle{}, true
	}
	return suggestActionOf(p, c)
}

// Change is a change of a data-field form field: its value, and for a
// checkbox whether it is checked.
type Change struct {
	Field   view.Field
	Value   string
	Checked bool
}

// FieldAction maps a change of a data-field field to the app action it
// asks for; ok is false for a name it does not know.
func FieldAction(ch Change, c Control) (a app.Action, ok bool) {
	v := ch.Value
	switch ch.Field {
	case view.FieldTarget:
		return app.SetTarget{Value: v}, true
	case view.FieldNote:
		return app.SetNote{Value: v}, true
	case view.FieldMention:
		return app.LinkMention{MentionID: v}, true
	case view.FieldCue:
		return app.LinkCue{CueID: v}, true
	case view.FieldMentionSpeaker:
		return app.SetMentionSpeaker{SpeakerID: v}, true
	case view.FieldSpeakerName:
		return app.RenameSpeaker{Name: v}, true
	case view.FieldTopic:
		return app.SetTopic{Value: v}, true
	case view.FieldAnnotator:
		return app.SetAnnotator{Name: v}, true
	case view.FieldDocDone:
		return app.SetDone{ID: c.Attr("data-doc"), Done: ch.Checked}, true
	case view.FieldDocTitle:
		return app.RenameDocument{ID: c.Attr("data-doc"), Title: v}, true
	case view.FieldLabelName, view.FieldLabelColor, view.FieldLabelKey:
		return app.EditLabel{ID: c.Attr("data-label"), Field: strings.TrimPrefix(string(ch.Field), "label-"), Value: v}, true
	case view.FieldStanceName:
		return app.RenameStanceValue{Old: c.Attr("data-stance"), New: v}, true
	case view.FieldExerciseTitle:
		return app.SetExerciseField{Field: "title", Value: v}, true
	case view.FieldExerciseInstructions:
		return app.SetExerciseField{Field: "instructions", Value: v}, true
	case view.FieldExerciseDoc:
		return app.SetExerciseDocument{ID: c.Attr("data-doc"), On: ch.Checked}, true
	case view.FieldImportChoice:
		return app.SetImportChoice{Imported: c.Attr("data-doc"), Choice: v}, true
	case view.FieldCompareKey:
		return app.SetCompareKey{Index: index(c.Attr("data-file"))}, true
	case view.FieldCompareInclude:
		return app.IncludeCompareFile{Index: index(c.Attr("data-file")), Include: ch.Checked}, true
	case view.FieldCompareWeight:
		w, err := strconv.ParseFloat(v, 64)
		if err != nil {
			w = -1 // refused with a message
		}
		return app.SetCompareWeight{Name: c.Attr("data-weight"), Value: w}, true
	case view.FieldCompareDoc:
		return app.ShowCompareDocument{ID: v}, true
	case view.FieldCompareLabel:
		return app.ShowCompareDocument{Label: v}, true
	case view.FieldAccept:
		return app.AcceptCandidate{Index: index(c.Attr("data-cand")), Accept: ch.Checked}, true
	case view.FieldColumnText:
		return app.SetColumn{Column: app.ColumnText, Key: v}, true
	case view.FieldColumnLabel:
		return app.SetColumn{Column: app.ColumnLabel, Key: v}, true
	case view.FieldExerciseSuggest:
		return app.SetExerciseSuggest{On: ch.Checked}, true
	case view.FieldCollectHandIns:
		return app.SetCollect{On: ch.Checked}, true
	}
	return nil, false
}

// FilePurpose tells what a file input's files are for from its data-
// attributes (view.FileAdd, …): has reports whether it has one.
func FilePurpose(has func(attr string) bool) app.FilePurpose {
	switch {
	case has(view.FileAdd):
		return app.FilesAdd
	case has(view.FileCompare):
		return app.FilesCompare
	case has(view.FileImport):
		return app.FilesImport
	case has(view.FileBoxKey):
		return app.FilesBoxKey
	}
	return app.FilesOpen
}

// index reads an index attribute; -1 when it is not a number.
func index(s string) int {
	n, err := strconv.Atoi(s)
	if err != nil {
		return -1
	}
	return n
}
