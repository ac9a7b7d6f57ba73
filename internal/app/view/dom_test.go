package view

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"
)

// page is a view's HTML parsed as the browser parses it, so that tests
// look at elements, attributes and text rather than at substrings.
type page struct{ root *html.Node }

func parse(t *testing.T, h HTML) page {
	t.Helper()
	root, err := html.Parse(strings.NewReader(h.String()))
	require.NoError(t, err)
	return page{root}
}

// all returns every element for which match says yes, in document order.
func (p page) all(match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	for n := range p.root.Descendants() {
		if n.Type == html.ElementNode && match(n) {
			out = append(out, n)
		}
	}
	return out
}

// tag matches elements by name and, when given, attribute=value pairs
// ("class" matches one of the class names).
func tag(name string, attrs ...string) func(*html.Node) bool {
	return func(n *html.Node) bool {
		if n.Data != name {
			return false
		}
		for i := 0; i+1 < len(attrs); i += 2 {
			v, ok := attr(n, attrs[i])
			if attrs[i] == "class" {
				if !ok || !hasWord(v, attrs[i+1]) {
					return false
				}
				continue
			}
			if !ok || v != attrs[i+1] {
				return false
			}
		}
		return true
	}
}

func hasWord(list, word string) bool {
	for _, w := range strings.Fields(list) {
		if w == word {
			return true
		}
	}
	return false
}

// one returns the only element matching, failing the test otherwise.
func (p page) one(t *testing.T, match func(*html.Node) bool) page {
	t.Helper()
	found := p.all(match)
	require.Len(t, found, 1)
	return page{found[0]}
}

// texts returns the text of every element matching.
func (p page) texts(match func(*html.Node) bool) []string {
	out := []string{}
	for _, n := range p.all(match) {
		out = append(out, textOf(n))
	}
	return out
}

// text is the element's text content with runs of space made one.
func (p page) text() string { return textOf(p.root) }

func textOf(n *html.Node) string {
	var b strings.Builder
	for d := range n.Descendants() {
		if d.Type == html.TextNode {
			b.WriteString(d.Data)
		}
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// attrs returns the attribute key of every element matching ("" where
// it is absent, "present" for a boolean attribute written bare).
func (p page) attrs(match func(*html.Node) bool, key string) []string {
	out := []string{}
	for _, n := range p.all(match) {
		v, ok := attr(n, key)
		switch {
		case !ok:
			v = ""
		case v == "":
			v = "present"
		}
		out = append(out, v)
	}
	return out
}
