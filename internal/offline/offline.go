// Package offline puts an exercise into Sayso's single offline file, so
// that a teacher can hand out one self-contained sayso-<exercise>.html
// that opens straight into the exercise from file://.
//
// The offline file (dist/sayso.html, made by internal/distbuild) is the
// template. Embed adds the exercise to it as a JSON data block,
//
//	<script type="application/json" id="sayso-exercise">{…}</script>
//
// placed right before the first script of the body, so that it is in the
// document before the app starts; web/boot.js hands its text to the app
// as window.saysoEmbeddedExercise. A data block is never executed, so the
// page's Content-Security-Policy (which allows its inline scripts by
// hash) stays valid without a change. The JSON is made HTML-safe first:
// every '<', '>' and '&' becomes \u003c, \u003e or \u0026, and U+2028 and
// U+2029 become \u2028 and \u2029 (all inside JSON strings, the only
// place valid JSON can have them), so the text can neither end the
// element nor switch the HTML parser into another state, and it still
// decodes to the same value.
//
// Where the app gets the template: served over HTTP(S) it fetches
// PageName next to its own page (the site serves the offline file there,
// as a download); opened from file:// (the offline file itself) it calls
// window.saysoOfflinePage(), a copy of the page that boot.js keeps from
// before the app changed it.
//
// The package reads only the HTML it needs to (start and end tags,
// comments, the text of raw-text elements such as script and style), as
// the HTML tokenizer does for pages like the offline file; it has no
// dependency beyond the standard library, so the wasm app can use it.
package offline

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"unicode/utf8"
)

// ExerciseElementID is the id of the JSON data block holding the exercise.
const ExerciseElementID = "sayso-exercise"

// WasmElementID is the id of the element of the offline file that embeds
// the app's WebAssembly module: the mark of a Sayso offline page.
const WasmElementID = "app-wasm"

// PageName is the name under which the served site offers the offline
// file, next to the app's own page: the app fetches it to get the
// template when it runs over HTTP(S).
const PageName = "sayso.html"

// ErrNotOfflinePage is returned by Embed for a page that is not Sayso's
// offline file (it has no element with id="app-wasm").
var ErrNotOfflinePage = errors.New(`not a Sayso offline page: it has no embedded app (no element with id="` + WasmElementID + `")`)

// Embed returns page with exerciseJSON embedded as the exercise, in place
// of any exercise the page already had. page must be a Sayso offline
// page and exerciseJSON valid JSON in UTF-8.
func Embed(page []byte, exerciseJSON []byte) ([]byte, error) {
	if !utf8.Valid(exerciseJSON) {
		return nil, errors.New("embed the exercise: its JSON is not valid UTF-8")
	}
	if !json.Valid(exerciseJSON) {
		return nil, errors.New("embed the exercise: it is not valid JSON")
	}
	s, err := scan(page)
	if err != nil {
		return nil, fmt.Errorf("embed the exercise: %w", err)
	}
	if !s.hasWasm {
		return nil, ErrNotOfflinePage
	}
	if s.bodyStart < 0 {
		return nil, errors.New("embed the exercise: the page has no <body> tag")
	}
	at := -1
	for _, sc := range s.scripts {
		if sc.start >= s.bodyStart && sc.id != ExerciseElementID {
			at = sc.start
			break
		}
	}
	if at < 0 {
		at = s.bodyEnd
	}
	if at < 0 {
		at = len(page) // the body ends with the page
	}

	var block bytes.Buffer
	block.Grow(len(exerciseJSON) + 80)
	block.WriteString(`<script type="application/json" id="` + ExerciseElementID + `">`)
	json.HTMLEscape(&block, exerciseJSON)
	block.WriteString("</script>\n")

	// Drop the exercises already there (and the line break Embed wrote
	// after each); at is never inside one of them.
	out := make([]byte, 0, len(page)+block.Len())
	pos, inserted := 0, false
	insert := func() {
		out = append(out, page[pos:at]...)
		out = append(out, block.Bytes()...)
		pos, inserted = at, true
	}
	for _, sc := range s.scripts {
		if sc.id != ExerciseElementID {
			continue
		}
		if !inserted && at < sc.start {
			insert()
		}
		out = append(out, page[pos:sc.start]...)
		pos = sc.end
		if pos < len(page) && page[pos] == '\n' {
			pos++
		}
	}
	if !inserted {
		insert()
	}
	out = append(out, page[pos:]...)
	return out, nil
}

// Extract returns the text of the page's exercise element (valid JSON
// when Embed wrote it), and false when the page has none.
func Extract(page []byte) (exerciseJSON []byte, ok bool) {
	s, err := scan(page)
	if err != nil {
		return nil, false
	}
	for _, sc := range s.scripts {
		if sc.id == ExerciseElementID && equalFold(sc.typ, "application/json") {
			return page[sc.textStart:sc.textEnd], true
		}
	}
	return nil, false
}

// script is one script element of a page, as byte offsets.
type script struct {
	start, end         int // "<script" … after "</script>"
	textStart, textEnd int // its text
	id, typ            string
}

// page is what scan finds in a page.
type page struct {
	scripts   []script
	bodyStart int // just after the <body> start tag, or -1
	bodyEnd   int // at "</body", or -1
	hasWasm   bool
}

// rawText are the elements whose content is text up to their end tag
// (RCDATA ones included: character references do not matter here).
var rawText = map[string]bool{
	"script": true, "style": true, "textarea": true, "title": true,
	"xmp": true, "iframe": true, "noembed": true, "noframes": true, "noscript": true,
}

// scan finds the page's script elements and the ends of its body the way
// an HTML tokenizer would, for the documents Sayso makes: it refuses a
// script whose text holds "<!--", whose end the HTML parser finds by rules
// this package does not follow.
func scan(p []byte) (page, error) {
	s := page{bodyStart: -1, bodyEnd: -1}
	i := 0
	for {
		j := bytes.IndexByte(p[i:], '<')
		if j < 0 {
			return s, nil
		}
		i += j
		rest := p[i:]
		switch {
		case bytes.HasPrefix(rest, []byte("<!--")):
			i = commentEnd(p, i+4)
		case bytes.HasPrefix(rest, []byte("<!")), bytes.HasPrefix(rest, []byte("<?")):
			i = bogusCommentEnd(p, i+2)
		case bytes.HasPrefix(rest, []byte("</")):
			switch {
			case len(rest) > 2 && isLetter(rest[2]):
				t := readTag(p, i+2)
				if t.name == "body" && s.bodyEnd < 0 {
					s.bodyEnd = i
				}
				i = t.end
			case len(rest) > 2 && rest[2] == '>':
				i += 3
			default:
				i = bogusCommentEnd(p, i+2)
			}
		case len(rest) > 1 && isLetter(rest[1]):
			t := readTag(p, i+1)
			start := i
			i = t.end
			if !t.complete {
				return s, nil // a tag cut off by the end of the page is not a tag
			}
			switch {
			case t.name == "body" && s.bodyStart < 0:
				s.bodyStart = i
			case t.name == "plaintext":
				return s, nil // the rest of the page is text
			}
			if t.id == WasmElementID {
				s.hasWasm = true
			}
			if !rawText[t.name] {
				continue
			}
			textEnd := endTag(p, i, t.name)
			if t.name == "script" && bytes.Contains(p[i:textEnd], []byte("<!--")) {
				return page{}, fmt.Errorf("a script of the page contains %q, which Sayso pages never do", "<!--")
			}
			end := len(p)
			if textEnd < len(p) {
				end = readTag(p, textEnd+2).end
			}
			if t.name == "script" {
				s.scripts = append(s.scripts, script{start: start, end: end, textStart: i, textEnd: textEnd, id: t.id, typ: t.typ})
			}
			i = end
		default:
			i++
		}
	}
}

// commentEnd returns the offset after the comment whose text starts at i
// (just after "<!--"): "-->" or "--!>" ends it, and so do "<!-->" and
// "<!--->".
func commentEnd(p []byte, i int) int {
	if bytes.HasPrefix(p[i:], []byte(">")) {
		return i + 1
	}
	if bytes.HasPrefix(p[i:], []byte("->")) {
		return i + 2
	}
	end := len(p)
	for _, closer := range []string{"-->", "--!>"} {
		if k := bytes.Index(p[i:], []byte(closer)); k >= 0 && i+k+len(closer) < end {
			end = i + k + len(closer)
		}
	}
	return end
}

// bogusCommentEnd returns the offset after the next '>' (a doctype, a
// processing instruction or another bogus comment).
func bogusCommentEnd(p []byte, i int) int {
	if k := bytes.IndexByte(p[i:], '>'); k >= 0 {
		return i + k + 1
	}
	return len(p)
}

// endTag returns the offset of the "</name" that ends a raw-text element
// whose text starts at i, or len(p) when none does.
func endTag(p []byte, i int, name string) int {
	for {
		k := bytes.Index(p[i:], []byte("</"))
		if k < 0 {
			return len(p)
		}
		i += k
		after := i + 2 + len(name)
		if after < len(p) && equalFold(string(p[i+2:after]), name) && isTagEnd(p[after]) {
			return i
		}
		i += 2
	}
}

// tag is what readTag finds in a start or end tag.
type tag struct {
	name     string // lower case
	id, typ  string // the first id and type attributes, as written
	end      int    // offset after the tag
	complete bool   // false when the page ends inside the tag
}

// readTag reads the tag whose name starts at i, attributes and all.
func readTag(p []byte, i int) tag {
	var t tag
	n := i
	for n < len(p) && !isSpace(p[n]) && p[n] != '/' && p[n] != '>' {
		n++
	}
	t.name = lower(p[i:n])
	var sawID, sawType bool
	i = n
	for {
		for i < len(p) && (isSpace(p[i]) || p[i] == '/') {
			i++
		}
		if i >= len(p) {
			t.end = len(p)
			return t
		}
		if p[i] == '>' {
			t.end, t.complete = i+1, true
			return t
		}
		// An attribute: a name ('=' may start it), then maybe "= value".
		n := i + 1
		for n < len(p) && !isSpace(p[n]) && p[n] != '/' && p[n] != '>' && p[n] != '=' {
			n++
		}
		key := lower(p[i:n])
		i = n
		for i < len(p) && isSpace(p[i]) {
			i++
		}
		val := ""
		if i < len(p) && p[i] == '=' {
			i++
			for i < len(p) && isSpace(p[i]) {
				i++
			}
			switch {
			case i >= len(p):
			case p[i] == '"' || p[i] == '\'':
				k := bytes.IndexByte(p[i+1:], p[i])
				if k < 0 {
					t.end = len(p)
					return t
				}
				val = string(p[i+1 : i+1+k])
				i += k + 2
			default:
				v := i
				for i < len(p) && !isSpace(p[i]) && p[i] != '>' {
					i++
				}
				val = string(p[v:i])
			}
		}
		switch {
		case key == "id" && !sawID:
			t.id, sawID = val, true
		case key == "type" && !sawType:
			t.typ, sawType = val, true
		}
	}
}

func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

func isTagEnd(c byte) bool { return isSpace(c) || c == '/' || c == '>' }

func lower(b []byte) string {
	out := []byte(string(b))
	for i, c := range out {
		if 'A' <= c && c <= 'Z' {
			out[i] = c + 'a' - 'A'
		}
	}
	return string(out)
}

// equalFold compares ASCII case-insensitively.
func equalFold(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		x, y := a[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}
