package exercise

import (
	"errors"
	"fmt"
	"strings"
)

// HandIn names the online hand-in box of an exercise (issue 17): the site
// whose Worker keeps it, the box's id and the hand-in code, which lets a
// student hand in and nothing else. The box's owner secret is never part
// of an exercise.
type HandIn struct {
	Origin string // the site's origin: "https://sayso.example.org", no path
	Box    string // the box's id: 24 lowercase hexadecimal digits
	Code   string // the hand-in code: 32 lowercase hexadecimal digits
}

// URL is where hand-ins of the box are sent (package handin's API).
func (h HandIn) URL() string { return h.Origin + "/api/boxes/" + h.Box + "/hand-ins" }

// checkHandIn reports the first reason h cannot be written or read.
func checkHandIn(h HandIn) error {
	if msg := originProblem(h.Origin); msg != "" {
		return errors.New("the hand-in box: " + msg)
	}
	if msg := hexProblem(h.Box, 24); msg != "" {
		return errors.New(`the hand-in box: "box" ` + msg)
	}
	if msg := hexProblem(h.Code, 32); msg != "" {
		return errors.New(`the hand-in box: "code" ` + msg)
	}
	return nil
}

// originProblem says why o is not an http or https origin without a path.
func originProblem(o string) string {
	if !IsOrigin(o) {
		return fmt.Sprintf(`"origin" must be a site's address such as "https://sayso.example.org", not %q`, clip(o))
	}
	return ""
}

// IsOrigin reports whether s is an origin as a browser writes it:
// "http://" or "https://", then a lower-case host name or address and
// perhaps a port; no user, path, query or fragment. (Not net/url: the
// wasm app stays smaller without it.)
func IsOrigin(s string) bool {
	host, ok := strings.CutPrefix(s, "https://")
	if !ok {
		host, ok = strings.CutPrefix(s, "http://")
	}
	if !ok || host == "" || host[0] == ':' || strings.HasSuffix(host, ":") {
		return false
	}
	for _, c := range host {
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '.' || c == '-' || c == ':' || c == '[' || c == ']') {
			return false
		}
	}
	return true
}

// hexProblem says why s is not n lowercase hexadecimal digits.
func hexProblem(s string, n int) string {
	if len(s) == n && isHex(s, false) {
		return ""
	}
	return fmt.Sprintf("must be %d lowercase hexadecimal digits, not %q", n, clip(s))
}
