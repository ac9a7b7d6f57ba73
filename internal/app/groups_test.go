package app

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestEveryActionBelongsToExactlyOneGroup reads the package's source: every
// type with an isAction method must have exactly one group method, so that
// Update's switch over the groups handles every action.
func TestEveryActionBelongsToExactlyOneGroup(t *testing.T) {
	groups := map[string]bool{"annotating": true, "project": true, "exercise": true, "compare": true,
		"importing": true, "format": true, "file": true, "session": true, "handIn": true, "suggesting": true}
	actions := map[string]bool{}
	memberships := map[string][]string{}
	fset := token.NewFileSet()
	pkgs, err := parser.ParseDir(fset, ".", func(fi os.FileInfo) bool { return !strings.HasSuffix(fi.Name(), "_test.go") }, 0)
	require.NoError(t, err)
	for _, f := range pkgs["app"].Files {
		for _, d := range f.Decls {
			fn, ok := d.(*ast.FuncDecl)
			if !ok || fn.Recv == nil || len(fn.Recv.List) != 1 {
				continue
			}
			id, ok := fn.Recv.List[0].Type.(*ast.Ident)
			if !ok {
				continue
			}
			switch {
			case fn.Name.Name == "isAction":
				actions[id.Name] = true
			case groups[fn.Name.Name]:
				memberships[id.Name] = append(memberships[id.Name], fn.Name.Name)
			}
		}
	}
	require.NotEmpty(t, actions)
	for a := range actions {
		assert.Len(t, memberships[a], 1, "action %s is in groups %v", a, memberships[a])
	}
	for typ := range memberships {
		assert.True(t, actions[typ], "%s has a group but is no action", typ)
	}
}
