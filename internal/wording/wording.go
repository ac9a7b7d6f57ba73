// Package wording writes the counted nouns of Sayso's messages ("1 claim",
// "3 claims") in one place, so that every package words a count the same
// way. It sits below every package that talks to a person (annotation,
// merge, app) and imports nothing of Sayso's; it is not part of package
// text, which is about the document's text and its offsets, not about
// messages.
package wording

import "strconv"

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
