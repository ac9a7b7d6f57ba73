package native

import (
	"bytes"
	"encoding/json"
	"fmt"
)

// notSayso is the error for JSON that is not a Sayso project. b is the
// file's (first) JSON value; detail replaces the default explanation when
// no other format is recognised.
func notSayso(b []byte, detail string) error {
	if other := guessFormat(b); other != "" {
		return fmt.Errorf("this is not a Sayso file: it has no \"format\": %q field (it looks like %s file)", FormatName, other)
	}
	if detail == "" {
		detail = fmt.Sprintf("it has no \"format\": %q field", FormatName)
	}
	return fmt.Errorf("this is not a Sayso file: %s", detail)
}

// guessFormat names the annotation format JSON value b seems to be in, with
// its article ("a Label Studio"), or returns "".
func guessFormat(b []byte) string {
	b = bytes.TrimSpace(b)
	if len(b) == 0 {
		return ""
	}
	var obj map[string]json.RawMessage
	switch b[0] {
	case '{':
		if json.Unmarshal(b, &obj) != nil {
			return ""
		}
	case '[':
		// A list of tasks, annotations or examples: look at the first.
		dec := json.NewDecoder(bytes.NewReader(b))
		if _, err := dec.Token(); err != nil || !dec.More() || dec.Decode(&obj) != nil {
			return ""
		}
	default:
		return ""
	}
	return guessObject(obj)
}

func guessObject(obj map[string]json.RawMessage) string {
	has := func(k string) bool { _, ok := obj[k]; return ok }
	if ctx, ok := obj["@context"]; ok && bytes.Contains(ctx, []byte("w3.org/ns/anno")) {
		return "a W3C Web Annotation"
	}
	var typ string
	if t, ok := obj["type"]; ok && json.Unmarshal(t, &typ) == nil {
		switch typ {
		case "Annotation", "AnnotationCollection", "AnnotationPage":
			return "a W3C Web Annotation"
		}
	}
	if has("data") && (has("annotations") || has("predictions")) {
		return "a Label Studio"
	}
	if has("text") && (has("label") || has("labels") || has("entities")) {
		return "a doccano"
	}
	return ""
}
