// Package app is Sayso's application logic, free of the DOM: the state of
// the page, the actions a person takes, Update that applies an action to the
// state, and the view model (HTML fragments built from escaped text) that the
// browser layer draws. Everything here runs and is tested natively.
//
// One direction of flow: a DOM event becomes an Action; Update changes the
// State and returns Effects (downloads, scrolling, saving) for the browser
// layer to carry out; the browser layer then redraws what changed.
package app

import (
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
	Message  Message
	Save     SaveStatus

	clock func() time.Time
	// dirtyParas lists paragraphs to redraw; allParas asks for all of them.
	dirtyParas map[int]bool
	allParas   bool
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
}

// NewState returns the state of an empty app.
func NewState(clock func() time.Time) *State {
	return &State{Store: newStore(clock), clock: clock}
}

func newStore(clock func() time.Time) *annotation.Store {
	return annotation.New(annotation.DefaultSchema(), "", clock)
}

// Unsaved reports whether the store has changes autosave has not written.
func (st *State) Unsaved() bool { return st.Store.Revision() != st.Save.Revision || st.Save.Err != "" }

// ShouldSave reports whether autosave should write now.
func (st *State) ShouldSave() bool { return st.Doc != "" && !st.Save.Stopped && st.Unsaved() }

// showDocument switches to document id and asks for a full redraw.
func (st *State) showDocument(id string) {
	st.Doc = id
	st.Selected = ""
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

// TakeRedraw returns the paragraphs to redraw since the last call (all of
// them when all is true) and forgets them.
func (st *State) TakeRedraw() (paras []int, all bool) {
	for _, d := range st.Store.TakeDirty() {
		if d.Doc == st.Doc {
			st.markDirty(d.Span)
		}
	}
	all = st.allParas
	if !all {
		for i := range st.dirtyParas {
			paras = append(paras, i)
		}
	}
	st.allParas, st.dirtyParas = false, nil
	return paras, all
}

// select changes the selected annotation, redrawing both.
func (st *State) selectAnnotation(id string) {
	if id == st.Selected {
		return
	}
	st.markRelatedDirty(st.Selected)
	st.Selected = id
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
