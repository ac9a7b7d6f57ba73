package app

import (
	"errors"
	"fmt"
	"strings"

	"sayso/internal/annotation"
	"sayso/internal/text"
	"sayso/internal/textedit"
	"sayso/internal/wording"
)

// Editing the shown document's text after starting: web clutter taken
// out, a typo fixed. The editor is a dialog with the whole text; on save
// the annotations follow the edit (package textedit): unmarked where
// their text only moved, marked ≈ where the edit touched it, under “Not
// placed” where it is gone. The edit is one undo step. The text of an
// exercise (a student's work, or the answer key) cannot be edited: Compare
// and the hand-in box check that every student has the teacher's text.

// OpenTextEditor opens the editor of the shown document's text.
type OpenTextEditor struct{}

// SaveText replaces the shown document's text with Text.
type SaveText struct{ Text string }

// CloseTextEditor closes the editor, leaving the text as it was. Text is
// what the editor holds: when it differs from the document's text, the
// person is asked first (DiscardTextQuestion); Discard closes without
// asking (the question's yes).
type CloseTextEditor struct {
	Text    string
	Discard bool
}

// DiscardTextQuestion is asked before the text editor closes on edits.
const DiscardTextQuestion = "Discard your changes to the text?"

// UseTopic sets the selected claim's stance target to the document's topic.
type UseTopic struct{}

// TopicFromTitle sets the shown document's topic to its title.
type TopicFromTitle struct{}

func (OpenTextEditor) isAction()  {}
func (SaveText) isAction()        {}
func (CloseTextEditor) isAction() {}
func (UseTopic) isAction()        {}
func (TopicFromTitle) isAction()  {}

func (OpenTextEditor) annotating()  {}
func (SaveText) annotating()        {}
func (CloseTextEditor) annotating() {}
func (UseTopic) annotating()        {}
func (TopicFromTitle) annotating()  {}

// editText applies the text editor's actions.
func (st *State) editText(a Action) []Effect {
	switch a := a.(type) {
	case OpenTextEditor:
		if why := st.textLocked(); why != "" {
			st.fail(why)
			return nil
		}
		if st.Doc != "" {
			st.TextEditor = true
		}
	case CloseTextEditor:
		if st.TextEditor && !a.Discard && st.textEdited(a.Text) {
			return []Effect{Confirm{Text: DiscardTextQuestion, Then: CloseTextEditor{Discard: true}}}
		}
		st.TextEditor = false
	case SaveText:
		st.saveText(a.Text)
	case UseTopic:
		d, _, ok := st.Store.Document(st.Doc)
		if !ok || strings.TrimSpace(d.Topic) == "" {
			st.info("This article has no topic yet: write it in “Topic” above the text first.")
			return nil
		}
		st.onClaim("set its target", func(id string) error { return st.Store.SetTarget(id, d.Topic) })
	case TopicFromTitle:
		if d, _, ok := st.Store.Document(st.Doc); ok {
			st.check(st.Store.SetTopic(st.Doc, strings.TrimSpace(d.Title)))
		}
	}
	return nil
}

// textEdited reports whether the editor's text differs from the shown
// document's, as saving would take it (text.Clean: line breaks and
// invisible controls do not count as a change).
func (st *State) textEdited(raw string) bool {
	body, _, _ := text.Clean([]byte(raw))
	return body != st.shownText()
}

// textLocked says why the shown document's text cannot be edited, or "".
func (st *State) textLocked() string {
	ex := st.Store.Exercise()
	switch {
	case ex.ID == "":
		return ""
	case ex.Role == annotation.RoleKey:
		return fmt.Sprintf("This is the answer key of the exercise “%s”: its text cannot be edited here, because Compare matches every student's text with it. Edit the text before you make the exercise.", ex.Title)
	default:
		return fmt.Sprintf("The text of the exercise “%s” cannot be edited: your teacher compares your work with the same text, and a changed text would be left out.", ex.Title)
	}
}

// saveText replaces the shown document's text and reports what became of
// its annotations.
func (st *State) saveText(raw string) {
	if why := st.textLocked(); why != "" {
		st.TextEditor = false
		st.fail(why)
		return
	}
	if len(raw) > MaxPasteBytes {
		st.fail(fmt.Sprintf("The text is too long (%.1f MB): Sayso takes articles of up to %d MB.", float64(len(raw))/(1<<20), MaxPasteBytes>>20))
		return
	}
	body, _, controls := text.Clean([]byte(raw))
	rep, err := st.Store.ReplaceText(st.Doc, body, textedit.Placer())
	if errors.Is(err, annotation.ErrSameText) {
		st.TextEditor = false
		st.info("The text is unchanged.")
		return
	}
	if !st.check(err) {
		return
	}
	st.TextEditor = false
	st.redrawEditedText()
	msg := "Saved the edited text."
	var parts []string
	if rep.Kept > 0 {
		parts = append(parts, wording.Count(rep.Kept, "annotation")+" kept")
	}
	if n := len(rep.Anchored); n > 0 {
		parts = append(parts, fmt.Sprintf("%d found again where the edit changed their text (marked ≈: check them)", n))
	}
	if n := len(rep.Orphaned); n > 0 {
		parts = append(parts, fmt.Sprintf("%d whose text is gone, kept under “Not placed”", n))
	}
	if len(parts) > 0 {
		msg += " " + capitalize(strings.Join(parts, "; ")) + "."
	}
	if controls > 0 {
		msg += fmt.Sprintf(" Removed %s that cannot be shown.", wording.Count(controls, "control character"))
	}
	st.info(msg + " Undo with Ctrl+Z.")
}

// shownText is the shown document's text ("" when none).
func (st *State) shownText() string {
	if d, _, ok := st.Store.Document(st.Doc); ok {
		return d.Text
	}
	return ""
}

// redrawEditedText draws the shown document anew after its text changed,
// keeping the selection when its annotation is still there.
func (st *State) redrawEditedText() {
	sel := st.Selected
	st.showDocument(st.Doc)
	if _, ok := st.Store.Annotation(sel); ok {
		st.selectAnnotation(sel)
	}
}
