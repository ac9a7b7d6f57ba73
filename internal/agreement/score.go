package agreement

import "sayso/internal/annotation"

// matched is a pair of matched annotations of a key and another annotator,
// with the document identity they share.
type matched struct {
	doc        string
	key, other *annotation.Annotation
}

// Score compares other's annotations of a label with key's, document by
// document, in mode m, and micro-averages over documents. An empty label
// compares every label (still matching only within each label).
func Score(key, other Annotator, label string, m Mode) PRF {
	prf, _ := compare(newView(&key.Project), newView(&other.Project), label, m)
	return prf
}

// compare matches ov against kv for one label ("" for every label) and
// returns the micro-averaged scores and the matched annotation pairs.
func compare(kv, ov *view, label string, m Mode) (PRF, []matched) {
	labels := []string{label}
	if label == "" {
		labels = labelsOf(kv, ov)
	}
	total := NewPRF(0, 0, 0)
	var pairs []matched
	for _, l := range labels {
		for _, doc := range docsOf(kv, ov) {
			g := group{doc, l}
			ks, os := kv.hulls(g), ov.hulls(g)
			ps := Match(ks, os, m)
			total = total.plus(NewPRF(len(ps), len(ks), len(os)))
			for _, p := range ps {
				pairs = append(pairs, matched{doc, kv.groups[g][p.Key], ov.groups[g][p.Other]})
			}
		}
	}
	return total, pairs
}
