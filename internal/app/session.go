package app

import (
	"errors"
	"strings"

	"sayso/internal/exchange"
	"sayso/internal/exercise"
	"sayso/internal/offline"
)

// Actions of the page's life that the browser layer starts but the app
// decides: questions before losing work, autosave and its restore, the
// offline exercise page.

// RequestClose asks to close the article: at once when it has no
// annotation, else after the person confirms (CloseDocument).
type RequestClose struct{}

// RequestDropOrphans asks to drop every unplaced annotation, after the
// person confirms (DropOrphans).
type RequestDropOrphans struct{}

// RequestAdoptGold asks to open the adjudicated gold set: at once when the
// project is empty, else after the person confirms (AdoptGold).
type RequestAdoptGold struct{}

// PressStance is a press on a stance button: it sets the selected claim's
// stance, or clears it when it is that stance already (as the number keys
// do, SetStanceIndex).
type PressStance struct{ Value string }

// Autosave writes the project to Storage when it has unsaved changes.
type Autosave struct{ Storage KV }

// RestoreAutosave opens the project autosaved in Storage at start-up, the
// previous snapshot when the newest cannot be read, and shows the document
// shown last.
type RestoreAutosave struct{ Storage KV }

// OfflinePage hands over the offline page that an OfflineExercise effect
// asked for (Err says why there is none), to put the exercise in it.
type OfflinePage struct {
	Name     string
	Exercise []byte
	Page     []byte
	Err      string
}

// RememberShown asks the browser layer to record the document shown
// (SaveShown), so that a reload shows it again.
type RememberShown struct{ ID string }

func (RequestClose) isAction()       {}
func (RequestDropOrphans) isAction() {}
func (RequestAdoptGold) isAction()   {}
func (PressStance) isAction()        {}
func (Autosave) isAction()           {}
func (RestoreAutosave) isAction()    {}
func (OfflinePage) isAction()        {}
func (RememberShown) isEffect()      {}

// applySessionAction applies the actions above.
func (st *State) applySessionAction(a Action) []Effect {
	if effects, ok := st.applyDialogAction(a); ok {
		return effects
	}
	switch a := a.(type) {
	case RequestClose:
		if st.Store.Len() == 0 {
			return Update(st, CloseDocument{})
		}
		return []Effect{Confirm{Text: "Close this article and start another? Its annotations are removed from this browser; export them first to keep them.", Then: CloseDocument{}}}
	case RequestDropOrphans:
		return []Effect{Confirm{Text: "Drop the annotations that could not be placed? This cannot be undone; export first to keep them.", Then: DropOrphans{}}}
	case RequestAdoptGold:
		if st.Store.Len() == 0 {
			return Update(st, AdoptGold{})
		}
		return []Effect{Confirm{Text: "Open the gold set? It replaces the project open now; export that first to keep it.", Then: AdoptGold{}}}
	case PressStance:
		st.pressStance(a.Value)
	case Autosave:
		st.autosave(a.Storage)
	case RestoreAutosave:
		st.restoreAutosave(a.Storage)
	case OfflinePage:
		return st.offlinePage(a)
	}
	return nil
}

// pressStance sets the selected claim's stance, or clears it when it is
// that one already.
func (st *State) pressStance(v string) {
	if a, ok := st.selectedOf("claim"); ok && a.Stance == v {
		v = ""
	}
	st.onClaim("set its stance", func(id string) error { return st.Store.SetStance(id, v) })
}

// autosave writes the project when it should (ShouldSave) and records how
// that went.
func (st *State) autosave(kv KV) {
	if !st.ShouldSave() {
		return
	}
	rev := st.Store.Revision()
	data, err := exchange.EncodeProject(st.Store.Project())
	if err == nil {
		err = SaveSnapshot(kv, string(data))
	}
	if err == nil {
		err = st.saveSuggestMemory(kv)
	}
	msg := ""
	if err != nil {
		msg = describeStorageError(err)
	}
	Update(st, Saved{Revision: rev, Err: msg})
}

// describeStorageError says in words why browser storage failed.
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

// restoreAutosave opens the autosaved project, falling back to the
// previous snapshot when the newest cannot be read.
func (st *State) restoreAutosave(kv KV) {
	defer st.loadHandIns(kv) // the boxes kept, and the restored work's
	newest, older, err := LoadSnapshot(kv)
	if errors.Is(err, ErrNoSnapshot) {
		return
	}
	if err != nil {
		st.fail("Your autosaved work could not be read: " + describeStorageError(err))
		return
	}
	st.loadSuggestMemory(kv)
	Update(st, Restore{Data: []byte(newest)})
	if id := LoadShown(kv); id != "" {
		Update(st, ShowDocument{ID: id})
	}
	if st.Doc == "" && older != "" {
		failure := st.Message
		Update(st, Restore{Data: []byte(older)})
		if st.Doc != "" {
			st.fail(failure.Text + "\nThe previous autosave was restored instead.")
		}
	}
	st.shownRemembered = st.Doc
}

// offlinePage puts the exercise in the offline page and offers it.
func (st *State) offlinePage(a OfflinePage) []Effect {
	if a.Err != "" {
		st.fail("Could not fetch the offline page to put the exercise in (" + a.Err + "). Export the exercise file instead: students open it with Open.")
		return nil
	}
	out, err := offline.Embed(a.Page, a.Exercise)
	if err == nil {
		// The page may call the box's site, and nothing else.
		origin := ""
		if e, derr := exercise.Decode(a.Exercise); derr == nil && e.HandIn != nil {
			origin = e.HandIn.Origin
		}
		out, err = offline.SetConnect(out, origin)
	}
	if err != nil {
		st.fail("Could not build the offline page: " + err.Error())
		return nil
	}
	st.info("Exported the offline page “" + a.Name + "”: students open it in any browser, with no internet, and it starts the exercise. Your annotations are not in it.")
	return []Effect{Download{Name: a.Name, Type: "text/html;charset=utf-8", Data: out}}
}
