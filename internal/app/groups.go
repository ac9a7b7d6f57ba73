package app

// Every action belongs to exactly one group, and Update hands it to that
// group's handler in one exhaustive switch. The groups, and which action
// is in which, are listed here; a test checks that every type with an
// isAction method has exactly one group method.

// annotating: making and editing the annotations of the shown document,
// undo, and the page's own notices.
type annotating interface {
	Action
	annotating()
}

// projectAction: the project's documents and schema.
type projectAction interface {
	Action
	project()
}

// exerciseAction: a teacher's exercise and a student's work on one.
type exerciseAction interface {
	Action
	exercise()
}

// compareAction: the compare view.
type compareAction interface {
	Action
	compare()
}

// importAction: importing another file into the project, and placing
// what an import could not.
type importAction interface {
	Action
	importing()
}

// formatAction: exporting to and opening every exchange format.
type formatAction interface {
	Action
	format()
}

// fileAction: files chosen or dropped, before and after reading.
type fileAction interface {
	Action
	file()
}

// handInAction: the online hand-in box, a teacher's and a student's side
// (handin.go).
type handInAction interface {
	Action
	handIn()
}

// sessionAction: the page's life: questions before losing work,
// autosave, restore, the offline page.
type sessionAction interface {
	Action
	session()
}

func (Paste) annotating()             {}
func (PasteFile) annotating()         {}
func (LoadSample) annotating()        {}
func (CloseDocument) annotating()     {}
func (Tag) annotating()               {}
func (ClickText) annotating()         {}
func (Select) annotating()            {}
func (Move) annotating()              {}
func (SetStance) annotating()         {}
func (SetStanceIndex) annotating()    {}
func (SetTarget) annotating()         {}
func (SetNote) annotating()           {}
func (LinkNearest) annotating()       {}
func (LinkMention) annotating()       {}
func (LinkCue) annotating()           {}
func (SetMentionSpeaker) annotating() {}
func (RenameSpeaker) annotating()     {}
func (SetTopic) annotating()          {}
func (Delete) annotating()            {}
func (DropOrphans) annotating()       {}
func (Undo) annotating()              {}
func (Redo) annotating()              {}
func (ToggleHelp) annotating()        {}
func (ToggleExportMenu) annotating()  {}
func (Escape) annotating()            {}
func (DismissMessage) annotating()    {}
func (Export) annotating()            {}
func (Import) annotating()            {}
func (Restore) annotating()           {}
func (Saved) annotating()             {}
func (Failed) annotating()            {}
func (RedrawText) annotating()        {}
func (ChangedElsewhere) annotating()  {}
func (OpenElsewhere) annotating()     {}
func (ListScrolled) annotating()      {}
func (ListResized) annotating()       {}

func (AddTextFiles) project()      {}
func (AddPasted) project()         {}
func (ToggleDocuments) project()   {}
func (ShowDocument) project()      {}
func (StepDocument) project()      {}
func (RenameDocument) project()    {}
func (MoveDocument) project()      {}
func (RemoveDocument) project()    {}
func (SetDone) project()           {}
func (SetAnnotator) project()      {}
func (ToggleSchema) project()      {}
func (AddLabel) project()          {}
func (EditLabel) project()         {}
func (RemoveLabel) project()       {}
func (AddStanceValue) project()    {}
func (RenameStanceValue) project() {}
func (MoveStanceValue) project()   {}
func (RemoveStanceValue) project() {}
func (SetExportScope) project()    {}

func (ToggleExercise) exercise()      {}
func (SetExerciseField) exercise()    {}
func (SetExerciseDocument) exercise() {}
func (ExportExercise) exercise()      {}
func (ExportExercisePage) exercise()  {}
func (ExportKey) exercise()           {}
func (OpenExercise) exercise()        {}
func (SetStudentName) exercise()      {}
func (Notify) exercise()              {}
func (EmbeddedExercise) exercise()    {}

func (OpenCompare) compare()         {}
func (CloseCompare) compare()        {}
func (AddCompareFiles) compare()     {}
func (SetCompareKey) compare()       {}
func (IncludeCompareFile) compare()  {}
func (RemoveCompareFile) compare()   {}
func (SortCompare) compare()         {}
func (SetCompareWeight) compare()    {}
func (ShowCompareDocument) compare() {}
func (AcceptCandidate) compare()     {}
func (ExportScores) compare()        {}
func (AdoptGold) compare()           {}

func (ImportInto) importing()      {}
func (SetImportChoice) importing() {}
func (ConfirmImport) importing()   {}
func (CancelImport) importing()    {}
func (PlaceOrphan) importing()     {}
func (DropOrphan) importing()      {}
func (ConfirmAnchor) importing()   {}

func (ExportAs) format()       {}
func (ImportFile) format()     {}
func (SetColumn) format()      {}
func (ConfirmColumns) format() {}
func (CancelColumns) format()  {}

func (ChooseFiles) file() {}
func (DropFiles) file()   {}
func (ReadChosen) file()  {}
func (FilesRead) file()   {}

func (RequestClose) session()       {}
func (RequestDropOrphans) session() {}
func (RequestAdoptGold) session()   {}
func (PressStance) session()        {}
func (Autosave) session()           {}
func (RestoreAutosave) session()    {}
func (OfflinePage) session()        {}

func (SiteOrigin) handIn()       {}
func (SetCollect) handIn()       {}
func (BoxOpened) handIn()        {}
func (DownloadBoxKey) handIn()   {}
func (HandIn) handIn()           {}
func (HandedIn) handIn()         {}
func (KeepReceipt) handIn()      {}
func (FetchHandIns) handIn()     {}
func (SetBoxClosed) handIn()     {}
func (RequestDeleteBox) handIn() {}
func (DeleteBox) handIn()        {}
func (BoxAnswered) handIn()      {}
func (LoadBoxKey) handIn()       {}
