package webanno

import (
	"strconv"
	"strings"
)

// escapeValue escapes a feature value: the reserved characters \ [ ] | _
// ; * and the pair -> get a backslash in front, tab and line feed become
// \t and \n, as INCEpTION writes them. A carriage return (which INCEpTION
// would write raw, breaking the line) is written as \n.
func escapeValue(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\', '[', ']', '|', '_', ';', '*':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '-':
			if i+1 < len(s) && s[i+1] == '>' {
				b.WriteString(`\->`)
				i++
				continue
			}
			b.WriteByte(c)
		case '\t':
			b.WriteString(`\t`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
			b.WriteString(`\n`)
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// unescapeValue undoes escapeValue. A backslash before any other character
// is kept, as INCEpTION keeps it.
func unescapeValue(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 == len(s) {
			b.WriteByte(c)
			continue
		}
		switch n := s[i+1]; n {
		case '\\', '[', ']', '|', '_', ';', '*':
			b.WriteByte(n)
			i++
		case 't':
			b.WriteByte('\t')
			i++
		case 'n':
			b.WriteByte('\n')
			i++
		case '-':
			if i+2 < len(s) && s[i+2] == '>' {
				b.WriteString("->")
				i += 2
			} else {
				b.WriteByte(c)
			}
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// escapeText escapes a line of text (a #Text= line or a token) as
// INCEpTION does since TSV 3.2: the backslash, tab, line feed, form feed,
// carriage return and backspace in Java's notation, and other control
// characters below U+0020 (except U+0008–U+000D) with a backslash in front.
func escapeText(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == '\t':
			b.WriteString(`\t`)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\f':
			b.WriteString(`\f`)
		case r == '\r':
			b.WriteString(`\r`)
		case r == '\b':
			b.WriteString(`\b`)
		case r < 0x20 && (r < 8 || r > 13):
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// unescapeText undoes escapeText. For TSV 3.0 and 3.1, which escaped text
// as Java string literals, it also reads \uXXXX and octal escapes.
func unescapeText(s string, minor int) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c != '\\' || i+1 == len(s) {
			b.WriteByte(c)
			continue
		}
		n := s[i+1]
		switch {
		case n == '\\':
			b.WriteByte('\\')
		case n == 't':
			b.WriteByte('\t')
		case n == 'n':
			b.WriteByte('\n')
		case n == 'f':
			b.WriteByte('\f')
		case n == 'r':
			b.WriteByte('\r')
		case n == 'b':
			b.WriteByte('\b')
		case n < 0x20 && (n < 8 || n > 13):
			b.WriteByte(n)
		case minor <= 1 && n == 'u' && i+6 <= len(s):
			v, err := strconv.ParseUint(s[i+2:i+6], 16, 16)
			if err != nil {
				b.WriteByte(c)
				continue
			}
			b.WriteRune(rune(v))
			i += 4
		case minor <= 1 && (n == '"' || n == '\''):
			b.WriteByte(n)
		default:
			b.WriteByte(c)
			continue
		}
		i++
	}
	return b.String()
}

// splitStack splits a column into its stacked values at each | that is not
// escaped.
func splitStack(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '|':
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

// cutSuffix splits a value into its text and the part in a final [...]
// that is not escaped; ok is false when there is none.
func cutSuffix(v string) (value, suffix string, ok bool) {
	if !strings.HasSuffix(v, "]") || escapedAt(v, len(v)-1) {
		return v, "", false
	}
	open := -1
	for i := 0; i < len(v)-1; i++ {
		switch v[i] {
		case '\\':
			i++
		case '[':
			open = i
		}
	}
	if open < 0 {
		return v, "", false
	}
	return v[:open], v[open+1 : len(v)-1], true
}

// escapedAt reports whether the byte at i is escaped: preceded by an odd
// number of backslashes.
func escapedAt(s string, i int) bool {
	n := 0
	for j := i - 1; j >= 0 && s[j] == '\\'; j-- {
		n++
	}
	return n%2 == 1
}
