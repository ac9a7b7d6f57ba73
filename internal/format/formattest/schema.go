package formattest

import (
	"bytes"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/require"
)

// CompileSchema compiles an embedded JSON Schema, naming it url.
func CompileSchema(t testing.TB, schema []byte, url string) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema))
	require.NoError(t, err, "the schema is not JSON")
	c := jsonschema.NewCompiler()
	require.NoError(t, c.AddResource(url, doc))
	sch, err := c.Compile(url)
	require.NoError(t, err, "the schema does not compile")
	return sch
}

// RequireValid checks b (a byte order mark aside) against sch; name is the
// schema's file, for the message.
func RequireValid(t testing.TB, sch *jsonschema.Schema, name string, b []byte) {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(bytes.TrimPrefix(b, []byte("\uFEFF"))))
	require.NoError(t, err)
	require.NoError(t, sch.Validate(inst), "the file does not match %s:\n%s", name, b)
}
