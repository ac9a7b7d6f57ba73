package suggest

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestFormsInflectRegularAndIrregularVerbs(t *testing.T) {
	for _, tc := range []struct {
		lemma string
		want  []string
	}{
		{"say", []string{"said", "says", "saying"}},
		{"note", []string{"noted", "notes", "noting"}},
		{"deny", []string{"denied", "denies", "denying"}},
		{"admit", []string{"admitted", "admits", "admitting"}},
		{"stress", []string{"stressed", "stresses", "stressing"}},
		{"tweet", []string{"tweeted", "tweets", "tweeting"}},
		{"refer", []string{"referred", "refers", "referring"}},
		{"echo", []string{"echoed", "echoes", "echoing"}},
		{"speak", []string{"spoke", "speaks", "speaking", "spoken"}},
	} {
		assert.Equal(t, tc.want, forms(tc.lemma, lists(irregularWords)), tc.lemma)
	}
}
