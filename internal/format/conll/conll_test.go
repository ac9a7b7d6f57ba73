package conll_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/format/conll"
	"sayso/internal/format/formattest"
	"sayso/internal/text"
)

// roundTrip exports p, imports the file and checks the result loads.
func roundTrip(t *testing.T, p annotation.Project) (conll.Result, annotation.Project) {
	t.Helper()
	res, err := conll.Export(p)
	require.NoError(t, err)
	got, rep, err := conll.Import(res.Data)
	require.NoError(t, err, "file:\n%s", res.Data)
	formattest.RequireLoads(t, got)
	assert.Equal(t, res.Report.Annotations, rep.Annotations, "every exported span comes back")
	return res, got
}

// spansOnly is what CoNLL holds of an annotation.
var spansOnly = formattest.Fields{}

func TestRoundTripRestoresTextsTitlesTopicsAndSpans(t *testing.T) {
	tests := map[string]func(t testing.TB) annotation.Project{
		"emoji, CJK, combining accents, discontinuous claim": formattest.Fixture,
		"blank and white-space lines, tabs, no final newline": func(t testing.TB) annotation.Project {
			s := annotation.New(annotation.DefaultSchema(), "", formattest.Clock)
			d, err := s.AddDocument("Tabs\tand spaces", "  Indented\tline said Ana.\n \t \n\n\nLast line, no newline")
			require.NoError(t, err)
			formattest.Add(t, s, d, annotation.LabelSpeaker, "Ana")
			formattest.Add(t, s, d, annotation.LabelClaim, "Indented\tline")
			formattest.Add(t, s, d, annotation.LabelClaim, "Last line")
			return s.Project()
		},
		"a claim across paragraphs": func(t testing.TB) annotation.Project {
			s := annotation.New(annotation.DefaultSchema(), "", formattest.Clock)
			d, err := s.AddDocument("", "One claim starts here\n\nand ends here. Then more.\n")
			require.NoError(t, err)
			formattest.Add(t, s, d, annotation.LabelClaim, "starts here\n\nand ends here.")
			return s.Project()
		},
		"spans inside words and joined emoji": func(t testing.TB) annotation.Project {
			s := annotation.New(annotation.DefaultSchema(), "", formattest.Clock)
			d, err := s.AddDocument("", "unbelievable 👩\u200d🚀👍🏽 text\n")
			require.NoError(t, err)
			formattest.Add(t, s, d, annotation.LabelCue, "believ")
			formattest.Add(t, s, d, annotation.LabelClaim, "👍🏽")
			return s.Project()
		},
	}
	for name, build := range tests {
		t.Run(name, func(t *testing.T) {
			p := build(t)
			_, got := roundTrip(t, p)
			assert.Equal(t, formattest.Canon(p, spansOnly), formattest.Canon(got, spansOnly))
		})
	}
}

func TestExportLayout(t *testing.T) {
	s := annotation.New(annotation.DefaultSchema(), "Ana", formattest.Clock)
	d, err := s.AddDocument("Launch", "Ana said: go 🚀.\n\nBye")
	require.NoError(t, err)
	formattest.Add(t, s, d, annotation.LabelSpeaker, "Ana")
	formattest.Add(t, s, d, annotation.LabelClaim, "go 🚀")
	res, err := conll.Export(s.Project())
	require.NoError(t, err)
	assert.Equal(t, ".conll", res.Extension)
	want := "# sayso conll = 1\n" +
		"# offset_unit = codepoint\n" +
		"# columns = FORM START END TAG ANNOTATION\n" +
		"# annotator = Ana\n" +
		"# newdoc id = d1\n" +
		"# title = Launch\n" +
		"# topic = Launch\n" +
		"# doc_length = 20\n" +
		"# sent_id = d1-1\n" +
		"# start = 0\n" +
		"# text = Ana said: go 🚀.\n" +
		"Ana\t0\t3\tB-speaker\ta1\n" +
		"said\t4\t8\tO\t_\n" +
		":\t8\t9\tO\t_\n" +
		"go\t10\t12\tB-claim\ta2\n" +
		"🚀\t13\t14\tI-claim\ta2\n" +
		".\t14\t15\tO\t_\n" +
		"\n" +
		"# sent_id = d1-2\n" +
		"# start = 17\n" +
		"# text = Bye\n" +
		"Bye\t17\t20\tO\t_\n" +
		"\n"
	assert.Equal(t, want, string(res.Data))
}

func TestOverlapsKeepClaimsThenSpeakersThenCues(t *testing.T) {
	const body = "Officials at the agency said the plan works.\n"
	tests := []struct {
		name    string
		spans   [][2]string // label, text
		kept    []string    // labels kept, in reading order
		dropped []string    // parts of the report lines
	}{
		{
			name:    "a speaker inside a claim",
			spans:   [][2]string{{annotation.LabelClaim, "Officials at the agency said the plan works"}, {annotation.LabelSpeaker, "Officials"}},
			kept:    []string{annotation.LabelClaim},
			dropped: []string{"speaker a2 “Officials” overlaps claim a1"},
		},
		{
			name:    "a cue inside a speaker",
			spans:   [][2]string{{annotation.LabelSpeaker, "Officials at the agency said"}, {annotation.LabelCue, "said"}},
			kept:    []string{annotation.LabelSpeaker},
			dropped: []string{"cue a2 “said” overlaps speaker a1"},
		},
		{
			name:    "two claims: the first in reading order wins",
			spans:   [][2]string{{annotation.LabelClaim, "the plan works"}, {annotation.LabelClaim, "said the plan"}},
			kept:    []string{annotation.LabelClaim},
			dropped: []string{"claim a1 “the plan works” overlaps claim a2"},
		},
		{
			name:  "touching spans both stay",
			spans: [][2]string{{annotation.LabelSpeaker, "Officials at the agency"}, {annotation.LabelCue, "said"}, {annotation.LabelClaim, "the plan works"}},
			kept:  []string{annotation.LabelSpeaker, annotation.LabelCue, annotation.LabelClaim},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := annotation.New(annotation.DefaultSchema(), "", formattest.Clock)
			d, err := s.AddDocument("", body)
			require.NoError(t, err)
			for _, sp := range tt.spans {
				formattest.Add(t, s, d, sp[0], sp[1])
			}
			res, got := roundTrip(t, s.Project())
			var labels []string
			for _, a := range got.Annotations {
				labels = append(labels, a.Label)
			}
			assert.Equal(t, tt.kept, labels)
			report := strings.Join(res.Report.Skipped, "\n")
			for _, d := range tt.dropped {
				assert.Contains(t, report, d)
			}
			assert.Equal(t, len(tt.kept), res.Report.Annotations)
		})
	}
}

func TestExportReportsWhatCoNLLCannotHold(t *testing.T) {
	res, err := conll.Export(formattest.Fixture(t))
	require.NoError(t, err)
	report := strings.Join(res.Report.Skipped, "\n")
	assert.Contains(t, report, "7 links from claims to their speakers and cues were not exported: CoNLL has no relations")
	assert.Contains(t, report, "the stance, target or note of 4 annotations was not exported")
	assert.Contains(t, report, "the speaker entities of 4 speaker mentions were not exported")
	assert.Equal(t, 2, res.Report.Documents)
}

func TestWhiteSpaceAtSpanEdgesIsReportedAndLeftOut(t *testing.T) {
	s := annotation.New(annotation.DefaultSchema(), "", formattest.Clock)
	d, err := s.AddDocument("", "She said  the plan works  today.\n")
	require.NoError(t, err)
	formattest.Add(t, s, d, annotation.LabelClaim, "  the plan works ")
	formattest.Add(t, s, d, annotation.LabelCue, "  ")
	res, got := roundTrip(t, s.Project())
	report := strings.Join(res.Report.Skipped, "\n")
	assert.Contains(t, report, "claim a1 “  the plan works ” starts or ends with white space, which CoNLL tokens leave out: exported without it")
	assert.Contains(t, report, "cue a2 “  ” has a fragment of white space only")
	require.Len(t, got.Annotations, 1)
	assert.Equal(t, "the plan works", got.Annotations[0].Quote)
}

func TestTitlesWithLineBreaksAreWrittenOnOneLine(t *testing.T) {
	p := annotation.Project{
		Schema:    annotation.DefaultSchema(),
		Annotator: "Ana\nB",
		Documents: []annotation.Document{{ID: "d1", Title: "Two\nlines", Topic: "t", Text: "Text."}},
	}
	res, got := roundTrip(t, p)
	assert.Equal(t, "Two lines", got.Documents[0].Title)
	assert.Equal(t, "Ana B", got.Annotator)
	assert.Contains(t, strings.Join(res.Report.Skipped, "\n"), "the title of document d1 has line breaks")
}

func TestImportReadsPlainCoNLL(t *testing.T) {
	tests := []struct {
		name   string
		file   string
		texts  []string
		quotes []string // label: quote
		notice string   // part of a report line, if any
	}{
		{
			name:   "CoNLL-2003 with -DOCSTART- and four columns",
			file:   "-DOCSTART- -X- -X- O\n\nAcme NNP B-NP B-ORG\nhires VBZ B-VP O\nDanish JJ B-NP B-MISC\nchef NN I-NP O\n\nMaria NNP B-NP B-PER\nLopez NNP I-NP I-PER\n",
			texts:  []string{"Acme hires Danish chef\nMaria Lopez"},
			quotes: []string{"ORG: Acme", "MISC: Danish", "PER: Maria Lopez"},
			notice: "document 1 has no offsets, so its text was rebuilt",
		},
		{
			name:   "two columns with tabs and Sayso labels in any case",
			file:   "Ana\tB-Speaker\nsaid\tB-CUE\nyes\tB-Claim\n",
			texts:  []string{"Ana said yes"},
			quotes: []string{"speaker: Ana", "cue: said", "claim: yes"},
		},
		{
			name:   "CoNLL-U style text comments place the tokens",
			file:   "# newdoc id = x\n# text = Ana said: “yes”.\nAna\tB-speaker\nsaid\tO\n:\tO\n“\tO\nyes\tB-claim\n”\tO\n.\tO\n\n# text = Next.\nNext\tO\n.\tO\n",
			texts:  []string{"Ana said: “yes”.\nNext."},
			quotes: []string{"speaker: Ana", "claim: yes"},
		},
		{
			name:   "IO tags and BIOES tags",
			file:   "New\tLOC\nYork\tLOC\nis\tO\nbig\tS-ADJ\n",
			texts:  []string{"New York is big"},
			quotes: []string{"LOC: New York", "ADJ: big"},
		},
		{
			name:   "CRLF line ends and a byte order mark",
			file:   "\uFEFFAna\tB-speaker\r\nsaid\tO\r\n",
			texts:  []string{"Ana said"},
			quotes: []string{"speaker: Ana"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, rep, err := conll.Import([]byte(tt.file))
			require.NoError(t, err)
			formattest.RequireLoads(t, p)
			var texts, quotes []string
			for _, d := range p.Documents {
				texts = append(texts, d.Text)
			}
			for _, a := range p.Annotations {
				quotes = append(quotes, a.Label+": "+a.Quote)
			}
			assert.Equal(t, tt.texts, texts)
			assert.Equal(t, tt.quotes, quotes)
			if tt.notice != "" {
				assert.Contains(t, strings.Join(rep.Skipped, "\n"), tt.notice)
			}
		})
	}
}

func TestImportAddsUnknownLabelsToTheSchema(t *testing.T) {
	p, _, err := conll.Import([]byte("Paris\tB-LOC\n"))
	require.NoError(t, err)
	l, ok := p.Schema.Label("LOC")
	require.True(t, ok)
	assert.Equal(t, "LOC", l.Name)
	_, ok = p.Schema.Label(annotation.LabelClaim)
	assert.True(t, ok, "the default labels stay")
}

func TestImportReportsWhatItCannotRead(t *testing.T) {
	tests := []struct{ name, file, notice string }{
		{"a token that does not match its offsets", "# newdoc id = d1\n# doc_length = 3\n# start = 0\n# text = abc\nxyz\t0\t3\tB-claim\ta1\n", "line 5: the token \"xyz\" is not in the text where it should be, so its tag B-claim was not used"},
		{"a line without a tag", "Ana\tB-speaker\nlonely\n", "line 2 is neither a token with a tag nor a comment"},
		{"blocks out of order", "# newdoc id = d1\n# start = 5\n# text = b\nb\t5\t6\tO\t_\n\n# start = 0\n# text = a\na\t0\t1\tO\t_\n", "its blocks overlap or are out of order"},
		{"an offset unit it does not write", "# offset_unit = utf-16\nAna\tO\n", "offsets in \"utf-16\" are read as code points"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, rep, err := conll.Import([]byte(tt.file))
			require.NoError(t, err)
			formattest.RequireLoads(t, p)
			assert.Contains(t, strings.Join(rep.Skipped, "\n"), tt.notice)
		})
	}
}

func TestImportRefusesFilesThatAreNotCoNLL(t *testing.T) {
	tests := []struct{ name, file, err string }{
		{"empty", "", "no CoNLL token lines"},
		{"only comments", "# hello = world\n", "no CoNLL token lines"},
		{"not UTF-8", "\xff\xfe\x00a", "not UTF-8"},
		{"JSON", `{"text": "x"}`, "no CoNLL token lines"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := conll.Import([]byte(tt.file))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.err)
		})
	}
}

func TestDiscontinuousClaimsComeBackAsOneAnnotation(t *testing.T) {
	p := formattest.Fixture(t)
	_, got := roundTrip(t, p)
	var frags [][]text.Span
	for _, a := range got.Annotations {
		if len(a.Fragments) > 1 {
			frags = append(frags, a.Fragments)
		}
	}
	require.Len(t, frags, 1)
	assert.Len(t, frags[0], 2)
}

func TestExportRefusesTextsThatAreNotNormalised(t *testing.T) {
	_, err := conll.Export(annotation.Project{Documents: []annotation.Document{{ID: "d1", Text: "a\r\nb"}}})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "carriage returns")
}
