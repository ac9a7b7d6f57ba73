package suggest

// nameWord reports whether token i can be part of a name: a capitalised word
// that is not a function word, a title, or the full stop of an abbreviation.
func (p *para) nameWord(i int) bool {
	t := p.toks[i]
	switch t.k {
	case word:
		if t.cap {
			return t.c&wStop == 0
		}
		return false
	case punct:
		return t.l == "." && i > 0 && p.toks[i-1].e == t.s && p.word(i-1) && ((p.toks[i-1].c&wAbbr != 0) || len(p.toks[i-1].l) == 1)
	}
	return false
}

// modWord is a lower-case word that may stand in a source before a name or
// a speaker noun: titles and a few modifiers.
//
//go:noinline
func (p *para) modWord(i int) bool {
	t := p.toks[i]
	if t.k != word || t.cap {
		return false
	}
	if t.c&wTitle != 0 {
		return true
	}
	switch t.l {
	case "presidential", "republican", "democratic", "campaign", "press",
		"communications", "national", "state", "white", "house", "political",
		"policy", "foreign", "federal", "administration", "government",
		"party", "intelligence", "military", "defense", "security", "u.s",
		"local", "county", "city", "election", "close", "longtime", "veteran",
		"conservative", "liberal", "progressive", "independent", "new",
		"anonymous", "some", "many", "other", "prominent", "leading":
		return true
	}
	return false
}

// npLeft finds a source noun phrase ending at token j (inclusive), not
// before lo: a pronoun, a name with its titles, or a speaker noun phrase.
// It returns the first token.
func (p *para) npLeft(j, lo int) (int, bool) {
	if j < lo || p.inQuote[j] != 0 && p.toks[j].k == word {
		return 0, false
	}
	if p.is(j, ")") {
		// "Sen. Jack Reed (D-R.I.)": a short parenthetical after a name.
		for k := j - 1; k > lo && k > j-8; k-- {
			if p.is(k, "(") {
				if k-1 >= lo && p.nameWord(k-1) {
					return p.npLeft(k-1, lo)
				}
				break
			}
		}
		return 0, false
	}
	t := p.toks[j]
	if t.k != word && !(t.l == "." && p.nameWord(j)) {
		return 0, false
	}
	if _, ok := p.s.lx.prons[t.l]; ok {
		return j, true
	}
	if t.c&wDet != 0 {
		return 0, false // "The pledged delegates": a determiner is no source
	}
	head := j
	k := j
	switch {
	case p.nameWord(j):
		for k-1 >= lo && (p.nameWord(k-1) || p.modWord(k-1) || (p.is(k-1, "of") && k-2 >= lo && p.nameWord(k-2)) || p.possessive(k-1)) {
			k--
		}
	case (t.c&wNoun != 0) || (t.c&wTitle != 0):
		for k-1 >= lo && k > j-5 && (p.nameWord(k-1) || p.modWord(k-1) || p.possessive(k-1)) {
			k--
		}
		// "campaign finance records", "new fundraising reports": plain
		// modifiers, when a comma, a determiner or the sentence's start
		// stands before them.
		m := k
		for m-1 >= lo && m > j-4 && p.plainWord(m-1) && p.toks[m-1].c&wDet == 0 {
			m--
		}
		if m < k && (m == lo || p.is(m-1, ",") || p.word(m-1) && (p.toks[m-1].c&wDet != 0)) {
			k = m
		}
	case p.plainWord(j):
		// "the farmer", "the new chief engineer": a determiner within
		// three words.
		for k-1 >= lo && k > j-3 && p.plainWord(k-1) && p.toks[k-1].c&wDet == 0 {
			k--
		}
		if k-1 < lo || !p.word(k-1) || p.toks[k-1].c&wDet == 0 || p.toks[k-1].l == "that" || p.toks[k-1].l == "this" {
			return 0, false
		}
	default:
		return 0, false
	}
	for k < head && p.toks[k].k == punct {
		k++
	}
	if k-1 >= lo && p.word(k-1) && (p.toks[k-1].c&wDet != 0) && p.toks[k-1].l != "that" {
		k--
	}
	return k, true
}

// possessive reports whether token i is a possessive like "Trump's" or
// "Obama’s" standing before a noun.
//
//go:noinline
func (p *para) possessive(i int) bool {
	t := p.toks[i]
	return t.k == word && t.cap && (hasSuffix(t.l, "'s") || hasSuffix(t.l, "’s"))
}

//go:noinline
func hasSuffix(s, suf string) bool { return len(s) >= len(suf) && s[len(s)-len(suf):] == suf }

// npRight finds a source noun phrase starting at token i, not at or after
// hi: it returns the last token.
func (p *para) npRight(i, hi int) (int, bool) {
	if i >= hi || p.inQuote[i] != 0 {
		return 0, false
	}
	t := p.toks[i]
	if t.k != word {
		return 0, false
	}
	if pr, ok := p.s.lx.prons[t.l]; ok && t.l != "who" && t.l != "it" && t.l != "you" {
		_ = pr
		return i, true
	}
	k := i
	if (t.c&wDet != 0) && t.l != "that" && t.l != "this" {
		k++
	}
	last := -1
	for k < hi && k < i+12 {
		switch {
		case p.nameWord(k) || p.possessive(k):
			last = k
		case p.modWord(k):
			if (p.toks[k].c&wTitle != 0) && k > i {
				last = k // "the mayor"
			}
		case p.word(k) && (p.toks[k].c&wNoun != 0):
			last = k
		case k > i && (t.c&wDet != 0) && p.plainWord(k) && k < i+4:
			last = k
		case p.is(k, "of") && last >= 0 && k+1 < hi && p.nameWord(k+1):
		default:
			k = hi
			continue
		}
		k++
	}
	if last < 0 {
		return 0, false
	}
	return last, true
}

// appositive extends a source ending at token j over ", a strategist for X"
// up to the next comma or the sentence's end; it returns the new last token.
//
//go:noinline
func (p *para) appositive(j, hi int) int { return p.appositiveOf(j, hi, false) }

// appositiveOf is appositive; loose also takes appositives opening with a
// capitalised word or a possessive ("Jeff Weaver, Sanders' campaign
// manager,"), for use where a comma and a cue must follow.
func (p *para) appositiveOf(j, hi int, loose bool) int {
	if !p.is(j+1, ",") || j+2 >= hi {
		return j
	}
	n := p.toks[j+2]
	if n.k != word || !((n.c&wDet != 0) || (n.c&wTitle != 0) || n.l == "who" || loose && (n.cap || n.l == "whose" || isDigitWord(n.l) || p.plainWord(j+2) && !hasSuffix(n.l, "ing"))) {
		return j
	}
	k := j + 2
	for k+1 < hi && !p.is(k+1, ",") && !(p.toks[k+1].k == punct && isTerminal(p.toks[k+1].l) && !p.nameWord(k+1)) && p.toks[k+1].k != qopen {
		k++
	}
	return k
}

// plainWord is a lower-case word that is not a function word, an
// auxiliary or a cue: a candidate noun.
func (p *para) plainWord(i int) bool {
	t := p.toks[i]
	if t.k != word || t.cap || (t.c&wStop != 0) || (t.c&wAux != 0) || (t.c&wAdv != 0) || (t.c&wClauseStart != 0) {
		return false
	}
	_, _, cue := p.cueAt(i)
	return !cue
}

// leftAppositive finds a source with an appositive or relative clause that
// ends at the comma j: "Jeff Weaver, Sanders' campaign manager," or "Roy
// Neel, who managed the campaign,". It returns the first token; the comma
// belongs to the source.
func (p *para) leftAppositive(j, lo int) (int, bool) {
	if !p.is(j, ",") {
		return 0, false
	}
	k := j - 1
	for k > lo && k > j-25 && !p.is(k, ",") {
		if p.inQuote[k] != 0 || p.toks[k].k == punct && (isTerminal(p.toks[k].l) || p.toks[k].l == ";") {
			return 0, false
		}
		k--
	}
	if !p.is(k, ",") || k == j-1 {
		return 0, false
	}
	n := p.toks[k+1]
	if n.k != word || !((n.c&wDet != 0) || (n.c&wTitle != 0) || n.l == "who" || n.l == "whose" || n.l == "of" || n.l == "like" || n.l == "including" || n.cap || p.possessive(k+1) || (n.c&wAdv != 0)) {
		return 0, false
	}
	first, ok := p.npLeft(k-1, lo)
	if !ok {
		return 0, false
	}
	if first > lo && !p.is(first-1, ",") && p.toks[first-1].k != qclose && p.toks[first-1].k != qopen && !(first-1 == lo && (p.toks[lo].c&wStop != 0)) {
		return 0, false
	}
	if _, isPron := p.s.lx.prons[p.toks[first].l]; isPron {
		return 0, false
	}
	return first, true
}
