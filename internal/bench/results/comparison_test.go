package results

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestComparisonPrints(t *testing.T) {
	c := Comparison{Title: "Side by side", Columns: []string{"tool", "3 KB"},
		Rows: [][]string{{"plain", "39.0 ms"}, {"a|b", "–"}, {"<mark>s", "1"}}}
	for _, tc := range []struct {
		name  string
		print func(*strings.Builder) error
		want  []string
	}{
		{"markdown", func(b *strings.Builder) error { return c.Markdown(b) },
			[]string{"Side by side\n\n| tool | 3 KB |\n| --- | --- |\n", "| plain | 39.0 ms |\n", `| a\|b | – |`, "| &lt;mark>s | 1 |"}},
		{"text", func(b *strings.Builder) error { return c.Text(b) },
			[]string{"Side by side\n", "tool     3 KB\n", "plain    39.0 ms\n", "<mark>s  1\n"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b strings.Builder
			require.NoError(t, tc.print(&b))
			for _, w := range tc.want {
				assert.Contains(t, b.String(), w)
			}
		})
	}
}
