package exchange

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// firstObject, given a whole file, reads the same members as decoding the
// first object; given only a head of it, it reads a subset of them and
// never panics.
func FuzzFirstObjectAgreesWithDecodingAndReadsHeadsAsASubset(f *testing.F) {
	for _, s := range []string{
		`{"text": "Ann said so.", "label": [[0, 3, "SOURCE"]]}`,
		`[{"id": 1, "data": {"text": "a"}}]`,
		`{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection", "items": []}`,
		`{"a": 1, "a": 2}`,
		`{"a": 1 "b": 2}`,
		`{"a": {"b": [1, 2, {"c": "\u00e9\"}"}]}}`,
		"{\"text\": \"x\"}\n{\"text\": \"y\"}",
		`[]`, `null`, `{}`, `[[1]]`,
	} {
		f.Add([]byte(s), 10)
	}
	f.Fuzz(func(t *testing.T, b []byte, cutAt int) {
		b = bytes.TrimSpace(b)
		if len(b) == 0 || b[0] != '{' && b[0] != '[' {
			return
		}
		whole, ok := firstObject(b, false)
		dec := json.NewDecoder(bytes.NewReader(b))
		var want map[string]json.RawMessage
		decoded := true
		if b[0] == '[' {
			if _, err := dec.Token(); err != nil || !dec.More() {
				decoded = false
			}
		}
		if decoded {
			decoded = dec.Decode(&want) == nil && want != nil
		}
		require.Equal(t, decoded, ok, "%q", b)
		if ok {
			require.Equal(t, len(want), len(whole), "%q", b)
			for k, v := range want {
				assert.JSONEq(t, string(v), string(whole[k]), "%q: member %q", b, k)
			}
		}
		if cutAt < 1 || cutAt >= len(b) {
			return
		}
		head := bytes.TrimSpace(b[:cutAt])
		if len(head) == 0 {
			return
		}
		part, ok := firstObject(head, true)
		if ok && decoded {
			for k := range part {
				assert.Contains(t, want, k, "%q cut at %d", b, cutAt)
			}
		}
	})
}
