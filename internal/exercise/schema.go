package exercise

import _ "embed"

// Schema is the JSON Schema (draft 2020-12) of the exercise format,
// version 1. It must not be modified.
//
//go:embed exercise.schema.json
var Schema []byte
