// Package view is Sayso's view model: every screen's HTML, built from the
// app's state (internal/app) through one escaping Builder, and the names of
// the data-action and data-field attributes (protocol.go) that the browser
// layer reads back. It is plain Go, tested natively.
//
// It sits below the app it draws (internal/app/view, not internal/view)
// because it is the app's presentation and nothing else: it reads
// app.State and nothing reads it but the browser layer.
//
// Safety by construction: HTML is a type only a Builder makes, and a
// Builder takes markup only as constants (the unexported type markup, which
// a string variable cannot become without a conversion that a test
// forbids). Data goes in only as text or attribute values, escaped.
package view

import (
	"fmt"
	"html"
	"strings"
)

// HTML is markup built by a Builder: every piece of data in it was escaped.
// The zero HTML is empty.
type HTML struct{ s string }

// String is the markup, to hand to innerHTML.
func (h HTML) String() string { return h.s }

// IsEmpty reports whether h holds no markup.
func (h HTML) IsEmpty() bool { return h.s == "" }

// markup is HTML the view writes itself. Only untyped constants become
// markup: converting a variable to it is refused by a test.
type markup string

// Builder builds HTML. Markup goes in as constants; data goes in as text,
// escaped with html.EscapeString (which also escapes both quotes, so text
// is safe inside attribute values too).
type Builder struct{ b strings.Builder }

// Printf writes the constant format with its arguments: strings (and
// string types such as Action and Field) are escaped, HTML and markup are
// written as they are, numbers are formatted. Any other value is written
// escaped as fmt prints it.
func (b *Builder) Printf(format markup, args ...any) {
	for i, a := range args {
		args[i] = safeArg(a)
	}
	fmt.Fprintf(&b.b, string(format), args...)
}

func safeArg(a any) any {
	switch v := a.(type) {
	case string:
		return html.EscapeString(v)
	case Action:
		return html.EscapeString(string(v))
	case Field:
		return html.EscapeString(string(v))
	case HTML:
		return v.s
	case markup:
		return string(v)
	case int, int32, int64, uint, float64, bool:
		return v
	}
	return html.EscapeString(fmt.Sprint(a))
}

// Markup writes constant markup.
func (b *Builder) Markup(m markup) { b.b.WriteString(string(m)) }

// Text writes s escaped.
func (b *Builder) Text(s string) { b.b.WriteString(html.EscapeString(s)) }

// Put writes HTML built before.
func (b *Builder) Put(h HTML) { b.b.WriteString(h.s) }

// HTML is what was built.
func (b *Builder) HTML() HTML { return HTML{s: b.b.String()} }

// attrIf is the constant attribute (" checked", " disabled", …) when on.
func attrIf(on bool, attr markup) markup {
	if on {
		return attr
	}
	return ""
}
