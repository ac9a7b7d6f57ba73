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
	"strconv"
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
	if b.printPlain(string(format), args) {
		return
	}
	for i, a := range args {
		args[i] = safeArg(a)
	}
	fmt.Fprintf(&b.b, string(format), args...)
}

// printPlain writes what Printf writes, without fmt, when the format has
// only %s, %d and %% and each argument is of a type safeArg passes as it
// is or escapes as a string (the side list's rows, drawn after every
// change, were mostly fmt's work); it reports false, having written
// nothing, for any other format or argument.
func (b *Builder) printPlain(f string, args []any) bool {
	n := 0
	for i := 0; i < len(f); i++ {
		if f[i] != '%' {
			continue
		}
		if i+1 >= len(f) {
			return false
		}
		i++
		switch f[i] {
		case '%':
			continue
		case 's':
			if n >= len(args) {
				return false
			}
			switch args[n].(type) {
			case string, Action, Field, HTML, markup:
			default:
				return false
			}
		case 'd':
			if n >= len(args) {
				return false
			}
			switch args[n].(type) {
			case int, int32, int64:
			default:
				return false
			}
		default:
			return false
		}
		n++
	}
	if n != len(args) {
		return false
	}
	n = 0
	for i := 0; i < len(f); i++ {
		j := strings.IndexByte(f[i:], '%')
		if j < 0 {
			b.b.WriteString(f[i:])
			break
		}
		b.b.WriteString(f[i : i+j])
		i += j + 1
		if f[i] == '%' {
			b.b.WriteByte('%')
			continue
		}
		switch v := args[n].(type) {
		case string:
			escapeTo(&b.b, v)
		case Action:
			escapeTo(&b.b, string(v))
		case Field:
			escapeTo(&b.b, string(v))
		case HTML:
			b.b.WriteString(v.s)
		case markup:
			b.b.WriteString(string(v))
		case int:
			b.b.WriteString(strconv.Itoa(v))
		case int32:
			b.b.WriteString(strconv.FormatInt(int64(v), 10))
		case int64:
			b.b.WriteString(strconv.FormatInt(v, 10))
		}
		n++
	}
	return true
}

// escapeTo writes s escaped as html.EscapeString escapes it, without
// making a copy of s when nothing in it needs escaping.
func escapeTo(w *strings.Builder, s string) {
	start := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '<':
			esc = "&lt;"
		case '>':
			esc = "&gt;"
		case '&':
			esc = "&amp;"
		case '\'':
			esc = "&#39;"
		case '"':
			esc = "&#34;"
		default:
			continue
		}
		w.WriteString(s[start:i])
		w.WriteString(esc)
		start = i + 1
	}
	w.WriteString(s[start:])
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
