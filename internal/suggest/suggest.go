package suggest

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"sayso/internal/text"
)

// Span is a half-open range of code points.
type Span = text.Span

// Suggestion is one attribution: a claim, its cue and its source.
type Suggestion struct {
	Content []Span // one or more fragments, in text order
	Cue     Span
	Source  Span // empty (Len 0) when no source was found
	Speaker int  // index into Result.Speakers, -1 when no source
	Direct  bool // the content is a quotation between quotation marks
}

// Speaker is one speaker entity: the mentions that name it.
type Speaker struct {
	Name     string
	Mentions []Span
}

// Result is what the suggester found in a document.
type Result struct {
	Suggestions []Suggestion
	Speakers    []Speaker
}

// lexicon holds the word lists, built once per Suggester from the
// space-separated lists of lexicon.go (data, not code: a map literal
// compiles to code that inserts every entry). The plain word lists are one
// map from a word to the classes it belongs to (a bit each), and each token
// of a paragraph carries its word's classes, so that a test of a class is a
// bit test rather than a map look-up.
type lexicon struct {
	class     map[string]wclass
	cues      map[string]cueForm
	prons     map[string]pron
	particles map[string][]string
}

// in reports whether the word w (lower case) is of class c.
//
//go:noinline
func (lx *lexicon) in(w string, c wclass) bool { return lx.class[w]&c != 0 }

// stopCaps are capitalised words that never start or continue a name.
const stopCaps = `on in at but and or so then when after before as if while
	last this that these those it its he she they we i you his her their our
	there here what why how where who which monday tuesday wednesday thursday
	friday saturday sunday january february march april may june july august
	september october november december yesterday today tonight still also
	however meanwhile now even though although because since with without
	for from to by of about over under into during among between against
	not no yes a an one according asked said says told`

func newLexicon() *lexicon {
	irregular := lists(irregularWords)
	class := map[string]wclass{}
	// One list for each class, in the order of the class bits.
	for b, words := range [...]string{auxiliaries, adverbs, titles,
		abbreviations, speakerNouns, determiners, maleNames, femaleNames,
		stopCaps, nounForms, needsParticle, strongWords, clauseStartsWords,
		prepositionsWords, afterCommaWords, documentNounsWords,
		pollNounsWords, claimNounsWords, labelsWords, subordinatorsWords,
		contractedAuxWords, notMannerWords, cueAdverbsWords, noCommentWords,
		notAfterCueWords, reflexivesWords, weekdaysWords,
		beliefAdjectivesWords, beFormsWords, sentenceOpenersWords,
		notCueWords, asideWords} {
		for _, w := range strings.Fields(words) {
			class[w] |= 1 << b
		}
	}
	return &lexicon{class: class, cues: cueForms(irregular), prons: pronouns(), particles: lists(particlesWords)}
}

// Suggester finds suggestions one paragraph at a time.
//
// Nothing is done for the whole text at once: New only allocates, and each
// Step decodes the text up to the paragraph after the one it works on (the
// finder looks one paragraph ahead), so every Step costs about the length of
// its paragraph, the first one included.
type Suggester struct {
	lx    *lexicon
	words words    // the tokens' texts met so far
	bufs  paraBufs // the working paragraph's slices
	r     []rune   // the text's code points, decoded up to scan
	x     *text.Index
	paras []Span // the paragraphs found so far
	next  int
	res   Result
	ents  entities

	// Where the scan for paragraphs is: code point and byte offset of the
	// next code point to decode, the start of the line being scanned and
	// whether it is blank so far.
	scan, scanByte, lineStart int
	lineBlank                 bool

	lastDirect     int // index of the last direct suggestion, -1 if none
	lastDirectPara int
	lastAny        int // index of the last suggestion of lastAnyPara, -1 if none
	lastAnyPara    int
	openQuote      bool   // the previous paragraph left a quote open
	directOpen     bool   // the previous paragraph ended with the last direct quote
	carry          []Span // a quote paragraph waiting for the next paragraph's cue
	// The cue and source of a paragraph ending "Cruz continued:", for the
	// quote opening the next paragraph; empty otherwise.
	colonCue, colonSrc Span
}

// Lexicon is the suggester's word lists, parsed from their text. Building
// it is the largest fixed cost of a run; a caller that suggests many times
// builds it once ([NewLexicon]) and hands it to [NewIndexed]. It is never
// changed once built, so Suggesters may share it.
type Lexicon struct{ lx *lexicon }

// NewLexicon builds the word lists.
func NewLexicon() *Lexicon { return &Lexicon{lx: newLexicon()} }

// New returns a Suggester for doc.
func New(doc string) *Suggester { return NewIndexed(text.NewIndex(doc), nil) }

// NewIndexed returns a Suggester for the text of x, for a caller that has
// the text's index already, with the word lists of lx (nil: built on the
// first Step).
func NewIndexed(x *text.Index, lx *Lexicon) *Suggester {
	s := &Suggester{r: make([]rune, x.Len()), x: x, lineBlank: true, lastDirect: -1, lastDirectPara: -10, lastAny: -1, lastAnyPara: -10}
	if lx != nil {
		s.lx = lx.lx
	}
	return s
}

// Suggest returns the suggestions for the whole of doc.
func Suggest(doc string) Result {
	s := New(doc)
	for s.Step() {
	}
	return s.Result()
}

// scanned reports whether the whole text has been decoded.
func (s *Suggester) scanned() bool { return s.scan >= len(s.r) }

// scanLine decodes the text up to the end of the next line and records
// the line as a paragraph unless it is blank (as text.Index.Paragraphs).
func (s *Suggester) scanLine() {
	doc := s.x.Text()
	for s.scan < len(s.r) {
		c, w := utf8.DecodeRuneInString(doc[s.scanByte:])
		s.r[s.scan] = c
		s.scan++
		s.scanByte += w
		switch {
		case c == '\n':
			if !s.lineBlank {
				s.paras = append(s.paras, Span{Start: s.lineStart, End: s.scan - 1})
			}
			s.lineStart, s.lineBlank = s.scan, true
			return
		case s.lineBlank && !unicode.IsSpace(c):
			s.lineBlank = false
		}
	}
	if !s.lineBlank {
		s.paras = append(s.paras, Span{Start: s.lineStart, End: s.scan})
		s.lineBlank = true
	}
}

// findParas scans until paragraph i is known or the text ends.
func (s *Suggester) findParas(i int) {
	for len(s.paras) <= i && !s.scanned() {
		s.scanLine()
	}
}

// Step works on the next paragraph; it reports whether any remain.
func (s *Suggester) Step() bool {
	if s.lx == nil {
		s.lx = newLexicon()
	}
	s.words.lx = s.lx
	s.findParas(s.next + 1) // the finder looks one paragraph ahead
	if s.next >= len(s.paras) {
		return false
	}
	s.paragraph(s.next)
	s.next++
	s.findParas(s.next + 1)
	return s.next < len(s.paras)
}

// Work steps until at least chars more code points of the text are done
// (one paragraph at least) or the text ends; it reports whether any work
// remains. A caller that runs Work in slices between other work gets the
// same Result as Suggest: the steps are the same, only where the caller
// pauses differs.
func (s *Suggester) Work(chars int) bool {
	from, _ := s.Progress()
	for s.Step() {
		if done, _ := s.Progress(); done-from >= chars {
			return true
		}
	}
	return false
}

// Progress returns how many code points of the text are done and how many
// there are.
func (s *Suggester) Progress() (done, total int) {
	switch {
	case s.next < len(s.paras):
		done = s.paras[s.next].Start
	case s.scanned():
		done = len(s.r)
	case s.next > 0:
		done = s.paras[s.next-1].End
	}
	return done, len(s.r)
}

// Result returns the suggestions found so far, in text order.
func (s *Suggester) Result() Result {
	res := Result{Suggestions: append([]Suggestion(nil), s.res.Suggestions...), Speakers: s.ents.speakers()}
	sort.SliceStable(res.Suggestions, func(i, j int) bool {
		return res.Suggestions[i].Content[0].Start < res.Suggestions[j].Content[0].Start
	})
	return res
}

// para is the working state of one paragraph.
type para struct {
	s       *Suggester
	idx     int
	toks    []tok
	quotes  []quote
	inQuote []int // quote index+1 of each token, 0 outside quotes
	sents   []sentence
	sentOf  []int
	used    []bool // tokens already used as a cue
	added   []int  // suggestions added in this paragraph
	carry   []Span // the previous paragraph's quote, a first fragment of this one's
}

// paraBufs are the per-token slices of a paragraph, kept from one
// paragraph to the next so that the finder allocates them only as the
// longest paragraph grows them.
type paraBufs struct {
	toks []tok
	used []bool
	ints []int // inQuote and sentOf, one after the other
}

// newPara tokenizes paragraph pi and finds its quotes and sentences; nil
// when it holds no token. Its slices are bufs', which it keeps grown (nil:
// new ones, for a paragraph looked at while another is worked on).
func (s *Suggester) newPara(pi int, bufs *paraBufs) *para {
	if bufs == nil {
		bufs = &paraBufs{}
	}
	ps := s.paras[pi]
	toks := s.words.tokenize(bufs.toks[:0], s.r, ps.Start, ps.End)
	bufs.toks = toks
	if len(toks) == 0 {
		return nil
	}
	n := len(toks)
	if cap(bufs.used) < n {
		bufs.used, bufs.ints = make([]bool, n), make([]int, 2*n)
	}
	used, ints := bufs.used[:n], bufs.ints[:2*n]
	clear(used)
	clear(ints)
	p := &para{s: s, idx: pi, toks: toks, used: used, inQuote: ints[:n:n], sentOf: ints[n:]}
	p.quotes = findQuotes(toks)
	for qi, q := range p.quotes {
		for i := q.a; i <= q.b; i++ {
			p.inQuote[i] = qi + 1
		}
	}
	p.sents = s.lx.sentences(toks)
	for si, se := range p.sents {
		for i := se.a; i < se.b; i++ {
			p.sentOf[i] = si
		}
	}
	return p
}

func (s *Suggester) paragraph(pi int) {
	p := s.newPara(pi, &s.bufs)
	if p == nil {
		return
	}
	p.carry, s.carry = s.carry, nil
	continues := s.openQuote && len(p.quotes) > 0 && p.quotes[0].a == 0
	p.direct(continues)
	s.colonCue, s.colonSrc = Span{}, Span{}
	if cue, src, ok := p.colonIntro(); ok {
		s.colonCue, s.colonSrc = cue, src
	}
	p.headline()
	for si := range p.sents {
		p.indirect(si)
	}
	p.dropNested()
	s.openQuote = len(p.quotes) > 0 && p.quotes[len(p.quotes)-1].open
	// The next paragraph's quote continues the last direct quote only if
	// nothing else was said after it in this paragraph.
	s.directOpen = false
	if s.lastDirect >= 0 && s.lastDirectPara == pi {
		sg := s.res.Suggestions[s.lastDirect]
		lastSent := p.sents[len(p.sents)-1]
		from := p.toks[lastSent.a].s
		s.directOpen = sg.Content[len(sg.Content)-1].End > from || sg.Cue.Start >= from
	}
	for _, si := range p.added {
		if s.lastAnyPara != pi || s.res.Suggestions[si].Cue.Start > s.res.Suggestions[s.lastAny].Cue.Start {
			s.lastAny, s.lastAnyPara = si, pi
		}
	}
	// Speakers are resolved in text order within the paragraph.
	sort.SliceStable(p.added, func(i, j int) bool {
		return s.res.Suggestions[p.added[i]].Cue.Start < s.res.Suggestions[p.added[j]].Cue.Start
	})
	for _, si := range p.added {
		sg := &s.res.Suggestions[si]
		if sg.Source.Len() > 0 && sg.Speaker < 0 {
			sg.Speaker = s.ents.resolve(s.lx, s.r, sg.Source, sg.Cue.Start)
		}
	}
}

// span returns the snapped span of tokens [a, b].
//
//go:noinline
func (p *para) span(a, b int) Span {
	return p.s.snap(Span{Start: p.toks[a].s, End: p.toks[b].e})
}

func (p *para) add(sg Suggestion) int {
	for i := range sg.Content {
		sg.Content[i] = p.s.snap(sg.Content[i])
	}
	p.contracted(&sg)
	p.infinitive(&sg)
	sg.Speaker = -1
	p.s.res.Suggestions = append(p.s.res.Suggestions, sg)
	i := len(p.s.res.Suggestions) - 1
	p.added = append(p.added, i)
	return i
}

// contracted starts a cue at the auxiliary contracted onto the pronoun
// right before it, "He[’s predicting]", "who[’ve said]", and ends the
// source at the pronoun: PolNeAR marks the "’s" with the cue.
func (p *para) contracted(sg *Suggestion) {
	i := sort.Search(len(p.toks), func(i int) bool { return p.toks[i].s >= sg.Cue.Start })
	if i == 0 || i == len(p.toks) || p.toks[i].s != sg.Cue.Start || p.toks[i-1].e+1 != sg.Cue.Start {
		return
	}
	at, ok := p.contraction(i - 1)
	if !ok {
		return
	}
	sg.Cue.Start = at
	if sg.Source.End == p.toks[i-1].e && sg.Source.Start < at {
		sg.Source.End = at
	}
}

// infinitive starts a cue at the "to" of its infinitive: "went on [to
// say]", as PolNeAR marks it.
func (p *para) infinitive(sg *Suggestion) {
	i := sort.Search(len(p.toks), func(i int) bool { return p.toks[i].s >= sg.Cue.Start })
	if i == 0 || i == len(p.toks) || p.toks[i].s != sg.Cue.Start || !p.is(i-1, "to") || p.toks[i].k != word {
		return
	}
	if sg.Source.Len() > 0 && sg.Source.End == p.toks[i-1].e {
		// "Democrats are slightly more likely [to] say": the source took the
		// verb phrase; it ends before its first auxiliary, where the cue starts.
		for m := i - 2; m > 0 && p.toks[m].s > sg.Source.Start; m-- {
			if p.toks[m-1].s >= sg.Source.Start && p.word(m) && (p.toks[m].c&wAux != 0) && p.toks[m-1].c&wAux == 0 {
				sg.Source.End, sg.Cue.Start = p.toks[m-1].e, p.toks[m].s
				return
			}
		}
		return
	}
	if sg.Source.Len() > 0 && sg.Source.End > p.toks[i-1].s && sg.Source.Start < sg.Cue.Start {
		return
	}
	sg.Cue.Start = p.toks[i-1].s
}

// contraction returns where the contracted auxiliary of token j starts
// when j is a pronoun with one: "he’s", "they're", "who’ve".
func (p *para) contraction(j int) (int, bool) {
	if !p.word(j) {
		return 0, false
	}
	t := p.toks[j]
	r := p.s.r[t.s:t.e]
	for k := len(r) - 2; k > 0; k-- {
		if r[k] != '’' && r[k] != '\'' {
			continue
		}
		base, aux := strings.ToLower(string(r[:k])), strings.ToLower(string(r[k+1:]))
		if _, pr := p.s.lx.prons[base]; (pr || base == "that") && p.s.lx.in(aux, wContractedAux) {
			return t.s + k, true
		}
		break
	}
	return 0, false
}

// word reports whether token i exists and is a word.
//
// The small helpers called from many rules (word, is, span, in, sentStart
// …) are marked go:noinline: inlined, every call site copies their code
// and its inlining tables into the page's WebAssembly, where the finder
// is downloaded with the app (about 12 kB brotli for these helpers, for
// no measurable change in speed: the time goes to decoding and indexing
// the text, not to these calls).
//
//go:noinline
func (p *para) word(i int) bool { return i >= 0 && i < len(p.toks) && p.toks[i].k == word }

// is reports whether token i exists and its lower-case text is l.
//
//go:noinline
func (p *para) is(i int, l string) bool {
	return i >= 0 && i < len(p.toks) && p.toks[i].l == l
}

// cueAt reports whether token i starts a cue: its form, and the last token.
func (p *para) cueAt(i int) (cueForm, int, bool) {
	t := p.toks[i]
	if t.k != word {
		return cueForm{}, 0, false
	}
	if t.l == "according" && p.is(i+1, "to") {
		return cueForm{lemma: "according to", class: speech}, i + 1, true
	}
	if t.l == "pointed" || t.l == "points" || t.l == "pointing" {
		if p.is(i+1, "out") || p.is(i+1, "to") {
			return cueForm{lemma: "point", class: speech, ing: t.l == "pointing"}, i + 1, true
		}
	}
	if t.l == "made" || t.l == "make" || t.l == "makes" || t.l == "making" {
		// "made it clear that", "made clear"
		if p.is(i+1, "clear") {
			return cueForm{lemma: "make clear", class: speech, past: t.l == "made", ing: t.l == "making"}, i + 1, true
		}
		if p.is(i+1, "it") && p.is(i+2, "clear") {
			return cueForm{lemma: "make clear", class: speech, past: t.l == "made", ing: t.l == "making"}, i + 2, true
		}
	}
	if (t.l == "put" || t.l == "puts") && p.is(i+1, "it") && (p.is(i+2, ",") || p.is(i+2, ":") || p.is(i+2, ".") || i+2 >= len(p.toks) || p.toks[i+2].k == qopen) {
		// "as one aide put it, …"
		return cueForm{lemma: "put it", class: speech, past: t.l == "put"}, i + 1, true
	}
	if (t.l == "took" || t.l == "take" || t.l == "takes" || t.l == "taking") && p.is(i+1, "issue") && p.is(i+2, "with") {
		return cueForm{lemma: "take issue", class: speech, past: t.l == "took", ing: t.l == "taking"}, i + 2, true
	}
	if (t.c&wBeliefAdjective != 0) && i > 0 && p.word(i-1) && (p.toks[i-1].c&wBeForm != 0) && (p.is(i+1, "that") || p.is(i+1, "to") || p.is(i+1, "about") || p.is(i+1, "of")) {
		// "is confident that", "was eager to": a state of mind.
		end := i
		if p.is(i+1, "about") || p.is(i+1, "of") {
			end = i + 1
		}
		return cueForm{lemma: t.l, class: belief, past: true}, end, true
	}
	cf, ok := p.s.lx.cues[t.l]
	if !ok || (t.c&wNounForm != 0) && !p.verbAfterAll(i) || (t.c&wNotCue != 0) {
		return cf, 0, false
	}
	if cf.lemma == "find" && i+1 < len(p.toks) && (p.toks[i+1].c&wReflexive != 0) {
		return cf, 0, false // "found himself at the centre": not a finding
	}
	if cf.lemma == "appear" && !cf.ing && !(p.is(i+1, "to") || p.is(i+1, "that") || p.is(i+1, "as") || p.is(i+1, "likely") || p.is(i+1, "poised") || p.is(i+1, "ready") || p.is(i+1, "determined")) {
		return cf, 0, false // "appeared on MSNBC": showing up, not seeming
	}
	if t.l == "back" || t.l == "seem" || t.l == "appear" || t.l == "think" && (p.is(i+1, "tank") || p.is(i+1, "tanks")) {
		return cf, 0, false
	}
	if strings.HasPrefix(t.l, "respond") && p.is(i+1, "to") && (i+2 < len(p.toks) && (p.toks[i+2].c&wNoComment != 0) || p.is(i+2, "a") && i+3 < len(p.toks) && (p.toks[i+3].c&wNoComment != 0)) {
		// "did not respond to requests for comment": the news formula,
		// which PolNeAR leaves unmarked.
		return cf, 0, false
	}
	if t.l == "called" && (p.is(i-1, "so") || p.is(i-1, "-") || p.indefiniteNoun(i-1)) && i+1 < len(p.toks) && (p.toks[i+1].cap || p.toks[i+1].k == qopen) {
		return cf, 0, false // "a group called Citizens for Trump", "so-called"
	}
	if i > 0 && p.word(i-1) && (p.possessive(i-1) || hasSuffix(p.toks[i-1].l, "’s") || hasSuffix(p.toks[i-1].l, "'s")) && t.l == cf.lemma {
		return cf, 0, false // "Editor’s note", "his say": a noun after a possessive
	}
	end := i
	if p.is(i+1, "in") && p.is(i+2, "a") && p.is(i+3, "statement") {
		end = i + 3
	}
	for _, w := range p.s.lx.particles[cf.lemma] {
		if p.is(i+1, w) {
			end = i + 1
		}
	}
	if cf.lemma == "decline" && !(p.is(i+1, "to") && p.word(i+2) && !isDigitWord(p.toks[i+2].l)) {
		return cf, 0, false // "fees declined to $281 million", "support declined in every state"
	}
	if cf.lemma == "suppose" && p.is(i+1, "to") {
		return cf, 0, false // "is supposed to": what ought to be, not a belief
	}
	if cf.lemma == "add" && p.is(i+1, "to") {
		return cf, 0, false // "add to the pressure"
	}
	if cf.lemma == "continue" && i+1 < len(p.toks) && p.word(i+1) {
		return cf, 0, false // "continued to …", "continues campaigning"
	}
	if end == i && p.s.lx.in(cf.lemma, wNeedsParticle) {
		return cf, 0, false
	}
	if p.word(end+1) && (p.toks[end+1].c&wCueAdverb != 0) && p.toks[end+1].c&wNotAfterCue == 0 {
		end++ // "said repeatedly", "wrote recently"
	}
	if p.word(end+1) && (p.toks[end+1].c&wWeekday != 0) {
		end++ // "said Tuesday"
		if p.is(end+1, "night") || p.is(end+1, "morning") || p.is(end+1, "afternoon") || p.is(end+1, "evening") {
			end++ // "said Tuesday night"
		}
	}
	if end == i && p.is(i+1, ":") {
		end = i + 1 // the colon belongs to the cue: said: “…”
	}
	return cf, end, true
}

// verbAfterAll reports whether a form that is more often a noun ("plans",
// "states") is a verb here: after a subject pronoun or an auxiliary, or
// before "that" or "to".
func (p *para) verbAfterAll(i int) bool {
	if (p.is(i+1, "that") || p.is(i+1, "to") && p.s.lx.cues[p.toks[i].l].class&belief != 0) && !(p.word(i-1) && ((p.toks[i-1].c&wDet != 0) || isDigitWord(p.toks[i-1].l))) {
		return true // not "the 35 states that …"
	}
	if i == 0 || !p.word(i-1) {
		return false
	}
	switch l := p.toks[i-1].l; l {
	case "he", "she", "it", "they", "we", "i", "you", "who":
		return true
	default:
		return p.s.lx.in(l, wAux) && l != "not" && l != "be" && l != "been" && l != "being"
	}
}

// auxLeft returns the first token of the auxiliaries standing right before
// token i (i itself when there are none).
func (p *para) auxLeft(i, lo int) int {
	j := i
	for j-1 >= lo && p.word(j-1) && ((p.toks[j-1].c&wAux != 0) || (p.toks[j-1].c&wCueAdverb != 0) || p.mannerAdverb(j-1)) {
		j--
	}
	return j
}

// mannerAdverb reports whether token k is a lower-case adverb in "-ly"
// ("quickly accused", "fiercely opposed"), which PolNeAR marks with the cue.
func (p *para) mannerAdverb(k int) bool {
	t := p.toks[k]
	return !t.cap && hasSuffix(t.l, "ly") && len(t.l) > 4 && t.c&wNotManner == 0
}

// skipAdverbs returns the last token before i that is not an adverb.
func (p *para) skipAdverbs(i, lo int) int {
	j := i - 1
	for j >= lo && p.word(j) && (p.toks[j].c&wAdv != 0) {
		j--
	}
	if j >= lo && p.is(j, ",") {
		// "Trump, however, said": skip a comma-bounded adverb.
		k := j - 1
		if k >= lo && p.word(k) && p.toks[k].c&(wAdv|wAside) != 0 && p.is(k-1, ",") {
			return k - 2
		}
	}
	return j
}

// dropNested removes the indirect suggestions of this paragraph whose cue
// lies inside the content of another of its suggestions: PolNeAR marks the
// outer attribution of "Most voters say they want a change" and not the
// belief inside what was said.
func (p *para) dropNested() {
	s := p.s
	first := len(s.res.Suggestions)
	for _, si := range p.added {
		first = min(first, si)
	}
	if first == len(s.res.Suggestions) {
		return
	}
	// The paragraph's suggestions by where their content starts, with the
	// furthest content end so far, so that each cue is checked only against
	// the contents that can hold it.
	outs := append([]int(nil), p.added...)
	sort.Slice(outs, func(i, j int) bool {
		return s.res.Suggestions[outs[i]].Content[0].Start < s.res.Suggestions[outs[j]].Content[0].Start
	})
	reach := make([]int, len(outs))
	for k, oi := range outs {
		c := s.res.Suggestions[oi].Content
		reach[k] = c[len(c)-1].End
		if k > 0 {
			reach[k] = max(reach[k], reach[k-1])
		}
	}
	gone := map[int]bool{}
	for _, si := range p.added {
		in := s.res.Suggestions[si]
		if in.Direct || p.plainSaid(in.Cue) {
			continue
		}
		k := sort.Search(len(outs), func(k int) bool { return s.res.Suggestions[outs[k]].Content[0].Start > in.Cue.Start }) - 1
		for ; k >= 0 && reach[k] >= in.Cue.End; k-- {
			oi := outs[k]
			out := s.res.Suggestions[oi]
			if oi == si || gone[oi] {
				continue
			}
			if inside(in.Cue, out.Content) && !inside(out.Cue, in.Content) {
				gone[si] = true
				break
			}
		}
	}
	if len(gone) == 0 {
		return
	}
	kept := s.res.Suggestions[:first]
	newIdx := map[int]int{}
	for i := first; i < len(s.res.Suggestions); i++ {
		if gone[i] {
			continue
		}
		newIdx[i] = len(kept)
		kept = append(kept, s.res.Suggestions[i])
	}
	s.res.Suggestions = kept
	var added []int
	for _, si := range p.added {
		if n, ok := newIdx[si]; ok {
			added = append(added, n)
		}
	}
	p.added = added
	if n, ok := newIdx[s.lastDirect]; ok {
		s.lastDirect = n
	}
}

// plainSaid reports whether cue is a bare "said" or "says", or "say" after
// "who" ("critics who say …"): PolNeAR marks the speech reported inside
// what someone said ("Smith said Jones said …") more often than not,
// unlike a nested belief or intention.
func (p *para) plainSaid(cue Span) bool {
	w := strings.ToLower(string(p.s.r[cue.Start:cue.End]))
	return w == "said" || w == "says" || w == "say" && cue.Start >= 4 && strings.ToLower(string(p.s.r[cue.Start-4:cue.Start])) == "who "
}

// inside reports whether sp lies within one of the fragments of c.
//
//go:noinline
func inside(sp Span, c []Span) bool {
	for _, f := range c {
		if sp.Start >= f.Start && sp.End <= f.End {
			return true
		}
	}
	return false
}

// indefiniteNoun reports whether token j ends a short noun phrase opened by
// "a" or "an": "a new group".
func (p *para) indefiniteNoun(j int) bool {
	for k := j; k >= 0 && k > j-4 && p.word(k); k-- {
		if p.is(k, "a") || p.is(k, "an") {
			return k < j
		}
	}
	return false
}
