package w3c

import (
	"encoding/json"
	"strconv"
)

// Helpers over the values encoding/json decodes into an any (with
// UseNumber): JSON-LD lets most properties be one value or an array.

// object returns v as a JSON object.
func object(v any) (map[string]any, bool) {
	m, ok := v.(map[string]any)
	return m, ok
}

// values returns v as a list: an array's elements, a single value, or
// nothing for a missing value.
func values(v any) []any {
	switch x := v.(type) {
	case nil:
		return nil
	case []any:
		return x
	}
	return []any{v}
}

// str returns the string value of key: a string, or the first string of
// an array.
func str(m map[string]any, key string) string {
	for _, v := range values(m[key]) {
		if s, ok := v.(string); ok {
			return s
		}
	}
	return ""
}

// ref returns what key names: a string IRI, or the id of an object.
func ref(m map[string]any, key string) string {
	for _, v := range values(m[key]) {
		switch x := v.(type) {
		case string:
			return x
		case map[string]any:
			if id := str(x, "id"); id != "" {
				return id
			}
		}
	}
	return ""
}

// hasType reports whether m's type (one value or several) includes t.
func hasType(m map[string]any, t string) bool {
	for _, v := range values(m["type"]) {
		if s, ok := v.(string); ok && s == t {
			return true
		}
	}
	return false
}

// integer returns a non-negative whole number.
func integer(v any) (int, bool) {
	n, ok := v.(json.Number)
	if !ok {
		return 0, false
	}
	i, err := strconv.Atoi(n.String())
	return i, err == nil && i >= 0
}

// scalars returns the strings, numbers (as written) and booleans of v, one
// value or several.
func scalars(v any) []string {
	var out []string
	for _, e := range values(v) {
		switch x := e.(type) {
		case string:
			out = append(out, x)
		case json.Number:
			out = append(out, x.String())
		case bool:
			out = append(out, strconv.FormatBool(x))
		}
	}
	return out
}
