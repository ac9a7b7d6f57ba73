package offline

import (
	"bytes"
	"fmt"
	"strings"
)

// cspMeta starts the offline file's Content-Security-Policy, as
// internal/distbuild writes it; the policy runs to the next '"'.
const cspMeta = `<meta http-equiv="Content-Security-Policy" content="`

// SetConnect sets the page's connect-src to exactly origin (an exercise's
// hand-in box: "https://sayso.example.org"), or removes it when origin is
// "", so that the page can call nothing: default-src 'none' then applies.
// The page must have the offline file's CSP <meta>.
func SetConnect(page []byte, origin string) ([]byte, error) {
	if origin != "" && !isOrigin(origin) {
		return nil, fmt.Errorf("allow the hand-in box: %q is not an origin such as https://sayso.example.org", origin)
	}
	i := bytes.Index(page, []byte(cspMeta))
	if i < 0 {
		return nil, fmt.Errorf("allow the hand-in box: the page has no Content-Security-Policy <meta>")
	}
	start := i + len(cspMeta)
	n := bytes.IndexByte(page[start:], '"')
	if n < 0 {
		return nil, fmt.Errorf("allow the hand-in box: the page's Content-Security-Policy <meta> does not end")
	}
	var kept []string
	for _, d := range strings.Split(string(page[start:start+n]), ";") {
		d = strings.TrimSpace(d)
		if d != "" && !strings.HasPrefix(d, "connect-src") {
			kept = append(kept, d)
		}
	}
	if origin != "" {
		kept = append(kept, "connect-src "+origin)
	}
	out := make([]byte, 0, len(page)+len(origin)+16)
	out = append(out, page[:start]...)
	out = append(out, strings.Join(kept, "; ")...)
	return append(out, page[start+n:]...), nil
}

// isOrigin accepts http(s)://host[:port] in the characters an origin has,
// so that nothing can end the attribute or add a directive.
func isOrigin(s string) bool {
	rest, ok := strings.CutPrefix(s, "https://")
	if !ok {
		rest, ok = strings.CutPrefix(s, "http://")
	}
	if !ok || rest == "" {
		return false
	}
	for _, c := range rest {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '.' || c == '-' || c == ':' || c == '[' || c == ']') {
			return false
		}
	}
	return true
}
