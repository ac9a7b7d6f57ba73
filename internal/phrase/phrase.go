// Package phrase builds the small English phrases that the app's messages
// and its views share: counts with a noun ("3 claims") and text clipped for
// a list ("Wang Wen, dean of…").
package phrase

import (
	"strconv"
	"strings"
)

// Count is n followed by noun, with an s unless n is 1: "1 claim",
// "0 claims", "3 claims".
func Count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
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
