package app

// The format registry: the exchange formats the page's Export menu offers
// and Open reads, with the code that writes and reads each one.
//
// Decisions written down here:
//
//   - Every export is one download, so that one click never meets the
//     browser's "this site wants to download several files" prompt (which
//     can block the second file silently). Formats made of several files
//     come as a zip: brat (texts, .ann files, annotation.conf and
//     visual.conf) and Label Studio (the tasks JSON and the labelling
//     configuration XML that matches it; unzip, paste the XML into the
//     project's Labeling Interface → Code, then import the JSON).
//   - File names are the document's title made safe (FileName) plus an
//     extension that names the format where the bare one would be
//     ambiguous (.brat.zip, .labelstudio.zip, .doccano.jsonl,
//     .citron.json), so that exports of one project sit side by side and
//     Open can use the name as a hint.
//   - Open tells the format by the file's content first and its name
//     second (see Detect); an import replaces the project, like opening a
//     native file, and its message lists everything the format's report
//     says was not mapped.

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
	"time"

	"sayso/internal/annotation"
	"sayso/internal/format"
	"sayso/internal/format/brat"
	"sayso/internal/format/citron"
	"sayso/internal/format/conll"
	csvexport "sayso/internal/format/csv"
	"sayso/internal/format/doccano"
	"sayso/internal/format/jsonl"
	"sayso/internal/format/labelstudio"
	"sayso/internal/format/native"
	"sayso/internal/format/w3c"
)

// The IDs of the formats, as ExportAs takes them and Detect returns them.
// Detect may return the ID of a format Sayso recognises but does not
// list in Formats (one whose package is not wired in), so that Open can
// say what the file is.
const (
	FormatNative      = "native"
	FormatJSONL       = "jsonl"
	FormatCSV         = "csv"
	FormatCSVBOM      = "csv-bom"
	FormatBrat        = "brat"
	FormatW3C         = "w3c"
	FormatCoNLL       = "conll"
	FormatLabelStudio = "labelstudio"
	FormatDoccano     = "doccano"
	FormatCitron      = "citron"
)

// MaxImportBytes bounds a file opened with ImportFile; every format
// package takes files up to this size.
const MaxImportBytes = 64 << 20

// Format describes an exchange format for the Export menu, Open and the
// README.
type Format struct {
	ID        string // what ExportAs takes ("conll")
	Name      string // shown in the menu ("CoNLL (BIO)")
	Extension string // ends the download's name, after FileName(title)
	MIME      string // the download's media type
	CanImport bool   // Open reads files in this format
	// Loses says, in one sentence for the menu, what the format cannot
	// hold; "" for a lossless format.
	Loses string
	// Example is one short line of the format, for the README.
	Example string
}

// codec is a Format with the code that writes it and, for formats read
// through the generic import path, reads it. The native format is read by
// State.open, like the Import action, so its read is nil.
type codec struct {
	Format
	write func(p annotation.Project, base string) (exported, error)
	read  func(in imported) (annotation.Project, format.Report, error)
}

// exported is a written file and what its format reported leaving out.
type exported struct {
	data   []byte
	report format.Report
}

// imported is what an importer is given: the file, and the project open
// now (W3C annotations find their text there).
type imported struct {
	data    []byte
	current annotation.Project
}

// codecs returns the formats in menu order, with their code. It builds a
// new slice on every call: the registry holds no mutable state.
func codecs() []codec {
	return []codec{
		{Format: nativeFormat(), write: writeNative},
		{Format: jsonlFormat(), write: writeJSONL},
		{Format: csvFormat(), write: writeCSV(csvexport.Options{})},
		{Format: csvBOMFormat(), write: writeCSV(csvexport.Options{BOM: true, CRLF: true})},
		{Format: bratFormat(), write: writeBrat, read: readBrat},
		{Format: w3cFormat(), write: writeW3C, read: readW3C},
		{Format: conllFormat(), write: writeCoNLL, read: readCoNLL},
		{Format: labelStudioFormat(), write: writeLabelStudio, read: readLabelStudio},
		{Format: doccanoFormat(), write: writeDoccano, read: readDoccano},
		{Format: citronFormat(), write: writeCitron, read: readCitron},
	}
}

// Formats lists the formats the Export menu offers, in menu order.
func Formats() []Format {
	cs := codecs()
	fs := make([]Format, len(cs))
	for i, c := range cs {
		fs[i] = c.Format
	}
	return fs
}

// lookup returns the codec of format id.
func lookup(id string) (codec, bool) {
	for _, c := range codecs() {
		if c.ID == id {
			return c, true
		}
	}
	return codec{}, false
}

// ApplyFormatAction applies ExportAs and ImportFile, and reports whether a
// was one of them; Update calls it for actions it does not handle itself.
func ApplyFormatAction(st *State, a Action) ([]Effect, bool) {
	switch a := a.(type) {
	case ExportAs:
		return st.exportAs(a.Format), true
	case ImportFile:
		st.importFile(a.Name, a.Data)
		return nil, true
	}
	return nil, false
}

// ---- Export ----

// exportAs writes the whole project in format id as one download named
// after the shown document's title, and says what the format left out.
func (st *State) exportAs(id string) []Effect {
	c, ok := lookup(id)
	if !ok {
		st.fail(fmt.Sprintf("Sayso cannot export as %q: choose a format from the Export menu.", id))
		return nil
	}
	doc, _, ok := st.Store.Document(st.Doc)
	if !ok {
		st.info("There is nothing to export yet: paste an article first.")
		return nil
	}
	p := st.Store.Project()
	base := FileName(doc.Title)
	switch {
	case st.ExportDocumentOnly:
		p = documentProject(p, doc.ID)
	case p.Exercise.ID != "" && p.Exercise.Role == "" && p.Annotator != "":
		base = FileName(p.Exercise.Title + " – " + p.Annotator)
	case len(p.Documents) > 1:
		base = FileName(projectName(p))
	}
	out, err := c.write(p, base)
	if err != nil {
		st.fail(fmt.Sprintf("Could not export as %s: %v", c.Name, err))
		return nil
	}
	name := base + c.Extension
	st.tellExported(c.Format, name, out.report)
	return []Effect{Download{Name: name, Type: c.MIME, Data: out.data}}
}

// tellExported says what an export left out: each thing its format
// reported, or else what the format never holds. A lossless export leaves
// the message as it was, like Export.
func (st *State) tellExported(f Format, name string, rep format.Report) {
	switch {
	case len(rep.Skipped) > 0:
		st.info(fmt.Sprintf("Exported %s as %s, which could not hold everything. Left out (%d):\n%s",
			quoteName(name), f.Name, len(rep.Skipped), strings.Join(rep.Skipped, "\n")))
	case f.Loses != "":
		st.info(fmt.Sprintf("Exported %s as %s. %s", quoteName(name), f.Name, f.Loses))
	}
}

func writeNative(p annotation.Project, _ string) (exported, error) {
	data, err := native.Encode(p)
	return exported{data: data}, err
}

func writeJSONL(p annotation.Project, _ string) (exported, error) {
	r, err := jsonl.Export(p)
	return exported{data: r.Data, report: r.Report}, err
}

func writeCSV(opts csvexport.Options) func(annotation.Project, string) (exported, error) {
	return func(p annotation.Project, _ string) (exported, error) {
		r, err := csvexport.Export(p, opts)
		return exported{data: r.Data, report: r.Report}, err
	}
}

func writeBrat(p annotation.Project, _ string) (exported, error) {
	files, err := brat.Export(p)
	if err != nil {
		return exported{}, err
	}
	data, err := format.Zip(files)
	if err != nil {
		return exported{}, fmt.Errorf("the zip archive could not be written: %w", err)
	}
	return exported{data: data}, nil
}

func writeW3C(p annotation.Project, _ string) (exported, error) {
	data, err := w3c.Export(p)
	return exported{data: data}, err
}

func writeCoNLL(p annotation.Project, _ string) (exported, error) {
	r, err := conll.Export(p)
	return exported{data: r.Data, report: r.Report}, err
}

// writeLabelStudio zips the tasks with the labelling configuration that
// matches them: Label Studio needs both, and one download is one file.
func writeLabelStudio(p annotation.Project, base string) (exported, error) {
	r, err := labelstudio.Export(p)
	if err != nil {
		return exported{}, err
	}
	data, err := format.Zip([]format.File{
		{Name: base + ".tasks" + labelstudio.Extension, Data: r.Data},
		{Name: base + ".config" + labelstudio.ConfigExtension, Data: []byte(labelstudio.Config(p.Schema))},
	})
	if err != nil {
		return exported{}, fmt.Errorf("the zip archive could not be written: %w", err)
	}
	return exported{data: data, report: r.Report}, nil
}

// writeDoccano writes doccano JSONL with UTF-16 offsets, as doccano's
// editor counts them (each line says so in "offset_unit").
func writeDoccano(p annotation.Project, _ string) (exported, error) {
	r, err := doccano.Export(p, doccano.Options{})
	return exported{data: r.Data, report: r.Report}, err
}

// writeCitron writes the BBC's Citron quote-attribution JSON.
func writeCitron(p annotation.Project, _ string) (exported, error) {
	r, err := citron.Export(p)
	return exported{data: r.Data, report: r.Report}, err
}

// ---- Import ----

// importFile opens a file in any format Sayso reads. A native file takes
// exactly the path of the Import action; any other format is read by its
// package, loaded (and repaired if needed) into a new store that replaces
// the project, and reported. On any failure the current work is left as
// it was and the message names the file and the problem.
func (st *State) importFile(name string, data []byte) {
	failure := "Could not open " + quoteName(name)
	if len(data) > MaxImportBytes {
		st.fail(fmt.Sprintf("%s: the file is %.1f MB; Sayso opens files of up to %d MB.",
			failure, float64(len(data))/(1<<20), MaxImportBytes>>20))
		return
	}
	if isExerciseFile(name, data) {
		st.openExercise(name, data)
		return
	}
	id := Detect(name, data)
	if id == FormatNative {
		st.open(data, failure, func(n int) string {
			return fmt.Sprintf("Opened %s: %s.", quoteName(name), countOf(n, "annotation"))
		})
		return
	}
	c, ok := lookup(id)
	if !ok || c.read == nil {
		st.fail(failure + ": " + unreadable(id))
		return
	}
	st.importWith(c, name, data, failure)
}

// importWith reads a file with codec c and replaces the project with it.
func (st *State) importWith(c codec, name string, data []byte, failure string) {
	p, rep, err := c.read(imported{data: data, current: st.Store.Project()})
	if err != nil {
		st.fail(fmt.Sprintf("%s as %s: %v", failure, c.Name, err))
		return
	}
	store, notes, err := loadImported(p, st.clock)
	if err != nil {
		st.fail(fmt.Sprintf("%s as %s: %v", failure, c.Name, err))
		return
	}
	docs := store.Documents()
	if len(docs) == 0 {
		st.fail(fmt.Sprintf("%s as %s: it holds no document.", failure, c.Name))
		return
	}
	st.Store = store
	st.showDocument(docs[0].ID)
	st.Message = Message{}
	st.info(importMessage(name, c.Name, rep, notes))
}

// loadImported builds a store from an imported project; when Load refuses
// it, the project is repaired (re-anchoring what it can, keeping the rest
// as orphans) and the repairs are returned, one line each, as opening a
// native file does.
func loadImported(p annotation.Project, clock func() time.Time) (*annotation.Store, []string, error) {
	s, loadErr := annotation.Load(p, clock)
	if loadErr == nil {
		return s, nil, nil
	}
	fixed, notes := annotation.Repair(p)
	s, err := annotation.Load(fixed, clock)
	if err != nil {
		return nil, nil, fmt.Errorf("what it holds does not fit together, and could not be repaired: %w", loadErr)
	}
	return s, notes, nil
}

// importMessage tells the person what an import read and, line by line,
// what it did not map and what had to be repaired.
func importMessage(name, formatName string, rep format.Report, repairs []string) string {
	msg := fmt.Sprintf("Opened %s (%s): %s, %s, %s.", quoteName(name), formatName,
		countOf(rep.Documents, "document"), countOf(rep.Annotations, "annotation"), countOf(rep.Links, "link"))
	if len(rep.Skipped) > 0 {
		msg += fmt.Sprintf("\nNot mapped (%d):\n%s", len(rep.Skipped), strings.Join(rep.Skipped, "\n"))
	}
	if len(repairs) > 0 {
		msg += fmt.Sprintf("\nSome annotations did not fit their text; Sayso repaired them (%s):\n%s",
			countOf(len(repairs), "change"), strings.Join(repairs, "\n"))
	}
	return msg
}

// unreadable explains why a file of format id cannot be opened.
func unreadable(id string) string {
	switch id {
	case "":
		return "Sayso cannot tell which format it is in. It opens " + importableNames() + " files."
	case FormatJSONL, FormatCSV, FormatCSVBOM:
		return "this is a dataset export (one row per claim), which Sayso writes but cannot read back: open the project's .sayso.json file instead."
	}
	return fmt.Sprintf("it looks like a %s file, which this version of Sayso cannot open. It opens %s files.", displayName(id), importableNames())
}

// displayName names format id, also when it is not in the registry.
func displayName(id string) string {
	if c, ok := lookup(id); ok {
		return c.Name
	}
	switch id {
	case FormatLabelStudio:
		return "Label Studio"
	case FormatDoccano:
		return "doccano"
	case FormatCitron:
		return "Citron"
	}
	return id
}

// importableNames lists the formats Open reads, for messages.
func importableNames() string {
	var names []string
	for _, f := range Formats() {
		if f.CanImport {
			names = append(names, f.Name)
		}
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

func readBrat(in imported) (annotation.Project, format.Report, error) {
	pairs, err := brat.FromZip(in.data)
	if err != nil {
		return annotation.Project{}, format.Report{}, err
	}
	return brat.Import(pairs)
}

func readCoNLL(in imported) (annotation.Project, format.Report, error) {
	return conll.Import(in.data)
}

// readLabelStudio reads Label Studio tasks: a JSON file, or the zip
// ExportAs writes (the tasks beside their configuration).
func readLabelStudio(in imported) (annotation.Project, format.Report, error) {
	data := in.data
	if isZip(data) {
		var err error
		if data, err = tasksFromZip(data); err != nil {
			return annotation.Project{}, format.Report{}, err
		}
	}
	return labelstudio.Import(data)
}

// tasksFromZip returns the first .json file of a zip archive.
func tasksFromZip(data []byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("the file is not a zip archive: %w", err)
	}
	for _, f := range zr.File {
		if strings.EqualFold(path.Ext(f.Name), ".json") {
			return readZipped(f, labelstudio.MaxFileSize)
		}
	}
	return nil, errors.New("the zip archive holds no Label Studio tasks (a .json file)")
}

// readZipped reads one file of a zip archive, refusing more than limit
// bytes whatever its header claims.
func readZipped(f *zip.File, limit int) ([]byte, error) {
	if f.UncompressedSize64 > uint64(limit) {
		return nil, fmt.Errorf("%s in the archive is larger than %d MB", f.Name, limit>>20)
	}
	rc, err := f.Open()
	if err != nil {
		return nil, fmt.Errorf("%s in the archive cannot be read: %w", f.Name, err)
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, int64(limit)+1))
	if err != nil {
		return nil, fmt.Errorf("%s in the archive cannot be read: %w", f.Name, err)
	}
	if len(b) > limit {
		return nil, fmt.Errorf("%s in the archive is larger than %d MB", f.Name, limit>>20)
	}
	return b, nil
}

func readCitron(in imported) (annotation.Project, format.Report, error) {
	return citron.Import(in.data)
}

func readDoccano(in imported) (annotation.Project, format.Report, error) {
	return doccano.Import(in.data)
}

// w3cNoText explains the failure of a W3C import none of whose
// annotations point at a text that is open.
const w3cNoText = "such files carry no text, only the quotes they point at, and none of its annotations points at the text open now: open the article they were made on (or its .sayso.json) first, then open this file again"

// readW3C reads W3C annotations onto the texts of the project open now,
// keeping those documents' titles and topics (W3C holds neither).
func readW3C(in imported) (annotation.Project, format.Report, error) {
	p, rep, err := w3c.Import(in.data, w3c.Texts(in.current))
	if err != nil {
		return p, rep, err
	}
	if len(p.Documents) == 0 {
		return p, rep, errors.New(w3cNoText)
	}
	keepTitles(&p, in.current)
	return p, rep, nil
}

// keepTitles gives the documents of an import the titles and topics of the
// documents of current with the same text, where the import named them
// only by their source IRI.
func keepTitles(p *annotation.Project, current annotation.Project) {
	byText := map[string]annotation.Document{}
	for _, d := range current.Documents {
		byText[d.Text] = d
	}
	for i, d := range p.Documents {
		cur, ok := byText[d.Text]
		if !ok || d.Title != w3c.SourceIRI(d.Text) {
			continue
		}
		p.Documents[i].Title = cur.Title
		if d.Topic == "" {
			p.Documents[i].Topic = cur.Topic
		}
	}
}

// countOf counts a noun: "1 link", "3 links".
func countOf(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// ---- Detection ----

// Detect tells the format of a file from its content and, where the
// content does not settle it, its name. It returns a format ID, possibly
// one that is not in Formats (see the format IDs), or "" when it cannot
// tell. The rules:
//
//   - a zip archive: brat if it holds a .ann file; else Label Studio if it
//     holds a .json file; else brat if it holds a .txt file;
//   - JSON, looking at the object (or, for an array, its first element):
//     "format": "sayso" → native; an "@context" naming anno.jsonld, or
//     "type" Annotation, AnnotationPage or AnnotationCollection → W3C;
//     "data" holding an object → Label Studio; "quotes" or
//     "coreference_groups" → Citron; "claim_id" and "offset_unit" → a
//     Sayso JSONL dataset; "text" with "entities", "label", "labels" or
//     "relations" → doccano;
//   - text: a "# sayso conll" header, "-DOCSTART-", or lines of a token and
//     a BIO tag (O, B-x, I-x, …) → CoNLL; a header row with claim_id → a
//     Sayso CSV dataset;
//   - otherwise the name: .sayso.json → native, .jsonld → W3C,
//     .labelstudio.json → Label Studio, .doccano.jsonl → doccano,
//     .citron.json → Citron, .conll/.conllu/.iob/.bio → CoNLL,
//     .zip → brat, .csv → CSV, any other .json → native (whose reader
//     explains what it found).
func Detect(name string, data []byte) string {
	if id := detectContent(data); id != "" {
		return id
	}
	return detectName(name)
}

// detectContent tells the format from the bytes alone, or returns "".
func detectContent(data []byte) string {
	if isZip(data) {
		return detectZip(data)
	}
	b := bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\uFEFF")))
	if len(b) == 0 {
		return ""
	}
	if b[0] == '{' || b[0] == '[' {
		return detectJSON(b)
	}
	return detectText(b)
}

// isZip reports whether data starts like a zip archive (a local file
// header, or the end record of an empty archive).
func isZip(data []byte) bool {
	return bytes.HasPrefix(data, []byte("PK\x03\x04")) || bytes.HasPrefix(data, []byte("PK\x05\x06"))
}

// detectZip tells brat from Label Studio archives by the files inside, or
// returns "" when they do not tell (the name then decides).
func detectZip(data []byte) string {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return ""
	}
	hasJSON, hasText := false, false
	for _, f := range zr.File {
		switch strings.ToLower(path.Ext(f.Name)) {
		case ".ann":
			return FormatBrat
		case ".json":
			hasJSON = true
		case ".txt":
			hasText = true
		}
	}
	switch {
	case hasJSON:
		return FormatLabelStudio
	case hasText:
		return FormatBrat
	}
	return ""
}

// detectJSON classifies the first object of a JSON file.
func detectJSON(b []byte) string {
	obj, ok := firstObject(b)
	if !ok {
		return ""
	}
	return classifyObject(obj)
}

// firstObject decodes b's first JSON value if it is an object, or the
// first element of an array. A JSON Lines file gives its first line.
func firstObject(b []byte) (map[string]json.RawMessage, bool) {
	dec := json.NewDecoder(bytes.NewReader(b))
	if b[0] == '[' {
		if _, err := dec.Token(); err != nil || !dec.More() {
			return nil, false
		}
	}
	var obj map[string]json.RawMessage
	if err := dec.Decode(&obj); err != nil || obj == nil {
		return nil, false
	}
	return obj, true
}

// classifyObject names the format a JSON object is in, by its keys.
func classifyObject(obj map[string]json.RawMessage) string {
	has := func(k string) bool { _, ok := obj[k]; return ok }
	switch {
	case stringField(obj, "format") == native.FormatName:
		return FormatNative
	case isW3C(obj):
		return FormatW3C
	case len(bytes.TrimSpace(obj["data"])) > 0 && bytes.TrimSpace(obj["data"])[0] == '{':
		return FormatLabelStudio
	case has("quotes") || has("coreference_groups"):
		return FormatCitron
	case has("claim_id") && has("offset_unit"):
		return FormatJSONL
	case (has("text") || has("data")) && (has("entities") || has("label") || has("labels") || has("relations")):
		return FormatDoccano
	}
	return ""
}

// isW3C reports whether a JSON object is a W3C Web Annotation, page or
// collection.
func isW3C(obj map[string]json.RawMessage) bool {
	if bytes.Contains(obj["@context"], []byte("w3.org/ns/anno")) {
		return true
	}
	switch stringField(obj, "type") {
	case "Annotation", "AnnotationPage", "AnnotationCollection":
		return true
	}
	return false
}

// stringField returns the string value of key k, or "".
func stringField(obj map[string]json.RawMessage, k string) string {
	var s string
	if json.Unmarshal(obj[k], &s) != nil {
		return ""
	}
	return s
}

// maxSniffLines bounds the lines detectText looks at.
const maxSniffLines = 40

// detectText recognises CoNLL and Sayso's CSV export among text files.
func detectText(b []byte) string {
	lines := strings.SplitN(string(b), "\n", maxSniffLines+1)
	if len(lines) > maxSniffLines {
		lines = lines[:maxSniffLines]
	}
	first := strings.TrimSpace(lines[0])
	switch {
	case strings.HasPrefix(first, "# sayso conll"):
		return FormatCoNLL
	case strings.Contains(first, "claim_id") && strings.Contains(first, ","):
		return FormatCSV
	}
	if looksLikeCoNLL(lines) {
		return FormatCoNLL
	}
	return ""
}

// looksLikeCoNLL reports whether lines are CoNLL: a -DOCSTART- line, or
// most token lines ending in a BIO tag.
func looksLikeCoNLL(lines []string) bool {
	tokens, tagged := 0, 0
	for _, l := range lines {
		l = strings.TrimSpace(l)
		if strings.HasPrefix(l, "-DOCSTART-") {
			return true
		}
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		tokens++
		if f := strings.Fields(l); len(f) >= 2 && isBIOTag(f[len(f)-1]) {
			tagged++
		}
	}
	return tagged > 0 && tagged*4 >= tokens*3
}

// isBIOTag reports whether s is a BIO tag: O, or B-, I-, E-, S- or L-
// followed by a label.
func isBIOTag(s string) bool {
	if s == "O" {
		return true
	}
	return len(s) > 2 && s[1] == '-' && strings.ContainsRune("BIESL", rune(s[0]))
}

// detectName tells the format from a file name's ending, or returns "".
func detectName(name string) string {
	n := strings.ToLower(strings.TrimSpace(name))
	suffixes := []struct{ ext, id string }{
		{".sayso.json", FormatNative},
		{".labelstudio.json", FormatLabelStudio},
		{".labelstudio.zip", FormatLabelStudio},
		{".doccano.jsonl", FormatDoccano},
		{".citron.json", FormatCitron},
		{".jsonld", FormatW3C},
		{".conll", FormatCoNLL},
		{".conllu", FormatCoNLL},
		{".iob", FormatCoNLL},
		{".bio", FormatCoNLL},
		{".zip", FormatBrat},
		{".csv", FormatCSV},
		{".json", FormatNative},
	}
	for _, s := range suffixes {
		if strings.HasSuffix(n, s.ext) {
			return s.id
		}
	}
	return ""
}

// ---- The formats ----

func nativeFormat() Format {
	return Format{
		ID: FormatNative, Name: "Sayso project", Extension: native.Extension, MIME: "application/json",
		CanImport: true,
		Example:   `{"format": "sayso", "version": 1, "offsetUnit": "codepoint", "schema": {…}, "documents": [{"id": "d1", "text": "…"}], "annotations": [{"id": "a3", "label": "claim", "fragments": [[256, 309]], "stance": "favor", "speakerMention": "a1"}]}`,
	}
}

func jsonlFormat() Format {
	return Format{
		ID: FormatJSONL, Name: "JSONL (one claim per line)", Extension: jsonl.Extension, MIME: "application/jsonl",
		Loses:   "Only claims, with their speaker, cue, stance and paragraph: no whole texts, no speaker mentions or cues without a claim, no schema, and it cannot be opened again.",
		Example: `{"document_id": "d1", "claim_id": "a3", "quote": "“Our streets were built for people, not for parking,”", "fragments": [[256, 309]], "speaker": "Mayor Ines Okafor", "stance": "favor", "offset_unit": "codepoint"}`,
	}
}

func csvFormat() Format {
	return Format{
		ID: FormatCSV, Name: "CSV", Extension: csvexport.Extension, MIME: "text/csv;charset=utf-8",
		Loses:   "The same columns as JSONL, so only claims and no whole texts, and a cell starting with = + - or @ gets an apostrophe so that spreadsheets do not run it.",
		Example: `d1,Harbour town splits…,a3,"“Our streets were built for people, not for parking,”","[[256,309]]",Mayor Ines Okafor,s1,…,favor,…`,
	}
}

func csvBOMFormat() Format {
	f := csvFormat()
	f.ID = FormatCSVBOM
	f.Name = "CSV for spreadsheets (UTF-8 with BOM)"
	f.Extension = ".spreadsheet.csv" // not the plain CSV's name: both may be downloaded
	f.Example = `(a byte order mark, then) document_id,document_title,claim_id,quote,fragments,speaker,… with rows ending in CR LF`
	return f
}

func bratFormat() Format {
	return Format{
		ID: FormatBrat, Name: "brat standoff", Extension: ".brat.zip", MIME: "application/zip",
		CanImport: true,
		Loses:     "No titles beyond the file names, topics, annotation ids, annotators or times, and speakers with the same name come back as one.",
		Example:   "T1\tContent 256 309\t“Our streets were built for people, not for parking,”",
	}
}

func w3cFormat() Format {
	return Format{
		ID: FormatW3C, Name: "W3C Web Annotation", Extension: ".jsonld", MIME: `application/ld+json;profile="http://www.w3.org/ns/anno.jsonld"`,
		CanImport: true,
		Loses:     "No text (the annotations point at it, so open them on the same article), titles, topics, or label names, colours and keys.",
		Example:   `{"type": "Annotation", "body": [{"type": "TextualBody", "purpose": "tagging", "value": "claim"}], "target": {"selector": [{"type": "TextQuoteSelector", "exact": "“Our streets…”"}, {"type": "TextPositionSelector", "start": 256, "end": 309}]}}`,
	}
}

func labelStudioFormat() Format {
	return Format{
		ID: FormatLabelStudio, Name: "Label Studio", Extension: ".labelstudio.zip", MIME: "application/zip",
		CanImport: true,
		Loses:     "Speakers are kept only by name, times are lost, and label colours and keys live only in the labelling configuration beside the tasks.",
		Example:   `{"data": {"text": "…"}, "annotations": [{"result": [{"id": "a3", "type": "labels", "value": {"start": 256, "end": 309, "labels": ["claim"]}}, {"from_id": "a3", "to_id": "a1", "type": "relation", "labels": ["speaker"]}]}]}`,
	}
}

func citronFormat() Format {
	return Format{
		ID: FormatCitron, Name: "Citron (quote attribution)", Extension: ".citron.json", MIME: "application/json",
		CanImport: true,
		Loses:     "Only claims that have a cue (a Citron quote needs one), no stances, targets or notes, and speakers named after their longest mention.",
		Example:   `{"text": "…", "quotes": [{"cue": {"start": 310, "end": 314, "text": "said"}, "sources": [{"start": 315, "end": 332, "text": "Mayor Ines Okafor"}], "contents": [{"start": 256, "end": 309, "text": "…"}]}], "coreference_groups": [[…]]}`,
	}
}

func doccanoFormat() Format {
	return Format{
		ID: FormatDoccano, Name: "doccano", Extension: ".doccano.jsonl", MIME: "application/jsonl",
		CanImport: true,
		Loses:     "No stances, targets, notes, annotators or times, speakers only as coreference between mentions of one document, and offsets in UTF-16 units as doccano's editor counts them.",
		Example:   `{"text": "…", "entities": [{"id": 1, "label": "claim", "start_offset": 256, "end_offset": 309}], "relations": [{"id": 1, "from_id": 1, "to_id": 2, "type": "speaker"}], "offset_unit": "utf-16"}`,
	}
}

func conllFormat() Format {
	return Format{
		ID: FormatCoNLL, Name: "CoNLL (BIO)", Extension: conll.Extension, MIME: "text/plain;charset=utf-8",
		CanImport: true,
		Loses:     "No links, speaker entities, stances, targets or notes, and of overlapping spans only one is kept (claims first, then speakers, then cues).",
		Example:   "streets\t260\t267\tI-claim\ta3",
	}
}
