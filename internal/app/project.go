package app

import (
	"errors"
	"fmt"
	"path"
	"slices"
	"strings"

	"sayso/internal/annotation"
	"sayso/internal/text"
	"sayso/internal/wording"
)

// The project: its documents (list, switch, rename, reorder, remove, done
// marks), the annotator's name and the schema (labels and stance values).

// TextFile is a plain-text file the person chose or dropped.
type TextFile struct {
	Name string
	Data []byte
}

// AddTextFiles adds each file as a document: to the open project, or to a
// new one when none is open.
type AddTextFiles struct{ Files []TextFile }

// AddPasted adds a pasted article to the open project.
type AddPasted struct{ Title, Text string }

// ToggleDocuments opens or closes the documents panel.
type ToggleDocuments struct{}

// ShowDocument switches to another document of the project.
type ShowDocument struct{ ID string }

// StepDocument shows the next (+1) or previous (-1) document.
type StepDocument struct{ Delta int }

// RenameDocument changes a document's title.
type RenameDocument struct{ ID, Title string }

// MoveDocument moves a document up (-1) or down (+1) the list.
type MoveDocument struct {
	ID    string
	Delta int
}

// RemoveDocument removes a document and its annotations (undoable).
type RemoveDocument struct{ ID string }

// SetDone marks a document finished or not.
type SetDone struct {
	ID   string
	Done bool
}

// SetAnnotator sets the annotator's name, stored in every export.
type SetAnnotator struct{ Name string }

// ToggleSchema opens or closes the schema editor.
type ToggleSchema struct{}

// AddLabel adds a span label to the schema.
type AddLabel struct{ Name, Color, Key string }

// EditLabel changes one field ("name", "color" or "key") of a label.
type EditLabel struct{ ID, Field, Value string }

// RemoveLabel removes a label. A label in use is removed with its
// annotations only once Confirmed.
type RemoveLabel struct {
	ID        string
	Confirmed bool
}

// AddStanceValue adds a stance value to the schema.
type AddStanceValue struct{ Value string }

// RenameStanceValue renames a stance value, and every claim's use of it.
type RenameStanceValue struct{ Old, New string }

// MoveStanceValue moves a stance value up (-1) or down (+1).
type MoveStanceValue struct {
	Value string
	Delta int
}

// RemoveStanceValue removes a stance value; one in use is cleared from
// its claims only once Confirmed.
type RemoveStanceValue struct {
	Value     string
	Confirmed bool
}

// SetExportScope chooses what Export writes: the whole project (false) or
// only the shown document (true).
type SetExportScope struct{ DocumentOnly bool }

// Confirm asks the person a question; on yes, the browser layer
// dispatches Then.
type Confirm struct {
	Text string
	Then Action
}

func (AddTextFiles) isAction()      {}
func (AddPasted) isAction()         {}
func (ToggleDocuments) isAction()   {}
func (ShowDocument) isAction()      {}
func (StepDocument) isAction()      {}
func (RenameDocument) isAction()    {}
func (MoveDocument) isAction()      {}
func (RemoveDocument) isAction()    {}
func (SetDone) isAction()           {}
func (SetAnnotator) isAction()      {}
func (ToggleSchema) isAction()      {}
func (AddLabel) isAction()          {}
func (EditLabel) isAction()         {}
func (RemoveLabel) isAction()       {}
func (AddStanceValue) isAction()    {}
func (RenameStanceValue) isAction() {}
func (MoveStanceValue) isAction()   {}
func (RemoveStanceValue) isAction() {}
func (SetExportScope) isAction()    {}
func (Confirm) isEffect()           {}

// applyProjectAction applies the project actions; ok is false for others.
func (st *State) applyProjectAction(a Action) (effects []Effect, ok bool) {
	switch a := a.(type) {
	case AddTextFiles:
		st.addTextFiles(a.Files)
	case AddPasted:
		if st.Doc == "" {
			st.paste(a.Title, []byte(a.Text), "", "")
			return nil, true
		}
		st.addDocument(a.Title, []byte(a.Text), "", true)
	case ToggleDocuments:
		st.DocsPanel = !st.DocsPanel
		st.SchemaPanel = false
	case DocsScrolled:
		st.docsScrolled(a)
	case ShowDocument:
		if _, _, found := st.Store.Document(a.ID); found && a.ID != st.Doc {
			st.showDocument(a.ID)
		}
	case StepDocument:
		docs := st.Store.Documents()
		for i, d := range docs {
			if d.ID == st.Doc && i+a.Delta >= 0 && i+a.Delta < len(docs) {
				st.showDocument(docs[i+a.Delta].ID)
				break
			}
		}
	case RenameDocument:
		st.check(st.Store.RenameDocument(a.ID, a.Title))
	case MoveDocument:
		docs := st.Store.Documents()
		for i, d := range docs {
			if d.ID == a.ID && i+a.Delta >= 0 && i+a.Delta < len(docs) {
				st.check(st.Store.MoveDocument(a.ID, i+a.Delta))
				break
			}
		}
	case RemoveDocument:
		st.removeDocument(a.ID)
	case SetDone:
		st.check(st.Store.SetDocumentDone(a.ID, a.Done))
	case SetAnnotator:
		st.Store.SetAnnotator(strings.TrimSpace(a.Name))
	case ToggleSchema:
		st.SchemaPanel = !st.SchemaPanel
		st.DocsPanel = false
	case AddLabel:
		st.schemaChanged(st.Store.AddLabel(annotation.Label{Name: a.Name, Color: a.Color, Key: a.Key}))
	case EditLabel:
		st.editLabel(a)
	case RemoveLabel:
		return st.removeLabel(a), true
	case AddStanceValue:
		if st.stanceStylesFull(a.Value) {
			return nil, true
		}
		st.schemaChanged(st.Store.AddStance(a.Value))
	case RenameStanceValue:
		if slices.Contains(builtInStances, a.Old) && st.stanceStylesFull(a.New) {
			return nil, true
		}
		st.schemaChanged(st.Store.RenameStance(a.Old, a.New))
	case MoveStanceValue:
		stances := st.Store.Schema().Stances
		for i, v := range stances {
			if v == a.Value && i+a.Delta >= 0 && i+a.Delta < len(stances) {
				st.schemaChanged(st.Store.MoveStance(a.Value, i+a.Delta))
				break
			}
		}
	case RemoveStanceValue:
		return st.removeStance(a), true
	case SetExportScope:
		st.ExportDocumentOnly = a.DocumentOnly
	default:
		return nil, false
	}
	return nil, true
}

// addTextFiles adds plain-text files as documents, starting a project
// when none is open.
func (st *State) addTextFiles(files []TextFile) {
	var added, failed []string
	for _, f := range files {
		title := strings.TrimSuffix(f.Name, path.Ext(f.Name))
		if st.Doc == "" {
			st.paste(title, f.Data, quoteName(f.Name), "")
			if st.Doc == "" {
				failed = append(failed, st.Message.Text)
				continue
			}
			added = append(added, quoteName(f.Name))
			continue
		}
		if msg := st.addDocument(title, f.Data, quoteName(f.Name), false); msg != "" {
			failed = append(failed, msg)
			continue
		}
		added = append(added, quoteName(f.Name))
	}
	var parts []string
	if len(added) > 1 || (len(added) == 1 && len(files) > 1) {
		parts = append(parts, fmt.Sprintf("Added %s: %s.", wording.Count(len(added), "document"), strings.Join(added, ", ")))
	}
	parts = append(parts, failed...)
	switch {
	case len(failed) > 0:
		st.fail(strings.Join(parts, "\n"))
	case len(parts) > 0:
		st.info(strings.Join(parts, "\n"))
	}
}

// addDocument adds raw text as a document of the open project; show
// switches to it. It returns the failure, "" when it worked.
func (st *State) addDocument(title string, raw []byte, from string, show bool) string {
	source := "the text box"
	if from != "" {
		source = from
	}
	if len(raw) > MaxPasteBytes {
		msg := fmt.Sprintf("The text in %s is too long (%.1f MB): Sayso takes articles of up to %d MB.", source, float64(len(raw))/(1<<20), MaxPasteBytes>>20)
		st.fail(msg)
		return msg
	}
	body, invalid, controls := text.Clean(raw)
	if strings.TrimSpace(body) == "" {
		msg := "There is no text in " + source + "."
		st.fail(msg)
		return msg
	}
	title = strings.TrimSpace(title)
	if title == "" {
		title = firstLine(body)
	}
	id, err := st.Store.AddDocumentTopic(title, body, "")
	if err != nil {
		st.fail(err.Error())
		return err.Error()
	}
	if show {
		st.showDocument(id)
		st.DocsPanel = false
	}
	note := fmt.Sprintf("Added “%s” to the project (%s now).", title, wording.Count(len(st.Store.Documents()), "document"))
	if notes := cleanNotes(source, invalid, controls); len(notes) > 0 {
		note += " " + strings.Join(notes, " ")
	}
	st.info(note)
	return ""
}

// removeDocument removes a document, showing a neighbour when it was the
// shown one. The last document cannot go: New starts over.
func (st *State) removeDocument(id string) {
	docs := st.Store.Documents()
	if len(docs) <= 1 {
		st.fail("A project keeps at least one document. To start over, use New.")
		return
	}
	next := ""
	for i, d := range docs {
		if d.ID == id {
			if i+1 < len(docs) {
				next = docs[i+1].ID
			} else if i > 0 {
				next = docs[i-1].ID
			}
		}
	}
	doc, _, _ := st.Store.Document(id)
	title := ""
	if doc != nil {
		title = doc.Title
	}
	if !st.check(st.Store.RemoveDocument(id)) {
		return
	}
	if id == st.Doc {
		st.showDocument(next)
	}
	st.info(fmt.Sprintf("Removed “%s” and its annotations. Undo (Ctrl+Z) brings them back.", short(title, 60)))
}

// keepShownDocument shows another document when the shown one is gone
// (after an undo or redo of adding or removing documents).
func (st *State) keepShownDocument() {
	if st.Doc == "" {
		return
	}
	if _, _, ok := st.Store.Document(st.Doc); ok {
		return
	}
	if docs := st.Store.Documents(); len(docs) > 0 {
		st.showDocument(docs[0].ID)
	}
}

func (st *State) editLabel(a EditLabel) {
	l, ok := st.Store.Schema().Label(a.ID)
	if !ok {
		return
	}
	switch a.Field {
	case "name":
		l.Name = a.Value
	case "color":
		l.Color = a.Value
	case "key":
		l.Key = a.Value
	default:
		return
	}
	st.schemaChanged(st.Store.UpdateLabel(a.ID, l.Name, l.Color, l.Key))
}

func (st *State) removeLabel(a RemoveLabel) []Effect {
	err := st.Store.RemoveLabel(a.ID)
	var inUse *annotation.LabelInUseError
	if errors.As(err, &inUse) {
		if !a.Confirmed {
			return []Effect{Confirm{Text: err.Error() + " Remove it?", Then: RemoveLabel{ID: a.ID, Confirmed: true}}}
		}
		err = st.Store.RemoveLabelAndAnnotations(a.ID)
	}
	st.schemaChanged(err)
	return nil
}

func (st *State) removeStance(a RemoveStanceValue) []Effect {
	err := st.Store.RemoveStance(a.Value)
	var inUse *annotation.StanceInUseError
	if errors.As(err, &inUse) {
		if !a.Confirmed {
			return []Effect{Confirm{Text: err.Error() + " Remove it?", Then: RemoveStanceValue{Value: a.Value, Confirmed: true}}}
		}
		err = st.Store.RemoveStanceAndClear(a.Value)
	}
	st.schemaChanged(err)
	return nil
}

// schemaChanged shows err, if any; otherwise the highlights are drawn
// again (label styles may have changed).
func (st *State) schemaChanged(err error) {
	if st.check(err) {
		st.allParas = true
	}
}

// documentProject is the part of p about document doc: the document, its
// annotations and orphans, and the speakers they name.
func documentProject(p annotation.Project, doc string) annotation.Project {
	out := annotation.Project{Schema: p.Schema, Annotator: p.Annotator}
	for _, d := range p.Documents {
		if d.ID == doc {
			out.Documents = append(out.Documents, d)
		}
	}
	named := map[string]bool{}
	for _, a := range p.Annotations {
		if a.Document == doc {
			out.Annotations = append(out.Annotations, a)
			named[a.Speaker] = true
		}
	}
	for _, a := range p.Orphans {
		if a.Document == doc {
			out.Orphans = append(out.Orphans, a)
			named[a.Speaker] = true
		}
	}
	for _, s := range p.Speakers {
		if named[s.ID] {
			out.Speakers = append(out.Speakers, s)
		}
	}
	return out
}

// projectName names a project of several documents for its export files:
// after its annotator, else after its first document.
func projectName(p annotation.Project) string {
	if p.Annotator != "" {
		return p.Annotator + " – " + wording.Count(len(p.Documents), "document")
	}
	return p.Documents[0].Title + " and " + wording.Count(len(p.Documents)-1, "more document")
}

// sameSchema reports whether two schemas are equal.
func sameSchema(a, b annotation.Schema) bool {
	return slices.Equal(a.Labels, b.Labels) && slices.Equal(a.Stances, b.Stances)
}

// stanceStylesFull refuses, with a message, a stance value v that would
// have no mark style of its own: every stance is told apart by the line
// under it, and there are MaxAddedStanceStyles besides the built-in four.
func (st *State) stanceStylesFull(v string) bool {
	v = strings.TrimSpace(v)
	stances := st.Store.Schema().Stances
	if slices.Contains(builtInStances, v) || slices.Contains(stances, v) || addedStances(stances) < MaxAddedStanceStyles {
		return false
	}
	st.fail(fmt.Sprintf("Sayso draws each stance with a line of its own under the claim, and has %d such lines besides those of favor, against, neutral and unclear: remove or rename a stance value before adding another.", MaxAddedStanceStyles))
	return true
}
