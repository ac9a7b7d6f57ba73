package agreement

import (
	"strings"

	"sayso/internal/annotation"
)

// Annotator is one person's work: the name to show (a student's name, "key")
// and the project they exported.
type Annotator struct {
	Name    string
	Project annotation.Project
}

// NormalizeName is the form in which speaker names are compared: lower case,
// runs of white space collapsed to one space, no leading or trailing space.
func NormalizeName(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}
