package view

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/app"
)

func TestCompareScoresEachStudentAgainstTheKey(t *testing.T) {
	st := classState(t)
	assert.Equal(t, 0, st.Compare.Key, "the key's export says it is the key")
	reports, why := st.Compare.Reports()
	require.Empty(t, why)
	require.Len(t, reports, 3)
	byName := map[string]int{}
	for i, r := range reports {
		byName[r.Annotator] = i
	}
	ana, ben, cleo := reports[byName["Ana"]], reports[byName["Ben"]], reports[byName["Cleo"]]
	assert.InDelta(t, 1.0, ana.Claims.Exact.F1, 1e-9)
	assert.InDelta(t, 100.0, ana.Score, 1e-9)
	assert.InDelta(t, 2.0/3, ben.Claims.Exact.F1, 1e-9, "one of two claims: P 1, R 1/2")
	assert.InDelta(t, 0.0, ben.Stance.Value, 1e-9)
	assert.InDelta(t, 0.5, cleo.Stance.Value, 1e-9)
	assert.Equal(t, "Ana", reports[0].Annotator, "sorted by score, best first")

	app.Update(st, app.SortCompare{Column: "name"})
	reports, _ = st.Compare.Reports()
	assert.Equal(t, []string{"Ana", "Ben", "Cleo"}, []string{reports[0].Annotator, reports[1].Annotator, reports[2].Annotator})

	html := Compare(st).String()
	assertOnlyOwnMarkup(t, html)
	assert.Contains(t, html, `id="alpha"`)
	assert.Contains(t, html, "Krippendorff")

	dl := app.Update(st, app.ExportScores{})[0].(app.Download)
	assert.Equal(t, "scores.csv", dl.Name)
	lines := strings.Split(strings.TrimSpace(string(dl.Data)), "\r\n")
	require.Len(t, lines, 4)
	assert.True(t, strings.HasPrefix(lines[1], "Ana,1.00,1.00"), lines[1])
}
