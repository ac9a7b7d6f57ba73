package app

import (
	"errors"
	"fmt"
	"path"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"sayso/internal/annotation"
	"sayso/internal/exchange"
	"sayso/internal/text"
	"sayso/internal/wording"
)

// Update applies an action to the state and returns the effects the
// browser layer must carry out. It hands the action to its group's
// handler (groups.go); an action of no group is a programming error.
func Update(st *State, a Action) []Effect {
	switch a := a.(type) {
	case suggestAction:
		return st.applySuggestAction(a)
	case annotating:
		return st.annotate(a)
	case projectAction:
		effects, _ := st.applyProjectAction(a)
		return effects
	case exerciseAction:
		effects, _ := st.applyExerciseAction(a)
		return effects
	case compareAction:
		effects, _ := st.applyCompareAction(a)
		return effects
	case importAction:
		st.applyImportAction(a)
		if _, placed := a.(PlaceOrphan); placed {
			return []Effect{ClearDOMSelection{}}
		}
		return nil
	case formatAction:
		effects, _ := ApplyFormatAction(st, a)
		st.ExportMenu = false // the format was chosen from the menu
		return effects
	case fileAction:
		return st.applyFileAction(a)
	case sessionAction:
		return st.applySessionAction(a)
	case handInAction:
		return st.applyHandInAction(a)
	}
	panic(fmt.Sprintf("app: the action %T belongs to no group (see groups.go)", a))
}

// annotate applies the annotating actions.
func (st *State) annotate(a annotating) []Effect {
	switch a := a.(type) {
	case Paste:
		st.paste(a.Title, []byte(a.Text), "", "")
	case PasteFile:
		st.paste(strings.TrimSuffix(a.Name, path.Ext(a.Name)), a.Data, quoteName(a.Name), "")
	case LoadSample:
		st.paste(SampleTitle, []byte(SampleText), "", SampleTopic)
	case CloseDocument:
		st.Store = newStore(st.clock)
		st.suggest = suggestState{} // its storage goes with the autosave (Forget)
		st.showDocument("")
		st.Message = Message{}
		return []Effect{Forget{}}
	case Tag:
		return st.tag(a)
	case ClickText:
		st.clickText(a.Offset)
	case Select:
		if _, ok := st.Store.Annotation(a.ID); ok || a.ID == "" {
			st.selectAnnotation(a.ID)
			if a.ID != "" {
				return []Effect{ScrollTo{ID: a.ID}}
			}
		}
	case Move:
		return st.move(a.Delta)
	case SetStance:
		st.onClaim("set its stance", func(id string) error { return st.Store.SetStance(id, a.Value) })
	case SetStanceIndex:
		if stances := st.Store.Schema().Stances; a.N >= 1 && a.N <= len(stances) {
			st.pressStance(stances[a.N-1])
		}
	case SetTarget:
		st.onClaim("set its target", func(id string) error { return st.Store.SetTarget(id, strings.TrimSpace(a.Value)) })
	case SetNote:
		if st.Selected != "" {
			st.check(st.Store.SetNote(st.Selected, a.Value))
		}
	case LinkNearest:
		st.onClaim("link it to a speaker", func(id string) error {
			m, ok := st.Store.NearestMention(id)
			if !ok {
				return errors.New("there is no speaker mention to link to yet: tag a speaker first (s)")
			}
			return st.Store.LinkMention(id, m)
		})
	case LinkMention:
		st.onClaim("link it to a speaker", func(id string) error { return st.Store.LinkMention(id, a.MentionID) })
	case LinkCue:
		st.onClaim("link it to a cue", func(id string) error { return st.Store.LinkCue(id, a.CueID) })
	case SetMentionSpeaker:
		st.setMentionSpeaker(a.SpeakerID)
	case RenameSpeaker:
		if m, ok := st.selectedOf(annotation.LabelSpeaker); ok {
			st.check(st.Store.RenameSpeaker(m.Speaker, a.Name))
		}
	case SetTopic:
		if st.Doc != "" {
			st.check(st.Store.SetTopic(st.Doc, strings.TrimSpace(a.Value)))
		}
	case OpenTextEditor, SaveText, CloseTextEditor, UseTopic, TopicFromTitle:
		return st.editText(a)
	case Delete:
		if a.Row != "" {
			st.deleteRow(a.Row)
		} else {
			st.deleteSelected()
		}
	case DropOrphans:
		st.Store.DropOrphans()
		st.info("The annotations that could not be placed were dropped.")
	case Undo:
		st.undoRedo(st.Store.Undo, "Undid", "undo")
	case Redo:
		st.undoRedo(st.Store.Redo, "Redid", "redo")
	case ListScrolled:
		st.list.top, st.list.height = a.Top, a.Height
	case ListResized:
		st.listResized(a.Height)
	case ToggleHelp:
		st.Help = !st.Help
	case Escape:
		switch {
		case st.ExportMenu:
			st.ExportMenu = false
		case st.TextEditor:
			return st.editText(CloseTextEditor{Text: a.EditedText})
		case st.Columns != nil:
			st.cancelColumns()
		case st.Import != nil:
			st.applyImportAction(CancelImport{})
		case st.DocsPanel || st.SchemaPanel || st.ExercisePanel:
			st.DocsPanel, st.SchemaPanel, st.ExercisePanel = false, false, false
		case st.Help:
			st.Help = false
		case st.Selected != "":
			st.selectAnnotation("")
		default:
			st.Message = Message{}
		}
	case DismissMessage:
		st.Message = Message{}
	case Export:
		return st.exportAs(exchange.Native)
	case Import:
		st.open(a.Data, "Could not open "+quoteName(a.Name), func(n int) string {
			return fmt.Sprintf("Opened %s: %s.", quoteName(a.Name), wording.Count(n, "annotation"))
		})
	case Restore:
		st.open(a.Data, "Your autosaved work could not be read, and is kept untouched in the browser's storage", nil)
		st.Save = SaveStatus{Revision: st.Store.Revision(), store: st.Store}
	case Saved:
		st.Save = SaveStatus{Revision: a.Revision, At: st.clock(), Err: a.Err, store: st.Store}
	case ChangedElsewhere:
		if st.Doc != "" && !st.Save.Stopped {
			st.Save.Stopped = true
			st.fail("This project was saved from another tab. To keep that newer work, this tab has stopped saving: reload it to continue with the newer work, or export what is here to keep it.")
		}
	case OpenElsewhere:
		if !st.Save.Stopped {
			st.info("Sayso is open in another tab of this browser too. Work in one tab at a time: when one tab saves, the other stops saving so that neither overwrites the other.")
		}
	case Failed:
		st.fail(a.Text)
	case RedrawText:
		st.allParas = true
	case ToggleExportMenu:
		st.ExportMenu = !st.ExportMenu
	}
	return nil
}

// MaxPasteBytes bounds a pasted or dropped article.
const MaxPasteBytes = 10 << 20

// paste starts a new project from raw text. from names the file it came
// from ("" for the text box), for messages; topic is the document's topic
// ("" for none: the person sets it).
func (st *State) paste(title string, raw []byte, from, topic string) {
	source := "the text box"
	if from != "" {
		source = from
	}
	if len(raw) > MaxPasteBytes {
		st.fail(fmt.Sprintf("The text in %s is too long (%.1f MB): Sayso takes articles of up to %d MB. Split it into parts.",
			source, float64(len(raw))/(1<<20), MaxPasteBytes>>20))
		return
	}
	body, invalid, controls := text.Clean(raw)
	if strings.TrimSpace(body) == "" {
		st.fail("There is no text to annotate in " + source + ": paste an article first.")
		return
	}
	notes := cleanNotes(source, invalid, controls)
	title = strings.TrimSpace(title)
	if title == "" {
		title = firstLine(body)
	}
	store := newStore(st.clock)
	id, err := store.AddDocumentTopic(title, body, topic)
	if err != nil {
		st.fail(err.Error())
		return
	}
	st.Store = store
	st.Message = Message{}
	st.showDocument(id)
	if len(notes) > 0 {
		st.info(strings.Join(notes, " "))
	}
}

// cleanNotes says what text.Clean could not keep of a text read from
// source: bytes that are not UTF-8 and control characters.
func cleanNotes(source string, invalid, controls int) []string {
	var notes []string
	if invalid > 0 {
		notes = append(notes, fmt.Sprintf("%s is not valid UTF-8 text: %s could not be read and show as “\uFFFD”.", capitalize(source), wording.Count(invalid, "byte")))
	}
	if controls > 0 {
		notes = append(notes, fmt.Sprintf("Removed %s (such as NUL) that cannot be shown.", wording.Count(controls, "control character")))
	}
	return notes
}

// firstLine is a title made from the start of the text.
func firstLine(body string) string {
	line := strings.TrimSpace(body)
	if i := strings.IndexByte(line, '\n'); i >= 0 {
		line = strings.TrimSpace(line[:i])
	}
	if r := []rune(line); len(r) > 80 {
		line = strings.TrimSpace(string(r[:80])) + "…"
	}
	if line == "" {
		return "Untitled"
	}
	return line
}

func (st *State) tag(a Tag) []Effect {
	_, x, ok := st.Store.Document(st.Doc)
	if !ok {
		return nil
	}
	label, ok := st.Store.Schema().Label(a.Label)
	if !ok {
		return nil
	}
	sp := text.Span{Start: max(a.Sel.Start, 0), End: min(a.Sel.End, x.Len())}
	if a.Sel.Exact {
		sp = x.SnapToGraphemes(sp) // never half a flag or a letter without its marks
	} else {
		sp = x.SnapToWords(sp)
		if label.ID == annotation.LabelSpeaker {
			sp = nameSpan(x, sp) // "Wang Wen," is the mention "Wang Wen"
		}
	}
	if sp.Start >= sp.End {
		st.info(fmt.Sprintf("Select some text first, then press %s to tag it as %s.", label.Key, strings.ToLower(label.Name)))
		return nil
	}
	for _, b := range st.Store.Overlapping(st.Doc, sp) {
		if b.Label == label.ID && len(b.Fragments) == 1 && b.Fragments[0] == sp {
			st.selectAnnotation(b.ID)
			st.info("That text is already tagged as " + strings.ToLower(label.Name) + ".")
			return []Effect{ClearDOMSelection{}}
		}
	}
	id, err := st.Store.Add(st.Doc, label.ID, []text.Span{sp})
	if st.check(err) {
		st.selectAnnotation(id)
		st.Message = Message{}
	}
	return []Effect{ClearDOMSelection{}}
}

// clickText selects the innermost annotation covering offset, cycling
// through the overlapping ones on repeated clicks.
func (st *State) clickText(offset int) {
	var under []*annotation.Annotation
	for _, a := range st.Store.Overlapping(st.Doc, text.Span{Start: offset, End: offset + 1}) {
		if a.Covers(offset) {
			under = append(under, a)
		}
	}
	if len(under) == 0 {
		st.selectAnnotation("")
		return
	}
	sort.SliceStable(under, func(i, j int) bool { return under[i].Hull().Len() < under[j].Hull().Len() })
	next := under[0].ID
	for i, a := range under {
		if a.ID == st.Selected {
			next = under[(i+1)%len(under)].ID
		}
	}
	st.selectAnnotation(next)
}

func (st *State) move(delta int) []Effect {
	list := st.Store.Annotations(st.Doc)
	if len(list) == 0 {
		return nil
	}
	i := -1
	for k, a := range list {
		if a.ID == st.Selected {
			i = k
		}
	}
	switch {
	case i < 0 && delta > 0:
		i = 0
	case i < 0:
		i = len(list) - 1
	default:
		i = min(max(i+delta, 0), len(list)-1)
	}
	st.selectAnnotation(list[i].ID)
	return []Effect{ScrollTo{ID: list[i].ID}}
}

// selectedOf returns the selected annotation if it has the given label.
func (st *State) selectedOf(label string) (*annotation.Annotation, bool) {
	a, ok := st.Store.Annotation(st.Selected)
	if !ok || a.Label != label {
		return nil, false
	}
	return a, true
}

// onClaim runs f on the selected claim, or explains that a claim must be
// selected to do what.
func (st *State) onClaim(what string, f func(id string) error) {
	c, ok := st.selectedOf(annotation.LabelClaim)
	if !ok {
		st.info("Select a claim first to " + what + ".")
		return
	}
	st.markRelatedDirty(c.ID)
	if st.check(f(c.ID)) {
		st.markRelatedDirty(c.ID)
	}
}

func (st *State) setMentionSpeaker(speakerID string) {
	m, ok := st.selectedOf(annotation.LabelSpeaker)
	if !ok {
		return
	}
	if speakerID == NewSpeakerOption {
		_, err := st.Store.NewSpeakerForMention(m.ID, m.Quote)
		st.check(err)
		return
	}
	st.check(st.Store.SetMentionSpeaker(m.ID, speakerID))
}

func (st *State) deleteSelected() {
	a, ok := st.Store.Annotation(st.Selected)
	if !ok {
		return
	}
	label := a.Label
	st.markRelatedDirty(a.ID)
	if st.check(st.Store.Delete(a.ID)) {
		st.Selected = ""
		st.info("Deleted the " + st.labelName(label) + ". Undo with Ctrl+Z.")
	}
}

// deleteRow deletes the annotation of a side list row that has the
// keyboard focus, and gives the list's focus to the row after it (before
// it, when it was the last), so that the focus stays in the list.
func (st *State) deleteRow(id string) {
	if _, ok := st.Store.Annotation(id); !ok {
		return
	}
	next := ""
	if i := st.ListRowOf(id); i >= 0 {
		j := st.annotationRow(i+1, 1)
		if j < 0 {
			j = st.annotationRow(i-1, -1)
		}
		if j >= 0 {
			next = st.ListRow(j).Annotation.ID
		}
	}
	st.selectAnnotation(id)
	st.deleteSelected()
	st.listFocus = next
}

func (st *State) undoRedo(f func() (string, error), verb, noun string) {
	st.markRelatedDirty(st.Selected)
	before := st.Store.Schema()
	textBefore := st.shownText()
	name, err := f()
	if errors.Is(err, annotation.ErrNothingToUndo) {
		st.info("There is nothing to " + noun + ".")
		return
	}
	if !st.check(err) {
		return
	}
	if _, ok := st.Store.Annotation(st.Selected); !ok {
		st.Selected = ""
	}
	st.markRelatedDirty(st.Selected)
	st.keepShownDocument()
	if st.shownText() != textBefore {
		st.redrawEditedText() // an edit of the text undone or redone
	}
	if !sameSchema(before, st.Store.Schema()) {
		st.allParas = true
	}
	st.info(verb + " " + name + ".")
}

// open replaces the project with the one in data; on failure the current
// work is left exactly as it was. Repairs made while opening (re-anchored
// or orphaned annotations) are listed in the message.
func (st *State) open(data []byte, failure string, success func(n int) string) {
	store, notes, err := exchange.OpenProject(data, st.clock)
	if err != nil {
		st.fail(failure + ": " + err.Error())
		return
	}
	docs := store.Documents()
	if len(docs) == 0 {
		st.fail(failure + ": it holds no document.")
		return
	}
	st.Store = store
	st.showDocument(docs[0].ID)
	st.Message = Message{}
	msg := ""
	if success != nil {
		msg = success(store.Len())
	}
	if len(notes) > 0 {
		msg = strings.TrimSpace(msg + fmt.Sprintf(" Some of its annotations did not fit its text; Sayso repaired the file (%s):\n", wording.Count(len(notes), "change")) + strings.Join(notes, "\n"))
	}
	if msg != "" {
		st.info(msg)
	}
}

// check shows err, if any, and reports whether there was none.
func (st *State) check(err error) bool {
	if err == nil {
		return true
	}
	st.fail(capitalize(err.Error()))
	return false
}

func (st *State) labelName(id string) string {
	if l, ok := st.Store.Schema().Label(id); ok {
		return strings.ToLower(l.Name)
	}
	return id
}

func capitalize(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	if size == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[size:]
}

func quoteName(name string) string {
	if name == "" {
		return "the file"
	}
	return "“" + name + "”"
}
