package app

import (
	"errors"
	"fmt"
	"strings"

	"sayso/internal/annotation"
	"sayso/internal/exchange"
	"sayso/internal/merge"
	"sayso/internal/text"
)

// Importing into the open project: documents the project does not have are
// added; for a document it has (same text, or same title), the person
// chooses to merge, replace or keep both, and nothing is overwritten before
// they do. Annotations re-anchored on a changed text are marked with how
// they were found; those that could not be placed wait in "Not placed",
// where the person places or drops each.

// ImportInto reads a file in any format Sayso reads and adds it to the
// open project (asking first about documents it already has).
type ImportInto struct {
	Name string
	Data []byte
}

// SetImportChoice chooses what to do with an imported document the project
// already has: "merge", "replace" or "keep-both".
type SetImportChoice struct{ Imported, Choice string }

// ConfirmImport carries out the pending import with the choices made.
type ConfirmImport struct{}

// CancelImport forgets the pending import; nothing changed.
type CancelImport struct{}

// PlaceOrphan places unplaced annotation i on the text selection.
type PlaceOrphan struct {
	Index int
	Sel   *Selection
}

// DropOrphan forgets unplaced annotation i.
type DropOrphan struct{ Index int }

func (ImportInto) isAction()      {}
func (SetImportChoice) isAction() {}
func (ConfirmImport) isAction()   {}
func (CancelImport) isAction()    {}
func (PlaceOrphan) isAction()     {}
func (DropOrphan) isAction()      {}

// PendingImport is an import waiting for the person's choices.
type PendingImport struct {
	Name      string
	Project   annotation.Project
	Conflicts []merge.Conflict
	Choices   map[string]merge.Choice // by imported document id
}

// applyImportAction applies the import actions; ok is false for others.
func (st *State) applyImportAction(a Action) (ok bool) {
	switch a := a.(type) {
	case ImportInto:
		st.importInto(a.Name, a.Data)
	case SetImportChoice:
		if st.Import != nil {
			switch a.Choice {
			case "merge":
				st.Import.Choices[a.Imported] = merge.Merge
			case "replace":
				st.Import.Choices[a.Imported] = merge.Replace
			case "keep-both":
				st.Import.Choices[a.Imported] = merge.KeepBoth
			}
		}
	case ConfirmImport:
		if st.Import != nil {
			st.applyImport()
		}
	case CancelImport:
		if st.Import != nil {
			st.info("Nothing was imported from " + quoteName(st.Import.Name) + ".")
			st.Import = nil
		}
	case PlaceOrphan:
		st.placeOrphan(a.Index, a.Sel)
	case DropOrphan:
		st.Store.RemoveOrphan(a.Index)
	case ConfirmAnchor:
		if st.Selected != "" {
			st.check(st.Store.ConfirmAnchor(st.Selected))
		}
	default:
		return false
	}
	return true
}

// importInto reads a file into a project and merges it, or asks first.
func (st *State) importInto(name string, data []byte) {
	failure := "Could not import " + quoteName(name)
	st.Columns = nil
	if st.Doc == "" {
		st.importFile(name, data)
		return
	}
	if len(data) > MaxImportBytes {
		st.fail(fmt.Sprintf("%s: the file is %.1f MB; Sayso reads files of up to %d MB.", failure, float64(len(data))/(1<<20), MaxImportBytes>>20))
		return
	}
	var p annotation.Project
	id := exchange.Detect(name, data)
	if id == exchange.Native {
		var err error
		if p, err = exchange.DecodeProject(data); err != nil {
			st.fail(failure + ": " + err.Error())
			return
		}
	} else {
		in, err := exchange.ImportAs(id, data, st.Store.Project())
		if err != nil {
			if !st.askColumns(name, data, true, err) {
				st.fail(importFailure(failure, err))
			}
			return
		}
		p = in.Project
	}
	if len(p.Documents) == 0 {
		st.fail(failure + ": it holds no document.")
		return
	}
	st.importProject(name, p)
}

// importProject merges p, read from name, into the open project, or asks
// first about the documents the project already has.
func (st *State) importProject(name string, p annotation.Project) {
	current := st.Store.Project()
	p = renameIDOnlyMatches(current, p)
	pending := &PendingImport{Name: name, Project: p, Choices: map[string]merge.Choice{}}
	for _, c := range merge.Conflicts(current, p) {
		pending.Conflicts = append(pending.Conflicts, c)
		pending.Choices[c.Imported] = merge.Merge
	}
	st.Import = pending
	if len(pending.Conflicts) == 0 {
		st.applyImport()
	}
}

// applyImport merges the pending import into the project.
func (st *State) applyImport() {
	pending := st.Import
	st.Import = nil
	failure := "Could not import " + quoteName(pending.Name)
	result, rep, err := merge.Apply(st.Store.Project(), pending.Project, pending.Choices)
	if err != nil {
		if errors.Is(err, merge.ErrUndecided) {
			st.Import = pending
		}
		st.fail(failure + ": " + err.Error())
		return
	}
	store, err := annotation.Load(result, st.clock)
	if err != nil {
		st.fail(failure + ": " + err.Error())
		return
	}
	shown := st.Doc
	st.Store = store
	if _, _, ok := store.Document(shown); !ok {
		shown = store.Documents()[0].ID
	}
	st.showDocument(shown)
	st.Message = Message{}
	lines := append([]string{"Imported " + quoteName(pending.Name) + "."}, rep.Lines()...)
	if len(rep.Unplaced) > 0 {
		lines = append(lines, "The annotations that could not be placed are listed under “Not placed” in the side list: select their text and press Place, or drop them.")
	}
	st.info(strings.Join(lines, "\n"))
}

// placeOrphan turns unplaced annotation i into an annotation of the shown
// document over the selection, with its label, stance, target and note.
func (st *State) placeOrphan(i int, sel *Selection) {
	orphans := st.Store.Orphans()
	if i < 0 || i >= len(orphans) {
		return
	}
	if sel == nil || sel.End <= sel.Start {
		st.info("Select the text where it belongs first, then press Place.")
		return
	}
	o := orphans[i]
	if _, ok := st.Store.Schema().Label(o.Label); !ok {
		st.fail(fmt.Sprintf("Its label %q is not in the schema: add it under Labels and stances first.", o.Label))
		return
	}
	id, err := st.Store.Add(st.Doc, o.Label, []text.Span{{Start: sel.Start, End: sel.End}})
	if !st.check(err) {
		return
	}
	if o.Label == annotation.LabelClaim {
		if o.Stance != "" {
			_ = st.Store.SetStance(id, o.Stance)
		}
		if o.Target != "" {
			_ = st.Store.SetTarget(id, o.Target)
		}
	}
	if o.Note != "" {
		_ = st.Store.SetNote(id, o.Note)
	}
	st.Store.RemoveOrphan(i)
	st.selectAnnotation(id)
	st.info("Placed it. Undo removes the annotation; the text it was imported with was: “" + short(o.Quote, 80) + "”.")
}

// ConfirmAnchor clears the selected annotation's re-anchoring mark.
type ConfirmAnchor struct{}

func (ConfirmAnchor) isAction() {}

// renameIDOnlyMatches gives a fresh id to each imported document that
// matches an open one by id alone: ids are numbers every project reuses
// (d1, d2, …), so such a document is another one, added without asking.
func renameIDOnlyMatches(current, p annotation.Project) annotation.Project {
	used := map[string]bool{}
	for _, d := range current.Documents {
		used[d.ID] = true
	}
	for _, d := range p.Documents {
		used[d.ID] = true
	}
	renamed := map[string]string{}
	for _, c := range merge.Conflicts(current, p) {
		if c.SameText || strings.Contains(c.Reason, "title") {
			continue
		}
		id := c.Imported
		for n := 2; used[id]; n++ {
			id = fmt.Sprintf("%s-%d", c.Imported, n)
		}
		used[id] = true
		renamed[c.Imported] = id
	}
	if len(renamed) == 0 {
		return p
	}
	out := p
	out.Documents = append([]annotation.Document(nil), p.Documents...)
	for i, d := range out.Documents {
		if id, ok := renamed[d.ID]; ok {
			out.Documents[i].ID = id
		}
	}
	move := func(anns []annotation.Annotation) []annotation.Annotation {
		anns = append([]annotation.Annotation(nil), anns...)
		for i, a := range anns {
			if id, ok := renamed[a.Document]; ok {
				anns[i].Document = id
			}
		}
		return anns
	}
	out.Annotations, out.Orphans = move(p.Annotations), move(p.Orphans)
	return out
}
