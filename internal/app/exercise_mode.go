package app

import (
	"bytes"
	"fmt"
	"strings"

	"sayso/internal/annotation"
	"sayso/internal/exchange"
	"sayso/internal/exercise"
	"sayso/internal/offline"
)

// Exercise mode. A teacher turns the open project into an exercise:
// chosen documents, the schema and instructions, exported as a
// .sayso-exercise.json file and as an offline page with the exercise
// inside; the teacher's own annotations are the answer key, exported
// apart and never into the students' files. A student opens either file,
// enters a name once, and exports work that names the exercise.

// ToggleExercise opens or closes the exercise panel.
type ToggleExercise struct{}

// SetExerciseField changes the draft's "title" or "instructions".
type SetExerciseField struct{ Field, Value string }

// SetExerciseDocument includes a document in the exercise, or leaves it out.
type SetExerciseDocument struct {
	ID string
	On bool
}

// ExportExercise downloads the exercise file for students.
type ExportExercise struct{}

// ExportExercisePage asks for the offline page with the exercise inside.
type ExportExercisePage struct{}

// ExportKey downloads the answer key: the teacher's annotations of the
// exercise's documents.
type ExportKey struct{}

// OpenExercise starts a student's work on an exercise file.
type OpenExercise struct {
	Name string
	Data []byte
}

// SetStudentName sets the student's name, stored in every export.
type SetStudentName struct{ Name string }

// EmbeddedExercise is the exercise inside the offline page Sayso started
// from: it opens unless the student's work on it is already open.
type EmbeddedExercise struct{ Data []byte }

// Notify shows a notice from the browser layer (a finished download).
type Notify struct{ Text string }

// OfflineExercise asks the browser layer for the offline page (the page
// it runs from, or PageURL on the site), to hand it back with OfflinePage:
// the app embeds Exercise (an exercise file) in it and offers it as Name.
type OfflineExercise struct {
	Name     string
	Exercise []byte
	PageURL  string
}

func (ToggleExercise) isAction()      {}
func (SetExerciseField) isAction()    {}
func (SetExerciseDocument) isAction() {}
func (ExportExercise) isAction()      {}
func (ExportExercisePage) isAction()  {}
func (ExportKey) isAction()           {}
func (OpenExercise) isAction()        {}
func (SetStudentName) isAction()      {}
func (Notify) isAction()              {}
func (EmbeddedExercise) isAction()    {}
func (OfflineExercise) isEffect()     {}

// ExerciseDraft is what the teacher chose for the exercise.
type ExerciseDraft struct {
	Title, Instructions string
	Left                map[string]bool // documents left out
	NoSuggest           bool            // students get no Suggest command
}

// applyExerciseAction applies exercise actions; ok is false for others.
func (st *State) applyExerciseAction(a Action) (effects []Effect, ok bool) {
	switch a := a.(type) {
	case ToggleExercise:
		st.ExercisePanel = !st.ExercisePanel
		st.DocsPanel, st.SchemaPanel = false, false
		if st.Draft.Left == nil {
			st.Draft.Left = map[string]bool{}
		}
		if docs := st.Store.Documents(); st.Draft.Title == "" && len(docs) > 0 {
			st.Draft.Title = docs[0].Title // what the panel shows is what is exported
		}
	case SetExerciseField:
		switch a.Field {
		case "title":
			st.Draft.Title = a.Value
		case "instructions":
			st.Draft.Instructions = a.Value
		}
	case SetExerciseDocument:
		if st.Draft.Left == nil {
			st.Draft.Left = map[string]bool{}
		}
		st.Draft.Left[a.ID] = !a.On
	case ExportExercise:
		e, data, ok := st.encodeDraft()
		if !ok {
			return nil, true
		}
		name := FileName(e.Title) + exercise.Extension
		st.info(fmt.Sprintf("Exported the exercise %s for your students: %s, the schema and the instructions, without any annotation.", quoteName(name), plural(len(e.Documents), "document")))
		return []Effect{Download{Name: name, Type: "application/json", Data: data}}, true
	case ExportExercisePage:
		e, data, ok := st.encodeDraft()
		if !ok {
			return nil, true
		}
		return []Effect{OfflineExercise{Name: "sayso-" + FileName(e.Title) + ".html", Exercise: data, PageURL: offline.PageName}}, true
	case ExportKey:
		e, ok := st.draftExercise()
		if !ok {
			return nil, true
		}
		key := exercise.Key(st.Store.Project(), e)
		data, err := exchange.EncodeProject(key)
		if !st.check(err) {
			return nil, true
		}
		name := FileName(e.Title+" – answer key") + exchange.ProjectExtension
		st.info(fmt.Sprintf("Exported the answer key %s (%s). Keep it: drop it into Compare with your students' work.", quoteName(name), plural(len(key.Annotations), "annotation")))
		return []Effect{Download{Name: name, Type: "application/json", Data: data}}, true
	case EmbeddedExercise:
		return st.embeddedExercise(a.Data), true
	case Notify:
		st.info(a.Text)
	case OpenExercise:
		st.openExercise(a.Name, a.Data)
	case SetStudentName:
		name := strings.TrimSpace(a.Name)
		if name == "" {
			st.fail("Enter your name, so that your teacher knows whose work this is.")
			return nil, true
		}
		st.Store.SetAnnotator(name)
		st.AskName = false
		st.info("Hello " + name + ". Read the instructions, then annotate; Export saves your work to send to your teacher.")
	default:
		return nil, false
	}
	return nil, true
}

// draftExercise builds the exercise from the open project and the draft.
func (st *State) draftExercise() (exercise.Exercise, bool) {
	title := strings.TrimSpace(st.Draft.Title)
	if title == "" {
		st.fail("Give the exercise a title first.")
		return exercise.Exercise{}, false
	}
	var ids []string
	for _, d := range st.Store.Documents() {
		if !st.Draft.Left[d.ID] {
			ids = append(ids, d.ID)
		}
	}
	if len(ids) == 0 {
		st.fail("Choose at least one document for the exercise.")
		return exercise.Exercise{}, false
	}
	e, err := exercise.New(st.Store.Project(), title, st.Draft.Instructions, ids)
	if !st.check(err) {
		return exercise.Exercise{}, false
	}
	e.NoSuggest = st.Draft.NoSuggest
	return e, true
}

// encodeDraft builds the exercise and its file.
func (st *State) encodeDraft() (exercise.Exercise, []byte, bool) {
	e, ok := st.draftExercise()
	if !ok || !st.withBox(&e) {
		return e, nil, false
	}
	data, err := exercise.Encode(e)
	return e, data, st.check(err)
}

// isExerciseFile tells an exercise file by its name or its first bytes.
func isExerciseFile(name string, data []byte) bool {
	if strings.HasSuffix(strings.ToLower(name), exercise.Extension) {
		return true
	}
	head := data[:min(len(data), 512)]
	return bytes.Contains(head, []byte(`"format": "`+exercise.FormatName+`"`)) || bytes.Contains(head, []byte(`"format":"`+exercise.FormatName+`"`))
}

// openExercise starts a student's project on an exercise file, replacing
// the open project, and asks for the student's name.
func (st *State) openExercise(name string, data []byte) {
	e, err := exercise.Decode(data)
	if err != nil {
		st.fail("Could not open the exercise " + quoteName(name) + ": " + err.Error())
		return
	}
	store, err := annotation.Load(e.Start(""), st.clock)
	if err != nil {
		st.fail("Could not open the exercise " + quoteName(name) + ": " + err.Error())
		return
	}
	st.Store = store
	st.setSuggestOff(e.ID, e.NoSuggest)
	st.useBox(e)
	st.showDocument(store.Documents()[0].ID)
	st.AskName = true
	st.Message = Message{}
	st.info(fmt.Sprintf("Opened the exercise “%s” (%s).", short(e.Title, 80), plural(len(e.Documents), "document")))
}

// embeddedExercise opens the page's exercise, keeps the student's work on
// it when that is what was restored, and asks before replacing other work.
func (st *State) embeddedExercise(data []byte) []Effect {
	e, err := exercise.Decode(data)
	if err != nil {
		st.fail("This page's exercise could not be read: " + err.Error())
		return nil
	}
	switch {
	case st.Store.Exercise().ID == e.ID:
		st.setSuggestOff(e.ID, e.NoSuggest)
		st.AskName = st.Store.Annotator() == ""
		st.useBox(e)
		return nil // the student's own work on it, restored
	case st.Doc == "":
		st.openExercise("this page", data)
		return nil
	}
	return []Effect{Confirm{
		Text: fmt.Sprintf("This page holds the exercise “%s”. Start it now? The work open in this browser (%s) is replaced: cancel and export it first to keep it.",
			short(e.Title, 80), plural(st.Store.Len(), "annotation")),
		Then: OpenExercise{Name: "this page", Data: data},
	}}
}
