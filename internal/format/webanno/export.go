package webanno

import (
	"fmt"
	"sort"
	"strings"
	"unicode"

	"sayso/internal/annotation"
	"sayso/internal/format"
	"sayso/internal/text"
)

// The suggested endings of an exported file's name: one document is one
// TSV file, several are a zip archive of one TSV file each.
const (
	Extension    = ".webanno.tsv"
	ZipExtension = ".webanno.zip"
)

// The layers and features Sayso writes.
const (
	SpanLayer     = "webanno.custom.Attribution"
	RelationLayer = "webanno.custom.AttributionLink"

	featLabel   = "label"
	featNote    = "note"
	featSpeaker = "speaker"
	featStance  = "stance"
	featTarget  = "target"
	featRole    = "role"

	roleSpeaker   = "speaker"
	roleCue       = "cue"
	roleContinues = "continues"
)

// header is the head of every file Sayso writes.
const header = "#FORMAT=WebAnno TSV 3.3\n" +
	"#T_SP=" + SpanLayer + "|" + featLabel + "|" + featNote + "|" + featSpeaker + "|" + featStance + "|" + featTarget + "\n" +
	"#T_RL=" + RelationLayer + "|" + featRole + "|BT_" + SpanLayer + "\n\n\n"

// Result is an export: the file's bytes, the suggested extension and what
// was written.
type Result struct {
	Data      []byte
	Extension string
	// Report counts the documents, annotations and links written; its
	// Skipped list names the annotations left out or changed and counts
	// what else the format could not hold.
	Report format.Report
}

// lossCount counts what the format cannot hold, for one summary line each.
type lossCount struct{ titles, topics, names, lostLinks int }

func (l lossCount) report(rep *format.Report, p annotation.Project) {
	if l.titles > 0 {
		rep.Skip("%d document titles are kept only as file names: WebAnno TSV has no place for a title", l.titles)
	}
	if l.topics > 0 {
		rep.Skip("%d document topics were not exported (on import a document's topic is its title); claims whose target differs from the topic keep their target", l.topics)
	}
	if l.names > 0 {
		rep.Skip("%d speakers share their name with another speaker: WebAnno TSV holds a speaker only by name, so they come back as one", l.names)
	}
	if l.lostLinks > 0 {
		rep.Skip("%d links to annotations that were not exported were lost", l.lostLinks)
	}
	if len(p.Orphans) > 0 {
		rep.Skip("%d annotations that could not be placed in their text were not exported", len(p.Orphans))
	}
	if len(p.Annotations) > 0 {
		rep.Skip("annotation ids, the annotator, creation and modification times, and label names, colours and keys are not part of WebAnno TSV")
	}
}

// Export writes p as WebAnno TSV 3.3: one file for a project of one
// document, else a zip archive of one file per document.
func Export(p annotation.Project) (Result, error) {
	var rep format.Report
	var lost lossCount
	byDoc := p.ByDocument()
	names := p.SpeakerNames()
	files := make([][]byte, len(p.Documents))
	for i, d := range p.Documents {
		if strings.ContainsRune(d.Text, '\r') {
			return Result{}, fmt.Errorf("webanno: document %s contains carriage returns; its text must be normalised first", d.ID)
		}
		w := docWriter{doc: d, names: names, rep: &rep, lost: &lost}
		files[i] = w.write(byDoc[d.ID])
		rep.Documents++
		if d.Title != "" {
			lost.titles++
		}
		if d.Topic != d.Title {
			lost.topics++
		}
	}
	byName := map[string]int{}
	for _, sp := range p.Speakers {
		byName[sp.Name]++
	}
	for _, n := range byName {
		if n > 1 {
			lost.names += n
		}
	}
	lost.report(&rep, p)
	if len(files) == 1 {
		return Result{Data: files[0], Extension: Extension, Report: rep}, nil
	}
	z, err := zipFiles(p.Documents, files)
	if err != nil {
		return Result{}, fmt.Errorf("webanno: %w", err)
	}
	return Result{Data: z, Extension: ZipExtension, Report: rep}, nil
}

// unit is an exported annotation's part: one fragment, one TSV span.
type unit struct {
	ann      *annotation.Annotation
	frag     int // index of the fragment in ann
	first    int // index of its first token
	last     int // index of its last token
	disambig int // its disambiguation id, 0 if it needs none
}

// link is an exported relation from one unit to another.
type link struct {
	from, to *unit
	role     string
}

type docWriter struct {
	doc   annotation.Document
	names map[string]string
	rep   *format.Report
	lost  *lossCount

	rs    []rune
	x     *text.Index
	toks  []token
	units []*unit
	ids   []string  // the sentence-token id of each token
	onTok [][]*unit // units covering each token, in stacking order
	links [][]link  // links written on each token (their target's first)
}

// write returns the TSV file of one document.
func (w *docWriter) write(anns []*annotation.Annotation) []byte {
	w.rs = []rune(w.doc.Text)
	w.x = text.NewIndex(w.doc.Text)
	kept := w.choose(anns)
	cuts := map[int]bool{}
	for _, a := range kept {
		for _, f := range a.Fragments {
			cuts[f.Start], cuts[f.End] = true, true
		}
	}
	w.toks = tokenize(w.rs, cuts)
	w.place(kept)
	w.linkUnits(kept)

	var b strings.Builder
	b.WriteString(header)
	if len(w.toks) == 0 {
		w.rep.Skip("document %s has no words, so its text could not be exported", w.doc.ID)
		return []byte(b.String())
	}
	if lead := string(w.rs[:w.toks[0].Start]); strings.Trim(lead, " ") != "" {
		w.rep.Skip("the white space before the first word of document %s is written as spaces: WebAnno TSV cannot hold other text before the first sentence", w.doc.ID)
	}
	joined := make([]bool, len(w.toks))
	for _, u := range w.units {
		for t := u.first + 1; t <= u.last; t++ {
			joined[t] = true
		}
	}
	starts := sentenceStarts(w.rs, w.toks, joined)
	w.ids = make([]string, len(w.toks))
	for s, first := range starts {
		for t := first; t < len(w.toks) && (s+1 == len(starts) || t < starts[s+1]); t++ {
			w.ids[t] = fmt.Sprintf("%d-%d", s+1, t-first+1)
		}
	}
	for s, first := range starts {
		end := len(w.toks)
		textEnd := len(w.rs)
		if s+1 < len(starts) {
			end = starts[s+1]
			textEnd = w.toks[end].Start
			if w.rs[textEnd-1] == '\n' {
				textEnd-- // the line break after a #Text line stands for it
			}
		}
		if s > 0 {
			b.WriteString("\n")
		}
		for line := range strings.SplitSeq(string(w.rs[w.toks[first].Start:textEnd]), "\n") {
			b.WriteString("#Text=" + escapeText(line) + "\n")
		}
		for t := first; t < end; t++ {
			w.writeToken(&b, t)
		}
	}
	return []byte(b.String())
}

// choose returns the annotations that can be exported, with their
// fragments trimmed of white space, and reports the others.
func (w *docWriter) choose(anns []*annotation.Annotation) []*annotation.Annotation {
	var kept []*annotation.Annotation
	for _, a := range anns {
		c := *a
		c.Fragments = nil
		trimmed := false
		for _, f := range a.Fragments {
			t := w.x.TrimSpace(f)
			if t.Len() == 0 {
				continue
			}
			trimmed = trimmed || t != f
			c.Fragments = append(c.Fragments, t)
		}
		switch {
		case len(c.Fragments) == 0:
			w.rep.Skip("%s is only white space, which WebAnno TSV tokens cannot hold: not exported", describe(a))
			continue
		case len(c.Fragments) < len(a.Fragments):
			w.rep.Skip("%s has a fragment of white space only, which WebAnno TSV tokens cannot hold: exported without it", describe(a))
		case trimmed:
			w.rep.Skip("%s starts or ends with white space, which WebAnno TSV tokens leave out: exported without it", describe(a))
		}
		kept = append(kept, &c)
		w.rep.Annotations++
	}
	return kept
}

// place makes the units of the annotations, finds their tokens and gives
// a disambiguation id to each unit that covers several tokens or shares
// one with another unit.
func (w *docWriter) place(kept []*annotation.Annotation) {
	w.onTok = make([][]*unit, len(w.toks))
	w.links = make([][]link, len(w.toks))
	tokAt := func(cp int) int { // the first token ending after cp
		return sort.Search(len(w.toks), func(i int) bool { return w.toks[i].End > cp })
	}
	for _, a := range kept {
		for k, f := range a.Fragments {
			u := &unit{ann: a, frag: k, first: tokAt(f.Start), last: tokAt(f.End - 1)}
			w.units = append(w.units, u)
		}
	}
	sort.SliceStable(w.units, func(i, j int) bool {
		a, b := w.units[i], w.units[j]
		if a.first != b.first {
			return a.first < b.first
		}
		return a.last > b.last
	})
	for _, u := range w.units {
		for t := u.first; t <= u.last; t++ {
			w.onTok[t] = append(w.onTok[t], u)
		}
	}
	next := 0
	for _, u := range w.units {
		ambiguous := u.last > u.first
		for t := u.first; t <= u.last && !ambiguous; t++ {
			ambiguous = len(w.onTok[t]) > 1
		}
		if ambiguous {
			next++
			u.disambig = next
		}
	}
}

// linkUnits records the relations: each fragment of a discontinuous
// annotation continues the one before, and a claim's first fragment links
// to the first fragment of its speaker mention and of its cue.
func (w *docWriter) linkUnits(kept []*annotation.Annotation) {
	firsts := map[string]*unit{}
	frags := map[*annotation.Annotation][]*unit{}
	for _, u := range w.units {
		frags[u.ann] = append(frags[u.ann], u)
	}
	for _, a := range kept {
		us := frags[a]
		sort.Slice(us, func(i, j int) bool { return us[i].frag < us[j].frag })
		firsts[a.ID] = us[0]
		for k := 1; k < len(us); k++ {
			w.addLink(link{us[k-1], us[k], roleContinues})
		}
	}
	for _, a := range kept {
		if a.Label != annotation.LabelClaim {
			continue
		}
		if a.SpeakerMention == "" && a.Speaker != "" {
			w.rep.Links++ // the speaker's name, in the claim's speaker feature
		}
		for _, l := range []struct{ id, role string }{{a.SpeakerMention, roleSpeaker}, {a.Cue, roleCue}} {
			if l.id == "" {
				continue
			}
			to, ok := firsts[l.id]
			if !ok {
				w.lost.lostLinks++
				continue
			}
			w.addLink(link{firsts[a.ID], to, l.role})
			w.rep.Links++
		}
	}
}

func (w *docWriter) addLink(l link) {
	w.links[l.to.first] = append(w.links[l.to.first], l)
}

// writeToken writes the line of token t.
func (w *docWriter) writeToken(b *strings.Builder, t int) {
	tok := w.toks[t]
	fmt.Fprintf(b, "%s\t%d-%d\t%s\t", w.ids[t], w.x.UTF16Offset(tok.Start), w.x.UTF16Offset(tok.End), escapeText(string(w.rs[tok.Start:tok.End])))
	units := w.onTok[t]
	for _, feat := range []string{featLabel, featNote, featSpeaker, featStance, featTarget} {
		if len(units) == 0 {
			b.WriteString("_\t")
			continue
		}
		for i, u := range units {
			if i > 0 {
				b.WriteByte('|')
			}
			b.WriteString(w.value(u, feat))
			if u.disambig > 0 {
				fmt.Fprintf(b, "[%d]", u.disambig)
			}
		}
		b.WriteByte('\t')
	}
	links := w.links[t]
	if len(links) == 0 {
		b.WriteString("_\t_\t\n")
		return
	}
	roles := make([]string, len(links))
	refs := make([]string, len(links))
	for i, l := range links {
		roles[i] = escapeValue(l.role)
		refs[i] = w.ids[l.from.first]
		if l.from.disambig > 0 || l.to.disambig > 0 {
			refs[i] += fmt.Sprintf("[%d_%d]", l.from.disambig, l.to.disambig)
		}
	}
	b.WriteString(strings.Join(roles, "|") + "\t" + strings.Join(refs, "|") + "\t\n")
}

// value is the escaped value of a feature of a unit, "*" for none.
func (w *docWriter) value(u *unit, feat string) string {
	a := u.ann
	var v string
	switch feat {
	case featLabel:
		v = a.Label
	case featNote:
		if u.frag == 0 {
			v = a.Note
		}
	case featSpeaker:
		switch {
		case u.frag > 0:
		case a.Label == annotation.LabelSpeaker:
			v = w.names[a.Speaker]
		case a.Label == annotation.LabelClaim && a.SpeakerMention == "":
			v = w.names[a.Speaker]
		}
	case featStance:
		if u.frag == 0 && a.Label == annotation.LabelClaim {
			v = a.Stance
		}
	case featTarget:
		if u.frag == 0 && a.Label == annotation.LabelClaim && a.Target != w.doc.Topic {
			v = a.Target
		}
	}
	if v == "" {
		return "*"
	}
	return escapeValue(v)
}

// describe names an annotation for a person: its label, id and quote.
func describe(a *annotation.Annotation) string {
	q := []rune(a.Quote)
	if len(q) > 40 {
		q = append(q[:39], '…')
	}
	return a.Label + " " + a.ID + " “" + string(q) + "”"
}

// zipFiles archives one file per document, named by its position and title.
func zipFiles(docs []annotation.Document, files [][]byte) ([]byte, error) {
	width := len(fmt.Sprint(len(docs)))
	entries := make([]format.File, len(docs))
	for i, d := range docs {
		entries[i] = format.File{Name: fmt.Sprintf("%0*d-%s.tsv", width, i+1, fileName(d)), Data: files[i]}
	}
	return format.Zip(entries)
}

// maxName is the most characters of a title a file name keeps.
const maxName = 80

// fileName is a document's title (or id) made safe for file systems:
// letters, digits, spaces and - _ . ( ) kept, anything else as '_'.
func fileName(d annotation.Document) string {
	s := strings.TrimSpace(d.Title)
	if s == "" {
		s = d.ID
	}
	rs := []rune(strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune(" -_.()", r) {
			return r
		}
		return '_'
	}, s))
	if len(rs) > maxName {
		rs = rs[:maxName]
	}
	return strings.TrimSpace(string(rs))
}
