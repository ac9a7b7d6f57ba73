package brat

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/format"
	"sayso/internal/text"
)

// oneDoc is a project with one document and the given annotations, whose
// quotes and context are filled in.
func oneDoc(t *testing.T, body string, anns ...annotation.Annotation) annotation.Project {
	t.Helper()
	x := text.NewIndex(body)
	p := annotation.Project{Schema: annotation.DefaultSchema(),
		Documents: []annotation.Document{{ID: "d1", Title: "Doc", Text: body}}}
	for i, a := range anns {
		a.ID, a.Document = "a"+string(rune('1'+i)), "d1"
		a.Quote = annotation.QuoteOf(x, a.Fragments)
		a.Prefix, a.Suffix = x.Context(a.Hull(), annotation.ContextLength)
		p.Annotations = append(p.Annotations, a)
	}
	return p
}

func TestExportSplitsFragmentsAtLineBreaks(t *testing.T) {
	body := "first line\nsecond line\n\nthird"
	p := oneDoc(t, body,
		annotation.Annotation{Label: annotation.LabelClaim, Fragments: []text.Span{{Start: 6, End: 17}}},
		annotation.Annotation{Label: annotation.LabelClaim, Fragments: []text.Span{{Start: 22, End: 24}}},
		annotation.Annotation{Label: annotation.LabelCue, Fragments: []text.Span{{Start: 18, End: 29}}},
	)
	requireLoads(t, p)
	files, err := Export(p)
	require.NoError(t, err)
	ann := string(fileMap(files)["Doc.ann"])
	assert.Equal(t, "T1\tContent 6 10;11 17\tline second\nT2\tCue 18 22;24 29\tline third\n", ann,
		"a span that is only line breaks is left out")

	got, rep, err := Import([]Pair{{Name: "Doc", Text: []byte(body), Ann: []byte(ann)}})
	require.NoError(t, err)
	assert.Empty(t, rep.Skipped)
	assert.Equal(t, []text.Span{{Start: 6, End: 10}, {Start: 11, End: 17}}, got.Annotations[0].Fragments,
		"the fragment comes back split at the break, as brat stores it")
}

func TestExportWritesFieldsAsNoteLines(t *testing.T) {
	p := oneDoc(t, "Ana said yes.",
		annotation.Annotation{Label: annotation.LabelSpeaker, Fragments: []text.Span{{Start: 0, End: 3}}, Speaker: "s1"},
		annotation.Annotation{Label: annotation.LabelClaim, Fragments: []text.Span{{Start: 9, End: 12}},
			Target: "the\nvote", Note: "first\r\nStance target: second", Stance: "favor", Speaker: "s1", SpeakerMention: "a1"},
	)
	p.Speakers = []annotation.Speaker{{ID: "s1", Name: "Ana\nRuiz"}}
	requireLoads(t, p)
	files, err := Export(p)
	require.NoError(t, err)
	ann := string(fileMap(files)["Doc.ann"])
	for _, line := range []string{
		"#1\tAnnotatorNotes T1\tSpeaker: Ana Ruiz",
		"#2\tAnnotatorNotes T2\tStance target: the vote",
		"#3\tAnnotatorNotes T2\tfirst",
		"#4\tAnnotatorNotes T2\tNote: Stance target: second",
		"A1\tStance T2 favor",
		"T3\tAttribution 0 3\tAna",
		"E1\tAttribution:T3 Content:T2 Source:T1",
	} {
		assert.Contains(t, ann, line+"\n")
	}
	got, _, err := Import([]Pair{{Name: "Doc", Text: []byte(p.Documents[0].Text), Ann: []byte(ann)}})
	require.NoError(t, err)
	assert.Equal(t, "first\nStance target: second", got.Annotations[1].Note)
	assert.Equal(t, "the vote", got.Annotations[1].Target)
	assert.Equal(t, "Ana Ruiz", got.Speakers[0].Name)
}

func TestExportNamesFilesSafelyAndUniquely(t *testing.T) {
	p := annotation.Project{Schema: annotation.DefaultSchema()}
	for i, title := range []string{"Report", "report", "", "a/b: c?", "..hidden", "Ünïcode 日本"} {
		p.Documents = append(p.Documents, annotation.Document{ID: "d" + string(rune('1'+i)), Title: title, Text: "x"})
	}
	files, err := Export(p)
	require.NoError(t, err)
	var names []string
	for _, f := range files {
		names = append(names, f.Name)
	}
	assert.Equal(t, []string{
		"Report.txt", "Report.ann", "report-2.txt", "report-2.ann", "d3.txt", "d3.ann",
		"a-b-c.txt", "a-b-c.ann", "hidden.txt", "hidden.ann", "Ünïcode-日本.txt", "Ünïcode-日本.ann",
		"annotation.conf", "visual.conf",
	}, names)
	_, err = format.Zip(files)
	require.NoError(t, err)
}

func TestExportDeclaresTheSchemaInAnnotationConf(t *testing.T) {
	p := annotation.Project{Schema: annotation.Schema{
		Labels:  []annotation.Label{{ID: annotation.LabelClaim, Name: "Claim", Color: "#ffcc00"}, {ID: "my label", Name: "Mine"}, {ID: "source"}},
		Stances: []string{"pro", "con"},
	}}
	files, err := Export(p)
	require.NoError(t, err)
	conf := string(fileMap(files)["annotation.conf"])
	assert.Contains(t, conf, "[entities]\n\nContent\nmy_label\nsource_label\n")
	assert.Contains(t, conf, "Stance\tArg:Content, Value:pro|con\n")
	assert.Contains(t, conf, "Attribution\tContent:Content, Cue?:Cue, Source:Source\n")
	visual := string(fileMap(files)["visual.conf"])
	assert.Contains(t, visual, "Content\tbgColor:#ffcc00\n")
	assert.Contains(t, visual, "my_label | Mine\n")
}

func TestZipRefusesTwoFilesOfOneName(t *testing.T) {
	_, err := format.Zip([]format.File{{Name: "a.txt"}, {Name: "a.txt"}})
	assert.ErrorContains(t, err, `two files named "a.txt"`)
}

func TestFromDirPairsFilesByName(t *testing.T) {
	fsys := fstest.MapFS{
		"a/story.txt":      {Data: []byte("story")},
		"a/story_d473.ann": {Data: []byte("T1\tCue 0 5\tstory")},
		"a/story_4e07.ann": {Data: []byte("")},
		"b/lone_x.ann":     {Data: []byte("T1\tCue 0 1\tx")},
		"c/plain.txt":      {Data: []byte("plain")},
		"d/x_y.txt":        {Data: []byte("xy")},
		"d/x_y.ann":        {Data: []byte("")},
		"d/x.txt":          {Data: []byte("x")},
		"annotation.conf":  {Data: []byte("[entities]")},
		"notes.md":         {Data: []byte("#")},
	}
	pairs, err := FromDir(fsys)
	require.NoError(t, err)
	type short struct {
		Name      string
		Text, Ann string
		HasText   bool
	}
	var got []short
	for _, p := range pairs {
		got = append(got, short{p.Name, string(p.Text), string(p.Ann), p.Text != nil})
	}
	assert.Equal(t, []short{
		{"story_4e07", "story", "", true},
		{"story_d473", "story", "T1\tCue 0 5\tstory", true},
		{"plain", "plain", "", true},
		{"x", "x", "", true},
		{"x_y", "xy", "", true},
		{"lone_x", "", "T1\tCue 0 1\tx", false},
	}, got)
}

func TestFromZipRefusesWhatIsNotAZip(t *testing.T) {
	_, err := FromZip([]byte("T1\tCue 0 1\tx"))
	assert.ErrorContains(t, err, "not a zip archive")
	_, err = FromZip(nil)
	assert.Error(t, err)
	assert.False(t, strings.Contains(err.Error(), "panic"))
}
