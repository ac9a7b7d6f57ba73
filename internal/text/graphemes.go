package text

import "unicode"

// Grapheme clusters, as Unicode Standard Annex #29 (Unicode 15.0, the
// version of Go's unicode package) defines the extended grapheme cluster:
// rules GB3 to GB13 and GB999. A selection never starts or ends inside one.
// Go's standard library and golang.org/x/text do not segment text into
// graphemes, so the rules are written here; the property tables come from
// package unicode except Extended_Pictographic (emoji-data.txt, below) and
// the handful of Prepend letters. A test checks them against the Unicode
// data files where the machine has them (Debian's unicode-data).

// gcb is a code point's Grapheme_Cluster_Break property.
type gcb uint8

const (
	gcbOther gcb = iota
	gcbCR
	gcbLF
	gcbControl
	gcbExtend
	gcbZWJ
	gcbRegional
	gcbPrepend
	gcbSpacingMark
	gcbL
	gcbV
	gcbT
	gcbLV
	gcbLVT
)

// breakProperty returns the Grapheme_Cluster_Break property of r.
func breakProperty(r rune) gcb {
	switch {
	case r == '\r':
		return gcbCR
	case r == '\n':
		return gcbLF
	case r == zwj:
		return gcbZWJ
	case r < 0x300:
		if r < 0x20 || 0x7F <= r && r <= 0x9F || r == 0xAD {
			return gcbControl
		}
		return gcbOther
	case isRegional(r):
		return gcbRegional
	case 0x1100 <= r && r <= 0x115F, 0xA960 <= r && r <= 0xA97C:
		return gcbL
	case 0x1160 <= r && r <= 0x11A7, 0xD7B0 <= r && r <= 0xD7C6:
		return gcbV
	case 0x11A8 <= r && r <= 0x11FF, 0xD7CB <= r && r <= 0xD7FB:
		return gcbT
	case 0xAC00 <= r && r <= 0xD7A3:
		if (r-0xAC00)%28 == 0 {
			return gcbLV
		}
		return gcbLVT
	case unicode.In(r, unicode.Mn, unicode.Me, unicode.Other_Grapheme_Extend),
		0x1F3FB <= r && r <= 0x1F3FF: // emoji modifiers (skin tones)
		return gcbExtend
	case isPrepend(r):
		return gcbPrepend
	case r == 0x0E33 || r == 0x0EB3:
		return gcbSpacingMark
	case unicode.Is(unicode.Mc, r):
		if notSpacingMark(r) {
			return gcbOther
		}
		return gcbSpacingMark
	case unicode.In(r, unicode.Cc, unicode.Cf, unicode.Zl, unicode.Zp, unicode.Cs):
		return gcbControl
	}
	return gcbOther
}

// isPrepend reports the code points that join onto what follows them:
// prefixed number signs such as U+0600 ARABIC NUMBER SIGN, and a few
// cluster-initial letters.
func isPrepend(r rune) bool {
	switch {
	case unicode.Is(unicode.Prepended_Concatenation_Mark, r),
		r == 0x0D4E, r == 0x111C2, r == 0x111C3, r == 0x1193F, r == 0x11941, r == 0x11A3A,
		0x11A84 <= r && r <= 0x11A89, r == 0x11D46, r == 0x11F02:
		return true
	}
	return false
}

// notSpacingMark lists the spacing combining marks (Mc) that UAX #29
// leaves out of SpacingMark.
func notSpacingMark(r rune) bool {
	switch {
	case r == 0x102B, r == 0x102C, r == 0x1038, 0x1062 <= r && r <= 0x1064, 0x1067 <= r && r <= 0x106D,
		r == 0x1083, 0x1087 <= r && r <= 0x108C, r == 0x108F, 0x109A <= r && r <= 0x109C,
		r == 0x1A61, r == 0x1A63, r == 0x1A64, r == 0xAA7B, r == 0xAA7D, r == 0x11720, r == 0x11721:
		return true
	}
	return false
}

// isPictographic reports the Extended_Pictographic property (emoji-data.txt
// of Unicode 15.0, ranges merged).
func isPictographic(r rune) bool {
	if r < 0xA9 || 0x3299 < r && r < 0x1F000 || r > 0x1FFFD {
		return false
	}
	ranges := [...][2]rune{
		{0x00A9, 0x00A9}, {0x00AE, 0x00AE}, {0x203C, 0x203C}, {0x2049, 0x2049}, {0x2122, 0x2122},
		{0x2139, 0x2139}, {0x2194, 0x2199}, {0x21A9, 0x21AA}, {0x231A, 0x231B}, {0x2328, 0x2328},
		{0x2388, 0x2388}, {0x23CF, 0x23CF}, {0x23E9, 0x23F3}, {0x23F8, 0x23FA}, {0x24C2, 0x24C2},
		{0x25AA, 0x25AB}, {0x25B6, 0x25B6}, {0x25C0, 0x25C0}, {0x25FB, 0x25FE}, {0x2600, 0x2605},
		{0x2607, 0x2612}, {0x2614, 0x2685}, {0x2690, 0x2705}, {0x2708, 0x2712}, {0x2714, 0x2714},
		{0x2716, 0x2716}, {0x271D, 0x271D}, {0x2721, 0x2721}, {0x2728, 0x2728}, {0x2733, 0x2734},
		{0x2744, 0x2744}, {0x2747, 0x2747}, {0x274C, 0x274C}, {0x274E, 0x274E}, {0x2753, 0x2755},
		{0x2757, 0x2757}, {0x2763, 0x2767}, {0x2795, 0x2797}, {0x27A1, 0x27A1}, {0x27B0, 0x27B0},
		{0x27BF, 0x27BF}, {0x2934, 0x2935}, {0x2B05, 0x2B07}, {0x2B1B, 0x2B1C}, {0x2B50, 0x2B50},
		{0x2B55, 0x2B55}, {0x3030, 0x3030}, {0x303D, 0x303D}, {0x3297, 0x3297}, {0x3299, 0x3299},
		{0x1F000, 0x1F0FF}, {0x1F10D, 0x1F10F}, {0x1F12F, 0x1F12F}, {0x1F16C, 0x1F171},
		{0x1F17E, 0x1F17F}, {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A}, {0x1F1AD, 0x1F1E5},
		{0x1F201, 0x1F20F}, {0x1F21A, 0x1F21A}, {0x1F22F, 0x1F22F}, {0x1F232, 0x1F23A},
		{0x1F23C, 0x1F23F}, {0x1F249, 0x1F3FA}, {0x1F400, 0x1F53D}, {0x1F546, 0x1F64F},
		{0x1F680, 0x1F6FF}, {0x1F774, 0x1F77F}, {0x1F7D5, 0x1F7FF}, {0x1F80C, 0x1F80F},
		{0x1F848, 0x1F84F}, {0x1F85A, 0x1F85F}, {0x1F888, 0x1F88F}, {0x1F8AE, 0x1F8FF},
		{0x1F90C, 0x1F93A}, {0x1F93C, 0x1F945}, {0x1F947, 0x1FAFF}, {0x1FC00, 0x1FFFD},
	}
	for _, rg := range ranges {
		if r < rg[0] {
			return false
		}
		if r <= rg[1] {
			return true
		}
	}
	return false
}

// graphemeBoundary reports whether byte b, at a code point boundary of the
// text, is a boundary between two grapheme clusters. The start and the end
// of the text are.
func (x *Index) graphemeBoundary(b int) bool {
	if b <= 0 || b >= len(x.s) {
		return true
	}
	r, _ := x.runeAt(b)
	p, pw := x.runeBefore(b)
	before, after := breakProperty(p), breakProperty(r)
	switch {
	case before == gcbCR && after == gcbLF: // GB3
		return false
	case before == gcbCR || before == gcbLF || before == gcbControl, // GB4
		after == gcbCR || after == gcbLF || after == gcbControl: // GB5
		return true
	case before == gcbL && (after == gcbL || after == gcbV || after == gcbLV || after == gcbLVT), // GB6
		(before == gcbLV || before == gcbV) && (after == gcbV || after == gcbT), // GB7
		(before == gcbLVT || before == gcbT) && after == gcbT,                   // GB8
		after == gcbExtend || after == gcbZWJ || after == gcbSpacingMark,        // GB9, GB9a
		before == gcbPrepend: // GB9b
		return false
	case before == gcbZWJ && isPictographic(r): // GB11
		return !x.pictographBefore(b - pw)
	case before == gcbRegional && after == gcbRegional: // GB12, GB13
		return x.regionalPairEnds(b)
	}
	return true // GB999
}

// pictographBefore reports whether an Extended_Pictographic code point,
// followed only by Extend code points, ends at byte b.
func (x *Index) pictographBefore(b int) bool {
	for b > 0 {
		p, w := x.runeBefore(b)
		if breakProperty(p) != gcbExtend {
			return isPictographic(p)
		}
		b -= w
	}
	return false
}

// regionalPairEnds reports whether byte b, just after a regional
// indicator, ends a pair: indicators pair up from the start of their run.
func (x *Index) regionalPairEnds(b int) bool {
	even := true
	for b > 0 {
		p, w := x.runeBefore(b)
		if !isRegional(p) {
			break
		}
		even = !even
		b -= w
	}
	return even
}

// IsGraphemeBoundary reports whether code point offset cp lies between two
// grapheme clusters (or at either end of the text), so that a selection may
// start or end there.
func (x *Index) IsGraphemeBoundary(cp int) bool {
	return x.graphemeBoundary(x.ByteOffset(x.clamp(cp)))
}

// SnapToGraphemes is what an exact selection becomes: sp clamped to the
// text, trimmed of white space, and each end moved outward to the nearest
// grapheme cluster boundary, so that no end cuts a flag, an emoji sequence,
// a letter from its combining marks, a Hangul syllable from its jamo or a
// number sign from its digits. If only white space is selected it returns
// x.TrimSpace(sp).
func (x *Index) SnapToGraphemes(sp Span) Span {
	sp = x.TrimSpace(sp)
	if sp.Len() == 0 {
		return sp
	}
	b, e := x.ByteOffset(sp.Start), x.ByteOffset(sp.End)
	for !x.graphemeBoundary(b) {
		_, w := x.runeBefore(b)
		b -= w
	}
	for !x.graphemeBoundary(e) {
		_, w := x.runeAt(e)
		e += w
	}
	return Span{x.CodePointAtByte(b), x.CodePointAtByte(e)}
}
