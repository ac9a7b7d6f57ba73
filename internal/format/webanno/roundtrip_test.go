package webanno_test

import (
	"errors"
	"io/fs"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/format/brat"
	"sayso/internal/format/webanno"
	"sayso/internal/testenv"
	"sayso/internal/text"
)

// roundTrip exports p and imports the export, requiring both to succeed.
func roundTrip(t *testing.T, p annotation.Project) (webanno.Result, annotation.Project) {
	t.Helper()
	res, err := webanno.Export(p)
	require.NoError(t, err)
	got, rep, err := webanno.Import(res.Data)
	require.NoError(t, err)
	requireLoads(t, got)
	assert.Empty(t, rep.Skipped, "a Sayso export imports without loss")
	assert.Equal(t, res.Report.Annotations, rep.Annotations)
	assert.Equal(t, res.Report.Links, rep.Links)
	requireQuotesAreSlices(t, got)
	return res, got
}

// requireQuotesAreSlices checks that every annotation's quote is the
// code-point slice of its text.
func requireQuotesAreSlices(t testing.TB, p annotation.Project) {
	t.Helper()
	texts := map[string]*text.Index{}
	for _, d := range p.Documents {
		texts[d.ID] = text.NewIndex(d.Text)
	}
	for _, a := range p.Annotations {
		require.Equal(t, annotation.QuoteOf(texts[a.Document], a.Fragments), a.Quote, "annotation %s", a.ID)
	}
}

// withoutTitles blanks what TSV does not hold of documents: titles and
// topics (and so the targets that are the topic).
func withoutTitles(docs []canonDoc) []canonDoc {
	for i := range docs {
		for j := range docs[i].Spans {
			if docs[i].Spans[j].Target == docs[i].Topic {
				docs[i].Spans[j].Target = ""
			}
		}
		docs[i].Title, docs[i].Topic = "", ""
	}
	return docs
}

var everything = fields{Stance: true, Target: true, Note: true, Speaker: true, Mention: true, Cue: true}

// TestFixtureRoundTripsWhatTSVKeeps exports the shared fixture (emoji, a
// combining accent, CJK, a discontinuous claim, notes with line breaks)
// and imports it back with every text, span, link, stance, target, note
// and speaker name.
func TestFixtureRoundTripsWhatTSVKeeps(t *testing.T) {
	p := fixture(t)
	_, got := roundTrip(t, p)
	assert.Equal(t, withoutTitles(canon(p, everything)), withoutTitles(canon(got, everything)))
	assert.Equal(t, []string{"Launch _", "d2"}, []string{got.Documents[0].Title, got.Documents[1].Title}, "titles come back as file names")
}

// TestOneDocumentRoundTripsAsOneFile checks the single-file export.
func TestOneDocumentRoundTripsAsOneFile(t *testing.T) {
	s, d := oneDoc(t, cjkText)
	li := add(t, s, d, annotation.LabelSpeaker, "李明")
	good := add(t, s, d, annotation.LabelClaim, "新政策很好。")
	require.NoError(t, s.LinkMention(good, li))
	p := s.Project()
	res, got := roundTrip(t, p)
	assert.Equal(t, webanno.Extension, res.Extension)
	assert.Equal(t, withoutTitles(canon(p, everything)), withoutTitles(canon(got, everything)))
}

const polnearDir = "../../../../shared/corpus/brat/polnear"

// polnearByBrat reads the PolNeAR articles of the corpus through package
// brat, as a person opening them in Sayso would.
func polnearByBrat(t *testing.T) annotation.Project {
	t.Helper()
	if _, err := os.Stat(polnearDir); errors.Is(err, fs.ErrNotExist) {
		testenv.Missing(t, "the corpus folder %s is not on this machine", polnearDir)
	}
	pairs, err := brat.FromDir(os.DirFS(polnearDir))
	require.NoError(t, err)
	p, _, err := brat.Import(pairs)
	require.NoError(t, err)
	return p
}

// trimmed is p with every fragment trimmed of white space, as TSV tokens
// hold it; fragments of white space only are dropped.
func trimmed(p annotation.Project) annotation.Project {
	idx := map[string]*text.Index{}
	for _, d := range p.Documents {
		idx[d.ID] = text.NewIndex(d.Text)
	}
	anns := make([]annotation.Annotation, len(p.Annotations))
	for i, a := range p.Annotations {
		var fs []text.Span
		for _, f := range a.Fragments {
			if tf := idx[a.Document].TrimSpace(f); tf.Len() > 0 {
				fs = append(fs, tf)
			}
		}
		a.Fragments = fs
		anns[i] = a
	}
	p.Annotations = anns
	return p
}

// TestPolNeARRoundTripsWithItsAttributions exports the PolNeAR articles
// read through package brat and imports them back: texts exact, and every
// span, attribution link, stance, target and note, with spans trimmed of
// white space as TSV tokens hold them.
func TestPolNeARRoundTripsWithItsAttributions(t *testing.T) {
	p := polnearByBrat(t)
	require.NotEmpty(t, p.Annotations)
	res, got := roundTrip(t, p)
	assert.Equal(t, webanno.ZipExtension, res.Extension)
	assert.Positive(t, res.Report.Links)
	require.Len(t, got.Documents, len(p.Documents))
	for i, d := range p.Documents {
		assert.Equal(t, d.Text, got.Documents[i].Text, "the text of %s", d.Title)
	}
	keep := fields{Stance: true, Target: true, Note: true, Mention: true, Cue: true}
	assert.Equal(t, withoutTitles(canon(trimmed(p), keep)), withoutTitles(canon(got, keep)))
	var lost int
	for _, s := range res.Report.Skipped {
		if strings.Contains(s, "white space") {
			lost++
		}
	}
	t.Logf("%d documents, %d annotations, %d links; %d spans trimmed of white space", res.Report.Documents, res.Report.Annotations, res.Report.Links, lost)
}

// TestCorpusEmojiArticlesKeepExactOffsets puts a claim on every character
// outside the Basic Multilingual Plane of the corpus articles and
// round-trips them: each comes back on the same code points.
func TestCorpusEmojiArticlesKeepExactOffsets(t *testing.T) {
	for _, name := range []string{"fnc1-body-506.txt", "fnc1-body-724.txt", "fnc1-body-1400.txt", "fnc1-body-1752.txt"} {
		t.Run(name, func(t *testing.T) {
			body := readCorpus(t, "articles/"+name)
			s := annotation.New(annotation.DefaultSchema(), "", clock)
			d, err := s.AddDocument(name, body)
			require.NoError(t, err)
			doc, _, _ := s.Document(d)
			n := 0
			for i, r := range []rune(doc.Text) {
				if r > 0xFFFF {
					_, err := s.Add(d, annotation.LabelClaim, []text.Span{{Start: i, End: i + 1}})
					require.NoError(t, err)
					n++
				}
			}
			require.Positive(t, n, "the article has characters outside the BMP")
			p := s.Project()
			_, got := roundTrip(t, p)
			assert.Equal(t, doc.Text, got.Documents[0].Text)
			assert.Equal(t, withoutTitles(canon(p, fields{})), withoutTitles(canon(got, fields{})))
		})
	}
}

// TestOtherLabelsAndUnmentionedSpeakersRoundTrip checks a label of the
// project's own schema, a claim attributed to a speaker without naming
// the mention, and stacked spans over the same words.
func TestOtherLabelsAndUnmentionedSpeakersRoundTrip(t *testing.T) {
	s, d := oneDoc(t, "Kim Lee said yes. Later: no, or maybe?")
	require.NoError(t, s.AddLabel(annotation.Label{ID: "hedge", Name: "Hedge", Color: "#888888"}))
	kim := add(t, s, d, annotation.LabelSpeaker, "Kim Lee")
	yes := add(t, s, d, annotation.LabelClaim, "yes")
	require.NoError(t, s.LinkMention(yes, kim))
	no := add(t, s, d, annotation.LabelClaim, "no, or maybe")
	p := s.Project()
	require.NoError(t, s.SetClaimSpeaker(no, p.Annotations[0].Speaker))
	add(t, s, d, "hedge", "or maybe")
	add(t, s, d, annotation.LabelCue, "or maybe")
	p = s.Project()
	_, got := roundTrip(t, p)
	assert.Equal(t, withoutTitles(canon(p, everything)), withoutTitles(canon(got, everything)))
	_, ok := got.Schema.Label("hedge")
	assert.True(t, ok, "the label joins the schema")
}
