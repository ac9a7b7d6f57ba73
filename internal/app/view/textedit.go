package view

import "sayso/internal/app"

// TextEditor is the editor of the shown document's text: the whole text
// in a text area, to take out web clutter or fix a typo, with what saving
// does to the annotations said before the buttons. Empty when closed.
func TextEditor(st *app.State) HTML {
	var b Builder
	if !st.TextEditor {
		return b.HTML()
	}
	d, _, ok := st.Store.Document(st.Doc)
	if !ok {
		return b.HTML()
	}
	n := st.Store.AnnotationCount(d.ID)
	b.Printf(`<p class="hint" id="edit-text-hint">Take out what does not belong to the article (“Leave a reply”, share buttons, view counts) or fix a typo. Your %s follow the text: where an edit changes an annotated passage the annotation is found again and marked ≈ for you to check; one whose text you remove is kept under “Not placed”. Undo (Ctrl+Z) brings back the old text and every annotation.</p>`,
		annotationsWord(n))
	b.Printf(`<label class="field">Text of “%s”<textarea id="edit-text" rows="18" aria-describedby="edit-text-hint">%s</textarea></label>`, d.Title, d.Text)
	b.Printf(`<div class="row"><button type="button" class="primary" data-action="%s">Save the text</button> <button type="button" data-action="%s">Cancel <kbd>Esc</kbd></button></div>`, ActEditSave, ActEditCancel)
	return b.HTML()
}

func annotationsWord(n int) string {
	switch n {
	case 0:
		return "annotations (none yet)"
	case 1:
		return "one annotation"
	}
	return "annotations"
}
