package app

import (
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

// Autosave writes what changed in the project since the last save when
// it has unsaved changes: into Storage at once (localStorage), or, with
// Storage nil, through a Persist effect (IndexedDB, asynchronous). Memory
// keeps what is saved beside the project and never exported, the
// suggestion memory (localStorage); when nil, Storage keeps it.
// Chunk, when not 0, bounds the records a save of the whole project
// encodes per Autosave: the save then goes on at the next (SaveSoon),
// and is written whole at its last.
type Autosave struct {
	Storage, Memory KV
	Chunk           int
}

// RestoreAutosave opens the autosaved project at start-up and shows the
// document shown last. Stored is everything autosave's IndexedDB store
// holds, read by the browser layer; when nil, the records are read from
// Storage. Storage also holds the document shown last and the snapshots
// of older versions, moved to records once.
type RestoreAutosave struct {
	Storage KV
	Stored  map[string]string
	// NoIndexedDB says why IndexedDB could not be used ("" when it is):
	// work is then kept in Storage, and the person is told so.
	NoIndexedDB string
}

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
		memory := a.Memory
		if memory == nil {
			memory = a.Storage
		}
		return st.autosave(a.Storage, memory, a.Chunk)
	case Persisted:
		return st.persisted(a)
	case KeepFirstScreen:
		return st.keepFirstScreen(a.Storage)
	case Compact:
		return st.compact(a.Storage)
	case EraseSaved:
		return st.eraseSaved(a.Storage)
	case StorageEstimated:
		st.StorageUse = a.Use
	case AskedWriterLock:
		st.awaitingLock = true
	case WriterLock:
		st.writerLock(a)
	case RestoreAutosave:
		st.restoreAutosave(a)
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
