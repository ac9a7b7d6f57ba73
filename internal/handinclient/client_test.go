package handinclient_test

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/exercise"
	"sayso/internal/handin"
	"sayso/internal/handin/handintest"
	"sayso/internal/handinclient"
)

// server runs the real hand-in API (package handin) in memory and
// returns a Transport to it that sends Origin origin ("" for none).
func server(t *testing.T) (*httptest.Server, func(origin string) handinclient.Transport) {
	t.Helper()
	srv := httptest.NewServer(handin.New(handin.Config{Records: handin.NewMemoryRecords(), Files: handin.NewMemoryFiles()}))
	t.Cleanup(srv.Close)
	return srv, func(origin string) handinclient.Transport {
		return func(r handinclient.Request) (handinclient.Response, error) {
			req, err := http.NewRequest(r.Method, r.URL, bytes.NewReader(r.Body))
			if err != nil {
				return handinclient.Response{}, err
			}
			for k, v := range r.Header {
				req.Header.Set(k, v)
			}
			if origin != "" {
				req.Header.Set("Origin", origin)
			}
			res, err := srv.Client().Do(req)
			if err != nil {
				return handinclient.Response{}, err
			}
			defer res.Body.Close()
			b, err := io.ReadAll(res.Body)
			h := map[string]string{}
			for k := range res.Header {
				h[strings.ToLower(k)] = res.Header.Get(k)
			}
			return handinclient.Response{Status: res.StatusCode, Header: h, Body: b}, err
		}
	}
}

// waits records the client's sleeps instead of sleeping.
type waits []time.Duration

func (w *waits) sleep(d time.Duration) { *w = append(*w, d) }

func class(t *testing.T) handintest.Class {
	t.Helper()
	c, err := handintest.NewClass("Week 3: who said it?")
	require.NoError(t, err)
	return c
}

func export(t *testing.T, c handintest.Class, student string, edit func(*annotation.Project)) []byte {
	t.Helper()
	b, err := c.Export(student, edit)
	require.NoError(t, err)
	return b
}

func TestAClassHandsInAndTheTeacherCollects(t *testing.T) {
	srv, transport := server(t)
	site := handinclient.Client{Send: transport(srv.URL)}
	offline := handinclient.Client{Send: transport("null")}
	c := class(t)

	owner, box, err := site.Open(srv.URL, c.ExerciseFile)
	require.NoError(t, err)
	assert.Equal(t, srv.URL, owner.Origin)
	assert.Equal(t, c.Exercise.ID, owner.ExerciseID)
	assert.Equal(t, "Week 3: who said it?", owner.ExerciseTitle)
	assert.Regexp(t, `^[0-9a-f]{32}$`, owner.Secret)
	assert.Regexp(t, `^[0-9a-f]{32}$`, box.Code)
	assert.NotEqual(t, owner.Secret, box.Code)
	assert.Equal(t, owner.Box, box.Box)

	ana := export(t, c, "Ana", nil)
	r, err := site.HandIn(box, ana, "ana-key-0123456789")
	require.NoError(t, err)
	assert.Equal(t, "Ana", r.Student)
	assert.Equal(t, int64(len(ana)), r.Size)
	assert.Regexp(t, `^[0-9a-f]{64}$`, r.SHA256)
	assert.False(t, r.Replayed)
	assert.Contains(t, r.Text(), "Student: Ana\n")
	assert.Contains(t, r.Text(), "SHA-256: "+r.SHA256+"\n")
	assert.Regexp(t, `^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$`, r.When())

	ben := export(t, c, "Ben", func(p *annotation.Project) { p.Documents[0].Done = true })
	_, err = offline.HandIn(box, ben, "ben-key-0123456789")
	require.NoError(t, err, "the offline page (origin null) may hand in")

	ana2 := export(t, c, "Ana", func(p *annotation.Project) { p.Documents[0].Done = true })
	_, err = site.HandIn(box, ana2, "ana-key-second-01")
	require.NoError(t, err)

	files, err := site.Latest(owner)
	require.NoError(t, err)
	require.Len(t, files, 2)
	assert.Regexp(t, `^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d`, files[1].Received)
	files[1].Received = ""
	assert.Equal(t, handinclient.File{Name: "Ana.sayso.json", Student: "Ana", Data: ana2, Versions: 2}, files[1], "the latest of two versions")
	assert.Equal(t, ben, files[0].Data)
	assert.Equal(t, 1, files[0].Versions)

	_, err = offline.Latest(owner)
	assert.EqualError(t, err, "the offline page may only hand in", "only the site itself may collect")

	st, err := site.SetClosed(owner, true)
	require.NoError(t, err)
	assert.Equal(t, handinclient.State{Closed: true, HandIns: 3, Bytes: int64(len(ana) + len(ben) + len(ana2))}, st)
	_, err = site.HandIn(box, ana, "ana-key-too-late-1")
	var e *handinclient.Error
	require.ErrorAs(t, err, &e)
	assert.Equal(t, "closed", e.Code)

	require.NoError(t, site.Delete(owner))
	_, err = site.State(owner)
	require.ErrorAs(t, err, &e)
	assert.Equal(t, 404, e.Status)
}

func TestRefusedHandInsSayWhy(t *testing.T) {
	srv, transport := server(t)
	site := handinclient.Client{Send: transport(srv.URL)}
	c := class(t)
	_, box, err := site.Open(srv.URL, c.ExerciseFile)
	require.NoError(t, err)

	edited := export(t, c, "Ben", func(p *annotation.Project) {
		p.Documents[1].Text = strings.Replace(p.Documents[1].Text, "rise", "fall", 1)
	})
	wrong := box
	wrong.Code = strings.Repeat("0", 32)
	tests := []struct {
		name  string
		box   func() (handinclient.Receipt, error)
		code  string
		wants string
	}{
		{"an edited text", func() (handinclient.Receipt, error) { return site.HandIn(box, edited, "ben-edited-0123456") },
			"refused", "Not handed in: document “Café prices” has a different text."},
		{"a wrong code", func() (handinclient.Receipt, error) {
			return site.HandIn(wrong, export(t, c, "Dan", nil), "dan-wrong-01234567")
		}, "forbidden", "Not handed in: wrong hand-in code for this box: check the exercise file you were given."},
		{"not a Sayso file", func() (handinclient.Receipt, error) { return site.HandIn(box, []byte(`{"a":1}`), "not-a-file-0123456") },
			"invalid_file", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := tt.box()
			var e *handinclient.Error
			require.ErrorAs(t, err, &e)
			assert.Equal(t, tt.code, e.Code)
			assert.False(t, e.Retryable(), "trying again cannot help")
			if tt.wants != "" {
				assert.Equal(t, tt.wants, handinclient.Explain("Not handed in", err))
			}
		})
	}
}

func TestAHandInIsRetriedWithTheSameKeyAndStoredOnce(t *testing.T) {
	srv, transport := server(t)
	send := transport(srv.URL)
	c := class(t)
	owner, box, err := handinclient.Client{Send: send}.Open(srv.URL, c.ExerciseFile)
	require.NoError(t, err)

	// The first two answers are lost after the Worker stored the file, the
	// third is a 503 of a restarting Worker: the fourth attempt gets the
	// receipt of the hand-in stored by the first.
	var keys []string
	attempts := 0
	flaky := func(r handinclient.Request) (handinclient.Response, error) {
		attempts++
		keys = append(keys, r.Header["Idempotency-Key"])
		switch attempts {
		case 1, 2:
			if _, err := send(r); err != nil {
				return handinclient.Response{}, err
			}
			return handinclient.Response{}, errors.New("Failed to fetch")
		case 3:
			return handinclient.Response{Status: 503, Body: []byte(`{"error":"Your worker restarted mid-request","code":"internal"}`)}, nil
		}
		return send(r)
	}
	var slept waits
	r, err := handinclient.Client{Send: flaky, Sleep: slept.sleep}.HandIn(box, export(t, c, "Ana", nil), "ana-retried-012345")
	require.NoError(t, err)
	assert.True(t, r.Replayed, "the receipt of the hand-in the first attempt stored")
	assert.Equal(t, []string{"ana-retried-012345", "ana-retried-012345", "ana-retried-012345", "ana-retried-012345"}, keys)
	assert.Equal(t, handinclient.Backoff()[:3], []time.Duration(slept))

	st, err := handinclient.Client{Send: send}.State(owner)
	require.NoError(t, err)
	assert.Equal(t, 1, st.HandIns, "stored once")
}

func TestAHandInGivesUpAfterTheLastRetryAndSaysTryAgain(t *testing.T) {
	offline := func(handinclient.Request) (handinclient.Response, error) {
		return handinclient.Response{}, errors.New("TypeError: Failed to fetch")
	}
	var slept waits
	_, err := handinclient.Client{Send: offline, Sleep: slept.sleep}.HandIn(
		handinclientBox(), []byte("{}"), "never-arrives-0123")
	var e *handinclient.Error
	require.ErrorAs(t, err, &e)
	assert.True(t, e.Retryable())
	assert.Equal(t, handinclient.Backoff(), []time.Duration(slept), "every wait, then it gives up")
	assert.Equal(t, "Not handed in: the hand-in box could not be reached (offline, or the site is down).",
		handinclient.Explain("Not handed in", err))
}

func TestOpeningABoxIsNeverRetried(t *testing.T) {
	calls := 0
	down := func(handinclient.Request) (handinclient.Response, error) {
		calls++
		return handinclient.Response{Status: 503, Body: []byte(`{"error":"busy","code":"internal"}`)}, nil
	}
	_, _, err := handinclient.Client{Send: down, Sleep: func(time.Duration) {}}.Open("https://sayso.example.org", []byte("{}"))
	require.Error(t, err)
	assert.Equal(t, 1, calls, "a retry could open a second box")
}

func TestAnAnswerThatIsNotTheBoxsIsNamed(t *testing.T) {
	html := func(handinclient.Request) (handinclient.Response, error) {
		return handinclient.Response{Status: 404, Body: []byte("<html>Not found</html>")}, nil
	}
	_, err := handinclient.Client{Send: html}.State(handinclient.Owner{Origin: "https://x.example", Box: strings.Repeat("a", 24), Secret: strings.Repeat("b", 32)})
	assert.EqualError(t, err, "the site answered 404, not as a hand-in box does: is it a Sayso site with the box set up?")
}

func TestNewKeysAreFreshAndAccepted(t *testing.T) {
	a, b := handinclient.NewKey(), handinclient.NewKey()
	assert.Regexp(t, `^[0-9a-f]{32}$`, a)
	assert.NotEqual(t, a, b)
}

func handinclientBox() exercise.HandIn {
	return exercise.HandIn{Origin: "https://sayso.example.org", Box: strings.Repeat("a", 24), Code: strings.Repeat("b", 32)}
}
