package view

import (
	"fmt"

	"sayso/internal/annotation"
	"sayso/internal/app"
	"sayso/internal/wording"
)

// Tools renders a tag button per label of the schema, for the toolbar.
func Tools(st *app.State) HTML {
	var b Builder
	// The tag buttons change with the schema alone: built once per schema,
	// not at every redraw.
	b.Put(HTML{s: st.SchemaMemo("Tools", func(sc annotation.Schema) string {
		var b Builder
		for _, l := range sc.Labels {
			title := "Tag the selected text as " + l.Name
			if l.Key != "" {
				title += " (" + l.Key + ")"
			}
			b.Printf(`<button type="button" class="tool l-%s" data-action="%s" data-label="%s" data-keepsel title="%s"><span class="tool-name">%s</span>`,
				cssName(l.ID), ActTag, l.ID, title, l.Name)
			if l.Key != "" {
				b.Printf(` <kbd>%s</kbd>`, l.Key)
			}
			b.Markup(`</button>`)
		}
		return b.HTML().String()
	})})
	suggestButton(&b, st)
	return b.HTML()
}

// Documents renders the documents panel: the annotator's name, each
// document with its annotation count, done mark and controls, and the ways
// to add documents.
func Documents(st *app.State) HTML {
	var b Builder
	docs := st.Store.Documents()
	b.Printf(`<label class="field">Your name (stored in every export)<input type="text" data-field="%s" value="%s" maxlength="200" placeholder="Annotator"></label>`,
		FieldAnnotator, st.Store.Annotator())
	done := 0
	for _, d := range docs {
		if d.Done {
			done++
		}
	}
	b.Printf(`<p class="summary">%s, %d done</p>`, wording.Count(len(docs), "document"), done)
	if use := st.StorageUse.Text(); use != "" {
		b.Printf(`<p class="storage-use">%s</p>`, use)
	}
	// Only the rows in the list's view and a few around it are drawn
	// (app.DocsWindow); the browser layer sizes and places them.
	first, end, _ := app.DocsWindow(st)
	b.Printf(`<div class="doc-scroll"><div class="vdocs"><ol class="doc-list vdocs-rows" data-first="%d">`, first)
	for i := first; i < end; i++ {
		d := docs[i]
		cls := "doc-row"
		if d.ID == st.Doc {
			cls += " current"
		}
		if d.Done {
			cls += " done"
		}
		b.Printf(`<li class="%s" data-doc="%s" aria-posinset="%d" aria-setsize="%d"%s>`, cls, d.ID, i+1, len(docs), attrIf(d.ID == st.Doc, ` aria-current="true"`))
		b.Printf(`<button type="button" class="doc-open" data-action="%s" data-doc="%s" title="Show this document">%d. %s</button>`, ActShowDoc, d.ID, i+1, wording.Clip(d.Title, 80))
		b.Printf(`<span class="count">%s</span>`, wording.Count(st.Store.AnnotationCount(d.ID), "annotation"))
		title := wording.Clip(d.Title, 80)
		b.Printf(`<label class="check"><input type="checkbox" data-field="%s" data-doc="%s" aria-label="“%s” done"%s> done</label>`, FieldDocDone, d.ID, title, attrIf(d.Done, " checked"))
		b.Printf(`<input type="text" class="doc-title" data-field="%s" data-doc="%s" value="%s" maxlength="500" aria-label="Title of document %d">`, FieldDocTitle, d.ID, d.Title, i+1)
		b.Printf(`<button type="button" data-action="%s" data-doc="%s" title="Move up" aria-label="Move “%s” up"%s>↑</button>`, ActDocUp, d.ID, title, attrIf(i == 0, " disabled"))
		b.Printf(`<button type="button" data-action="%s" data-doc="%s" title="Move down" aria-label="Move “%s” down"%s>↓</button>`, ActDocDown, d.ID, title, attrIf(i == len(docs)-1, " disabled"))
		b.Printf(`<button type="button" class="danger" data-action="%s" data-doc="%s" title="Remove this document and its annotations (undo brings them back)" aria-label="Remove “%s”"%s>Remove</button>`, ActDocRemove, d.ID, title, attrIf(len(docs) == 1, " disabled"))
		b.Markup(`</li>`)
	}
	b.Markup(`</ol></div></div>`)
	b.Printf(`<h3>Add documents</h3><div class="row"><button type="button" data-action="%s" data-input="add-files">Add .txt files</button><input type="file" id="add-files" data-%s="1" accept=".txt,text/plain" multiple hidden>`+
		`<button type="button" data-action="%s" data-input="import-file">Import annotations…</button><input type="file" id="import-file" data-%s="1" accept="%s" hidden></div>`+
		`<p class="hint">Import adds another file's documents to this project; for a document it already has, it asks whether to merge, replace or keep both.</p>`+
		`<label class="field">Title<input type="text" id="add-title" maxlength="500" placeholder="Headline (optional)"></label>`+
		`<label class="field">Article<textarea id="add-text" rows="4" placeholder="Paste another article here"></textarea></label>`+
		`<div class="row"><button type="button" data-action="%s">Add this article</button></div>`,
		ActPickFile, FileAdd, ActPickFile, FileImport, OpenAccept(), ActAddPasted)
	return b.HTML()
}

// Schema renders the schema editor: labels (name, colour, key, remove) and
// stance values (rename, reorder, remove), with forms to add.
func Schema(st *app.State) HTML {
	sc := st.Store.Schema()
	var b Builder
	b.Markup(`<h3>Labels</h3><table class="schema"><thead><tr><th>Name</th><th>Colour</th><th>Key</th><th>In use</th><th></th></tr></thead><tbody>`)
	for _, l := range sc.Labels {
		id := l.ID
		b.Printf(`<tr class="l-%s" data-label="%s"><td><input type="text" data-field="%s" data-label="%s" value="%s" maxlength="60" aria-label="Name of label %s"></td>`,
			cssName(l.ID), id, FieldLabelName, id, l.Name, id)
		b.Printf(`<td><input type="color" data-field="%s" data-label="%s" value="%s" aria-label="Colour of label %s"></td>`, FieldLabelColor, id, l.Color, id)
		b.Printf(`<td><input type="text" class="key" data-field="%s" data-label="%s" value="%s" maxlength="1" aria-label="Key of label %s"></td>`, FieldLabelKey, id, l.Key, id)
		b.Printf(`<td class="count">%d</td>`, st.Store.LabelUse(l.ID))
		if l.ID == "claim" || l.ID == "speaker" || l.ID == "cue" {
			b.Markup(`<td class="hint">built in</td></tr>`)
			continue
		}
		b.Printf(`<td><button type="button" class="danger" data-action="%s" data-label="%s" aria-label="Remove the label “%s”">Remove</button></td></tr>`, ActLabelRemove, id, l.Name)
	}
	b.Markup(`</tbody></table>`)
	b.Printf(`<div class="row add"><input type="text" id="new-label-name" maxlength="60" placeholder="New label name" aria-label="New label name">`+
		`<input type="color" id="new-label-color" value="#8e44ad" aria-label="New label colour">`+
		`<input type="text" id="new-label-key" class="key" maxlength="1" placeholder="key" aria-label="New label key">`+
		`<button type="button" data-action="%s">Add label</button></div>`, ActLabelAdd)
	b.Markup(`<h3>Stance values</h3><ol class="stances">`)
	for i, v := range sc.Stances {
		b.Printf(`<li data-stance="%s"><input type="text" data-field="%s" data-stance="%s" value="%s" maxlength="60" aria-label="Stance value %d">`,
			v, FieldStanceName, v, v, i+1)
		if i < 9 {
			b.Printf(` <kbd>%d</kbd>`, i+1)
		}
		if style, words := stanceMark(sc, v); style != "" {
			b.Printf(` <span class="mk mk-%s" aria-hidden="true">Aa</span><span class="mk-words">marked with a %s</span>`, style, words)
		}
		b.Printf(` <span class="count">%s</span>`, wording.Count(st.Store.StanceUse(v), "claim"))
		b.Printf(`<button type="button" data-action="%s" data-stance="%s" aria-label="Move “%s” up"%s>↑</button><button type="button" data-action="%s" data-stance="%s" aria-label="Move “%s” down"%s>↓</button>`,
			ActStanceUp, v, v, attrIf(i == 0, " disabled"), ActStanceDown, v, v, attrIf(i == len(sc.Stances)-1, " disabled"))
		b.Printf(`<button type="button" class="danger" data-action="%s" data-stance="%s" aria-label="Remove “%s”">Remove</button></li>`, ActStanceRemove, v, v)
	}
	b.Printf(`</ol><div class="row add"><input type="text" id="new-stance" maxlength="60" placeholder="New stance value" aria-label="New stance value"><button type="button" data-action="%s">Add stance value</button></div>`, ActStanceAdd)
	b.Markup(`<p class="hint">Renaming keeps every annotation: claims and spans follow the new names. The default stance target of a document is the “Stance target” above its text.</p>`)
	return b.HTML()
}

// DocumentsButton is the label of the toolbar's documents button.
func DocumentsButton(st *app.State) string {
	docs := st.Store.Documents()
	for i, d := range docs {
		if d.ID == st.Doc {
			return fmt.Sprintf("Documents %d/%d", i+1, len(docs))
		}
	}
	return "Documents"
}
