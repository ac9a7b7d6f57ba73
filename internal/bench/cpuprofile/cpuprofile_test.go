//go:build !js

package cpuprofile

import (
	"strings"
	"testing"

	"github.com/chromedp/cdproto/profiler"
	"github.com/chromedp/cdproto/runtime"
	"github.com/stretchr/testify/assert"
)

// node makes a profile node of function fn at line in app.js.
func node(id int64, fn string, line int64, children ...int64) *profiler.ProfileNode {
	return &profiler.ProfileNode{ID: id, CallFrame: &runtime.CallFrame{FunctionName: fn, URL: "http://x/app.js", LineNumber: line}, Children: children}
}

// A tree: (root) 1 → main 2 → walk 3 → walk 4 (recursion), and main → an
// anonymous function 5. Samples of 1 ms (1000 µs) each.
func profile() *profiler.Profile {
	return &profiler.Profile{
		Nodes:      []*profiler.ProfileNode{node(1, "(root)", 0, 2), node(2, "main", 10, 3, 5), node(3, "walk", 20, 4), node(4, "walk", 20), node(5, "", 30)},
		Samples:    []int64{2, 3, 4, 4, 5, 99},
		TimeDeltas: []int64{1000, 1000, 1000, 1000, 2000},
	}
}

func TestTimesSumSelfAndTotalTimeOverRuns(t *testing.T) {
	var tm Times
	tm.Add(profile())
	tm.Add(profile())
	assert.Equal(t, 2, tm.Runs)
	assert.Equal(t, map[string]float64{
		"main (app.js:10)":        2,
		"walk (app.js:20)":        6, // two nodes of one function and line
		"(anonymous) (app.js:30)": 4,
	}, tm.Self, "the sample past TimeDeltas is left out")
	assert.Equal(t, map[string]float64{
		"(root) (app.js)":      12,
		"main (app.js)":        12,
		"walk (app.js)":        6, // counted once per sample, not per frame of the recursion
		"(anonymous) (app.js)": 4,
	}, tm.Total)
}

func TestPrintListsTheTopFunctionsPerRun(t *testing.T) {
	var tm Times
	tm.Add(profile())
	tm.Add(profile())
	var b strings.Builder
	tm.Print(&b, 2)
	assert.Equal(t, "self time, per run (2 runs):\n"+
		"       3.00 ms  walk (app.js:20)\n"+
		"       2.00 ms  (anonymous) (app.js:30)\n"+
		"total time (self and callees), per run (2 runs):\n"+
		"       6.00 ms  (root) (app.js)\n"+
		"       6.00 ms  main (app.js)\n", b.String())
}
