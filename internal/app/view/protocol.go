package view

// The protocol between the HTML and the browser layer: a control that does
// something carries data-action="<Action>", a form field whose change
// matters carries data-field="<Field>". The builders write these names,
// internal/ui reads them back (ui.ActionOf, ui.FieldAction) and
// web/index.html uses them too; a test checks that the page uses only
// names defined here.

// Action is the value of a data-action attribute.
type Action string

// Field is the value of a data-field attribute.
type Field string

// The data-action names.
const (
	ActTag           Action = "tag"             // tag the selection with data-label
	ActStance        Action = "stance"          // set the claim's stance to data-value
	ActLinkNearest   Action = "link-nearest"    // link the claim to the nearest speaker
	ActDelete        Action = "delete"          // delete the selected annotation
	ActUndo          Action = "undo"            // undo
	ActRedo          Action = "redo"            // redo
	ActExport        Action = "export"          // export the native JSON
	ActExportMenu    Action = "export-menu"     // show or hide the export formats
	ActExportAs      Action = "export-as"       // export in data-format
	ActNew           Action = "new"             // close the article
	ActHelp          Action = "help"            // show or hide the shortcuts
	ActDropOrphans   Action = "drop-orphans"    // drop every unplaced annotation
	ActDismiss       Action = "dismiss"         // hide the message
	ActPaste         Action = "paste"           // start on the pasted text
	ActSample        Action = "sample"          // start on the sample article
	ActDocs          Action = "docs"            // show or hide the documents panel
	ActSchema        Action = "schema"          // show or hide the schema editor
	ActShowDoc       Action = "show-doc"        // show document data-doc
	ActDocUp         Action = "doc-up"          // move document data-doc up
	ActDocDown       Action = "doc-down"        // move document data-doc down
	ActDocRemove     Action = "doc-remove"      // remove document data-doc
	ActAddPasted     Action = "add-pasted"      // add the pasted article as a document
	ActLabelAdd      Action = "label-add"       // add the label described in the form
	ActLabelRemove   Action = "label-remove"    // remove label data-label
	ActStanceAdd     Action = "stance-add"      // add the stance value in the form
	ActStanceUp      Action = "stance-up"       // move stance value data-stance up
	ActStanceDown    Action = "stance-down"     // move stance value data-stance down
	ActStanceRemove  Action = "stance-remove"   // remove stance value data-stance
	ActCompare       Action = "compare"         // open the compare view
	ActExercise      Action = "exercise"        // show or hide the exercise panel
	ActExerciseFile  Action = "exercise-export" // download the exercise file
	ActExercisePage  Action = "exercise-page"   // download the offline page
	ActExerciseKey   Action = "exercise-key"    // download the answer key
	ActStudentName   Action = "student-name"    // set the student's name from the dialog
	ActImportConfirm Action = "import-confirm"  // import with the choices made
	ActImportCancel  Action = "import-cancel"   // forget the pending import
	ActPlaceOrphan   Action = "place-orphan"    // place unplaced annotation data-orphan
	ActConfirmAnchor Action = "confirm-anchor"  // accept a re-anchoring
	ActDropOrphan    Action = "drop-orphan"     // drop unplaced annotation data-orphan
	ActCloseCompare  Action = "close-compare"   // leave the compare view
	ActCompareRemove Action = "compare-remove"  // forget compared file data-file
	ActSortCompare   Action = "sort-compare"    // sort the scores by data-col
	ActExportScores  Action = "export-scores"   // download the scores as CSV
	ActAdoptGold     Action = "adopt-gold"      // open the adjudicated gold set
	ActColumnsOpen   Action = "columns-open"    // read the waiting file with the columns chosen
	ActColumnsCancel Action = "columns-cancel"  // forget the file waiting for its columns
	// Keyboard and screen readers (dialog.go, menu.go).
	ActConfirmYes    Action = "confirm-yes"    // answer the question yes
	ActConfirmNo     Action = "confirm-no"     // answer the question no
	ActSetupMenu     Action = "setup-menu"     // show or hide the Setup menu
	ActExportScope   Action = "export-scope"   // export only the shown document, or all (toggles)
	ActPickFile      Action = "pick-file"      // choose files with the file input #data-input
	ActHandIn        Action = "hand-in"        // hand the work in to the exercise's box
	ActKeepReceipt   Action = "keep-receipt"   // download the last hand-in's receipt
	ActBoxKey        Action = "box-key"        // download the key file of box data-box
	ActFetchHandIns  Action = "fetch-hand-ins" // fetch box data-box's latest hand-ins into Compare
	ActCloseBox      Action = "close-box"      // close box data-box
	ActReopenBox     Action = "reopen-box"     // open box data-box again
	ActDeleteBox     Action = "delete-box"     // delete box data-box, after asking
	ActChooseSpeaker Action = "choose-speaker" // make the selected mention refer to speaker data-speaker
	ActEditText      Action = "edit-text"      // open the text editor of the shown document
	ActEditSave      Action = "edit-save"      // save the edited text
	ActEditCancel    Action = "edit-cancel"    // close the text editor, keeping the text
	ActUseTopic      Action = "use-topic"      // set the selected claim's target to the document's topic
	ActTopicTitle    Action = "topic-title"    // set the document's topic to its title
)

// Actions lists every data-action name.
func Actions() []Action {
	return append([]Action{
		ActTag, ActStance, ActLinkNearest, ActDelete, ActUndo, ActRedo, ActExport, ActExportMenu,
		ActExportAs, ActNew, ActHelp, ActDropOrphans, ActDismiss, ActPaste, ActSample, ActDocs,
		ActSchema, ActShowDoc, ActDocUp, ActDocDown, ActDocRemove, ActAddPasted, ActLabelAdd,
		ActLabelRemove, ActStanceAdd, ActStanceUp, ActStanceDown, ActStanceRemove, ActCompare,
		ActExercise, ActExerciseFile, ActExercisePage, ActExerciseKey, ActStudentName,
		ActImportConfirm, ActImportCancel, ActPlaceOrphan, ActConfirmAnchor, ActDropOrphan,
		ActCloseCompare, ActCompareRemove, ActSortCompare, ActExportScores, ActAdoptGold,
		ActColumnsOpen, ActColumnsCancel,
		ActConfirmYes, ActConfirmNo, ActSetupMenu, ActExportScope, ActPickFile,
		ActHandIn, ActKeepReceipt, ActBoxKey, ActFetchHandIns,
		ActCloseBox, ActReopenBox, ActDeleteBox,
		ActChooseSpeaker, ActEditText, ActEditSave, ActEditCancel, ActUseTopic, ActTopicTitle,
	}, suggestActions()...)
}

// The data-field names.
const (
	FieldTarget               Field = "target"
	FieldNote                 Field = "note"
	FieldMention              Field = "mention"
	FieldCue                  Field = "cue"
	FieldMentionSpeaker       Field = "mention-speaker"
	FieldSpeakerName          Field = "speaker-name"
	FieldTopic                Field = "topic"
	FieldAnnotator            Field = "annotator"
	FieldDocDone              Field = "doc-done"
	FieldDocTitle             Field = "doc-title"
	FieldLabelName            Field = "label-name"
	FieldLabelColor           Field = "label-color"
	FieldLabelKey             Field = "label-key"
	FieldStanceName           Field = "stance-name"
	FieldExerciseTitle        Field = "exercise-title"
	FieldExerciseInstructions Field = "exercise-instructions"
	FieldExerciseDoc          Field = "exercise-doc"
	FieldImportChoice         Field = "import-choice"
	FieldCompareKey           Field = "compare-key"
	FieldCompareInclude       Field = "compare-include"
	FieldCompareWeight        Field = "compare-weight"
	FieldCompareDoc           Field = "compare-doc"
	FieldCompareLabel         Field = "compare-label"
	FieldAccept               Field = "accept"
	FieldColumnText           Field = "column-text"  // the waiting file's text column
	FieldColumnLabel          Field = "column-label" // the waiting file's label column
	FieldCollectHandIns       Field = "collect-hand-ins"
)

// Fields lists every data-field name.
func Fields() []Field {
	return []Field{
		FieldTarget, FieldNote, FieldMention, FieldCue, FieldMentionSpeaker, FieldSpeakerName,
		FieldTopic, FieldAnnotator, FieldDocDone, FieldDocTitle, FieldLabelName, FieldLabelColor,
		FieldLabelKey, FieldStanceName, FieldExerciseTitle, FieldExerciseInstructions,
		FieldExerciseDoc, FieldImportChoice, FieldCompareKey, FieldCompareInclude,
		FieldCompareWeight, FieldCompareDoc, FieldCompareLabel, FieldAccept,
		FieldColumnText, FieldColumnLabel, FieldCollectHandIns, FieldExerciseSuggest,
	}
}

// File inputs say what their files are for with one of these data-
// attributes (data-add="1", …); an input with none opens its file.
const (
	FileAdd     = "add"     // .txt files added as documents
	FileCompare = "compare" // exports added to the compare view
	FileImport  = "import"  // files imported into the project
	FileBoxKey  = "boxkey"  // a hand-in box's key file, for Compare
)
