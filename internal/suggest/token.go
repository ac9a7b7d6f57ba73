package suggest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

type tkind uint8

const (
	word tkind = iota
	punct
	qopen  // an opening quotation mark
	qclose // a closing quotation mark
)

// tok is one token of a paragraph, in code points of the document.
type tok struct {
	s, e   int
	l      string // lower case text
	k      tkind
	cap    bool   // a word starting with an upper-case letter
	single bool   // a single quotation mark
	c      wclass // the word classes of l
}

func isWordRune(c rune) bool {
	if c < utf8.RuneSelf {
		return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_'
	}
	return unicode.IsLetter(c) || unicode.IsDigit(c) || unicode.IsMark(c) || unicode.Is(unicode.Pc, c)
}

// words holds the tokens' texts met so far with their word classes, so
// that a word met again costs no allocation: a 1 MB article has a few
// thousand words, each met hundreds of times.
type words struct {
	lx  *lexicon
	m   map[string]wordOf
	buf []byte
}

// wordOf is a token's text (lower case for a word) and its classes.
type wordOf struct {
	l string
	c wclass
}

// text returns the word whose text is b, adding it when it is new.
func (ws *words) text(b []byte) wordOf {
	if v, ok := ws.m[string(b)]; ok {
		return v
	}
	if ws.m == nil {
		ws.m = map[string]wordOf{}
	}
	v := wordOf{l: string(b), c: ws.lx.class[string(b)]}
	ws.m[v.l] = v
	return v
}

// of returns the word of code points r, lower-cased when lower is set
// (as strings.ToLower does: unicode.ToLower of each code point).
func (ws *words) of(r []rune, lower bool) wordOf {
	b := ws.buf[:0]
	for _, c := range r {
		if lower {
			c = unicode.ToLower(c)
		}
		b = utf8.AppendRune(b, c)
	}
	ws.buf = b
	return ws.text(b)
}

// isSpace is unicode.IsSpace, not inlined (tokenize calls it in eight
// places; see word in suggest.go for why that matters).
//
//go:noinline
func isSpace(c rune) bool { return unicode.IsSpace(c) }

// innerRune may join two word runes into one word: don't, U.S, well-known.
func innerRune(c rune) bool {
	switch c {
	case '\'', '’', '-', '‐', '‑', '.', '&':
		return true
	}
	return false
}

// opensBefore reports whether an ambiguous quotation mark at i opens a quote:
// it follows the start, white space or an opening bracket or dash, and
// precedes something other than white space.
func opensAt(r []rune, i, w, ps, pe int) bool {
	before := i == ps || isSpace(r[i-1]) || strings.ContainsRune("([{—–-/", r[i-1])
	after := i+w < pe && !isSpace(r[i+w])
	if before && after {
		return true
	}
	if !before && !after {
		return false
	}
	return before
}

// tokenize appends the tokens of the paragraph [ps, pe) of r, with their
// words' classes, to toks.
func (ws *words) tokenize(toks []tok, r []rune, ps, pe int) []tok {
	if toks == nil {
		toks = make([]tok, 0, (pe-ps)/5+1)
	}
	straightOpen := false // a straight quotation mark opened and not closed yet
	for i := ps; i < pe; {
		c := r[i]
		if isSpace(c) {
			i++
			continue
		}
		// A word, or a mark of w code points of kind k.
		k, w, lower, single := punct, 1, false, false
		switch {
		case isWordRune(c):
			for i+w < pe {
				j := i + w
				if isWordRune(r[j]) {
					w++
					continue
				}
				if innerRune(r[j]) && j+1 < pe && isWordRune(r[j+1]) && !(r[j] == '.' && !shortSegment(r, i, j)) {
					w += 2
					continue
				}
				break
			}
			k, lower = word, true
		case c == '“' && closesLeft(r, i, ps, pe):
			// “It's unusual,“ said: a left mark typed where a quote closes.
			k = qclose
		case c == '“' || c == '«' || c == '„':
			k = qopen
		case c == '\'' && i+2 < pe && r[i+1] == '\'' && r[i+2] == '\'' && !opensAt(r, i, 3, ps, pe):
			// Three straight marks closing: a single quote inside a double
			// one ends, then the double one.
			k, single = qclose, true
		case c == '”' || c == '»':
			k = qclose
		case c == '"' || (c == '\'' && i+1 < pe && r[i+1] == '\''):
			if c == '\'' {
				w = 2
			}
			k = qclose
			if opensAt(r, i, w, ps, pe) {
				k = qopen
			}
			if k == qopen && straightOpen && i+w < pe && isSpace(r[i+w]) {
				k = qclose // "… coalitions, '' said": spaces on both sides close an open quote
			}
			straightOpen = k == qopen
		case c == '‘' || c == '’' || c == '\'':
			single = true
			if c == '‘' || (c == '\'' && opensAt(r, i, 1, ps, pe)) {
				if i+1 < pe && !isSpace(r[i+1]) {
					k = qopen
				}
			} else if i > ps && !isSpace(r[i-1]) && (i+1 == pe || !isWordRune(r[i+1])) {
				k = qclose
			}
		}
		v := ws.of(r[i:i+w], lower)
		toks = append(toks, tok{s: i, e: i + w, l: v.l, c: v.c, k: k, single: single, cap: k == word && unicode.IsUpper(c)})
		i += w
	}
	return toks
}

// closesLeft reports whether a left double quotation mark at i stands
// where a quote closes: after a word or punctuation, before white space,
// punctuation or the paragraph's end.
func closesLeft(r []rune, i, ps, pe int) bool {
	if i == ps || isSpace(r[i-1]) || strings.ContainsRune("([{—–-/“\"'‘", r[i-1]) {
		return false
	}
	return i+1 == pe || isSpace(r[i+1]) || strings.ContainsRune(".,;:!?)—", r[i+1])
}

// shortSegment reports whether the word part ending at a full stop at j is one
// letter long (U.S, D.C), so the stop joins the word.
func shortSegment(r []rune, start, j int) bool {
	k := j - 1
	for k > start && isWordRune(r[k-1]) {
		k--
	}
	return j-k == 1
}

// quote is a top-level quotation in a paragraph: tokens a..b inclusive.
type quote struct {
	a, b int
	open bool // runs to the paragraph's end without a closing mark
}

// findQuotes pairs the quotation marks of a paragraph. Double marks are
// used; single marks only in a paragraph without double ones.
func findQuotes(toks []tok) []quote {
	var qs []quote
	hasDouble := false
	for _, t := range toks {
		if (t.k == qopen || t.k == qclose) && !t.single {
			hasDouble = true
			break
		}
	}
	depth, start := 0, 0
	for i, t := range toks {
		if (t.k != qopen && t.k != qclose) || t.single == hasDouble {
			continue
		}
		if t.k == qopen {
			if depth == 0 {
				start = i
			}
			depth++
			if depth > 1 && !hasDouble {
				depth = 1 // single marks do not nest here
			}
			continue
		}
		if depth == 0 {
			// A closing mark with no opening one: the paragraph continues
			// a quote only if it started the paragraph; ignore it.
			continue
		}
		depth--
		if depth == 0 {
			if !hasDouble && i-start < 3 {
				continue
			}
			qs = append(qs, quote{a: start, b: i})
		}
	}
	if depth > 0 && hasDouble {
		qs = append(qs, quote{a: start, b: len(toks) - 1, open: true})
	}
	return qs
}

// sentence is tokens [a, b) of a paragraph.
type sentence struct{ a, b int }

//go:noinline
func isTerminal(l string) bool { return l == "." || l == "?" || l == "!" || l == "…" }

// sentences splits a paragraph's tokens into sentences.
func (lx *lexicon) sentences(toks []tok) []sentence {
	var ss []sentence
	a := 0
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.k != punct || !isTerminal(t.l) {
			continue
		}
		if t.l == "." && i > 0 && toks[i-1].k == word && toks[i-1].e == t.s {
			p := toks[i-1]
			if (p.c&wAbbr != 0) && !(p.c&wTitle == 0 && i+1 < len(toks) && toks[i+1].cap && (toks[i+1].c&wSentenceOpener != 0)) || (len([]rune(p.l)) == 1 && p.cap) {
				continue // "Mr. Ames", "the U.S. economy"; not "in the U.S. He said"
			}
		}
		end := i + 1
		for end < len(toks) && (toks[end].k == qclose || toks[end].l == ")") {
			end++
		}
		if end < len(toks) {
			n := toks[end]
			if !(n.cap || n.k == qopen || (n.k == word && unicode.IsDigit([]rune(n.l)[0])) || n.l == "(" || n.l == "—" || n.l == "–") {
				continue
			}
		}
		ss = append(ss, sentence{a, end})
		a = end
		i = end - 1
	}
	if a < len(toks) {
		ss = append(ss, sentence{a, len(toks)})
	}
	return ss
}
