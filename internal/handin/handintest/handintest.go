// Package handintest makes what the hand-in box tests send: a teacher's
// exercise file and students' exports of it, as the app writes them
// (package exercise and package native), and a small client of the API
// for the tests and the load test that run the real Worker.
package handintest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"

	"sayso/internal/annotation"
	"sayso/internal/exercise"
	"sayso/internal/format/native"
)

// Texts of the exercise: with emoji and CJK.
const (
	BridgeText = "Mayor Inés Ocampo said the bridge “will reopen in May” 🌉. Tomás Ruiz said the budget is a fantasy.\n"
	CafeText   = "王文说：“咖啡很好。” The owner said prices will rise.\n"
)

// Clock is the fixed time of the projects made here.
func Clock() time.Time { return time.Date(2026, 3, 14, 15, 9, 26, 0, time.UTC) }

// Class is a teacher's exercise.
type Class struct {
	Exercise     exercise.Exercise
	ExerciseFile []byte // the .sayso-exercise.json
}

// NewClass returns an exercise of two documents titled title.
func NewClass(title string) (Class, error) {
	s := annotation.New(annotation.DefaultSchema(), "Teacher", Clock)
	if _, err := s.AddDocument("Harbour Bridge", BridgeText); err != nil {
		return Class{}, fmt.Errorf("new class: %w", err)
	}
	if _, err := s.AddDocument("Café prices", CafeText); err != nil {
		return Class{}, fmt.Errorf("new class: %w", err)
	}
	e, err := exercise.New(s.Project(), title, "Mark every claim.", nil)
	if err != nil {
		return Class{}, fmt.Errorf("new class: %w", err)
	}
	b, err := exercise.Encode(e)
	if err != nil {
		return Class{}, fmt.Errorf("new class: %w", err)
	}
	return Class{Exercise: e, ExerciseFile: b}, nil
}

// Export is a student's export of the exercise, changed by edit (nil: as
// started).
func (c Class) Export(student string, edit func(p *annotation.Project)) ([]byte, error) {
	p := c.Exercise.Start(student)
	if edit != nil {
		edit(&p)
	}
	b, err := native.Encode(p)
	if err != nil {
		return nil, fmt.Errorf("export of %s: %w", student, err)
	}
	return b, nil
}

// Opened is the answer to opening a box.
type Opened struct {
	ID          string `json:"id"`
	HandInCode  string `json:"handInCode"`
	OwnerSecret string `json:"ownerSecret"`
	Box         string `json:"box"`
	HandIns     string `json:"handIns"`
}

// Receipt is the answer to a hand-in.
type Receipt struct {
	ID       string `json:"id"`
	Box      string `json:"box"`
	Exercise struct {
		ID    string `json:"id"`
		Title string `json:"title"`
	} `json:"exercise"`
	Student  string `json:"student"`
	Received string `json:"received"`
	Size     int64  `json:"size"`
	SHA256   string `json:"sha256"`
	Replayed bool   `json:"replayed"`
}

// Listed is the answer to listing hand-ins.
type Listed struct {
	Box     string `json:"box"`
	HandIns []struct {
		ID       string `json:"id"`
		Student  string `json:"student"`
		Received string `json:"received"`
		Size     int64  `json:"size"`
		SHA256   string `json:"sha256"`
		Latest   bool   `json:"latest"`
	} `json:"handIns"`
}

// Error is the answer to a refused request.
type Error struct {
	Error    string   `json:"error"`
	Code     string   `json:"code"`
	Problems []string `json:"problems"`
}

// Client calls the API at Base ("http://127.0.0.1:8787").
type Client struct {
	Base string
	HTTP *http.Client
}

// Response is a status and body.
type Response struct {
	Status int
	Header http.Header
	Body   []byte
}

// JSON decodes the body into v.
func (r Response) JSON(v any) error {
	if err := json.Unmarshal(r.Body, v); err != nil {
		return fmt.Errorf("decode %d answer %q: %w", r.Status, r.Body, err)
	}
	return nil
}

// Do sends one request; auth, idempotency key and body may be empty.
func (c Client) Do(method, path, auth, key string, body []byte, header map[string]string) (Response, error) {
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequest(method, c.Base+path, rd)
	if err != nil {
		return Response{}, fmt.Errorf("%s %s: %w", method, path, err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if auth != "" {
		req.Header.Set("Authorization", "Bearer "+auth)
	}
	if key != "" {
		req.Header.Set("Idempotency-Key", key)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	hc := c.HTTP
	if hc == nil {
		hc = http.DefaultClient
	}
	res, err := hc.Do(req)
	if err != nil {
		return Response{}, fmt.Errorf("%s %s: %w", method, path, err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		return Response{}, fmt.Errorf("%s %s: read the answer: %w", method, path, err)
	}
	return Response{Status: res.StatusCode, Header: res.Header, Body: b}, nil
}

// Open opens a box for the class.
func (c Client) Open(class Class) (Opened, error) {
	r, err := c.Do(http.MethodPost, "/api/boxes", "", "", class.ExerciseFile, nil)
	if err != nil {
		return Opened{}, err
	}
	if r.Status != http.StatusCreated {
		return Opened{}, fmt.Errorf("open a box: %d %s", r.Status, r.Body)
	}
	var o Opened
	return o, r.JSON(&o)
}

// HandIn hands file in to the box o under the idempotency key.
func (c Client) HandIn(o Opened, key string, file []byte) (Response, error) {
	return c.Do(http.MethodPost, o.HandIns, o.HandInCode, key, file, nil)
}
