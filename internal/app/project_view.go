package app

import (
	"fmt"
	"strconv"
	"strings"

	"sayso/internal/wording"
)

// ToolsHTML renders a tag button per label of the schema, for the toolbar.
func ToolsHTML(st *State) string {
	var b strings.Builder
	for _, l := range st.Store.Schema().Labels {
		key := ""
		title := "Tag the selected text as " + l.Name
		if l.Key != "" {
			key = ` <kbd>` + esc(l.Key) + `</kbd>`
			title += " (" + l.Key + ")"
		}
		fmt.Fprintf(&b, `<button type="button" class="tool l-%s" data-action="tag" data-label="%s" data-keepsel title="%s">%s%s</button>`,
			cssName(l.ID), esc(l.ID), esc(title), esc(short(l.Name, 24)), key)
	}
	return b.String()
}

// DocumentsHTML renders the documents panel: the annotator's name, each
// document with its annotation count, done mark and controls, and the
// ways to add documents.
func DocumentsHTML(st *State) string {
	var b strings.Builder
	docs := st.Store.Documents()
	fmt.Fprintf(&b, `<label class="field">Your name (stored in every export)<input type="text" data-field="annotator" value="%s" maxlength="200" placeholder="Annotator"></label>`,
		esc(st.Store.Annotator()))
	done := 0
	for _, d := range docs {
		if d.Done {
			done++
		}
	}
	fmt.Fprintf(&b, `<p class="summary">%s, %d done</p><ol class="doc-list">`, wording.Count(len(docs), "document"), done)
	for i, d := range docs {
		cls := "doc-row"
		current := ""
		if d.ID == st.Doc {
			cls += " current"
			current = ` aria-current="true"`
		}
		checked := ""
		if d.Done {
			checked = " checked"
			cls += " done"
		}
		id := esc(d.ID)
		fmt.Fprintf(&b, `<li class="%s" data-doc="%s"%s>`, cls, id, current)
		fmt.Fprintf(&b, `<button type="button" class="doc-open" data-action="show-doc" data-doc="%s" title="Show this document">%d. %s</button>`, id, i+1, esc(short(d.Title, 80)))
		fmt.Fprintf(&b, `<span class="count">%s</span>`, wording.Count(st.Store.AnnotationCount(d.ID), "annotation"))
		fmt.Fprintf(&b, `<label class="check"><input type="checkbox" data-field="doc-done" data-doc="%s"%s> done</label>`, id, checked)
		fmt.Fprintf(&b, `<input type="text" class="doc-title" data-field="doc-title" data-doc="%s" value="%s" maxlength="500" aria-label="Title of document %d">`, id, esc(d.Title), i+1)
		fmt.Fprintf(&b, `<button type="button" data-action="doc-up" data-doc="%s" title="Move up"%s>↑</button>`, id, disabledAttr(i == 0))
		fmt.Fprintf(&b, `<button type="button" data-action="doc-down" data-doc="%s" title="Move down"%s>↓</button>`, id, disabledAttr(i == len(docs)-1))
		fmt.Fprintf(&b, `<button type="button" class="danger" data-action="doc-remove" data-doc="%s" title="Remove this document and its annotations (undo brings them back)"%s>Remove</button>`, id, disabledAttr(len(docs) == 1))
		b.WriteString(`</li>`)
	}
	b.WriteString(`</ol>`)
	b.WriteString(`<h3>Add documents</h3><div class="row"><label class="button">Add .txt files<input type="file" id="add-files" data-add="1" accept=".txt,text/plain" multiple hidden></label>` +
		`<label class="button">Import annotations…<input type="file" id="import-file" data-import="1" accept=".json,.jsonl,.jsonld,.zip,.conll,.txt,.ann,application/json" hidden></label>` +
		`<button type="button" data-action="schema">Labels and stances…</button>` +
		`<button type="button" data-action="exercise">Exercise for students…</button></div>` +
		`<p class="hint">Import adds another file's documents to this project; for a document it already has, it asks whether to merge, replace or keep both.</p>` +
		`<label class="field">Title<input type="text" id="add-title" maxlength="500" placeholder="Headline (optional)"></label>` +
		`<label class="field">Article<textarea id="add-text" rows="4" placeholder="Paste another article here"></textarea></label>` +
		`<div class="row"><button type="button" data-action="add-pasted">Add this article</button></div>`)
	return b.String()
}

// SchemaHTML renders the schema editor: labels (name, colour, key,
// remove) and stance values (rename, reorder, remove), with forms to add.
func SchemaHTML(st *State) string {
	sc := st.Store.Schema()
	var b strings.Builder
	b.WriteString(`<h3>Labels</h3><table class="schema"><thead><tr><th>Name</th><th>Colour</th><th>Key</th><th>In use</th><th></th></tr></thead><tbody>`)
	for _, l := range sc.Labels {
		id := esc(l.ID)
		fmt.Fprintf(&b, `<tr class="l-%s" data-label="%s"><td><input type="text" data-field="label-name" data-label="%s" value="%s" maxlength="60" aria-label="Name of label %s"></td>`,
			cssName(l.ID), id, id, esc(l.Name), id)
		fmt.Fprintf(&b, `<td><input type="color" data-field="label-color" data-label="%s" value="%s" aria-label="Colour of label %s"></td>`, id, esc(l.Color), id)
		fmt.Fprintf(&b, `<td><input type="text" class="key" data-field="label-key" data-label="%s" value="%s" maxlength="1" aria-label="Key of label %s"></td>`, id, esc(l.Key), id)
		fmt.Fprintf(&b, `<td class="count">%d</td>`, st.Store.LabelUse(l.ID))
		builtIn := l.ID == "claim" || l.ID == "speaker" || l.ID == "cue"
		if builtIn {
			b.WriteString(`<td class="hint">built in</td></tr>`)
			continue
		}
		fmt.Fprintf(&b, `<td><button type="button" class="danger" data-action="label-remove" data-label="%s">Remove</button></td></tr>`, id)
	}
	b.WriteString(`</tbody></table>`)
	b.WriteString(`<div class="row add"><input type="text" id="new-label-name" maxlength="60" placeholder="New label name" aria-label="New label name">` +
		`<input type="color" id="new-label-color" value="#8e44ad" aria-label="New label colour">` +
		`<input type="text" id="new-label-key" class="key" maxlength="1" placeholder="key" aria-label="New label key">` +
		`<button type="button" data-action="label-add">Add label</button></div>`)
	b.WriteString(`<h3>Stance values</h3><ol class="stances">`)
	for i, v := range sc.Stances {
		ev := esc(v)
		key := ""
		if i < 9 {
			key = ` <kbd>` + strconv.Itoa(i+1) + `</kbd>`
		}
		fmt.Fprintf(&b, `<li data-stance="%s"><input type="text" data-field="stance-name" data-stance="%s" value="%s" maxlength="60" aria-label="Stance value %d">%s <span class="count">%s</span>`,
			ev, ev, ev, i+1, key, wording.Count(st.Store.StanceUse(v), "claim"))
		fmt.Fprintf(&b, `<button type="button" data-action="stance-up" data-stance="%s"%s>↑</button><button type="button" data-action="stance-down" data-stance="%s"%s>↓</button>`,
			ev, disabledAttr(i == 0), ev, disabledAttr(i == len(sc.Stances)-1))
		fmt.Fprintf(&b, `<button type="button" class="danger" data-action="stance-remove" data-stance="%s">Remove</button></li>`, ev)
	}
	b.WriteString(`</ol><div class="row add"><input type="text" id="new-stance" maxlength="60" placeholder="New stance value" aria-label="New stance value"><button type="button" data-action="stance-add">Add stance value</button></div>`)
	b.WriteString(`<p class="hint">Renaming keeps every annotation: claims and spans follow the new names. The default stance target of a document is the “Stance target” above its text.</p>`)
	return b.String()
}

func disabledAttr(on bool) string {
	if on {
		return " disabled"
	}
	return ""
}

// DocumentsButton is the label of the toolbar's documents button.
func DocumentsButton(st *State) string {
	docs := st.Store.Documents()
	for i, d := range docs {
		if d.ID == st.Doc {
			return fmt.Sprintf("Documents %d/%d", i+1, len(docs))
		}
	}
	return "Documents"
}
