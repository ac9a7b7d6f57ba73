package view

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var (
	pageAction = regexp.MustCompile(`data-action="([^"]*)"`)
	pageField  = regexp.MustCompile(`data-field="([^"]*)"`)
)

// TestThePageUsesOnlyProtocolNames checks web/index.html against
// protocol.go, so that a renamed action fails here, not only in a browser.
func TestThePageUsesOnlyProtocolNames(t *testing.T) {
	page, err := os.ReadFile("../../../web/index.html")
	require.NoError(t, err)
	actions := map[string]bool{}
	for _, a := range Actions() {
		actions[string(a)] = true
	}
	fields := map[string]bool{}
	for _, f := range Fields() {
		fields[string(f)] = true
	}
	found := pageAction.FindAllStringSubmatch(string(page), -1)
	require.NotEmpty(t, found)
	for _, m := range found {
		assert.True(t, actions[m[1]], "web/index.html uses data-action=%q, which protocol.go lacks", m[1])
	}
	for _, m := range pageField.FindAllStringSubmatch(string(page), -1) {
		assert.True(t, fields[m[1]], "web/index.html uses data-field=%q, which protocol.go lacks", m[1])
	}
}

func TestProtocolNamesAreUnique(t *testing.T) {
	seen := map[string]bool{}
	for _, a := range Actions() {
		assert.False(t, seen[string(a)], "data-action %q twice", a)
		seen[string(a)] = true
	}
	seen = map[string]bool{}
	for _, f := range Fields() {
		assert.False(t, seen[string(f)], "data-field %q twice", f)
		seen[string(f)] = true
	}
}

// viewSource parses the package's non-test files.
func viewSource(t *testing.T) (*token.FileSet, map[string]*ast.File) {
	t.Helper()
	fset := token.NewFileSet()
	pkgs, err := parser.ParseDir(fset, ".", func(fi os.FileInfo) bool { return !strings.HasSuffix(fi.Name(), "_test.go") }, 0)
	require.NoError(t, err)
	return fset, pkgs["view"].Files
}

// TestBuildersWriteProtocolNamesFromProtocolGo: a view writes
// data-action="%s" with a protocol constant, never a name of its own.
func TestBuildersWriteProtocolNamesFromProtocolGo(t *testing.T) {
	literal := regexp.MustCompile(`data-(action|field)="[^%"]`)
	fset, files := viewSource(t)
	for name, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok && lit.Kind == token.STRING && literal.MatchString(lit.Value) {
				t.Errorf("%s: %s: a data-action or data-field name written as text; use protocol.go", name, fset.Position(lit.Pos()))
			}
			return true
		})
	}
}

// TestOnlyConstantsBecomeMarkup: converting a value to markup would let
// data into the HTML unescaped.
func TestOnlyConstantsBecomeMarkup(t *testing.T) {
	fset, files := viewSource(t)
	for name, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "markup" {
					t.Errorf("%s: %s: a conversion to markup", name, fset.Position(call.Pos()))
				}
			}
			return true
		})
	}
}
