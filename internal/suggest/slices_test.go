package suggest

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/text"
)

// corpusTexts reads up to n texts of PolNeAR's training split and the
// shared articles, in place.
func corpusTexts(t testing.TB, n int) map[string]string {
	t.Helper()
	names, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "corpus", "polnear-train", "text", "*.txt"))
	articles, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "corpus", "articles", "*.txt"))
	if len(names) == 0 || len(articles) == 0 {
		t.Skip("the shared corpus is not here")
	}
	sort.Strings(names)
	// Every k-th text, so that the sample spans the file names' sources.
	picked := map[string]string{}
	for i := 0; i < len(names) && len(picked) < n; i += max(1, len(names)/n) {
		picked[names[i]] = ""
	}
	for _, a := range articles {
		picked[a] = ""
	}
	for name := range picked {
		data, err := os.ReadFile(name)
		require.NoError(t, err)
		picked[name] = string(data)
	}
	return picked
}

// sliced runs the suggester in Work slices of chars code points, reading
// the partial result between slices as the page does, and returns the
// result and the largest number of code points one slice did.
func sliced(doc string, chars int) (Result, int) {
	s := New(doc)
	widest := 0
	for {
		from, _ := s.Progress()
		more := s.Work(chars)
		done, _ := s.Progress()
		widest = max(widest, done-from)
		s.Result()
		if !more {
			return s.Result(), widest
		}
	}
}

func TestSlicedWorkFindsWhatOneRunFinds(t *testing.T) {
	texts := corpusTexts(t, 40)
	var long strings.Builder
	for _, name := range sortedKeys(texts) {
		long.WriteString(texts[name])
		long.WriteString("\n\n")
	}
	texts["all of them, one after the other"] = long.String()
	for _, name := range sortedKeys(texts) {
		doc := texts[name]
		whole := Suggest(doc)
		for _, chars := range []int{1, 300, 5000, 20000} {
			got, _ := sliced(doc, chars)
			require.Equal(t, whole, got, "%s in slices of %d code points", filepath.Base(name), chars)
		}
	}
}

func TestASliceWorksOnItsShareOfTheText(t *testing.T) {
	texts := corpusTexts(t, 10)
	var long strings.Builder
	longestPara := 0
	for _, name := range sortedKeys(texts) {
		long.WriteString(texts[name])
		long.WriteString("\n\n")
	}
	doc := long.String()
	for _, p := range text.NewIndex(doc).Paragraphs() {
		longestPara = max(longestPara, p.Len())
	}
	for _, chars := range []int{1, 2000, 20000} {
		_, widest := sliced(doc, chars)
		assert.LessOrEqual(t, widest, chars+longestPara+2, "slices of %d code points: a slice stops after the paragraph that reaches its share", chars)
	}
}

func TestTheParagraphsFoundAsTheTextIsDecodedAreTheIndexs(t *testing.T) {
	for _, doc := range []string{
		"",
		"\n\n\n",
		"one line",
		"one\ntwo",
		"one\n\n \t\n  two  \n",
		"trailing newline\n",
		"crlf\r\nlines\r\n\r\n",
		"« quoté » é\u0301\n👩‍👩‍👧 said\n\n",
	} {
		s := New(doc)
		for s.Step() {
		}
		s.findParas(len(s.paras) + 1)
		assert.Equal(t, text.NewIndex(doc).Paragraphs(), s.paras, "%q", doc)
		assert.Equal(t, []rune(doc), s.r, "%q decoded", doc)
		done, total := s.Progress()
		assert.Equal(t, total, done, "%q: all done", doc)
	}
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
