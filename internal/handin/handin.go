package handin

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"sayso/internal/annotation"
	"sayso/internal/exercise"
	"sayso/internal/format/jsonsyntax"
	"sayso/internal/format/native"
)

// Prefix is where the API lives on the site's origin.
const Prefix = "/api/boxes"

// Limits bound what a box takes and how often. Zero fields take the
// defaults of DefaultLimits.
type Limits struct {
	HandInBytes   int64 // largest hand-in (and exercise) file
	BoxBytes      int64 // all hand-ins of a box together
	BoxHandIns    int   // hand-ins per box, every version counted
	PerAddress    int64 // API requests per client address per minute
	PerBox        int64 // hand-ins per box per minute
	OpensPerHour  int64 // boxes opened per client address per hour
	StudentLength int   // longest student name kept, in characters
}

// DefaultLimits are the limits of a deployed box: a class or team of a
// few dozen people handing in several versions each, from one school
// network.
func DefaultLimits() Limits {
	return Limits{
		HandInBytes:   10 << 20,
		BoxBytes:      500 << 20,
		BoxHandIns:    2000,
		PerAddress:    240,
		PerBox:        300,
		OpensPerHour:  20,
		StudentLength: 200,
	}
}

func (l Limits) withDefaults() Limits {
	d := DefaultLimits()
	if l.HandInBytes <= 0 {
		l.HandInBytes = d.HandInBytes
	}
	if l.BoxBytes <= 0 {
		l.BoxBytes = d.BoxBytes
	}
	if l.BoxHandIns <= 0 {
		l.BoxHandIns = d.BoxHandIns
	}
	if l.PerAddress <= 0 {
		l.PerAddress = d.PerAddress
	}
	if l.PerBox <= 0 {
		l.PerBox = d.PerBox
	}
	if l.OpensPerHour <= 0 {
		l.OpensPerHour = d.OpensPerHour
	}
	if l.StudentLength <= 0 {
		l.StudentLength = d.StudentLength
	}
	return l
}

// Config is what the API runs on.
type Config struct {
	Records Records
	Files   Files
	Limits  Limits
	Clock   func() time.Time // time.Now when nil
	Rand    io.Reader        // crypto/rand when nil
	Log     *slog.Logger     // slog.Default() when nil; never logs secrets or files
}

// New returns the hand-in API, answering every path under Prefix.
func New(c Config) http.Handler {
	if c.Clock == nil {
		c.Clock = time.Now
	}
	if c.Rand == nil {
		c.Rand = rand.Reader
	}
	if c.Log == nil {
		c.Log = slog.Default()
	}
	c.Limits = c.Limits.withDefaults()
	return &api{c: c}
}

type api struct {
	c Config
}

// apiError is an answer other than success: its status, a stable code
// for the app and a sentence for the person.
type apiError struct {
	status   int
	code     string
	message  string
	problems []string
	retry    time.Duration // Retry-After, for 429
	err      error         // the cause, logged, never sent
}

func (e *apiError) Error() string { return e.message }

func fail(status int, code, format string, args ...any) *apiError {
	return &apiError{status: status, code: code, message: fmt.Sprintf(format, args...)}
}

func internal(err error) *apiError {
	return &apiError{status: http.StatusInternalServerError, code: "internal",
		message: "the hand-in box could not do that just now; nothing was changed, try again", err: err}
}

// route is one endpoint: the box id and hand-in id from the path.
type route struct {
	box, handIn string
	kind        string // "boxes", "box", "hand-ins", "hand-in"
}

// allowed lists the methods of each kind of path.
var allowed = map[string][]string{
	"boxes":    {http.MethodPost},
	"box":      {http.MethodGet, http.MethodPatch, http.MethodDelete},
	"hand-ins": {http.MethodGet, http.MethodPost},
	"hand-in":  {http.MethodGet},
}

func parseRoute(p string) (route, *apiError) {
	rest, ok := strings.CutPrefix(p, Prefix)
	if !ok || (rest != "" && !strings.HasPrefix(rest, "/")) {
		return route{}, fail(http.StatusNotFound, "not_found", "no such endpoint: %s", clip(p))
	}
	parts := strings.Split(strings.TrimPrefix(rest, "/"), "/")
	if rest == "" || rest == "/" {
		return route{kind: "boxes"}, nil
	}
	if !boxIDPattern.MatchString(parts[0]) {
		return route{}, fail(http.StatusNotFound, "not_found", "no such box: a box id is 24 hexadecimal digits")
	}
	r := route{box: parts[0]}
	switch {
	case len(parts) == 1:
		r.kind = "box"
	case len(parts) == 2 && parts[1] == "hand-ins":
		r.kind = "hand-ins"
	case len(parts) == 3 && parts[1] == "hand-ins":
		if !handInIDPattern.MatchString(parts[2]) {
			return route{}, fail(http.StatusNotFound, "not_found", "no such hand-in: a hand-in id is 32 hexadecimal digits")
		}
		r.kind, r.handIn = "hand-in", parts[2]
	default:
		return route{}, fail(http.StatusNotFound, "not_found", "no such endpoint: %s", clip(p))
	}
	return r, nil
}

func (a *api) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; sandbox")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cache-Control", "no-store")
	h.Add("Vary", "Origin")

	rt, aerr := parseRoute(r.URL.Path)
	if aerr == nil {
		aerr = a.cors(w, r, rt)
	}
	if aerr == nil && r.Method == http.MethodOptions {
		return // a preflight, answered by cors
	}
	if aerr == nil && !contains(allowed[rt.kind], r.Method) {
		h.Set("Allow", strings.Join(allowed[rt.kind], ", "))
		aerr = fail(http.StatusMethodNotAllowed, "method_not_allowed", "%s is not allowed here; use %s", r.Method, strings.Join(allowed[rt.kind], " or "))
	}
	if aerr == nil {
		aerr = a.limit(r.Context(), addressKey("addr", clientAddress(r)), a.c.Limits.PerAddress, time.Minute,
			"too many requests from your network; wait a minute and try again")
	}
	if aerr == nil {
		aerr = a.serve(w, r, rt)
	}
	if aerr != nil {
		a.writeError(w, r, aerr)
	}
}

func (a *api) serve(w http.ResponseWriter, r *http.Request, rt route) *apiError {
	switch rt.kind + " " + r.Method {
	case "boxes POST":
		return a.openBox(w, r)
	case "box GET":
		return a.status(w, r, rt.box)
	case "box PATCH":
		return a.setClosed(w, r, rt.box)
	case "box DELETE":
		return a.deleteBox(w, r, rt.box)
	case "hand-ins POST":
		return a.handIn(w, r, rt.box)
	case "hand-ins GET":
		return a.list(w, r, rt.box)
	case "hand-in GET":
		return a.fetch(w, r, rt.box, rt.handIn)
	}
	return fail(http.StatusNotFound, "not_found", "no such endpoint")
}

func (a *api) writeError(w http.ResponseWriter, r *http.Request, e *apiError) {
	if e.err != nil {
		a.c.Log.Error("hand-in API", "method", r.Method, "path", r.URL.Path, "status", e.status, "err", e.err)
	}
	if e.retry > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(int(e.retry.Round(time.Second)/time.Second)))
	}
	body := map[string]any{"error": e.message, "code": e.code}
	if len(e.problems) > 0 {
		body["problems"] = e.problems
	}
	writeJSON(w, e.status, body)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status, b = http.StatusInternalServerError, []byte(`{"error":"could not write the answer","code":"internal"}`)
	}
	b = append(b, '\n')
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Length", strconv.Itoa(len(b)))
	w.WriteHeader(status)
	_, _ = w.Write(b) // the client went away: nothing to do
}

// selfOrigin is the origin the request was sent to: the site's own.
func selfOrigin(r *http.Request) string {
	if r.URL.Scheme != "" && r.URL.Host != "" {
		return r.URL.Scheme + "://" + r.URL.Host
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// cors lets the site's own pages call every endpoint and the offline page
// opened from file:// (origin "null") only hand in; any other origin is
// refused. Requests without an Origin are not from a browser page and
// carry their secrets themselves.
func (a *api) cors(w http.ResponseWriter, r *http.Request, rt route) *apiError {
	origin := r.Header.Get("Origin")
	preflight := r.Method == http.MethodOptions
	switch {
	case origin == "" && !preflight:
		return nil
	case origin != "" && origin == selfOrigin(r) && !preflight:
		return nil
	case origin == "null" && rt.kind == "hand-ins":
		if preflight {
			if m := r.Header.Get("Access-Control-Request-Method"); m != http.MethodPost {
				return fail(http.StatusForbidden, "origin_not_allowed", "the offline page may only hand in (POST), not %s", clip(m))
			}
			h := w.Header()
			h.Set("Access-Control-Allow-Origin", "null")
			h.Set("Access-Control-Allow-Methods", "POST")
			h.Set("Access-Control-Allow-Headers", "Authorization, Content-Type, Idempotency-Key")
			h.Set("Access-Control-Max-Age", "600")
			w.WriteHeader(http.StatusNoContent)
			return nil
		}
		if r.Method != http.MethodPost {
			return fail(http.StatusForbidden, "origin_not_allowed", "the offline page may only hand in")
		}
		w.Header().Set("Access-Control-Allow-Origin", "null")
		return nil
	case preflight && origin == "":
		return fail(http.StatusBadRequest, "bad_request", "OPTIONS is a browser's preflight and needs an Origin")
	case preflight:
		return fail(http.StatusForbidden, "origin_not_allowed", "requests from %s are not allowed", clip(origin))
	default:
		return fail(http.StatusForbidden, "origin_not_allowed",
			"requests from %s are not allowed: use the site itself, or hand in from the offline page", clip(origin))
	}
}

// clientAddress is the client's network for rate limits: Cf-Connecting-Ip
// in the Worker (syumai/workers puts it in RemoteAddr), the host of
// RemoteAddr natively; an IPv6 address counts as its /64, which one
// household or school usually has whole.
func clientAddress(r *http.Request) string {
	addr := r.RemoteAddr
	if host, _, err := net.SplitHostPort(addr); err == nil {
		addr = host
	}
	ip, err := netip.ParseAddr(addr)
	if err != nil {
		return addr
	}
	if ip.Is4() || ip.Is4In6() {
		return ip.Unmap().String()
	}
	p, err := ip.Prefix(64)
	if err != nil {
		return addr
	}
	return p.String()
}

// limit counts one request against key in the current window and refuses
// it past max.
func (a *api) limit(ctx context.Context, key string, max int64, window time.Duration, message string) *apiError {
	_, e := a.count(ctx, key, max, window, message)
	return e
}

// count is limit that also returns the count.
func (a *api) count(ctx context.Context, key string, max int64, window time.Duration, message string) (int64, *apiError) {
	now := a.c.Clock()
	secs := int64(window / time.Second)
	start := now.Unix() / secs * secs
	n, err := a.c.Records.Count(ctx, key, start)
	if err != nil {
		return 0, internal(fmt.Errorf("rate limit: %w", err))
	}
	if n > max {
		e := fail(http.StatusTooManyRequests, "rate_limited", "%s", message)
		e.retry = time.Unix(start+secs, 0).Sub(now)
		return n, e
	}
	return n, nil
}

// CountersKept is how long rate counters are kept: they are removed
// when a box is opened or a hand-in arrives after that.
const CountersKept = 2 * time.Hour

func (a *api) forgetCounts(ctx context.Context) *apiError {
	if err := a.c.Records.ForgetCounts(ctx, a.c.Clock().Add(-CountersKept).Unix()); err != nil {
		return internal(err)
	}
	return nil
}

// bearer returns the token of an Authorization: Bearer header.
func bearer(r *http.Request, what string) (string, *apiError) {
	v := r.Header.Get("Authorization")
	if v == "" {
		return "", fail(http.StatusUnauthorized, "unauthorized", "the %s is missing (send it as Authorization: Bearer …)", what)
	}
	scheme, token, ok := strings.Cut(v, " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", fail(http.StatusUnauthorized, "unauthorized", "send the %s as Authorization: Bearer …", what)
	}
	token = strings.TrimSpace(token)
	if !secretPattern.MatchString(token) {
		return "", fail(http.StatusUnauthorized, "unauthorized", "the %s is malformed: it is 32 hexadecimal digits", what)
	}
	return token, nil
}

// readBody reads a JSON request body of at most max bytes.
func readBody(r *http.Request, max int64, what string) ([]byte, *apiError) {
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
		return nil, fail(http.StatusUnsupportedMediaType, "unsupported_media_type", "send the %s as Content-Type: application/json", what)
	}
	tooLarge := func(n int64) *apiError {
		size := "larger than " + jsonsyntax.Megabytes(int(max))
		if n > 0 {
			size = jsonsyntax.Megabytes(int(n))
		}
		return fail(http.StatusRequestEntityTooLarge, "too_large", "the %s is %s; at most %s can be handed in", what, size, jsonsyntax.Megabytes(int(max)))
	}
	if r.ContentLength > max {
		return nil, tooLarge(r.ContentLength)
	}
	if r.Body == nil {
		return nil, fail(http.StatusBadRequest, "bad_request", "the %s is missing", what)
	}
	b, err := io.ReadAll(io.LimitReader(r.Body, max+1))
	if err != nil {
		return nil, fail(http.StatusBadRequest, "bad_request", "the %s could not be read completely; try again", what)
	}
	if int64(len(b)) > max {
		return nil, tooLarge(0)
	}
	if len(b) == 0 {
		return nil, fail(http.StatusBadRequest, "bad_request", "the %s is empty", what)
	}
	return b, nil
}

func exerciseKey(boxID string) string { return "boxes/" + boxID + "/exercise.sayso-exercise.json" }

func handInKey(boxID, id, sum string) string {
	return "boxes/" + boxID + "/hand-ins/" + id + "-" + sum[:16] + ".sayso.json"
}

func timestamp(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z07:00") }

// --- open a box ---

type exerciseRef struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

type openedBox struct {
	ID          string      `json:"id"`
	HandInCode  string      `json:"handInCode"`
	OwnerSecret string      `json:"ownerSecret"`
	Exercise    exerciseRef `json:"exercise"`
	Created     string      `json:"created"`
	Box         string      `json:"box"`     // path of the box (owner's endpoints)
	HandIns     string      `json:"handIns"` // path to hand in at
}

func (a *api) openBox(w http.ResponseWriter, r *http.Request) *apiError {
	ctx := r.Context()
	if e := a.forgetCounts(ctx); e != nil {
		return e
	}
	now := a.c.Clock()
	if e := a.limit(ctx, addressKey("open", clientAddress(r)), a.c.Limits.OpensPerHour, time.Hour,
		"too many boxes opened from your network; wait an hour and try again"); e != nil {
		return e
	}
	body, e := readBody(r, a.c.Limits.HandInBytes, "exercise file")
	if e != nil {
		return e
	}
	ex, err := exercise.Decode(body)
	if err != nil {
		return fail(http.StatusUnprocessableEntity, "invalid_exercise", "this is not an exercise file a box can be opened for: %s", err.Error())
	}
	var ids [3]string
	for i, n := range []int{boxIDBytes, secretBytes, secretBytes} {
		if ids[i], err = randomHex(a.c.Rand, n); err != nil {
			return internal(err)
		}
	}
	b := Box{
		ID: ids[0], CodeHash: hashSecret(ids[1]), OwnerHash: hashSecret(ids[2]),
		ExerciseID: ex.ID, ExerciseTitle: ex.Title, Created: now.UTC().Truncate(time.Millisecond),
	}
	if err := a.c.Files.Put(ctx, exerciseKey(b.ID), body); err != nil {
		return internal(fmt.Errorf("store the exercise of box %s: %w", b.ID, err))
	}
	if err := a.c.Records.CreateBox(ctx, b); err != nil {
		_ = a.c.Files.Delete(ctx, exerciseKey(b.ID))
		return internal(err)
	}
	writeJSON(w, http.StatusCreated, openedBox{
		ID: b.ID, HandInCode: ids[1], OwnerSecret: ids[2],
		Exercise: exerciseRef{ID: b.ExerciseID, Title: b.ExerciseTitle},
		Created:  timestamp(b.Created),
		Box:      Prefix + "/" + b.ID,
		HandIns:  Prefix + "/" + b.ID + "/hand-ins",
	})
	return nil
}

// --- the owner's endpoints ---

// ownedBox loads the box and checks the owner secret.
func (a *api) ownedBox(r *http.Request, id string) (Box, *apiError) {
	secret, e := bearer(r, "owner secret")
	if e != nil {
		return Box{}, e
	}
	b, e := a.box(r.Context(), id)
	if e != nil {
		return Box{}, e
	}
	if !secretMatches(secret, b.OwnerHash) {
		return Box{}, fail(http.StatusForbidden, "forbidden", "wrong owner secret for this box")
	}
	return b, nil
}

func (a *api) box(ctx context.Context, id string) (Box, *apiError) {
	b, err := a.c.Records.Box(ctx, id)
	if errors.Is(err, ErrNotFound) {
		return Box{}, fail(http.StatusNotFound, "not_found", "no such box (it may have been deleted)")
	}
	if err != nil {
		return Box{}, internal(err)
	}
	return b, nil
}

type boxStatus struct {
	ID       string      `json:"id"`
	Exercise exerciseRef `json:"exercise"`
	Created  string      `json:"created"`
	Closed   bool        `json:"closed"`
	ClosedAt string      `json:"closedAt,omitempty"`
	HandIns  int         `json:"handIns"`
	Bytes    int64       `json:"bytes"`
	Limits   boxLimits   `json:"limits"`
}

type boxLimits struct {
	HandInBytes int64 `json:"handInBytes"`
	BoxBytes    int64 `json:"boxBytes"`
	BoxHandIns  int   `json:"boxHandIns"`
}

func (a *api) writeStatus(w http.ResponseWriter, r *http.Request, b Box) *apiError {
	n, size, err := a.c.Records.Usage(r.Context(), b.ID)
	if err != nil {
		return internal(err)
	}
	s := boxStatus{
		ID: b.ID, Exercise: exerciseRef{ID: b.ExerciseID, Title: b.ExerciseTitle},
		Created: timestamp(b.Created), Closed: !b.Closed.IsZero(), HandIns: n, Bytes: size,
		Limits: boxLimits{HandInBytes: a.c.Limits.HandInBytes, BoxBytes: a.c.Limits.BoxBytes, BoxHandIns: a.c.Limits.BoxHandIns},
	}
	if s.Closed {
		s.ClosedAt = timestamp(b.Closed)
	}
	writeJSON(w, http.StatusOK, s)
	return nil
}

func (a *api) status(w http.ResponseWriter, r *http.Request, id string) *apiError {
	b, e := a.ownedBox(r, id)
	if e != nil {
		return e
	}
	return a.writeStatus(w, r, b)
}

func (a *api) setClosed(w http.ResponseWriter, r *http.Request, id string) *apiError {
	b, e := a.ownedBox(r, id)
	if e != nil {
		return e
	}
	body, e := readBody(r, 1024, "change")
	if e != nil {
		return e
	}
	var change struct {
		Closed *bool `json:"closed"`
	}
	dec := json.NewDecoder(strings.NewReader(string(body)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&change); err != nil || change.Closed == nil {
		return fail(http.StatusBadRequest, "bad_request", `send {"closed": true} to close the box, or {"closed": false} to open it again`)
	}
	at := time.Time{}
	if *change.Closed {
		at = b.Closed
		if at.IsZero() {
			at = a.c.Clock().UTC().Truncate(time.Millisecond)
		}
	}
	if err := a.c.Records.SetClosed(r.Context(), b.ID, at); err != nil {
		return internal(err)
	}
	b.Closed = at
	return a.writeStatus(w, r, b)
}

func (a *api) deleteBox(w http.ResponseWriter, r *http.Request, id string) *apiError {
	ctx := r.Context()
	b, e := a.ownedBox(r, id)
	if e != nil {
		return e
	}
	// Closed first, so that no hand-in arrives while the files go.
	if b.Closed.IsZero() {
		if err := a.c.Records.SetClosed(ctx, b.ID, a.c.Clock().UTC()); err != nil {
			return internal(err)
		}
	}
	hs, err := a.c.Records.HandIns(ctx, b.ID)
	if err != nil {
		return internal(err)
	}
	for _, h := range hs {
		if err := a.c.Files.Delete(ctx, h.FileKey); err != nil {
			return internal(fmt.Errorf("delete box %s: %w", b.ID, err))
		}
	}
	if err := a.c.Files.Delete(ctx, exerciseKey(b.ID)); err != nil {
		return internal(fmt.Errorf("delete box %s: %w", b.ID, err))
	}
	// The records last: until they are gone the owner can delete again.
	if err := a.c.Records.DeleteBox(ctx, b.ID); err != nil {
		return internal(err)
	}
	w.WriteHeader(http.StatusNoContent)
	return nil
}

type listedHandIn struct {
	ID       string `json:"id"`
	Student  string `json:"student"`
	Received string `json:"received"`
	Size     int64  `json:"size"`
	SHA256   string `json:"sha256"`
	Latest   bool   `json:"latest"` // the student's latest hand-in: the one that counts
}

func (a *api) list(w http.ResponseWriter, r *http.Request, id string) *apiError {
	b, e := a.ownedBox(r, id)
	if e != nil {
		return e
	}
	latestOnly := false
	if v, ok := r.URL.Query()["latest"]; ok {
		switch strings.Join(v, ",") {
		case "true", "1":
			latestOnly = true
		case "false", "0":
		default:
			return fail(http.StatusBadRequest, "bad_request", "latest is true or false")
		}
	}
	hs, err := a.c.Records.HandIns(r.Context(), b.ID)
	if err != nil {
		return internal(err)
	}
	latest := map[string]string{}
	for _, h := range hs {
		latest[h.Student] = h.ID // in order of arrival: the last one wins
	}
	out := []listedHandIn{}
	for _, h := range hs {
		l := latest[h.Student] == h.ID
		if latestOnly && !l {
			continue
		}
		out = append(out, listedHandIn{ID: h.ID, Student: h.Student, Received: timestamp(h.Received), Size: h.Size, SHA256: h.SHA256, Latest: l})
	}
	writeJSON(w, http.StatusOK, map[string]any{"box": b.ID, "handIns": out})
	return nil
}

func (a *api) fetch(w http.ResponseWriter, r *http.Request, boxID, id string) *apiError {
	b, e := a.ownedBox(r, boxID)
	if e != nil {
		return e
	}
	h, err := a.c.Records.HandIn(r.Context(), b.ID, id)
	if errors.Is(err, ErrNotFound) {
		return fail(http.StatusNotFound, "not_found", "no such hand-in in this box")
	}
	if err != nil {
		return internal(err)
	}
	data, err := a.c.Files.Get(r.Context(), h.FileKey)
	if err != nil {
		return internal(fmt.Errorf("read hand-in %s: %w", h.ID, err))
	}
	hdr := w.Header()
	// Sent as a download, never as a page.
	hdr.Set("Content-Type", "application/json")
	hdr.Set("Content-Disposition", `attachment; filename="`+h.ID+`.sayso.json"`)
	hdr.Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(data)
	return nil
}

// --- hand in ---

// Receipt is what a student gets for a stored hand-in.
type Receipt struct {
	ID       string      `json:"id"`
	Box      string      `json:"box"`
	Exercise exerciseRef `json:"exercise"`
	Student  string      `json:"student"`
	Received string      `json:"received"`
	Size     int64       `json:"size"`
	SHA256   string      `json:"sha256"`
	Replayed bool        `json:"replayed"` // a retry: the first hand-in of this key, nothing stored again
}

func receipt(b Box, h HandIn, replayed bool) Receipt {
	return Receipt{
		ID: h.ID, Box: b.ID, Exercise: exerciseRef{ID: b.ExerciseID, Title: b.ExerciseTitle},
		Student: h.Student, Received: timestamp(h.Received), Size: h.Size, SHA256: h.SHA256, Replayed: replayed,
	}
}

func (a *api) handIn(w http.ResponseWriter, r *http.Request, boxID string) *apiError {
	ctx := r.Context()
	code, e := bearer(r, "hand-in code")
	if e != nil {
		return e
	}
	key := r.Header.Get("Idempotency-Key")
	if !idemKeyPattern.MatchString(key) {
		return fail(http.StatusBadRequest, "bad_request",
			"an Idempotency-Key header of 16 to 128 letters, digits, - or _ is required, new for each hand-in and the same when retrying one")
	}
	b, e := a.box(ctx, boxID)
	if e != nil {
		return e
	}
	if !secretMatches(code, b.CodeHash) {
		return fail(http.StatusForbidden, "forbidden", "wrong hand-in code for this box: check the exercise file you were given")
	}
	body, e := readBody(r, a.c.Limits.HandInBytes, "file")
	if e != nil {
		return e
	}
	digest := sha256.Sum256(body)
	sum := hex.EncodeToString(digest[:])
	id := handInID(b.ID, key)
	// A retry of a stored hand-in gets its receipt even from a box that
	// has since been closed or filled. Looked up only then: otherwise
	// AddHandIn's uniqueness catches a retry, at one query less.
	refuse := func(e *apiError) *apiError {
		old, err := a.c.Records.HandIn(ctx, b.ID, id)
		switch {
		case err == nil:
			if re := a.replay(w, b, old, sum); re != nil {
				return re
			}
			return nil
		case errors.Is(err, ErrNotFound):
			return e
		default:
			return internal(err)
		}
	}
	if !b.Closed.IsZero() {
		return refuse(fail(http.StatusConflict, "closed", "this box is closed and takes no more hand-ins; Export your work and give it to your teacher another way"))
	}
	n, size, err := a.c.Records.Usage(ctx, b.ID)
	if err != nil {
		return internal(err)
	}
	if n >= a.c.Limits.BoxHandIns || size+int64(len(body)) > a.c.Limits.BoxBytes {
		return refuse(fail(http.StatusInsufficientStorage, "box_full",
			"this box is full (%d hand-ins, %s); Export your work and give it to your teacher another way", n, jsonsyntax.Megabytes(int(size))))
	}
	count, e := a.count(ctx, BoxCounter(b.ID), a.c.Limits.PerBox, time.Minute,
		"this box is taking many hand-ins just now; wait a minute and try again")
	if e != nil {
		return refuse(e)
	}
	if count == 1 {
		// Once a minute per box at most: old counters go.
		if e := a.forgetCounts(ctx); e != nil {
			return e
		}
	}
	student, e := a.check(ctx, b, body)
	if e != nil {
		return e
	}
	h := HandIn{
		ID: id, BoxID: b.ID, Student: student, Size: int64(len(body)), SHA256: sum,
		FileKey: handInKey(b.ID, id, sum), Received: a.c.Clock().UTC().Truncate(time.Millisecond),
	}
	// The file first, then its record: a hand-in without its file never
	// exists, and a failure leaves nothing behind.
	if err := a.c.Files.Put(ctx, h.FileKey, body); err != nil {
		return internal(fmt.Errorf("store hand-in %s: %w", h.ID, err))
	}
	stored, created, err := a.c.Records.AddHandIn(ctx, h)
	if err != nil {
		// Remove the file unless it is a stored hand-in's (this was a
		// retry that rewrote the same bytes).
		if old, lookErr := a.c.Records.HandIn(ctx, b.ID, id); lookErr != nil || old.FileKey != h.FileKey {
			_ = a.c.Files.Delete(ctx, h.FileKey)
		}
		return internal(err)
	}
	if !created {
		// A concurrent retry of the same key was first.
		if stored.FileKey != h.FileKey {
			_ = a.c.Files.Delete(ctx, h.FileKey)
		}
		return a.replay(w, b, stored, sum)
	}
	writeJSON(w, http.StatusCreated, receipt(b, stored, false))
	return nil
}

func (a *api) replay(w http.ResponseWriter, b Box, old HandIn, sum string) *apiError {
	if old.SHA256 != sum {
		return fail(http.StatusConflict, "idempotency_conflict",
			"this Idempotency-Key was already used for a different file; use a new key for a new hand-in")
	}
	writeJSON(w, http.StatusOK, receipt(b, old, true))
	return nil
}

// check opens the file as the page does (package native) and compares it
// with the box's exercise (exercise.Check); it returns the student's name.
func (a *api) check(ctx context.Context, b Box, body []byte) (string, *apiError) {
	p, err := native.Decode(body)
	if err != nil {
		return "", fail(http.StatusUnprocessableEntity, "invalid_file", "this is not a Sayso export that can be handed in: %s", err.Error())
	}
	raw, err := a.c.Files.Get(ctx, exerciseKey(b.ID))
	if err != nil {
		return "", internal(fmt.Errorf("read the exercise of box %s: %w", b.ID, err))
	}
	ex, err := exercise.Decode(raw)
	if err != nil {
		return "", internal(fmt.Errorf("decode the exercise of box %s: %w", b.ID, err))
	}
	s := exercise.Check(ex, p)
	if s.Role == annotation.RoleKey {
		return "", fail(http.StatusUnprocessableEntity, "refused", "this is the answer key of the exercise, not a student's work")
	}
	if len(s.Problems) > 0 {
		problems := make([]string, len(s.Problems))
		for i, p := range s.Problems {
			problems[i] = strings.TrimSuffix(p, " (re-anchored)")
		}
		e := fail(http.StatusUnprocessableEntity, "refused", "not handed in: %s", strings.Join(problems, "; "))
		e.problems = problems
		return "", e
	}
	student := strings.TrimSpace(p.Annotator)
	if student == "" {
		return "", fail(http.StatusUnprocessableEntity, "refused", "not handed in: the file names no student; set your name and export again")
	}
	if utf8.RuneCountInString(student) > a.c.Limits.StudentLength {
		return "", fail(http.StatusUnprocessableEntity, "refused", "not handed in: the student's name is longer than %d characters", a.c.Limits.StudentLength)
	}
	return student, nil
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// clip shortens a value quoted in a message.
func clip(s string) string {
	const most = 60
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "�")
	}
	if r := []rune(s); len(r) > most {
		return string(r[:most-1]) + "…"
	}
	return s
}

// Unavailable answers every request under Prefix with 503 and a JSON
// error: the API on a site whose owner has not set up D1 and R2.
func Unavailable(reason error) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		slog.Default().Warn("hand-in API unavailable", "err", reason)
		w.Header().Set("Cache-Control", "no-store")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		writeJSON(w, http.StatusServiceUnavailable, map[string]string{
			"error": "collecting hand-ins online is not set up on this site; Export your work instead",
			"code":  "unavailable",
		})
	})
}

// Routes sends the requests under Prefix to api and all others to site.
func Routes(api, site http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == Prefix || strings.HasPrefix(r.URL.Path, Prefix+"/") {
			api.ServeHTTP(w, r)
			return
		}
		site.ServeHTTP(w, r)
	})
}
