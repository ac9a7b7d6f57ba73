package exercise

import "bytes"

// EmbedJSON makes JSON safe to put inside an HTML
// <script type="application/json"> element: it writes <, > and & as
// \u003c, \u003e and \u0026, so that no "</script" or "<!--" can end or
// change the element, and U+2028 and U+2029 as \u2028 and \u2029, which
// older JavaScript does not allow in strings. In valid JSON these
// characters can only occur inside strings, so the result is valid JSON
// that decodes to the same value. Read it back with the element's
// textContent, not innerHTML.
func EmbedJSON(b []byte) []byte {
	var out bytes.Buffer
	out.Grow(len(b) + len(b)/64)
	start := 0
	for i := 0; i < len(b); i++ {
		var esc string
		switch c := b[i]; {
		case c == '<':
			esc = `\u003c`
		case c == '>':
			esc = `\u003e`
		case c == '&':
			esc = `\u0026`
		case c == 0xE2 && i+2 < len(b) && b[i+1] == 0x80 && (b[i+2] == 0xA8 || b[i+2] == 0xA9):
			esc = `\u2028`
			if b[i+2] == 0xA9 {
				esc = `\u2029`
			}
		default:
			continue
		}
		out.Write(b[start:i])
		out.WriteString(esc)
		if esc == `\u2028` || esc == `\u2029` {
			i += 2
		}
		start = i + 1
	}
	out.Write(b[start:])
	return out.Bytes()
}
