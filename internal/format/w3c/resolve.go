package w3c

import (
	"fmt"
	"strings"

	"sayso/internal/annotation"
)

// resolve turns linking bodies into claim links and identifying bodies
// into speaker entities, once every annotation is placed.
func (im *importer) resolve() {
	byIRI := map[string]int{}
	for i, it := range im.items {
		if it.iri == "" {
			continue
		}
		if _, dup := byIRI[it.iri]; dup {
			im.rep.Skip("%s: the id is used twice; links to it go to the first annotation with it", it.iri)
			continue
		}
		byIRI[it.iri] = i
	}
	for i, it := range im.items {
		for _, l := range it.links {
			im.link(i, l, byIRI)
		}
	}
	im.speakers()
}

// link sets one link of the i-th annotation.
func (im *importer) link(i int, to string, byIRI map[string]int) {
	a := &im.p.Annotations[i]
	name := im.items[i].iri
	if name == "" {
		name = "annotation " + a.ID
	}
	j, ok := byIRI[to]
	switch {
	case a.Label != annotation.LabelClaim:
		im.rep.Skip("%s: its link to %s is not kept: only claims link to a speaker and a cue", name, to)
		return
	case !ok:
		im.rep.Skip("%s: its link to %s is not kept: no annotation with that id was imported", name, to)
		return
	}
	b := im.p.Annotations[j]
	var field *string
	switch b.Label {
	case annotation.LabelSpeaker:
		field = &a.SpeakerMention
	case annotation.LabelCue:
		field = &a.Cue
	default:
		im.rep.Skip("%s: its link to %s is not kept: that is a %s, not a speaker or a cue", name, to, b.Label)
		return
	}
	switch {
	case b.Document != a.Document:
		im.rep.Skip("%s: its link to %s is not kept: that annotation is in another document", name, to)
	case *field != "" && *field != b.ID:
		im.rep.Skip("%s: its second %s link, to %s, is not kept", name, b.Label, to)
	default:
		if *field == "" {
			im.rep.Links++
		}
		*field = b.ID
	}
}

// speakers makes one speaker entity per identifying body id, else per
// name, else per mention text (without case and runs of white space);
// a claim takes the speaker of its mention, or of its own identifying
// body.
func (im *importer) speakers() {
	anns := im.p.Annotations
	byKey := map[string]string{} // key → speaker id
	speakerOf := func(key, name string) string {
		if id, ok := byKey[key]; ok {
			return id
		}
		id := fmt.Sprintf("s%d", len(im.p.Speakers)+1)
		im.p.Speakers = append(im.p.Speakers, annotation.Speaker{ID: id, Name: name})
		byKey[key] = id
		return id
	}
	key := func(it item, quote string) (string, string) {
		name := it.speaker
		if name == "" {
			name = strings.Join(strings.Fields(quote), " ")
			if r := []rune(name); len(r) > annotation.MaxSpeakerNameLength {
				name = strings.TrimSpace(string(r[:annotation.MaxSpeakerNameLength]))
			}
		}
		if it.speakerID != "" {
			return "id:" + it.speakerID, name
		}
		return "name:" + strings.ToLower(strings.Join(strings.Fields(name), " ")), name
	}
	byID := map[string]int{}
	for i := range anns {
		if anns[i].Label == annotation.LabelSpeaker {
			anns[i].Speaker = speakerOf(key(im.items[i], anns[i].Quote))
			byID[anns[i].ID] = i
		}
	}
	for i := range anns {
		a := &anns[i]
		if a.Label != annotation.LabelClaim {
			continue
		}
		if m, ok := byID[a.SpeakerMention]; ok {
			a.Speaker = anns[m].Speaker
			continue
		}
		if it := im.items[i]; it.speaker != "" || it.speakerID != "" {
			a.Speaker = speakerOf(key(it, ""))
		}
	}
	for i, it := range im.items {
		if anns[i].Label != annotation.LabelSpeaker && anns[i].Label != annotation.LabelClaim && it.speaker != "" {
			name := it.iri
			if name == "" {
				name = "annotation " + anns[i].ID
			}
			im.rep.Skip("%s: its speaker %q is not kept: only speaker mentions and claims have a speaker", name, it.speaker)
		}
	}
}
