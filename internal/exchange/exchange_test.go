package exchange_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/exchange"
	"sayso/internal/exchange/exchangetest"
	"sayso/internal/format"
	"sayso/internal/format/formattest"
)

// base is the download name the tests ask for.
const base = "Harbour town splits"

func TestFormatsListTheMenuInOrderWithWhatEachLoses(t *testing.T) {
	fs := exchange.Formats()
	require.NotEmpty(t, fs)
	assert.Equal(t, exchange.Native, fs[0].ID, "the lossless native format comes first")
	ids, exts := map[string]bool{}, map[string]bool{}
	for _, f := range fs {
		assert.False(t, ids[f.ID], "%s is listed twice", f.ID)
		ids[f.ID] = true
		assert.False(t, exts[f.Extension], "%s: another format writes files named *%s", f.ID, f.Extension)
		exts[f.Extension] = true
		assert.NotEmpty(t, f.Name, f.ID)
		assert.True(t, strings.HasPrefix(f.Extension, "."), "%s: extension %q", f.ID, f.Extension)
		assert.NotEmpty(t, f.MIME, f.ID)
		assert.NotEmpty(t, f.Example, f.ID)
		assert.NotContains(t, f.Example, "\n", "%s: the example is one line", f.ID)
		if f.ID == exchange.Native {
			assert.Empty(t, f.Loses, "the native format loses nothing")
		} else {
			assert.NotEmpty(t, f.Loses, "%s must say what it cannot hold", f.ID)
			assert.Equal(t, 1, strings.Count(strings.TrimSuffix(f.Loses, "."), ". ")+1, "%s: Loses is one sentence", f.ID)
		}
		if f.Opens {
			_, ok := exchangetest.RoundTrips()[f.ID]
			assert.True(t, ok, "%s reads files: add it to roundTrips", f.ID)
		}
	}
	for _, id := range []string{exchange.Native, exchange.JSONL, exchange.CSV, exchange.CSVBOM, exchange.Brat, exchange.W3C, exchange.CoNLL} {
		assert.True(t, ids[id], "%s is offered", id)
	}
}

func TestLookupFindsEveryListedFormatAndOnlyThose(t *testing.T) {
	for _, f := range exchange.Formats() {
		t.Run(f.ID, func(t *testing.T) {
			c, ok := exchange.Lookup(f.ID)
			require.True(t, ok)
			assert.Equal(t, f, c.Info)
			assert.NotNil(t, c.Write, "every format is written")
			assert.Equal(t, f.Opens, c.Read != nil, "a format opens exactly when it has a Read")
		})
	}
	for _, id := range []string{"", "docx", "Native", " conll"} {
		_, ok := exchange.Lookup(id)
		assert.False(t, ok, "%q is no format", id)
	}
}

func TestARegistryListsTheCodecsItIsGivenInOrder(t *testing.T) {
	a := format.Codec{Info: format.Info{ID: "a", Name: "A", Opens: true}}
	b := format.Codec{Info: format.Info{ID: "b", Name: "B"}}
	shadow := format.Codec{Info: format.Info{ID: "a", Name: "second A"}}
	r := exchange.NewRegistry(b, a, shadow)
	assert.Equal(t, []format.Info{b.Info, a.Info, shadow.Info}, r.Formats())
	got, ok := r.Lookup("a")
	require.True(t, ok)
	assert.Equal(t, "A", got.Name, "the first codec of an ID wins")
	assert.Equal(t, "c", r.Name("c"), "an ID the registry lacks names itself")
	assert.Empty(t, exchange.Registry{}.Formats(), "the zero registry holds none")
}

func TestExportNamesTheDownloadAfterTheBaseAndTheFormat(t *testing.T) {
	p := annotatedProject(t)
	for _, f := range exchange.Formats() {
		t.Run(f.ID, func(t *testing.T) {
			out, err := exchange.Export(p, f.ID, exchange.Options{Base: base})
			require.NoError(t, err)
			assert.Equal(t, base+f.Extension, out.Name)
			assert.Equal(t, f.MIME, out.MIME)
			assert.Equal(t, f, out.Format)
			assert.NotEmpty(t, out.Data)
			assert.Equal(t, p, annotatedProject(t), "exporting changes nothing")
		})
	}
}

func TestExportRefusesAnUnknownFormat(t *testing.T) {
	_, err := exchange.Export(annotatedProject(t), "docx", exchange.Options{Base: base})
	require.Error(t, err)
	assert.Contains(t, err.Error(), `"docx"`)
}

func TestExportAsSpreadsheetCSVStartsWithBOM(t *testing.T) {
	p := annotatedProject(t)
	plain, err := exchange.Export(p, exchange.CSV, exchange.Options{Base: base})
	require.NoError(t, err)
	excel, err := exchange.Export(p, exchange.CSVBOM, exchange.Options{Base: base})
	require.NoError(t, err)
	assert.False(t, bytes.HasPrefix(plain.Data, []byte("\uFEFF")))
	assert.True(t, bytes.HasPrefix(excel.Data, []byte("\uFEFF")))
	assert.Contains(t, string(excel.Data), "\r\n")
}

func TestExportAsBratIsAZipOfPairsAndConfiguration(t *testing.T) {
	d, err := exchange.Export(annotatedProject(t), exchange.Brat, exchange.Options{Base: base})
	require.NoError(t, err)
	names := exchangetest.ZipNames(t, d.Data)
	assert.Contains(t, names, strings.ReplaceAll(articleTitle, " ", "-")+".ann")
	assert.Contains(t, names, "annotation.conf")
}

func TestExportAsLabelStudioZipsTasksWithTheirConfig(t *testing.T) {
	d, err := exchange.Export(annotatedProject(t), exchange.LabelStudio, exchange.Options{Base: base})
	require.NoError(t, err)
	assert.Equal(t, []string{base + ".tasks.json", base + ".config.xml"}, exchangetest.ZipNames(t, d.Data))
}

func TestExportThenImportBringsBackWhatEachFormatHolds(t *testing.T) {
	for _, f := range exchange.Formats() {
		if !f.Opens {
			continue
		}
		t.Run(f.ID, func(t *testing.T) {
			h, ok := exchangetest.RoundTrips()[f.ID]
			require.True(t, ok, "add %s to roundTrips", f.ID)
			src := annotatedProject(t)
			d, err := exchange.Export(src, f.ID, exchange.Options{Base: base})
			require.NoError(t, err)
			assert.Equal(t, f.ID, exchange.Detect(d.Name, d.Data), "the export is detected as its format")

			// W3C annotations carry no text: the article is open first.
			in, err := exchange.Import(d.Name, d.Data, src)
			require.NoError(t, err)
			assert.Equal(t, f, in.Format)
			require.Len(t, in.Project.Documents, 1)
			assert.Equal(t, articleText, in.Project.Documents[0].Text)
			if f.ID == exchange.W3C {
				assert.Equal(t, articleTitle, in.Project.Documents[0].Title, "W3C keeps the open document's title")
			}
			assert.Equal(t, summarise(src, h), summarise(in.Project, h))
			assert.Empty(t, in.Report.Skipped, "the article fits every format that opens")
		})
	}
}

func TestImportReadsLabelStudioTasksOutsideTheZip(t *testing.T) {
	src := annotatedProject(t)
	d, err := exchange.Export(src, exchange.LabelStudio, exchange.Options{Base: base})
	require.NoError(t, err)
	tasks := exchangetest.ZipFile(t, d.Data, base+".tasks.json")
	require.Equal(t, exchange.LabelStudio, exchange.Detect("project-1-at-2026.json", tasks))
	in, err := exchange.Import("project-1-at-2026.json", tasks, annotation.Project{})
	require.NoError(t, err)
	h := exchangetest.RoundTrips()[exchange.LabelStudio]
	assert.Equal(t, summarise(src, h), summarise(in.Project, h))
}

func TestImportSaysWhyAFileCannotBeRead(t *testing.T) {
	w3cOther := `{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "id": "urn:x:1",
		"body": {"type": "TextualBody", "purpose": "tagging", "value": "claim"},
		"target": {"source": "urn:sayso:doc:0000", "selector": {"type": "TextQuoteSelector", "exact": "nowhere"}}}`
	tests := []struct {
		name, file, data string
		readBy           string // the format whose reader failed, "" when none was tried
		says             string
	}{
		{"unknown text", "notes.txt", "Just some notes.\nNothing to see.\n", "", "Sayso cannot tell which format it is in. It opens Sayso project, brat standoff, W3C Web Annotation, CoNLL (BIO), Label Studio, doccano, Citron (quote attribution) and WebAnno TSV 3.3 (INCEpTION) files."},
		{"JSONL dataset export", "claims.jsonl", `{"document_id": "d1", "claim_id": "a3", "offset_unit": "codepoint"}`, "", "which Sayso writes but cannot read back"},
		{"CSV dataset export", "claims.csv", "document_id,document_title,claim_id,quote\n", "", "cannot read back"},
		{"not a zip", "story.zip", "PK\x03\x04 this is no archive", "brat standoff", "zip"},
		{"zip without brat files", "story.zip", "zip:notes.md", "brat standoff", ""},
		{"W3C annotations of another text", "other.jsonld", w3cOther, "W3C Web Annotation", "carry no text"},
		{"Label Studio zip without tasks", "x.labelstudio.zip", "zip:x.config.xml", "Label Studio", "no Label Studio tasks"},
		{"CoNLL without tokens", "empty.conll", "# sayso conll = 1\n\n", "CoNLL (BIO)", "no CoNLL token lines"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := exchange.Import(tt.file, dataOf(t, tt.data), annotation.Project{})
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.says)
			var re *exchange.ReadError
			if tt.readBy == "" {
				assert.NotErrorAs(t, err, &re)
				return
			}
			require.ErrorAs(t, err, &re)
			assert.Equal(t, tt.readBy, re.Format.Name)
		})
	}
}

func TestImportAsAFormatThatDoesNotOpenNamesIt(t *testing.T) {
	r := exchange.NewRegistry(format.Codec{Info: format.Info{ID: "x", Name: "Ex"}})
	_, err := r.ImportAs("x", []byte("hi"), annotation.Project{})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "it looks like a Ex file, which this version of Sayso cannot open")
}

func TestDetectTellsEachShape(t *testing.T) {
	tests := []struct {
		name, file, data, want string
	}{
		{"native by its format field", "x.json", `{"format": "sayso", "version": 1}`, exchange.Native},
		{"native by name when broken", "x.sayso.json", `{"format": "say`, exchange.Native},
		{"W3C by context", "x.json", `{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection"}`, exchange.W3C},
		{"W3C array of annotations", "x.json", `[{"type": "Annotation", "target": "urn:x"}]`, exchange.W3C},
		{"W3C by name", "x.jsonld", `not json`, exchange.W3C},
		{"Label Studio tasks", "x.json", `[{"data": {"text": "Hi"}, "annotations": []}]`, exchange.LabelStudio},
		{"Label Studio single task", "x.json", `{"data": {"text": "Hi"}}`, exchange.LabelStudio},
		{"Label Studio zip", "x.zip", "zip:tasks.json,config.xml", exchange.LabelStudio},
		{"doccano JSONL", "x.jsonl", "{\"text\": \"Hi\", \"entities\": [], \"relations\": []}\n{\"text\": \"Ho\", \"entities\": []}\n", exchange.Doccano},
		{"doccano labels", "x.json", `{"text": "Hi", "label": [[0, 2, "claim"]]}`, exchange.Doccano},
		{"older doccano with data", "x.json", `[{"data": "Hi", "label": [[0, 2, "claim"]]}]`, exchange.Doccano},
		{"Citron", "x.json", `{"text": "Hi", "quotes": [], "coreference_groups": []}`, exchange.Citron},
		{"JSONL dataset", "x.jsonl", `{"document_id": "d1", "claim_id": "a3", "offset_unit": "codepoint"}`, exchange.JSONL},
		{"CSV dataset with BOM", "x.csv", "\uFEFFdocument_id,document_title,claim_id\n", exchange.CSV},
		{"Sayso CoNLL", "x.txt", "# sayso conll = 1\n# offset_unit = codepoint\n", exchange.CoNLL},
		{"plain CoNLL", "x.txt", "Ana B-speaker\nsaid O\nhi B-claim\n.\tO\n", exchange.CoNLL},
		{"CoNLL 2003", "x.txt", "-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\n", exchange.CoNLL},
		{"CoNLL by name", "x.conll", "Ana speaker\n", exchange.CoNLL},
		{"brat zip", "x.zip", "zip:a.txt,a.ann,annotation.conf", exchange.Brat},
		{"brat texts only", "x.zip", "zip:a.txt", exchange.Brat},
		{"zip of other files goes by name", "x.labelstudio.zip", "zip:notes.md", exchange.LabelStudio},
		{"WebAnno TSV", "x.tsv", "#FORMAT=WebAnno TSV 3.3\n#T_SP=webanno.custom.Attribution|label\n\n\n#Text=Hi\n1-1\t0-2\tHi\tclaim\t\n", exchange.WebAnno},
		{"WebAnno TSV with a byte order mark", "x.txt", "\uFEFF#FORMAT=WebAnno TSV 3.2\n", exchange.WebAnno},
		{"a zip of other TSV files is not WebAnno", "x.zip", "zip:a.tsv", exchange.Brat},
		{"prose", "x.txt", "It was a dark and stormy night.\nThe end.\n", ""},
		{"unknown JSON", "x.data", `{"hello": "world"}`, ""},
		{"unknown JSON named .json goes to the native reader", "x.json", `{"hello": "world"}`, exchange.Native},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, exchange.Detect(tt.file, dataOf(t, tt.data)))
		})
	}
}

func TestDetectByNameAloneWhenTheContentDoesNotTell(t *testing.T) {
	tests := []struct{ file, want string }{
		{"work.sayso.json", exchange.Native},
		{"WORK.SAYSO.JSON", exchange.Native},
		{"x.json", exchange.Native},
		{"x.labelstudio.json", exchange.LabelStudio},
		{"x.labelstudio.zip", exchange.LabelStudio},
		{"x.doccano.jsonl", exchange.Doccano},
		{"x.citron.json", exchange.Citron},
		{"x.jsonld", exchange.W3C},
		{"x.conll", exchange.CoNLL},
		{"x.conllu", exchange.CoNLL},
		{"x.iob", exchange.CoNLL},
		{"x.bio", exchange.CoNLL},
		{"x.brat.zip", exchange.Brat},
		{"x.zip", exchange.Brat},
		{"x.csv", exchange.CSV},
		{"x.webanno.tsv", exchange.WebAnno},
		{"x.webanno.zip", exchange.WebAnno},
		{" x.csv ", exchange.CSV},
		{"x.jsonl", ""},
		{"x.txt", ""},
		{"", ""},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			assert.Equal(t, tt.want, exchange.Detect(tt.file, []byte("undecided")))
		})
	}
}

func TestProjectFilesRoundTripThroughEncodeAndOpen(t *testing.T) {
	p := annotatedProject(t)
	data, err := exchange.EncodeProject(p)
	require.NoError(t, err)
	decoded, err := exchange.DecodeProject(data)
	require.NoError(t, err)
	assert.Equal(t, p, decoded)
	store, repairs, err := exchange.OpenProject(data, nil)
	require.NoError(t, err)
	assert.Empty(t, repairs)
	assert.Equal(t, p, store.Project())
	assert.True(t, strings.HasSuffix("x"+exchange.ProjectExtension, ".sayso.json"))
}

func TestDetectByNameTakesTheLongestEndingAFormatClaims(t *testing.T) {
	short := format.Codec{Info: format.Info{ID: "short", Names: []string{".json"}}}
	long := format.Codec{Info: format.Info{ID: "long", Names: []string{".x.json"}}}
	again := format.Codec{Info: format.Info{ID: "again", Names: []string{".json"}}}
	r := exchange.NewRegistry(short, long, again)
	assert.Equal(t, "long", r.Detect("a.X.JSON", []byte("?")))
	assert.Equal(t, "short", r.Detect("a.json", []byte("?")), "the first of two equal endings wins")
	assert.Equal(t, "", r.Detect("a.jsonl", []byte("?")))
}

// twoDocuments is a project of the article and a second, short one, each
// with an attributed claim.
func twoDocuments(t *testing.T) *annotation.Store {
	t.Helper()
	s := annotation.New(annotation.DefaultSchema(), "Ana", formattest.Clock)
	first, err := s.AddDocument(articleTitle, articleText)
	require.NoError(t, err)
	second, err := s.AddDocument("Second article", "Ana Lopes said the ferry will run again in May.\n")
	require.NoError(t, err)
	attribute(t, s, first, "Tomas Reyes", "called", "“a slow death for small businesses.”", "against")
	attribute(t, s, second, "Ana Lopes", "said", "the ferry will run again in May", "neutral")
	return s
}

func TestExportAsWebAnnoZipsSeveralDocumentsAndImportReadsThemAll(t *testing.T) {
	s := twoDocuments(t)

	got, err := exchange.Export(s.Project(), exchange.WebAnno, exchange.Options{Base: "two"})
	require.NoError(t, err)
	assert.Equal(t, "two.webanno.zip", got.Name)
	assert.Equal(t, "application/zip", got.MIME)
	assert.Equal(t, exchange.WebAnno, exchange.Detect(got.Name, got.Data))

	back, err := exchange.Import(got.Name, got.Data, annotation.Project{})
	require.NoError(t, err)
	require.Len(t, back.Project.Documents, 2)
	assert.Equal(t, summarise(s.Project(), exchangetest.Held{Stance: true, Links: true}),
		summarise(back.Project, exchangetest.Held{Stance: true, Links: true}))
}

func TestExportAsCitronZipsSeveralDocumentsUnderItsOwnName(t *testing.T) {
	s := twoDocuments(t)

	got, err := exchange.Export(s.Project(), exchange.Citron, exchange.Options{Base: "two"})
	require.NoError(t, err)
	assert.Equal(t, "two.citron.zip", got.Name)
	assert.Equal(t, "application/zip", got.MIME)
	assert.Equal(t, exchange.Citron, exchange.Detect("renamed.zip", got.Data), "told by content, not by name")

	back, err := exchange.Import(got.Name, got.Data, annotation.Project{})
	require.NoError(t, err)
	assert.Len(t, back.Project.Documents, 2)
	assert.Equal(t, exchange.Citron, back.Format.ID)
}

func TestDetectFindsDoccanoWithColumnsNamedByThePerson(t *testing.T) {
	data := `{"body": "Ana said hi.", "spans": [[0, 3, "speaker"], [9, 11, "claim"]]}`
	assert.Equal(t, exchange.Doccano, exchange.Detect("x.json", []byte(data)))
}

func TestImportPlacesAnotherToolsW3CAnnotationsOnTheOpenText(t *testing.T) {
	current := annotatedProject(t)
	// A Hypothesis-style annotation: its source is the page's address and
	// it finds its place by quote and context.
	data := `{"@context": "http://www.w3.org/ns/anno.jsonld", "id": "https://hyp.example/a1", "type": "Annotation",
		"body": [{"type": "TextualBody", "value": "worth checking", "purpose": "commenting"}],
		"target": {"source": "https://news.example/harbour", "selector": [
			{"type": "TextQuoteSelector", "exact": "Tomas Reyes", "prefix": "the vote.\n", "suffix": ", who runs"}]}}`
	got, err := exchange.Import("notes.jsonld", []byte(data), current)
	require.NoError(t, err)
	require.Len(t, got.Project.Documents, 1)
	assert.Equal(t, articleTitle, got.Project.Documents[0].Title, "the open document's title is kept")
	require.Len(t, got.Project.Annotations, 1)
	assert.Equal(t, "Tomas Reyes", got.Project.Annotations[0].Quote)
	assert.Contains(t, got.Report.String(), "1 of 1 annotation made on https://news.example/harbour was placed on the open text")
}

func TestDetectTellsCoNLLByTheShareOfTaggedLines(t *testing.T) {
	lines := func(ls ...string) string { return strings.Join(ls, "\n") + "\n" }
	repeat := func(n int, l string) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = l
		}
		return out
	}
	// 29 of the first 40 lines end in a tag (less than three in four);
	// the tagged 41st line is past what detection reads.
	first40 := append(append(repeat(29, "Ana O"), repeat(11, "Ana")...), "Ana O")
	tests := []struct {
		name, data, want string
	}{
		{"three lines in four end in a tag", lines("Ana B-speaker", "said O", "hi B-claim", "."), exchange.CoNLL},
		{"fewer than three in four", lines("Ana B-speaker", "said O", "hi", "."), ""},
		{"prose with one line ending like a tag", lines("We flew", "in a", "B-52", "over the", "sea", "and flew", "back in a", "B-52 B-52"), ""},
		{"a prefix without a label is no tag", lines("Ana B-", "said O"), ""},
		{"nothing but comments and blank lines", lines("# a note", "", "# another"), ""},
		{"only the first 40 lines are read", lines(first40...), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.want, exchange.Detect("x.txt", []byte(tt.data)))
		})
	}
}

func TestUnreadableFilesNameTheFormatsThatOpenAsAList(t *testing.T) {
	opens := func(id, name string) format.Codec {
		return format.Codec{Info: format.Info{ID: id, Name: name, Opens: true},
			Read: func(format.Input) (annotation.Project, format.Report, error) {
				return annotation.Project{}, format.Report{}, nil
			}}
	}
	tests := []struct {
		name   string
		codecs []format.Codec
		want   string
	}{
		{"one", []format.Codec{opens("a", "A")}, "It opens A files."},
		{"two", []format.Codec{opens("a", "A"), opens("b", "B")}, "It opens A and B files."},
		{"three", []format.Codec{opens("a", "A"), opens("b", "B"), opens("c", "C")}, "It opens A, B and C files."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := exchange.NewRegistry(tt.codecs...).Import("notes.txt", []byte("Just some notes.\n"), annotation.Project{})
			require.Error(t, err)
			assert.Equal(t, "Sayso cannot tell which format it is in. "+tt.want, err.Error())
		})
	}
}
