package native

import (
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// unquote decodes the body of a JSON string (without its quotes) exactly
// as encoding/json does: escapes resolved, a lone or broken surrogate and
// every invalid UTF-8 byte replaced by U+FFFD. The input has passed
// json.Valid, so every escape is well formed. It copies the stretches
// between escapes whole (a document's text is long stretches of words
// between its \n escapes) and builds the string in place, without the
// copy of a final string conversion: opening a megabyte project spent a
// quarter of its decoding here when it went byte by byte.
func unquote(body []byte) string {
	var out strings.Builder
	out.Grow(len(body))
	for i := 0; i < len(body); {
		run := i
		for run < len(body) && body[run] != '\\' {
			run++
		}
		if run > i {
			writeValid(&out, body[i:run])
			i = run
			continue
		}
		i++ // the backslash
		switch e := body[i]; e {
		case 'b':
			out.WriteByte('\b')
		case 'f':
			out.WriteByte('\f')
		case 'n':
			out.WriteByte('\n')
		case 'r':
			out.WriteByte('\r')
		case 't':
			out.WriteByte('\t')
		case 'u':
			r := hex4(body[i+1 : i+5])
			i += 4
			if utf16.IsSurrogate(r) {
				r2 := rune(-1)
				if i+6 < len(body) && body[i+1] == '\\' && body[i+2] == 'u' {
					r2 = hex4(body[i+3 : i+7])
				}
				if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
					i += 6
					r = dec
				} else {
					r = utf8.RuneError
				}
			}
			out.WriteRune(r)
		default: // '"', '\\', '/'
			out.WriteByte(e)
		}
		i++
	}
	return out.String()
}

// writeValid writes b, with each byte that is not part of valid UTF-8
// replaced by U+FFFD.
func writeValid(out *strings.Builder, b []byte) {
	for len(b) > 0 {
		n := validPrefix(b)
		out.Write(b[:n])
		if n == len(b) {
			return
		}
		_, size := utf8.DecodeRune(b[n:]) // RuneError, size 1: an invalid byte
		out.WriteRune(utf8.RuneError)
		b = b[n+size:]
	}
}

// validPrefix is the length of b's longest prefix that is valid UTF-8.
func validPrefix(b []byte) int {
	if utf8.Valid(b) {
		return len(b)
	}
	i := 0
	for i < len(b) {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return i
}

// hex4 reads four hexadecimal digits.
func hex4(b []byte) rune {
	var r rune
	for _, c := range b {
		r <<= 4
		switch {
		case c >= '0' && c <= '9':
			r |= rune(c - '0')
		case c >= 'a' && c <= 'f':
			r |= rune(c - 'a' + 10)
		default:
			r |= rune(c - 'A' + 10)
		}
	}
	return r
}
