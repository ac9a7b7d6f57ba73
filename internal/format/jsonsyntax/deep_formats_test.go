package jsonsyntax_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"sayso/internal/format/citron"
	"sayso/internal/format/doccano"
	"sayso/internal/format/w3c"
)

// TestFormatsSayJSONIsNestedTooDeeply checks that the formats reading JSON
// pass on the message for valid JSON nested past the limit.
func TestFormatsSayJSONIsNestedTooDeeply(t *testing.T) {
	deepList := []byte(strings.Repeat("[", 100000) + strings.Repeat("]", 100000))
	deepObject := []byte(`{"text": ` + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + "}")
	const want = "this file is nested too deeply: more than 10,000 arrays or objects inside each other"
	tests := []struct {
		name string
		err  func() error
	}{
		{"w3c", func() error { _, _, err := w3c.Import(deepList, nil); return err }},
		{"doccano list", func() error { _, _, err := doccano.Import(deepList); return err }},
		{"doccano object", func() error { _, _, err := doccano.Import(deepObject); return err }},
		{"citron list", func() error { _, _, err := citron.Import(deepList); return err }},
		{"citron object", func() error { _, _, err := citron.Import(deepObject); return err }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.err()
			assert.ErrorContains(t, err, want)
			assert.NotContains(t, err.Error(), "invalid character")
		})
	}
}
