package w3c

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// FuzzImportOntoOpenText checks that other tools' annotations placed on
// the open text never panic, that what imports loads, and that the
// placement adds up. Seeds are in testdata/fuzz/FuzzImportOntoOpenText.
func FuzzImportOntoOpenText(f *testing.F) {
	f.Add([]byte(hypothesis("s", "Mayor Ana Ruiz", "on Monday. ", " said", 27, "")))
	f.Add([]byte(`[{"id": 1, "text": 2, "tags": [3], "target": {"source": "https://x", "selector": {"type": "TextQuoteSelector", "exact": "🚀"}}}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		got, _, pl, err := ImportWith(data, nil, Options{OpenText: openText})
		if err != nil {
			return
		}
		requireLoads(t, got)
		require.Equal(t, pl.Total, pl.Placed()+pl.NotFound, "every annotation of another tool is counted once: %+v", pl)
		require.LessOrEqual(t, len(got.Documents), 1, "they all go onto the open text")
	})
}
