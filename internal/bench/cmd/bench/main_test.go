//go:build !js

package main

import (
	"io"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/bench/corpus"
	"sayso/internal/bench/results"
)

func TestLabel(t *testing.T) {
	assert.Equal(t, "1 MB + 5,000 annotations", label(corpus.Spec{Bytes: 1 << 20, Annotations: 5000}))
	assert.Equal(t, "64 KB + 500 annotations", label(corpus.Spec{Bytes: 64 << 10, Annotations: 500}))
}

func TestDocSpecs(t *testing.T) {
	m, l, io := docSpecs(false, 1)
	assert.Equal(t, []int{1 << 20, 5 << 20, 1 << 20}, []int{m.Bytes, l.Bytes, io.Bytes})
	assert.Equal(t, []int{5000, 25000, 10000}, []int{m.Annotations, l.Annotations, io.Annotations})
	sm, sl, sio := docSpecs(true, 1)
	assert.Less(t, sm.Bytes+sl.Bytes+sio.Bytes, 1<<20, "smoke documents are small")
}

func TestBenchLines(t *testing.T) {
	out := "goos: linux\npkg: sayso/internal/text\nBenchmarkNewIndex-2   \t  10\t  123 ns/op\nok  \tsayso/internal/text\t1s\nFAIL\tsayso/internal/x [build failed]\n"
	lines, err := benchLines(strings.NewReader(out))
	assert.NoError(t, err)
	assert.Equal(t, []string{"sayso/internal/text BenchmarkNewIndex-2 10 123 ns/op", "FAIL sayso/internal/x [build failed]"}, lines)
}

func TestBenchPackages(t *testing.T) {
	pkgs, err := benchPackages("../../..")
	assert.NoError(t, err)
	assert.Contains(t, pkgs, "./../../../text")
	for _, p := range pkgs {
		assert.NotContains(t, p, "bench/", "the benchmark's own packages are left out")
	}
}

func TestBusy(t *testing.T) {
	assert.True(t, busy("3.10 2.00 1.50", 2))
	assert.False(t, busy("1.10 2.00 1.50", 2))
	assert.False(t, busy("", 2))
}

func TestGroupByDefinition(t *testing.T) {
	figs := []results.Figure{
		{Name: "a", Definition: "x"}, {Name: "  b", Definition: "y"}, {Name: "c", Definition: "x"},
	}
	assert.Equal(t, []definitionGroup{{[]string{"a", "c"}, "x"}, {[]string{"b"}, "y"}}, groupByDefinition(figs))
}

func TestClassLabel(t *testing.T) {
	c, err := corpus.GenerateClass(classSpec(3, 1))
	assert.NoError(t, err)
	assert.Equal(t, "3 exports, 3,000-word article", classLabel(c))
	assert.Equal(t, 40, classSpec(40, 1).Students)
}

func TestOnlySteps(t *testing.T) {
	assert.Nil(t, options{}.steps())
	assert.Equal(t, []string{"compare", "tti"}, options{only: " compare,,tti "}.steps())
	err := run(t.Context(), options{only: "compare,nope", runs: 1, adds: 1, addsLarge: 1, students: 1}, io.Discard, io.Discard)
	assert.ErrorContains(t, err, `no step "nope"`)
}

func TestIssue13Specs(t *testing.T) {
	for _, smoke := range []bool{false, true} {
		small, many := issue13Specs(smoke, 1)
		assert.Equal(t, "3 KB + 20 annotations", label(small), "smoke %v", smoke)
		if smoke {
			assert.Less(t, many.Bytes, 1<<20, "a small project in -smoke")
			continue
		}
		assert.Equal(t, 50000, many.Annotations)
	}
}

func TestSuggestIsTimedOnTheReferenceArticleWhenItIsHere(t *testing.T) {
	dir := t.TempDir()
	ref := dir + "/reference.txt"
	require.NoError(t, os.WriteFile(ref, []byte("“We agreed,” she said."), 0o644))
	empty := dir + "/empty.txt"
	require.NoError(t, os.WriteFile(empty, nil, 0o644))
	for _, c := range []struct {
		name, path, text, label string
	}{
		{"the reference article, read in place", ref, "“We agreed,” she said.", "the 3 KB reference article (reference.txt, 26 bytes)"},
		{"no shared corpus: the generated article", dir + "/missing.txt", "generated text", "the generated 3 KB article"},
		{"an empty file: the generated article", empty, "generated text", "the generated 3 KB article"},
	} {
		t.Run(c.name, func(t *testing.T) {
			text, label := suggestArticle(c.path, "generated text", io.Discard)
			assert.Equal(t, c.text, text)
			assert.Equal(t, c.label, label)
		})
	}
}
