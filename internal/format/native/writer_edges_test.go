package native

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWriterStrEscapesExactlyAsEncodingJSON(t *testing.T) {
	for _, s := range []string{
		"", " ", "\x1f", "\x20\x21", "\x7f", "\x80", "a\xc3", "\u2027\u2028\u2029\u202a",
		"\"", "\\", "\x00", "\x0b", "\x10", "\x1a", "ends with \xff", "\xe2\x80", "😀\xf0\x9f",
	} {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetEscapeHTML(false)
		require.NoError(t, enc.Encode(s))
		var w jsonWriter
		w.str(s)
		assert.Equal(t, string(bytes.TrimSuffix(buf.Bytes(), []byte("\n"))), string(w.b), "%q", s)
	}
}

func TestWriterNestsAndIndentsContainers(t *testing.T) {
	var w jsonWriter
	w.open('{')
	w.key("a")
	w.open('[')
	w.close(']')
	w.key("b")
	w.open('[')
	w.elem()
	w.int(-7)
	w.elem()
	w.open('{')
	w.close('}')
	w.close(']')
	w.close('}')
	assert.Equal(t, "{\n  \"a\": [],\n  \"b\": [\n    -7,\n    {}\n  ]\n}", string(w.b))
}
