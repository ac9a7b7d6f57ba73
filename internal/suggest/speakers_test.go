package suggest

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// A speaker entity is named as a person would name it: a possessive
// mention ("Trump’s") names Trump, and joins the full name given before
// or after it without renaming it.
func TestSpeakerEntitiesAreNamedWithoutAPossessive(t *testing.T) {
	lx := newLexicon()
	tests := []struct {
		name     string
		mentions []string
		want     []string
	}{
		{"curly possessive alone", []string{"Trump’s"}, []string{"Trump"}},
		{"straight possessive alone", []string{"Lopez's"}, []string{"Lopez"}},
		{"full name, then possessive", []string{"Donald Trump", "Trump’s"}, []string{"Donald Trump"}},
		{"possessive, then full name", []string{"Trump’s", "Donald Trump"}, []string{"Donald Trump"}},
		{"possessive of a full name", []string{"Maria Lopez’s"}, []string{"Maria Lopez"}},
		{"a name ending in s", []string{"James"}, []string{"James"}},
		{"not a name", []string{"the ministry’s"}, []string{"the ministry’s"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var es entities
			doc := strings.Join(tt.mentions, " ")
			r := []rune(doc)
			at := 0
			for _, m := range tt.mentions {
				n := len([]rune(m))
				es.resolve(lx, r, Span{Start: at, End: at + n}, at)
				at += n + 1
			}
			var got []string
			for _, sp := range es.speakers() {
				got = append(got, sp.Name)
			}
			assert.Equal(t, tt.want, got)
		})
	}
}
