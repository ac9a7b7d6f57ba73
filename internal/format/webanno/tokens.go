package webanno

import (
	"strings"
	"unicode"
)

// token is a run of the document's characters, in code points.
type token struct{ Start, End int }

// Character classes for tokenizing.
const (
	classSpace = iota
	classWord
	classOther
)

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

func isRegional(r rune) bool { return 0x1F1E6 <= r && r <= 0x1F1FF }

// tokenize splits text into tokens: runs of word characters (letters,
// digits, marks, and apostrophes or hyphens between two word characters),
// and every other character that is not white space on its own, with what
// joins it (a combining mark, an emoji sequence joined by U+200D, a flag's
// two regional indicators). No token contains white space, and none
// crosses a cut: an offset where an exported span starts or ends.
func tokenize(rs []rune, cuts map[int]bool) []token {
	var toks []token
	start, prev := -1, classSpace
	for i, r := range rs {
		c := classOther
		attached := false
		switch {
		case unicode.IsSpace(r):
			c = classSpace
		case i > 0 && (joins(r) || rs[i-1] == 0x200D) && prev != classSpace:
			c, attached = prev, true
		case isRegional(r) && i > 0 && isRegional(rs[i-1]) && start >= 0 && (i-start)%2 == 1:
			c, attached = prev, true
		case isWord(r):
			c = classWord
		case (r == '\'' || r == '’' || r == '-') && i > 0 && i+1 < len(rs) && isWord(rs[i-1]) && isWord(rs[i+1]):
			c = classWord
		}
		split := c != prev || cuts[i] || c == classOther && !attached
		if start >= 0 && split {
			toks = append(toks, token{start, i})
			start = -1
		}
		if c != classSpace && start < 0 {
			start = i
		}
		prev = c
	}
	if start >= 0 {
		toks = append(toks, token{start, len(rs)})
	}
	return toks
}

// sentenceStarts returns the indexes of the tokens that start a sentence:
// the first, and each one after a line break or after a sentence's final
// punctuation and white space, unless an exported span goes on across that
// point (joined[i] is true when one covers tokens i-1 and i).
func sentenceStarts(rs []rune, toks []token, joined []bool) []int {
	if len(toks) == 0 {
		return nil
	}
	starts := []int{0}
	for i := 1; i < len(toks); i++ {
		if joined[i] {
			continue
		}
		gap := string(rs[toks[i-1].End:toks[i].Start])
		if strings.ContainsAny(gap, "\n\u2028\u2029") || gap != "" && endsSentence(rs, toks[i-1].End) {
			starts = append(starts, i)
		}
	}
	return starts
}

// endsSentence reports whether the text before end finishes a sentence: a
// full stop, question or exclamation mark or ellipsis, perhaps followed by
// closing quotes or brackets.
func endsSentence(rs []rune, end int) bool {
	i := end - 1
	for i >= 0 && strings.ContainsRune("\"'”’»)]", rs[i]) {
		i--
	}
	return i >= 0 && strings.ContainsRune(".!?…。！？", rs[i])
}
