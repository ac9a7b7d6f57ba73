//go:build js && wasm

package ui

import (
	"errors"
	"runtime/debug"
	"slices"
	"strings"
	"syscall/js"
	"time"

	"honnef.co/go/js/dom/v2"

	"sayso/internal/app"
	"sayso/internal/app/view"
)

// saveDelay coalesces bursts of changes into one autosave. A save writes
// only what changed, so it runs as soon as the burst is over.
const saveDelay = 20 * time.Millisecond

// saveChunk is how many records a save of the whole project (after an
// open) encodes per task: a few milliseconds of the page's thread each.
const saveChunk = 1000

// UI binds an app.State to the page. It changes the state only through
// dispatch, and reads it only through view.Build and the app's functions
// that map positions (app.OffsetOfSegment, …).
type UI struct {
	st    *app.State
	win   dom.Window
	doc   dom.Document
	store app.KV

	// Elements drawn into.
	start, workspace, loading, docEl, sidebar, inspector, help, helpBody, exportMenu dom.Element
	message, messageText, saveStatus, title, topic, undo, redo                       dom.Element
	tools, docsPanel, docsBody, schemaPanel, schemaBody, docsButton, compare         dom.Element
	importPanel, importBody, exercisePanel, exerciseBody, nameDialog, instructions   dom.Element
	columnsPanel, columnsBody                                                        dom.Element
	confirmPanel, confirmBody, setupMenu, announceEl                                 dom.Element

	// What was last drawn, so unchanged pieces are left alone.
	handIn handInUI // the Hand in button's slot (handin.go)
	drawn  struct {
		sidebar, inspector, help, message, save, title, topic, exportMenu   string
		screen, tools, docs, schema, labelCSS, docsButton, compare, imports string
		exercise, instructions, columns                                     string
		askName                                                             bool
		question, setupMenu                                                 string
		announce                                                            int
		// list is the part of the side list Sidebar last drew.
		list app.ListDrawn
		// The side list's rows as setRows last drew them.
		rowKeys  []string
		rows     []view.HTML
		rowPlace []int
	}
	// Focus of dialogs and menus (dialog.go): the open dialogs and their
	// openers, the open menus, and whether a menu opening from its
	// button's ArrowUp starts on its last item.
	modals   modals
	menuOpen map[string]bool
	menuLast bool
	// caretKey is set by a key that moves the article's caret
	// (app.MovesCaret), cleared by any other key and by a press of the
	// mouse in the article: only the caret such a key moved is reported
	// (app.CaretAt). A click is a ClickText of its own, and a caret the
	// redraw after a tag collapsed is no move of the person's.
	caretKey  bool
	lastCaret int
	// listHeight is the side list's visible height the app was last told
	// (app.ListScrolled, app.ListResized).
	listHeight int
	// frame is what a redraw left to the next animation frame, when the
	// page's layout is up to date (render.go).
	frame frameWork
	// chosen are the files last chosen or dropped, for ReadFiles.
	chosen []js.Value

	text     renderer   // the article's text and annotations
	textEdit textEditor // the editor of the article's text
	// morph is web/morph.js's saysoMorph: panels are patched in place so
	// that a redraw never takes the focus away; undefined without it.
	morph     js.Value
	funcs     []js.Func // released by Close
	saveTimer js.Value  // pending autosave timeout id, null while saveAfterPaint waits, or undefined
	saveFunc  js.Func
	// saveSeq counts the autosaves cancelled or run: a saveAfterPaint
	// callback of an earlier count does nothing.
	saveSeq int
	// idb is autosave's IndexedDB database, or undefined where there is
	// none (work is then kept in localStorage); compactPending is set
	// while a compaction waits for the page to be idle (storage.go).
	idb            js.Value
	compactPending bool
	// leaving is set while the page saves as it is hidden or left: every
	// write is handed to IndexedDB at once; deferred is a large write put
	// off to a task of its own, until it is handed over (storage.go).
	leaving  bool
	deferred *app.Persist
	// writes carries out the IndexedDB writes, in the save worker or in
	// the page (idbwriter.go); nil until the first.
	writes *idbWriter

	// The key to the marks (view.Legend) and the fading of notices
	// (notice.go).
	legend      dom.Element
	drawnLegend string
	noticeTimer js.Value // pending fade timeout id, or undefined
	noticeFunc  js.Func
	// suggestFunc sends SuggestMore when the page is idle (suggestLater),
	// warmFunc WarmSuggest (warmSuggestLater).
	suggestFunc, warmFunc js.Func
	// collectAfterFirstFrame turns the garbage collector back on after
	// the restore (Start).
	collectAfterFirstFrame func()
	// openWarm rehearses opening a project in idle time after start-up
	// (warmopen.go).
	openWarm openWarming
}

// New binds the page's elements. It fails when the page lacks one.
func New(st *app.State) (*UI, error) {
	win := dom.GetWindow()
	u := &UI{st: st, win: win, doc: win.Document(), store: localStorage{}, morph: js.Global().Get("saysoMorph")}
	u.text = newRenderer(u)
	// Leaving the page keeps a copy of the first screen, which the next
	// load paints before the program runs (web/preview.js).
	st.SetFirstScreen(view.FirstScreen)
	for _, b := range []struct {
		id string
		el *dom.Element
	}{
		{"start", &u.start}, {"workspace", &u.workspace}, {"loading", &u.loading},
		{"doc", &u.docEl}, {"sidebar", &u.sidebar}, {"inspector", &u.inspector},
		{"legend", &u.legend},
		{"help", &u.help}, {"help-body", &u.helpBody}, {"message", &u.message}, {"export-menu", &u.exportMenu},
		{"message-text", &u.messageText}, {"save-status", &u.saveStatus},
		{"doc-title", &u.title}, {"topic", &u.topic}, {"undo", &u.undo}, {"redo", &u.redo},
		{"tools", &u.tools}, {"docs", &u.docsPanel}, {"docs-body", &u.docsBody}, {"schema", &u.schemaPanel},
		{"schema-body", &u.schemaBody}, {"docs-button", &u.docsButton}, {"compare", &u.compare},
		{"import", &u.importPanel}, {"import-body", &u.importBody},
		{"exercise", &u.exercisePanel}, {"exercise-body", &u.exerciseBody}, {"name-dialog", &u.nameDialog},
		{"instructions", &u.instructions}, {"columns", &u.columnsPanel}, {"columns-body", &u.columnsBody},
		{"confirm", &u.confirmPanel}, {"confirm-body", &u.confirmBody}, {"setup-menu", &u.setupMenu}, {"announce", &u.announceEl},
	} {
		el := u.doc.GetElementByID(b.id)
		if el == nil {
			return nil, errors.New("ui: the page has no #" + b.id)
		}
		*b.el = el
	}
	u.noticeTimer = js.Undefined()
	u.saveFunc = js.FuncOf(func(js.Value, []js.Value) any {
		u.saveTimer = js.Undefined()
		u.save(saveChunk)
		return nil
	})
	u.funcs = append(u.funcs, u.saveFunc)
	u.saveTimer = js.Undefined()
	u.idb = js.Undefined()
	u.frame.focus = js.Undefined()
	u.frame.run = js.FuncOf(func(js.Value, []js.Value) any {
		u.inFrame()
		return nil
	})
	u.funcs = append(u.funcs, u.frame.run)
	u.lastCaret = -1
	return u, nil
}

// Start opens autosave's storage, restores autosaved work, draws the
// page, listens to events and marks the page ready.
func (u *UI) Start() {
	perfMark("sayso:start")
	// The collector stays off until the restored project is drawn
	// (app.GCPercentRestoring); started turns it back on.
	u.collectAfterFirstFrame = collectorOffDuring()
	// IndexedDB was opened and read by the page while the program loaded
	// (web/boot.js); its answer is taken while the page does the rest of
	// its start (drawing the start screen), and the restore waits for
	// that rest.
	var restore func()
	begun := false
	start := func(a app.RestoreAutosave) {
		restore = func() { u.started(a) }
		if begun {
			restore()
		}
	}
	openStoredWork(func(db js.Value, all map[string]string, err error) {
		perfMark("sayso:idb-read")
		if err != nil {
			start(app.RestoreAutosave{Storage: u.store, NoIndexedDB: err.Error()})
			return
		}
		u.idb = db
		start(app.RestoreAutosave{Storage: u.store, Stored: all})
	})
	askPersistentStorage()
	u.startHandIn()
	begun = true
	if restore != nil {
		restore()
	}
}

// started restores the work storage holds and makes the page live.
func (u *UI) started(restore app.RestoreAutosave) {
	perf := js.Global().Get("performance")
	start := perf.Call("now")
	// The copy of the first screen painted while the program loaded
	// (web/preview.js) gives way, in this task, to the page drawn here.
	if p := js.Global().Get("saysoPreview"); p.Type() == js.TypeObject {
		p.Call("end")
	}
	u.dispatch(restore)
	perf.Call("measure", "sayso:restore", map[string]any{"start": start, "end": perf.Call("now")})
	u.holdWriterLock()
	u.estimate()
	u.startSaveWorkerWhenIdle()
	u.listen()
	u.listenBarMenu()
	if ex := js.Global().Get("saysoEmbeddedExercise"); ex.Type() == js.TypeString {
		u.dispatch(app.EmbeddedExercise{Data: []byte(ex.String())})
	}
	u.loading.SetAttribute("hidden", "")
	perfMark("sayso:ready")
	u.doc.(dom.HTMLDocument).Body().Underlying().Get("dataset").Set("ready", "1")
	u.whenIdle(u.collectAfterFirstFrame)
	u.warmOpenLater()
	u.warmSuggestLater()
}

// whenIdle calls f once the page is idle (requestIdleCallback, at most
// a second later; at once where the browser lacks it, in a task of its
// own).
func (u *UI) whenIdle(f func()) {
	var cb js.Func
	cb = js.FuncOf(func(js.Value, []js.Value) any {
		cb.Release()
		f()
		return nil
	})
	w := js.Global()
	if ric := w.Get("requestIdleCallback"); ric.Type() == js.TypeFunction {
		opts := w.Get("Object").New()
		opts.Set("timeout", 1000)
		w.Call("requestIdleCallback", cb, opts)
		return
	}
	w.Call("setTimeout", cb, 0)
}

// perfMark marks a point of the start-up for the benchmark (User Timing).
func perfMark(name string) { js.Global().Get("performance").Call("mark", name) }

// askPersistentStorage asks the browser not to evict this site's storage
// under pressure (navigator.storage.persist). Browsers decide without
// asking the person; the README tells people to export regularly anyway.
func askPersistentStorage() {
	storage := js.Global().Get("navigator").Get("storage")
	if storage.IsUndefined() || storage.Get("persist").IsUndefined() {
		return
	}
	storage.Call("persist")
}

// Close releases every js.Func the UI created.
func (u *UI) Close() {
	for _, f := range u.funcs {
		f.Release()
	}
	u.funcs = nil
}

// collectorOffDuring turns the garbage collector off until the function
// it returns is called (app.GCPercentRestoring, bounded by
// app.MemoryLimitRestoring): while the restore at start-up draws the
// restored project (Start), and during an export. An export builds its
// file in one go — at 1 MB and 10,000 annotations about 11 MB of
// allocations, garbage once the download is handed over — and a
// collection started in the middle of it in some exports and not in
// others: make bench's io step measured 45–50 ms against 57–70 ms from
// run to run. With the collector off every export takes the short time,
// and the next collection frees the file.
func collectorOffDuring() (restore func()) {
	gc := debug.SetGCPercent(app.GCPercentRestoring)
	limit := debug.SetMemoryLimit(app.MemoryLimitRestoring)
	return func() {
		debug.SetGCPercent(gc)
		debug.SetMemoryLimit(limit)
	}
}

// dispatch applies an action and carries out its plan: draw, then run
// the effects. It is the one place that changes the state.
func (u *UI) dispatch(a app.Action) {
	switch a.(type) {
	case app.Export, app.ExportAs:
		defer collectorOffDuring()()
	}
	switch a.(type) {
	case app.Autosave, app.Persisted, app.Compact:
		// Saving changes nothing on the page but the save indicator:
		// building the whole page's view would make a save cost
		// O(project) on the main thread. Its time is marked for the
		// benchmark (User Timing: sayso:save, sayso:compact).
		perf := js.Global().Get("performance")
		start := perf.Call("now")
		plan := app.Step(u.st, a)
		u.renderSaveStatus()
		for _, e := range plan.Effects {
			u.run(e)
		}
		name := "sayso:save"
		if _, ok := a.(app.Compact); ok {
			name = "sayso:compact"
		}
		perf.Call("measure", name, map[string]any{"start": start, "end": perf.Call("now")})
		if plan.Save {
			u.scheduleSave()
		}
		return
	case app.WarmSuggest:
		u.warmSuggest()
		return
	case app.KeepFirstScreen:
		// Nothing on the page changes.
		for _, e := range app.Step(u.st, a).Effects {
			u.run(e)
		}
		return
	}
	mark := markSuggest(a)
	defer mark.done()
	plan := app.Step(u.st, a)
	mark.stepped()
	if u.text.pending() && wantsWholeText(u.st, plan) {
		u.text.flush()
	}
	// The browser's selection is cleared before the redraw's writes: the
	// browser lays the page out to clear it, which costs nothing while
	// the page is as it was drawn.
	effects := plan.Effects[:0:0]
	for _, e := range plan.Effects {
		if _, ok := e.(app.ClearDOMSelection); ok {
			u.run(e)
			continue
		}
		effects = append(effects, e)
	}
	if listOnly(a, plan) {
		u.renderListOnly(plan)
	} else {
		u.render(plan)
	}
	for _, e := range effects {
		u.run(e)
	}
	// The list's height is checked in the next animation frame (inFrame):
	// reading it now would lay the page out between the redraw's writes.
	u.laterInFrame()
	if plan.Save && plan.Redraw.All {
		// A project opened, imported or pasted, or another document
		// shown: its first save writes the whole project.
		u.saveAfterPaint()
	} else if plan.Save {
		u.scheduleSave()
	}
}

// wantsWholeText reports whether the plan of an action needs what is left
// of a long document's drawing (rest.go) drawn before its redraw: it
// scrolls to an annotation, which may lie in a section not drawn yet, or
// the document has suggestions, whose drawing places them by paragraph,
// at once (only the annotations' highlights are made when a section is
// drawn). Nothing else does: the highlights of annotations in sections not
// drawn yet are made, from the state of then, when their sections are
// drawn (and the marks of the selection with them); a selection, a click
// or a caret is in drawn text; a document drawn anew (Redraw.All) starts
// again. Drawing the rest at every first action after an open made
// adding the first claim to 5 MB cost hundreds of milliseconds of
// inserting and highlighting text nobody was looking at.
func wantsWholeText(st *app.State, plan app.Plan) bool {
	if plan.Redraw.All {
		return false
	}
	if slices.ContainsFunc(plan.Effects, func(e app.Effect) bool {
		_, ok := e.(app.ScrollTo)
		return ok
	}) {
		return true
	}
	list, _ := st.Suggestions()
	return len(list) > 0
}

func (u *UI) run(e app.Effect) {
	switch e := e.(type) {
	case app.Download:
		download(e.Name, e.Type, e.Data)
	case app.ScrollTo:
		u.text.scrollTo(e.ID)
	case app.ClearDOMSelection:
		js.Global().Call("getSelection").Call("removeAllRanges")
	case app.OfflineExercise:
		u.offlinePage(e)
	case app.OpenPicker:
		if in := u.el(e.Input); in.Truthy() {
			in.Call("click")
		}
	case app.ReadFiles:
		u.readFiles(e)
	case app.Forget:
		u.cancelSave()
		u.dispatch(app.EraseSaved{Storage: u.kv()})
		if err := app.ForgetSnapshots(u.store); err != nil {
			u.dispatch(app.Failed{Text: "Could not clear the autosaved work: " + err.Error()})
		}
	case app.Persist:
		u.persist(e)
	case app.WriteFirstScreen:
		// A copy that could not be kept is not shown: nothing to say.
		_ = app.KeepScreen(u.store, e)
	case app.CompactWhenIdle:
		u.compactWhenIdle()
	case app.SaveSoon:
		u.saveSoon()
	case app.ForgetLegacy:
		_ = app.ForgetLegacySnapshots(u.store) // the work is saved as records: failing loses nothing
	case app.SuggestLater:
		u.suggestLater()
	case app.WarmSuggestLater:
		u.warmSuggestLater()
	case app.RememberShown:
		_ = app.SaveShown(u.store, e.ID) // a view setting: failing loses nothing
	default:
		u.runHandIn(e)
	}
}

// render draws the page of the state: the pieces that changed since the
// last render, and the article's text as the plan's Redraw says.
func (u *UI) render(plan app.Plan) {
	prev := activeElement()
	p := view.Build(u.st)
	if screen := string(p.Screen); screen != u.drawn.screen {
		u.drawn.screen = screen
		u.doc.(dom.HTMLDocument).Body().SetAttribute("data-screen", screen)
		setHidden(u.start, p.Screen != view.ScreenStart)
		setHidden(u.workspace, p.Screen != view.ScreenDoc)
		setHidden(u.compare, p.Screen != view.ScreenCompare)
	}
	if p.Screen == view.ScreenCompare {
		u.setHTML(u.compare, &u.drawn.compare, p.Compare)
	}
	u.text.draw(plan.Redraw, p)
	setText(u.title, &u.drawn.title, p.Title)
	u.setHTML(u.tools, &u.drawn.tools, p.Tools)
	setText(u.docsButton, &u.drawn.docsButton, p.DocsButton)
	if p.LabelCSS != u.drawn.labelCSS {
		u.drawn.labelCSS = p.LabelCSS
		setLabelCSS(p.LabelCSS)
	}
	u.setPanel(u.docsPanel, u.docsBody, &u.drawn.docs, p.Documents)
	u.placeDocsList()
	u.setPanel(u.exercisePanel, u.exerciseBody, &u.drawn.exercise, p.Exercise)
	if p.AskName != u.drawn.askName {
		u.drawn.askName = p.AskName
		setHidden(u.nameDialog, !p.AskName)
		if p.AskName {
			u.doc.GetElementByID("student-name").Underlying().Call("focus")
		}
	}
	u.setPanel(u.instructions, u.instructions, &u.drawn.instructions, p.Instructions)
	u.renderHandIn(p)
	u.setPanel(u.importPanel, u.importBody, &u.drawn.imports, p.ImportDialog)
	asked := u.drawn.columns == "" && !p.ColumnsDialog.IsEmpty()
	if p.ColumnsDialog.IsEmpty() {
		u.drawn.columns = "" // asked again later: focus again
	}
	u.setPanel(u.columnsPanel, u.columnsBody, &u.drawn.columns, p.ColumnsDialog)
	if asked {
		// The keyboard starts on the first chosen column (Esc cancels).
		if first := u.columnsBody.Underlying().Call("querySelector", "input:checked, button"); !first.IsNull() {
			first.Call("focus")
		}
	}
	u.setPanel(u.schemaPanel, u.schemaBody, &u.drawn.schema, p.Schema)
	u.drawTextEditor(p)
	if p.Topic != u.drawn.topic {
		u.drawn.topic = p.Topic
		u.topic.Underlying().Set("value", p.Topic)
	}
	// The inspector shares the side column with the list: drawn first, so
	// that the list has its final height when it is scrolled (else the
	// browser clamps a scroll near the list's end to the taller list's).
	u.setHTML(u.inspector, &u.drawn.inspector, p.Inspector)
	u.renderList(p, plan)
	u.setPanel(u.exportMenu, u.exportMenu, &u.drawn.exportMenu, p.ExportMenu)
	u.setPanel(u.help, u.helpBody, &u.drawn.help, p.Help)
	u.setPanel(u.setupMenu, u.setupMenu, &u.drawn.setupMenu, p.SetupMenu)
	u.setPanel(u.confirmPanel, u.confirmBody, &u.drawn.question, p.Question)
	if p.Announce.Seq != u.drawn.announce {
		u.drawn.announce = p.Announce.Seq
		text := p.Announce.Text
		if p.Announce.Seq%2 == 1 {
			text += "\u00a0" // the same words again still change the region, and are read again
		}
		u.announceEl.SetTextContent(text)
	}
	if msg := p.Message.Kind + "\x00" + p.Message.Text; msg != u.drawn.message {
		u.drawn.message = msg
		setHidden(u.message, p.Message.Text == "")
		u.message.SetAttribute("class", "message "+p.Message.Kind)
		// Errors are alerts; notices are said by the polite live region
		// (app.State.Announce), not twice.
		if p.Message.Kind == "error" {
			u.message.SetAttribute("role", "alert")
		} else {
			u.message.RemoveAttribute("role")
		}
		u.messageText.SetTextContent(p.Message.Text)
		u.fadeNoticeAfter(p.NoticeFor)
	}
	u.setHTML(u.legend, &u.drawnLegend, p.Legend)
	u.drawSaveStatus(p.SaveText, p.SaveFailed)
	setButton(u.undo, p.UndoTitle, "Nothing to undo")
	setButton(u.redo, p.RedoTitle, "Nothing to redo")
	u.updateMenus()
	u.updateModals(prev)
	u.keepFocus(prev)
}

// keepFocus gives the focus a place when the redraw took away the element
// that had it (the inspector's Delete after it deleted, a stance button
// of an annotation gone): the list's row when it was in the list, else
// the article, so that it never falls to the page, where the next
// keys would reach nothing a screen reader announces.
//
// Whether an element still in the page is still displayed is asked in the
// next animation frame (inFrame), once the page is laid out anyway: the
// browser blurs a focused element that stops being displayed only at its
// next style update, so nothing is lost by waiting, and asking now would
// force a layout between the redraw's writes.
func (u *UI) keepFocus(prev js.Value) {
	body := js.Global().Get("document").Get("body")
	if !prev.Truthy() || prev.Equal(body) {
		return
	}
	if prev.Get("isConnected").Bool() {
		u.frame.focus = prev
		u.laterInFrame()
		return
	}
	u.refocus(prev)
}

// refocus gives the focus a place when prev, which had it, is gone or
// hidden and nothing else took it.
func (u *UI) refocus(prev js.Value) {
	body := js.Global().Get("document").Get("body")
	if a := activeElement(); a.Truthy() && !a.Equal(body) {
		return
	}
	if len(u.modals.open) > 0 {
		u.focusInto(u.topModal())
		return
	}
	if !shown(u.docEl.Underlying()) {
		return
	}
	if u.sidebar.Underlying().Call("contains", prev).Bool() {
		if row := u.sidebar.QuerySelector(`[data-id][tabindex="0"]`); row != nil && shown(row.Underlying()) {
			row.Underlying().Call("focus")
			return
		}
	}
	u.docEl.Underlying().Call("focus")
}

// renderSaveStatus draws the save indicator alone.
func (u *UI) renderSaveStatus() {
	u.drawSaveStatus(view.SaveText(u.st), view.SaveFailed(u.st))
}

func (u *UI) drawSaveStatus(text string, failed bool) {
	if text == u.drawn.save {
		return
	}
	u.drawn.save = text
	u.saveStatus.SetTextContent(text)
	cls := "save"
	if failed {
		cls += " error"
	}
	u.saveStatus.SetAttribute("class", cls)
}

// renderList draws the side list's visible rows and places them: the
// list's full height and the drawn rows' offset are CSS variables of
// #sidebar (--rows, --first), since the page's CSP allows no inline style.
// The list is scrolled in the next animation frame (inFrame): the scroll
// position depends on where the rows start, which reading now would lay
// the page out between the redraw's writes.
func (u *UI) renderList(p view.Page, plan app.Plan) {
	u.drawn.list = p.ListDrawn
	head := u.setHTML(u.sidebar, &u.drawn.sidebar, p.List.Head)
	rows := u.setRows(p.List)
	if !head && !rows && !plan.ScrollList {
		return
	}
	style := u.sidebar.Underlying().Get("style")
	style.Call("setProperty", "--rows", p.ListRows)
	style.Call("setProperty", "--first", p.ListFirst)
	if plan.ScrollList {
		u.frame.scroll, u.frame.top = true, plan.ListTop
		u.laterInFrame()
	}
}

// setRows patches the side list's rows (web/morph.js, saysoRows) when
// they changed, and reports whether it did: a row whose markup is
// unchanged is not parsed again, and the place of every row (which an
// add changes in all of them) is set as attributes. Without saysoRows
// (or the list's <ul>) the rows go in whole.
func (u *UI) setRows(l view.SideList) bool {
	ul := u.sidebar.Underlying().Call("querySelector", "ul[data-rows]")
	if ul.IsNull() {
		u.drawn.rowKeys, u.drawn.rowPlace, u.drawn.rows = nil, nil, nil
		return false
	}
	// A list the head's patch made anew has no rows yet.
	fresh := len(l.Rows) > 0 && ul.Get("firstElementChild").IsNull()
	if !fresh && slices.Equal(l.Keys, u.drawn.rowKeys) && slices.Equal(l.Place, u.drawn.rowPlace) &&
		slices.EqualFunc(l.Rows, u.drawn.rows, func(a, b view.HTML) bool { return a.String() == b.String() }) {
		return false
	}
	u.drawn.rowKeys, u.drawn.rowPlace, u.drawn.rows = l.Keys, l.Place, l.Rows
	keys := make([]any, len(l.Keys))
	rows := make([]any, len(l.Rows))
	place := make([]any, len(l.Place))
	for i, k := range l.Keys {
		keys[i], rows[i] = k, l.Rows[i].String()
	}
	for i, v := range l.Place {
		place[i] = v
	}
	if f := js.Global().Get("saysoRows"); f.Type() == js.TypeFunction {
		f.Invoke(ul, keys, rows, place)
		return true
	}
	// Without morph.js: the rows in whole, then their place.
	var b strings.Builder
	for _, r := range l.Rows {
		b.WriteString(r.String())
	}
	ul.Set("innerHTML", b.String())
	names := [3]string{"tabindex", "aria-posinset", "aria-setsize"}
	for i, el := 0, ul.Get("firstElementChild"); !el.IsNull() && 3*i+2 < len(l.Place); i, el = i+1, el.Get("nextElementSibling") {
		for k, name := range names {
			if v := l.Place[3*i+k]; v != view.NoTabindex {
				el.Call("setAttribute", name, v)
			}
		}
	}
	return true
}

// listOffset is how far the side list's rows start below the top of
// #sidebar (the summary and unplaced annotations come first).
func (u *UI) listOffset() int {
	if v := u.sidebar.Underlying().Call("querySelector", ".vlist"); !v.IsNull() {
		return v.Get("offsetTop").Int()
	}
	return 0
}

// listScrolled reads the side list's scroll position.
func (u *UI) listScrolled() app.ListScrolled {
	el := u.sidebar.Underlying()
	u.listHeight = el.Get("clientHeight").Int()
	return app.ListScrolled{Top: el.Get("scrollTop").Int() - u.listOffset(), Height: el.Get("clientHeight").Int()}
}

func setHidden(el dom.Element, hidden bool) {
	if hidden {
		el.SetAttribute("hidden", "")
	} else {
		el.RemoveAttribute("hidden")
	}
}

// setHTML draws view-built HTML into el when it changed, patching el's
// nodes in place (morph.js) so that the focused element stays, and
// reports whether it drew.
func (u *UI) setHTML(el dom.Element, last *string, h view.HTML) bool {
	if *last == h.String() {
		return false
	}
	*last = h.String()
	if u.morph.Type() == js.TypeFunction {
		u.morph.Invoke(el.Underlying(), *last)
	} else {
		el.SetInnerHTML(*last)
	}
	return true
}

// setPanel shows panel with body's HTML h, or hides it when h is empty.
func (u *UI) setPanel(panel, body dom.Element, last *string, h view.HTML) {
	setHidden(panel, h.IsEmpty())
	if !h.IsEmpty() {
		u.setHTML(body, last, h)
	}
}

func setText(el dom.Element, last *string, s string) {
	if *last != s {
		*last = s
		el.SetTextContent(s)
	}
}

func setButton(el dom.Element, title, disabledTitle string) {
	b := el.Underlying()
	if title == "" {
		b.Set("disabled", true)
		b.Set("title", disabledTitle)
		return
	}
	b.Set("disabled", false)
	b.Set("title", title)
}

// scheduleSave autosaves shortly, coalescing bursts of changes.
func (u *UI) scheduleSave() {
	if !u.saveTimer.IsUndefined() {
		return
	}
	u.saveTimer = js.Global().Call("setTimeout", u.saveFunc, saveDelay.Milliseconds())
}

// saveAfterPaint autosaves as soon as the page has painted what the last
// action drew: after an open, the first save writes the whole project,
// and its 20 ms timer fired before the open's first frame (the open took
// longer than that), so the person waited for it to see the article. It
// waits one frame and no longer: a save that waited for the page to be
// idle was still pending when a tab closed right after an open, and the
// save on leaving did not always reach the disk.
func (u *UI) saveAfterPaint() {
	u.cancelSave()
	u.saveTimer = js.Null()
	seq := u.saveSeq
	var step js.Func
	step = js.FuncOf(func(js.Value, []js.Value) any {
		step.Release()
		if seq != u.saveSeq {
			return nil
		}
		// After the frame's paint: a task of its own.
		u.saveTimer = js.Global().Call("setTimeout", u.saveFunc, 0)
		return nil
	})
	js.Global().Call("requestAnimationFrame", step)
}

func (u *UI) cancelSave() {
	u.saveSeq++
	if !u.saveTimer.IsUndefined() {
		if !u.saveTimer.IsNull() {
			js.Global().Call("clearTimeout", u.saveTimer)
		}
		u.saveTimer = js.Undefined()
	}
}

// saveNow autosaves at once, whole (the page is being hidden or left).
func (u *UI) saveNow() {
	u.leaving = true
	u.writeDeferred()
	u.save(0)
	u.takeBackWrites()
	// The first screen's copy, for the next load to paint at once
	// (web/preview.js), after the save just made.
	u.dispatch(app.KeepFirstScreen{Storage: u.kv()})
	u.leaving = false
}

// save autosaves, encoding at most chunk records of a save of the whole
// project (0: all); the rest follows in tasks of their own (SaveSoon).
func (u *UI) save(chunk int) {
	u.cancelSave()
	u.dispatch(app.Autosave{Storage: u.kv(), Memory: u.store, Chunk: chunk})
}

// saveSoon goes on with a save of the whole project in a task of its
// own, so that the page paints and answers keys between its chunks.
func (u *UI) saveSoon() {
	if u.saveTimer.IsUndefined() {
		u.saveTimer = js.Global().Call("setTimeout", u.saveFunc, 0)
	}
}

// setLabelCSS replaces the page's label colours (view.LabelCSS) through a
// constructed style sheet: the CSP allows no inline style, and CSSOM is
// not inline style.
func setLabelCSS(css string) {
	doc := js.Global().Get("document")
	ctor := js.Global().Get("CSSStyleSheet")
	if ctor.IsUndefined() || doc.Get("adoptedStyleSheets").IsUndefined() {
		return
	}
	sheet := ctor.New()
	sheet.Call("replaceSync", css)
	doc.Set("adoptedStyleSheets", js.Global().Get("Array").Call("of", sheet))
}
