package suite

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFiguresCarryTargetsAndDefinitions(t *testing.T) {
	s := &Samples{
		ByID:  map[string][]float64{"render.medium": {100, 300, 200}, "render.large": {900}},
		Notes: map[string]string{"render.large": "one run"},
	}
	figs := Figures(s, Labels{Medium: "1 MB", Large: "5 MB", IO: "10k"}, true)
	byID := map[string]int{}
	for i, f := range figs {
		assert.NotEmpty(t, f.Definition, f.ID)
		assert.NotContains(t, f.Definition[:1], "=", f.ID)
		_, dup := byID[f.ID]
		assert.False(t, dup, "figure %s listed twice", f.ID)
		byID[f.ID] = i
	}
	med := figs[byID["render.medium"]]
	require.NotNil(t, med.Met)
	assert.False(t, *med.Met, "200 ms misses 150 ms")
	assert.Equal(t, 200.0, med.Median)
	large := figs[byID["render.large"]]
	assert.Contains(t, large.Definition, "[one run]")
	assert.Equal(t, med.Definition+" [one run]", large.Definition, "=render.medium repeats the definition")
	assert.Nil(t, figs[byID["add.large.p95"]].Met, "no samples, no verdict")

	for _, f := range Figures(s, Labels{}, false) {
		assert.Nil(t, f.Target, "no targets in a smoke run: %s", f.ID)
	}
}

func TestAddFiguresPoolEveryRun(t *testing.T) {
	s := &Samples{ByID: map[string][]float64{"add.medium": {5, 1, 4, 2, 3, 10, 6, 7, 8, 9}}}
	for _, f := range Figures(s, Labels{}, true) {
		switch f.ID {
		case "add.medium.p50":
			assert.Equal(t, 5.0, f.Median)
			assert.Equal(t, 10, f.N)
		case "add.medium.p95":
			assert.Equal(t, 10.0, f.Median)
			require.NotNil(t, f.Met)
			assert.True(t, *f.Met, "10 ms is within 20 ms")
		}
	}
}

func TestCompareFigureHasTheClassroomTarget(t *testing.T) {
	s := &Samples{ByID: map[string][]float64{"compare.class": {1500, 2500, 1800}, "compare.class.cpu": {1200}}}
	l := Labels{Class: "40 exports, 3,000-word article", Students: 40}
	var found bool
	for _, f := range Figures(s, l, true) {
		switch f.ID {
		case "compare.class":
			found = true
			assert.Equal(t, "compare 40 exports, 3,000-word article", f.Name)
			require.NotNil(t, f.Target)
			assert.Equal(t, 2000.0, f.Target.Max)
			require.NotNil(t, f.Met)
			assert.True(t, *f.Met, "a median of 1.8 s is within 2 s")
			assert.Contains(t, f.Definition, "40 rows")
			assert.Contains(t, f.Definition, "#compare-files")
		case "compare.class.cpu":
			assert.Contains(t, f.Definition, "Performance.getMetrics", "the CPU definition is repeated")
		}
	}
	assert.True(t, found)
}
