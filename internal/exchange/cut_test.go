package exchange_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"sayso/internal/exchange"
)

// A file that ends inside its first object is cut short, not the head of
// a larger file: it is not read as the format its first members name,
// and the column dialog finds nothing in it. The same object at the head
// of a file too large to probe whole is the start of that format.
func TestAnObjectCutShortIsAFormatOnlyWhenTheFileGoesOn(t *testing.T) {
	w3c := `{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "body": "x", "target": "`
	labelStudio := `[{"id": 1, "data": {"text": "`
	for _, c := range []struct {
		name, file, head string
		keys             []string
		want             string
	}{
		{"W3C", "a.txt", w3c, []string{"type"}, exchange.W3C},
		{"Label Studio", "a.txt", labelStudio, []string{"id"}, exchange.LabelStudio},
	} {
		t.Run(c.name, func(t *testing.T) {
			assert.NotEqual(t, c.want, exchange.Detect(c.file, []byte(c.head)), "a whole file that stops there is broken")
			assert.Nil(t, exchange.ColumnSamples([]byte(c.head), c.keys), "nothing to show from a broken file")
			long := []byte(c.head + strings.Repeat("a", exchange.ProbeBytes))
			assert.Equal(t, c.want, exchange.Detect(c.file, long), "the head of a larger file")
			assert.NotNil(t, exchange.ColumnSamples(long, c.keys), "its columns are shown")
		})
	}
}
