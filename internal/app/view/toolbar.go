package view

import (
	"strings"
	"time"

	"sayso/internal/app"
	"sayso/internal/exchange"
)

// ExportMenu lists the export formats, each with what it cannot hold, as
// the items of a menu (menu.go); in a project of several documents, the
// first item says whether exports hold only the shown document.
func ExportMenu(st *app.State) HTML {
	var b Builder
	b.Markup(`<ul class="menu-list" role="menu" aria-label="Export formats">`)
	if n := len(st.Store.Documents()); n > 1 {
		b.Printf(`<li role="none"><button type="button" class="scope" role="menuitemcheckbox" tabindex="-1" aria-checked="%s" data-action="%s">Only this document (else all %d)</button></li>`,
			boolText(st.ExportDocumentOnly), ActExportScope, n)
	}
	for _, f := range exchange.Formats() {
		loses := f.Loses
		if loses == "" {
			loses = "Keeps everything."
		}
		b.Printf(`<li role="none"><button type="button" role="menuitem" tabindex="-1" data-action="%s" data-format="%s"><span class="fmt">%s</span> <span class="ext">%s</span><span class="loses">%s</span></button></li>`,
			ActExportAs, f.ID, f.Name, f.Extension, loses)
	}
	b.Markup(`</ul>`)
	return b.HTML()
}

func boolText(on bool) string {
	if on {
		return "true"
	}
	return "false"
}

// OpenAccept is the accept list of the file inputs that open files: every
// ending a format that opens claims (exchange.OpenEndings) and the media
// types browsers give JSON and text files. web/index.html's Open inputs
// carry the same list (checked by a test).
func OpenAccept() string {
	return strings.Join(exchange.OpenEndings(), ",") + ",application/json,text/plain"
}

// Shortcuts renders the keyboard help as a definition list.
func Shortcuts(st *app.State) HTML {
	var b Builder
	b.Markup(`<dl class="keys">`)
	for _, s := range app.Shortcuts(st.Store.Schema()) {
		if app.IsSuggestShortcut(s) && !st.SuggestAllowed() {
			continue
		}
		b.Printf(`<dt><kbd>%s</kbd></dt><dd>%s</dd>`, s.Keys, s.Does)
	}
	b.Markup(`</dl>`)
	return b.HTML()
}

// SaveText is the autosave indicator's text.
func SaveText(st *app.State) string {
	switch {
	case st.Doc == "":
		return ""
	case st.Save.Stopped:
		return "Not saving: changed in another tab. Reload to continue."
	case st.Save.Err != "":
		return "Not saved: " + st.Save.Err + " Export to keep your work."
	case st.Unsaved():
		return "Saving…"
	case st.Save.At.IsZero():
		return "Saved in this browser"
	default:
		return "Saved " + st.Save.At.Local().Format(time.TimeOnly)
	}
}

// SaveFailed reports whether the autosave indicator shows a failure.
func SaveFailed(st *app.State) bool { return st.Save.Err != "" || st.Save.Stopped }

// Topic is the shown document's topic, the stance target field's value.
func Topic(st *app.State) string {
	if d, _, ok := st.Store.Document(st.Doc); ok {
		return d.Topic
	}
	return ""
}

// UndoTitle describes the undo button ("" when there is nothing to undo).
func UndoTitle(st *app.State) string {
	if name, ok := st.Store.CanUndo(); ok {
		return "Undo " + name
	}
	return ""
}

// RedoTitle describes the redo button ("" when there is nothing to redo).
func RedoTitle(st *app.State) string {
	if name, ok := st.Store.CanRedo(); ok {
		return "Redo " + name
	}
	return ""
}
