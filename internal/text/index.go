package text

import (
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// stride is the number of code points between two checkpoints of an Index.
const stride = 64

// Index is an immutable text with maps between code point, UTF-8 byte and
// UTF-16 offsets.
//
// It stores the byte and UTF-16 offsets of every stride-th code point and
// scans forward from the nearest checkpoint, so it needs about 8 bytes per
// 64 code points and no memory at all for pure ASCII text. Texts must be
// shorter than 2 GiB.
//
// Offsets passed to its methods are clamped to the text.
type Index struct {
	s     string
	n     int     // code points
	n16   int     // UTF-16 units
	ascii bool    // every byte < 0x80: all offsets are equal
	bytes []int32 // bytes[k] is the byte offset of code point k*stride
	u16   []int32 // u16[k] is the UTF-16 offset of code point k*stride
}

// NewIndex returns an Index of s. It does not normalise s; see [Normalize].
func NewIndex(s string) *Index {
	if len(s) > math.MaxInt32 {
		panic("text: text longer than 2 GiB")
	}
	x := &Index{s: s, ascii: isASCII(s)}
	if x.ascii {
		x.n, x.n16 = len(s), len(s)
		return x
	}
	// One pass, a checkpoint at a time: the ASCII bytes between two are
	// stepped over without decoding (the index of a restored 1 MB article
	// is built before its first frame).
	x.bytes = make([]int32, 0, len(s)/stride+1)
	x.u16 = make([]int32, 0, len(s)/stride+1)
	cp, u := 0, 0
	for i := 0; i < len(s); {
		x.bytes = append(x.bytes, int32(i))
		x.u16 = append(x.u16, int32(u))
		k := 0
		for ; k < stride && i < len(s); k++ {
			if s[i] < utf8.RuneSelf {
				i++
				u++
				continue
			}
			r, w := utf8.DecodeRuneInString(s[i:])
			i += w
			u += utf16Len(r)
		}
		cp += k
	}
	x.n, x.n16 = cp, u
	return x
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// utf16Len returns the number of UTF-16 units of r, a rune produced by
// decoding UTF-8 (so never a surrogate).
func utf16Len(r rune) int {
	if r > 0xFFFF {
		return 2
	}
	return 1
}

// Text returns the indexed text.
func (x *Index) Text() string { return x.s }

// Len returns the number of code points in the text.
func (x *Index) Len() int { return x.n }

// UTF16Len returns the length of the text in UTF-16 units.
func (x *Index) UTF16Len() int { return x.n16 }

// clamp returns cp clamped to [0, x.n].
func (x *Index) clamp(cp int) int { return min(max(cp, 0), x.n) }

// ByteOffset returns the byte offset of code point cp.
func (x *Index) ByteOffset(cp int) int {
	cp = x.clamp(cp)
	if x.ascii {
		return cp
	}
	if cp == x.n {
		return len(x.s)
	}
	k := cp / stride
	b := int(x.bytes[k])
	for range cp - k*stride {
		_, w := x.next(b)
		b += w
	}
	return b
}

// CodePointAtByte returns the code point offset of byte b. A byte inside a
// multi-byte encoding rounds down to the start of its code point.
func (x *Index) CodePointAtByte(b int) int {
	b = min(max(b, 0), len(x.s))
	if x.ascii {
		return b
	}
	if b == len(x.s) {
		return x.n
	}
	k := checkpoint(x.bytes, b)
	cp, pos := k*stride, int(x.bytes[k])
	for {
		_, w := x.next(pos)
		if pos+w > b {
			return cp
		}
		pos += w
		cp++
	}
}

// UTF16Offset returns the UTF-16 offset of code point cp.
func (x *Index) UTF16Offset(cp int) int {
	cp = x.clamp(cp)
	if x.ascii {
		return cp
	}
	if cp == x.n {
		return x.n16
	}
	k := cp / stride
	b, u := int(x.bytes[k]), int(x.u16[k])
	for range cp - k*stride {
		r, w := x.next(b)
		b += w
		u += utf16Len(r)
	}
	return u
}

// CodePointAtUTF16 returns the code point offset of UTF-16 offset u. A unit
// in the middle of a surrogate pair rounds down to the start of the pair.
func (x *Index) CodePointAtUTF16(u int) int {
	u = min(max(u, 0), x.n16)
	if x.ascii {
		return u
	}
	if u == x.n16 {
		return x.n
	}
	k := checkpoint(x.u16, u)
	cp, b, pos := k*stride, int(x.bytes[k]), int(x.u16[k])
	for {
		r, w := x.next(b)
		if pos+utf16Len(r) > u {
			return cp
		}
		b += w
		pos += utf16Len(r)
		cp++
	}
}

// next decodes the code point starting at byte b.
func (x *Index) next(b int) (rune, int) {
	if c := x.s[b]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(x.s[b:])
}

// checkpoint returns the index of the last entry of the increasing slice
// offs that is <= off. offs[0] is 0 and off >= 0.
func checkpoint(offs []int32, off int) int {
	k, found := slices.BinarySearch(offs, int32(off))
	if !found {
		k--
	}
	return k
}

// Slice returns the text of code points [start, end), clamped to the text.
// It returns "" if start >= end.
func (x *Index) Slice(start, end int) string {
	start, end = x.clamp(start), x.clamp(end)
	if start >= end {
		return ""
	}
	return x.s[x.ByteOffset(start):x.ByteOffset(end)]
}

// RuneAt returns code point cp of the text: utf8.RuneError for an invalid
// byte and -1 if cp is not in [0, Len()).
func (x *Index) RuneAt(cp int) rune {
	if cp < 0 || cp >= x.n {
		return -1
	}
	r, _ := utf8.DecodeRuneInString(x.s[x.ByteOffset(cp):])
	return r
}

// Paragraphs splits the text at "\n". Each line that contains something other
// than white space is one paragraph; its Span covers the whole line without
// the newline. Blank lines produce no paragraph.
func (x *Index) Paragraphs() []Span {
	// From line to line by the newlines (strings.IndexByte), each line's
	// start in code points from the index's checkpoints: only a line's
	// leading white space is decoded, not all the text (the paragraphs of
	// a restored 1 MB article are found before its first frame).
	var paras []Span
	s := x.s
	for b := 0; b <= len(s); {
		end := len(s)
		if i := strings.IndexByte(s[b:], '\n'); i >= 0 {
			end = b + i
		}
		if !blankLine(s[b:end]) {
			paras = append(paras, Span{x.CodePointAtByte(b), x.CodePointAtByte(end)})
		}
		b = end + 1
	}
	return paras
}

// blankLine reports whether line holds only white space.
func blankLine(line string) bool {
	for i := 0; i < len(line); {
		if c := line[i]; c < utf8.RuneSelf {
			if !asciiSpace(c) {
				return false
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(line[i:])
		if !unicode.IsSpace(r) {
			return false
		}
		i += w
	}
	return true
}

// asciiSpace is unicode.IsSpace for an ASCII byte.
func asciiSpace(c byte) bool {
	switch c {
	case '\t', '\n', '\v', '\f', '\r', ' ':
		return true
	}
	return false
}

// ParagraphAt returns the index in paras (sorted, disjoint spans as returned
// by [Index.Paragraphs]) of the paragraph containing cp or, if cp is between
// paragraphs, of the first paragraph after cp. It returns len(paras) if cp is
// after the last paragraph.
func ParagraphAt(paras []Span, cp int) int {
	return sort.Search(len(paras), func(i int) bool { return paras[i].End > cp })
}
