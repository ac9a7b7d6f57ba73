package view

import (
	"time"

	"sayso/internal/app"
)

// Screen is which of the page's three screens shows.
type Screen string

// The screens.
const (
	ScreenStart   Screen = "start"   // paste or open an article
	ScreenDoc     Screen = "doc"     // annotate the shown document
	ScreenCompare Screen = "compare" // compare a class's exports
)

// Page is everything the browser layer draws, but the article's text
// (Document, Paragraph and their plain forms, drawn as the plan's Redraw
// says): it reads this and never the state. A panel's HTML is empty when
// the panel is hidden.
type Page struct {
	Screen       Screen
	Compare      HTML // the compare screen
	Title        string
	Topic        string
	Tools        HTML
	DocsButton   string
	LabelCSS     string
	Documents    HTML // the documents panel
	Exercise     HTML // the teacher's exercise panel
	AskName      bool // the student's name dialog shows
	Instructions HTML // the exercise's instructions for a student
	HandIn       HTML // a student's Hand in button, beside Export
	ImportDialog HTML
	// ColumnsDialog asks which columns of a file hold its text and labels.
	ColumnsDialog HTML
	Schema        HTML // the schema editor
	TextEditor    HTML // the editor of the shown document's text
	// List is the side list (Sidebar), split for a patch row by row.
	List   SideList
	Legend HTML // the key to the marks in the text
	// ListRows and ListFirst place the side list's drawn rows: the
	// number of rows of the whole list and the index of the first drawn;
	// ListDrawn is the part of the list Sidebar drew.
	ListRows, ListFirst int
	ListDrawn           app.ListDrawn
	Inspector           HTML
	ExportMenu          HTML
	Help                HTML // the keyboard shortcuts
	Message             app.Message
	NoticeFor           time.Duration // how long Message shows before it fades; 0: until dismissed
	SaveText            string
	SaveFailed          bool
	UndoTitle           string // "" when there is nothing to undo
	RedoTitle           string // "" when there is nothing to redo
	// ExportMenuOpen says that a click outside the menu closes it.
	ExportMenuOpen bool
	// Selected and Related are what highlight rendering marks as the
	// selection and as related to it, ids space-separated (app.MarkedIDs).
	Selected, Related string
	// Keyboard and screen readers: the question's dialog (empty when none
	// waits), the Setup menu (empty when closed), what the live region
	// says.
	Question  HTML
	SetupMenu HTML
	Announce  app.Announcement
}

// Build makes the page of the state.
func Build(st *app.State) Page {
	p := Page{
		Title:         app.Title(st),
		Topic:         Topic(st),
		Tools:         Tools(st),
		DocsButton:    DocumentsButton(st),
		LabelCSS:      LabelCSS(st),
		AskName:       st.AskName,
		Instructions:  InstructionsPanel(st),
		HandIn:        HandInButton(st),
		ImportDialog:  ImportDialog(st),
		ColumnsDialog: ColumnsDialog(st),
		List:          SidebarList(st),
		Legend:        Legend(st),
		Inspector:     Inspector(st),
		Message:       st.Message,
		NoticeFor:     NoticeFor(st.Message),
		SaveText:      SaveText(st),
		SaveFailed:    SaveFailed(st),
		UndoTitle:     UndoTitle(st),
		RedoTitle:     RedoTitle(st),

		ExportMenuOpen: st.ExportMenu,
	}
	switch {
	case st.Comparing:
		p.Screen = ScreenCompare
		p.Compare = Compare(st)
	case st.Doc != "":
		p.Screen = ScreenDoc
	default:
		p.Screen = ScreenStart
	}
	p.ListDrawn = app.ListDrawnNow(st)
	p.ListRows, p.ListFirst = p.ListDrawn.Rows, p.ListDrawn.First
	p.Selected, p.Related = app.MarkedIDs(st)
	if st.DocsPanel {
		p.Documents = Documents(st)
	}
	if st.ExercisePanel {
		p.Exercise = Exercise(st)
	}
	if st.SchemaPanel {
		p.Schema = Schema(st)
	}
	p.TextEditor = TextEditor(st)
	if st.ExportMenu {
		p.ExportMenu = ExportMenu(st)
	}
	if st.Help {
		p.Help = Shortcuts(st)
	}
	if st.SetupMenu {
		p.SetupMenu = SetupMenu(st)
	}
	p.Question, p.Announce = Question(st), st.Announce
	return p
}

// NoticeFor is how long a message stays on screen before it fades by
// itself (its text stays in the page for screen readers): an error stays
// until dismissed; a notice ("Opened …", "Deleted …") 6 s and 50 ms per
// character, time to read it at a slow pace, at most 20 s.
func NoticeFor(m app.Message) time.Duration {
	if m.Text == "" || m.Kind == "error" {
		return 0
	}
	return min(6*time.Second+time.Duration(len([]rune(m.Text)))*50*time.Millisecond, 20*time.Second)
}
