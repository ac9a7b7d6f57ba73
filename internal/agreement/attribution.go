package agreement

import "sayso/internal/annotation"

// hasSpeaker reports whether claim c of v says who it comes from.
func (v *view) hasSpeaker(c *annotation.Annotation) bool {
	return v.speakerEntity(c) != "" || c.SpeakerMention != ""
}

// attributed reports whether the other annotator's claim o, matched with
// the key's claim k in document doc, names the key's speaker: the
// normalised entity names are equal (and not empty), or o's linked mention
// shares a code point with a mention of k's speaker (any mention of k's
// entity in doc, or k's own linked mention). See the package doc.
func attributed(kv *view, k *annotation.Annotation, ov *view, o *annotation.Annotation, doc string) bool {
	if name := NormalizeName(kv.speakerName(k)); name != "" && name == NormalizeName(ov.speakerName(o)) {
		return true
	}
	om, ok := ov.byID[o.SpeakerMention]
	if !ok {
		return false
	}
	mention := om.Hull()
	keyMentions := kv.mentionsOf(doc, kv.speakerEntity(k))
	if km, ok := kv.byID[k.SpeakerMention]; ok {
		keyMentions = append(keyMentions, km.Hull())
	}
	for _, km := range keyMentions {
		if mention.Overlaps(km) {
			return true
		}
	}
	return false
}
