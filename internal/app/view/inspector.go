package view

import (
	"fmt"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"sayso/internal/annotation"
	"sayso/internal/app"
	"sayso/internal/wording"
)

// Inspector renders the editor of the selected annotation: its label and
// quote, and for a claim its stance, target, speaker, cue and note; for a
// speaker mention its speaker entity; a delete button. Controls carry
// data-field (changed values) or data-action (buttons).
func Inspector(st *app.State) HTML {
	a, ok := st.Store.Annotation(st.Selected)
	var b Builder
	if !ok {
		b.Markup(`<p class="empty">Click a highlighted span to see and edit it here.</p>`)
		return b.HTML()
	}
	b.Printf(`<div class="insp-head l-%s"><span class="tag">%s</span> <span class="id">%s</span></div>`,
		cssName(a.Label), st.LabelDisplay(a.Label), a.ID)
	b.Printf(`<blockquote class="quote">%s</blockquote>`, a.Quote)
	if note := anchoredNote(a); note != "" {
		b.Printf(`<p class="hint anchored">%s <button type="button" data-action="%s">Looks right</button></p>`, note, ActConfirmAnchor)
	}
	switch a.Label {
	case annotation.LabelClaim:
		claimControls(&b, st, a)
	case annotation.LabelSpeaker:
		mentionControls(&b, st, a)
	case annotation.LabelCue:
		cueControls(&b, st, a)
	}
	b.Printf(`<label class="field">Note<textarea data-field="%s" rows="3" maxlength="10000">%s</textarea></label>`, FieldNote, a.Note)
	b.Printf(`<div class="row"><button type="button" data-action="%s" class="danger">Delete <kbd>Del</kbd></button></div>`, ActDelete)
	return b.HTML()
}

// anchoredNote says how an imported annotation was re-anchored, or "".
func anchoredNote(a *annotation.Annotation) string {
	if a.Anchored == "" {
		return ""
	}
	how := map[string]string{"quote": "by its quote", "context": "by its context", "fuzzy": "by a close match"}[a.Anchored]
	if how == "" {
		how = "by " + a.Anchored
	}
	return fmt.Sprintf("Re-anchored %s after its text changed (an import or an edit; confidence %d%%): check it.", how, a.AnchorConfidence)
}

func claimControls(b *Builder, st *app.State, a *annotation.Annotation) {
	b.Markup(`<fieldset class="stance"><legend>Stance</legend>`)
	for i, v := range st.Schema().Stances {
		cls := "st-" + cssName(v)
		pressed := "false"
		if v == a.Stance {
			cls += " on"
			pressed = "true"
		}
		b.Printf(`<button type="button" data-action="%s" data-value="%s" class="%s" aria-pressed="%s">%s <kbd>%d</kbd></button>`,
			ActStance, v, cls, pressed, v, i+1)
	}
	b.Markup(`</fieldset>`)
	targetControls(b, st, a)

	b.Printf(`<label class="field">Speaker<select data-field="%s"><option value="">— none —</option>`, FieldMention)
	for _, m := range nearest(st, a, annotation.LabelSpeaker, maxChoices, a.SpeakerMention) {
		name := m.Quote
		if sp, ok := st.Store.Speaker(m.Speaker); ok && !sameWords(sp.Name, m.Quote) {
			name = sp.Name + " — “" + m.Quote + "”"
		}
		b.Printf(`<option value="%s"%s>%s</option>`, m.ID, attrIf(m.ID == a.SpeakerMention, " selected"), wording.Clip(name, 70))
	}
	b.Markup(`</select></label>`)
	if a.Speaker != "" && a.SpeakerMention == "" {
		if sp, ok := st.Store.Speaker(a.Speaker); ok {
			b.Printf(`<p class="hint">Attributed to %s.</p>`, sp.Name)
		}
	}
	b.Printf(`<div class="row"><button type="button" data-action="%s">Link nearest speaker <kbd>l</kbd></button></div>`, ActLinkNearest)

	b.Printf(`<label class="field">Cue<select data-field="%s"><option value="">— none —</option>`, FieldCue)
	for _, c := range nearest(st, a, annotation.LabelCue, maxChoices, a.Cue) {
		b.Printf(`<option value="%s"%s>%s</option>`, c.ID, attrIf(c.ID == a.Cue, " selected"), wording.Clip(c.Quote, 70))
	}
	b.Markup(`</select></label>`)
}

func mentionControls(b *Builder, st *app.State, m *annotation.Annotation) {
	name := annotation.CleanSpeakerName(m.Quote)
	if name == "" {
		name = m.Quote
	}
	if m.Speaker == "" {
		undecidedControls(b, st, m, name)
	}
	b.Printf(`<label class="field">Mentions speaker<select data-field="%s">`, FieldMentionSpeaker)
	if m.Speaker == "" {
		b.Markup(`<option value="" selected disabled>— undecided —</option>`)
	}
	for _, sp := range speakerChoices(st, m) {
		b.Printf(`<option value="%s"%s>%s</option>`, sp.ID, attrIf(sp.ID == m.Speaker, " selected"), wording.Clip(sp.Name, 70))
	}
	b.Printf(`<option value="%s">New speaker named “%s”</option></select></label>`, app.NewSpeakerOption, wording.Clip(name, 50))
	if sp, ok := st.Store.Speaker(m.Speaker); ok {
		b.Printf(`<label class="field">Speaker's name<input type="text" data-field="%s" value="%s" maxlength="200"></label>`, FieldSpeakerName, sp.Name)
		mentions, claims := st.Store.SpeakerUse(sp.ID)
		b.Printf(`<p class="hint">%s, %s attributed.</p>`, wording.Count(mentions, "mention"), wording.Count(claims, "claim"))
	}
}

func cueControls(b *Builder, st *app.State, c *annotation.Annotation) {
	var claims []string
	for _, a := range st.Store.Annotations(c.Document) {
		if a.Cue == c.ID {
			claims = append(claims, "“"+wording.Clip(a.Quote, 50)+"”")
		}
	}
	if len(claims) == 0 {
		b.Markup(`<p class="hint">No claim uses this cue yet: select a claim and choose it as its cue.</p>`)
		return
	}
	b.Printf(`<p class="hint">Cue of %s.</p>`, strings.Join(claims, ", "))
}

func normalize(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

// sameWords reports whether normalize(a) == normalize(b) without
// building either: the inspector asks it for each of up to 40 speaker
// mentions at every redraw.
func sameWords(a, b string) bool {
	if asciiSameWords(a, b) {
		return true
	}
	for {
		a, b = strings.TrimLeftFunc(a, unicode.IsSpace), strings.TrimLeftFunc(b, unicode.IsSpace)
		if a == "" || b == "" {
			return a == b
		}
		i := strings.IndexFunc(a, unicode.IsSpace)
		if i < 0 {
			i = len(a)
		}
		j := strings.IndexFunc(b, unicode.IsSpace)
		if j < 0 {
			j = len(b)
		}
		if !sameLower(a[:i], b[:j]) {
			return false
		}
		a, b = a[i:], b[j:]
	}
}

// asciiSameWords is sameWords' quick yes for the common case: the same
// bytes but for ASCII case (a mention quoted as the speaker is named).
// False says nothing.
func asciiSameWords(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if x >= utf8.RuneSelf || y >= utf8.RuneSelf {
			return false
		}
		if x != y && x|0x20 != y|0x20 || x != y && (x|0x20 < 'a' || x|0x20 > 'z') {
			return false
		}
	}
	return true
}

// sameLower reports whether strings.ToLower(a) == strings.ToLower(b).
func sameLower(a, b string) bool {
	for a != "" && b != "" {
		ra, na := utf8.DecodeRuneInString(a)
		rb, nb := utf8.DecodeRuneInString(b)
		if ra != rb && unicode.ToLower(ra) != unicode.ToLower(rb) {
			return false
		}
		a, b = a[na:], b[nb:]
	}
	return a == b
}

// maxChoices is how many speaker mentions and cues the inspector offers
// for a claim: the ones nearest to it (a long document has thousands).
const maxChoices = 40

// nearest returns up to n annotations of doc's label nearest to a (by
// distance between their starts), in reading order, plus the annotation
// keep when it is not among them.
func nearest(st *app.State, a *annotation.Annotation, label string, n int, keep string) []*annotation.Annotation {
	all := st.Store.Annotations(a.Document)
	pos := a.Hull().Start
	i := sort.Search(len(all), func(i int) bool { return all[i].Hull().Start >= pos })
	var out []*annotation.Annotation
	kept := false
	lo, hi := i-1, i
	for len(out) < n && (lo >= 0 || hi < len(all)) {
		var c *annotation.Annotation
		if hi >= len(all) || (lo >= 0 && pos-all[lo].Hull().Start <= all[hi].Hull().Start-pos) {
			c, lo = all[lo], lo-1
		} else {
			c, hi = all[hi], hi+1
		}
		if c.Label == label {
			out = append(out, c)
			kept = kept || c.ID == keep
		}
	}
	if !kept {
		if k, ok := st.Store.Annotation(keep); ok && k.Label == label {
			out = append(out, k)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Hull().Start < out[j].Hull().Start })
	return out
}

// speakerChoices are the speaker entities a mention can be moved to: all
// of them, or when there are more than maxChoices, those mentioned nearest
// to m and m's own, by name.
func speakerChoices(st *app.State, m *annotation.Annotation) []*annotation.Speaker {
	all := st.Store.Speakers()
	if len(all) <= maxChoices {
		return all
	}
	want := map[string]bool{m.Speaker: true}
	for _, near := range nearest(st, m, annotation.LabelSpeaker, 4*maxChoices, "") {
		if len(want) >= maxChoices {
			break
		}
		want[near.Speaker] = true
	}
	var out []*annotation.Speaker
	for _, sp := range all {
		if want[sp.ID] {
			out = append(out, sp)
		}
	}
	return out
}
