package native_test

import (
	"errors"
	"io/fs"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/format/native"
	"sayso/internal/testenv"
	"sayso/internal/text"
)

// articlePath is the shared corpus article, outside the repository; its
// text is never copied into it.
const articlePath = "../../../../shared/corpus/articles/xi-trump-summit.txt"

func readArticle(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile(articlePath)
	if errors.Is(err, fs.ErrNotExist) {
		testenv.Missing(t, "the corpus article %s is not on this machine", articlePath)
	}
	require.NoError(t, err)
	return string(b)
}

// cpSpan converts the byte range [i, j) of s into a code-point span.
func cpSpan(s string, i, j int) text.Span {
	start := utf8.RuneCountInString(s[:i])
	return text.Span{Start: start, End: start + utf8.RuneCountInString(s[i:j])}
}

func TestRealArticleRoundTrips(t *testing.T) {
	article := readArticle(t)
	s := annotation.New(annotation.DefaultSchema(), "corpus test", clock)
	doc, err := s.AddDocument("Xi–Trump summit", article)
	require.NoError(t, err)
	d, _, _ := s.Document(doc)
	body := d.Text

	// Wang Wen (named in the issue), the "said" before his name, and the
	// quotation in curly quotes before that.
	name := strings.Index(body, "Wang Wen")
	require.Greater(t, name, 0, "the article names Wang Wen")
	said := strings.LastIndex(body[:name], "said")
	require.GreaterOrEqual(t, said, 0)
	open := strings.LastIndex(body[:said], "“")
	require.GreaterOrEqual(t, open, 0)
	closing := open + strings.Index(body[open:], "”") + len("”")
	// His next quotation, after his name.
	open2 := name + strings.Index(body[name:], "“")
	closing2 := open2 + strings.Index(body[open2:], "”") + len("”")
	require.Greater(t, open2, name)

	mention, err := s.Add(doc, annotation.LabelSpeaker, []text.Span{cpSpan(body, name, name+len("Wang Wen"))})
	require.NoError(t, err)
	cue, err := s.Add(doc, annotation.LabelCue, []text.Span{cpSpan(body, said, said+len("said"))})
	require.NoError(t, err)
	claim, err := s.Add(doc, annotation.LabelClaim, []text.Span{cpSpan(body, open, closing)})
	require.NoError(t, err)
	both, err := s.Add(doc, annotation.LabelClaim, []text.Span{cpSpan(body, open, closing), cpSpan(body, open2, closing2)})
	require.NoError(t, err)
	title, err := s.Add(doc, annotation.LabelClaim, []text.Span{cpSpan(body, 0, strings.Index(body, "\n"))})
	require.NoError(t, err)
	for _, c := range []string{claim, both} {
		require.NoError(t, s.LinkMention(c, mention))
		require.NoError(t, s.SetStance(c, "against"))
	}
	require.NoError(t, s.LinkCue(claim, cue))
	require.NoError(t, s.SetNote(both, `two quotations, "joined"`))
	require.NoError(t, s.SetStance(title, "unclear"))

	sch := compileSchema(t)
	p := s.Project()
	b := encodeValid(t, sch, p)

	got, err := native.Decode(b)
	require.NoError(t, err)
	assert.Equal(t, p, got)
	assert.Equal(t, string(b), string(encodeValid(t, sch, got)), "encode(decode(b)) is b")

	opened, err := native.Open(b, clock)
	require.NoError(t, err)
	assert.Equal(t, string(b), string(encodeValid(t, sch, opened.Project())), "export, import, export")

	runes := []rune(body)
	for _, a := range got.Annotations {
		if len(a.Fragments) == 1 {
			assert.Equal(t, a.Quote, string(runes[a.Fragments[0].Start:a.Fragments[0].End]), "text[start:end] of %s", a.ID)
		}
	}
}
