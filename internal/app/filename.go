package app

import (
	"strings"
	"unicode"
)

// MaxFileNameRunes bounds the part of a download's name made from a title.
const MaxFileNameRunes = 80

// FileName turns a document title into a safe base name for a download: no
// path separators, control or format characters, reserved punctuation or
// leading dots; white space collapsed; at most MaxFileNameRunes characters;
// "sayso" when nothing is left.
func FileName(title string) string {
	var b strings.Builder
	space := false
	n := 0
	for _, r := range title {
		switch {
		case unicode.IsSpace(r):
			space = b.Len() > 0
			continue
		case unicode.IsControl(r), unicode.Is(unicode.Cf, r), r == unicode.ReplacementChar,
			strings.ContainsRune(`/\:*?"<>|`, r):
			space = b.Len() > 0
			continue
		case r == '.' && b.Len() == 0:
			continue
		}
		need := 1
		if space {
			need = 2
		}
		if n+need > MaxFileNameRunes {
			break
		}
		if space {
			b.WriteByte(' ')
			n++
			space = false
		}
		b.WriteRune(r)
		n++
	}
	name := strings.TrimRight(b.String(), " .")
	if name == "" {
		return "sayso"
	}
	return name
}
