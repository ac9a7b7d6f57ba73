package suggest

import "unicode"

// Snapping spans to words. The finder's spans are made of its tokens, so
// nearly all of them start and end where a word does already; proving
// that from the decoded code points around each end is much cheaper than
// text.Index.SnapToWords, which finds the byte offsets of both ends (a
// walk of up to 64 code points each, twice) and works out grapheme
// clusters in general. snap checks the common case — plain code points
// (Latin letters, digits, punctuation, the quotation marks and dashes of
// General Punctuation) around each end — and leaves every other case to
// SnapToWords, so the result is SnapToWords' in every case
// (FuzzSnapMatchesSnapToWords).

// snap returns x.SnapToWords(sp) for the suggester's text.
func (s *Suggester) snap(sp Span) Span {
	n := len(s.r)
	if sp.Start < 0 || sp.Start >= sp.End || sp.End > n || sp.End > s.scan ||
		unicode.IsSpace(s.r[sp.Start]) || unicode.IsSpace(s.r[sp.End-1]) ||
		!s.plainBoundary(sp.Start) || !s.plainBoundary(sp.End) {
		return s.x.SnapToWords(sp)
	}
	return sp // already trimmed and at word boundaries
}

// plainRune reports whether r is its own grapheme cluster whatever stands
// around it and is no character of a script written without spaces: it
// breaks clusters on both sides (UAX #29 GB999 or, for controls, GB4 and
// GB5) and is no prefixed sign. CR is left out (CR LF is one cluster).
//
//go:noinline
func plainRune(r rune) bool {
	return r < 0x300 && r != '\r' || 0x2010 <= r && r <= 0x2027
}

// plainBoundary reports whether a selection may start or end at code point
// i (as text.Index's isBoundary) when the code points from i-3 to i+1 are
// plain; false when it cannot tell (the caller asks SnapToWords then).
func (s *Suggester) plainBoundary(i int) bool {
	n := len(s.r)
	if i <= 0 || i >= n {
		return true
	}
	if i+1 >= s.scan && i+1 < n {
		return false // not decoded yet
	}
	for k := max(i-3, 0); k <= i; k++ {
		if !plainRune(s.r[k]) {
			return false
		}
	}
	if i+1 < n && !plainRune(s.r[i+1]) {
		return false
	}
	return !s.inWordAt(i) || !s.inWordAt(i-1)
}

// inWordAt reports whether code point k is part of a word that may extend
// beyond it: a letter, digit, mark or connector, or an apostrophe or
// hyphen between two of them (text.Index's inWord, for plain code points).
func (s *Suggester) inWordAt(k int) bool {
	switch wordClass(s.r[k]) {
	case letterClass:
		return true
	case innerClass:
		return k > 0 && k+1 < len(s.r) && wordClass(s.r[k-1]) == letterClass && wordClass(s.r[k+1]) == letterClass
	}
	return false
}

const (
	otherClass = iota
	letterClass
	innerClass
)

// wordClass classes a plain code point as text.Index does.
func wordClass(r rune) int {
	switch {
	case r == '\'' || r == '’' || r == '-' || r == '‐' || r == '‑':
		return innerClass
	case r < 0x80:
		if 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '_' {
			return letterClass
		}
		return otherClass
	case unicode.In(r, unicode.L, unicode.N, unicode.M, unicode.Pc):
		return letterClass
	}
	return otherClass
}
