package exchange_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/exchange"
)

// twoOfEach is a doccano file whose examples have two string columns and
// two span-list columns: which holds what is for the person to say.
const twoOfEach = `{"body": "Ana said hi.", "content": "Bo says no.", "spans": [[0, 3, "speaker"]], "marks": [[0, 2, "speaker"], [8, 10, "claim"]]}
{"body": "Cy said so.", "content": "Di says yes.", "spans": [[0, 2, "speaker"]], "marks": [[0, 2, "speaker"]]}
`

func quotes(p annotation.Project) []string {
	var out []string
	for _, a := range p.Annotations {
		out = append(out, a.Label+": "+a.Quote)
	}
	return out
}

func TestImportOfAmbiguousColumnsSaysWhichCouldHoldWhat(t *testing.T) {
	_, err := exchange.Import("x.jsonl", []byte(twoOfEach), annotation.Project{})
	require.Error(t, err)
	var re *exchange.ReadError
	require.ErrorAs(t, err, &re, "the doccano reader failed")
	assert.Equal(t, exchange.Doccano, re.Format.ID)
	amb, ok := exchange.AmbiguousColumnsIn(err)
	require.True(t, ok)
	assert.Equal(t, exchange.AmbiguousColumns{Text: []string{"body", "content"}, Label: []string{"marks", "spans"}}, amb)

	_, ok = exchange.AmbiguousColumnsIn(errors.New("something else"))
	assert.False(t, ok, "other errors are not a question about columns")
}

func TestImportDoccanoWithReadsTheChosenColumns(t *testing.T) {
	tests := []struct {
		name string
		cols exchange.Columns
		want []string
	}{
		{"body and spans", exchange.Columns{Text: "body", Label: "spans"}, []string{"speaker: Ana", "speaker: Cy"}},
		{"content and marks", exchange.Columns{Text: "content", Label: "marks"}, []string{"speaker: Bo", "claim: no", "speaker: Di"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in, err := exchange.ImportDoccanoWith([]byte(twoOfEach), tc.cols)
			require.NoError(t, err)
			assert.Equal(t, exchange.Doccano, in.Format.ID)
			assert.Len(t, in.Project.Documents, 2)
			assert.Equal(t, tc.want, quotes(in.Project))
		})
	}
}

func TestImportDoccanoWithOneColumnChosenStillAsksForTheOther(t *testing.T) {
	_, err := exchange.ImportDoccanoWith([]byte(twoOfEach), exchange.Columns{Text: "body"})
	amb, ok := exchange.AmbiguousColumnsIn(err)
	require.True(t, ok, "%v", err)
	assert.Empty(t, amb.Text, "the text is settled")
	assert.Equal(t, []string{"marks", "spans"}, amb.Label)
}

func TestImportDoccanoWithARegistryWithoutDoccanoSaysSo(t *testing.T) {
	_, err := exchange.NewRegistry().ImportDoccanoWith([]byte(twoOfEach), exchange.Columns{Text: "body", Label: "spans"})
	require.Error(t, err)
	var re *exchange.ReadError
	assert.False(t, errors.As(err, &re))
	assert.Contains(t, err.Error(), "cannot open")
}

func TestColumnSamplesShowWhatTheFirstExampleHolds(t *testing.T) {
	keys := []string{"body", "content", "marks", "spans", "missing"}
	tests := []struct {
		name, file string
		want       map[string]string
	}{
		{"JSON Lines", twoOfEach, map[string]string{"body": "Ana said hi.", "content": "Bo says no.", "marks": "2 spans", "spans": "1 span"}},
		{"a list of examples", "[" + strings.Replace(strings.TrimSpace(twoOfEach), "\n", ",", 1) + "]",
			map[string]string{"body": "Ana said hi.", "content": "Bo says no.", "marks": "2 spans", "spans": "1 span"}},
		{"not JSON", "hello", nil},
		{"empty", "", nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, exchange.ColumnSamples([]byte(tc.file), keys))
		})
	}
}
