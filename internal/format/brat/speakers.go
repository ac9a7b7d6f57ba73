package brat

import (
	"fmt"
	"strings"

	"sayso/internal/annotation"
)

// resolveSpeakers creates the speaker entities once every document is
// read. Mentions are one speaker when they share a key — the name of a
// "Speaker: " note, else a normalization's reference, else their text,
// compared without case and runs of white space — or when an equivalence
// joins them. The speaker is named by the first name note, else the first
// normalization's name, else the first mention's text. Speakers are
// project-wide: the same name in two documents is one speaker.
func (im *importer) resolveSpeakers() {
	anns := im.p.Annotations
	parent := map[int]int{}
	var find func(int) int
	find = func(i int) int {
		if parent[i] != i {
			parent[i] = find(parent[i])
		}
		return parent[i]
	}
	union := func(a, b int) { parent[find(b)] = find(a) }

	byKey := map[string]int{} // key → a mention with it
	var mentions []int
	for i := range anns {
		if anns[i].Label != annotation.LabelSpeaker {
			continue
		}
		mentions = append(mentions, i)
		parent[i] = i
		k := im.mentionKey(i)
		if j, ok := byKey[k]; ok {
			union(j, i)
		} else {
			byKey[k] = i
		}
	}
	for _, e := range im.equiv {
		union(e[0], e[1])
	}
	groups := map[int][]int{}
	for _, i := range mentions {
		groups[find(i)] = append(groups[find(i)], i)
	}
	speakerOf := map[int]string{} // group root → speaker id
	index := map[string]int{}     // annotation id → index
	for _, i := range mentions {
		root := find(i)
		if _, ok := speakerOf[root]; !ok {
			speakerOf[root] = im.newSpeaker(im.groupName(groups[root]))
		}
		anns[i].Speaker = speakerOf[root]
		index[anns[i].ID] = i
	}
	for i := range anns {
		a := &anns[i]
		if a.Label != annotation.LabelClaim {
			continue
		}
		if m, ok := index[a.SpeakerMention]; ok {
			a.Speaker = anns[m].Speaker
			continue
		}
		name := im.names[i]
		if name == "" {
			continue
		}
		k := "name:" + foldName(name)
		if j, ok := byKey[k]; ok {
			a.Speaker = anns[j].Speaker
			continue
		}
		// A speaker named only on claims: remember it for the next claims.
		byKey[k] = i
		a.Speaker = im.newSpeaker(name)
	}
}

func (im *importer) newSpeaker(name string) string {
	id := fmt.Sprintf("s%d", len(im.p.Speakers)+1)
	im.p.Speakers = append(im.p.Speakers, annotation.Speaker{ID: id, Name: name})
	return id
}

// mentionKey is what makes two mentions the same speaker.
func (im *importer) mentionKey(i int) string {
	if name := im.names[i]; name != "" {
		return "name:" + foldName(name)
	}
	if ref := im.refs[i]; ref != "" {
		return "ref:" + ref
	}
	return "name:" + foldName(im.p.Annotations[i].Quote)
}

// groupName names the speaker of a group of mentions, in reading order.
func (im *importer) groupName(group []int) string {
	for _, i := range group {
		if im.names[i] != "" {
			return im.names[i]
		}
	}
	for _, i := range group {
		if im.refTxt[i] != "" {
			return im.refTxt[i]
		}
	}
	name := strings.Join(strings.Fields(im.p.Annotations[group[0]].Quote), " ")
	if r := []rune(name); len(r) > annotation.MaxSpeakerNameLength {
		name = strings.TrimSpace(string(r[:annotation.MaxSpeakerNameLength]))
	}
	return name
}

// foldName folds a name for comparison: case, and runs of white space.
func foldName(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}
