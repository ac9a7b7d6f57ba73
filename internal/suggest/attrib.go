package suggest

import (
	"strings"
	"unicode"
)

// quoteWords counts the words inside quote q.
//
//go:noinline
func (p *para) quoteWords(q quote) int {
	n := 0
	for i := q.a; i <= q.b; i++ {
		if p.toks[i].k == word {
			n++
		}
	}
	return n
}

// sentEnd returns the end (exclusive) of the sentence holding token i.
//
//go:noinline
func (p *para) sentEnd(i int) int { return p.sents[p.sentOf[i]].b }

// sentStart returns the start of the sentence holding token i.
//
//go:noinline
func (p *para) sentStart(i int) int { return p.sents[p.sentOf[i]].a }

// direct attributes the paragraph's quotations.
func (p *para) direct(continues bool) {
	s := p.s
	var pending []Span // whole quotes waiting for the cue after the next one
	for qi, q := range p.quotes {
		if p.quoteWords(q) < 3 && !p.is(q.a-1, ":") && !p.shortQuote(q) {
			pending = nil
			continue
		}
		// A quote inside a sentence, not introduced by a comma or colon, is
		// a fragment of whatever the sentence says.
		if q.a > p.sentStart(q.a) && !p.is(q.a-1, ",") && !p.is(q.a-1, ":") {
			if _, _, ok := p.cueAt(q.a - 1); !ok || q.b+1 < p.sentEnd(q.b) && p.word(q.b+1) {
				continue // "saying “on her worst day” she would win"
			}
		}
		content := p.span(q.a, q.b)
		// A paragraph that opens with a quote after one that ends with
		// "Cruz continued:" is what that paragraph introduced.
		if qi == 0 && q.a == 0 && s.colonCue.Len() > 0 {
			s.lastDirect = p.add(Suggestion{Content: []Span{content}, Cue: s.colonCue, Source: s.colonSrc, Direct: true})
			s.lastDirectPara = p.idx
			continue
		}
		// After the quote: "…," X said / said X.
		if cue, src, ok := p.after(q); ok && !p.introducesNext(q, cue, src) && !p.saysMore(q, cue, src) {
			if lo := p.sentStart(q.a); q.a > lo+1 && p.is(q.a-1, ",") && !p.hasCue(lo, q.a-1) {
				// "Sooner or later, “I think …,” he said": the lead-in is
				// part of what was said.
				content = p.span(lo, q.b)
			}
			p.used[cue.a] = true
			for i := cue.a; i <= cue.b; i++ {
				p.used[i] = true
			}
			if qi == 0 && q.a == 0 && p.carry != nil {
				pending = append(p.carry, pending...)
			}
			s.lastDirect = p.add(Suggestion{Content: append(pending, content), Cue: p.span(cue.a, cue.b), Source: p.span(src.a, src.b), Direct: true})
			pending = nil
			s.lastDirectPara = p.idx
			continue
		}
		pending = nil
		// A whole sentence in quotes, right before another quote that has
		// its own "…," X said, is a first fragment of that one.
		if q.a == p.sentStart(q.a) && qi+1 < len(p.quotes) && p.quotes[qi+1].a == q.b+1 {
			if _, _, ok := p.after(p.quotes[qi+1]); ok {
				pending = []Span{content}
				continue
			}
		}
		// Before the quote: X said: "…" / X said, "…".
		if cue, src, ok := p.before(q); ok {
			if s.lastDirect >= 0 && p.used[cue.a] && s.lastDirectPara == p.idx {
				p.appendTo(s.lastDirect, content)
				continue
			}
			for i := cue.a; i <= cue.b; i++ {
				p.used[i] = true
			}
			sg := Suggestion{Content: []Span{content}, Cue: p.span(cue.a, cue.b), Source: p.span(src.a, src.b), Direct: true}
			if lead, ok := p.leadBetweenCommas(q, cue, src); ok {
				// "The streets were deserted, he added, “but people …”":
				// the words before the speaker are part of what was said.
				sg.Content = []Span{p.span(lead.a, lead.b), content}
			}
			s.lastDirect = p.add(sg)
			s.lastDirectPara = p.idx
			continue
		}
		// A long quote introduced by a clause ending in a comma or colon is
		// what that clause reports, even when its cue or speaker is unusual.
		if cue, src, ok := p.introduced(q); ok {
			for i := cue.a; i <= cue.b; i++ {
				p.used[i] = true
			}
			sg := Suggestion{Content: []Span{content}, Cue: p.span(cue.a, cue.b), Direct: true}
			if src.b >= src.a {
				sg.Source = p.span(src.a, src.b)
			}
			s.lastDirect = p.add(sg)
			s.lastDirectPara = p.idx
			continue
		}
		// A paragraph that is one whole quote, before a paragraph opening
		// with a quote that has its own "…," X said, is that quote's first
		// fragment.
		if len(p.quotes) == 1 && q.a == 0 && q.b == len(p.toks)-1 && !q.open && p.nextQuoteAttributed() {
			s.carry = []Span{content}
			continue
		}
		// A quote of its own sentence continues the last speaker's quote.
		if s.lastDirect >= 0 && (s.lastDirectPara == p.idx || s.lastDirectPara == p.idx-1 && s.directOpen || (continues && qi == 0)) && q.a == p.sentStart(q.a) {
			p.appendTo(s.lastDirect, content)
			s.lastDirectPara = p.idx
			continue
		}
		// A quote of its own, right after a paragraph that reported
		// someone's words, is theirs: a new content with the same cue and
		// source.
		if s.lastAny >= 0 && s.lastAnyPara == p.idx-1 && p.personSource(s.res.Suggestions[s.lastAny].Source) && (q.a == 0 || p.is(q.a-1, ":") && q.a-1 == 0) && p.quoteWords(q) >= 4 {
			prev := s.res.Suggestions[s.lastAny]
			s.lastDirect = p.add(Suggestion{Content: []Span{content}, Cue: prev.Cue, Source: prev.Source, Direct: true})
			s.lastDirectPara = p.idx
		}
	}
}

//go:noinline
func (p *para) appendTo(si int, sp Span) {
	sg := &p.s.res.Suggestions[si]
	sg.Content = append(sg.Content, p.s.snap(sp))
}

type tokRange struct{ a, b int }

// after finds the cue and source right after quote q.
func (p *para) after(q quote) (cue, src tokRange, ok bool) {
	k := q.b + 1
	if p.is(k, ",") {
		k++
	}
	hi := p.sentEnd(min(k, len(p.toks)-1))
	if k >= len(p.toks) {
		return cue, src, false
	}
	if k < len(p.toks) && p.sentOf[k] != p.sentOf[q.b] && !p.toks[k].cap {
		hi = len(p.toks)
	}
	// said X
	if cf, end, isCue := p.cueAt(k); isCue && cf.class&speech != 0 && !cf.ing {
		if last, found := p.npRight(end+1, hi); found {
			last = p.parenthesis(last, hi)
			// "…,” said Brad Komar, Clinton's state director.": after a
			// name that follows its cue, what runs from the comma to the
			// sentence's end describes the speaker.
			if ap := p.appositiveOf(last, hi, true); ap > last && (ap+1 >= hi || p.toks[ap+1].k == punct && isTerminal(p.toks[ap+1].l)) {
				last = ap
			} else {
				last = p.appositive(last, hi)
			}
			return tokRange{k, end}, tokRange{end + 1, last}, true
		}
	}
	// super PAC spokeswoman Kellyanne Conway said: lower-case words before
	// a name that npRight does not take.
	for j := k + 1; j < hi && j <= k+8 && p.word(j); j++ {
		cf, end, isCue := p.cueAt(j)
		if !isCue {
			continue
		}
		if cf.class&speech == 0 || cf.ing {
			break
		}
		a := p.auxLeft(j, k)
		e := p.skipAdverbs(a, k)
		if first, found := p.npLeft(e, k); found && first > k && first-k <= 3 && !p.nameWord(k) {
			return tokRange{a, end}, tokRange{k, e}, true
		}
		break
	}
	// X said
	if last, found := p.npRight(k, hi); found {
		if ap := p.appositiveOf(last, hi, true); ap > last && p.is(ap+1, ",") {
			last = ap + 1
		}
		j := last + 1
		for j < hi && p.word(j) && ((p.toks[j].c&wAdv != 0) || (p.toks[j].c&wAux != 0)) {
			j++
		}
		if j < hi {
			if cf, end, isCue := p.cueAt(j); isCue && cf.class&speech != 0 && !cf.ing {
				return tokRange{p.auxLeft(j, last+1), end}, tokRange{k, last}, true
			}
			if j == last+1 && p.quoteComma(q) && p.pastVerb(j) && p.endsClause(j+1, hi) {
				return tokRange{j, j}, tokRange{k, last}, true
			}
		}
	}
	// “…,” beamed X: a verb outside the lexicon between a quote closed
	// on a comma and a name.
	if p.quoteComma(q) && k == q.b+1 && p.pastVerb(k) {
		if last, found := p.npRight(k+1, hi); found && p.nameWord(k+1) && p.endsClause(last+1, hi) {
			return tokRange{k, k}, tokRange{k + 1, last}, true
		}
	}
	return cue, src, false
}

// quoteComma reports whether quote q closes on a comma, an exclamation or
// a question mark inside its marks ("“We lost,” …"), as a quote closes
// before its speaker's name.
func (p *para) quoteComma(q quote) bool {
	if q.open || q.b < 1 || p.toks[q.b].k != qclose || p.toks[q.b-1].k != punct {
		return false
	}
	l := p.toks[q.b-1].l
	return l == "," || l == "!" || l == "?"
}

// pastVerb reports whether token k is a lower-case word that reads as a
// verb in the past ("barked", "beamed"): it ends in "ed" and is not a
// noun, an auxiliary or an adverb.
func (p *para) pastVerb(k int) bool {
	if k >= len(p.toks) || !p.word(k) {
		return false
	}
	t := p.toks[k]
	return !t.cap && len(t.l) > 4 && hasSuffix(t.l, "ed") && t.c&(wNoun|wAux|wAdv|wStop) == 0
}

// introducesNext reports whether the cue and source found after quote q
// rather introduce the quote that follows them: q closes its own sentence
// and they end in a comma or colon right before the next opening mark
// ("“… found.” He added, “In this case …”").
func (p *para) introducesNext(q quote, cue, src tokRange) bool {
	if q.open || q.b < 1 || p.toks[q.b-1].k != punct || !isTerminal(p.toks[q.b-1].l) {
		return false
	}
	last := max(cue.b, src.b)
	return (p.is(last+1, ",") || p.is(last+1, ":")) && last+2 < len(p.toks) && p.toks[last+2].k == qopen
}

// leadBetweenCommas finds the words that open quote q's sentence when
// its source and cue stand between commas after them and right before q
// ("It is time, he said, “…”"): a lead-in without a cue or quotation of
// its own.
func (p *para) leadBetweenCommas(q quote, cue, src tokRange) (tokRange, bool) {
	lo := p.sentStart(q.a)
	if src.a > cue.a || src.a < lo+2 || !p.is(src.a-1, ",") || !p.is(q.a-1, ",") || cue.b < q.a-4 {
		return tokRange{}, false
	}
	for i := lo; i < src.a-1; i++ {
		if p.inQuote[i] != 0 || p.toks[i].k == qopen || p.toks[i].k == qclose {
			return tokRange{}, false
		}
	}
	if p.hasCue(lo, src.a-1) {
		return tokRange{}, false
	}
	if f := q.a + 1; f > q.b || p.toks[f].k != word || p.toks[f].cap && p.toks[f].l != "i" {
		return tokRange{}, false
	}
	return tokRange{lo, src.a - 2}, true
}

// colonIntro finds, in a paragraph without quotes that ends in a colon
// after a short clause ("Cruz continued:"), the cue and source that
// introduce the quote opening the next paragraph, and marks the cue used.
func (p *para) colonIntro() (cue, src Span, ok bool) {
	n := len(p.toks)
	if len(p.quotes) > 0 || !p.is(n-1, ":") {
		return cue, src, false
	}
	lo := p.sentStart(n - 1)
	if n-lo > 16 {
		return cue, src, false
	}
	c, sr, found := p.beforeAt(n, lo, 4)
	if !found || sr.b < sr.a {
		return cue, src, false
	}
	for i := c.a; i <= c.b; i++ {
		p.used[i] = true
	}
	return p.span(c.a, c.b), p.span(sr.a, sr.b), true
}

// saysMore reports whether the cue and source found after quote q start
// a sentence of their own that goes on to say something else: q closes
// its sentence with a full stop, and after them come more than a few
// words, or "that" or another cue ("“… wheelhouse.” He said, twice, that
// …").
func (p *para) saysMore(q quote, cue, src tokRange) bool {
	if q.open || q.b < 1 || q.b+1 >= len(p.toks) || !p.is(q.b-1, ".") || !p.toks[q.b+1].cap {
		return false
	}
	k := max(cue.b, src.b) + 1
	hi := p.sentEnd(min(k, len(p.toks)-1))
	if k >= len(p.toks) || p.sentOf[k] != p.sentOf[max(cue.b, src.b)] {
		return false
	}
	if hi-k > 6 {
		return true
	}
	for i := k; i < hi; i++ {
		if p.toks[i].l == "that" || p.toks[i].k == qopen {
			return true
		}
		if _, _, ok := p.cueAt(i); ok {
			return true
		}
	}
	return false
}

// parenthesis extends a name ending at token j over a short parenthesis
// right after it ("Rep. Jim Clyburn (D-S.C.)"); it returns the new last
// token.
func (p *para) parenthesis(j, hi int) int {
	if !p.is(j+1, "(") {
		return j
	}
	for k := j + 2; k < hi && k <= j+8; k++ {
		if p.is(k, ")") {
			return k
		}
	}
	return j
}

// before finds the cue and source of the clause introducing quote q.
func (p *para) before(q quote) (cue, src tokRange, ok bool) {
	return p.beforeAt(q.a, p.sentStart(q.a), p.quoteWords(q))
}

// beforeAt finds the cue and source of the clause from token lo that
// introduces a quote of n words opening at token qa (len(p.toks): in the
// next paragraph).
func (p *para) beforeAt(qa, lo, n int) (cue, src tokRange, ok bool) {
	q := quote{a: qa}
	if q.a == lo || !(p.is(q.a-1, ",") || p.is(q.a-1, ":") || p.word(q.a-1)) {
		return cue, src, false
	}
	for i := q.a - 1; i >= lo && i >= q.a-14; i-- {
		if p.inQuote[i] != 0 {
			break
		}
		cf, end, isCue := p.cueAt(i)
		if !isCue || cf.class&speech == 0 {
			continue
		}
		if p.leadIn(cf, end, q.a) {
			// "Bolton said that whatever voters choose, “they …”": the
			// quote ends an indirect content that starts after the cue.
			return cue, src, false
		}
		if cf.lemma == "according to" {
			if last, found := p.npRight(end+1, q.a); found {
				return tokRange{i, end}, tokRange{end + 1, last}, true
			}
			continue
		}
		a := p.auxLeft(i, lo)
		j := p.skipAdverbs(a, lo)
		if first, found := p.npLeft(j, lo); found {
			return tokRange{a, end}, tokRange{first, j}, true
		}
		if first, found := p.leftAppositive(j, lo); found && !cf.ing {
			return tokRange{a, end}, tokRange{first, j}, true
		}
		if cf.ing && p.is(i-1, ",") {
			if sg, found := p.sentenceSource(lo, i); found {
				return tokRange{i, end}, sg, true
			}
		}
		if last, found := p.npRight(end+1, q.a); found && p.is(i-1, ",") {
			return tokRange{a, end}, tokRange{end + 1, last}, true
		}
	}
	if p.is(q.a-1, ":") && !p.used[q.a-1] && n >= 4 && q.a-2 > lo {
		// "Kasich resisted: “…”": a verb outside the lexicon before the colon.
		if v := p.toks[q.a-2]; v.k == word && !v.cap && (hasSuffix(v.l, "ed") || hasSuffix(v.l, "s")) && v.c&wNoun == 0 {
			a := p.auxLeft(q.a-2, lo)
			j := p.skipAdverbs(a, lo)
			if first, found := p.npLeft(j, lo); found && first == lo {
				return tokRange{a, q.a - 1}, tokRange{first, j}, true
			}
		}
	}
	if p.is(q.a-1, ":") && !p.used[q.a-1] && !p.byline(q.a-2, lo) {
		if first, found := p.npLeft(q.a-2, lo); found && !p.plainWord(q.a-2) {
			return tokRange{q.a - 1, q.a - 1}, tokRange{first, q.a - 2}, true
		}
	}
	return cue, src, false
}

// sentenceSource finds the subject at the start of the sentence [lo, hi).
func (p *para) sentenceSource(lo, hi int) (tokRange, bool) {
	k := lo
	for k < hi && p.toks[k].k != word {
		k++
	}
	if last, ok := p.npRight(k, hi); ok {
		return tokRange{k, last}, true
	}
	return tokRange{}, false
}

// headline handles "Trump: …" at the start of a paragraph.
func (p *para) headline() {
	last, ok := p.npRight(0, len(p.toks))
	if !ok || !p.is(last+1, ":") || last > 5 || last+2 >= len(p.toks) || p.used[last+1] {
		return
	}
	if len(p.sents) > 2 && !p.shouted(0, last) {
		return // a transcript's "TAPPER: …" may run on
	}
	if (p.toks[0].c&wDet != 0) && p.toks[last+2].k != qopen || (p.toks[0].c&wLabel != 0) || (p.toks[last].c&wLabel != 0) || p.nameList(last+2) || !p.word(last+2) && p.toks[last+2].k != qopen || isDigitWord(p.toks[last+2].l) {
		// "The Latest: …", "UPDATE: …", "Sanders: 1,501": a kicker, a
		// label or a figure, not someone speaking.
		return
	}
	end := len(p.toks) - 1
	for end > last+2 && p.toks[end].k == punct && p.toks[end].l == "." {
		end--
	}
	p.used[last+1] = true
	p.add(Suggestion{Content: []Span{p.span(last+2, end)}, Cue: p.span(last+1, last+1), Source: p.span(0, last), Direct: p.toks[last+2].k == qopen})
}

// indirect finds reported speech, beliefs and intentions in sentence si.
func (p *para) indirect(si int) {
	se := p.sents[si]
	p.inSource(se)
	p.inPoll(se)
	p.possessorNoun(se)
	var lastSrc *tokRange
	for i := se.a; i < se.b; i++ {
		if p.used[i] || p.inQuote[i] != 0 {
			continue
		}
		cf, end, ok := p.cueAt(i)
		if !ok {
			continue
		}
		if cf.lemma == "ask" && cf.past && (i == se.a || i == se.a+1 && p.is(se.a, "when")) {
			p.askedClause(i, end, se)
			continue
		}
		a := p.auxLeft(i, se.a)
		if p.raised(cf, a, i, se) {
			continue
		}
		var src tokRange
		found, inverted, forward := false, false, false
		if cf.lemma == "according to" {
			if last, ok := p.npRight(end+1, se.b); ok {
				if c, ok := p.chunkRight(end+1, se.b); ok && (p.is(last+1, "who") || !p.endsClause(last+1, se.b)) {
					last = c // "a city official who was not allowed to speak", "a poll released Monday by …"
				}
				src, found, inverted = tokRange{end + 1, last}, true, true
			} else if last, ok := p.chunkRight(end+1, se.b); ok {
				src, found, inverted = tokRange{end + 1, last}, true, true
			}
		} else {
			j := p.skipAdverbs(a, se.a)
			if first, ok := p.npLeft(j, se.a); ok && !(cf.ing && p.is(i-1, ",")) {
				if p.acceptLeft(cf, a, i, first, j) {
					src, found = tokRange{first, j}, true
				}
			}
			if !found && !cf.ing {
				if first, ok := p.leftAppositive(j, se.a); ok {
					src, found = tokRange{first, j}, true
				}
			}
			if !found && cf.class&speech != 0 && !cf.ing && cf.class&belief == 0 && (p.is(i-1, ",") || (i > 0 && p.toks[i-1].k == qclose)) {
				if last, ok := p.npRight(end+1, se.b); ok && (p.is(last+1, ",") || p.endsClause(last+1, se.b) && !(p.word(last+1) && (p.toks[last+1].c&wAux != 0))) {
					src, found, inverted = tokRange{end + 1, p.appositive(last, se.b)}, true, true
				}
			}
			if !found && cf.lemma == "say" && !cf.ing {
				if sg, ok := p.share(a, se.a); ok {
					// "42% say", "about two-thirds, 67 percent, say": what
					// they say follows.
					src, found, forward = sg, true, true
				}
			}
			if !found && p.s.lx.in(cf.lemma, wStrong) && !cf.ing && !p.is(j, ",") {
				if first, ok := p.chunkLeft(j, se.a); ok {
					src, found = tokRange{first, j}, true
				}
			}
			if !found && cf.class&speech != 0 && (p.is(a-1, "and") || p.is(a-1, "but")) && !cf.ing {
				if sg, ok := p.sentenceSource(se.a, a-1); ok {
					src, found = sg, true
				}
			}
			if !found && cf.ing && (p.commaBefore(i) || p.is(i-1, "before") || p.is(i-1, "after") || p.is(i-1, "by") || p.coordinated(i)) && cf.class&speech != 0 {
				if lastSrc != nil {
					src, found = *lastSrc, true
				} else if sg, ok := p.earlierSource(se.a, i); ok {
					src, found = sg, true
				} else if sg, ok := p.sentenceSource(se.a, i); ok {
					src, found = sg, true
				}
			}
		}
		sourceless := false
		if !found {
			if !p.finiteSpeech(cf, a, i) {
				continue
			}
			sourceless = true
		}
		// The content: before a trailing ", X said." or after the cue.
		var content []Span
		lead := a
		if src.a < lead {
			lead = src.a
		}
		if p.is(lead-1, "as") && p.is(lead-2, ",") && !inverted {
			lead-- // "The plan, as one aide put it, is dead": an aside
		}
		tail := end
		if inverted {
			tail = src.b
		}
		if lead-1 > se.a && p.is(lead-1, ",") && !cf.ing && !forward && p.endsClause(tail+1, se.b) && !p.used[se.a] && !p.used[se.a+1] {
			content = append(content, p.span(se.a, p.trimEnd(se.a, lead-2)))
			if p.is(tail+1, ",") && tail+2 < se.b {
				if e := p.contentEnd(tail+2, se.b); e >= tail+2 {
					content = append(content, p.span(tail+2, e))
				}
			}
		} else if lead-2 > se.a && p.toks[lead-1].k == qclose && p.is(lead-2, ",") && !cf.ing && p.endsClause(tail+1, se.b) {
			// A sentence ending in a quoted fragment: … may be "strategic," said X.
			content = append(content, p.span(se.a, lead-1))
			if p.is(tail+1, ",") && tail+2 < se.b {
				if e := p.contentEnd(tail+2, se.b); e >= tail+2 {
					content = append(content, p.span(tail+2, e))
				}
			}
		} else if opens := lead == se.a || lead == se.a+1 && (p.is(se.a, "but") || p.is(se.a, "and") || p.is(se.a, "(")) || p.is(lead-1, ":") || p.is(lead-1, ";") || p.dash(lead-1); opens && cf.lemma == "according to" && p.chunkToComma(&src, &tail, end) {
			if e := p.contentEnd(tail+2, se.b); e >= tail+2 {
				content = append(content, p.span(tail+2, e))
			}
		} else if !inverted || cf.lemma != "according to" {
			k := end + 1
			if inverted {
				k = tail + 1
			}
			if cf.class&object != 0 {
				k = p.skipObject(k, se.b)
			}
			if p.is(k, ",") || p.is(k, ":") {
				k++
			}
			if k < se.b && p.toks[k].k == qopen && p.inQuote[k] != 0 {
				// Direct speech the quote pass did not take.
			}
			if k < se.b && p.is(k-1, ",") && p.word(k) && hasSuffix(p.toks[k].l, "ing") {
				continue // "…, he said, clutching the lectern"
			}
			hi := se.b
			if c := p.subordinateEnd(se, i); c >= k {
				hi = c // "While Clinton has condemned the plan, the groups say …"
			}
			if e := p.contentEnd(k, hi); e >= k && k < len(p.toks) {
				if _, pron := p.contraction(i - 1); cf.ing && a == i && found && src.b == i-1 && !pron {
					e = p.relativeEnd(k, e)
				}
				content = append(content, p.span(k, e))
			}
		}
		if len(content) > 0 {
			if c, ok := p.quoteTaken(content[0]); ok {
				content = []Span{c} // the quotation already found, not a longer copy
			}
		}
		if len(content) == 0 || content[0].Len() == 0 || !p.hasWord(content[0]) {
			continue
		}
		for t := a; t <= end; t++ {
			p.used[t] = true
		}
		if sourceless {
			p.add(Suggestion{Content: content, Cue: p.span(a, end)})
			continue
		}
		p.add(Suggestion{Content: content, Cue: p.span(a, end), Source: p.span(src.a, src.b)})
		s := src
		lastSrc = &s
	}
}

// acceptLeft decides whether a cue with a source on its left is a cue and
// not a noun or another use of the word.
func (p *para) acceptLeft(cf cueForm, a, i, first, last int) bool {
	t := p.toks[i]
	if t.l == cf.lemma && a == i {
		// A bare base form ("plan", "report") needs a plural or first or
		// second person subject.
		h := p.toks[last]
		switch h.l {
		case "i", "we", "they", "you", "who":
			return true
		}
		return hasSuffix(h.l, "s") && !h.cap || (h.c&wNoun != 0) && hasSuffix(h.l, "s")
	}
	if cf.ing && a == i {
		// "a group backing Bush", "a poll showing …": a reduced relative
		// clause of belief or intention after a noun; not after a pronoun
		// or a preposition's object.
		h := p.toks[last]
		if _, pr := p.s.lx.prons[h.l]; pr || first > 0 && p.word(first-1) && (p.toks[first-1].c&wPreposition != 0) && p.toks[first-1].l != "with" {
			return false
		}
		return true
	}
	return true
}

// skipObject skips the person told or asked: "told reporters", "told him".
func (p *para) skipObject(k, hi int) int {
	if k >= hi || p.toks[k].k != word {
		return k
	}
	switch p.toks[k].l {
	case "me", "him", "her", "them", "us", "you", "reporters", "journalists", "supporters", "voters", "viewers", "listeners", "the":
		if p.toks[k].l != "the" {
			return k + 1
		}
	}
	if last, ok := p.npRight(k, hi); ok {
		return last + 1
	}
	return k
}

// trimEnd drops closing punctuation (not quotation marks) from the end of
// tokens [a, e].
func (p *para) trimEnd(a, e int) int {
	for e > a && p.toks[e].k == punct && (p.toks[e].l == "," || p.toks[e].l == "." || p.toks[e].l == ";" || p.toks[e].l == ":" || p.toks[e].l == "—" || p.toks[e].l == "–") {
		if p.toks[e].l == "." && p.word(e-1) && p.toks[e-1].e == p.toks[e].s && (p.toks[e-1].c&wAbbr != 0) {
			break // the full stop of "U.S." belongs to the word
		}
		e--
	}
	return e
}

// contentEnd returns the last token of a content starting at k in a
// sentence ending before hi: it stops before ", adding …", ", X said" and
// ", according to", and runs to a quote's end.
func (p *para) contentEnd(k, hi int) int {
	e := hi - 1
	for i := k + 1; i < hi; i++ {
		// cut is the content's last token if it stops at a comma here; a
		// quote closing after its own comma counts as the comma: “…,” said.
		comma, cut := p.is(i, ",") && p.inQuote[i] == 0, i-1
		if !comma && p.toks[i].k == qclose && p.is(i-1, ",") && p.inQuote[i] != 0 && p.quotes[p.inQuote[i]-1].b == i {
			comma, cut = true, i
		}
		if p.inQuote[i] != 0 && !comma {
			continue
		}
		if p.is(i, ";") || comma && i+1 < hi && p.word(i+1) && (p.toks[i+1].c&wAfterComma != 0) || p.dash(i) {
			e = cut
			break
		}
		if (p.is(i, "and") || p.is(i, "but")) && p.inQuote[i] == 0 && p.coordinatedCue(i+1, hi) {
			// "She praised the plan and said it would pass": the second
			// verb of the same subject starts an attribution of its own.
			e = i - 1
			break
		}
		if !comma || i+1 >= hi {
			continue
		}
		if cf, _, ok := p.cueAt(i + 1); ok && (cf.ing || cf.lemma == "according to" || cf.class&speech != 0 && !cf.ing) {
			e = cut
			break
		}
		if last, ok := p.npRight(i+1, hi); ok && last+1 < hi {
			j := last + 1
			for j < hi && p.word(j) && (p.toks[j].c&wAux != 0) {
				j++
			}
			if cf, _, ok := p.cueAt(j); ok && cf.class&speech != 0 && !cf.ing && (j+1 >= hi || p.is(j+1, ",") || p.is(j+1, ".")) {
				e = cut
				break
			}
		}
	}
	if q := p.inQuote[e]; q != 0 && p.quotes[q-1].b > e {
		e = p.quotes[q-1].b
	}
	return p.trimEnd(k, e)
}

// chunkLeft takes the words before a strong cue back to the clause's start
// as its source: "At least half of the voters in each state say".
func (p *para) chunkLeft(j, lo int) (int, bool) {
	if j < lo || !p.word(j) || (p.toks[j].c&wAux != 0) || (p.toks[j].c&wAdv != 0) || (p.toks[j].c&wClauseStart != 0) {
		return 0, false
	}
	k := j
	for k-1 >= lo && k > j-8 && p.inQuote[k-1] == 0 && p.toks[k-1].k == word && p.toks[k-1].c&wClauseStart == 0 {
		if _, _, c := p.cueAt(k - 1); c {
			return 0, false
		}
		k--
	}
	if k-1 >= lo && k == j-7 {
		return 0, false // too long to be a subject
	}
	for k < j && (p.toks[k].c&wStop != 0) && p.toks[k].l != "according" {
		k++
	}
	return k, true
}

// chunkRight takes the words after "according to" up to a comma or the
// sentence's end as the source.
func (p *para) chunkRight(i, hi int) (int, bool) {
	k := i
	for k < hi && k < i+30 && !p.is(k, ",") && !(p.toks[k].k == punct && isTerminal(p.toks[k].l) && !p.initial(k)) {
		if p.inQuote[k] != 0 && p.toks[k].k == qopen {
			break
		}
		k++
	}
	if k == i {
		return 0, false
	}
	return k - 1, true
}

// chunkToComma makes the source of a clause-opening "according to" run to
// the clause's comma when the noun phrase stops short of it ("According to
// the book and the movie, …"), and reports whether a comma follows it.
func (p *para) chunkToComma(src *tokRange, tail *int, end int) bool {
	if p.is(*tail+1, ",") {
		return true
	}
	c, ok := p.chunkRight(end+1, p.sentEnd(end))
	if !ok || c < *tail || !p.is(c+1, ",") {
		return false
	}
	src.b, *tail = c, c
	return true
}

// initial reports whether token k is the full stop of an initial: "Diane D. Blair".
func (p *para) initial(k int) bool {
	return p.is(k, ".") && p.word(k-1) && p.toks[k-1].cap && p.toks[k-1].e-p.toks[k-1].s == 1 && p.toks[k-1].e == p.toks[k].s
}

// endsClause reports whether the tokens from k end the sentence before hi,
// allowing a comma or a short phrase such as "on Friday" first.
func (p *para) endsClause(k, hi int) bool {
	for n := 0; k < hi && n < 5; k, n = k+1, n+1 {
		t := p.toks[k]
		if t.k == punct && (t.l == "," || isTerminal(t.l) || t.l == ";") || t.k == qopen {
			return true
		}
		if t.k == word && (t.l == "that" || p.s.lx.cues[t.l].lemma != "") {
			return false
		}
	}
	return k >= hi
}

// hasWord reports whether sp holds a letter or digit.
func (p *para) hasWord(sp Span) bool {
	for _, c := range p.s.r[sp.Start:sp.End] {
		if isWordRune(c) {
			return true
		}
	}
	return false
}

// finiteSpeech reports whether the cue at token i (auxiliaries from a) is a
// finite reporting verb that is a cue even when its source is out of reach:
// "…, X, who …, said the plan".
func (p *para) finiteSpeech(cf cueForm, a, i int) bool {
	if cf.class&(speech|belief) == 0 || cf.lemma == "according to" {
		return false
	}
	if cf.ing {
		// ", saying …", "while saying …": a participle of speech after a
		// comma or a conjunction is a cue whoever its subject is.
		if (cf.class&speech != 0 || p.commaBefore(i)) && a == i && (p.commaBefore(i) || p.is(i-1, "while") || p.is(i-1, "after") || p.is(i-1, "before") || p.is(i-1, "by") || p.is(i-1, "—") || cf.class&speech != 0 && p.coordinated(i)) {
			return true
		}
		// "results showing a tight race", "a petition calling on him":
		// a reduced relative clause after a noun.
		return cf.class&speech != 0 && a == i && i > 0 && p.plainWord(i-1) && p.toks[i-1].c&wPreposition == 0 && p.toks[i-1].c&wDet == 0
	}
	t := p.toks[i]
	if t.l == cf.lemma && a == i && !(t.l == "say" && i > 0 && (p.word(i-1) || p.is(i-1, "%")) && !p.is(i-1, "to") && p.toks[i-1].c&wDet == 0 && p.toks[i-1].c&wPreposition == 0 && p.opensClause(i+1)) {
		return false // a bare base form: "to say", "say" as a noun; not "many of them say they …"
	}
	if !(p.s.lx.in(cf.lemma, wStrong) || cf.past || a < i || t.l != cf.lemma && hasSuffix(t.l, "s") && cf.class&speech != 0) {
		return false
	}
	// A participle used as an adjective ("the pledged delegates", "a
	// contested convention") is no cue: the word before must not be a
	// determiner, a number or a preposition, and what follows must look
	// like the start of what was said.
	if a > 0 && p.word(a-1) {
		l := p.toks[a-1].l
		if p.s.lx.in(l, wDet) || isDigitWord(l) || p.s.lx.in(l, wPreposition) {
			return false
		}
	}
	if (p.is(a-1, ",") || cf.past || a < i) && cf.class&speech != 0 {
		return true // "…, the report, released Monday, said"
	}
	_, end, _ := p.cueAt(i)
	n := end + 1
	if n >= len(p.toks) {
		return true
	}
	nt := p.toks[n]
	switch {
	case nt.k == qopen, nt.l == ",", nt.l == ":", nt.k == punct && isTerminal(nt.l):
		return true
	case nt.k != word:
		return false
	}
	_, pron := p.s.lx.prons[nt.l]
	return nt.l == "that" || pron || (nt.c&wDet != 0) || nt.cap || (nt.c&wAdv != 0) || (nt.c&wTitle != 0)
}

//go:noinline
func isDigitWord(l string) bool { return l != "" && l[0] >= '0' && l[0] <= '9' }

// earlierSource returns the source of the latest suggestion of this
// paragraph whose cue lies in tokens [lo, i): "…,” he said, adding that …".
func (p *para) earlierSource(lo, i int) (tokRange, bool) {
	from, to := p.toks[lo].s, p.toks[i].s
	for k := len(p.added) - 1; k >= 0; k-- {
		sg := p.s.res.Suggestions[p.added[k]]
		if sg.Cue.Start < from || sg.Cue.End > to || sg.Source.Len() == 0 {
			continue
		}
		a, b := -1, -1
		for t := lo; t < i; t++ {
			if p.toks[t].s == sg.Source.Start {
				a = t
			}
			if p.toks[t].e == sg.Source.End {
				b = t
			}
		}
		if a >= 0 && b >= a {
			return tokRange{a, b}, true
		}
	}
	return tokRange{}, false
}

// relativeEnd ends the content of a reduced relative clause ("a group
// backing the mayor paid …") before the main clause's verb: an auxiliary,
// a past form or a cue word after the first word.
func (p *para) relativeEnd(k, e int) int {
	for t := k + 1; t <= e; t++ {
		if p.inQuote[t] != 0 || !p.word(t) {
			continue
		}
		l := p.toks[t].l
		_, _, cue := p.cueAt(t)
		if p.s.lx.in(l, wAux) || cue || hasSuffix(l, "ed") && p.toks[t-1].c&wDet == 0 {
			return p.trimEnd(k, t-1)
		}
	}
	return e
}

// personSource reports whether sp names one person: a capitalised name or
// "he", "she", "I".
func (p *para) personSource(sp Span) bool {
	if sp.Len() == 0 {
		return false
	}
	r := p.s.r[sp.Start:sp.End]
	switch strings.ToLower(string(r)) {
	case "he", "she", "i":
		return true
	case "they", "we", "it", "who", "you":
		return false
	}
	return unicode.IsUpper(r[0]) && !unicode.IsUpper(r[len(r)-1]) && r[len(r)-1] != 's'
}

// commaBefore reports whether a comma stands right before token i, or a
// closing quotation mark right after its own comma: ‘…,’ referring to.
//
//go:noinline
func (p *para) commaBefore(i int) bool {
	return p.is(i-1, ",") || i >= 2 && p.toks[i-1].k == qclose && p.is(i-2, ",")
}

// askedClause handles "Asked about the plan, Trump said …": the question
// is the content of "Asked", and the main clause's subject its source.
func (p *para) askedClause(i, end int, se sentence) {
	c := end + 1
	for c < se.b && !(p.is(c, ",") && p.inQuote[c] == 0) {
		c++
	}
	if c >= se.b || c == end+1 || c-end > 30 {
		return
	}
	k := c + 1
	for k < se.b && p.word(k) && (p.toks[k].c&wAdv != 0) {
		k++
	}
	sg := Suggestion{Content: []Span{p.span(end+1, c-1)}, Cue: p.span(i, end)}
	if last, ok := p.npRight(k, se.b); ok {
		sg.Source = p.span(k, last)
	}
	for t := i; t <= end; t++ {
		p.used[t] = true
	}
	p.add(sg)
}

// introduced finds a cue for a quote of four words or more that follows a
// clause ending in a comma or colon: the clause's last cue word, or the
// colon itself. The source is the clause's subject when there is one, else
// src is empty (b < a).
func (p *para) introduced(q quote) (cue, src tokRange, ok bool) {
	lo := p.sentStart(q.a)
	colon := p.is(q.a-1, ":")
	if q.a-1 <= lo || !(colon || p.is(q.a-1, ",")) || p.quoteWords(q) < 4 || p.used[q.a-1] {
		return cue, src, false
	}
	src = tokRange{0, -1}
	for i := q.a - 2; i >= lo; i-- {
		if p.inQuote[i] != 0 {
			break
		}
		if p.used[i] {
			continue
		}
		if cf, end, isCue := p.cueAt(i); isCue && end < q.a {
			if p.leadIn(cf, end, q.a) {
				return cue, src, false
			}
			a := p.auxLeft(i, lo)
			if first, found := p.npLeft(p.skipAdverbs(a, lo), lo); found {
				src = tokRange{first, p.skipAdverbs(a, lo)}
			} else if sg, found := p.sentenceSource(lo, a); found {
				src = sg
			}
			return tokRange{a, end}, src, true
		}
	}
	if !colon || p.byline(q.a-2, lo) {
		return cue, src, false
	}
	if sg, found := p.sentenceSource(lo, q.a-1); found {
		src = sg
	}
	return tokRange{q.a - 1, q.a - 1}, src, true
}

// byline reports whether the words ending at token j are a "by"-line after
// a quoted headline, `"…," by Times' Ben Sisario:` in a digest of links.
func (p *para) byline(j, lo int) bool {
	for k := j; k >= lo && k > j-8; k-- {
		if p.is(k, "by") {
			return k > lo && (p.is(k-1, ",") || p.toks[k-1].k == qclose)
		}
		if !p.word(k) && !p.is(k, "'") && !p.is(k, "’") && !p.is(k, ".") {
			return false
		}
	}
	return false
}

// leadIn reports whether words of the content stand between a cue ending at
// token end and a quote starting at token qa: "that", or a clause of more
// than four words after the person told.
func (p *para) leadIn(cf cueForm, end, qa int) bool {
	k := end + 1
	if cf.class&object != 0 {
		k = p.skipObject(k, qa)
	}
	if p.is(k, "that") && k < qa-1 {
		return true
	}
	n := 0
	for t := k; t < qa; t++ {
		if p.word(t) {
			n++
		}
	}
	return n > 4
}

// hasCue reports whether a cue starts in tokens [a, b) outside quotes.
func (p *para) hasCue(a, b int) bool {
	for i := a; i < b; i++ {
		if p.inQuote[i] != 0 {
			return true // another quote: leave the sentence alone
		}
		if _, _, ok := p.cueAt(i); ok {
			return true
		}
	}
	return false
}

// dash reports whether token i is a dash standing between words: " – ".
func (p *para) dash(i int) bool {
	if i <= 0 || p.inQuote[i] != 0 || !(p.is(i, "—") || p.is(i, "–") || p.is(i, "-") || p.is(i, "--")) {
		return false
	}
	return p.toks[i-1].e < p.toks[i].s && i+1 < len(p.toks) && p.toks[i].e < p.toks[i+1].s
}

// inSource handles a sentence opening "In <a document>, …" with no cue of
// its own after the comma: "In" is the cue, the document the source.
func (p *para) inSource(se sentence) {
	a := se.a
	if !p.is(a, "in") || p.used[a] || !p.word(a+1) || !((p.toks[a+1].c&wDet != 0) || p.possessive(a+1) || p.toks[a+1].cap) {
		return
	}
	c, doc := a+1, false
	for c < se.b && c < a+16 && !p.is(c, ",") {
		if p.inQuote[c] != 0 {
			return
		}
		doc = doc || p.word(c) && (p.toks[c].c&wDocumentNoun != 0)
		c++
	}
	if !doc || !p.is(c, ",") || c+1 >= se.b || p.hasVerbCue(c+1, se.b) {
		return
	}
	e := p.contentEnd(c+1, se.b)
	if e < c+1 {
		return
	}
	p.used[a] = true
	p.add(Suggestion{Content: []Span{p.span(c+1, e)}, Cue: p.span(a, a), Source: p.span(a+1, c-1)})
}

// hasVerbCue reports whether a cue that is not a bare base form ("the
// evangelical support of") starts in tokens [a, b), or a quote does.
func (p *para) hasVerbCue(a, b int) bool {
	for i := a; i < b; i++ {
		if p.inQuote[i] != 0 {
			return true
		}
		if cf, _, ok := p.cueAt(i); ok && (cf.past || cf.ing || p.toks[i].l != cf.lemma) {
			return true
		}
	}
	return false
}

// inPoll handles "Clinton leads by 6 points in a CNN poll": "in" is the
// cue, the poll the source and the clause before it the content.
func (p *para) inPoll(se sentence) {
	for i := se.a + 3; i < se.b-1; i++ {
		if !p.is(i, "in") || p.used[i] || p.inQuote[i] != 0 {
			continue
		}
		k, found, named := i+1, false, p.is(i+1, "a") || p.is(i+1, "an")
		for ; k < se.b && k <= i+8 && p.word(k); k++ {
			if p.toks[k].c&wPollNoun != 0 {
				found = true
				break
			}
			named = named || p.toks[k].cap
		}
		if !named {
			continue // "a lead in the polls": no poll in particular
		}
		if !found || !p.endsClause(k+1, se.b) {
			continue
		}
		e := p.trimEnd(se.a, i-1)
		if e-se.a < 2 || p.hasVerbCue(se.a, e+1) || p.used[se.a] {
			continue
		}
		p.used[i] = true
		p.add(Suggestion{Content: []Span{p.span(se.a, e)}, Cue: p.span(i, i), Source: p.span(i+1, k)})
		return
	}
}

// possessorNoun handles "Trump’s claim that …" and "her warning that …":
// the noun is the cue, the possessor the source, the that-clause the
// content.
func (p *para) possessorNoun(se sentence) {
	for i := se.a + 1; i+2 < se.b; i++ {
		if !p.word(i) || p.toks[i].c&wClaimNoun == 0 || !p.is(i+1, "that") || p.used[i] || p.inQuote[i] != 0 {
			continue
		}
		j := i - 1
		for j > se.a && p.word(j) && !p.toks[j].cap && !p.possessive(j) && p.plainWord(j) && j > i-3 {
			j-- // "Trump’s repeated claim"
		}
		l := p.toks[j].l
		if !(p.possessive(j) || l == "his" || l == "her" || l == "their" || l == "its" || l == "our") {
			continue
		}
		first := j
		if p.possessive(j) {
			if f, ok := p.npLeft(j, se.a); ok {
				first = f
			}
		}
		e := p.contentEnd(i+1, se.b)
		if e <= i+1 {
			continue
		}
		p.used[i] = true
		p.add(Suggestion{Content: []Span{p.span(i+1, e)}, Cue: p.span(i, i), Source: p.span(first, j)})
	}
}

// quoteTaken returns the content of a suggestion of this paragraph that
// starts where sp does with a quotation mark, if there is one.
func (p *para) quoteTaken(sp Span) (Span, bool) {
	if sp.Start >= len(p.s.r) || !strings.ContainsRune("\"“«„'‘", p.s.r[sp.Start]) {
		return sp, false
	}
	for _, si := range p.added {
		for _, c := range p.s.res.Suggestions[si].Content {
			if c.Start == sp.Start {
				return c, true
			}
		}
	}
	return sp, false
}

// shortQuote reports whether a quote of one or two words is still speech:
// it opens its sentence, ends in a comma and a cue follows ("“They sue,” he
// said.").
func (p *para) shortQuote(q quote) bool {
	if q.a != p.sentStart(q.a) || q.b-1 <= q.a || !(p.is(q.b-1, ",") || p.is(q.b-1, "!") || p.is(q.b-1, "?")) {
		return false
	}
	_, _, ok := p.after(q)
	return ok
}

// coordinatedCue reports whether a cue verb of speech, finite or a
// participle, after auxiliaries and adverbs, starts at token k: the second
// verb of a coordination ("praised the plan and said …", "pointing to his
// record and saying …").
func (p *para) coordinatedCue(k, hi int) bool {
	for k < hi && p.word(k) && ((p.toks[k].c&wAux != 0) || (p.toks[k].c&wCueAdverb != 0)) {
		k++
	}
	if k >= hi {
		return false
	}
	cf, _, ok := p.cueAt(k)
	return ok && cf.class&speech != 0 && p.toks[k].l != cf.lemma
}

// nameList reports whether the paragraph from token k on is a list of
// names, "Iowa: Tim Albrecht, Brad Anderson, Rob Barron": capitalised words
// and at least two commas, not something said.
func (p *para) nameList(k int) bool {
	commas := 0
	for ; k < len(p.toks); k++ {
		switch t := p.toks[k]; {
		case t.k == word && !t.cap && t.l != "and":
			return false
		case t.k == punct && t.l == ",":
			commas++
		case t.k != word && t.l != "." && t.l != "-":
			return false
		}
	}
	return commas >= 2
}

// shouted reports whether tokens [a, b] are one word in capitals: UPDATE.
func (p *para) shouted(a, b int) bool {
	if a != b || !p.word(a) {
		return false
	}
	t := p.s.r[p.toks[a].s:p.toks[a].e]
	return len(t) > 1 && strings.ToUpper(string(t)) == string(t)
}

// nextQuoteAttributed reports whether the next paragraph opens with a quote
// followed by its own cue and source.
func (p *para) nextQuoteAttributed() bool {
	if p.idx+1 >= len(p.s.paras) {
		return false
	}
	n := p.s.newPara(p.idx+1, nil)
	if n == nil || len(n.quotes) == 0 || n.quotes[0].a != 0 {
		return false
	}
	_, _, ok := n.after(n.quotes[0])
	return ok
}

// opensClause reports whether token k can open what was said: "that", a
// pronoun, a determiner, a name or a figure.
func (p *para) opensClause(k int) bool {
	if k >= len(p.toks) || !p.word(k) {
		return false
	}
	l := p.toks[k].l
	_, pron := p.s.lx.prons[l]
	return l == "that" || pron || p.s.lx.in(l, wDet) || p.toks[k].cap || isDigitWord(l)
}

// subordinateEnd returns the first comma outside quotes of sentence se when
// the sentence opens with a subordinator and the cue at token i stands
// before that comma, else 0.
func (p *para) subordinateEnd(se sentence, i int) int {
	if !p.word(se.a) || p.toks[se.a].c&wSubordinator == 0 {
		return 0
	}
	for c := se.a + 1; c < se.b; c++ {
		if p.is(c, ",") && p.inQuote[c] == 0 {
			if c > i {
				return c
			}
			return 0
		}
	}
	return 0
}

// raised handles the passive "X is expected to Y": no one is named as
// expecting it, so there is no source, and what is expected is the subject
// and the infinitive together, "X | to Y", as PolNeAR marks it. It reports
// whether it took the cue at token i (auxiliaries from a).
func (p *para) raised(cf cueForm, a, i int, se sentence) bool {
	if cf.lemma != "expect" && cf.lemma != "project" || !cf.past || !p.is(i+1, "to") || !p.word(i+2) {
		return false
	}
	be := false
	for k := a; k < i; k++ {
		be = be || p.toks[k].c&wBeForm != 0 && !p.is(k, "not") && !p.is(k, "also") && !p.is(k, "still")
	}
	if !be {
		return false
	}
	hi := se.b
	if c := p.subordinateEnd(se, i); c > 0 {
		hi = c
	}
	s := p.subjectBefore(a, se.a)
	if s == a-1 && (p.is(s, "who") || p.is(s, "which") || p.is(s, "that")) {
		// A relative clause, "…, who are expected to vote Friday, met":
		// it ends at its comma.
		for c := i + 1; c < hi; c++ {
			if p.is(c, ",") && p.inQuote[c] == 0 {
				hi = c
				break
			}
		}
	}
	e := p.contentEnd(i+1, hi)
	if e < i+2 {
		return false
	}
	var content []Span
	if s < a {
		content = append(content, p.span(s, a-1))
	}
	content = append(content, p.span(i+1, e))
	for t := a; t <= i; t++ {
		p.used[t] = true
	}
	p.add(Suggestion{Content: content, Cue: p.span(a, i)})
	return true
}

// subjectBefore returns the first token of the subject that ends right
// before token a: a relative pronoun, or the words back to the clause's
// start (a comma, a semicolon, a dash or a word that opens a clause); a
// when there is none.
func (p *para) subjectBefore(a, lo int) int {
	if a-1 < lo || !p.word(a-1) {
		return a
	}
	if l := p.toks[a-1].l; l == "who" || l == "which" || l == "that" {
		return a - 1
	}
	k := a - 1
	for k-1 >= lo && p.inQuote[k-1] == 0 && p.toks[k-1].k == word && p.toks[k-1].c&wClauseStart == 0 {
		k--
	}
	if k-1 >= lo && p.word(k-1) && p.toks[k-1].c&wClauseStart != 0 && !p.is(k-1, "and") && !p.is(k-1, "but") && k-1 > lo {
		return a // inside a subordinate clause: leave it
	}
	return k
}

// share finds a poll's share of people as the source of a cue starting at
// token a: "42% say", or, after a comma, the whole phrase from the
// sentence's start (lo) with its comma, "Just over a quarter, 26 percent,
// say", as PolNeAR marks them.
func (p *para) share(a, lo int) (tokRange, bool) {
	j := a - 1
	comma := p.is(j, ",")
	if comma {
		j--
	}
	if !(p.is(j, "%") || p.is(j, "percent")) || !p.word(j-1) || !isDigitWord(p.toks[j-1].l) || j-1 < lo {
		return tokRange{}, false
	}
	if comma {
		return tokRange{lo, a - 1}, true
	}
	return tokRange{j - 1, j}, true
}

// coordinated reports whether a participle at token i follows "and",
// "but" or a dash: "pointing to his record and saying that …", "flipped
// his choice – saying he …", a participle of speech whatever its subject.
func (p *para) coordinated(i int) bool {
	return p.is(i-1, "and") || p.is(i-1, "but") || p.dash(i-1)
}
