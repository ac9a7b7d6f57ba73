// Package htmledit rewrites the start tags of an HTML document and leaves
// every other byte as it was: the build tools use it to rename assets in
// index.html and to inline them into the single offline file without
// reformatting the page.
package htmledit

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/net/html"
)

// Tag is one start (or self-closing) tag of the document.
type Tag struct {
	// Name is the lower-case tag name ("script").
	Name string
	// Attrs are the attributes in document order, keys lower-case and
	// values unescaped.
	Attrs []html.Attribute
	// SelfClosing is true for "<br/>"-style tags.
	SelfClosing bool
	// Raw is the tag exactly as written in the document.
	Raw string
}

// Attr returns the value of the attribute key and whether it is present.
func (t *Tag) Attr(key string) (string, bool) {
	for _, a := range t.Attrs {
		if a.Namespace == "" && a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// SetAttr sets (or adds) the attribute key.
func (t *Tag) SetAttr(key, val string) {
	for i, a := range t.Attrs {
		if a.Namespace == "" && a.Key == key {
			t.Attrs[i].Val = val
			return
		}
	}
	t.Attrs = append(t.Attrs, html.Attribute{Key: key, Val: val})
}

// DelAttr removes the attribute key.
func (t *Tag) DelAttr(key string) {
	kept := t.Attrs[:0]
	for _, a := range t.Attrs {
		if a.Namespace != "" || a.Key != key {
			kept = append(kept, a)
		}
	}
	t.Attrs = kept
}

// String serialises the tag with its current attributes, values escaped.
func (t *Tag) String() string {
	tok := html.Token{Type: html.StartTagToken, Data: t.Name, Attr: t.Attrs}
	if t.SelfClosing {
		tok.Type = html.SelfClosingTagToken
	}
	return tok.String()
}

// Edit calls fn for every start tag of doc, in order, and replaces the tag
// with what fn returns. fn returns t.Raw to keep a tag byte for byte,
// t.String() after changing it, "" to delete it, or any other markup.
// Text, comments, end tags and the contents of script and style elements
// are copied unchanged.
func Edit(doc []byte, fn func(t *Tag) (string, error)) ([]byte, error) {
	z := html.NewTokenizer(bytes.NewReader(doc))
	var out bytes.Buffer
	out.Grow(len(doc))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			if err := z.Err(); !errors.Is(err, io.EOF) {
				return nil, fmt.Errorf("tokenize html: %w", err)
			}
			// An unfinished tag at the end ("<a") is left as written.
			out.Write(z.Raw())
			return out.Bytes(), nil
		}
		raw := string(z.Raw()) // Raw is only valid until the next Token call
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			out.WriteString(raw)
			continue
		}
		tok := z.Token()
		tag := &Tag{Name: tok.Data, Attrs: tok.Attr, SelfClosing: tt == html.SelfClosingTagToken, Raw: raw}
		repl, err := fn(tag)
		if err != nil {
			return nil, fmt.Errorf("<%s>: %w", tag.Name, err)
		}
		out.WriteString(repl)
	}
}

// IsLocalRef reports whether a URL attribute value names a file next to
// the page (as "app.css" or "./app.css" do), rather than an absolute URL,
// a data: URL or a fragment.
func IsLocalRef(ref string) bool {
	ref = strings.TrimSpace(ref)
	if ref == "" || strings.HasPrefix(ref, "#") || strings.HasPrefix(ref, "/") {
		return false
	}
	if i := strings.IndexAny(ref, ":/?#"); i >= 0 && ref[i] == ':' {
		return false // has a scheme: https:, data:, mailto:, blob:
	}
	return true
}

// LocalName returns the file name a local reference points at, without
// "./", query or fragment.
func LocalName(ref string) string {
	ref = strings.TrimSpace(ref)
	if i := strings.IndexAny(ref, "?#"); i >= 0 {
		ref = ref[:i]
	}
	return strings.TrimPrefix(ref, "./")
}
