package app

import (
	"fmt"
	"sort"
	"strings"

	"sayso/internal/annotation"
	"sayso/internal/text"
	"sayso/internal/wording"
)

// What the page's polite live region says: every change is put in words
// here, in Go, and tested; the browser layer only writes the words into
// the region.

// Announcement is the live region's text. Seq grows with each new
// announcement, so that the same words said twice are read twice.
type Announcement struct {
	Text string
	Seq  int
}

// say makes text the next announcement.
func (st *State) say(text string) {
	st.Announce = Announcement{Text: text, Seq: st.Announce.Seq + 1}
}

// maxQuoteSpoken bounds the quote read out in announcements and list rows.
const maxQuoteSpoken = 200

// maxNameSpoken bounds a speaker's name read out.
const maxNameSpoken = 80

// Describe reads an annotation in full: its label and quote, and for a
// claim its stance and speaker, for a speaker mention the speaker it
// names when that differs from the quote (“Claim “…”, favor, Wang Wen”).
func Describe(st *State, a *annotation.Annotation) string {
	return st.LabelDisplay(a.Label) + " " + st.details(a)
}

// details is an annotation's quote, then what it carries: “…”, favor,
// Wang Wen.
func (st *State) details(a *annotation.Annotation) string {
	parts := []string{"“" + wording.Clip(a.Quote, maxQuoteSpoken) + "”"}
	switch a.Label {
	case annotation.LabelClaim:
		stance := a.Stance
		if stance == "" {
			stance = "no stance"
		}
		parts = append(parts, stance, st.speakerName(a.Speaker, "no speaker"))
	case annotation.LabelSpeaker:
		if name := st.speakerName(a.Speaker, ""); name != "" && normalizeSpaces(name) != normalizeSpaces(a.Quote) {
			parts = append(parts, "mentions "+name)
		}
	}
	if a.Anchored != "" {
		parts = append(parts, "re-anchored on import, check it")
	}
	return strings.Join(parts, ", ")
}

func (st *State) speakerName(id, none string) string {
	if sp, ok := st.Store.Speaker(id); ok {
		return wording.Clip(sp.Name, maxNameSpoken)
	}
	return none
}

func normalizeSpaces(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// insideText says what the caret is inside, the innermost first.
func (st *State) insideText(under []*annotation.Annotation) string {
	parts := make([]string, len(under))
	for i, a := range under {
		parts[i] = Describe(st, a)
	}
	return "In " + strings.Join(parts, "; within ") + "."
}

func spanAt(offset int) text.Span { return text.Span{Start: offset, End: offset + 1} }

func sortInnermostFirst(anns []*annotation.Annotation) {
	sort.SliceStable(anns, func(i, j int) bool { return anns[i].Hull().Len() < anns[j].Hull().Len() })
}

// before is what announcing an action compares with: the state as it was.
type before struct {
	selected string
	label    string // for a Delete: the label of the annotation removed, lower case
	details  string // and its details (quote, stance, speaker)
	revision int
	store    *annotation.Store
	message  Message
	doc      string
	// suggestion is, for a RejectSuggestion, the current suggestion's
	// words (describeSuggestion), "" when there is none.
	suggestion string
}

// remember notes the state before action a; for a Delete, label and
// details are those of the annotation it removes: the selected one, or
// the list row it names (no other action reads them, and an autosave
// should not pay for putting the selection into words).
func (st *State) remember(a Action) before {
	b := before{selected: st.Selected, revision: st.Store.Revision(), store: st.Store, message: st.Message, doc: st.Doc}
	if _, ok := a.(RejectSuggestion); ok {
		if list, cur := st.Suggestions(); cur >= 0 {
			b.suggestion = st.describeSuggestion(list[cur])
		}
		return b
	}
	d, ok := a.(Delete)
	if !ok {
		return b
	}
	subject := st.Selected
	if d.Row != "" {
		subject = d.Row
	}
	if a, ok := st.Store.Annotation(subject); ok {
		b.label, b.details = st.labelName(a.Label), st.details(a)
	}
	return b
}

// announce puts into words what action a changed, comparing with b.
func (st *State) announce(a Action, b before) {
	seq := st.Announce.Seq
	changed := st.Store != b.store || st.Store.Revision() != b.revision
	sel, hasSel := st.Store.Annotation(st.Selected)
	switch a.(type) {
	case Tag:
		if changed && hasSel && st.Selected != b.selected {
			st.say(st.LabelDisplay(sel.Label) + " added: " + st.details(sel) + ".")
		}
	case Delete:
		if changed && b.label != "" {
			st.say("Deleted the " + b.label + " " + b.details + ". Undo with Ctrl+Z.")
		}
	case SetStance, SetStanceIndex, PressStance, LinkNearest, LinkMention, LinkCue, SetTarget, SetNote,
		SetMentionSpeaker, RenameSpeaker, ConfirmAnchor:
		if changed && hasSel {
			st.say(changeName(a, sel) + ": " + Describe(st, sel) + ".")
		}
	case Select, Move, ClickText:
		switch {
		case st.Selected == b.selected:
		case hasSel:
			st.say("Selected " + Describe(st, sel) + ".")
		default:
			st.say("No annotation selected.")
		}
	case Paste, PasteFile, LoadSample:
		if st.Doc != "" && st.Doc != b.doc {
			st.say("Started on “" + Title(st) + "”. Select text in the article, then press c for a claim, s for a speaker, q for a cue.")
		}
	case NextSuggestion, SelectSuggestion:
		st.sayCurrentSuggestion("")
	case AcceptSuggestion:
		if changed && hasSel {
			st.sayCurrentSuggestion("Accepted: " + Describe(st, sel) + ".")
		}
	case RejectSuggestion:
		if b.suggestion != "" {
			st.sayCurrentSuggestion("Rejected: " + b.suggestion + ".")
		}
	case Answer, ToggleSetupMenu, CloseMenus, ToggleExportMenu:
	}
	// Errors are alerts of their own; a notice is said when it is new, or
	// when a command (a key, a button) gave it again: after what was said
	// of the change, unless that said it already (a deletion).
	if st.Message.Kind != "info" || st.Message.Text == "" || (st.Message == b.message && !command(a)) {
		return
	}
	switch {
	case st.Announce.Seq == seq:
		st.say(st.Message.Text)
	case !sameNotice(a):
		st.Announce.Text += " " + st.Message.Text
	}
}

// changeName names what an editing action changed.
func changeName(a Action, sel *annotation.Annotation) string {
	switch a.(type) {
	case SetStance, SetStanceIndex, PressStance:
		if sel.Stance == "" {
			return "Stance cleared"
		}
		return "Stance set"
	case LinkNearest, LinkMention:
		return "Speaker linked"
	case LinkCue:
		return "Cue linked"
	case SetTarget:
		return "Target changed"
	case SetNote:
		return "Note saved"
	case SetMentionSpeaker:
		return "Speaker changed"
	case RenameSpeaker:
		return "Speaker renamed"
	case ConfirmAnchor:
		return "Confirmed"
	}
	return "Changed"
}

// command reports whether a is a command a person gives with a key or a
// button, whose notice is said again when it repeats.
func command(a Action) bool {
	switch a.(type) {
	case Tag, Delete, SetStance, SetStanceIndex, PressStance, LinkNearest, Undo, Redo, Move:
		return true
	}
	return false
}

// sameNotice reports whether what is announced of a already says what its
// notice says.
func sameNotice(a Action) bool {
	_, deleted := a.(Delete)
	return deleted
}

// sayCurrentSuggestion says after, then which suggestion is now current
// and what it is, or that none is left: a person who moves through the
// suggestions by key hears each one.
func (st *State) sayCurrentSuggestion(after string) {
	list, cur := st.Suggestions()
	now := "No suggestions left."
	if cur >= 0 {
		now = fmt.Sprintf("Suggestion %d of %d: %s.", cur+1, len(list), st.describeSuggestion(list[cur]))
	}
	st.say(strings.TrimSpace(after + " " + now))
}

// describeSuggestion reads a suggestion as its list row shows it: a
// suggested quote or claim, its words and the speaker found.
func (st *State) describeSuggestion(s Suggested) string {
	kind := "suggested claim"
	if s.Direct {
		kind = "suggested quote"
	}
	who := s.Speaker
	if who == "" {
		who = "no speaker found"
	}
	return kind + " “" + wording.Clip(SuggestionQuote(st, s), maxQuoteSpoken) + "”, " + wording.Clip(who, maxNameSpoken)
}
