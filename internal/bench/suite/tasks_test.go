//go:build !js

package suite

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// events decodes trace events written as JSON, as Tracing.dataCollected
// carries them.
func events(t *testing.T, js string) []traceEvent {
	t.Helper()
	var ev []traceEvent
	require.NoError(t, json.Unmarshal([]byte(js), &ev))
	return ev
}

func TestASaveIsTheTaskHoldingTheFirstMeasureAndItsCompletionTheRest(t *testing.T) {
	tr := parseTrace(events(t, `[
		{"name":"RunTask","cat":"toplevel","ph":"X","ts":1000,"dur":3000,"tdur":900,"pid":1,"tid":7},
		{"name":"RunTask","cat":"toplevel","ph":"X","ts":1100,"dur":2000,"tdur":800,"pid":1,"tid":7},
		{"name":"RunTask","cat":"toplevel","ph":"X","ts":1100,"dur":2000,"tdur":50,"pid":1,"tid":8},
		{"name":"sayso:save","cat":"blink.user_timing","ph":"b","ts":1200,"pid":1,"tid":7,"id2":{"local":"0x1"}},
		{"name":"sayso:save","cat":"blink.user_timing","ph":"e","ts":1900,"pid":1,"tid":7,"id2":{"local":"0x1"}},
		{"name":"RunTask","cat":"toplevel","ph":"X","ts":9000,"dur":1500,"tdur":600,"pid":1,"tid":7},
		{"name":"sayso:save","cat":"blink.user_timing","ph":"b","ts":9100,"pid":1,"tid":7,"id":2},
		{"name":"sayso:save","cat":"blink.user_timing","ph":"e","ts":9800,"pid":1,"tid":7,"id":2},
		{"name":"sayso:compact","cat":"blink.user_timing","ph":"b","ts":12000,"pid":1,"tid":7,"id":3}
	]`))
	require.Len(t, tr.measures("sayso:save"), 2, "begin and end paired by id")
	c, err := saveTasks(tr)
	require.NoError(t, err)
	assert.Equal(t, saveCosts{wall: 2, cpu: 0.8, measure: 0.7, doneWall: 1.5, doneCPU: 0.6, doneTasks: 1}, c,
		"the shortest task of the measure's thread that holds it")
}

func TestASaveWithoutItsCompletionInTheTraceIsAnError(t *testing.T) {
	tests := []struct {
		name, trace string
	}{
		{"no measure", `[{"name":"RunTask","cat":"toplevel","ph":"X","ts":1000,"dur":3000,"tdur":900,"pid":1,"tid":7}]`},
		{"the save only", `[
			{"name":"RunTask","cat":"toplevel","ph":"X","ts":1000,"dur":3000,"tdur":900,"pid":1,"tid":7},
			{"name":"sayso:save","cat":"blink.user_timing","ph":"b","ts":1200,"pid":1,"tid":7,"id":1},
			{"name":"sayso:save","cat":"blink.user_timing","ph":"e","ts":1900,"pid":1,"tid":7,"id":1}]`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := saveTasks(parseTrace(events(t, tc.trace)))
			assert.Error(t, err)
		})
	}
}

func TestAMeasureWhoseTaskTheTraceLostStandsForItWithoutCPUTime(t *testing.T) {
	c, err := saveTasks(parseTrace(events(t, `[
		{"name":"RunTask","cat":"toplevel","ph":"B","ts":1000,"pid":1,"tid":7},
		{"name":"sayso:save","cat":"blink.user_timing","ph":"b","ts":1200,"pid":1,"tid":7,"id":1},
		{"name":"sayso:save","cat":"blink.user_timing","ph":"e","ts":1900,"pid":1,"tid":7,"id":1},
		{"name":"RunTask","cat":"toplevel","ph":"E","ts":2500,"pid":1,"tid":7},
		{"name":"sayso:save","cat":"blink.user_timing","ph":"b","ts":3000,"pid":1,"tid":7,"id":2},
		{"name":"sayso:save","cat":"blink.user_timing","ph":"e","ts":3400,"pid":1,"tid":7,"id":2}]`)))
	require.NoError(t, err)
	assert.Equal(t, saveCosts{wall: 1.5, cpu: -1, measure: 0.7, doneWall: 0.4, doneCPU: -1, doneTasks: 1}, c,
		"a task given as begin and end has no CPU time; a measure without its task stands for it")
}

func TestMeasuresSharingAnIdArePairedInTheOrderTheTraceDeliveredThem(t *testing.T) {
	// Chromium gives every measure of a name one id and writes its begin
	// and end together when performance.measure is called; the rows
	// below are as it delivered them.
	tests := []struct {
		name  string
		trace string
		want  []span
	}{
		{"a measure of no length after one ending at the same time", `[
			{"name":"sayso:save","cat":"blink.user_timing","ph":"b","ts":4000,"pid":1,"tid":7,"id2":{"local":"0x23"}},
			{"name":"sayso:save","cat":"blink.user_timing","ph":"e","ts":5000,"pid":1,"tid":7,"id2":{"local":"0x23"}},
			{"name":"sayso:save","cat":"blink.user_timing","ph":"b","ts":5000,"pid":1,"tid":7,"id2":{"local":"0x23"}},
			{"name":"sayso:save","cat":"blink.user_timing","ph":"e","ts":5000,"pid":1,"tid":7,"id2":{"local":"0x23"}}]`,
			[]span{{Name: "sayso:save", Pid: 1, Tid: 7, Start: 4000, End: 5000}, {Name: "sayso:save", Pid: 1, Tid: 7, Start: 5000, End: 5000}}},
		{"a measure of no length, one instant event", `[
			{"name":"sayso:save","cat":"blink.user_timing","ph":"b","ts":4000,"pid":1,"tid":7,"id2":{"local":"0x2a"}},
			{"name":"sayso:save","cat":"blink.user_timing","ph":"e","ts":4500,"pid":1,"tid":7,"id2":{"local":"0x2a"}},
			{"name":"sayso:save","cat":"blink.user_timing","ph":"n","ts":5000,"pid":1,"tid":7,"id2":{"local":"0x2a"}}]`,
			[]span{{Name: "sayso:save", Pid: 1, Tid: 7, Start: 4000, End: 4500}, {Name: "sayso:save", Pid: 1, Tid: 7, Start: 5000, End: 5000}}},
		{"a measure taken inside another, delivered first", `[
			{"name":"sayso:save","cat":"blink.user_timing","ph":"b","ts":6200,"pid":1,"tid":7,"id2":{"local":"0x23"}},
			{"name":"sayso:save","cat":"blink.user_timing","ph":"e","ts":6300,"pid":1,"tid":7,"id2":{"local":"0x23"}},
			{"name":"sayso:save","cat":"blink.user_timing","ph":"b","ts":6000,"pid":1,"tid":7,"id2":{"local":"0x23"}},
			{"name":"sayso:save","cat":"blink.user_timing","ph":"e","ts":6500,"pid":1,"tid":7,"id2":{"local":"0x23"}}]`,
			[]span{{Name: "sayso:save", Pid: 1, Tid: 7, Start: 6000, End: 6500}, {Name: "sayso:save", Pid: 1, Tid: 7, Start: 6200, End: 6300}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, parseTrace(events(t, tc.trace)).measures("sayso:save"))
		})
	}
}
