// Package formattest holds what the format packages' tests share: a fixed
// Clock, fixture texts and a project written for the tests (emoji outside
// the BMP, a combining accent, CJK, a discontinuous claim), span helpers,
// and reading the shared corpus in place. Only tests import it.
package formattest

import (
	"errors"
	"io/fs"
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/testenv"
	"sayso/internal/text"
)

// Clock is the fixed time of the tests.
func Clock() time.Time { return time.Date(2025, 3, 14, 15, 9, 26, 0, time.UTC) }

// The fixture texts are written for these tests: emoji outside the BMP (a
// ZWJ sequence and a flag), a combining accent, CJK and a claim in two
// fragments.
const (
	LatinText = "Jose\u0301 Martí said the launch was \"on time\" 🚀, and she added that \"the crew 👩\u200d🚀 is ready\".\n" +
		"\n" +
		"Later, officials noted: delays are possible.\n"
	CJKText = "李明表示：“新政策很好。” 🇯🇵\n王芳说，这个计划不错。\n"
)

// SpanOf returns the code-point span of the first occurrence of sub in s.
func SpanOf(t testing.TB, s, sub string) text.Span {
	t.Helper()
	i := strings.Index(s, sub)
	require.GreaterOrEqual(t, i, 0, "%q not found in the text", sub)
	start := utf8.RuneCountInString(s[:i])
	return text.Span{Start: start, End: start + utf8.RuneCountInString(sub)}
}

// Add adds an annotation over the first occurrence of each part.
func Add(t testing.TB, s *annotation.Store, doc, label string, parts ...string) string {
	t.Helper()
	d, _, ok := s.Document(doc)
	require.True(t, ok)
	var frags []text.Span
	for _, p := range parts {
		frags = append(frags, SpanOf(t, d.Text, p))
	}
	id, err := s.Add(doc, label, frags)
	require.NoError(t, err)
	return id
}

// Fixture builds a two-document project with every claim field set
// somewhere and one claim left without any.
func Fixture(t testing.TB) annotation.Project {
	t.Helper()
	s := annotation.New(annotation.DefaultSchema(), "Ana", Clock)
	d1, err := s.AddDocument("Launch 🚀", LatinText)
	require.NoError(t, err)
	jose := Add(t, s, d1, annotation.LabelSpeaker, "Jose\u0301 Martí")
	said := Add(t, s, d1, annotation.LabelCue, "said")
	onTime := Add(t, s, d1, annotation.LabelClaim, "the launch was \"on time\" 🚀")
	she := Add(t, s, d1, annotation.LabelSpeaker, "she")
	added := Add(t, s, d1, annotation.LabelCue, "added")
	ready := Add(t, s, d1, annotation.LabelClaim, "and", "\"the crew 👩\u200d🚀 is ready\"")
	officials := Add(t, s, d1, annotation.LabelSpeaker, "officials")
	delays := Add(t, s, d1, annotation.LabelClaim, "delays are possible.")
	require.NoError(t, s.LinkMention(onTime, jose))
	require.NoError(t, s.LinkCue(onTime, said))
	require.NoError(t, s.SetStance(onTime, "favor"))
	require.NoError(t, s.SetNote(onTime, "=HYPERLINK(\"x\") and \"quotes\", commas"))
	require.NoError(t, s.LinkMention(ready, she))
	require.NoError(t, s.LinkCue(ready, added))
	require.NoError(t, s.SetStance(ready, "neutral"))
	require.NoError(t, s.SetTarget(ready, "the crew"))
	require.NoError(t, s.LinkMention(delays, officials))
	require.NoError(t, s.SetStance(delays, "against"))
	require.NoError(t, s.SetNote(delays, "two\nlines"))

	d2, err := s.AddDocument("", CJKText)
	require.NoError(t, err)
	li := Add(t, s, d2, annotation.LabelSpeaker, "李明")
	biaoshi := Add(t, s, d2, annotation.LabelCue, "表示")
	good := Add(t, s, d2, annotation.LabelClaim, "新政策很好。")
	Add(t, s, d2, annotation.LabelClaim, "🇯🇵")
	require.NoError(t, s.LinkMention(good, li))
	require.NoError(t, s.LinkCue(good, biaoshi))
	require.NoError(t, s.SetStance(good, "unclear"))
	return s.Project()
}

// ReadCorpus returns (from a test in internal/format/X) a file of the shared corpus, failing under CI when it
// is missing and skipping elsewhere.
func ReadCorpus(t *testing.T, rel string) string {
	t.Helper()
	path := "../../../../shared/corpus/" + rel
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		testenv.Missing(t, "the corpus file %s is not on this machine", path)
	}
	require.NoError(t, err)
	return string(b)
}
