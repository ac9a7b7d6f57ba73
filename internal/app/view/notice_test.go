package view

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"sayso/internal/app"
)

func TestNoticesFadeAfterTimeToReadThemAndErrorsStay(t *testing.T) {
	for _, tc := range []struct {
		name string
		msg  app.Message
		want time.Duration
	}{
		{"none", app.Message{}, 0},
		{"an error stays", app.Message{Kind: "error", Text: "Could not read “x.json”: not JSON."}, 0},
		{"a short notice", app.Message{Kind: "info", Text: "Opened “a.txt”."}, 6*time.Second + 15*50*time.Millisecond},
		{"counted in characters, not bytes", app.Message{Kind: "info", Text: "Opened “教育”."}, 6*time.Second + 12*50*time.Millisecond},
		{"a long one, at most 20 s", app.Message{Kind: "info", Text: strings.Repeat("x", 1000)}, 20 * time.Second},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, NoticeFor(tc.msg))
		})
	}
	assert.Equal(t, NoticeFor(app.Message{Kind: "info", Text: "Opened"}), Build(sampleStateWith(t, app.Message{Kind: "info", Text: "Opened"})).NoticeFor)
}

func sampleStateWith(t *testing.T, m app.Message) *app.State {
	st := sampleState(t)
	st.Message = m
	return st
}
