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
func Clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}
