package merge_test

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
	"sayso/internal/merge"
	"sayso/internal/testenv"
	"sayso/internal/text"
)

// The fixture texts are written for these tests.
const (
	bridgeText = "Mayor Lena Ortiz said the bridge will reopen in May. \"The repairs are on schedule,\" she added.\n" +
		"\n" +
		"Engineer Tom Reyes disagreed: the steel has not even arrived.\n"
	budgetText = "The budget grew by 4%, the treasurer Ana Lima told the council. Nobody asked why.\n"
)

func clock() time.Time { return time.Date(2026, 3, 1, 9, 30, 0, 0, time.UTC) }

// builder makes valid projects through the store, as the app does.
type builder struct {
	t   testing.TB
	s   *annotation.Store
	doc string
}

func newBuilder(t testing.TB, annotator string) *builder {
	return &builder{t: t, s: annotation.New(annotation.DefaultSchema(), annotator, clock)}
}

// document adds a document; the annotations that follow go into it.
func (b *builder) document(title, body string) string {
	b.t.Helper()
	id, err := b.s.AddDocument(title, body)
	require.NoError(b.t, err)
	b.doc = id
	return id
}

// ann adds an annotation over the first occurrence of each part.
func (b *builder) ann(label string, parts ...string) string {
	b.t.Helper()
	d, _, ok := b.s.Document(b.doc)
	require.True(b.t, ok)
	var frags []text.Span
	for _, p := range parts {
		frags = append(frags, spanOf(b.t, d.Text, p))
	}
	id, err := b.s.Add(b.doc, label, frags)
	require.NoError(b.t, err)
	return id
}

// annAt adds an annotation over a span.
func (b *builder) annAt(label string, sp text.Span) string {
	b.t.Helper()
	id, err := b.s.Add(b.doc, label, []text.Span{sp})
	require.NoError(b.t, err)
	return id
}

func (b *builder) claim(label, mention, cue string) {
	b.t.Helper()
	if mention != "" {
		require.NoError(b.t, b.s.LinkMention(label, mention))
	}
	if cue != "" {
		require.NoError(b.t, b.s.LinkCue(label, cue))
	}
}

func (b *builder) project() annotation.Project { return b.s.Project() }

// spanOf is the code-point span of the first occurrence of sub in s.
func spanOf(t testing.TB, s, sub string) text.Span {
	t.Helper()
	i := strings.Index(s, sub)
	require.GreaterOrEqual(t, i, 0, "%q is not in the text", sub)
	start := utf8.RuneCountInString(s[:i])
	return text.Span{Start: start, End: start + utf8.RuneCountInString(sub)}
}

// bridge is a project with one annotated document: two claims linked to
// their speaker mentions and cues.
func bridge(t testing.TB, annotator string) annotation.Project {
	b := newBuilder(t, annotator)
	b.document("Bridge", bridgeText)
	ortiz := b.ann(annotation.LabelSpeaker, "Lena Ortiz")
	said := b.ann(annotation.LabelCue, "said")
	may := b.ann(annotation.LabelClaim, "the bridge will reopen in May")
	b.claim(may, ortiz, said)
	reyes := b.ann(annotation.LabelSpeaker, "Tom Reyes")
	steel := b.ann(annotation.LabelClaim, "the steel has not even arrived")
	b.claim(steel, reyes, "")
	return b.project()
}

// withDocumentID gives a project's document another id.
func withDocumentID(p annotation.Project, from, to string) annotation.Project {
	p = deepCopy(p)
	for i := range p.Documents {
		if p.Documents[i].ID == from {
			p.Documents[i].ID = to
		}
	}
	for i := range p.Annotations {
		if p.Annotations[i].Document == from {
			p.Annotations[i].Document = to
		}
	}
	return p
}

func deepCopy(p annotation.Project) annotation.Project {
	c := p
	c.Schema = p.Schema.Clone()
	c.Documents = append([]annotation.Document(nil), p.Documents...)
	c.Speakers = append([]annotation.Speaker(nil), p.Speakers...)
	c.Annotations = copyAnns(p.Annotations)
	c.Orphans = copyAnns(p.Orphans)
	return c
}

func copyAnns(as []annotation.Annotation) []annotation.Annotation {
	if as == nil {
		return nil
	}
	out := make([]annotation.Annotation, len(as))
	for i, a := range as {
		out[i] = a
		out[i].Fragments = append([]text.Span(nil), a.Fragments...)
	}
	return out
}

// apply runs merge.Apply and checks what every import must keep: the
// inputs unchanged, a result that loads, and every imported annotation
// either among the result's annotations or among its orphans.
func apply(t testing.TB, cur, imp annotation.Project, choices map[string]merge.Choice) (annotation.Project, merge.Report) {
	t.Helper()
	curBefore, impBefore := deepCopy(cur), deepCopy(imp)
	out, rep, err := merge.Apply(cur, imp, choices)
	require.NoError(t, err)
	require.Equal(t, curBefore, cur, "the open project was changed")
	require.Equal(t, impBefore, imp, "the imported project was changed")
	_, err = annotation.Load(out, clock)
	require.NoError(t, err, "the result does not load")
	checkAccounted(t, imp, out, rep)
	return out, rep
}

// checkAccounted checks that every imported annotation is placed or
// unplaced, and that every orphan of the result is either the open
// project's, or listed as unplaced, or carried over.
func checkAccounted(t testing.TB, imp, out annotation.Project, rep merge.Report) {
	t.Helper()
	anns, orphans := map[string]bool{}, map[string]bool{}
	for _, a := range out.Annotations {
		anns[a.ID] = true
	}
	for _, o := range out.Orphans {
		orphans[o.ID] = true
	}
	unplaced := map[string]bool{}
	for _, u := range rep.Unplaced {
		unplaced[u.ID] = true
		require.True(t, orphans[u.ID], "unplaced %s is not an orphan", u.ID)
	}
	for _, a := range imp.Annotations {
		id, ok := rep.AnnotationIDs[a.ID]
		require.True(t, ok, "imported annotation %s has no fate", a.ID)
		require.True(t, anns[id] || unplaced[id], "imported annotation %s became %s, neither placed nor unplaced", a.ID, id)
	}
}

// annByID finds an annotation of p.
func annByID(t testing.TB, p annotation.Project, id string) annotation.Annotation {
	t.Helper()
	for _, a := range p.Annotations {
		if a.ID == id {
			return a
		}
	}
	require.Failf(t, "no such annotation", "%s", id)
	return annotation.Annotation{}
}

// annByQuote finds the annotation of p with a label and quote.
func annByQuote(t testing.TB, p annotation.Project, label, quote string) annotation.Annotation {
	t.Helper()
	for _, a := range p.Annotations {
		if a.Label == label && a.Quote == quote {
			return a
		}
	}
	require.Failf(t, "no such annotation", "%s %q", label, quote)
	return annotation.Annotation{}
}

func speakerName(p annotation.Project, id string) string {
	for _, sp := range p.Speakers {
		if sp.ID == id {
			return sp.Name
		}
	}
	return ""
}

// readCorpus reads a file of the shared corpus in place, failing under CI
// when it is missing and skipping elsewhere.
func readCorpus(t *testing.T, rel string) string {
	t.Helper()
	path := "../../../shared/corpus/" + rel
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		testenv.Missing(t, "the corpus file %s is not on this machine", path)
	}
	require.NoError(t, err)
	return text.Normalize(string(b))
}
