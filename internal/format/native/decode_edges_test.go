package native_test

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/format/native"
)

func TestDecodeReadsAFileOfExactlyTheLimit(t *testing.T) {
	// White space only: a file at the limit is looked at (and found empty);
	// one byte more is refused for its size.
	_, err := native.Decode(bytes.Repeat([]byte(" "), native.MaxFileSize))
	assert.EqualError(t, err, "this file is empty")
	_, err = native.Decode(bytes.Repeat([]byte(" "), native.MaxFileSize+1))
	assert.ErrorContains(t, err, "this file is too large")
}

func TestDecodeErrorsCountListItemsFromOne(t *testing.T) {
	tests := []struct {
		name, old, new, want string
	}{
		{"the second speaker", `"speakers": []`, `"speakers": [{"id": "s1", "name": "A"}, 7]`,
			`speaker 2 must be an object, not a number (line 40, column 43)`},
		{"the second stance value", `"stanceValues": []`, `"stanceValues": ["a", 1]`,
			`the schema: stance value 2 must be a string, not a number (line 28, column 27)`},
		{"the first label", `"labels": [`, `"labels": [7, `, `label 1 must be an object, not a number (line 8, column 16)`},
		{"the first document", `"documents": [`, `"documents": [7, `, `document 1 must be an object, not a number (line 30, column 17)`},
		{"the first annotation", `"annotations": [`, `"annotations": [7, `, `annotation 1 must be an object, not a number (line 41, column 19)`},
		{"the first orphan", `"annotations": [`, `"orphans": [null], "annotations": [`, `annotation 1 must be an object, not null (line 41, column 15)`},
		{"the second fragment", "[\n        {\n          \"start\": 0,\n          \"end\": 4\n        }\n      ]", `[{"start": 0, "end": 2}, {"start": 2, "end": "x"}]`,
			`annotation "a1", fragment 2: "end" must be a whole number, not a string (line 46, column 65)`},
		{"the second fragment is not an object", "[\n        {\n          \"start\": 0,\n          \"end\": 4\n        }\n      ]", `[{"start": 0, "end": 2}, true]`,
			`annotation "a1": fragment 2 must be an object, not true or false (line 46, column 45)`},
	}
	valid := sparseFile(t)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := native.Decode([]byte(edit(t, valid, tc.old, tc.new)))
			assert.EqualError(t, err, tc.want)
		})
	}
}

func TestDecodeFindsTheHeaderFieldsInAnyOrder(t *testing.T) {
	valid := sparseFile(t)
	tests := map[string]string{
		"version last of the three":   edit(t, edit(t, valid, "  \"version\": 1,\n", ""), "  \"offsetUnit\": \"codepoint\",\n", "  \"offsetUnit\": \"codepoint\",\n  \"version\": 1,\n"),
		"format last of the three":    edit(t, edit(t, valid, "  \"format\": \"sayso\",\n", ""), "  \"offsetUnit\": \"codepoint\",\n", "  \"offsetUnit\": \"codepoint\",\n  \"format\": \"sayso\",\n"),
		"offsetUnit after the schema": edit(t, edit(t, valid, "  \"offsetUnit\": \"codepoint\",\n", ""), "  \"documents\"", "  \"offsetUnit\": \"codepoint\",\n  \"documents\""),
	}
	for name, in := range tests {
		t.Run(name, func(t *testing.T) {
			p, err := native.Decode([]byte(in))
			require.NoError(t, err)
			assert.Equal(t, sparseProject(), p)
		})
	}
}
