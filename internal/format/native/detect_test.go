package native

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestGuessFormatNamesOtherAnnotationFormats(t *testing.T) {
	tests := []struct{ json, want string }{
		{`{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "x"}`, "a W3C Web Annotation"},
		{`{"@context": "https://example.org/other"}`, ""},
		{`{"type": "Annotation"}`, "a W3C Web Annotation"},
		{`{"type": "AnnotationCollection"}`, "a W3C Web Annotation"},
		{`{"type": "AnnotationPage"}`, "a W3C Web Annotation"},
		{`{"type": "Span"}`, ""},
		{`{"type": 7}`, ""},
		{`{"data": {}, "annotations": []}`, "a Label Studio"},
		{`{"data": {}, "predictions": []}`, "a Label Studio"},
		{`{"data": {}}`, ""},
		{`{"annotations": []}`, ""},
		{`{"text": "", "label": []}`, "a doccano"},
		{`{"text": "", "labels": []}`, "a doccano"},
		{`{"text": "", "entities": []}`, "a doccano"},
		{`{"text": ""}`, ""},
		{`{"label": []}`, ""},
		{` [{"text": "", "label": []}, 1]`, "a doccano"},
		{`[]`, ""},
		{`[1]`, ""},
		{`[`, ""},
		{`{"data": `, ""},
		{`"text"`, ""},
		{"  ", ""},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, guessFormat([]byte(tc.json)), "%s", tc.json)
	}
}

func TestNotSaysoExplainsWithTheDetailOnlyWhenNoFormatIsRecognised(t *testing.T) {
	assert.EqualError(t, notSayso([]byte(`{"a": 1}`), ""), `this is not a Sayso file: it has no "format": "sayso" field`)
	assert.EqualError(t, notSayso([]byte(`{"a": 1}`), "it is a list"), `this is not a Sayso file: it is a list`)
	assert.EqualError(t, notSayso([]byte(`{"type": "Annotation"}`), "it is a list"),
		`this is not a Sayso file: it has no "format": "sayso" field (it looks like a W3C Web Annotation file)`)
}
