package text

import (
	"unicode"
	"unicode/utf8"
)

// TrimSpace shrinks sp, clamped to the text, so that it neither starts nor
// ends with white space (unicode.IsSpace). If only white space remains it
// returns an empty span at sp.Start.
func (x *Index) TrimSpace(sp Span) Span {
	start := x.clamp(sp.Start)
	end := max(x.clamp(sp.End), start)
	b, e := x.ByteOffset(start), x.ByteOffset(end)
	for b < e {
		r, w := utf8.DecodeRuneInString(x.s[b:e])
		if !unicode.IsSpace(r) {
			break
		}
		b += w
		start++
	}
	if b == e {
		return Span{sp.Start, sp.Start}.clampTo(x.n)
	}
	for {
		r, w := utf8.DecodeLastRuneInString(x.s[b:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= w
		end--
	}
	return Span{start, end}
}

func (s Span) clampTo(n int) Span {
	s.Start = min(max(s.Start, 0), n)
	s.End = min(max(s.End, s.Start), n)
	return s
}

// SnapToWords trims white space from sp and then widens each end to the
// nearest word boundary, so that a selection starting or ending inside a word
// covers the whole word. If only white space is selected it returns
// x.TrimSpace(sp).
//
// A word is a maximal run of letters, digits, marks and connector
// punctuation; an apostrophe (' or ’) or hyphen between two such characters
// belongs to the word. Each character of a script written without spaces
// (Han, Hiragana, Katakana, Thai) is a word of its own (Korean separates words with spaces, so Hangul snaps like Latin). Punctuation
// at the ends of sp is neither trimmed nor extended. An end is never left
// inside a grapheme cluster (UAX #29, see [Index.SnapToGraphemes]): a base
// with combining marks, variation selectors or emoji modifiers, emoji joined
// by U+200D ZERO WIDTH JOINER, regional-indicator pairs (flags), Hangul jamo
// and prefixed signs (U+0600–U+0605) with what follows them. U+200C ZERO
// WIDTH NON-JOINER and U+200D join onto the letter before them, so they
// never split a word: Persian «می‌خواهم» is one word.
func (x *Index) SnapToWords(sp Span) Span {
	sp = x.TrimSpace(sp)
	if sp.Len() == 0 {
		return sp
	}
	b, e := x.ByteOffset(sp.Start), x.ByteOffset(sp.End)
	for !x.isBoundary(b) {
		b = x.clusterBefore(b)
	}
	for !x.isBoundary(e) {
		e = x.clusterAfter(e)
	}
	return Span{x.CodePointAtByte(b), x.CodePointAtByte(e)}
}

// Context returns up to n code points of text before sp.Start and after
// sp.End, like the prefix and suffix of a W3C TextQuoteSelector.
func (x *Index) Context(sp Span, n int) (prefix, suffix string) {
	sp = sp.clampTo(x.n)
	n = max(n, 0)
	return x.Slice(sp.Start-n, sp.Start), x.Slice(sp.End, sp.End+n)
}

// The helpers below work on byte offsets at code point boundaries.

// runeAt decodes the code point starting at byte b.
func (x *Index) runeAt(b int) (rune, int) { return x.next(b) }

// runeBefore decodes the code point ending at byte b.
func (x *Index) runeBefore(b int) (rune, int) { return utf8.DecodeLastRuneInString(x.s[:b]) }

const zwj = '\u200D'

func isRegional(r rune) bool { return 0x1F1E6 <= r && r <= 0x1F1FF }

// inCluster reports whether byte b lies between two code points that belong
// to one grapheme cluster (see graphemes.go).
func (x *Index) inCluster(b int) bool { return !x.graphemeBoundary(b) }

// clusterBefore returns the start of the cluster that ends at b > 0.
func (x *Index) clusterBefore(b int) int {
	_, w := x.runeBefore(b)
	b -= w
	for x.inCluster(b) {
		_, w := x.runeBefore(b)
		b -= w
	}
	return b
}

// clusterAfter returns the end of the cluster that starts at b < len(x.s).
func (x *Index) clusterAfter(b int) int {
	_, w := x.runeAt(b)
	b += w
	for x.inCluster(b) {
		_, w := x.runeAt(b)
		b += w
	}
	return b
}

// Classes of the first code point of a cluster.
const (
	other     = iota
	letter    // letters, digits, marks, connector punctuation
	ownWord   // a character of a script written without spaces
	innerWord // apostrophe or hyphen: part of a word between two letters
)

func class(r rune) int {
	switch {
	case r == '\'' || r == '’' || r == '-' || r == '‐' || r == '‑':
		return innerWord
	case unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai):
		return ownWord
	case unicode.In(r, unicode.L, unicode.N, unicode.M, unicode.Pc):
		return letter
	}
	return other
}

// inWord reports whether the cluster starting at byte b < len(x.s) is part
// of a word that may extend beyond it.
func (x *Index) inWord(b int) bool {
	r := x.clusterBase(b)
	switch class(r) {
	case letter:
		return true
	case innerWord:
		if b == 0 {
			return false
		}
		before := x.clusterBase(x.clusterBefore(b))
		after := x.clusterAfter(b)
		if after == len(x.s) {
			return false
		}
		return class(before) == letter && class(x.clusterBase(after)) == letter
	}
	return false
}

// clusterBase returns the code point that gives the cluster starting at
// byte b < len(x.s) its class: its first, after any prefixed signs (U+0600
// ARABIC NUMBER SIGN before its digits is part of the number).
func (x *Index) clusterBase(b int) rune {
	r, w := x.runeAt(b)
	for breakProperty(r) == gcbPrepend && b+w < len(x.s) && x.inCluster(b+w) {
		b += w
		r, w = x.runeAt(b)
	}
	return r
}

// isBoundary reports whether a selection may start or end at byte b.
func (x *Index) isBoundary(b int) bool {
	if b <= 0 || b >= len(x.s) {
		return true
	}
	if x.inCluster(b) {
		return false
	}
	return !x.inWord(b) || !x.inWord(x.clusterBefore(b))
}

// CommonPrefixLen is the number of code points a and b share at their
// start.
func CommonPrefixLen(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	n := 0
	for n < len(ra) && n < len(rb) && ra[n] == rb[n] {
		n++
	}
	return n
}

// CommonSuffixLen is the number of code points a and b share at their
// end.
func CommonSuffixLen(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	n := 0
	for n < len(ra) && n < len(rb) && ra[len(ra)-1-n] == rb[len(rb)-1-n] {
		n++
	}
	return n
}
