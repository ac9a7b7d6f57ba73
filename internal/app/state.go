// Package app is Sayso's application logic, free of the DOM and of HTML:
// the state of the page, the actions a person takes (in groups, see
// groups.go), Update that applies an action to the state, and the effects
// it asks of the browser layer. Every decision is here: questions before
// losing work, what chosen or dropped files are for and how large they may
// be, autosave and its restore. Everything here runs and is tested
// natively; internal/app/view draws the state.
//
// One direction of flow: a DOM event becomes an Action; Step applies it
// (Update) and returns a Plan: the Effects (downloads, questions, reading
// files), what of the article to redraw, whether to autosave; the browser
// layer draws view.Build's page and carries the plan out.
package app

import (
	"sort"
	"strconv"
	"time"

	"sayso/internal/annotation"
	"sayso/internal/text"
)

// State is everything the page shows.
type State struct {
	Store *annotation.Store
	Doc   string      // the document shown; "" shows the start screen
	Paras []text.Span // the shown document's paragraphs

	Selected string // the selected annotation's id, or ""
	Help     bool   // the shortcuts panel is open
	// ExportMenu is open: the formats to export to.
	ExportMenu bool
	// ExportDocumentOnly makes exports hold only the shown document, not
	// the whole project.
	ExportDocumentOnly bool
	DocsPanel          bool          // the documents panel is open
	docs               docsList      // where its list is scrolled (docslist.go)
	ExercisePanel      bool          // the teacher's exercise panel is open
	Draft              ExerciseDraft // what the teacher chose for the exercise
	AskName            bool          // a student must enter a name
	// Import is an import waiting for the person's choices, or nil.
	Import *PendingImport
	// Columns is a file waiting for the person to say which of its
	// columns hold the text and the labels, or nil.
	Columns *PendingColumns
	// Compare holds the compare view's files and results; Comparing shows it.
	Compare     *Compare
	Comparing   bool
	SchemaPanel bool // the schema editor is open
	// Keyboard and screen readers (dialog.go, listnav.go, announce.go).
	Question      *Question    // a question waiting for yes or no, or nil
	SetupMenu     bool         // the toolbar's Setup menu is open
	Announce      Announcement // what the live region says
	listFocus     string       // the side list row the arrow keys reached
	caretKey      string       // the annotations the caret was last inside
	caretSelected string       // the annotation the caret selected
	// HandIn is the online hand-in box: a teacher's boxes, a student's
	// box and receipt (handin.go).
	HandIn     HandIns
	TextEditor bool // the editor of the shown document's text is open
	Message    Message
	Save       SaveStatus
	// awaitingLock is set while this tab has asked for the writer's lock
	// (AskedWriterLock) and not heard back (WriterLock): another tab may
	// be the writer, so nothing is written yet; the changes wait. It is
	// kept apart from Save, which an opened or restored project resets.
	awaitingLock bool
	list         listView // the side list's rows and scroll position
	suggest      suggestState
	schema       schemaCache // the schema as last read (Schema)
	styles       struct {    // labelStyles' cache
		m        map[string]string
		revision int
		store    *annotation.Store
	}

	// shownRemembered is the document last recorded as shown
	// (RememberShown).
	shownRemembered string
	// saving is where autosave writes and what it wrote (autosave.go).
	saving *saving
	// StorageUse is the browser's estimate of the space used (autosave.go).
	StorageUse StorageUse

	clock func() time.Time
	// dirtyParas lists paragraphs to redraw; allParas asks for all of them.
	dirtyParas map[int]bool
	allParas   bool
	// dirtySpans are the stretches of the shown document changed since the
	// last redraw; drawn is what the highlights show of each annotation.
	dirtySpans []text.Span
	drawn      drawnSet
	// firstScreen makes the first screen's copy KeepFirstScreen keeps
	// (firstscreen.go); nil keeps none. screenForgotten is set once the
	// copy has been removed since it was last kept.
	firstScreen     FirstScreen
	screenForgotten bool
}

// drawnAnnotation is what a highlight was drawn from, to tell whether an
// annotation's highlight must be redrawn.
type drawnAnnotation struct {
	style string
	frags string
	hull  text.Span
}

// Redraw says what changed on the page since the last redraw.
type Redraw struct {
	All    bool                     // a new document: draw it all
	Paras  []int                    // paragraphs whose segments changed (segment rendering)
	Set    []*annotation.Annotation // annotations whose highlights must be (re)drawn
	Remove []string                 // annotations whose highlights must go
}

// Message is a notice or error shown to the person until dismissed or
// replaced.
type Message struct {
	Kind string // "info" or "error"; "" when there is none
	Text string
}

// SaveStatus is what the autosave indicator shows.
type SaveStatus struct {
	Revision int       // the store revision last written
	At       time.Time // when it was written
	Err      string    // the last failure, "" when the last save worked
	// Stopped is set when another tab saved this project: saving here
	// would overwrite newer work, so it stops until the page is reloaded.
	Stopped bool
	// store is the store the revision counts in: a project opened,
	// imported or pasted since is a new store, unsaved whatever its count.
	store *annotation.Store
}

// NewState returns the state of an empty app.
func NewState(clock func() time.Time) *State {
	return &State{Store: newStore(clock), clock: clock, drawn: newDrawnSet(0)}
}

func newStore(clock func() time.Time) *annotation.Store {
	return annotation.New(annotation.DefaultSchema(), "", clock)
}

// Unsaved reports whether the store has changes autosave has not written.
func (st *State) Unsaved() bool {
	return st.Store != st.Save.store || st.Store.Revision() != st.Save.Revision || st.Save.Err != ""
}

// ShouldSave reports whether autosave should write now.
func (st *State) ShouldSave() bool {
	return st.Doc != "" && !st.Save.Stopped && !st.awaitingLock && (st.Unsaved() || st.suggest.dirty)
}

// showDocument switches to document id and asks for a full redraw.
func (st *State) showDocument(id string) {
	st.Doc = id
	st.Selected = ""
	st.TextEditor = false
	st.list.top, st.list.scroll = 0, true
	st.Paras = nil
	if _, x, ok := st.Store.Document(id); ok {
		st.Paras = x.Paragraphs()
	}
	st.allParas = true
	st.Store.TakeDirty()
}

// markDirty records the paragraphs overlapping sp in the shown document.
func (st *State) markDirty(sp text.Span) {
	if st.dirtyParas == nil {
		st.dirtyParas = map[int]bool{}
	}
	for i := text.ParagraphAt(st.Paras, sp.Start); i < len(st.Paras) && st.Paras[i].Start < max(sp.End, sp.Start+1); i++ {
		st.dirtyParas[i] = true
	}
}

// markAnnotationDirty redraws the paragraphs of annotation id, if it exists.
func (st *State) markAnnotationDirty(id string) {
	if a, ok := st.Store.Annotation(id); ok && a.Document == st.Doc {
		st.markDirty(a.Hull())
	}
}

// takeRedraw returns what to redraw since the last call and forgets it:
// everything after a new document; otherwise the paragraphs touched (for
// segment rendering) and the annotations whose highlights changed or went.
func (st *State) takeRedraw() Redraw {
	for _, d := range st.Store.TakeDirty() {
		if d.Doc == st.Doc {
			st.markDirty(d.Span)
			st.dirtySpans = append(st.dirtySpans, d.Span)
		}
	}
	var r Redraw
	if st.allParas {
		r.All = true
		r.Set = append(r.Set, st.Store.Annotations(st.Doc)...)
		st.drawn = newDrawnSet(len(r.Set)) // made at its size: 5,000 grew it a dozen times
	} else {
		for i := range st.dirtyParas {
			r.Paras = append(r.Paras, i)
		}
		sort.Ints(r.Paras)
		r.Set, r.Remove = st.highlightChanges()
	}
	for _, a := range r.Set {
		st.drawn.put(a.ID, st.drawnOf(a))
	}
	for _, id := range r.Remove {
		st.drawn.remove(id)
	}
	st.allParas, st.dirtyParas, st.dirtySpans = false, nil, nil
	return r
}

// highlightChanges compares the annotations in the dirty stretches with
// what was drawn of them.
func (st *State) highlightChanges() (set []*annotation.Annotation, remove []string) {
	if len(st.dirtySpans) == 0 {
		return nil, nil
	}
	seen := map[string]bool{}
	for _, sp := range st.dirtySpans {
		if sp.Start == sp.End {
			sp.End++
		}
		for _, a := range st.Store.Overlapping(st.Doc, sp) {
			if seen[a.ID] {
				continue
			}
			seen[a.ID] = true
			if old, ok := st.drawn.byID[a.ID]; !ok || old != st.drawnOf(a) {
				set = append(set, a)
			}
		}
	}
	// Drawn highlights over the dirty stretches that the store no longer
	// has there: only those near the stretches are looked at (drawnSet's
	// buckets), not every drawn annotation.
	for _, sp := range st.dirtySpans {
		st.drawn.near(sp, func(id string, d drawnAnnotation) {
			if seen[id] || !(d.hull.Start < max(sp.End, sp.Start+1) && sp.Start < d.hull.End) {
				return
			}
			seen[id] = true
			if a, ok := st.Store.Annotation(id); !ok || a.Document != st.Doc || st.drawnOf(a) != d {
				remove = append(remove, id)
			}
		})
	}
	sort.Strings(remove)
	return set, remove
}

func (st *State) drawnOf(a *annotation.Annotation) drawnAnnotation {
	return drawnAnnotation{style: st.highlightStyle(a), frags: fragmentsKey(a.Fragments), hull: a.Hull()}
}

// select changes the selected annotation, redrawing both.
func (st *State) selectAnnotation(id string) {
	if id == st.Selected {
		return
	}
	st.markRelatedDirty(st.Selected)
	st.Selected = id
	st.list.reveal = id != ""
	st.markRelatedDirty(id)
}

// markRelatedDirty redraws an annotation and those shown as related to it
// (a claim's speaker mention and cue).
func (st *State) markRelatedDirty(id string) {
	if id == "" {
		return
	}
	st.markAnnotationDirty(id)
	if a, ok := st.Store.Annotation(id); ok {
		st.markAnnotationDirty(a.SpeakerMention)
		st.markAnnotationDirty(a.Cue)
	}
}

func (st *State) info(format string) { st.Message = Message{Kind: "info", Text: format} }
func (st *State) fail(text string)   { st.Message = Message{Kind: "error", Text: text} }

// fragmentsKey is a compact, comparable form of fragments.
func fragmentsKey(frags []text.Span) string {
	b := make([]byte, 0, 16*len(frags))
	for _, f := range frags {
		b = strconv.AppendInt(b, int64(f.Start), 10)
		b = append(b, '-')
		b = strconv.AppendInt(b, int64(f.End), 10)
		b = append(b, ' ')
	}
	return string(b)
}
