package app

import (
	"fmt"
	"sort"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/annotation"
	"sayso/internal/exchange"
	"sayso/internal/exchange/exchangetest"
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

// summary is an annotation as formats can keep it: by quote, not by id.
type summary struct {
	Label, Quote, Stance, Mention, Cue string
}

// summarise describes the annotations of the shown document, sorted, with
// only what h says the format holds.
func summarise(st *State, h exchangetest.Held) []summary {
	var out []summary
	for _, a := range st.Store.Annotations(st.Doc) {
		s := summary{Label: a.Label, Quote: a.Quote}
		if h.Stance {
			s.Stance = a.Stance
		}
		if h.Links {
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

func TestExportAsOffersOneNamedDownloadPerFormat(t *testing.T) {
	for _, f := range exchange.Formats() {
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
	got := exportAs(t, st, exchange.Native)
	assert.Equal(t, want, []Effect{got})
}

func TestExportAsSaysWhatTheFormatDropped(t *testing.T) {
	st := annotatedState(t)
	// A speaker mention inside the claim: CoNLL keeps the claim only.
	Update(st, Tag{Label: annotation.LabelSpeaker, Sel: cp(t, SampleText, "people")})
	st.Message = Message{}
	exportAs(t, st, exchange.CoNLL)
	assert.Equal(t, "info", st.Message.Kind)
	assert.Contains(t, st.Message.Text, "Left out (4)")
	assert.Contains(t, st.Message.Text, "“people”", "the dropped span is named")
}

func TestExportAsRefusesWithoutArticleOrUnknownFormat(t *testing.T) {
	st := NewState(fixedClock)
	effects, _ := ApplyFormatAction(st, ExportAs{Format: exchange.CoNLL})
	assert.Empty(t, effects)
	assert.Contains(t, st.Message.Text, "nothing to export")

	st = annotatedState(t)
	effects, _ = ApplyFormatAction(st, ExportAs{Format: "docx"})
	assert.Empty(t, effects)
	assert.Equal(t, "error", st.Message.Kind)
	assert.Contains(t, st.Message.Text, `"docx"`)
}

func TestImportFileBringsBackWhatEachFormatHolds(t *testing.T) {
	for _, f := range exchange.Formats() {
		if !f.Opens {
			continue
		}
		t.Run(f.ID, func(t *testing.T) {
			h, ok := exchangetest.RoundTrips()[f.ID]
			require.True(t, ok, "add %s to roundTrips", f.ID)
			src := annotatedState(t)
			d := exportAs(t, src, f.ID)

			dst := NewState(fixedClock)
			if f.ID == exchange.W3C {
				// W3C annotations carry no text: open the article first.
				Update(dst, LoadSample{})
			}
			importFile(t, dst, d.Name, d.Data)
			require.Equal(t, "info", dst.Message.Kind, dst.Message.Text)
			require.NotEmpty(t, dst.Doc)
			doc, _, _ := dst.Store.Document(dst.Doc)
			assert.Equal(t, SampleText, doc.Text)
			assert.Equal(t, summarise(src, h), summarise(dst, h))
			assert.Equal(t, f.ID, exchange.Detect(d.Name, d.Data), "the export is detected as its format")
		})
	}
}

func TestImportFileNativeBehavesLikeImport(t *testing.T) {
	data := exportAs(t, annotatedState(t), exchange.Native).Data
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
	d := exportAs(t, st, exchange.W3C)
	importFile(t, st, d.Name, d.Data)
	require.Equal(t, "info", st.Message.Kind, st.Message.Text)
	assert.Equal(t, SampleTitle, Title(st))
}

func TestImportFileReportsEachThingNotMapped(t *testing.T) {
	ann := "T1\tSource 0 7\tHarbour\nT2\tSource 8 12\ttown\nR1\tKnows Arg1:T1 Arg2:T2\n"
	data := exchangetest.Zip(t, map[string]string{"story.txt": SampleText, "story.ann": ann})
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
		{"zip without brat files", "story.zip", exchangetest.Zip(t, map[string]string{"notes.md": "hello"}), "brat"},
		{"W3C annotations of another text", "other.jsonld", []byte(w3cOther), "carry no text"},
		{"W3C that is not JSON", "broken.jsonld", []byte(`{"@context": "http://www.w3.org/ns/anno.jsonld", `), "broken.jsonld"},
		{"Label Studio zip without tasks", "x.labelstudio.zip", exchangetest.Zip(t, map[string]string{"x.config.xml": "<View/>"}), "no Label Studio tasks"},
		{"Label Studio tasks that are not tasks", "tasks.json", []byte(`[{"data": {"text": 3}}]`), "Label Studio"},
		{"doccano line that is not doccano", "x.doccano.jsonl", []byte(`{"text": 3, "entities": []}` + "\n"), "doccano"},
		{"CoNLL without tokens", "empty.conll", []byte("# sayso conll = 1\n\n"), "CoNLL"},
		{"JSONL dataset export", "claims.jsonl", []byte(`{"document_id": "d1", "claim_id": "a3", "offset_unit": "codepoint"}` + "\n"), "cannot read back"},
		{"CSV dataset export", "claims.csv", []byte("document_id,document_title,claim_id,quote\n"), "cannot read back"},
		{"unknown text", "notes.txt", []byte("Just some notes.\nNothing to see.\n"), "cannot tell which format"},
		{"oversized file", "huge.conll", make([]byte, MaxImportBytes+1), "the file is 64.0 MB; Sayso opens files of up to 64 MB."},
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
	d := exportAs(t, annotatedState(t), exchange.W3C)
	st := NewState(fixedClock)
	importFile(t, st, d.Name, d.Data)
	assert.Equal(t, "error", st.Message.Kind)
	assert.Contains(t, st.Message.Text, "carry no text")
	assert.Empty(t, st.Doc)
}

func TestApplyFormatActionLeavesOtherActionsToUpdate(t *testing.T) {
	st := annotatedState(t)
	effects, handled := ApplyFormatAction(st, Undo{})
	assert.False(t, handled)
	assert.Nil(t, effects)
	assert.Equal(t, 6, st.Store.Len())
}

func TestImportFileReadsLabelStudioTasksOutsideTheZip(t *testing.T) {
	src := annotatedState(t)
	d := exportAs(t, src, exchange.LabelStudio)
	tasks := exchangetest.ZipFile(t, d.Data, FileName(SampleTitle)+".tasks.json")
	require.Equal(t, exchange.LabelStudio, exchange.Detect("project-1-at-2026.json", tasks))

	st := NewState(fixedClock)
	importFile(t, st, "project-1-at-2026.json", tasks)
	require.Equal(t, "info", st.Message.Kind, st.Message.Text)
	assert.Contains(t, st.Message.Text, "(Label Studio)")
	h := exchangetest.RoundTrips()[exchange.LabelStudio]
	assert.Equal(t, summarise(src, h), summarise(st, h))
}

func TestAFileOfExactlyTheImportLimitIsRead(t *testing.T) {
	st := annotatedState(t)
	data := make([]byte, MaxImportBytes)
	copy(data, "PK\x03\x04")
	importFile(t, st, "huge.zip", data)
	assert.Equal(t, "error", st.Message.Kind)
	assert.NotContains(t, st.Message.Text, "up to 64 MB", "read, and refused for what it holds")
}

func TestImportFileSaysWhatItOpenedAndNothingMore(t *testing.T) {
	data := exchangetest.Zip(t, map[string]string{"story.txt": SampleText, "story.ann": "T1\tSource 0 7\tHarbour\n"})
	st := NewState(fixedClock)
	importFile(t, st, "story.zip", data)
	assert.Equal(t, "Opened “story.zip” (brat standoff): 1 document, 1 annotation, 0 links.", st.Message.Text,
		"nothing left unmapped and nothing repaired: no more lines")
}

func TestAnImportedProjectThatDoesNotFitTogetherIsRepaired(t *testing.T) {
	p := annotatedState(t).Store.Project()
	s, notes, err := loadImported(p, fixedClock)
	require.NoError(t, err)
	assert.Empty(t, notes, "a project that loads needs no repair")
	assert.Equal(t, p, s.Project())

	broken := annotatedState(t).Store.Project()
	broken.Annotations[1].ID = broken.Annotations[0].ID
	s, notes, err = loadImported(broken, fixedClock)
	require.NoError(t, err)
	require.NotNil(t, s)
	assert.NotEmpty(t, notes, "the repair is reported")
	assert.Len(t, s.Project().Annotations, len(broken.Annotations), "nothing dropped")
}
