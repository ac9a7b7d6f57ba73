package conll

import "unicode"

// token is a run of a line's characters, in code points of the document.
type token struct{ Start, End int }

// Character classes for tokenizing.
const (
	space = iota
	word
	other
	attach // joins the character before it
)

// class returns the class of line[i] on its own or, for an apostrophe or
// hyphen between two word characters, word.
func class(line []rune, i int) int {
	r := line[i]
	switch {
	case unicode.IsSpace(r):
		return space
	case joins(r):
		return attach
	case isWord(r):
		return word
	case (r == '\'' || r == '’' || r == '-') && i > 0 && i+1 < len(line) && isWord(line[i-1]) && isWord(line[i+1]):
		return word
	}
	return other
}

func isWord(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || unicode.Is(unicode.Pc, r)
}

// joins reports whether r belongs to the character before it: combining
// marks, the zero width joiner, variation selectors, emoji modifiers and
// tag characters.
func joins(r rune) bool {
	return unicode.IsMark(r) || r == 0x200D ||
		0xFE00 <= r && r <= 0xFE0F || 0xE0100 <= r && r <= 0xE01EF ||
		0x1F3FB <= r && r <= 0x1F3FF || 0xE0020 <= r && r <= 0xE007F
}

// tokenize splits a line that starts at code point off of the document
// into tokens: runs of word characters (letters, digits, marks, and
// apostrophes or hyphens inside words), or runs of other characters
// that are not white space. No token crosses a cut: a document offset
// where an exported span starts or ends. This is not linguistic
// tokenization: CJK text without spaces stays one token between cuts.
func tokenize(line []rune, off int, cuts map[int]bool) []token {
	var toks []token
	start, prev := -1, space
	for i := range line {
		c := class(line, i)
		if c == attach {
			c = prev
			if c == space {
				c = other
			}
		}
		if start >= 0 && (c != prev || cuts[off+i]) {
			toks = append(toks, token{off + start, off + i})
			start = -1
		}
		if c != space && start < 0 {
			start = i
		}
		prev = c
	}
	if start >= 0 {
		toks = append(toks, token{off + start, off + len(line)})
	}
	return toks
}
