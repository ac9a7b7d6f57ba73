package app

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"sayso/internal/annotation"
	"sayso/internal/suggest"
	"sayso/internal/text"
)

// Suggestions. Suggest runs the attribution finder (internal/suggest) on
// the shown document; what it finds is shown apart from the annotations,
// one suggestion current, for the person to accept (it becomes a claim
// linked to its cue and speaker mention, one undo step) or reject (it does
// not come back when Suggest runs again, even after a reload). Suggestions
// are not annotations: they are not in the store, so no export, Compare or
// autosaved project holds them.
//
// A suggestion whose claim the document already has (same fragments) is
// not shown: after an accept it hides because the claim exists, and comes
// back if the accept is undone.

// Suggest finds suggestions in the shown document. Its work is cut into
// slices of at most SuggestSliceChars code points: when more remains, the
// plan asks for SuggestLater, and the browser layer sends SuggestMore when
// the page is idle, so that a long article never blocks input.
type Suggest struct{}

// SuggestMore does the next slice of the work Suggest started. Idle is
// the idle time the browser says is left (its idle callback's
// timeRemaining), 0 when unknown: a slice may use it, up to
// SuggestSliceMaxTime, instead of SuggestSliceTime.
type SuggestMore struct{ Idle time.Duration }

// AcceptSuggestion accepts the current suggestion.
type AcceptSuggestion struct{}

// RejectSuggestion rejects the current suggestion.
type RejectSuggestion struct{}

// NextSuggestion makes the next suggestion (Delta 1) or the previous one
// (Delta -1) current, in text order, going round at the ends.
type NextSuggestion struct{ Delta int }

// SelectSuggestion makes the Index-th shown suggestion current.
type SelectSuggestion struct{ Index int }

// AcceptAllSuggestions accepts every shown suggestion, as one undo step.
type AcceptAllSuggestions struct{}

// RejectAllSuggestions rejects every shown suggestion.
type RejectAllSuggestions struct{}

// SetExerciseSuggest lets the students of the exercise being prepared use
// Suggest, or not.
type SetExerciseSuggest struct{ On bool }

// SuggestLater asks the browser layer to send SuggestMore once the page
// is idle.
type SuggestLater struct{}

// WarmSuggest readies Suggest while the page has nothing else to do, so
// that the person's first Suggest is as quick as the next ones: the first
// one builds the finder's word lists, the next ones run the finder, a
// paragraph each, over the sample article, whose result is thrown away
// (the browser compiles the finder's WebAssembly functions on their first
// call, which made a first Suggest several times slower than a second).
// Nothing it does is shown or saved. It stops once Suggest has run, and
// does nothing where Suggest is off.
type WarmSuggest struct{}

// WarmSuggestLater asks the browser layer to send WarmSuggest when the
// page is idle (never on a timeout: warming may wait for ever).
type WarmSuggestLater struct{}

func (Suggest) isAction()              {}
func (SuggestMore) isAction()          {}
func (AcceptSuggestion) isAction()     {}
func (RejectSuggestion) isAction()     {}
func (NextSuggestion) isAction()       {}
func (SelectSuggestion) isAction()     {}
func (AcceptAllSuggestions) isAction() {}
func (RejectAllSuggestions) isAction() {}
func (SetExerciseSuggest) isAction()   {}
func (WarmSuggest) isAction()          {}
func (SuggestLater) isEffect()         {}
func (WarmSuggestLater) isEffect()     {}

// suggestAction: finding, accepting and rejecting suggestions.
type suggestAction interface {
	Action
	suggesting()
}

func (Suggest) suggesting()              {}
func (SuggestMore) suggesting()          {}
func (AcceptSuggestion) suggesting()     {}
func (RejectSuggestion) suggesting()     {}
func (NextSuggestion) suggesting()       {}
func (SelectSuggestion) suggesting()     {}
func (AcceptAllSuggestions) suggesting() {}
func (RejectAllSuggestions) suggesting() {}
func (SetExerciseSuggest) suggesting()   {}
func (WarmSuggest) suggesting()          {}

// SuggestSliceChars bounds the code points of text one slice of Suggest
// works on (a paragraph longer than that is one slice).
const SuggestSliceChars = 100000

// SuggestSliceTime ends a slice of Suggest early, after the step during
// which it ran out, when the state's clock says the slice took that long:
// in the page, a slow machine works on less text per slice instead of
// holding the main thread longer. (A clock that stands still, as in
// tests, leaves only SuggestSliceChars.)
const SuggestSliceTime = 8 * time.Millisecond

// SuggestSliceMaxTime bounds a slice that the browser's idle time lets
// run longer than SuggestSliceTime (SuggestMore.Idle): under the 50 ms a
// browser counts as a long task, so a key pressed meanwhile still gets
// its answer within a frame or two. Idle periods between frames are
// shorter (up to 16 ms at 60 frames a second); a page with nothing to
// paint gets idle periods of 50 ms.
const SuggestSliceMaxTime = 40 * time.Millisecond

// SuggestSliceMinChars is the text a slice works on before it looks at
// the clock: an article of up to that many code points (the 3 KB
// reference article is about 3,000) is done in the slice of the key
// press, with no idle callback to wait for, and a slice of a long one
// always moves the work on by that much (a few milliseconds).
const SuggestSliceMinChars = 5000

// suggestStepChars is how much text a slice works on between two looks
// at the clock.
const suggestStepChars = 1000

// suggestWarmRuns is how many times WarmSuggest runs the finder over
// the sample article. The browser first compiles a WebAssembly function
// quickly into slow code and compiles it again, optimised, only once it
// has run long enough (Chromium's tiering): one run compiled the finder,
// but the 3 KB article then still ran largely in the slow code.
const suggestWarmRuns = 4

// suggestRehearsals is how many times WarmSuggest rehearses the key's
// path (rehearseSuggest): once compiles it; the browser optimises a
// function in the background once it has run enough, and with one
// rehearsal that happened for several of them during the person's first
// Suggest, whose task then shared the machine's cores with those
// compiles.
const suggestRehearsals = 3

// SuggestKey is the key that runs Suggest.
const SuggestKey = "g"

// RehearsalKey is the key the browser layer runs its key handler with
// once while warming Suggest, so that the browser compiles the handler
// before the person's first key: it must be no shortcut in any state (a
// key name browsers give a key they cannot identify).
const RehearsalKey = "Unidentified"

// Suggested is one suggestion: a claim, its cue and its speaker mention,
// with the name of the speaker entity the finder joined the mention to.
type Suggested struct {
	Claim   []text.Span
	Cue     text.Span // empty when none
	Source  text.Span // empty when none
	Speaker string    // the speaker entity's name, "" when none
	Direct  bool      // the claim is a quotation
	key     string
}

// suggestState is what Suggest found and what the person rejected.
type suggestState struct {
	store   *annotation.Store // the project the suggestions are of
	doc     string            // the document they are of
	all     []Suggested
	work    *suggest.Suggester
	workDoc string
	lexicon *suggest.Lexicon   // built by WarmSuggest or the first Suggest, kept for the next ones
	warmed  bool               // the finder ran once (Suggest or WarmSuggest): nothing left to warm
	warm    *suggest.Suggester // WarmSuggest's run over the sample article
	// warmRuns counts WarmSuggest's runs over the sample article.
	warmRuns int
	// rehearsal is the state warming ran the key's path on, until the
	// browser layer takes it (TakeSuggestRehearsal); rehearsed counts
	// the rehearsals (suggestRehearsals).
	rehearsal *State
	rehearsed int
	cur       string // the current suggestion's key
	curAt     int    // where the current suggestion starts (to find the next)
	rev       int    // changes whenever what is drawn of them may change

	// shown caches the indexes into all of the suggestions shown.
	shown      []int
	shownStore *annotation.Store
	shownRev   int
	shownOf    int // rev it was built at

	memory suggestMemory
	dirty  bool // memory changed since autosave wrote it

	// hash caches the hash of a document's text, which is fixed.
	hash, hashDoc string
	hashStore     *annotation.Store
	// hashing is the hash of the text being searched, fed as far as the
	// finder got (hashAlong): hashed bytes of the text of hashingDoc.
	hashing      hash.Hash
	hashed       int
	hashingDoc   string
	hashingStore *annotation.Store
}

// suggestMemory is what autosave keeps of suggestions, apart from the
// project (so that no export holds it): the rejected ones, per document
// text, and the exercises whose students may not use Suggest.
type suggestMemory struct {
	Rejected map[string][]string `json:"rejected,omitempty"` // text hash → claim keys
	Off      []string            `json:"off,omitempty"`      // exercise ids
}

// keySuggest is the storage key of the suggestion memory.
const keySuggest = "sayso:suggest"

// SuggestAllowed reports whether the Suggest command is offered: not to a
// student whose exercise turned it off.
func (st *State) SuggestAllowed() bool {
	id := st.Store.Exercise().ID
	if id == "" || st.Store.Exercise().Role == annotation.RoleKey {
		return true
	}
	for _, o := range st.suggest.memory.Off {
		if o == id {
			return false
		}
	}
	return true
}

// setSuggestOff records whether the students of exercise id may use Suggest.
func (st *State) setSuggestOff(id string, off bool) {
	m := &st.suggest.memory
	at := -1
	for i, o := range m.Off {
		if o == id {
			at = i
		}
	}
	switch {
	case off && at < 0:
		m.Off = append(m.Off, id)
	case !off && at >= 0:
		m.Off = append(m.Off[:at], m.Off[at+1:]...)
	default:
		return
	}
	st.suggest.dirty = true
	st.suggest.rev++
}

// SuggestRunning reports whether Suggest is still working, and how far
// it got in percent.
func (st *State) SuggestRunning() (percent int, running bool) {
	s := &st.suggest
	if s.work == nil || s.workDoc != st.Doc {
		return 0, false
	}
	done, total := s.work.Progress()
	if total == 0 {
		return 0, true
	}
	return 100 * done / total, true
}

// SuggestRevision changes whenever what is drawn of the suggestions may
// have changed (the browser layer redraws their highlights then).
func (st *State) SuggestRevision() string {
	list, cur := st.Suggestions()
	return fmt.Sprintf("%p/%s/%d/%d/%d", st.Store, st.Doc, st.suggest.rev, len(list), cur)
}

// Suggestions returns the suggestions shown for the shown document, in
// text order, and the index of the current one (-1 when none).
func (st *State) Suggestions() (shown []Suggested, current int) {
	idx := st.shownSuggestions()
	out := make([]Suggested, len(idx))
	current = -1
	for i, k := range idx {
		out[i] = st.suggest.all[k]
		if out[i].key == st.suggest.cur {
			current = i
		}
	}
	if current < 0 && len(out) > 0 {
		current = st.nearestShown(out)
	}
	return out, current
}

// nearestShown is the first suggestion starting at or after where the
// current one was (the next one after an accept or reject), else the first.
func (st *State) nearestShown(list []Suggested) int {
	for i, s := range list {
		if s.Claim[0].Start >= st.suggest.curAt {
			return i
		}
	}
	return 0
}

// shownSuggestions are the indexes into all of the suggestions shown: of
// the shown document, not rejected, and not already a claim.
func (st *State) shownSuggestions() []int {
	s := &st.suggest
	if s.store != st.Store || s.doc != st.Doc || len(s.all) == 0 {
		return nil
	}
	if s.shownStore == st.Store && s.shownRev == st.Store.Revision() && s.shownOf == s.rev {
		return s.shown
	}
	claims := map[string]bool{}
	for _, a := range st.Store.Annotations(st.Doc) {
		if a.Label == annotation.LabelClaim {
			claims[fragmentsKey(a.Fragments)] = true
		}
	}
	rejected := st.rejectedHere()
	s.shown = s.shown[:0]
	for i, sg := range s.all {
		if !claims[sg.key] && !rejected[sg.key] {
			s.shown = append(s.shown, i)
		}
	}
	s.shownStore, s.shownRev, s.shownOf = st.Store, st.Store.Revision(), s.rev
	return s.shown
}

// docHash is the hash of the shown document's text, which rejections are
// remembered by.
func (st *State) docHash() string {
	if h, ok := st.cachedDocHash(); ok {
		return h
	}
	s := &st.suggest
	d, _, ok := st.Store.Document(st.Doc)
	if !ok {
		return ""
	}
	s.hash, s.hashDoc, s.hashStore = text.Hash(d.Text), st.Doc, st.Store
	return s.hash
}

// cachedDocHash is docHash when it is known without reading the text.
func (st *State) cachedDocHash() (string, bool) {
	s := &st.suggest
	return s.hash, s.hashStore == st.Store && s.hashDoc == st.Doc
}

func (st *State) rejectedHere() map[string]bool {
	keys := st.suggest.memory.Rejected[st.docHash()]
	m := make(map[string]bool, len(keys))
	for _, k := range keys {
		m[k] = true
	}
	return m
}

// applySuggestAction applies the suggestion actions.
func (st *State) applySuggestAction(a suggestAction) []Effect {
	switch a := a.(type) {
	case Suggest:
		return st.startSuggest()
	case SuggestMore:
		return st.continueSuggest(a.Idle)
	case AcceptSuggestion:
		if list, cur := st.Suggestions(); cur >= 0 {
			st.acceptSuggestions("accept suggestion", list[cur:cur+1])
		}
	case RejectSuggestion:
		if list, cur := st.Suggestions(); cur >= 0 {
			st.reject(list[cur : cur+1])
		}
	case NextSuggestion:
		if list, cur := st.Suggestions(); cur >= 0 {
			st.makeCurrent(list[(cur+a.Delta%len(list)+len(list))%len(list)])
		}
	case SelectSuggestion:
		if list, _ := st.Suggestions(); a.Index >= 0 && a.Index < len(list) {
			st.makeCurrent(list[a.Index])
		}
	case AcceptAllSuggestions:
		if list, _ := st.Suggestions(); len(list) > 0 {
			st.acceptSuggestions("accept all suggestions", list)
		}
	case RejectAllSuggestions:
		if list, _ := st.Suggestions(); len(list) > 0 {
			st.reject(list)
		}
	case SetExerciseSuggest:
		st.Draft.NoSuggest = !a.On
	case WarmSuggest:
		return st.warmSuggest()
	}
	return nil
}

// warmSuggest does one step of readying Suggest (WarmSuggest): the word
// lists, then the sample article a paragraph a step (through Work, as
// Suggest runs the finder), then the suggestions made of its result, as
// Suggest would; the key's whole path on a state of its own
// (rehearseSuggest) comes right after the word lists.
func (st *State) warmSuggest() []Effect {
	s := &st.suggest
	if s.warmed || !st.SuggestAllowed() {
		s.warm = nil
		return nil
	}
	if s.lexicon == nil {
		s.lexicon = suggest.NewLexicon()
		return []Effect{WarmSuggestLater{}}
	}
	if s.rehearsed < suggestRehearsals {
		// The key's path on a state of its own, early: the browser
		// optimises what it ran (in the background) while the finder's
		// runs go on, not as the person presses the key.
		s.rehearsed++
		s.rehearsal = st.rehearseSuggest()
		return []Effect{WarmSuggestLater{}}
	}
	if s.warm == nil {
		s.warm = suggest.NewIndexed(text.NewIndex(SampleText), s.lexicon)
	}
	if s.warm.Work(1) { // a paragraph a step: short steps
		return []Effect{WarmSuggestLater{}}
	}
	_, n := s.warm.Progress()
	suggestionsOf(s.warm.Result(), n)
	if s.warmRuns++; s.warmRuns < suggestWarmRuns {
		s.warm = nil // once more: see suggestWarmRuns
		return []Effect{WarmSuggestLater{}}
	}
	// What the first Suggest calls besides the finder, so that the browser
	// has compiled it too: the hash its rejections are kept by, and the
	// snapping of a span that the finder leaves to the text index.
	x := text.NewIndex(SampleText)
	text.Hash(SampleText)
	x.SnapToWords(text.Span{Start: 1, End: n})
	s.warm, s.warmed = nil, true
	return nil
}

// rehearseSuggest runs the key's whole path through the app on a state of
// its own holding the start of the sample article (rehearsalText), and
// returns that state: the g key
// mapped to Suggest, Suggest done, its suggestions listed and their
// highlights packed. The browser compiles each WebAssembly function on
// its first call; without this the person's first Suggest compiled about
// forty of them (the key handling, the slice, the suggestions kept and
// packed: 8–9 ms of the key's task in the page) besides running them in
// the browser's slower first-tier code. The state shares only the word
// lists; nothing of it is shown or saved, and the person's state is left
// as it was. The browser layer takes it (TakeSuggestRehearsal) to build
// its view once, for the same reason.
func (st *State) rehearseSuggest() *State {
	r := NewState(st.clock)
	r.suggest.lexicon = st.suggest.lexicon
	Step(r, Paste{Title: "Sample", Text: rehearsalText()})
	a, ok := KeyAction(r, KeyEvent{Key: SuggestKey})
	if !ok {
		return nil
	}
	for plan := Step(r, a); slices.Contains(plan.Effects, Effect(SuggestLater{})); {
		plan = Step(r, SuggestMore{})
	}
	list, cur := r.Suggestions()
	SuggestionRangesIn(r, list, cur, 0, len(list), true)
	SuggestionAt(list, 0)
	return r
}

// rehearsalText is what rehearseSuggest runs Suggest on: the sample
// article's first four paragraphs (its title, its lead and two
// attributions, a quote among them), so that a rehearsal is one short
// step; the finder's own warming runs cover the whole sample a
// paragraph a step.
func rehearsalText() string {
	paras := strings.SplitN(SampleText, "\n\n", 5)
	return strings.Join(paras[:min(4, len(paras))], "\n\n")
}

// TakeSuggestRehearsal returns the state warming ran Suggest's path on
// (see rehearseSuggest), once, or nil (also once Suggest has run): the
// browser layer builds its view, in an idle callback of its own, and
// lets it go.
func (st *State) TakeSuggestRehearsal() *State {
	r := st.suggest.rehearsal
	st.suggest.rehearsal = nil
	return r
}

func (st *State) makeCurrent(s Suggested) {
	st.suggest.cur, st.suggest.curAt = s.key, s.Claim[0].Start
	st.suggest.rev++
}

// startSuggest starts finding suggestions in the shown document.
func (st *State) startSuggest() []Effect {
	switch {
	case st.Doc == "":
		return nil
	case !st.SuggestAllowed():
		st.fail("Suggest is turned off for this exercise: find the claims, cues and speakers yourself.")
		return nil
	}
	_, x, _ := st.Store.Document(st.Doc)
	s := &st.suggest
	s.rev++
	s.warmed, s.warm, s.rehearsal = true, nil, nil
	if s.lexicon == nil {
		// The word lists take a slice of their own, the first time.
		s.lexicon = suggest.NewLexicon()
		s.work, s.workDoc = suggest.NewIndexed(x, s.lexicon), st.Doc
		return []Effect{SuggestLater{}}
	}
	s.work, s.workDoc = suggest.NewIndexed(x, s.lexicon), st.Doc
	return st.continueSuggest(0)
}

// continueSuggest does one slice of the work, in the idle time given
// (see SuggestMore).
func (st *State) continueSuggest(idle time.Duration) []Effect {
	s := &st.suggest
	if s.work == nil {
		return nil
	}
	if s.workDoc != st.Doc {
		s.work = nil // the person went to another document
		return nil
	}
	limit := SuggestSliceTime
	if idle > limit {
		limit = min(idle, SuggestSliceMaxTime)
	}
	start := st.clock()
	for chars := 0; ; {
		from, _ := s.work.Progress()
		if !s.work.Work(suggestStepChars) {
			break
		}
		done, _ := s.work.Progress()
		chars += done - from
		st.hashAlong(s.work.Progress())
		if chars >= SuggestSliceChars || chars >= SuggestSliceMinChars && st.clock().Sub(start) >= limit {
			return []Effect{SuggestLater{}}
		}
	}
	_, total := s.work.Progress()
	st.hashAlong(total, total)
	st.finishSuggest(s.work.Result())
	return nil
}

// hashAlong hashes the shown document's text as far as the finder got
// (done of total code points, as a share of its bytes), so that the
// hash rejections are remembered by (docHash) is ready when the last
// slice needs it: a megabyte read at once took tens of milliseconds of
// that slice in the page.
func (st *State) hashAlong(done, total int) {
	s := &st.suggest
	if _, ok := st.cachedDocHash(); ok || total <= 0 {
		return
	}
	d, _, ok := st.Store.Document(st.Doc)
	if !ok {
		return
	}
	if s.hashing == nil || s.hashingDoc != st.Doc || s.hashingStore != st.Store {
		s.hashing, s.hashed, s.hashingDoc, s.hashingStore = sha256.New(), 0, st.Doc, st.Store
	}
	upto := len(d.Text)
	if done < total {
		upto = int(int64(len(d.Text)) * int64(done) / int64(total))
	}
	if upto <= s.hashed {
		return
	}
	io.WriteString(s.hashing, d.Text[s.hashed:upto]) //nolint:errcheck // a hash.Hash never fails
	s.hashed = upto
	if upto == len(d.Text) {
		s.hash, s.hashDoc, s.hashStore = hex.EncodeToString(s.hashing.Sum(nil)), st.Doc, st.Store
		s.hashing = nil
	}
}

// finishSuggest keeps what the finder found and says how much is shown.
func (st *State) finishSuggest(res suggest.Result) {
	s := &st.suggest
	_, x, _ := st.Store.Document(st.Doc)
	s.work, s.store, s.doc, s.cur, s.curAt = nil, st.Store, st.Doc, "", 0
	s.all = suggestionsOf(res, x.Len())
	s.rev++
	list, _ := st.Suggestions()
	switch {
	case len(list) == 0 && len(s.all) > 0:
		st.info("Suggest found nothing new: every suggestion is already a claim or was rejected.")
	case len(list) == 0:
		st.info("Suggest found no claims in this document.")
	default:
		// Said by the live region, not shown as a notice: the Suggestions
		// group already shows the count and the keys, and the notice,
		// which sits above the workspace, pushed the article and the side
		// list down as it appeared (and up again as it faded), so the
		// browser laid out, painted and rasterised the whole page again
		// for the frame that shows the suggestions. An earlier notice
		// goes, as it did when this one replaced it.
		if st.Message.Kind == "info" {
			st.Message = Message{}
		}
		st.say(fmt.Sprintf("Suggest found %s, shown with dashed lines: a or Enter accepts the current one, x rejects it, n goes to the next.", plural(len(list), "suggestion")))
	}
}

// suggestionsOf are the suggestions of what the finder found in a text of
// n code points, in text order, leaving out any whose claim does not lie
// in the text.
func suggestionsOf(res suggest.Result, n int) []Suggested {
	all := make([]Suggested, 0, len(res.Suggestions))
	for _, sg := range res.Suggestions {
		if !validFragments(sg.Content, n) {
			continue
		}
		v := Suggested{Claim: sg.Content, Direct: sg.Direct, key: fragmentsKey(sg.Content)}
		if validFragments([]text.Span{sg.Cue}, n) {
			v.Cue = sg.Cue
		}
		if validFragments([]text.Span{sg.Source}, n) {
			v.Source = sg.Source
			if sg.Speaker >= 0 && sg.Speaker < len(res.Speakers) {
				v.Speaker = res.Speakers[sg.Speaker].Name
			}
		}
		all = append(all, v)
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].Claim[0].Start < all[j].Claim[0].Start })
	return all
}

// validFragments reports whether spans are non-empty, in order, apart and
// inside a text of n code points.
func validFragments(spans []text.Span, n int) bool {
	if len(spans) == 0 {
		return false
	}
	for i, f := range spans {
		if f.Start < 0 || f.Start >= f.End || f.End > n || i > 0 && spans[i-1].End > f.Start {
			return false
		}
	}
	return true
}

// reject remembers the suggestions as rejected for this document's text.
func (st *State) reject(list []Suggested) {
	h := st.docHash()
	if st.suggest.memory.Rejected == nil {
		st.suggest.memory.Rejected = map[string][]string{}
	}
	for _, s := range list {
		st.suggest.memory.Rejected[h] = append(st.suggest.memory.Rejected[h], s.key)
	}
	st.suggest.dirty = true
	st.suggest.rev++
	if len(list) > 1 {
		st.info(fmt.Sprintf("Rejected %s: they will not be suggested again for this article.", plural(len(list), "suggestion")))
	}
}

// acceptSuggestions turns suggestions into annotations, as one undo step.
func (st *State) acceptSuggestions(name string, list []Suggested) {
	var first string
	err := st.Store.Batch(name, func() error {
		for _, s := range list {
			id, err := st.acceptOne(s)
			if err != nil {
				return err
			}
			if first == "" {
				first = id
			}
		}
		return nil
	})
	if !st.check(err) {
		return
	}
	st.suggest.rev++
	st.selectAnnotation(first)
	if len(list) > 1 {
		st.info(fmt.Sprintf("Accepted %s as claims linked to their cues and speakers (one undo takes them all back).", plural(len(list), "suggestion")))
	}
}

// acceptOne adds a suggestion's claim, cue and speaker mention (reusing
// an annotation of the same span and label) and links them.
func (st *State) acceptOne(s Suggested) (string, error) {
	if c := st.sameAnnotation(annotation.LabelClaim, s.Claim); c != "" {
		return c, nil // accepted already (two suggestions of one claim)
	}
	mention, err := st.acceptMention(s)
	if err != nil {
		return "", err
	}
	cue := ""
	if s.Cue.Len() > 0 {
		if cue = st.sameAnnotation(annotation.LabelCue, []text.Span{s.Cue}); cue == "" {
			if cue, err = st.Store.Add(st.Doc, annotation.LabelCue, []text.Span{s.Cue}); err != nil {
				return "", err
			}
		}
	}
	claim, err := st.Store.Add(st.Doc, annotation.LabelClaim, s.Claim)
	if err != nil {
		return "", err
	}
	if mention != "" {
		if err := st.Store.LinkMention(claim, mention); err != nil {
			return "", err
		}
	}
	if cue != "" {
		if err := st.Store.LinkCue(claim, cue); err != nil {
			return "", err
		}
	}
	return claim, nil
}

// acceptMention returns the suggestion's speaker mention: one the person
// made over the same span as it is, else a new one joined to the speaker
// entity the finder named (an existing entity of that name when there is
// one).
func (st *State) acceptMention(s Suggested) (string, error) {
	if s.Source.Len() == 0 {
		return "", nil
	}
	spans := []text.Span{s.Source}
	if id := st.sameAnnotation(annotation.LabelSpeaker, spans); id != "" {
		return id, nil
	}
	id, err := st.Store.Add(st.Doc, annotation.LabelSpeaker, spans)
	if err != nil || s.Speaker == "" {
		return id, err
	}
	m, _ := st.Store.Annotation(id)
	if sp, ok := st.Store.SpeakerByName(s.Speaker); ok {
		if sp.ID != m.Speaker {
			err = st.Store.SetMentionSpeaker(id, sp.ID)
		}
		return id, err
	}
	if mentions, claims := st.Store.SpeakerUse(m.Speaker); mentions == 1 && claims == 0 {
		return id, st.Store.RenameSpeaker(m.Speaker, s.Speaker) // the entity Add made for it
	}
	_, err = st.Store.NewSpeakerForMention(id, s.Speaker)
	return id, err
}

// sameAnnotation is the id of an annotation of the shown document with
// this label and these fragments, or "".
func (st *State) sameAnnotation(label string, frags []text.Span) string {
	key := fragmentsKey(frags)
	for _, a := range st.Store.Overlapping(st.Doc, frags[0]) {
		if a.Label == label && fragmentsKey(a.Fragments) == key {
			return a.ID
		}
	}
	return ""
}

// saveSuggestMemory writes the suggestion memory beside the autosave.
func (st *State) saveSuggestMemory(kv KV) error {
	if !st.suggest.dirty {
		return nil
	}
	data, err := json.Marshal(st.suggest.memory)
	if err != nil {
		return fmt.Errorf("remember the rejected suggestions: %w", err)
	}
	if err := kv.Set(keySuggest, string(data)); err != nil {
		return fmt.Errorf("remember the rejected suggestions: %w", err)
	}
	st.suggest.dirty = false
	return nil
}

// loadSuggestMemory reads the suggestion memory autosave wrote; a memory
// that cannot be read is forgotten (it holds no work).
func (st *State) loadSuggestMemory(kv KV) {
	data, ok, err := kv.Get(keySuggest)
	if err != nil || !ok {
		return
	}
	var m suggestMemory
	if json.Unmarshal([]byte(data), &m) == nil {
		st.suggest.memory = m
	}
}

// suggestKey maps the suggestion keys: the Suggest key with nothing
// selected (a label may use the same letter for a selection), and, while
// a suggestion is current and no text is selected, a or Enter, x and n.
func suggestKey(st *State, ev KeyEvent, letter string) (Action, bool) {
	if ev.Sel != nil || ev.Shift {
		return nil, false
	}
	if letter == SuggestKey && st.SuggestAllowed() {
		return Suggest{}, true
	}
	if _, cur := st.Suggestions(); cur < 0 {
		return nil, false
	}
	switch {
	case letter == "Enter" && ev.OnButton:
		return nil, false // the button's own press
	case letter == "a", letter == "Enter":
		return AcceptSuggestion{}, true
	case letter == "x":
		return RejectSuggestion{}, true
	case letter == "n":
		return NextSuggestion{Delta: 1}, true
	}
	return nil, false
}

// SuggestionQuote is the text of a suggestion's claim.
func SuggestionQuote(st *State, s Suggested) string {
	_, x, ok := st.Store.Document(st.Doc)
	if !ok {
		return ""
	}
	return annotation.QuoteOf(x, s.Claim)
}

// suggestStyles are the highlight styles of suggestions, after the
// labels' (highlightStyles): the claim, cue and speaker mention of every
// suggestion, and the current suggestion's claim.
const suggestStyles = "sg-claim sg-cue sg-speaker sg-cur"

// suggestStyle is the index of the k-th of suggestStyles.
func suggestStyle(k int) int32 { return int32(fixedStyleCount + MaxLabelStyles + k) }

// SuggestionRanges packs the ranges of the shown suggestions as
// HighlightRanges packs annotations': one id per suggestion ("g0", "g1",
// …) with its claim, cue and speaker mention, and "gcur" for the current
// one's claim drawn once more, outlined.
func SuggestionRanges(st *State) (ids string, packed []int32) {
	list, cur := st.Suggestions()
	return SuggestionRangesIn(st, list, cur, 0, len(list), true)
}

// SuggestionRangesIn packs as SuggestionRanges the ranges of list[from:to]
// (list and cur as Suggestions returns them), with "gcur" when withCur,
// so that the page can draw the suggestions near the view first and the
// rest in idle time.
func SuggestionRangesIn(st *State, list []Suggested, cur, from, to int, withCur bool) (ids string, packed []int32) {
	_, x, ok := st.Store.Document(st.Doc)
	from, to = max(from, 0), min(to, len(list))
	if !ok || from >= to && !(withCur && cur >= 0 && cur < len(list)) {
		return "", nil
	}
	var b strings.Builder
	n := 0
	add := func(style int32, f text.Span) {
		packed = st.packFragment(packed, x, n, style, f)
	}
	for k := from; k < to; k++ {
		s := list[k]
		if n > 0 {
			b.WriteByte(' ')
		}
		b.WriteString("g" + strconv.Itoa(k))
		for _, f := range s.Claim {
			add(suggestStyle(0), f)
		}
		if s.Cue.Len() > 0 {
			add(suggestStyle(1), s.Cue)
		}
		if s.Source.Len() > 0 {
			add(suggestStyle(2), s.Source)
		}
		n++
	}
	if withCur && cur >= 0 && cur < len(list) {
		if n > 0 {
			b.WriteByte(' ')
		}
		b.WriteString("gcur")
		for _, f := range list[cur].Claim {
			add(suggestStyle(3), f)
		}
	}
	return b.String(), packed
}

// SuggestionAt is the index in list (as Suggestions returns it) of the
// first suggestion whose claim starts at or after code point at, len(list)
// when none does.
func SuggestionAt(list []Suggested, at int) int {
	return sort.Search(len(list), func(i int) bool { return list[i].Claim[0].Start >= at })
}

// suggestShortcuts are the keyboard help's suggestion entries.
func suggestShortcuts() [2]Shortcut {
	return [2]Shortcut{
		{Keys: SuggestKey, Does: "suggest claims, cues and speakers (drawn with dashed lines; the current one tinted)"},
		{Keys: "a or Enter / x / n", Does: "accept / reject the current suggestion / go to the next one"},
	}
}

// IsSuggestShortcut reports whether s is one of the suggestion keys, which
// the help leaves out where Suggest is off.
func IsSuggestShortcut(s Shortcut) bool {
	ss := suggestShortcuts()
	return s == ss[0] || s == ss[1]
}

// predictions are the shown suggestions as annotations of the shown
// document, for a format that writes predictions apart (Label Studio):
// each claim linked to its cue and speaker mention, the mentions to
// speaker entities by the finder's names. None when the export does not
// hold the shown document.
func (st *State) predictions(p annotation.Project) annotation.Project {
	list, _ := st.Suggestions()
	if len(list) == 0 || !slices.ContainsFunc(p.Documents, func(d annotation.Document) bool { return d.ID == st.Doc }) {
		return annotation.Project{}
	}
	_, x, _ := st.Store.Document(st.Doc)
	var out annotation.Project
	speakers := map[string]string{} // name → id
	add := func(id, label string, frags []text.Span) *annotation.Annotation {
		out.Annotations = append(out.Annotations, annotation.Annotation{ID: id, Document: st.Doc, Label: label, Fragments: frags, Quote: annotation.QuoteOf(x, frags)})
		return &out.Annotations[len(out.Annotations)-1]
	}
	for k, s := range list {
		id := "p" + strconv.Itoa(k+1)
		var mention, cue, speaker string
		if s.Source.Len() > 0 {
			mention = id + "s"
			if s.Speaker != "" {
				if speakers[s.Speaker] == "" {
					speakers[s.Speaker] = "ps" + strconv.Itoa(len(speakers)+1)
					out.Speakers = append(out.Speakers, annotation.Speaker{ID: speakers[s.Speaker], Name: s.Speaker})
				}
				speaker = speakers[s.Speaker]
			}
			add(mention, annotation.LabelSpeaker, []text.Span{s.Source}).Speaker = speaker
		}
		if s.Cue.Len() > 0 {
			cue = id + "q"
			add(cue, annotation.LabelCue, []text.Span{s.Cue})
		}
		c := add(id, annotation.LabelClaim, s.Claim)
		c.SpeakerMention, c.Cue, c.Speaker = mention, cue, speaker
	}
	return out
}
