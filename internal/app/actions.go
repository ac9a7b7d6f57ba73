package app

// Action is something a person did. The browser layer builds actions from
// DOM events; Update applies them.
type Action interface{ isAction() }

// Selection is a stretch of the shown document in code points, as the
// browser layer read it from the DOM selection.
type Selection struct {
	Start, End int
	Exact      bool // Alt was held: keep the selection as is, only trim spaces
}

// Paste starts a new project from a pasted article.
type Paste struct{ Title, Text string }

// PasteFile starts a new project from a dropped or chosen text file.
type PasteFile struct {
	Name string
	Data []byte
}

// LoadSample starts a new project from the built-in sample article.
type LoadSample struct{}

// CloseDocument returns to the start screen, discarding the project (the
// page asks first).
type CloseDocument struct{}

// Tag creates an annotation of Label over the selection.
type Tag struct {
	Label string
	Sel   Selection
}

// ClickText is a click on the text at code point Offset: it selects the
// innermost annotation there, and repeated clicks cycle through the
// overlapping ones; a click outside every annotation clears the selection.
type ClickText struct{ Offset int }

// Select selects an annotation by id ("" clears the selection).
type Select struct{ ID string }

// Move selects the next (Delta 1) or previous (Delta -1) annotation in
// reading order.
type Move struct{ Delta int }

// SetStance sets the selected claim's stance ("" clears it).
type SetStance struct{ Value string }

// SetStanceIndex sets the selected claim's stance to the schema's N-th
// stance value (1-based), as the number keys do.
type SetStanceIndex struct{ N int }

// SetTarget sets the selected claim's stance target.
type SetTarget struct{ Value string }

// SetNote sets the selected annotation's note.
type SetNote struct{ Value string }

// LinkNearest links the selected claim to the nearest earlier speaker mention.
type LinkNearest struct{}

// LinkMention links the selected claim to a speaker mention ("" unlinks).
type LinkMention struct{ MentionID string }

// LinkCue links the selected claim to a cue ("" unlinks).
type LinkCue struct{ CueID string }

// SetMentionSpeaker makes the selected speaker mention refer to a speaker
// entity; NewSpeakerOption asks for a new entity named after the mention.
type SetMentionSpeaker struct{ SpeakerID string }

// NewSpeakerOption is the SetMentionSpeaker value that creates a new speaker.
const NewSpeakerOption = "+new"

// RenameSpeaker renames the speaker entity of the selected mention.
type RenameSpeaker struct{ Name string }

// SetTopic changes the shown document's topic (default stance target).
type SetTopic struct{ Value string }

// Delete removes the selected annotation, or, when Row is set, the
// annotation of that row of the side list (the row that has the focus
// there, whatever is selected): the focus then moves to the row after it.
type Delete struct{ Row string }

// DropOrphans forgets the annotations an import could not place.
type DropOrphans struct{}

// Undo reverts the last change.
type Undo struct{}

// Redo applies the last undone change again.
type Redo struct{}

// ToggleExportMenu shows or hides the list of export formats.
type ToggleExportMenu struct{}

// ToggleHelp shows or hides the keyboard shortcuts.
type ToggleHelp struct{}

// Escape closes the help, else clears the selection, else the message.
// EditedText is the text editor's text while it is open (the browser
// layer reads it): Esc there is its Cancel (CloseTextEditor).
type Escape struct{ EditedText string }

// DismissMessage hides the message.
type DismissMessage struct{}

// Export asks for the native JSON file of the project.
type Export struct{}

// Import opens a file the person chose or dropped.
type Import struct {
	Name string
	Data []byte
}

// Restore loads the autosaved project at start-up.
type Restore struct{ Data []byte }

// Saved reports the outcome of an autosave of store revision Revision.
type Saved struct {
	Revision int
	Err      string // "" when the save worked
}

// ChangedElsewhere reports that another tab saved this project: this tab
// stops saving, so that neither overwrites the other's newer work.
type ChangedElsewhere struct{}

// OpenElsewhere reports that Sayso is open in another tab too.
type OpenElsewhere struct{}

// RedrawText asks for the whole document to be drawn again: the browser
// changed the article's DOM behind the app's back (an edit slipped through
// the refused input events), or the page has just started.
type RedrawText struct{}

// Failed reports an error met by the browser layer (a file that could not
// be read, for instance).
type Failed struct{ Text string }

func (Paste) isAction()             {}
func (PasteFile) isAction()         {}
func (LoadSample) isAction()        {}
func (CloseDocument) isAction()     {}
func (Tag) isAction()               {}
func (ClickText) isAction()         {}
func (Select) isAction()            {}
func (Move) isAction()              {}
func (SetStance) isAction()         {}
func (SetStanceIndex) isAction()    {}
func (SetTarget) isAction()         {}
func (SetNote) isAction()           {}
func (LinkNearest) isAction()       {}
func (LinkMention) isAction()       {}
func (LinkCue) isAction()           {}
func (SetMentionSpeaker) isAction() {}
func (RenameSpeaker) isAction()     {}
func (SetTopic) isAction()          {}
func (Delete) isAction()            {}
func (DropOrphans) isAction()       {}
func (Undo) isAction()              {}
func (Redo) isAction()              {}
func (ToggleHelp) isAction()        {}
func (ToggleExportMenu) isAction()  {}
func (Escape) isAction()            {}
func (DismissMessage) isAction()    {}
func (Export) isAction()            {}
func (Import) isAction()            {}
func (Restore) isAction()           {}
func (Saved) isAction()             {}
func (Failed) isAction()            {}
func (RedrawText) isAction()        {}
func (ChangedElsewhere) isAction()  {}
func (OpenElsewhere) isAction()     {}

// Effect is work Update asks the browser layer to do.
type Effect interface{ isEffect() }

// Download offers a file to the person.
type Download struct {
	Name string
	Type string
	Data []byte
}

// ScrollTo brings an annotation into view.
type ScrollTo struct{ ID string }

// ClearDOMSelection removes the browser's text selection (after tagging it).
type ClearDOMSelection struct{}

// Forget erases the autosaved project (after CloseDocument).
type Forget struct{}

func (Download) isEffect()          {}
func (ScrollTo) isEffect()          {}
func (ClearDOMSelection) isEffect() {}
func (Forget) isEffect()            {}
