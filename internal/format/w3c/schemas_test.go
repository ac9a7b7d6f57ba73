package w3c

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/require"

	"sayso/internal/testenv"
)

// corpusDir is the W3C test suite in the shared corpus, read in place.
const corpusDir = "../../../../shared/corpus/w3c"

// schemaBase is the one flat base URL every schema file is registered
// under, so that their relative $refs ("id.json#/definitions/…") resolve.
const schemaBase = "https://w3c-test.invalid/annotation-model/"

// w3cCorpus returns the test suite as a file system, failing under CI and
// skipping elsewhere when it is missing.
func w3cCorpus(t *testing.T) fs.FS {
	t.Helper()
	if _, err := os.Stat(corpusDir); errors.Is(err, fs.ErrNotExist) {
		testenv.Missing(t, "the W3C test suite %s is not on this machine", corpusDir)
	}
	return os.DirFS(corpusDir)
}

// suite is the compiled test suite: every schema file registered under
// one flat name, and the assertions of its .test files.
type suite struct {
	c     *jsonschema.Compiler
	names map[string]string // path in the suite → flat URL
}

// loadSuite registers every schema of annotations/ and definitions/ under
// schemaBase. A file name that occurs in two folders (3.2.2-targType.json
// and 3.3.3-targAudience.json, in bodiesTargets/ and specificResource/)
// keeps its name in the first folder and is registered as
// "<folder>-<name>" from the second, with its "id" changed to match.
func loadSuite(t *testing.T, fsys fs.FS) *suite {
	t.Helper()
	s := &suite{c: jsonschema.NewCompiler(), names: map[string]string{}}
	s.c.DefaultDraft(jsonschema.Draft4)
	s.c.AssertFormat()
	used := map[string]bool{}
	for _, dir := range []string{"annotations", "definitions"} {
		err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || path.Ext(p) != ".json" {
				return err
			}
			b, err := fs.ReadFile(fsys, p)
			if err != nil {
				return err
			}
			doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
			if err != nil {
				return err
			}
			name := path.Base(p)
			if used[name] {
				name = path.Base(path.Dir(p)) + "-" + name
				doc.(map[string]any)["id"] = name
			}
			used[name] = true
			s.names[p] = schemaBase + name
			return s.c.AddResource(schemaBase+name, doc)
		})
		require.NoError(t, err)
	}
	require.Contains(t, s.names, "annotations/specificResource/3.2.2-targType.json")
	require.Equal(t, schemaBase+"specificResource-3.2.2-targType.json", s.names["annotations/specificResource/3.2.2-targType.json"])
	return s
}

// assertion is one schema of a .test file with the result it expects.
type assertion struct {
	path     string
	must     bool
	valid    bool // expectedResult
	schema   *jsonschema.Schema
	errorMsg string
}

// assertions compiles the schemas a .test file lists. assertionType and
// expectedResult come from each schema file.
func (s *suite) assertions(t *testing.T, fsys fs.FS, testFile string) []assertion {
	t.Helper()
	b, err := fs.ReadFile(fsys, testFile)
	require.NoError(t, err)
	var tf struct {
		Assertions []string `json:"assertions"`
	}
	require.NoError(t, json.Unmarshal(b, &tf))
	require.NotEmpty(t, tf.Assertions)
	var out []assertion
	for _, p := range tf.Assertions {
		url, ok := s.names[p]
		require.True(t, ok, "%s lists %s, which is registered", testFile, p)
		raw, err := fs.ReadFile(fsys, p)
		require.NoError(t, err)
		var meta struct {
			AssertionType  string `json:"assertionType"`
			ExpectedResult string `json:"expectedResult"`
			ErrorMessage   string `json:"errorMessage"`
		}
		require.NoError(t, json.Unmarshal(raw, &meta))
		sch, err := s.c.Compile(url)
		require.NoError(t, err, "%s compiles", p)
		out = append(out, assertion{path: p, must: meta.AssertionType == "must",
			valid: meta.ExpectedResult != "invalid", schema: sch, errorMsg: meta.ErrorMessage})
	}
	return out
}

// check applies an assertion to a JSON value: true when the value gives
// the expected result.
func (a assertion) check(v any) (bool, error) {
	err := a.schema.Validate(v)
	return (err == nil) == a.valid, err
}

// decodeJSON decodes b the way the validator wants it.
func decodeJSON(t *testing.T, b []byte) any {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
	require.NoError(t, err)
	return v
}

// collectionSchemas are schemas of our own for the collection and its
// page, built from the suite's definitions (the suite has no assertion
// files for collections).
func (s *suite) collectionSchemas(t *testing.T) (collection, page *jsonschema.Schema) {
	t.Helper()
	c := `{"allOf": [
		{"required": ["@context", "id", "type", "total"]},
		{"properties": {"@context": {"oneOf": [
			{"$ref": "collections.json#/definitions/contextValueFound"},
			{"$ref": "collections.json#/definitions/contextValueInArrayFound"}]},
			"id": {"$ref": "id.json#/definitions/arraySingleStringUri"}}},
		{"$ref": "collections.json#/definitions/annotationCollectionTypeValueFound"},
		{"$ref": "collections.json#/definitions/totalFound"},
		{"$ref": "collections.json#/definitions/labelFound"},
		{"$ref": "collections.json#/definitions/firstRequiredIfTotalMoreThanZero"},
		{"$ref": "collections.json#/definitions/firstValidIfPresent"}]}`
	p := `{"allOf": [
		{"required": ["id"]},
		{"$ref": "collections.json#/definitions/annotationPageTypeValueFound"},
		{"$ref": "collections.json#/definitions/itemsFound"},
		{"$ref": "collections.json#/definitions/startIndexFound"}]}`
	compile := func(name, src string) *jsonschema.Schema {
		doc, err := jsonschema.UnmarshalJSON(strings.NewReader(src))
		require.NoError(t, err)
		require.NoError(t, s.c.AddResource(schemaBase+name, doc))
		sch, err := s.c.Compile(schemaBase + name)
		require.NoError(t, err)
		return sch
	}
	return compile("sayso-collection.json", c), compile("sayso-page.json", p)
}
