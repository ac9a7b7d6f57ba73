package w3c

import (
	"fmt"
	"strings"
	"unicode"
)

// modelBreak starts every report line about an annotation that does not
// follow the Web Annotation Data Model: it is still opened, and each
// problem is named.
const modelBreak = "it breaks the Web Annotation model: "

// singleValued are the properties of an annotation the model allows one
// value of.
func singleValued() []string {
	return []string{"id", "created", "modified", "generated", "bodyValue", "canonical"}
}

// modelProblems names how annotation m breaks the model. hasContext says
// whether the file gives it a JSON-LD context (on itself or on the page or
// collection around it); seen counts the ids met so far in the file.
func modelProblems(m map[string]any, hasContext bool, seen map[string]int) []string {
	var out []string
	add := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	if !hasContext && m["@context"] == nil {
		add("it has no @context (an annotation names %s)", Context)
	} else if c := m["@context"]; c != nil && !mentionsContext(c) {
		add("its @context does not name %s", Context)
	}
	switch id := m["id"].(type) {
	case nil:
		add("it has no id")
	case string:
		if !isIRI(id) {
			add("its id %q is not an IRI", id)
		} else if seen[id]++; seen[id] > 1 {
			add("its id %s is used by an earlier annotation", id)
		}
	case []any:
		// reported below, with the other single-valued properties
	default:
		add("its id %v is not an IRI", id)
	}
	switch {
	case m["type"] == nil:
		add("it has no type (an annotation is of type Annotation)")
	case !hasType(m, "Annotation"):
		add("its type %v is not Annotation", m["type"])
	}
	for _, k := range singleValued() {
		if list, ok := m[k].([]any); ok {
			add("it has %d values of %s, where the model allows one", len(list), k)
		}
	}
	if v, ok := m["bodyValue"]; ok {
		if _, isString := v.(string); !isString {
			if _, isList := v.([]any); !isList {
				add("its bodyValue %v is not a string", v)
			}
		}
		if m["body"] != nil {
			add("it has both a body and a bodyValue")
		}
	}
	for _, k := range []string{"created", "modified", "generated"} {
		for _, v := range values(m[k]) {
			s, ok := v.(string)
			if _, valid := parseTime(s); !ok || !valid {
				add("its %s %v is not a date and time (xsd:dateTime with a zone)", k, v)
			}
		}
	}
	for _, k := range []string{"creator", "generator"} {
		for _, v := range values(m[k]) {
			switch x := v.(type) {
			case string:
				if !isIRI(x) {
					add("its %s %q is neither an IRI nor an agent", k, x)
				}
			case map[string]any:
				if x["id"] == nil && x["name"] == nil && x["nickname"] == nil && x["type"] == nil {
					add("its %s is an agent with no id, type or name", k)
				}
			default:
				add("its %s %v is neither an IRI nor an agent", k, v)
			}
		}
	}
	for i, b := range values(m["body"]) {
		o, ok := object(b)
		if !ok {
			continue
		}
		what := fmt.Sprintf("body %d", i+1)
		if hasType(o, "TextualBody") || (o["type"] == nil && o["source"] == nil && o["id"] == nil) {
			switch v := o["value"].(type) {
			case nil:
				add("its %s has no value", what)
			case string:
			case []any:
				add("its %s has %d values, where the model allows one", what, len(v))
			default:
				add("its %s value %v is not a string", what, v)
			}
		}
	}
	for _, t := range values(m["target"]) {
		out = append(out, selectorProblems(t)...)
	}
	return out
}

// selectorProblems names the text selectors of a target that break the
// model: missing or repeated exact, start or end.
func selectorProblems(target any) []string {
	var out []string
	o, ok := object(target)
	if !ok {
		return nil
	}
	for _, it := range values(o["items"]) {
		out = append(out, selectorProblems(it)...)
	}
	for _, s := range values(o["selector"]) {
		so, ok := object(s)
		if !ok {
			continue
		}
		var keys []string
		switch {
		case hasType(so, "TextQuoteSelector"):
			keys = []string{"exact", "prefix", "suffix"}
			if so["exact"] == nil {
				out = append(out, "its TextQuoteSelector has no exact")
			}
		case hasType(so, "TextPositionSelector"):
			keys = []string{"start", "end"}
			for _, k := range keys {
				if _, ok := integer(so[k]); !ok && !isList(so[k]) {
					out = append(out, fmt.Sprintf("its TextPositionSelector's %s %v is not a whole number", k, so[k]))
				}
			}
		}
		for _, k := range keys {
			if list, ok := so[k].([]any); ok {
				out = append(out, fmt.Sprintf("its %s has %d values of %s, where the model allows one", str(so, "type"), len(list), k))
			}
		}
	}
	return out
}

func isList(v any) bool { _, ok := v.([]any); return ok }

// mentionsContext reports whether a JSON-LD @context names the Web
// Annotation context (a string, or one item of a list).
func mentionsContext(c any) bool {
	for _, v := range values(c) {
		if s, ok := v.(string); ok && strings.Contains(s, "w3.org/ns/anno") {
			return true
		}
		if _, ok := v.(map[string]any); ok {
			return true // an inline context: not checked further
		}
	}
	return false
}

// isIRI reports whether s starts with a URI scheme (RFC 3986: a letter,
// then letters, digits, "+", "-" or ".", then ":") and holds no white
// space.
func isIRI(s string) bool {
	scheme, rest, ok := strings.Cut(s, ":")
	if !ok || scheme == "" || rest == "" || strings.IndexFunc(s, unicode.IsSpace) >= 0 {
		return false
	}
	for i, r := range scheme {
		isLetter := r < unicode.MaxASCII && unicode.IsLetter(r)
		if !isLetter && (i == 0 || !(r < unicode.MaxASCII && unicode.IsDigit(r) || r == '+' || r == '-' || r == '.')) {
			return false
		}
	}
	return true
}
