// Package handinclient is the app's side of the hand-in box (package
// handin, issue 17): the requests the page sends to the site's Worker —
// URLs, headers, bodies — the retry policy, and the answers read back into
// receipts, box states and files, with every failure worded for the
// person. It does no I/O itself: the browser layer (internal/ui) passes a
// Transport that calls fetch, the tests one over net/http. It imports
// neither net/http nor syscall/js, so the wasm app stays small.
package handinclient

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"sayso/internal/exercise"
)

// Request is one HTTP request to the box's API.
type Request struct {
	Method string
	URL    string
	Header map[string]string
	Body   []byte
}

// Response is an HTTP answer: Header keys are lower case.
type Response struct {
	Status int
	Header map[string]string
	Body   []byte
}

// Transport sends one request. An error means no answer came (offline,
// refused by CORS, the connection dropped): the request may or may not
// have arrived.
type Transport func(Request) (Response, error)

// Backoff is how long a client waits before each retry of a request that
// met a network error or a 503: a hand-in is retried with the same
// Idempotency-Key, so a retry never stores twice.
var backoff = [...]time.Duration{500 * time.Millisecond, time.Second, 2 * time.Second, 4 * time.Second}

// Backoff returns the waits before each retry, in order.
func Backoff() []time.Duration { return backoff[:] }

// Client calls a box's API through Send. Sleep waits between retries
// (time.Sleep when nil).
type Client struct {
	Send  Transport
	Sleep func(time.Duration)
}

// Owner is what the teacher keeps of a box: with Secret, the box can be
// listed, fetched, closed and deleted. It is what the key file holds.
type Owner struct {
	Origin        string // the site: "https://sayso.example.org"
	Box           string // 24 hexadecimal digits
	Secret        string // the owner secret: 32 hexadecimal digits
	ExerciseID    string
	ExerciseTitle string
}

// BoxURL is the box's endpoint.
func (o Owner) BoxURL() string { return o.Origin + "/api/boxes/" + o.Box }

// Error is a request the box refused, or that found no box at all.
type Error struct {
	Status   int      // the HTTP status; 0 when no answer came
	Code     string   // the API's code ("refused", "closed", …); "network" when no answer came
	Message  string   // the API's sentence, or what went wrong
	Problems []string // why a file was refused, one sentence each
}

func (e *Error) Error() string { return e.Message }

// Retryable reports whether the same request may be sent again: no answer
// came, or the Worker was briefly unavailable (503) although the box is
// set up on the site.
func (e *Error) Retryable() bool {
	return e.Status == 0 || e.Status == 503 && e.Code != "unavailable"
}

// NewKey returns a fresh Idempotency-Key: 32 hexadecimal digits, 128
// bits from math/rand/v2's generator (ChaCha8, seeded by the runtime from
// the system's randomness). A key only has to be unique, not secret: it
// names one hand-in of one student, whose code and file travel with it.
// (crypto/rand would add math/big to the wasm app for nothing.)
func NewKey() string {
	return fmt.Sprintf("%016x%016x", rand.Uint64(), rand.Uint64())
}

// do sends r, retrying while the answer is Retryable and the retries
// last; it returns the first answer that is not an error (2xx), else the
// last error.
func (c Client) do(r Request, retry bool) (Response, error) {
	sleep := c.Sleep
	if sleep == nil {
		sleep = time.Sleep
	}
	for attempt := 0; ; attempt++ {
		res, err := c.once(r)
		var e *Error
		if err == nil || !retry || !errors.As(err, &e) || !e.Retryable() || attempt == len(backoff) {
			return res, err
		}
		sleep(backoff[attempt])
	}
}

// once sends r and turns an answer outside 2xx into an *Error.
func (c Client) once(r Request) (Response, error) {
	res, err := c.Send(r)
	if err != nil {
		return Response{}, &Error{Code: "network", Message: "the hand-in box could not be reached (" + err.Error() + ")"}
	}
	if res.Status >= 200 && res.Status < 300 {
		return res, nil
	}
	e := &Error{Status: res.Status}
	var body struct {
		Error    string   `json:"error"`
		Code     string   `json:"code"`
		Problems []string `json:"problems"`
	}
	if json.Unmarshal(res.Body, &body) == nil && body.Error != "" {
		e.Code, e.Message, e.Problems = body.Code, body.Error, body.Problems
	} else {
		e.Code, e.Message = "http", fmt.Sprintf("the site answered %d, not as a hand-in box does: is it a Sayso site with the box set up?", res.Status)
	}
	if e.Code == "rate_limited" {
		if s, err := strconv.Atoi(res.Header["retry-after"]); err == nil && s > 0 {
			e.Message += fmt.Sprintf(" (in about %d s)", s)
		}
	}
	return Response{}, e
}

func auth(secret string) map[string]string {
	return map[string]string{"Authorization": "Bearer " + secret}
}

// Open opens a box for exerciseFile (an exercise file without a box) on
// the site at origin. It returns the owner's key and the box to write
// into the exercise. It is never retried: a retry could open a second box.
func (c Client) Open(origin string, exerciseFile []byte) (Owner, exercise.HandIn, error) {
	res, err := c.do(Request{Method: "POST", URL: origin + "/api/boxes",
		Header: map[string]string{"Content-Type": "application/json"}, Body: exerciseFile}, false)
	if err != nil {
		return Owner{}, exercise.HandIn{}, err
	}
	var a struct {
		ID          string `json:"id"`
		HandInCode  string `json:"handInCode"`
		OwnerSecret string `json:"ownerSecret"`
		Exercise    struct {
			ID    string `json:"id"`
			Title string `json:"title"`
		} `json:"exercise"`
	}
	if err := json.Unmarshal(res.Body, &a); err != nil || a.ID == "" || a.HandInCode == "" || a.OwnerSecret == "" {
		return Owner{}, exercise.HandIn{}, &Error{Status: res.Status, Code: "answer", Message: "the site's answer to opening a box could not be read"}
	}
	o := Owner{Origin: origin, Box: a.ID, Secret: a.OwnerSecret, ExerciseID: a.Exercise.ID, ExerciseTitle: a.Exercise.Title}
	return o, exercise.HandIn{Origin: origin, Box: a.ID, Code: a.HandInCode}, nil
}

// Receipt is the box's answer to a hand-in.
type Receipt struct {
	ID       string `json:"id"`
	Box      string `json:"box"`
	Student  string `json:"student"`
	Received string `json:"received"` // RFC 3339, UTC
	Size     int64  `json:"size"`
	SHA256   string `json:"sha256"`
	Replayed bool   `json:"replayed"` // the same hand-in, sent again
	Exercise struct {
		ID    string `json:"id"`
		Title string `json:"title"`
	} `json:"exercise"`
}

// HandIn sends file (a native export) to box h under the Idempotency-Key
// key, retrying with the same key on a network error or a 503.
func (c Client) HandIn(h exercise.HandIn, file []byte, key string) (Receipt, error) {
	hdr := auth(h.Code)
	hdr["Content-Type"] = "application/json"
	hdr["Idempotency-Key"] = key
	res, err := c.do(Request{Method: "POST", URL: h.URL(), Header: hdr, Body: file}, true)
	if err != nil {
		return Receipt{}, err
	}
	var r Receipt
	if err := json.Unmarshal(res.Body, &r); err != nil || r.ID == "" || len(r.SHA256) != 64 {
		return Receipt{}, &Error{Status: res.Status, Code: "answer", Message: "the box's receipt could not be read"}
	}
	return r, nil
}

// Text is the receipt as the student keeps it: a few lines of plain text.
func (r Receipt) Text() string {
	return fmt.Sprintf("Sayso hand-in receipt\nExercise: %s (%s)\nStudent: %s\nReceived: %s\nSize: %d bytes\nSHA-256: %s\nHand-in: %s\nBox: %s\n",
		r.Exercise.Title, r.Exercise.ID, r.Student, r.Received, r.Size, r.SHA256, r.ID, r.Box)
}

// When is the receipt's time for a sentence: "2026-12-05 17:03:09 UTC".
func (r Receipt) When() string {
	t, err := time.Parse(time.RFC3339Nano, r.Received)
	if err != nil {
		return r.Received
	}
	return t.UTC().Format("2006-01-02 15:04:05 UTC")
}

// State is a box's state, as its owner sees it.
type State struct {
	Closed  bool  `json:"closed"`
	HandIns int   `json:"handIns"` // every version counted
	Bytes   int64 `json:"bytes"`
}

func (c Client) state(res Response, err error) (State, error) {
	if err != nil {
		return State{}, err
	}
	var s State
	if err := json.Unmarshal(res.Body, &s); err != nil {
		return State{}, &Error{Status: res.Status, Code: "answer", Message: "the box's state could not be read"}
	}
	return s, nil
}

// State asks for the box's state.
func (c Client) State(o Owner) (State, error) {
	return c.state(c.do(Request{Method: "GET", URL: o.BoxURL(), Header: auth(o.Secret)}, true))
}

// SetClosed closes the box (no more hand-ins) or opens it again.
func (c Client) SetClosed(o Owner, closed bool) (State, error) {
	hdr := auth(o.Secret)
	hdr["Content-Type"] = "application/json"
	body := []byte(`{"closed":` + strconv.FormatBool(closed) + `}`)
	return c.state(c.do(Request{Method: "PATCH", URL: o.BoxURL(), Header: hdr, Body: body}, true))
}

// Delete deletes the box: every file and record. A retry after a lost
// answer may find the box gone already: then the error's Code is
// "not_found".
func (c Client) Delete(o Owner) error {
	req := Request{Method: "DELETE", URL: o.BoxURL(), Header: auth(o.Secret)}
	_, err := c.do(req, true)
	return err
}

// File is a student's latest hand-in, fetched.
type File struct {
	Name     string // "<student>.sayso.json", as Compare lists it
	Student  string
	Data     []byte
	Received string // when the latest arrived: RFC 3339, UTC
	Versions int    // how many times the student handed in, this one included
}

// Latest fetches each student's latest hand-in, in order of arrival, with
// how many versions the student handed in (the list names them all).
func (c Client) Latest(o Owner) ([]File, error) {
	res, err := c.do(Request{Method: "GET", URL: o.BoxURL() + "/hand-ins", Header: auth(o.Secret)}, true)
	if err != nil {
		return nil, err
	}
	var list struct {
		HandIns []struct {
			ID       string `json:"id"`
			Student  string `json:"student"`
			Received string `json:"received"`
			Latest   bool   `json:"latest"`
		} `json:"handIns"`
	}
	if err := json.Unmarshal(res.Body, &list); err != nil {
		return nil, &Error{Status: res.Status, Code: "answer", Message: "the list of hand-ins could not be read"}
	}
	versions := map[string]int{}
	for _, h := range list.HandIns {
		versions[h.Student]++
	}
	var out []File
	for _, h := range list.HandIns {
		if !isHex(h.ID, 32) {
			return nil, &Error{Status: res.Status, Code: "answer", Message: "the list of hand-ins could not be read"}
		}
		if !h.Latest {
			continue
		}
		res, err := c.do(Request{Method: "GET", URL: o.BoxURL() + "/hand-ins/" + h.ID, Header: auth(o.Secret)}, true)
		if err != nil {
			return nil, fmt.Errorf("%s's hand-in: %w", h.Student, err)
		}
		out = append(out, File{Name: h.Student + ".sayso.json", Student: h.Student, Data: res.Body, Received: h.Received, Versions: versions[h.Student]})
	}
	return out, nil
}

func isHex(s string, n int) bool {
	if len(s) != n {
		return false
	}
	for _, c := range s {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// Explain says a failed request to a person, with what to do next: what
// is kept, and whether trying again can help. doing names the request
// ("Not handed in").
func Explain(doing string, err error) string {
	var e *Error
	if !errors.As(err, &e) {
		return doing + ": " + err.Error() + "."
	}
	msg := strings.TrimSuffix(e.Message, ".")
	switch {
	case e.Status == 0:
		return doing + ": the hand-in box could not be reached (offline, or the site is down)."
	case e.Code == "refused" || e.Code == "invalid_file":
		return doing + ": " + strings.TrimPrefix(msg, "not handed in: ") + "."
	}
	return doing + ": " + msg + "."
}
