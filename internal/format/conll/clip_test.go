package conll

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestClipKeepsShortLinesAndCutsLongOnesAtFiftySevenCharacters(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
	}{
		{"empty", "", ""},
		{"sixty characters stay whole", strings.Repeat("é", 60), strings.Repeat("é", 60)},
		{"sixty-one are cut to fifty-seven and an ellipsis", strings.Repeat("é", 61), strings.Repeat("é", 57) + "…"},
		{"characters, not bytes: emoji count one each", strings.Repeat("🙂", 59) + "ab", strings.Repeat("🙂", 57) + "…"},
		{"a line of a whole large file", strings.Repeat("a", 8<<20), strings.Repeat("a", 57) + "…"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, clip(tc.in))
		})
	}
}
