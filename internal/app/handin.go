package app

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"sayso/internal/annotation"
	"sayso/internal/exchange"
	"sayso/internal/exercise"
	"sayso/internal/handinclient"
)

// Hand-in boxes (issue 17). A teacher ticks "Collect hand-ins online" in
// the exercise builder: the app asks the site's Worker to open a box (the
// OpenBox effect), writes the box into the exercise file and the offline
// page, and keeps the owner secret in this browser and in a key file the
// teacher downloads, never in a student's file. A student presses Hand in:
// the project's native file goes to the box (SendHandIn) and the receipt
// comes back. In Compare, the teacher fetches every student's latest
// hand-in as if dropped, and closes or deletes the box (AskBox). The
// requests and their wording are package handinclient's; the browser
// layer only carries them out.

// Storage keys of the boxes: the teacher's owner keys, and for each
// exercise a student opened, the box its work goes to.
const (
	keyBoxes      = "sayso:boxes"
	keyHandInOf   = "sayso:handin:"  // + the exercise id
	keyFetched    = "sayso:fetched"  // the ids of the boxes with a kept fetch
	keyFetchedOf  = "sayso:fetched:" // + the box id: its last fetch (keptFetch)
	maxKeptBoxes  = 50
	receiptSuffix = " – hand-in receipt.txt"
)

// HandIns is the hand-in state of the page.
type HandIns struct {
	// Origin is the site's origin when the page is served over HTTP(S)
	// (SiteOrigin); "" on the offline page, which cannot open a box.
	Origin string

	// The teacher's side.
	Collect bool       // "Collect hand-ins online" is ticked
	Opening bool       // a box is being opened
	Opened  *OpenedBox // the box opened for the draft exercise
	// Boxes are the boxes whose owner secret this browser keeps, newest first.
	Boxes  []handinclient.Owner
	Status map[string]BoxStatus // by box id: what Compare last learnt

	// The student's side.
	Box         *exercise.HandIn // where work on the open exercise is handed in
	BoxExercise string           // the exercise Box belongs to
	Sending     bool
	Receipt     *handinclient.Receipt // the last hand-in's receipt

	// store are the storage writes the next Step hands over (StoreValue).
	store []Effect
	// fetched names the Compare files each box's last fetch added, which
	// the next fetch replaces: a student counts once, with the latest.
	fetched map[string][]string
	// fetchedData are those files' data by box and name, and kept the
	// records kept in storage by box (handin_kept.go).
	fetchedData map[string]map[string]string
	kept        map[string]keptFetch
}

// OpenedBox is a box opened from the exercise builder.
type OpenedBox struct {
	Owner  handinclient.Owner
	HandIn exercise.HandIn
}

// BoxStatus is what the teacher last learnt of a box.
type BoxStatus struct {
	Busy    string              // what is being done ("Fetching…"), "" when idle
	State   *handinclient.State // nil before the box answered
	Fetched int                 // hand-ins last fetched into Compare
	Roster  *Roster             // who handed in which document, from the last fetch
	Err     string
}

// SiteOrigin tells the app the origin the page is served from, when it is
// HTTP(S): then boxes can be opened on the site's Worker.
type SiteOrigin struct{ Origin string }

// SetCollect ticks or unticks "Collect hand-ins online": ticking opens a
// box for the draft exercise.
type SetCollect struct{ On bool }

// BoxOpened is the Worker's answer to OpenBox.
type BoxOpened struct {
	Owner  handinclient.Owner
	HandIn exercise.HandIn
	Err    error
}

// DownloadBoxKey downloads the key file of box Box.
type DownloadBoxKey struct{ Box string }

// HandIn sends the student's work to the exercise's box.
type HandIn struct{}

// HandedIn is the box's answer to SendHandIn.
type HandedIn struct {
	Receipt handinclient.Receipt
	Err     error
}

// KeepReceipt downloads the last receipt as a small text file.
type KeepReceipt struct{}

// FetchHandIns fetches the latest hand-in of each student of box Box into
// Compare.
type FetchHandIns struct{ Box string }

// SetBoxClosed closes box Box (no more hand-ins) or opens it again.
type SetBoxClosed struct {
	Box    string
	Closed bool
}

// RequestDeleteBox asks before deleting box Box (DeleteBox).
type RequestDeleteBox struct{ Box string }

// DeleteBox deletes box Box: its files and records, on the Worker.
type DeleteBox struct{ Box string }

// BoxAnswered is the Worker's answer to AskBox.
type BoxAnswered struct {
	Box    string
	Op     BoxOp
	Files  []TextFile          // BoxFetch: each student's latest hand-in
	Handed []Handed            // BoxFetch: who, when and how often, parallel to Files
	State  *handinclient.State // the box's state, when asked
	Err    error
}

// LoadBoxKey adds the box of a key file to this browser's boxes.
type LoadBoxKey struct {
	Name string
	Data []byte
}

func (SiteOrigin) isAction()       {}
func (SetCollect) isAction()       {}
func (BoxOpened) isAction()        {}
func (DownloadBoxKey) isAction()   {}
func (HandIn) isAction()           {}
func (HandedIn) isAction()         {}
func (KeepReceipt) isAction()      {}
func (FetchHandIns) isAction()     {}
func (SetBoxClosed) isAction()     {}
func (RequestDeleteBox) isAction() {}
func (DeleteBox) isAction()        {}
func (BoxAnswered) isAction()      {}
func (LoadBoxKey) isAction()       {}

// OpenBox asks the browser layer to open a box for Exercise (an exercise
// file) on the site at Origin, and to hand back BoxOpened.
type OpenBox struct {
	Origin   string
	Exercise []byte
}

// SendHandIn asks the browser layer to hand File in to Box under Key
// (handinclient.Client.HandIn, with its retries) and to hand back HandedIn.
type SendHandIn struct {
	Box  exercise.HandIn
	File []byte
	Key  string
}

// BoxOp is what AskBox does to a box.
type BoxOp string

// The box operations.
const (
	BoxFetch  BoxOp = "fetch"  // each student's latest hand-in, and the state
	BoxClose  BoxOp = "close"  // no more hand-ins
	BoxReopen BoxOp = "reopen" // hand-ins again
	BoxDelete BoxOp = "delete" // files and records gone
)

// AskBox asks the browser layer to do Op to the owner's box and to hand
// back BoxAnswered.
type AskBox struct {
	Owner handinclient.Owner
	Op    BoxOp
}

// StoreValue asks the browser layer to keep Value under Key in the
// browser's storage ("" removes it). Fail is what to say when storage
// refuses, followed by the reason (the box's own wording when "").
type StoreValue struct{ Key, Value, Fail string }

func (OpenBox) isEffect()    {}
func (SendHandIn) isEffect() {}
func (AskBox) isEffect()     {}
func (StoreValue) isEffect() {}

// applyHandInAction applies the hand-in actions.
func (st *State) applyHandInAction(a Action) []Effect {
	h := &st.HandIn
	switch a := a.(type) {
	case SiteOrigin:
		h.Origin = a.Origin
	case SetCollect:
		return st.setCollect(a.On)
	case BoxOpened:
		h.Opening = false
		if a.Err != nil {
			h.Collect = false
			st.fail(handinclient.Explain("Could not open a hand-in box", a.Err) + " The exercise can still be handed out and its work collected by Export.")
			return nil
		}
		h.Opened = &OpenedBox{Owner: a.Owner, HandIn: a.HandIn}
		st.keepBox(a.Owner)
		st.info("Opened a hand-in box for “" + short(a.Owner.ExerciseTitle, 80) + "”. Its owner secret is kept in this browser: download the key file too, to collect from another browser. Export the exercise file or the offline page now: they carry the box.")
	case DownloadBoxKey:
		if o, ok := st.ownerOf(a.Box); ok {
			st.info("Downloaded the key file of the box: keep it to yourself, it lets whoever has it read and delete the hand-ins.")
			return []Effect{Download{Name: FileName(o.ExerciseTitle+" – box key") + handinclient.KeyExtension, Type: "application/json", Data: handinclient.EncodeKey(o)}}
		}
	case HandIn:
		return st.handIn()
	case HandedIn:
		h.Sending = false
		if a.Err != nil {
			st.fail(handInFailure(a.Err))
			return nil
		}
		r := a.Receipt
		h.Receipt = &r
		again := ""
		if r.Replayed {
			again = " (it had arrived already)"
		}
		st.info(fmt.Sprintf("Handed in%s at %s: %s, SHA-256 %s… Keep the receipt to show what you handed in; your work stays here.", again, r.When(), plural(int(r.Size), "byte"), r.SHA256[:12]))
	case KeepReceipt:
		if r := h.Receipt; r != nil {
			return []Effect{Download{Name: FileName(r.Exercise.Title+" – "+r.Student) + receiptSuffix, Type: "text/plain;charset=utf-8", Data: []byte(r.Text())}}
		}
	case FetchHandIns:
		return st.askBox(a.Box, BoxFetch, "Fetching the hand-ins…")
	case SetBoxClosed:
		if a.Closed {
			return st.askBox(a.Box, BoxClose, "Closing…")
		}
		return st.askBox(a.Box, BoxReopen, "Opening again…")
	case RequestDeleteBox:
		if o, ok := st.ownerOf(a.Box); ok {
			return []Effect{Confirm{Text: "Delete the hand-in box of “" + short(o.ExerciseTitle, 80) + "”? Every file handed in to it and every record go, on the site too; this cannot be undone. Fetch the hand-ins first to keep them.", Then: DeleteBox{Box: a.Box}}}
		}
	case DeleteBox:
		return st.askBox(a.Box, BoxDelete, "Deleting…")
	case BoxAnswered:
		return st.boxAnswered(a)
	case LoadBoxKey:
		o, err := handinclient.DecodeKey(a.Data)
		if err != nil {
			st.fail("Could not read the key file " + quoteName(a.Name) + ": " + err.Error())
			return nil
		}
		st.keepBox(o)
		st.info("Added the box of “" + short(o.ExerciseTitle, 80) + "” from its key file: fetch its hand-ins below.")
	}
	return nil
}

// setCollect opens a box for the draft exercise when ticked.
func (st *State) setCollect(on bool) []Effect {
	h := &st.HandIn
	if h.Opening {
		return nil // the box being opened decides
	}
	h.Collect = on
	if !on {
		h.Opened = nil // the box stays in Compare, to collect or delete
		return nil
	}
	if h.Origin == "" {
		h.Collect = false
		st.fail("Hand-in boxes are opened on the site: open Sayso from its web address (not from a file) to collect hand-ins online.")
		return nil
	}
	e, ok := st.draftExercise()
	if !ok {
		h.Collect = false
		return nil
	}
	if o := h.Opened; o != nil && o.Owner.ExerciseID == e.ID {
		return nil
	}
	e.HandIn = nil
	data, err := exercise.Encode(e)
	if !st.check(err) {
		h.Collect = false
		return nil
	}
	h.Opening, h.Opened = true, nil
	return []Effect{OpenBox{Origin: h.Origin, Exercise: data}}
}

// withBox adds the opened box to the draft exercise e when hand-ins are
// collected online, and reports false (with a message) when the box was
// opened for another exercise: the draft changed since.
func (st *State) withBox(e *exercise.Exercise) bool {
	h := st.HandIn
	switch {
	case !h.Collect:
		return true
	case h.Opening || h.Opened == nil:
		st.fail("The hand-in box is not open yet: wait for it, or untick “Collect hand-ins online”.")
		return false
	case h.Opened.Owner.ExerciseID != e.ID:
		st.fail("The exercise changed since its hand-in box was opened (title or documents), so the box would refuse its work: untick “Collect hand-ins online” and tick it again to open a box for this version.")
		return false
	}
	box := h.Opened.HandIn
	e.HandIn = &box
	return true
}

// keepBox remembers a box's owner key in this browser, newest first.
func (st *State) keepBox(o handinclient.Owner) {
	h := &st.HandIn
	boxes := []handinclient.Owner{o}
	for _, b := range h.Boxes {
		if b.Box != o.Box && len(boxes) < maxKeptBoxes {
			boxes = append(boxes, b)
		}
	}
	h.Boxes = boxes
	st.storeBoxes()
}

func (st *State) storeBoxes() {
	b, _ := json.Marshal(st.HandIn.Boxes) // strings only: cannot fail
	st.HandIn.store = append(st.HandIn.store, StoreValue{Key: keyBoxes, Value: string(b)})
}

func (st *State) ownerOf(box string) (handinclient.Owner, bool) {
	for _, o := range st.HandIn.Boxes {
		if o.Box == box {
			return o, true
		}
	}
	return handinclient.Owner{}, false
}

// useBox makes box the one the open exercise's work is handed in to, and
// remembers it for when the work is restored.
func (st *State) useBox(e exercise.Exercise) {
	h := &st.HandIn
	h.Box, h.BoxExercise, h.Receipt = e.HandIn, e.ID, nil
	if e.HandIn == nil {
		return
	}
	b, _ := json.Marshal(e.HandIn)
	h.store = append(h.store, StoreValue{Key: keyHandInOf + e.ID, Value: string(b)})
}

// CanHandIn reports whether the open project is a student's work on an
// exercise with a box.
func (st *State) CanHandIn() bool {
	e := st.Store.Exercise()
	return st.HandIn.Box != nil && st.Doc != "" && e.ID == st.HandIn.BoxExercise && e.Role != annotation.RoleKey
}

// handIn sends the project's native file to the box.
func (st *State) handIn() []Effect {
	h := &st.HandIn
	switch {
	case h.Sending:
		return nil
	case !st.CanHandIn():
		st.fail("This work is not for an exercise with a hand-in box: Export it and send the file to your teacher.")
		return nil
	case strings.TrimSpace(st.Store.Annotator()) == "":
		st.fail("Enter your name first (Documents), so that your teacher knows whose work this is.")
		return nil
	}
	data, err := exchange.EncodeProject(st.Store.Project())
	if err != nil {
		st.fail("Not handed in: " + err.Error() + ". Your work is still here: Export it and send the file to your teacher.")
		return nil
	}
	h.Sending = true
	st.info("Handing in…")
	return []Effect{SendHandIn{Box: *h.Box, File: data, Key: handinclient.NewKey()}}
}

// handInFailure says why a hand-in failed and what to do.
func handInFailure(err error) string {
	msg := handinclient.Explain("Not handed in", err)
	if e, ok := err.(*handinclient.Error); ok && e.Retryable() {
		return msg + " Nothing was half-sent and your work is still here: try again in a moment, or Export it and send the file to your teacher."
	}
	return msg + " Your work is still here: Export it and send the file to your teacher."
}

// askBox starts an operation on a box this browser keeps.
func (st *State) askBox(box string, op BoxOp, busy string) []Effect {
	o, ok := st.ownerOf(box)
	if !ok {
		st.fail("This browser has no key for that box: load its key file first.")
		return nil
	}
	if st.HandIn.Status == nil {
		st.HandIn.Status = map[string]BoxStatus{}
	}
	s := st.HandIn.Status[box]
	if s.Busy != "" {
		return nil
	}
	s.Busy, s.Err = busy, ""
	st.HandIn.Status[box] = s
	return []Effect{AskBox{Owner: o, Op: op}}
}

// boxAnswered records a box's answer: fetched files go to Compare as if
// dropped; a deleted box is forgotten.
func (st *State) boxAnswered(a BoxAnswered) []Effect {
	h := &st.HandIn
	if h.Status == nil {
		h.Status = map[string]BoxStatus{}
	}
	s := h.Status[a.Box]
	s.Busy = ""
	o, _ := st.ownerOf(a.Box)
	name := "“" + short(o.ExerciseTitle, 80) + "”"
	if a.Err != nil {
		doing := map[BoxOp]string{BoxFetch: "Could not fetch the hand-ins", BoxClose: "Could not close the box",
			BoxReopen: "Could not open the box again", BoxDelete: "Could not delete the box"}[a.Op]
		s.Err = handinclient.Explain(doing, a.Err)
		h.Status[a.Box] = s
		st.fail(s.Err)
		return nil
	}
	if a.State != nil {
		s.State = a.State
	}
	switch a.Op {
	case BoxDelete:
		delete(h.Status, a.Box)
		var kept []handinclient.Owner
		for _, b := range h.Boxes {
			if b.Box != a.Box {
				kept = append(kept, b)
			}
		}
		h.Boxes = kept
		if h.Opened != nil && h.Opened.Owner.Box == a.Box {
			h.Opened, h.Collect = nil, false
		}
		st.storeBoxes()
		st.info("Deleted the hand-in box of " + name + ": its files and records are gone from the site.")
		return nil
	case BoxClose:
		st.info("Closed the hand-in box of " + name + ": no more hand-ins are taken.")
	case BoxReopen:
		st.info("The hand-in box of " + name + " takes hand-ins again.")
	case BoxFetch:
		s.Fetched = len(a.Files)
		s.Roster = st.rosterOf(a.Files, a.Handed)
		h.Status[a.Box] = s
		if len(a.Files) == 0 {
			st.info("No one has handed in to " + name + " yet.")
			return nil
		}
		st.dropFetched(a.Box)
		st.noteFetched(a.Box, a.Files)
		effects := Update(st, AddCompareFiles{Files: a.Files})
		if st.Message.Kind != "error" {
			st.info(fmt.Sprintf("Fetched the latest hand-in of %s from the box of %s.", plural(len(a.Files), "student"), name))
		}
		st.keepFetch(a.Box)
		return effects
	}
	h.Status[a.Box] = s
	if h.fetched[a.Box] != nil {
		st.keepFetch(a.Box) // the box's state, as Compare shows it
	}
	return nil
}

// dropFetched removes from Compare the files box's last fetch added.
func (st *State) dropFetched(box string) {
	names := st.HandIn.fetched[box]
	delete(st.HandIn.fetched, box)
	if st.Compare == nil || len(names) == 0 {
		return
	}
	for i := len(st.Compare.Files) - 1; i >= 0; i-- {
		if slices.Contains(names, st.Compare.Files[i].Name) {
			Update(st, RemoveCompareFile{Index: i})
		}
	}
}

// loadHandIns reads the boxes this browser keeps, and the box of the
// restored exercise work, at start-up.
func (st *State) loadHandIns(kv KV) {
	h := &st.HandIn
	if v, ok, err := kv.Get(keyBoxes); err == nil && ok {
		var boxes []handinclient.Owner
		if json.Unmarshal([]byte(v), &boxes) == nil {
			h.Boxes = boxes
		}
	}
	st.loadFetches(kv)
	id := st.Store.Exercise().ID
	if id == "" {
		return
	}
	if v, ok, err := kv.Get(keyHandInOf + id); err == nil && ok {
		var box exercise.HandIn
		if json.Unmarshal([]byte(v), &box) == nil {
			h.Box, h.BoxExercise = &box, id
		}
	}
}

// takeStored hands over the storage writes asked for since the last Step.
func (st *State) takeStored() []Effect {
	st.forgetRemovedFetches()
	out := st.HandIn.store
	st.HandIn.store = nil
	return out
}

// Run opens the box through c and returns the answer to dispatch. The
// browser layer calls it in a goroutine of its own (it waits for fetch).
func (e OpenBox) Run(c handinclient.Client) Action {
	o, h, err := c.Open(e.Origin, e.Exercise)
	return BoxOpened{Owner: o, HandIn: h, Err: err}
}

// Run hands the file in through c and returns the answer to dispatch.
func (e SendHandIn) Run(c handinclient.Client) Action {
	r, err := c.HandIn(e.Box, e.File, e.Key)
	return HandedIn{Receipt: r, Err: err}
}

// Run does the operation through c and returns the answer to dispatch.
func (e AskBox) Run(c handinclient.Client) Action {
	a := BoxAnswered{Box: e.Owner.Box, Op: e.Op}
	var s handinclient.State
	switch e.Op {
	case BoxFetch:
		files, err := c.Latest(e.Owner)
		if err != nil {
			a.Err = err
			return a
		}
		for _, f := range files {
			a.Files = append(a.Files, TextFile{Name: f.Name, Data: f.Data})
			a.Handed = append(a.Handed, Handed{Who: f.Student, Received: f.Received, Versions: f.Versions})
		}
		s, a.Err = c.State(e.Owner)
	case BoxClose, BoxReopen:
		s, a.Err = c.SetClosed(e.Owner, e.Op == BoxClose)
	case BoxDelete:
		a.Err = c.Delete(e.Owner)
		return a
	}
	if a.Err == nil {
		a.State = &s
	}
	return a
}
