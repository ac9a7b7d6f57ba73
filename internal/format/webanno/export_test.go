package webanno_test

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/format/webanno"
	"sayso/internal/text"
)

// oneDoc builds a project of one document titled after its topic.
func oneDoc(t *testing.T, body string) (*annotation.Store, string) {
	t.Helper()
	s := annotation.New(annotation.DefaultSchema(), "Ana", clock)
	d, err := s.AddDocument("", body)
	require.NoError(t, err)
	return s, d
}

// tokenLines returns the token lines of a TSV file, split at tabs.
func tokenLines(data []byte) [][]string {
	var out [][]string
	for _, l := range strings.Split(string(data), "\n") {
		if l != "" && l[0] >= '0' && l[0] <= '9' {
			out = append(out, strings.Split(l, "\t"))
		}
	}
	return out
}

// TestExportWritesTheDocumentedExample checks the example of the package
// documentation, byte for byte.
func TestExportWritesTheDocumentedExample(t *testing.T) {
	s, d := oneDoc(t, "Ana said: go 🚀.")
	ana := add(t, s, d, annotation.LabelSpeaker, "Ana")
	said := add(t, s, d, annotation.LabelCue, "said")
	goes := add(t, s, d, annotation.LabelClaim, "go 🚀")
	require.NoError(t, s.LinkMention(goes, ana))
	require.NoError(t, s.LinkCue(goes, said))
	require.NoError(t, s.SetStance(goes, "favor"))

	res, err := webanno.Export(s.Project())
	require.NoError(t, err)
	want := "#FORMAT=WebAnno TSV 3.3\n" +
		"#T_SP=webanno.custom.Attribution|label|note|speaker|stance|target\n" +
		"#T_RL=webanno.custom.AttributionLink|role|BT_webanno.custom.Attribution\n" +
		"\n\n" +
		"#Text=Ana said: go 🚀.\n" +
		"1-1\t0-3\tAna\tspeaker\t*\tAna\t*\t*\tspeaker\t1-4[1_0]\t\n" +
		"1-2\t4-8\tsaid\tcue\t*\t*\t*\t*\tcue\t1-4[1_0]\t\n" +
		"1-3\t8-9\t:\t_\t_\t_\t_\t_\t_\t_\t\n" +
		"1-4\t10-12\tgo\tclaim[1]\t*[1]\t*[1]\tfavor[1]\t*[1]\t_\t_\t\n" +
		"1-5\t13-15\t🚀\tclaim[1]\t*[1]\t*[1]\tfavor[1]\t*[1]\t_\t_\t\n" +
		"1-6\t15-16\t.\t_\t_\t_\t_\t_\t_\t_\t\n"
	assert.Equal(t, want, string(res.Data))
	assert.Equal(t, webanno.Extension, res.Extension)
	assert.Equal(t, 3, res.Report.Annotations)
	assert.Equal(t, 2, res.Report.Links)
	assert.True(t, webanno.Detect(res.Data))
}

// TestExportOffsetsCountUTF16Units checks every token's offsets against
// the text's UTF-16 encoding, for characters outside the Basic
// Multilingual Plane of several kinds, including the user guide's own
// example sentence.
func TestExportOffsetsCountUTF16Units(t *testing.T) {
	tests := []struct {
		name, body, token, offsets string
	}{
		{"the user guide's example", "I like it 😊 .", "😊", "10-12"},
		{"after an emoji", "I like it 😊 .", ".", "13-14"},
		{"a ZWJ sequence is one token", "crew 👩\u200d🚀 ok", "👩\u200d🚀", "5-10"},
		{"a flag is one token", "🇯🇵 wins", "🇯🇵", "0-4"},
		{"after a flag", "🇯🇵 wins", "wins", "5-9"},
		{"CJK extension B", "𠀀𠀁 是", "𠀀𠀁", "0-4"},
		{"mathematical letters", "let 𝒜 be", "be", "7-9"},
		{"a combining accent counts once", "Jose\u0301 𝒜", "𝒜", "6-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := oneDoc(t, tt.body)
			res, err := webanno.Export(s.Project())
			require.NoError(t, err)
			for _, l := range tokenLines(res.Data) {
				if l[2] == tt.token {
					assert.Equal(t, tt.offsets, l[1])
					return
				}
			}
			t.Fatalf("no token %q in\n%s", tt.token, res.Data)
		})
	}
}

// TestExportCutsTokensAtSpanEdges checks that a span starting or ending
// inside a word covers whole tokens.
func TestExportCutsTokensAtSpanEdges(t *testing.T) {
	s, d := oneDoc(t, "unbelievable claims")
	add(t, s, d, annotation.LabelClaim, "believable cl")
	res, err := webanno.Export(s.Project())
	require.NoError(t, err)
	var toks []string
	for _, l := range tokenLines(res.Data) {
		toks = append(toks, l[2]+"="+l[3])
	}
	assert.Equal(t, []string{"un=_", "believable=claim[1]", "cl=claim[1]", "aims=_"}, toks)
}

// TestExportSplitsSentencesButNotSpans checks where sentences end.
func TestExportSplitsSentencesButNotSpans(t *testing.T) {
	tests := []struct {
		name, body string
		claim      []string
		texts      []string
	}{
		{"at a full stop", "One here. Two there.", nil, []string{"#Text=One here. ", "#Text=Two there."}},
		{"after closing quotes", "He said “go.” Then left.", nil, []string{"#Text=He said “go.” ", "#Text=Then left."}},
		{"at a line break", "One\nTwo", nil, []string{"#Text=One", "#Text=Two"}},
		{"blank lines stay in the sentence before", "One\n\n\nTwo\n", nil, []string{"#Text=One", "#Text=", "#Text=", "#Text=Two", "#Text="}},
		{"not inside a claim", "One here. Two there. Three.", []string{"here. Two"}, []string{"#Text=One here. Two there. ", "#Text=Three."}},
		{"not inside a claim across lines", "A b\nc d\ne", []string{"b\nc"}, []string{"#Text=A b", "#Text=c d", "#Text=e"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, d := oneDoc(t, tt.body)
			if tt.claim != nil {
				add(t, s, d, annotation.LabelClaim, tt.claim...)
			}
			res, err := webanno.Export(s.Project())
			require.NoError(t, err)
			var texts []string
			for _, l := range strings.Split(string(res.Data), "\n") {
				if strings.HasPrefix(l, "#Text=") {
					texts = append(texts, l)
				}
			}
			assert.Equal(t, tt.texts, texts)
			got, _, err := webanno.Import(res.Data)
			require.NoError(t, err)
			assert.Equal(t, tt.body, got.Documents[0].Text, "the text comes back exactly")
		})
	}
}

// TestExportEscapesReservedCharacters checks feature values with every
// character the format reserves, and that they come back.
func TestExportEscapesReservedCharacters(t *testing.T) {
	tests := []struct{ note, written string }{
		{`a\b`, `a\\b`},
		{"[x]", `\[x\]`},
		{"a|b", `a\|b`},
		{"snake_case", `snake\_case`},
		{"a->b", `a\->b`},
		{"a;b", `a\;b`},
		{"tab\there", `tab\there`},
		{"two\nlines", `two\nlines`},
		{"*", `\*`},
		{"_", `\_`},
		{`ends with \`, `ends with \\`},
		{"a - > b", "a - > b"},
	}
	for _, tt := range tests {
		t.Run(tt.written, func(t *testing.T) {
			s, d := oneDoc(t, "a claim")
			c := add(t, s, d, annotation.LabelClaim, "claim")
			require.NoError(t, s.SetNote(c, tt.note))
			add(t, s, d, annotation.LabelClaim, "claim") // stacked, so the value has a suffix
			res, err := webanno.Export(s.Project())
			require.NoError(t, err)
			assert.Contains(t, string(res.Data), "\t"+tt.written+"[1]|*[2]\t")
			got, _, err := webanno.Import(res.Data)
			require.NoError(t, err)
			var notes []string
			for _, a := range got.Annotations {
				notes = append(notes, a.Note)
			}
			assert.Contains(t, notes, tt.note)
		})
	}
}

// TestExportReportsWhatTSVCannotHold checks the lines of the export report.
func TestExportReportsWhatTSVCannotHold(t *testing.T) {
	s, d := oneDoc(t, "\n  A claim here. ")
	add(t, s, d, annotation.LabelClaim, " claim ")
	_, err := s.Add(d, annotation.LabelCue, []text.Span{{Start: 3, End: 4}, {Start: 16, End: 17}}) // "A" and " "
	require.NoError(t, err)
	res, err := webanno.Export(s.Project())
	require.NoError(t, err)
	all := strings.Join(res.Report.Skipped, "\n")
	assert.Contains(t, all, "starts or ends with white space")
	assert.Contains(t, all, "has a fragment of white space only")
	assert.Contains(t, all, "before the first word")
	assert.Contains(t, all, "annotation ids, the annotator")
	got, _, err := webanno.Import(res.Data)
	require.NoError(t, err)
	assert.Equal(t, "   A claim here. ", got.Documents[0].Text, "a gap before the first sentence comes back as spaces")
}

// TestExportOfSeveralDocumentsIsAZip checks the archive of a project with
// two documents: one TSV file each, named by position and title.
func TestExportOfSeveralDocumentsIsAZip(t *testing.T) {
	res, err := webanno.Export(fixture(t))
	require.NoError(t, err)
	assert.Equal(t, webanno.ZipExtension, res.Extension)
	zr, err := zip.NewReader(bytes.NewReader(res.Data), int64(len(res.Data)))
	require.NoError(t, err)
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	assert.Equal(t, []string{"1-Launch _.tsv", "2-d2.tsv"}, names)
	again, err := webanno.Export(fixture(t))
	require.NoError(t, err)
	assert.Equal(t, res.Data, again.Data, "the same project gives the same bytes")
}

// TestDetectRecognisesTSVFilesAndArchives checks detection by content.
func TestDetectRecognisesTSVFilesAndArchives(t *testing.T) {
	zipped, err := webanno.Export(fixture(t))
	require.NoError(t, err)
	tests := []struct {
		name string
		data []byte
		want bool
	}{
		{"a TSV 3.3 file", []byte("#FORMAT=WebAnno TSV 3.3\n"), true},
		{"after a byte order mark", []byte("\uFEFF#FORMAT=WebAnno TSV 3.2\n"), true},
		{"a zip archive of them", zipped.Data, true},
		{"TSV 2", []byte("#FORMAT=WebAnno TSV 2\n"), false},
		{"CoNLL", []byte("# sayso conll = 1\n"), false},
		{"another zip", zipOf(t, "a.json", "{}"), false},
		{"a zip with another .tsv", zipOf(t, "a.tsv", "a\tb\n"), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, webanno.Detect(tt.data))
		})
	}
}

func zipOf(t *testing.T, name, body string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, err := zw.Create(name)
	require.NoError(t, err)
	_, err = w.Write([]byte(body))
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

// TestExportReportsSpeakersSharingAName checks that two speakers with one
// name, which come back as one, are reported.
func TestExportReportsSpeakersSharingAName(t *testing.T) {
	s, d := oneDoc(t, "Kim said yes. Kim said no.")
	add(t, s, d, annotation.LabelSpeaker, "Kim")
	doc, _, _ := s.Document(d)
	second, err := s.Add(d, annotation.LabelSpeaker, []text.Span{{Start: 14, End: 17}})
	require.NoError(t, err)
	require.Equal(t, "Kim", doc.Text[14:17])
	_, err = s.NewSpeakerForMention(second, "Kim")
	require.NoError(t, err)
	p := s.Project()
	require.Len(t, p.Speakers, 2)
	res, err := webanno.Export(p)
	require.NoError(t, err)
	assert.Contains(t, strings.Join(res.Report.Skipped, "\n"), "2 speakers share their name with another speaker")
	got, _, err := webanno.Import(res.Data)
	require.NoError(t, err)
	assert.Len(t, got.Speakers, 1)
}
