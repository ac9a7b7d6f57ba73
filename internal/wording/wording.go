// Package wording writes the small phrases of Sayso's messages and views
// in one place — counted nouns ("1 claim", "3 claims") and text clipped
// for a list ("Wang Wen, dean of…") — so that every package words them the
// same way. It sits below every package that talks to a person (annotation,
// merge, app) and imports nothing of Sayso's; it is not part of package
// text, which is about the document's text and its offsets, not about
// messages.
package wording

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Choose returns one when n is 1 and many otherwise: Choose(n, "it",
// "them").
func Choose(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Count writes n with a noun whose plural takes an s: "1 claim", "0
// claims", "3 claims".
func Count(n int, noun string) string {
	return strconv.Itoa(n) + " " + Choose(n, noun, noun+"s")
}

// Clip folds runs of white space in s into one space and cuts it to at most
// n code points, the last being "…" when it was cut.
//
// A text already folded (the common case: a quote of a few words) is cut
// where it stands, without making a copy of it: the side list clips
// several texts per row it draws, after every change.
func Clip(s string, n int) string {
	if !folded(s) {
		s = strings.Join(strings.Fields(s), " ")
		if r := []rune(s); len(r) > n {
			return string(r[:n-1]) + "…"
		}
		return s
	}
	runes := 0
	for i := range s {
		if runes == n-1 && utf8.RuneCountInString(s[i:]) > 1 {
			return s[:i] + "…"
		}
		runes++
	}
	return s
}

// folded reports whether s is valid UTF-8 that strings.Fields and a join
// with single spaces would leave as it is: no white space but single
// spaces between words.
func folded(s string) bool {
	space := true // at the start: a space here is leading
	for i, r := range s {
		switch {
		case r == utf8.RuneError:
			if _, size := utf8.DecodeRuneInString(s[i:]); size == 1 {
				return false
			}
			space = false
		case r == ' ':
			if space {
				return false
			}
			space = true
		case unicode.IsSpace(r):
			return false
		default:
			space = false
		}
	}
	return !space || s == ""
}
