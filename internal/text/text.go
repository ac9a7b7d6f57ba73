// Package text holds a document's text and the maps between its offset units.
//
// Offsets that leave the program count Unicode code points, the browser
// counts UTF-16 code units and Go strings are indexed by UTF-8 bytes. An
// [Index] converts between the three.
//
// Invalid UTF-8 is handled the way a Go for-range loop handles it: each byte
// that does not start a valid encoding is one code point (U+FFFD) that is one
// byte and one UTF-16 unit wide.
package text

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Normalize turns "\r\n" and lone "\r" into "\n". Everything else is kept as
// is: no trimming and no Unicode normalisation.
func Normalize(s string) string {
	if !strings.Contains(s, "\r") {
		return s
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n")
}

// Hash returns the lowercase hexadecimal SHA-256 of s's UTF-8 bytes.
func Hash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// Span is a half-open range [Start, End) of code points.
type Span struct{ Start, End int }

// Len returns the number of code points in s, or 0 if End < Start.
func (s Span) Len() int {
	return max(s.End-s.Start, 0)
}

// Overlaps reports whether s and o share at least one code point.
// An empty span overlaps nothing.
func (s Span) Overlaps(o Span) bool {
	return s.Len() > 0 && o.Len() > 0 && s.Start < o.End && o.Start < s.End
}

// Contains reports whether o lies within s (Start <= o.Start and o.End <= End).
func (s Span) Contains(o Span) bool {
	return s.Start <= o.Start && o.End <= s.End
}

// Clean makes pasted or dropped bytes into text Sayso can show and count:
// invalid UTF-8 becomes U+FFFD, line endings are normalised, and control
// characters other than tab and newline (NUL, escape, the C1 controls) are
// removed. It reports how many bytes were invalid and how many control
// characters were removed. Format characters such as right-to-left marks
// are kept.
func Clean(b []byte) (s string, invalid, controls int) {
	var out strings.Builder
	out.Grow(len(b))
	in := Normalize(string(b))
	for i := 0; i < len(in); {
		r, size := utf8.DecodeRuneInString(in[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1:
			invalid++
			out.WriteRune(utf8.RuneError)
		case r != '\n' && r != '\t' && unicode.IsControl(r):
			controls++
		default:
			out.WriteRune(r)
		}
	}
	return out.String(), invalid, controls
}
