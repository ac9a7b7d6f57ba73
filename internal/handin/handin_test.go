package handin_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/exercise"
	"sayso/internal/format/jsonsyntax"
	"sayso/internal/format/native"
	"sayso/internal/handin"
	"sayso/internal/handin/handintest"
)

func clock() time.Time { return handintest.Clock() }

// class is a teacher's exercise (package handintest) that tests hand in.
type class struct {
	handintest.Class
}

func newClass(t testing.TB) class {
	t.Helper()
	c, err := handintest.NewClass("Week 3: who said it?")
	require.NoError(t, err)
	return class{c}
}

// export is a student's export of the exercise, changed by edit.
func (c class) export(t testing.TB, student string, edit func(p *annotation.Project)) []byte {
	t.Helper()
	b, err := c.Export(student, edit)
	require.NoError(t, err)
	return b
}

// server is the API on memory stores, with a clock tests can move.
type server struct {
	t       *testing.T
	handler http.Handler
	records *handin.MemoryRecords
	files   *handin.MemoryFiles
	now     time.Time
}

func newServer(t *testing.T, limits handin.Limits) *server {
	s := &server{t: t, records: handin.NewMemoryRecords(), files: handin.NewMemoryFiles(), now: clock()}
	s.handler = handin.New(handin.Config{Records: s.records, Files: s.files, Limits: limits, Clock: func() time.Time { return s.now }})
	return s
}

// request describes one call; empty fields take the usual values.
type request struct {
	method, path, auth, idem, origin, contentType string
	body                                          []byte
	header                                        map[string]string
}

func (s *server) do(r request) *httptest.ResponseRecorder {
	s.t.Helper()
	req := httptest.NewRequest(r.method, "http://sayso.example"+r.path, bytes.NewReader(r.body))
	req.RemoteAddr = "192.0.2.7:4711"
	if r.body != nil {
		ct := r.contentType
		if ct == "" {
			ct = "application/json"
		}
		req.Header.Set("Content-Type", ct)
	}
	if r.auth != "" {
		req.Header.Set("Authorization", "Bearer "+r.auth)
	}
	if r.idem != "" {
		req.Header.Set("Idempotency-Key", r.idem)
	}
	if r.origin != "" {
		req.Header.Set("Origin", r.origin)
	}
	for k, v := range r.header {
		req.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	s.handler.ServeHTTP(w, req)
	return w
}

func (s *server) open(c class) handintest.Opened {
	s.t.Helper()
	w := s.do(request{method: http.MethodPost, path: "/api/boxes", body: c.ExerciseFile})
	require.Equal(s.t, http.StatusCreated, w.Code, w.Body.String())
	var o handintest.Opened
	require.NoError(s.t, json.Unmarshal(w.Body.Bytes(), &o))
	return o
}

func (s *server) handIn(o handintest.Opened, key string, file []byte) *httptest.ResponseRecorder {
	s.t.Helper()
	return s.do(request{method: http.MethodPost, path: o.HandIns, auth: o.HandInCode, idem: key, body: file})
}

func decode[T any](t *testing.T, w *httptest.ResponseRecorder) T {
	t.Helper()
	var v T
	require.NoError(t, json.Unmarshal(w.Body.Bytes(), &v), w.Body.String())
	return v
}

func TestABoxTakesHandInsKeepsEveryVersionAndTheOwnerDeletesItAll(t *testing.T) {
	c := newClass(t)
	s := newServer(t, handin.Limits{})
	o := s.open(c)
	assert.Regexp(t, `^[0-9a-f]{24}$`, o.ID)
	assert.Regexp(t, `^[0-9a-f]{32}$`, o.HandInCode)
	assert.Regexp(t, `^[0-9a-f]{32}$`, o.OwnerSecret)
	assert.NotEqual(t, o.HandInCode, o.OwnerSecret)
	assert.Equal(t, "/api/boxes/"+o.ID+"/hand-ins", o.HandIns)

	ana1 := c.export(t, "Ana", nil)
	w := s.handIn(o, "ana-first-attempt-1", ana1)
	require.Equal(t, http.StatusCreated, w.Code, w.Body.String())
	r1 := decode[handintest.Receipt](t, w)
	assert.Equal(t, "Ana", r1.Student)
	assert.Equal(t, int64(len(ana1)), r1.Size)
	assert.Len(t, r1.SHA256, 64)
	assert.Equal(t, "2026-03-14T15:09:26.000Z", r1.Received)
	assert.Equal(t, c.Exercise.ID, r1.Exercise.ID)
	assert.False(t, r1.Replayed)

	// A retry of the same request stores nothing and answers the same receipt.
	w = s.handIn(o, "ana-first-attempt-1", ana1)
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	again := decode[handintest.Receipt](t, w)
	assert.True(t, again.Replayed)
	again.Replayed = false
	assert.Equal(t, r1, again)

	s.now = s.now.Add(time.Minute)
	ana2 := c.export(t, "Ana", func(p *annotation.Project) { p.Documents[0].Done = true })
	w = s.handIn(o, "ana-second-attempt", ana2)
	require.Equal(t, http.StatusCreated, w.Code, w.Body.String())
	r2 := decode[handintest.Receipt](t, w)
	w = s.handIn(o, "ben-only-attempt-1", c.export(t, "Ben", nil))
	require.Equal(t, http.StatusCreated, w.Code, w.Body.String())

	w = s.do(request{method: http.MethodGet, path: o.HandIns, auth: o.OwnerSecret})
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	all := decode[handintest.Listed](t, w)
	require.Len(t, all.HandIns, 3)
	assert.Equal(t, []bool{false, true, true}, []bool{all.HandIns[0].Latest, all.HandIns[1].Latest, all.HandIns[2].Latest})

	w = s.do(request{method: http.MethodGet, path: o.HandIns + "?latest=true", auth: o.OwnerSecret})
	latest := decode[handintest.Listed](t, w)
	require.Len(t, latest.HandIns, 2)
	assert.Equal(t, r2.ID, latest.HandIns[0].ID)
	assert.Equal(t, "Ben", latest.HandIns[1].Student)

	w = s.do(request{method: http.MethodGet, path: o.HandIns + "/" + r2.ID, auth: o.OwnerSecret})
	require.Equal(t, http.StatusOK, w.Code)
	assert.Equal(t, ana2, w.Body.Bytes())
	assert.Equal(t, "application/json", w.Header().Get("Content-Type"))
	assert.Equal(t, `attachment; filename="`+r2.ID+`.sayso.json"`, w.Header().Get("Content-Disposition"))
	assert.Contains(t, w.Header().Get("Content-Security-Policy"), "sandbox")

	w = s.do(request{method: http.MethodPatch, path: o.Box, auth: o.OwnerSecret, body: []byte(`{"closed": true}`)})
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	st := decode[struct {
		Closed  bool
		HandIns int
		Bytes   int64
	}](t, w)
	assert.True(t, st.Closed)
	assert.Equal(t, 3, st.HandIns)

	w = s.handIn(o, "cleo-too-late-attempt", c.export(t, "Cleo", nil))
	require.Equal(t, http.StatusConflict, w.Code)
	assert.Equal(t, "closed", decode[handintest.Error](t, w).Code)
	// A retry of a hand-in stored before closing still gets its receipt.
	w = s.handIn(o, "ben-only-attempt-1", c.export(t, "Ben", nil))
	assert.Equal(t, http.StatusOK, w.Code)

	w = s.do(request{method: http.MethodDelete, path: o.Box, auth: o.OwnerSecret})
	require.Equal(t, http.StatusNoContent, w.Code, w.Body.String())
	assert.Empty(t, s.files.Keys())
	boxes, handIns, _ := s.records.Len()
	assert.Zero(t, boxes)
	assert.Zero(t, handIns)
	for _, p := range []string{o.Box, o.HandIns, o.HandIns + "/" + r2.ID} {
		w = s.do(request{method: http.MethodGet, path: p, auth: o.OwnerSecret})
		assert.Equal(t, http.StatusNotFound, w.Code, p)
	}
	w = s.handIn(o, "dan-after-delete-1", c.export(t, "Dan", nil))
	assert.Equal(t, http.StatusNotFound, w.Code)
}

func TestReopeningABoxTakesHandInsAgain(t *testing.T) {
	c := newClass(t)
	s := newServer(t, handin.Limits{})
	o := s.open(c)
	for _, closed := range []string{"true", "false"} {
		w := s.do(request{method: http.MethodPatch, path: o.Box, auth: o.OwnerSecret, body: []byte(`{"closed": ` + closed + `}`)})
		require.Equal(t, http.StatusOK, w.Code)
	}
	w := s.handIn(o, "ana-after-reopening", c.export(t, "Ana", nil))
	assert.Equal(t, http.StatusCreated, w.Code, w.Body.String())
}

// TestEveryRefusalSaysWhy goes through every error of the API with the
// status, code and message the app shows.
func TestEveryRefusalSaysWhy(t *testing.T) {
	c := newClass(t)
	other := func() []byte {
		s := annotation.New(annotation.DefaultSchema(), "T", clock)
		_, err := s.AddDocument("Other", "Another text entirely.\n")
		require.NoError(t, err)
		e, err := exercise.New(s.Project(), "Week 2", "", nil)
		require.NoError(t, err)
		p := e.Start("Ana")
		b, err := native.Encode(p)
		require.NoError(t, err)
		return b
	}()
	const wrongSecret = "0123456789abcdef0123456789abcdef"
	huge := bytes.Repeat([]byte(" "), 10<<20+1)

	tests := []struct {
		name    string
		req     func(o handintest.Opened) request
		status  int
		code    string
		message string
	}{
		{"an unknown endpoint", func(o handintest.Opened) request {
			return request{method: "GET", path: "/api/boxes/" + o.ID + "/other"}
		},
			404, "not_found", "no such endpoint: /api/boxes/" + "{box}" + "/other"},
		{"a malformed box id", func(o handintest.Opened) request { return request{method: "GET", path: "/api/boxes/XYZ"} },
			404, "not_found", "no such box: a box id is 24 hexadecimal digits"},
		{"a box that does not exist", func(o handintest.Opened) request {
			return request{method: "GET", path: "/api/boxes/0123456789abcdef01234567", auth: o.OwnerSecret}
		}, 404, "not_found", "no such box (it may have been deleted)"},
		{"a malformed hand-in id", func(o handintest.Opened) request {
			return request{method: "GET", path: o.HandIns + "/nope", auth: o.OwnerSecret}
		},
			404, "not_found", "no such hand-in: a hand-in id is 32 hexadecimal digits"},
		{"a hand-in that does not exist", func(o handintest.Opened) request {
			return request{method: "GET", path: o.HandIns + "/" + wrongSecret, auth: o.OwnerSecret}
		}, 404, "not_found", "no such hand-in in this box"},
		{"a method the path does not take", func(o handintest.Opened) request { return request{method: "PUT", path: o.Box, auth: o.OwnerSecret} },
			405, "method_not_allowed", "PUT is not allowed here; use GET or PATCH or DELETE"},
		{"no owner secret", func(o handintest.Opened) request { return request{method: "GET", path: o.Box} },
			401, "unauthorized", "the owner secret is missing (send it as Authorization: Bearer …)"},
		{"another scheme than Bearer", func(o handintest.Opened) request {
			return request{method: "GET", path: o.Box, header: map[string]string{"Authorization": "Basic " + o.OwnerSecret}}
		}, 401, "unauthorized", "send the owner secret as Authorization: Bearer …"},
		{"a malformed owner secret", func(o handintest.Opened) request { return request{method: "GET", path: o.Box, auth: "secret"} },
			401, "unauthorized", "the owner secret is malformed: it is 32 hexadecimal digits"},
		{"a wrong owner secret", func(o handintest.Opened) request { return request{method: "GET", path: o.Box, auth: wrongSecret} },
			403, "forbidden", "wrong owner secret for this box"},
		{"the hand-in code as owner secret", func(o handintest.Opened) request { return request{method: "DELETE", path: o.Box, auth: o.HandInCode} },
			403, "forbidden", "wrong owner secret for this box"},
		{"the owner secret as hand-in code", func(o handintest.Opened) request {
			return request{method: "POST", path: o.HandIns, auth: o.OwnerSecret, idem: "key-of-sixteen-chars", body: c.export(t, "Ana", nil)}
		}, 403, "forbidden", "wrong hand-in code for this box: check the exercise file you were given"},
		{"no hand-in code", func(o handintest.Opened) request {
			return request{method: "POST", path: o.HandIns, idem: "key-of-sixteen-chars", body: c.export(t, "Ana", nil)}
		}, 401, "unauthorized", "the hand-in code is missing (send it as Authorization: Bearer …)"},
		{"no idempotency key", func(o handintest.Opened) request {
			return request{method: "POST", path: o.HandIns, auth: o.HandInCode, body: c.export(t, "Ana", nil)}
		}, 400, "bad_request", "an Idempotency-Key header of 16 to 128 letters, digits, - or _ is required, new for each hand-in and the same when retrying one"},
		{"a short idempotency key", func(o handintest.Opened) request {
			return request{method: "POST", path: o.HandIns, auth: o.HandInCode, idem: "short", body: c.export(t, "Ana", nil)}
		}, 400, "bad_request", "an Idempotency-Key header of 16 to 128 letters, digits, - or _ is required, new for each hand-in and the same when retrying one"},
		{"a hand-in that is not JSON by type", func(o handintest.Opened) request {
			return request{method: "POST", path: o.HandIns, auth: o.HandInCode, idem: "key-of-sixteen-chars", body: []byte("x"), contentType: "text/plain"}
		}, 415, "unsupported_media_type", "send the file as Content-Type: application/json"},
		{"an empty hand-in", func(o handintest.Opened) request {
			return request{method: "POST", path: o.HandIns, auth: o.HandInCode, idem: "key-of-sixteen-chars", body: []byte{}}
		}, 400, "bad_request", "the file is empty"},
		{"a hand-in over 10 MB", func(o handintest.Opened) request {
			return request{method: "POST", path: o.HandIns, auth: o.HandInCode, idem: "key-of-sixteen-chars", body: huge}
		}, 413, "too_large", "the file is 10.0 MB; at most 10 MB can be handed in"},
		{"a hand-in that is not a Sayso file", func(o handintest.Opened) request {
			return request{method: "POST", path: o.HandIns, auth: o.HandInCode, idem: "key-of-sixteen-chars", body: []byte(`{"format":"other"}`)}
		}, 422, "invalid_file", "this is not a Sayso export that can be handed in: "},
		{"an export of another exercise", func(o handintest.Opened) request {
			return request{method: "POST", path: o.HandIns, auth: o.HandInCode, idem: "key-of-sixteen-chars", body: other}
		}, 422, "refused", "not handed in: made for another exercise (“Week 2”); document “Harbour Bridge” has a different text; document “Café prices” is missing"},
		{"an edited text", func(o handintest.Opened) request {
			return request{method: "POST", path: o.HandIns, auth: o.HandInCode, idem: "key-of-sixteen-chars", body: c.export(t, "Ana", func(p *annotation.Project) {
				p.Documents[1].Text = strings.Replace(p.Documents[1].Text, "rise", "fall", 1)
			})}
		}, 422, "refused", "not handed in: document “Café prices” has a different text"},
		{"the answer key", func(o handintest.Opened) request {
			return request{method: "POST", path: o.HandIns, auth: o.HandInCode, idem: "key-of-sixteen-chars", body: c.export(t, "Teacher", func(p *annotation.Project) {
				p.Exercise.Role = annotation.RoleKey
			})}
		}, 422, "refused", "this is the answer key of the exercise, not a student's work"},
		{"no student's name", func(o handintest.Opened) request {
			return request{method: "POST", path: o.HandIns, auth: o.HandInCode, idem: "key-of-sixteen-chars", body: c.export(t, " ", nil)}
		}, 422, "refused", "not handed in: the file names no student; set your name and export again"},
		{"a box opened with something else than an exercise", func(o handintest.Opened) request {
			return request{method: "POST", path: "/api/boxes", body: c.export(t, "Ana", nil)}
		}, 422, "invalid_exercise", "this is not an exercise file a box can be opened for: "},
		{"closing with a malformed change", func(o handintest.Opened) request {
			return request{method: "PATCH", path: o.Box, auth: o.OwnerSecret, body: []byte(`{"open": true}`)}
		}, 400, "bad_request", `send {"closed": true} to close the box, or {"closed": false} to open it again`},
		{"a list with a malformed latest", func(o handintest.Opened) request {
			return request{method: "GET", path: o.HandIns + "?latest=maybe", auth: o.OwnerSecret}
		}, 400, "bad_request", "latest is true or false"},
		{"a page of another origin", func(o handintest.Opened) request {
			return request{method: "GET", path: o.Box, auth: o.OwnerSecret, origin: "https://evil.example"}
		}, 403, "origin_not_allowed", "requests from https://evil.example are not allowed: use the site itself, or hand in from the offline page"},
		{"the offline page doing more than hand in", func(o handintest.Opened) request {
			return request{method: "GET", path: o.HandIns, auth: o.OwnerSecret, origin: "null"}
		}, 403, "origin_not_allowed", "the offline page may only hand in"},
		{"the offline page opening a box", func(o handintest.Opened) request {
			return request{method: "POST", path: "/api/boxes", body: c.ExerciseFile, origin: "null"}
		}, 403, "origin_not_allowed", "requests from null are not allowed: use the site itself, or hand in from the offline page"},
		{"a preflight of another origin", func(o handintest.Opened) request {
			return request{method: "OPTIONS", path: o.HandIns, origin: "https://evil.example", header: map[string]string{"Access-Control-Request-Method": "POST"}}
		}, 403, "origin_not_allowed", "requests from https://evil.example are not allowed"},
		{"a preflight of the offline page for another method", func(o handintest.Opened) request {
			return request{method: "OPTIONS", path: o.HandIns, origin: "null", header: map[string]string{"Access-Control-Request-Method": "GET"}}
		}, 403, "origin_not_allowed", "the offline page may only hand in (POST), not GET"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newServer(t, handin.Limits{})
			o := s.open(c)
			w := s.do(tt.req(o))
			assert.Equal(t, tt.status, w.Code, w.Body.String())
			assert.Equal(t, "application/json; charset=utf-8", w.Header().Get("Content-Type"))
			e := decode[handintest.Error](t, w)
			assert.Equal(t, tt.code, e.Code)
			msg := strings.ReplaceAll(tt.message, "{box}", o.ID)
			if strings.HasSuffix(msg, ": ") {
				assert.True(t, strings.HasPrefix(e.Error, msg), e.Error)
				assert.Greater(t, len(e.Error), len(msg), "the cause follows")
			} else {
				assert.Equal(t, msg, e.Error)
			}
			if tt.code == "refused" && strings.HasPrefix(msg, "not handed in: ") && !strings.Contains(msg, "no student") {
				assert.Equal(t, strings.Split(strings.TrimPrefix(msg, "not handed in: "), "; "), e.Problems)
			}
			assert.Empty(t, w.Header().Get("Access-Control-Allow-Origin"), "no CORS grant on a refusal")
		})
	}
}

func TestTheOfflinePageMayHandInAcrossOrigins(t *testing.T) {
	c := newClass(t)
	s := newServer(t, handin.Limits{})
	o := s.open(c)

	w := s.do(request{method: http.MethodOptions, path: o.HandIns, origin: "null",
		header: map[string]string{"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization, content-type, idempotency-key"}})
	assert.Equal(t, http.StatusNoContent, w.Code)
	assert.Equal(t, "null", w.Header().Get("Access-Control-Allow-Origin"))
	assert.Equal(t, "POST", w.Header().Get("Access-Control-Allow-Methods"))
	assert.Equal(t, "Authorization, Content-Type, Idempotency-Key", w.Header().Get("Access-Control-Allow-Headers"))

	w = s.do(request{method: http.MethodPost, path: o.HandIns, origin: "null", auth: o.HandInCode, idem: "from-the-offline-page", body: c.export(t, "Ana", nil)})
	assert.Equal(t, http.StatusCreated, w.Code, w.Body.String())
	assert.Equal(t, "null", w.Header().Get("Access-Control-Allow-Origin"))

	// The site's own page needs no grant: same origin.
	w = s.do(request{method: http.MethodGet, path: o.Box, origin: "http://sayso.example", auth: o.OwnerSecret})
	assert.Equal(t, http.StatusOK, w.Code, w.Body.String())
	assert.Empty(t, w.Header().Get("Access-Control-Allow-Origin"))
}

func TestAnIdempotencyKeyReusedForAnotherFileIsRefused(t *testing.T) {
	c := newClass(t)
	s := newServer(t, handin.Limits{})
	o := s.open(c)
	require.Equal(t, http.StatusCreated, s.handIn(o, "the-same-key-twice", c.export(t, "Ana", nil)).Code)
	w := s.handIn(o, "the-same-key-twice", c.export(t, "Ben", nil))
	assert.Equal(t, http.StatusConflict, w.Code)
	e := decode[handintest.Error](t, w)
	assert.Equal(t, "idempotency_conflict", e.Code)
	assert.Equal(t, "this Idempotency-Key was already used for a different file; use a new key for a new hand-in", e.Error)
}

func TestABoxRefusesHandInsPastItsLimits(t *testing.T) {
	c := newClass(t)
	file := c.export(t, "Ana", nil)
	tests := []struct {
		name    string
		limits  handin.Limits
		allowed int
		status  int
		code    string
		message string
	}{
		{"hand-ins per box", handin.Limits{BoxHandIns: 2}, 2, http.StatusInsufficientStorage, "box_full",
			"this box is full (2 hand-ins, " + mb(2*len(file)) + "); Export your work and give it to your teacher another way"},
		{"bytes per box", handin.Limits{BoxBytes: int64(2*len(file) + 10)}, 2, http.StatusInsufficientStorage, "box_full",
			"this box is full (2 hand-ins, " + mb(2*len(file)) + "); Export your work and give it to your teacher another way"},
		{"hand-ins per box per minute", handin.Limits{PerBox: 3}, 3, http.StatusTooManyRequests, "rate_limited",
			"this box is taking many hand-ins just now; wait a minute and try again"},
		// Opening the box and each hand-in are requests from the address.
		{"requests per address per minute", handin.Limits{PerAddress: 4}, 3, http.StatusTooManyRequests, "rate_limited",
			"too many requests from your network; wait a minute and try again"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := newServer(t, tt.limits)
			o := s.open(c)
			for i := range tt.allowed {
				w := s.handIn(o, "hand-in-number-"+string(rune('a'+i))+"-of-many", file)
				require.Equal(t, http.StatusCreated, w.Code, w.Body.String())
			}
			w := s.handIn(o, "one-hand-in-too-many", file)
			assert.Equal(t, tt.status, w.Code)
			e := decode[handintest.Error](t, w)
			assert.Equal(t, tt.code, e.Code)
			assert.Equal(t, tt.message, e.Error)
			if tt.status == http.StatusTooManyRequests {
				assert.Equal(t, "34", w.Header().Get("Retry-After"), "seconds to the next minute")
				s.now = s.now.Add(time.Minute)
				assert.Equal(t, http.StatusCreated, s.handIn(o, "one-hand-in-a-minute-later", file).Code)
			}
		})
	}
}

func TestOpeningBoxesIsLimitedPerAddressAndHour(t *testing.T) {
	c := newClass(t)
	s := newServer(t, handin.Limits{OpensPerHour: 2})
	s.open(c)
	s.open(c)
	w := s.do(request{method: http.MethodPost, path: "/api/boxes", body: c.ExerciseFile})
	assert.Equal(t, http.StatusTooManyRequests, w.Code)
	assert.Equal(t, "too many boxes opened from your network; wait an hour and try again", decode[handintest.Error](t, w).Error)
	s.now = s.now.Add(time.Hour)
	s.open(c)
}

func TestSecretsAreStoredOnlyAsHashes(t *testing.T) {
	c := newClass(t)
	s := newServer(t, handin.Limits{})
	o := s.open(c)
	b, err := s.records.Box(t.Context(), o.ID)
	require.NoError(t, err)
	dump, err := json.Marshal(b)
	require.NoError(t, err)
	assert.NotContains(t, string(dump), o.HandInCode)
	assert.NotContains(t, string(dump), o.OwnerSecret)
	for _, k := range s.files.Keys() {
		assert.NotContains(t, k, o.HandInCode)
		assert.NotContains(t, k, o.OwnerSecret)
	}
}

func mb(n int) string { return jsonsyntax.Megabytes(n) }

func TestRateCountersAreForgottenAfterTwoHours(t *testing.T) {
	c := newClass(t)
	s := newServer(t, handin.Limits{})
	o := s.open(c)
	require.Equal(t, http.StatusCreated, s.handIn(o, "before-the-break-1", c.export(t, "Ana", nil)).Code)
	_, _, before := s.records.Len()
	assert.Equal(t, 3, before, "address, opening and box counters")

	s.now = s.now.Add(handin.CountersKept + time.Minute)
	require.Equal(t, http.StatusCreated, s.handIn(o, "after-the-break-1", c.export(t, "Ana", nil)).Code)
	_, _, after := s.records.Len()
	assert.Equal(t, 2, after, "only this minute's address and box counters")
}

func TestConcurrentRetriesOfOneHandInStoreItOnce(t *testing.T) {
	c := newClass(t)
	s := newServer(t, handin.Limits{})
	o := s.open(c)
	file := c.export(t, "Ana", nil)
	const tries = 8
	codes := make(chan int, tries)
	ids := make(chan string, tries)
	var wg sync.WaitGroup
	for range tries {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := s.handIn(o, "one-key-sent-many-times", file)
			codes <- w.Code
			var r handintest.Receipt
			_ = json.Unmarshal(w.Body.Bytes(), &r)
			ids <- r.ID
		}()
	}
	wg.Wait()
	close(codes)
	close(ids)
	created := 0
	for code := range codes {
		require.Contains(t, []int{http.StatusCreated, http.StatusOK}, code)
		if code == http.StatusCreated {
			created++
		}
	}
	assert.Equal(t, 1, created)
	first := ""
	for id := range ids {
		if first == "" {
			first = id
		}
		assert.Equal(t, first, id)
	}
	_, handIns, _ := s.records.Len()
	assert.Equal(t, 1, handIns)
	assert.Len(t, s.files.Keys(), 2, "the exercise and one file")
}

func TestConcurrentUsesOfOneKeyForTwoFilesLeaveOneFile(t *testing.T) {
	c := newClass(t)
	s := newServer(t, handin.Limits{})
	o := s.open(c)
	files := [][]byte{c.export(t, "Ana", nil), c.export(t, "Ben", nil)}
	codes := make(chan int, 2)
	var wg sync.WaitGroup
	for _, f := range files {
		wg.Add(1)
		go func() {
			defer wg.Done()
			codes <- s.handIn(o, "one-key-for-two-files", f).Code
		}()
	}
	wg.Wait()
	close(codes)
	var got []int
	for c := range codes {
		got = append(got, c)
	}
	assert.ElementsMatch(t, []int{http.StatusCreated, http.StatusConflict}, got)
	assert.Len(t, s.files.Keys(), 2, "the exercise and the stored file; the refused one is removed")
}

func TestASiteWithoutStorageSaysHandInsAreNotSetUp(t *testing.T) {
	h := handin.Routes(handin.Unavailable(errors.New("no D1 binding")), http.NotFoundHandler())
	w := httptest.NewRecorder()
	h.ServeHTTP(w, httptest.NewRequest(http.MethodPost, "/api/boxes/0123456789abcdef01234567/hand-ins", nil))
	assert.Equal(t, http.StatusServiceUnavailable, w.Code)
	e := decode[handintest.Error](t, w)
	assert.Equal(t, "unavailable", e.Code)
	assert.Equal(t, "collecting hand-ins online is not set up on this site; Export your work instead", e.Error)

	for _, p := range []string{"/", "/api", "/api/boxesx", "/index.html"} {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, p, nil))
		assert.Equal(t, http.StatusNotFound, w.Code, "%s goes to the site", p)
	}
}

// failingAdd is MemoryRecords whose AddHandIn fails, as D1 may.
type failingAdd struct {
	*handin.MemoryRecords
}

func (failingAdd) AddHandIn(context.Context, handin.HandIn) (handin.HandIn, bool, error) {
	return handin.HandIn{}, false, errors.New("D1 is unreachable")
}

func TestAFailedRecordLeavesNoFileButNeverRemovesAStoredOne(t *testing.T) {
	c := newClass(t)
	records, files := handin.NewMemoryRecords(), handin.NewMemoryFiles()
	var logs bytes.Buffer
	good := handin.New(handin.Config{Records: records, Files: files, Clock: clock})
	bad := handin.New(handin.Config{Records: failingAdd{records}, Files: files, Clock: clock,
		Log: slog.New(slog.NewTextHandler(&logs, nil))})
	s := &server{t: t, handler: good, records: records, files: files, now: clock()}
	o := s.open(c)
	ana := c.export(t, "Ana", nil)
	require.Equal(t, http.StatusCreated, s.handIn(o, "stored-before-the-outage", ana).Code)
	kept := s.files.Keys()

	s.handler = bad
	for _, key := range []string{"stored-before-the-outage", "new-during-the-outage"} {
		w := s.handIn(o, key, ana)
		assert.Equal(t, http.StatusInternalServerError, w.Code)
		e := decode[handintest.Error](t, w)
		assert.Equal(t, "internal", e.Code)
		assert.Equal(t, "the hand-in box could not do that just now; nothing was changed, try again", e.Error)
		assert.Equal(t, kept, s.files.Keys(), "after %s", key)
	}
	assert.Contains(t, logs.String(), "D1 is unreachable")
	assert.NotContains(t, logs.String(), o.HandInCode)
}

func TestAnIPv6NetworkCountsAsOneAddress(t *testing.T) {
	c := newClass(t)
	s := newServer(t, handin.Limits{PerAddress: 2})
	o := s.open(c) // from 192.0.2.7, another address
	tests := []struct {
		addr   string
		status int
	}{
		{"[2001:db8:1:2::a]:1000", http.StatusOK},
		{"[2001:db8:1:2::b]:1000", http.StatusOK},
		{"[2001:db8:1:2:ffff::c]:1000", http.StatusTooManyRequests}, // the same /64
		{"[2001:db8:1:3::a]:1000", http.StatusOK},                   // another /64
	}
	for _, tt := range tests {
		req := httptest.NewRequest(http.MethodGet, "http://sayso.example"+o.Box, nil)
		req.RemoteAddr = tt.addr
		req.Header.Set("Authorization", "Bearer "+o.OwnerSecret)
		w := httptest.NewRecorder()
		s.handler.ServeHTTP(w, req)
		assert.Equal(t, tt.status, w.Code, tt.addr)
	}
}
