package native

import _ "embed"

// Schema is the JSON Schema (draft 2020-12) of the native format, version 1.
// It must not be modified.
//
//go:embed sayso.schema.json
var Schema []byte
