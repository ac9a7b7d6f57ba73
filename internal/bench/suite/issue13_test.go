//go:build !js

package suite

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/bench/results"
)

func TestAddTarget(t *testing.T) {
	for _, tc := range []struct {
		name               string
		k, n, run, paras   int
		wantPara, wantSkip int
	}{
		{"long document: spread, first add", 0, 8, 0, 1000, 1, 0},
		{"long document: spread, fifth add", 4, 8, 0, 1000, 1 + 4*998/8, 0},
		{"long document: another stretch next run", 0, 8, 1, 1000, 1 + 37, 0},
		{"short article: paragraph by paragraph", 2, 8, 0, 5, 2, 0},
		{"short article: then the next run of words", 6, 8, 3, 5, 1, 1},
		{"no paragraphs", 3, 8, 0, 0, 0, 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			para, skip := AddTarget(tc.k, tc.n, tc.run, tc.paras)
			assert.Equal(t, tc.wantPara, para)
			assert.Equal(t, tc.wantSkip, skip)
		})
	}
}

func TestAddTargetsOfAShortArticleNeverRepeat(t *testing.T) {
	seen := map[[2]int]bool{}
	for k := range 8 {
		p, s := AddTarget(k, 8, 0, 3)
		assert.False(t, seen[[2]int{p, s}], "add %d repeats (%d, %d)", k, p, s)
		seen[[2]int{p, s}] = true
	}
}

func TestPairRatios(t *testing.T) {
	for _, tc := range []struct {
		name     string
		num, den []float64
		want     []float64
	}{
		{"run by run", []float64{100, 300}, []float64{50, 100}, []float64{2, 3}},
		{"fewer runs in one", []float64{100, 300, 500}, []float64{50}, []float64{2}},
		{"zero skipped", []float64{100, 300}, []float64{0, 100}, []float64{3}},
		{"nothing", nil, []float64{1}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, PairRatios(tc.num, tc.den))
		})
	}
}

func labels13() Labels13 {
	return Labels13{Small: "3 KB", Medium: "1 MB", Large: "5 MB", Many: "50k", Peer: "Recogito", Adds: 4}
}

func figureByID(t *testing.T, figs []results.Figure, id string) results.Figure {
	t.Helper()
	for _, f := range figs {
		if f.ID == id {
			return f
		}
	}
	require.Failf(t, "no figure", "%s", id)
	return results.Figure{}
}

func TestFigures13(t *testing.T) {
	s := &Samples{ByID: map[string][]float64{
		"render.small": {50, 30, 40}, "plain.small": {50, 20, 40},
		"add.medium.spaced": {10, 20, 30, 40}, "peer.add.medium": {25, 35},
		"add.medium.spaced.cpu": {3, 5, 4},
		"many.undo":             {20}, "many.undo.cpu": {17},
	}, Notes: map[string]string{"many.undo": "one run"}}
	figs := Figures13(s, labels13(), true)
	ids := map[string]bool{}
	for _, f := range figs {
		assert.False(t, ids[f.ID], "%s twice", f.ID)
		ids[f.ID] = true
		assert.NotEmpty(t, f.Definition, f.ID)
	}
	for _, tc := range []struct {
		id     string
		median float64
		target float64 // 0: none
		met    string  // "yes", "no" or "" (not judged)
	}{
		{"open13.small", 40, 40, "yes"},
		{"ratio13.small", 1, 1, "yes"},
		{"add.medium.spaced.p95", 40, 35, "no"},
		{"add.medium.spaced.p50", 20, 0, ""},
		{"add.medium.spaced.cpu", 4, 4, "yes"},
		{"many.undo", 20, 33.4, "yes"},
		{"many.undo.cpu", 17, 16, "no"},
		{"marks.large", 0, 0, ""},
	} {
		t.Run(tc.id, func(t *testing.T) {
			f := figureByID(t, figs, tc.id)
			assert.InDelta(t, tc.median, f.Median, 1e-9)
			if tc.target == 0 {
				assert.Nil(t, f.Target)
			} else {
				require.NotNil(t, f.Target)
				assert.InDelta(t, tc.target, f.Target.Max, 1e-9)
			}
			switch tc.met {
			case "":
				assert.Nil(t, f.Met)
			default:
				require.NotNil(t, f.Met)
				assert.Equal(t, tc.met == "yes", *f.Met)
			}
		})
	}
	assert.Contains(t, figureByID(t, figs, "many.undo").Definition, "[one run]")
	for _, f := range Figures13(s, labels13(), false) {
		assert.Nil(t, f.Target, "no targets without judging: %s", f.ID)
	}
}

func TestSideBySide(t *testing.T) {
	s := &Samples{ByID: map[string][]float64{
		"render.small": {40}, "plain.small": {50}, "marks.small": {45}, "peer.render.small": {60},
		"add.small.spaced": {10, 30}, "peer.add.small": {20, 40},
	}, Notes: map[string]string{"peer.render.large": "run 1: " + peerTooSlow + " within 120 s"}}
	c := SideBySide(Figures13(s, labels13(), true), labels13())
	require.Len(t, c.Columns, 7)
	assert.Equal(t, "open and paint, 3 KB", c.Columns[1])
	rows := map[string][]string{}
	for _, r := range c.Rows {
		require.Len(t, r, 7, r[0])
		rows[r[0]] = r
	}
	for _, tc := range []struct {
		row  string
		col  int
		want string
	}{
		{"plain paragraphs, no highlights", 1, "50.0 ms"},
		{"one innerHTML with <mark>s", 1, "45.0 ms"},
		{"Recogito", 1, "60.0 ms"},
		{"Recogito", 4, "20.0 ms / 40.0 ms"},
		{"Recogito", 3, "> 120 s"},
		{"Sayso", 1, "40.0 ms (0.80× plain)"},
		{"Sayso", 2, "–"},
		{"Sayso", 4, "10.0 ms / 30.0 ms"},
		{"target", 1, "≤ 40.0 ms and ≤ 1.00× plain"},
		{"target", 4, "p95 ≤ 40.0 ms (the fastest peer)"},
		{"met?", 1, "yes"},
		{"met?", 4, "yes"},
		{"met?", 2, "–"},
	} {
		t.Run(tc.row, func(t *testing.T) {
			require.Contains(t, rows, tc.row)
			assert.Equal(t, tc.want, rows[tc.row][tc.col])
		})
	}
}
