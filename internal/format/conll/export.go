package conll

import (
	"fmt"
	"sort"
	"strings"

	"sayso/internal/annotation"
	"sayso/internal/format"
	"sayso/internal/text"
)

// Extension is the suggested ending of an exported file's name.
const Extension = ".conll"

// Result is an export: the file's bytes, the suggested extension and a
// report of what was written and what was not.
type Result struct {
	Data      []byte
	Extension string
	// Report counts the documents and annotations written; its Skipped
	// list names each annotation left out or changed, and what else of
	// the project the format could not hold.
	Report format.Report
}

// Export writes p as CoNLL (see the package documentation).
func Export(p annotation.Project) (Result, error) {
	var rep format.Report
	var b strings.Builder
	b.WriteString("# sayso conll = 1\n# offset_unit = codepoint\n# columns = FORM START END TAG ANNOTATION\n")
	if p.Annotator != "" {
		writeComment(&b, "annotator", p.Annotator, "the annotator's name", &rep)
	}
	byDoc := p.ByDocument()
	var lost lossCount
	for _, d := range p.Documents {
		if strings.ContainsAny(d.Text, "\r") {
			return Result{}, fmt.Errorf("conll: document %s contains carriage returns; its text must be normalised first", d.ID)
		}
		writeDocument(&b, d, byDoc[d.ID], &rep, &lost)
		rep.Documents++
	}
	lost.report(&rep)
	return Result{Data: []byte(b.String()), Extension: Extension, Report: rep}, nil
}

// lossCount counts what the format cannot hold, for one summary line each.
type lossCount struct{ links, attributes, mentions int }

func (l lossCount) report(rep *format.Report) {
	if l.links > 0 {
		rep.Skip("%d links from claims to their speakers and cues were not exported: CoNLL has no relations", l.links)
	}
	if l.attributes > 0 {
		rep.Skip("the stance, target or note of %d annotations was not exported: CoNLL has no attributes", l.attributes)
	}
	if l.mentions > 0 {
		rep.Skip("the speaker entities of %d speaker mentions were not exported: on import each mention gets the speaker the editor proposes", l.mentions)
	}
}

// writeComment writes "# key = value", with line breaks in value turned
// into spaces (and reported: a comment is one line).
func writeComment(b *strings.Builder, key, value, what string, rep *format.Report) {
	if strings.ContainsAny(value, "\n\r") {
		value = strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(value)
		rep.Skip("%s has line breaks, which a CoNLL comment cannot hold: written with spaces instead", what)
	}
	fmt.Fprintf(b, "# %s = %s\n", key, value)
}

// tagged is a fragment of an exported annotation.
type tagged struct {
	span text.Span
	ann  *annotation.Annotation
}

func writeDocument(b *strings.Builder, d annotation.Document, anns []*annotation.Annotation, rep *format.Report, lost *lossCount) {
	x := text.NewIndex(d.Text)
	frags := choose(anns, d.Topic, x, rep, lost)
	cuts := map[int]bool{}
	for _, f := range frags {
		cuts[f.span.Start], cuts[f.span.End] = true, true
	}
	fmt.Fprintf(b, "# newdoc id = %s\n", oneField(d.ID))
	writeComment(b, "title", d.Title, fmt.Sprintf("the title of document %s", d.ID), rep)
	writeComment(b, "topic", d.Topic, fmt.Sprintf("the topic of document %s", d.ID), rep)
	fmt.Fprintf(b, "# doc_length = %d\n", x.Len())

	runes := []rune(d.Text)
	next, prev, n, lineStart := 0, -1, 0, 0 // next fragment to tag, fragment of the token before, block number
	for i := 0; i <= len(runes); i++ {
		if i < len(runes) && runes[i] != '\n' {
			continue
		}
		if i > lineStart {
			n++
			fmt.Fprintf(b, "# sent_id = %s-%d\n# start = %d\n# text = %s\n", oneField(d.ID), n, lineStart, string(runes[lineStart:i]))
			for _, t := range tokenize(runes[lineStart:i], lineStart, cuts) {
				for next < len(frags) && frags[next].span.End <= t.Start {
					next++
				}
				tag, id, cur := "O", "_", -1
				if next < len(frags) && frags[next].span.Start < t.End {
					prefix := "B-"
					if prev == next {
						prefix = "I-" // the fragment goes on, in this line or from the line before
					}
					tag, id, cur = prefix+oneField(frags[next].ann.Label), oneField(frags[next].ann.ID), next
				}
				prev = cur
				fmt.Fprintf(b, "%s\t%d\t%d\t%s\t%s\n", string(runes[t.Start:t.End]), t.Start, t.End, tag, id)
			}
			b.WriteString("\n")
		}
		lineStart = i + 1
	}
}

// oneField makes s usable as a tab-separated field or comment value: white
// space becomes "_".
func oneField(s string) string {
	if s == "" {
		return "_"
	}
	return strings.Join(strings.Fields(s), "_")
}

// rank orders labels for overlaps: claims first, then speakers, then cues,
// then any other label.
func rank(label string) int {
	switch label {
	case annotation.LabelClaim:
		return 0
	case annotation.LabelSpeaker:
		return 1
	case annotation.LabelCue:
		return 2
	}
	return 3
}

// choose picks the annotations to export: in the order of rank, then
// reading order, each one whose fragments overlap none already chosen. It
// returns their fragments sorted by position and reports the others.
func choose(anns []*annotation.Annotation, topic string, x *text.Index, rep *format.Report, lost *lossCount) []tagged {
	order := append([]*annotation.Annotation(nil), anns...)
	sort.SliceStable(order, func(i, j int) bool {
		a, b := order[i], order[j]
		if rank(a.Label) != rank(b.Label) {
			return rank(a.Label) < rank(b.Label)
		}
		ha, hb := a.Hull(), b.Hull()
		if ha.Start != hb.Start {
			return ha.Start < hb.Start
		}
		return ha.End > hb.End
	})
	var kept []tagged // sorted by position, disjoint
	for _, a := range order {
		countLoss(a, topic, lost)
		if blank := whiteOnly(a, x); blank {
			rep.Skip("%s has a fragment of white space only, which CoNLL tokens cannot hold: not exported", describe(a))
			continue
		}
		if o := overlap(kept, a); o != nil {
			rep.Skip("%s overlaps %s, which CoNLL keeps first (claims, then speakers, then cues): not exported", describe(a), describe(o))
			continue
		}
		if trimmed(a, x) {
			rep.Skip("%s starts or ends with white space, which CoNLL tokens leave out: exported without it", describe(a))
		}
		for _, f := range a.Fragments {
			i := sort.Search(len(kept), func(i int) bool { return kept[i].span.Start >= f.Start })
			kept = append(kept, tagged{})
			copy(kept[i+1:], kept[i:])
			kept[i] = tagged{span: f, ann: a}
		}
		rep.Annotations++
	}
	return kept
}

func countLoss(a *annotation.Annotation, topic string, lost *lossCount) {
	if a.SpeakerMention != "" || (a.Speaker != "" && a.Label == annotation.LabelClaim) {
		lost.links++
	}
	if a.Cue != "" {
		lost.links++
	}
	if a.Stance != "" || a.Note != "" || a.Label == annotation.LabelClaim && a.Target != topic {
		lost.attributes++
	}
	if a.Label == annotation.LabelSpeaker {
		lost.mentions++
	}
}

// overlap returns the chosen annotation a overlaps, or nil.
func overlap(kept []tagged, a *annotation.Annotation) *annotation.Annotation {
	for _, f := range a.Fragments {
		i := sort.Search(len(kept), func(i int) bool { return kept[i].span.End > f.Start })
		if i < len(kept) && kept[i].span.Start < f.End {
			return kept[i].ann
		}
	}
	return nil
}

func whiteOnly(a *annotation.Annotation, x *text.Index) bool {
	for _, f := range a.Fragments {
		if x.TrimSpace(f).Len() == 0 {
			return true
		}
	}
	return false
}

func trimmed(a *annotation.Annotation, x *text.Index) bool {
	for _, f := range a.Fragments {
		if x.TrimSpace(f) != f {
			return true
		}
	}
	return false
}

// describe names an annotation for a person: its label, id and quote.
func describe(a *annotation.Annotation) string {
	q := []rune(a.Quote)
	if len(q) > 40 {
		q = append(q[:39], '…')
	}
	return a.Label + " " + a.ID + " “" + string(q) + "”"
}
