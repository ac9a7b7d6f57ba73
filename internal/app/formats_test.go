package app

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/format"
)

// The quotes the annotated sample state tags.
const (
	okaforMention = "Mayor Ines Okafor"
	okaforCue     = "said"
	okaforClaim   = "“Our streets were built for people, not for parking,”"
	reyesMention  = "Tomas Reyes"
	reyesCue      = "called"
	reyesClaim    = "“a slow death for small businesses.”"
)

// annotatedState is the sample article with two attributed claims: each
// with a speaker mention, a cue, a stance and both links. No two spans
// overlap, so that every format can hold all of them.
func annotatedState(t *testing.T) *State {
	t.Helper()
	st := sampleState(t)
	attribute(t, st, okaforMention, okaforCue, okaforClaim, "favor")
	attribute(t, st, reyesMention, reyesCue, reyesClaim, "against")
	require.Equal(t, 6, st.Store.Len())
	st.Message = Message{}
	return st
}

// attribute tags a speaker mention, a cue and a claim, and gives the claim
// a stance and links to both.
func attribute(t *testing.T, st *State, mention, cue, claim, stance string) {
	t.Helper()
	Update(st, Tag{Label: annotation.LabelSpeaker, Sel: cp(t, SampleText, mention)})
	Update(st, Tag{Label: annotation.LabelCue, Sel: cp(t, SampleText, cue)})
	cueID := st.Selected
	Update(st, Tag{Label: annotation.LabelClaim, Sel: cp(t, SampleText, claim)})
	Update(st, SetStance{Value: stance})
	Update(st, LinkNearest{})
	Update(st, LinkCue{CueID: cueID})
	require.NotEqual(t, "error", st.Message.Kind, st.Message.Text)
}

// held is what a format can carry back through an import.
type held struct{ stance, links bool }

// roundTrips says, for every format Open reads, what an export of it
// brings back besides quotes and labels.
func roundTrips() map[string]held {
	return map[string]held{
		FormatNative:      {stance: true, links: true},
		FormatBrat:        {stance: true, links: true},
		FormatW3C:         {stance: true, links: true},
		FormatCoNLL:       {},
		FormatLabelStudio: {stance: true, links: true},
		FormatDoccano:     {stance: false, links: true},
		FormatCitron:      {stance: false, links: true},
	}
}

// summary is an annotation as formats can keep it: by quote, not by id.
type summary struct {
	Label, Quote, Stance, Mention, Cue string
}

// summarise describes the annotations of the shown document, sorted, with
// only what h says the format holds.
func summarise(st *State, h held) []summary {
	var out []summary
	for _, a := range st.Store.Annotations(st.Doc) {
		s := summary{Label: a.Label, Quote: a.Quote}
		if h.stance {
			s.Stance = a.Stance
		}
		if h.links {
			s.Mention = quoteOf(st, a.SpeakerMention)
			s.Cue = quoteOf(st, a.Cue)
		}
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return fmt.Sprint(out[i]) < fmt.Sprint(out[j]) })
	return out
}

func quoteOf(st *State, id string) string {
	if a, ok := st.Store.Annotation(id); ok {
		return a.Quote
	}
	return ""
}

// exportAs runs ExportAs and returns its one download.
func exportAs(t *testing.T, st *State, id string) Download {
	t.Helper()
	effects, handled := ApplyFormatAction(st, ExportAs{Format: id})
	require.True(t, handled)
	require.Len(t, effects, 1, "one download: %s", st.Message.Text)
	d, ok := effects[0].(Download)
	require.True(t, ok, "the effect is a download")
	return d
}

// importFile runs ImportFile.
func importFile(t *testing.T, st *State, name string, data []byte) {
	t.Helper()
	effects, handled := ApplyFormatAction(st, ImportFile{Name: name, Data: data})
	require.True(t, handled)
	assert.Empty(t, effects)
}

func TestFormatsListTheMenuInOrderWithWhatEachLoses(t *testing.T) {
	fs := Formats()
	require.NotEmpty(t, fs)
	assert.Equal(t, FormatNative, fs[0].ID, "the lossless native format comes first")
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
		if f.ID == FormatNative {
			assert.Empty(t, f.Loses, "the native format loses nothing")
		} else {
			assert.NotEmpty(t, f.Loses, "%s must say what it cannot hold", f.ID)
			assert.Equal(t, 1, strings.Count(strings.TrimSuffix(f.Loses, "."), ". ")+1, "%s: Loses is one sentence", f.ID)
		}
		if f.CanImport {
			_, ok := roundTrips()[f.ID]
			assert.True(t, ok, "%s reads files: add it to roundTrips", f.ID)
		}
	}
	for _, id := range []string{FormatNative, FormatJSONL, FormatCSV, FormatCSVBOM, FormatBrat, FormatW3C, FormatCoNLL} {
		assert.True(t, ids[id], "%s is offered", id)
	}
}

func TestExportAsOffersOneNamedDownloadPerFormat(t *testing.T) {
	for _, f := range Formats() {
		t.Run(f.ID, func(t *testing.T) {
			st := annotatedState(t)
			before := st.Store.Project()
			d := exportAs(t, st, f.ID)
			assert.Equal(t, FileName(SampleTitle)+f.Extension, d.Name)
			assert.Equal(t, f.MIME, d.Type)
			assert.NotEmpty(t, d.Data)
			assert.Equal(t, before, st.Store.Project(), "exporting changes nothing")
			if f.Loses == "" {
				assert.Empty(t, st.Message.Text, "a lossless export needs no message")
				return
			}
			assert.Equal(t, "info", st.Message.Kind)
			assert.Contains(t, st.Message.Text, d.Name)
		})
	}
}

func TestExportAsNativeMatchesExport(t *testing.T) {
	st := annotatedState(t)
	want := Update(st, Export{})
	got := exportAs(t, st, FormatNative)
	assert.Equal(t, want, []Effect{got})
}

func TestExportAsSpreadsheetCSVStartsWithBOM(t *testing.T) {
	st := annotatedState(t)
	plain := exportAs(t, st, FormatCSV)
	excel := exportAs(t, st, FormatCSVBOM)
	assert.False(t, bytes.HasPrefix(plain.Data, []byte("\uFEFF")))
	assert.True(t, bytes.HasPrefix(excel.Data, []byte("\uFEFF")))
	assert.Contains(t, string(excel.Data), "\r\n")
}

func TestExportAsBratIsAZipOfPairsAndConfiguration(t *testing.T) {
	d := exportAs(t, annotatedState(t), FormatBrat)
	names := zipNames(t, d.Data)
	base := FileName(SampleTitle)
	assert.Contains(t, names, strings.ReplaceAll(base, " ", "-")+".ann")
	assert.Contains(t, names, "annotation.conf")
}

func TestExportAsSaysWhatTheFormatDropped(t *testing.T) {
	st := annotatedState(t)
	// A speaker mention inside the claim: CoNLL keeps the claim only.
	Update(st, Tag{Label: annotation.LabelSpeaker, Sel: cp(t, SampleText, "people")})
	st.Message = Message{}
	exportAs(t, st, FormatCoNLL)
	assert.Equal(t, "info", st.Message.Kind)
	assert.Contains(t, st.Message.Text, "Left out (4)")
	assert.Contains(t, st.Message.Text, "“people”", "the dropped span is named")
}

func TestExportAsRefusesWithoutArticleOrUnknownFormat(t *testing.T) {
	st := NewState(fixedClock)
	effects, _ := ApplyFormatAction(st, ExportAs{Format: FormatCoNLL})
	assert.Empty(t, effects)
	assert.Contains(t, st.Message.Text, "nothing to export")

	st = annotatedState(t)
	effects, _ = ApplyFormatAction(st, ExportAs{Format: "docx"})
	assert.Empty(t, effects)
	assert.Equal(t, "error", st.Message.Kind)
	assert.Contains(t, st.Message.Text, `"docx"`)
}

func TestImportFileBringsBackWhatEachFormatHolds(t *testing.T) {
	for _, f := range Formats() {
		if !f.CanImport {
			continue
		}
		t.Run(f.ID, func(t *testing.T) {
			h, ok := roundTrips()[f.ID]
			require.True(t, ok, "add %s to roundTrips", f.ID)
			src := annotatedState(t)
			d := exportAs(t, src, f.ID)

			dst := NewState(fixedClock)
			if f.ID == FormatW3C {
				// W3C annotations carry no text: open the article first.
				Update(dst, LoadSample{})
			}
			importFile(t, dst, d.Name, d.Data)
			require.Equal(t, "info", dst.Message.Kind, dst.Message.Text)
			require.NotEmpty(t, dst.Doc)
			doc, _, _ := dst.Store.Document(dst.Doc)
			assert.Equal(t, SampleText, doc.Text)
			assert.Equal(t, summarise(src, h), summarise(dst, h))
			assert.Equal(t, f.ID, Detect(d.Name, d.Data), "the export is detected as its format")
		})
	}
}

func TestImportFileNativeBehavesLikeImport(t *testing.T) {
	data := exportAs(t, annotatedState(t), FormatNative).Data
	viaImport := sampleState(t)
	Update(viaImport, Import{Name: "work.sayso.json", Data: data})
	viaFile := sampleState(t)
	importFile(t, viaFile, "work.sayso.json", data)
	assert.Equal(t, viaImport.Store.Project(), viaFile.Store.Project())
	assert.Equal(t, viaImport.Message, viaFile.Message)
	assert.Equal(t, viaImport.Doc, viaFile.Doc)
}

func TestImportFileW3CKeepsTheOpenDocumentsTitle(t *testing.T) {
	st := annotatedState(t)
	d := exportAs(t, st, FormatW3C)
	importFile(t, st, d.Name, d.Data)
	require.Equal(t, "info", st.Message.Kind, st.Message.Text)
	assert.Equal(t, SampleTitle, Title(st))
}

func TestImportFileReportsEachThingNotMapped(t *testing.T) {
	ann := "T1\tSource 0 7\tHarbour\nT2\tSource 8 12\ttown\nR1\tKnows Arg1:T1 Arg2:T2\n"
	data := zipOf(t, map[string]string{"story.txt": SampleText, "story.ann": ann})
	st := NewState(fixedClock)
	importFile(t, st, "story.zip", data)
	require.Equal(t, "info", st.Message.Kind, st.Message.Text)
	assert.Contains(t, st.Message.Text, "“story.zip” (brat standoff)")
	assert.Contains(t, st.Message.Text, "1 document, 2 annotations, 0 links")
	assert.Contains(t, st.Message.Text, "Not mapped (1)")
	assert.Contains(t, st.Message.Text, "R1")
	assert.Equal(t, 2, st.Store.Len())
}

func TestImportFileBadFilesLeaveTheWorkUntouched(t *testing.T) {
	w3cOther := `{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "Annotation", "id": "urn:x:1",
		"body": {"type": "TextualBody", "purpose": "tagging", "value": "claim"},
		"target": {"source": "urn:sayso:doc:0000", "selector": {"type": "TextQuoteSelector", "exact": "nowhere"}}}`
	tests := []struct {
		name, file string
		data       []byte
		says       string
	}{
		{"empty file", "empty.json", nil, "Could not open “empty.json”"},
		{"broken native file", "work.sayso.json", []byte(`{"format": "sayso", "version": 1, "documents": [`), "work.sayso.json"},
		{"not a zip", "story.zip", []byte("PK\x03\x04 this is no archive"), "brat"},
		{"zip without brat files", "story.zip", zipOf(t, map[string]string{"notes.md": "hello"}), "brat"},
		{"W3C annotations of another text", "other.jsonld", []byte(w3cOther), "carry no text"},
		{"W3C that is not JSON", "broken.jsonld", []byte(`{"@context": "http://www.w3.org/ns/anno.jsonld", `), "broken.jsonld"},
		{"Label Studio zip without tasks", "x.labelstudio.zip", zipOf(t, map[string]string{"x.config.xml": "<View/>"}), "no Label Studio tasks"},
		{"Label Studio tasks that are not tasks", "tasks.json", []byte(`[{"data": {"text": 3}}]`), "Label Studio"},
		{"doccano line that is not doccano", "x.doccano.jsonl", []byte(`{"text": 3, "entities": []}` + "\n"), "doccano"},
		{"CoNLL without tokens", "empty.conll", []byte("# sayso conll = 1\n\n"), "CoNLL"},
		{"JSONL dataset export", "claims.jsonl", []byte(`{"document_id": "d1", "claim_id": "a3", "offset_unit": "codepoint"}` + "\n"), "cannot read back"},
		{"CSV dataset export", "claims.csv", []byte("document_id,document_title,claim_id,quote\n"), "cannot read back"},
		{"unknown text", "notes.txt", []byte("Just some notes.\nNothing to see.\n"), "cannot tell which format"},
		{"oversized file", "huge.conll", make([]byte, MaxImportBytes+1), "up to 64 MB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := annotatedState(t)
			before, doc := st.Store.Project(), st.Doc
			importFile(t, st, tt.file, tt.data)
			assert.Equal(t, "error", st.Message.Kind)
			assert.Contains(t, st.Message.Text, "“"+tt.file+"”", "the message names the file")
			assert.Contains(t, st.Message.Text, tt.says)
			assert.Equal(t, before, st.Store.Project(), "the work is untouched")
			assert.Equal(t, doc, st.Doc)
		})
	}
}

func TestImportFileW3CWithoutOpenTextExplainsWhy(t *testing.T) {
	d := exportAs(t, annotatedState(t), FormatW3C)
	st := NewState(fixedClock)
	importFile(t, st, d.Name, d.Data)
	assert.Equal(t, "error", st.Message.Kind)
	assert.Contains(t, st.Message.Text, "carry no text")
	assert.Empty(t, st.Doc)
}

func TestDetectTellsEachShape(t *testing.T) {
	tests := []struct {
		name, file, data, want string
	}{
		{"native by its format field", "x.json", `{"format": "sayso", "version": 1}`, FormatNative},
		{"native by name when broken", "x.sayso.json", `{"format": "say`, FormatNative},
		{"W3C by context", "x.json", `{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection"}`, FormatW3C},
		{"W3C array of annotations", "x.json", `[{"type": "Annotation", "target": "urn:x"}]`, FormatW3C},
		{"W3C by name", "x.jsonld", `not json`, FormatW3C},
		{"Label Studio tasks", "x.json", `[{"data": {"text": "Hi"}, "annotations": []}]`, FormatLabelStudio},
		{"Label Studio single task", "x.json", `{"data": {"text": "Hi"}}`, FormatLabelStudio},
		{"Label Studio zip", "x.zip", "zip:tasks.json,config.xml", FormatLabelStudio},
		{"doccano JSONL", "x.jsonl", "{\"text\": \"Hi\", \"entities\": [], \"relations\": []}\n{\"text\": \"Ho\", \"entities\": []}\n", FormatDoccano},
		{"doccano labels", "x.json", `{"text": "Hi", "label": [[0, 2, "claim"]]}`, FormatDoccano},
		{"older doccano with data", "x.json", `[{"data": "Hi", "label": [[0, 2, "claim"]]}]`, FormatDoccano},
		{"Citron", "x.json", `{"text": "Hi", "quotes": [], "coreference_groups": []}`, FormatCitron},
		{"JSONL dataset", "x.jsonl", `{"document_id": "d1", "claim_id": "a3", "offset_unit": "codepoint"}`, FormatJSONL},
		{"CSV dataset with BOM", "x.csv", "\uFEFFdocument_id,document_title,claim_id\n", FormatCSV},
		{"Sayso CoNLL", "x.txt", "# sayso conll = 1\n# offset_unit = codepoint\n", FormatCoNLL},
		{"plain CoNLL", "x.txt", "Ana B-speaker\nsaid O\nhi B-claim\n.\tO\n", FormatCoNLL},
		{"CoNLL 2003", "x.txt", "-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\n", FormatCoNLL},
		{"CoNLL by name", "x.conll", "Ana speaker\n", FormatCoNLL},
		{"brat zip", "x.zip", "zip:a.txt,a.ann,annotation.conf", FormatBrat},
		{"brat texts only", "x.zip", "zip:a.txt", FormatBrat},
		{"zip of other files goes by name", "x.labelstudio.zip", "zip:notes.md", FormatLabelStudio},
		{"prose", "x.txt", "It was a dark and stormy night.\nThe end.\n", ""},
		{"unknown JSON", "x.data", `{"hello": "world"}`, ""},
		{"unknown JSON named .json goes to the native reader", "x.json", `{"hello": "world"}`, FormatNative},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := []byte(tt.data)
			if names, ok := strings.CutPrefix(tt.data, "zip:"); ok {
				files := map[string]string{}
				for _, n := range strings.Split(names, ",") {
					files[n] = "{}"
				}
				data = zipOf(t, files)
			}
			assert.Equal(t, tt.want, Detect(tt.file, data))
		})
	}
}

func TestApplyFormatActionLeavesOtherActionsToUpdate(t *testing.T) {
	st := annotatedState(t)
	effects, handled := ApplyFormatAction(st, Undo{})
	assert.False(t, handled)
	assert.Nil(t, effects)
	assert.Equal(t, 6, st.Store.Len())
}

// zipOf packs files (sorted by name) into a zip archive.
func zipOf(t *testing.T, files map[string]string) []byte {
	t.Helper()
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	var list []format.File
	for _, n := range names {
		list = append(list, format.File{Name: n, Data: []byte(files[n])})
	}
	data, err := format.Zip(list)
	require.NoError(t, err)
	return data
}

// zipNames lists the files of a zip archive.
func zipNames(t *testing.T, data []byte) []string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	return names
}

func TestExportAsLabelStudioZipsTasksWithTheirConfig(t *testing.T) {
	d := exportAs(t, annotatedState(t), FormatLabelStudio)
	base := FileName(SampleTitle)
	assert.Equal(t, []string{base + ".tasks.json", base + ".config.xml"}, zipNames(t, d.Data))
}

func TestImportFileReadsLabelStudioTasksOutsideTheZip(t *testing.T) {
	src := annotatedState(t)
	d := exportAs(t, src, FormatLabelStudio)
	tasks := zipFile(t, d.Data, FileName(SampleTitle)+".tasks.json")
	require.Equal(t, FormatLabelStudio, Detect("project-1-at-2026.json", tasks))

	st := NewState(fixedClock)
	importFile(t, st, "project-1-at-2026.json", tasks)
	require.Equal(t, "info", st.Message.Kind, st.Message.Text)
	assert.Contains(t, st.Message.Text, "(Label Studio)")
	h := roundTrips()[FormatLabelStudio]
	assert.Equal(t, summarise(src, h), summarise(st, h))
}

// zipFile returns one file of a zip archive.
func zipFile(t *testing.T, data []byte, name string) []byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	require.NoError(t, err)
	rc, err := zr.Open(name)
	require.NoError(t, err)
	defer rc.Close()
	b, err := io.ReadAll(rc)
	require.NoError(t, err)
	return b
}
