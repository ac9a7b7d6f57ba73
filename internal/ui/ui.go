//go:build js && wasm

// Package ui is Sayso's thin DOM layer, the one package besides wasm/app
// that touches syscall/js and the DOM bindings. It turns DOM events into
// app actions, hands them to app.Update, draws the view model with one
// innerHTML per changed piece, and carries out the effects (downloads,
// scrolling, autosave). It holds no application logic.
package ui

import (
	"errors"
	"strconv"
	"strings"
	"syscall/js"
	"time"

	"honnef.co/go/js/dom/v2"

	"sayso/internal/app"
	"sayso/internal/format/native"
)

// saveDelay coalesces bursts of changes into one autosave.
const saveDelay = 250 * time.Millisecond

// UI binds an app.State to the page.
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

	// What was last drawn, so unchanged pieces are left alone.
	drawn struct {
		doc, sidebar, inspector, help, message, save, title, topic, exportMenu string
		screen, tools, docs, schema, labelCSS, docsButton, compare, imports    string
		exercise, instructions                                                 string
		askName                                                                bool
	}

	shown     string // the document last recorded as shown (app.SaveShown)
	hl        *highlighter
	funcs     []js.Func // released by Close
	saveTimer js.Value  // pending autosave timeout id, or undefined
	saveFunc  js.Func
}

// New binds the page's elements. It fails when the page lacks one.
func New(st *app.State) (*UI, error) {
	win := dom.GetWindow()
	u := &UI{st: st, win: win, doc: win.Document(), store: localStorage{}, hl: newHighlighter()}
	for _, b := range []struct {
		id string
		el *dom.Element
	}{
		{"start", &u.start}, {"workspace", &u.workspace}, {"loading", &u.loading},
		{"doc", &u.docEl}, {"sidebar", &u.sidebar}, {"inspector", &u.inspector},
		{"help", &u.help}, {"help-body", &u.helpBody}, {"message", &u.message}, {"export-menu", &u.exportMenu},
		{"message-text", &u.messageText}, {"save-status", &u.saveStatus},
		{"doc-title", &u.title}, {"topic", &u.topic}, {"undo", &u.undo}, {"redo", &u.redo},
		{"tools", &u.tools}, {"docs", &u.docsPanel}, {"docs-body", &u.docsBody}, {"schema", &u.schemaPanel},
		{"schema-body", &u.schemaBody}, {"docs-button", &u.docsButton}, {"compare", &u.compare},
		{"import", &u.importPanel}, {"import-body", &u.importBody},
		{"exercise", &u.exercisePanel}, {"exercise-body", &u.exerciseBody}, {"name-dialog", &u.nameDialog},
		{"instructions", &u.instructions},
	} {
		el := u.doc.GetElementByID(b.id)
		if el == nil {
			return nil, errors.New("ui: the page has no #" + b.id)
		}
		*b.el = el
	}
	u.saveFunc = js.FuncOf(func(js.Value, []js.Value) any {
		u.saveTimer = js.Undefined()
		u.saveNow()
		return nil
	})
	u.funcs = append(u.funcs, u.saveFunc)
	u.saveTimer = js.Undefined()
	return u, nil
}

// Start restores autosaved work, draws the page, listens to events and
// marks the page ready.
func (u *UI) Start() {
	askPersistentStorage()
	u.restore()
	u.listen()
	u.render()
	if ex := js.Global().Get("saysoEmbeddedExercise"); ex.Type() == js.TypeString {
		u.dispatch(app.EmbeddedExercise{Data: []byte(ex.String())})
	}
	u.loading.SetAttribute("hidden", "")
	u.doc.(dom.HTMLDocument).Body().Underlying().Get("dataset").Set("ready", "1")
}

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

// dispatch applies an action and carries out what follows from it.
func (u *UI) dispatch(a app.Action) {
	effects := app.Update(u.st, a)
	if u.st.Doc != u.shown && u.st.Doc != "" {
		u.shown = u.st.Doc
		_ = app.SaveShown(u.store, u.shown) // a view setting: failing loses nothing
	}
	u.render()
	for _, e := range effects {
		u.run(e)
	}
	if u.st.ShouldSave() {
		u.scheduleSave()
	}
}

func (u *UI) run(e app.Effect) {
	switch e := e.(type) {
	case app.Download:
		download(e.Name, e.Type, e.Data)
	case app.ScrollTo:
		u.scrollTo(e.ID)
	case app.ClearDOMSelection:
		js.Global().Call("getSelection").Call("removeAllRanges")
	case app.OfflineExercise:
		u.offlineExercise(e)
	case app.Confirm:
		if u.win.Confirm(e.Text) {
			u.dispatch(e.Then)
		}
	case app.Forget:
		u.cancelSave()
		if err := app.ForgetSnapshots(u.store); err != nil {
			app.Update(u.st, app.Failed{Text: "Could not clear the autosaved work: " + err.Error()})
			u.render()
		}
	}
}

func (u *UI) scrollTo(id string) {
	a, ok := u.st.Store.Annotation(id)
	if !ok {
		return
	}
	if u.hl.on {
		u.hl.scrollTo(id)
		return
	}
	seg := u.docEl.QuerySelector(`[data-o="` + strconv.Itoa(a.Hull().Start) + `"]`)
	if seg == nil {
		return
	}
	opts := js.Global().Get("Object").New()
	opts.Set("block", "center")
	seg.Underlying().Call("scrollIntoView", opts)
}

// render draws what changed since the last render.
func (u *UI) render() {
	st := u.st
	screen := "start"
	switch {
	case st.Comparing:
		screen = "compare"
	case st.Doc != "":
		screen = "doc"
	}
	if screen != u.drawn.screen {
		u.drawn.screen = screen
		u.doc.(dom.HTMLDocument).Body().SetAttribute("data-screen", screen)
		setHidden(u.start, screen != "start")
		setHidden(u.workspace, screen != "doc")
		setHidden(u.compare, screen != "compare")
	}
	if screen == "compare" {
		setHTML(u.compare, &u.drawn.compare, app.CompareHTML(st))
	}
	u.renderDocument()
	setText(u.title, &u.drawn.title, app.Title(st))
	setHTML(u.tools, &u.drawn.tools, app.ToolsHTML(st))
	setText(u.docsButton, &u.drawn.docsButton, app.DocumentsButton(st))
	if css := app.LabelCSS(st); css != u.drawn.labelCSS {
		u.drawn.labelCSS = css
		setLabelCSS(css)
	}
	setHidden(u.docsPanel, !st.DocsPanel)
	if st.DocsPanel {
		setHTML(u.docsBody, &u.drawn.docs, app.DocumentsHTML(st))
	}
	setHidden(u.exercisePanel, !st.ExercisePanel)
	if st.ExercisePanel {
		setHTML(u.exerciseBody, &u.drawn.exercise, app.ExerciseHTML(st))
	}
	if st.AskName != u.drawn.askName {
		u.drawn.askName = st.AskName
		setHidden(u.nameDialog, !st.AskName)
		if st.AskName {
			u.doc.GetElementByID("student-name").Underlying().Call("focus")
		}
	}
	ins := app.InstructionsPanelHTML(st)
	if ins != u.drawn.instructions {
		setHidden(u.instructions, ins == "")
		setHTML(u.instructions, &u.drawn.instructions, ins)
	}
	setHidden(u.importPanel, st.Import == nil)
	if st.Import != nil {
		setHTML(u.importBody, &u.drawn.imports, app.ImportHTML(st))
	}
	setHidden(u.schemaPanel, !st.SchemaPanel)
	if st.SchemaPanel {
		setHTML(u.schemaBody, &u.drawn.schema, app.SchemaHTML(st))
	}
	if v := app.Topic(st); v != u.drawn.topic {
		u.drawn.topic = v
		u.topic.Underlying().Set("value", v)
	}
	u.renderList()
	setHTML(u.inspector, &u.drawn.inspector, app.InspectorHTML(st))
	setHidden(u.exportMenu, !st.ExportMenu)
	if st.ExportMenu {
		setHTML(u.exportMenu, &u.drawn.exportMenu, app.ExportMenuHTML(st))
	}
	setHidden(u.help, !st.Help)
	if st.Help {
		setHTML(u.helpBody, &u.drawn.help, app.ShortcutsHTML(st))
	}
	msg := st.Message.Kind + "\x00" + st.Message.Text
	if msg != u.drawn.message {
		u.drawn.message = msg
		setHidden(u.message, st.Message.Text == "")
		u.message.SetAttribute("class", "message "+st.Message.Kind)
		u.messageText.SetTextContent(st.Message.Text)
	}
	save := app.SaveText(st)
	if save != u.drawn.save {
		u.drawn.save = save
		u.saveStatus.SetTextContent(save)
		cls := "save"
		if st.Save.Err != "" || st.Save.Stopped {
			cls += " error"
		}
		u.saveStatus.SetAttribute("class", cls)
	}
	setButton(u.undo, app.UndoTitle(st), "Nothing to undo")
	setButton(u.redo, app.RedoTitle(st), "Nothing to redo")
}

// renderList draws the side list's visible rows and places them: the
// list's full height and the drawn rows' offset are CSS variables of
// #sidebar (--rows, --first), since the page's CSP allows no inline style.
func (u *UI) renderList() {
	st := u.st
	top, scroll := st.TakeListScroll()
	if !setHTML(u.sidebar, &u.drawn.sidebar, app.SidebarHTML(st)) && !scroll {
		return
	}
	rows, first := app.ListGeometry(st)
	style := u.sidebar.Underlying().Get("style")
	style.Call("setProperty", "--rows", rows)
	style.Call("setProperty", "--first", first)
	if scroll {
		el := u.sidebar.Underlying()
		offset := 0
		if v := el.Call("querySelector", ".vlist"); !v.IsNull() {
			offset = v.Get("offsetTop").Int()
		}
		el.Set("scrollTop", max(top+offset, 0))
	}
}

// listScrolled reads the side list's scroll position.
func (u *UI) listScrolled() app.ListScrolled {
	el := u.sidebar.Underlying()
	offset := 0
	if v := el.Call("querySelector", ".vlist"); !v.IsNull() {
		offset = v.Get("offsetTop").Int()
	}
	return app.ListScrolled{Top: el.Get("scrollTop").Int() - offset, Height: el.Get("clientHeight").Int()}
}

// renderDocument redraws the whole text when the document changed. After
// that, with highlights, it only (re)draws the highlights of the
// annotations an action touched; without, it redraws the paragraphs it
// touched.
func (u *UI) renderDocument() {
	r := u.st.TakeRedraw()
	if u.hl.on {
		if r.All {
			u.drawn.doc = u.st.Doc
			u.docEl.SetInnerHTML(app.PlainDocumentHTML(u.st))
			u.hl.reset()
		}
		u.hl.remove(r.Remove)
		u.hl.set(u.st, r.Set)
		u.hl.mark(app.MarkedIDs(u.st))
		return
	}
	paras := r.Paras
	if r.All || u.drawn.doc != u.st.Doc {
		u.drawn.doc = u.st.Doc
		u.docEl.SetInnerHTML(app.DocumentHTML(u.st))
		return
	}
	if len(paras) == 0 {
		return
	}
	c, keep := u.saveCaret()
	for _, i := range paras {
		if el := u.doc.GetElementByID("p" + strconv.Itoa(i)); el != nil {
			el.SetOuterHTML(app.ParagraphHTML(u.st, i))
		}
	}
	if keep {
		u.restoreCaret(c)
	}
}

func setHidden(el dom.Element, hidden bool) {
	if hidden {
		el.SetAttribute("hidden", "")
	} else {
		el.RemoveAttribute("hidden")
	}
}

// setHTML sets trusted, escaped view-model HTML when it changed, and
// reports whether it did.
func setHTML(el dom.Element, last *string, html string) bool {
	if *last == html {
		return false
	}
	*last = html
	el.SetInnerHTML(html)
	return true
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

// scheduleSave writes the project shortly, coalescing bursts of changes.
func (u *UI) scheduleSave() {
	if !u.saveTimer.IsUndefined() {
		return
	}
	u.saveTimer = js.Global().Call("setTimeout", u.saveFunc, saveDelay.Milliseconds())
}

func (u *UI) cancelSave() {
	if !u.saveTimer.IsUndefined() {
		js.Global().Call("clearTimeout", u.saveTimer)
		u.saveTimer = js.Undefined()
	}
}

// saveNow writes the project to browser storage if it changed.
func (u *UI) saveNow() {
	u.cancelSave()
	if !u.st.ShouldSave() {
		return
	}
	rev := u.st.Store.Revision()
	data, err := native.Encode(u.st.Store.Project())
	if err == nil {
		err = app.SaveSnapshot(u.store, string(data))
	}
	msg := ""
	if err != nil {
		msg = describeStorageError(err)
	}
	app.Update(u.st, app.Saved{Revision: rev, Err: msg})
	u.render()
}

func describeStorageError(err error) string {
	s := err.Error()
	if strings.Contains(s, "QuotaExceeded") || strings.Contains(strings.ToLower(s), "quota") {
		return "the browser's storage is full."
	}
	if strings.Contains(s, "SecurityError") || strings.Contains(s, "unavailable") {
		return "this browser does not allow storage here (private mode?)."
	}
	return s + "."
}

// restore loads the autosaved project, falling back to the previous
// snapshot when the newest cannot be read.
func (u *UI) restore() {
	newest, older, err := app.LoadSnapshot(u.store)
	if errors.Is(err, app.ErrNoSnapshot) {
		return
	}
	if err != nil {
		app.Update(u.st, app.Failed{Text: "Your autosaved work could not be read: " + describeStorageError(err)})
		return
	}
	app.Update(u.st, app.Restore{Data: []byte(newest)})
	if id := app.LoadShown(u.store); id != "" {
		app.Update(u.st, app.ShowDocument{ID: id})
		u.shown = u.st.Doc
	}
	if u.st.Doc == "" && older != "" {
		failure := u.st.Message
		app.Update(u.st, app.Restore{Data: []byte(older)})
		if u.st.Doc != "" {
			app.Update(u.st, app.Failed{Text: failure.Text + "\nThe previous autosave was restored instead."})
		}
	}
}

// setLabelCSS replaces the page's label colours (app.LabelCSS) through a
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
