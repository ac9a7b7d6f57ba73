package merge_test

import (
	"testing"

	"sayso/internal/annotation"
	"sayso/internal/merge"
	"sayso/internal/text"
)

// FuzzApply annotates a text, edits it, and imports the annotated text into
// a project holding the edited one (with some of the same annotations,
// where they still read the same): whatever the edits and the choice,
// Apply must not fail, the result must load, the inputs must stay as they
// were, and every imported annotation must be placed or listed as
// unplaced (see apply).
func FuzzApply(f *testing.F) {
	f.Add(bridgeText, []byte{0, 10, 1, 20, 9, 0, 60, 29, 4, 53, 3, 1}, []byte{0, 5, 2, 1, 30, 6}, uint8(0))
	f.Add(bridgeText, []byte{2, 5, 0, 17, 4, 1, 22, 3, 2}, []byte{1, 0, 60}, uint8(1))
	f.Add("😀 王文 said \"cafe\u0301 𝄞\" 👩🏽\u200d🔬 and left.", []byte{2, 2, 1, 5, 4, 2, 10, 8, 4}, []byte{0, 0, 7, 2, 12, 3}, uint8(2))
	f.Add(budgetText, []byte{0, 40, 0, 50, 8, 2}, []byte{}, uint8(3))
	f.Add("", []byte{1, 2, 3}, []byte{0, 0, 1}, uint8(0))
	f.Fuzz(func(t *testing.T, body string, anns, edits []byte, choice uint8) {
		imp := annotated(text.Normalize(body), anns)
		cur := edited(imp, edits)
		ch := []merge.Choice{merge.Merge, merge.Merge, merge.Replace, merge.KeepBoth}[choice%4]
		apply(t, cur, imp, map[string]merge.Choice{"d1": ch})
	})
}

// annotated builds a one-document project on body with annotations made
// from spec, three bytes each: start, length, and kind (label, a second
// fragment for claims, which speaker).
func annotated(body string, spec []byte) annotation.Project {
	p := annotation.Project{
		Schema:    annotation.DefaultSchema(),
		Annotator: "fuzz",
		Documents: []annotation.Document{{ID: "d1", Title: "T", Text: body}},
		Speakers:  []annotation.Speaker{{ID: "s1", Name: "Ana"}, {ID: "s2", Name: "Ben"}},
	}
	x := text.NewIndex(body)
	n := x.Len()
	var mention, cue *annotation.Annotation
	for i := 0; i+2 < len(spec) && i < 3*16 && n > 0; i += 3 {
		start := int(spec[i]) % n
		length := 1 + int(spec[i+1])%min(n-start, 40)
		kind := spec[i+2]
		a := annotation.Annotation{ID: "a" + string(rune('a'+i/3)), Document: "d1"}
		a.Fragments = []text.Span{{Start: start, End: start + length}}
		switch kind % 3 {
		case 0:
			a.Label = annotation.LabelClaim
			if kind&4 != 0 && length >= 3 {
				a.Fragments = []text.Span{{Start: start, End: start + length/3}, {Start: start + 2*length/3, End: start + length}}
			}
			if mention != nil {
				a.SpeakerMention, a.Speaker = mention.ID, mention.Speaker
			}
			if cue != nil && kind&8 != 0 {
				a.Cue = cue.ID
			}
			if kind&16 != 0 {
				a.Stance = "favor"
			}
		case 1:
			a.Label = annotation.LabelSpeaker
			a.Speaker = []string{"s1", "s2"}[kind>>7]
		default:
			a.Label = annotation.LabelCue
		}
		a.Quote = annotation.QuoteOf(x, a.Fragments)
		a.Prefix, a.Suffix = x.Context(a.Hull(), annotation.ContextLength)
		p.Annotations = append(p.Annotations, a)
		switch a.Label {
		case annotation.LabelSpeaker:
			mention = &p.Annotations[len(p.Annotations)-1]
		case annotation.LabelCue:
			cue = &p.Annotations[len(p.Annotations)-1]
		}
	}
	return p
}

// inserts are what the edits insert: words, spaces, paragraph breaks,
// characters outside the BMP.
var inserts = []string{" ", "a", "the ", "said ", "\n\n", "é", "😀", "Ana ", ".", "royal "}

// edited returns the open project: imp's document edited by spec (three
// bytes an edit: what, where, how much), with those of imp's annotations
// that still read the same at the same place, and a speaker of the same
// name as one of imp's.
func edited(imp annotation.Project, spec []byte) annotation.Project {
	r := []rune(imp.Documents[0].Text)
	for i := 0; i+2 < len(spec) && i < 3*8; i += 3 {
		at := 0
		if len(r) > 0 {
			at = int(spec[i+1]) % (len(r) + 1)
		}
		switch spec[i] % 3 {
		case 0:
			ins := []rune(inserts[int(spec[i+2])%len(inserts)])
			r = append(r[:at], append(ins, r[at:]...)...)
		case 1:
			end := min(len(r), at+1+int(spec[i+2])%20)
			r = append(r[:at], r[end:]...)
		default:
			if at < len(r) {
				r[at] = []rune("xyzé😀 ")[int(spec[i+2])%6]
			}
		}
	}
	body := string(r)
	x := text.NewIndex(body)
	p := annotation.Project{
		Schema:    annotation.DefaultSchema(),
		Annotator: "owner",
		Documents: []annotation.Document{{ID: "d1", Title: "Edited", Text: body}},
		Speakers:  []annotation.Speaker{{ID: "s1", Name: " ANA "}, {ID: "s2", Name: "Cleo"}},
	}
	kept := map[string]bool{}
	for _, a := range imp.Annotations {
		if h := a.Hull(); h.End <= x.Len() && annotation.QuoteOf(x, a.Fragments) == a.Quote {
			kept[a.ID] = true
		}
	}
	for _, a := range imp.Annotations {
		if !kept[a.ID] {
			continue
		}
		c := a
		c.Fragments = append([]text.Span(nil), a.Fragments...)
		if !kept[c.SpeakerMention] {
			c.SpeakerMention = ""
		}
		if !kept[c.Cue] {
			c.Cue = ""
		}
		c.Stance = ""
		p.Annotations = append(p.Annotations, c)
	}
	return p
}
