package view

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"sayso/internal/app"
	"sayso/internal/exercise"
	"sayso/internal/handinclient"
)

// studentWithBox is a student on an exercise whose box is known.
func studentWithBox(t *testing.T) *app.State {
	st := hostileStudent(t, hostileTeacher(t))
	st.HandIn.Box = &exercise.HandIn{Origin: "https://sayso.example.org", Box: strings.Repeat("a", 24), Code: strings.Repeat("b", 32)}
	st.HandIn.BoxExercise = st.Store.Exercise().ID
	return st
}

func TestHandInButtonShowsOnlyForAnExerciseWithABox(t *testing.T) {
	tests := []struct {
		name  string
		state func(t *testing.T) *app.State
		want  []string
		not   []string
	}{
		{"no exercise", func(t *testing.T) *app.State { return sampleState(t) }, nil, []string{"Hand in"}},
		{"an exercise without a box", func(t *testing.T) *app.State { return hostileStudent(t, hostileTeacher(t)) }, nil, []string{"Hand in"}},
		{"another exercise's box", func(t *testing.T) *app.State {
			st := studentWithBox(t)
			st.HandIn.BoxExercise = "ex-other"
			return st
		}, nil, []string{"Hand in"}},
		{"a box", studentWithBox, []string{`id="hand-in"`, ">Hand in</button>"}, []string{"Receipt"}},
		{"sending", func(t *testing.T) *app.State {
			st := studentWithBox(t)
			st.HandIn.Sending = true
			return st
		}, []string{`id="hand-in"`, ">Handing in…</button>"}, []string{"disabled"}},
		{"a receipt", func(t *testing.T) *app.State {
			st := studentWithBox(t)
			st.HandIn.Receipt = &handinclient.Receipt{Received: "2026-12-05T17:03:09.120Z", Size: 2048, SHA256: strings.Repeat("c", 64)}
			return st
		}, []string{`id="keep-receipt"`, "Handed in at 2026-12-05 17:03:09 UTC: 2048 bytes, SHA-256 " + strings.Repeat("c", 64)}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := HandInButton(tt.state(t)).String()
			for _, w := range tt.want {
				assert.Contains(t, h, w)
			}
			for _, n := range tt.not {
				assert.NotContains(t, h, n)
			}
		})
	}
}

func TestExerciseHandInSaysWhatTheBoxIs(t *testing.T) {
	o := handinclient.Owner{Origin: "https://sayso.example.org", Box: strings.Repeat("a", 24), Secret: strings.Repeat("d", 32), ExerciseTitle: "Week 3"}
	tests := []struct {
		name string
		h    app.HandIns
		want []string
	}{
		{"from a file", app.HandIns{}, []string{" disabled>", "Only on the site"}},
		{"on the site", app.HandIns{Origin: o.Origin}, []string{"Collect hand-ins online", "until you delete the box"}},
		{"opening", app.HandIns{Origin: o.Origin, Collect: true, Opening: true}, []string{" checked>", "Opening a hand-in box…"}},
		{"open", app.HandIns{Origin: o.Origin, Collect: true, Opened: &app.OpenedBox{Owner: o}},
			[]string{`<code id="owner-secret">` + o.Secret + `</code>`, `data-action="box-key" data-box="` + o.Box + `"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := sampleState(t)
			st.HandIn = tt.h
			h := ExerciseHandIn(st).String()
			for _, w := range tt.want {
				assert.Contains(t, h, w)
			}
		})
	}
}

func TestCompareBoxesShowEachBoxsState(t *testing.T) {
	o := handinclient.Owner{Origin: "https://sayso.example.org", Box: strings.Repeat("a", 24), Secret: strings.Repeat("d", 32), ExerciseTitle: "Week 3"}
	st := sampleState(t)
	assert.Contains(t, CompareBoxes(st).String(), "0 boxes")
	st.HandIn.Boxes = []handinclient.Owner{o}
	assert.Contains(t, CompareBoxes(st).String(), "not asked yet")
	st.HandIn.Status = map[string]app.BoxStatus{o.Box: {State: &handinclient.State{HandIns: 3, Bytes: 900}, Fetched: 2}}
	h := CompareBoxes(st).String()
	assert.Contains(t, h, "open, 3 hand-ins (900 bytes); latest of 2 students fetched")
	assert.Contains(t, h, ">Close box</button>")
	assert.NotContains(t, h, o.Secret, "the secret is not shown in Compare")
	st.HandIn.Status[o.Box] = app.BoxStatus{State: &handinclient.State{Closed: true}}
	assert.Contains(t, CompareBoxes(st).String(), ">Open box again</button>")
	st.HandIn.Status[o.Box] = app.BoxStatus{Busy: "Deleting…"}
	assert.Contains(t, CompareBoxes(st).String(), "<td>Deleting…</td>")
}
