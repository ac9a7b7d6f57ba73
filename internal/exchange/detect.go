package exchange

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"sayso/internal/format"
	"sayso/internal/format/citron"
	"sayso/internal/format/doccano"
	"sayso/internal/format/native"
	"sayso/internal/format/webanno"
)

// Detect tells the format of a file from its content and, where the
// content does not settle it, its name. It returns a format ID (the
// content rules may name a format the registry does not list), or "" when
// it cannot tell. The content rules are here, together, because they are
// about telling formats apart; the names are each format's own
// (format.Info.Names). The rules:
//
//   - WebAnno TSV: a first line "#FORMAT=WebAnno TSV 3…", or a zip whose
//     first .tsv file starts so;
//   - a zip archive: Citron if its JSON files are Citron documents; brat
//     if it holds a .ann file; else Label Studio if it
//     holds a .json file; else brat if it holds a .txt file;
//   - a JSON object whose first member is "format": "sayso" → native,
//     well formed or not (the native reader explains what is broken);
//   - JSON, looking at the object (or, for an array, its first element):
//     "format": "sayso" → native; an "@context" naming anno.jsonld, or
//     "type" Annotation, AnnotationPage or AnnotationCollection → W3C;
//     "data" holding an object → Label Studio; "quotes" or
//     "coreference_groups" → Citron; "claim_id" and "offset_unit" → a
//     Sayso JSONL dataset; "text" with "entities", "label", "labels" or
//     "relations", or a text column beside a column of spans under other
//     names → doccano;
//   - text: a "# sayso conll" header, "-DOCSTART-", or lines of a token and
//     a BIO tag (O, B-x, I-x, …) → CoNLL; a header row with claim_id → a
//     Sayso CSV dataset;
//   - otherwise the name, as the formats of Default claim them:
//     .sayso.json → native, .jsonld → W3C, .labelstudio.json and
//     .labelstudio.zip → Label Studio, .doccano.jsonl → doccano,
//     .citron.json → Citron, .conll/.conllu/.iob/.bio → CoNLL, .zip →
//     brat, .csv → CSV, any other .json → native (whose reader explains
//     what it found).
//
// The content rules read a bounded part of the file, never the whole of
// it: its first ProbeBytes (JSON: the members of the first object found
// there; text: its first lines) and, for a zip archive, the directory at
// its end and the first bytes of one or two of its files. A 64 MB file
// that is no format at all is thus told as fast as a small one; the
// reader the name then picks says what is wrong with it.
func (r Registry) Detect(name string, data []byte) string {
	head := data[:min(len(data), ProbeBytes)]
	return r.detect(name, head, bytes.NewReader(data), int64(len(data)))
}

// DetectAt is Detect for a file of size bytes read through ra: it reads
// only what the content rules need (see Detect).
func (r Registry) DetectAt(name string, ra io.ReaderAt, size int64) string {
	head, err := probeHead(ra, size)
	if err != nil {
		return r.detectName(name)
	}
	return r.detect(name, head, ra, size)
}

// detect tells the format from head, the first bytes of a file of size
// bytes that ra reads, or else from its name.
func (r Registry) detect(name string, head []byte, ra io.ReaderAt, size int64) string {
	if id := detectContent(head, int64(len(head)) < size, ra, size); id != "" {
		return id
	}
	return r.detectName(name)
}

// Detect tells the format of a file with the Default registry.
func Detect(name string, data []byte) string { return Default().Detect(name, data) }

// ProbeBytes bounds the head of a file the content rules look at: the
// whole of most files people open, and enough of the first object or the
// first lines of a larger one.
const ProbeBytes = 1 << 20

// probeHead reads the first ProbeBytes of a file of size bytes.
func probeHead(ra io.ReaderAt, size int64) ([]byte, error) {
	head := make([]byte, min(size, ProbeBytes))
	n, err := ra.ReadAt(head, 0)
	if err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("reading the start of the file: %w", err)
	}
	return head[:n], nil
}

// detectContent tells the format from the bytes alone, or returns "":
// head is the start of the file (cut: the file goes on after it), and
// a zip archive's directory is read through ra.
func detectContent(head []byte, cut bool, ra io.ReaderAt, size int64) string {
	if webanno.IsTSV(head) {
		return WebAnno
	}
	if format.IsZip(head) {
		return detectZip(ra, size)
	}
	b := bytes.TrimSpace(bytes.TrimPrefix(head, []byte("\uFEFF")))
	if len(b) == 0 {
		return ""
	}
	if isNative(b) {
		return Native
	}
	if b[0] == '{' || b[0] == '[' {
		return detectJSON(b, cut)
	}
	return detectText(b)
}

// detectZip tells WebAnno, Citron, brat and Label Studio archives apart
// by the files inside, or returns "" when they do not tell (the name then
// decides). It reads the archive's directory and the first bytes of at
// most two of its files.
func detectZip(ra io.ReaderAt, size int64) string {
	zr, err := zip.NewReader(ra, size)
	if err != nil {
		return ""
	}
	if webanno.InZip(zr) {
		return WebAnno
	}
	if citron.InZipReader(zr) {
		return Citron
	}
	hasJSON, hasText := false, false
	for _, f := range zr.File {
		switch strings.ToLower(path.Ext(f.Name)) {
		case ".ann":
			return Brat
		case ".json":
			hasJSON = true
		case ".txt":
			hasText = true
		}
	}
	switch {
	case hasJSON:
		return LabelStudio
	case hasText:
		return Brat
	}
	return ""
}

// isNative reports whether b is a JSON object whose first member is
// "format": "sayso" (native.FormatName, which Sayso's writer puts first).
// It looks at those first bytes only: whether the rest is well formed is
// for the native reader to say, which names the line and column of what
// is wrong. (Checking it here as well, with encoding/json, took two fifths
// of opening a megabyte project.) A later duplicate "format" member is not
// looked at.
func isNative(b []byte) bool {
	rest, ok := bytes.CutPrefix(b, []byte("{"))
	if !ok {
		return false
	}
	rest, ok = bytes.CutPrefix(bytes.TrimLeft(rest, " \t\r\n"), []byte(`"format"`))
	if !ok {
		return false
	}
	rest, ok = bytes.CutPrefix(bytes.TrimLeft(rest, " \t\r\n"), []byte(":"))
	if !ok {
		return false
	}
	return bytes.HasPrefix(bytes.TrimLeft(rest, " \t\r\n"), []byte(`"`+native.FormatName+`"`))
}

// detectJSON classifies the first object of a JSON file whose head is b
// (cut: the file goes on after b).
func detectJSON(b []byte, cut bool) string {
	obj, ok := firstObject(b, cut)
	if !ok {
		return ""
	}
	return classifyObject(obj)
}

// firstObject reads the members of b's first JSON value if it is an
// object, or of the first element of an array; a JSON Lines file gives
// its first line. When b is only the head of a file (cut) and ends inside
// that object, the members before the end are returned, the last one with
// the bytes of its value that b holds: its key, and how its value begins,
// still tell the format. A value that is not well formed gives false.
func firstObject(b []byte, cut bool) (map[string]json.RawMessage, bool) {
	dec := json.NewDecoder(bytes.NewReader(b))
	if b[0] == '[' {
		if _, err := dec.Token(); err != nil || !dec.More() {
			return nil, false
		}
	}
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil, false
	}
	endsHere := func(err error) bool {
		return cut && (errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF))
	}
	obj := map[string]json.RawMessage{}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return obj, endsHere(err)
		}
		key, ok := t.(string)
		if !ok {
			return nil, false
		}
		from := dec.InputOffset()
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			if !endsHere(err) {
				return nil, false
			}
			obj[key] = bytes.TrimLeft(b[from:], " \t\r\n:")
			return obj, true
		}
		obj[key] = v
	}
	if t, err := dec.Token(); err != nil || t != json.Delim('}') {
		return obj, endsHere(err)
	}
	return obj, true
}

// classifyObject names the format a JSON object is in, by its keys.
func classifyObject(obj map[string]json.RawMessage) string {
	has := func(k string) bool { _, ok := obj[k]; return ok }
	switch {
	case stringField(obj, "format") == native.FormatName:
		return Native
	case isW3C(obj):
		return W3C
	case len(bytes.TrimSpace(obj["data"])) > 0 && bytes.TrimSpace(obj["data"])[0] == '{':
		return LabelStudio
	case has("quotes") || has("coreference_groups"):
		return Citron
	case has("claim_id") && has("offset_unit"):
		return JSONL
	case (has("text") || has("data")) && (has("entities") || has("label") || has("labels") || has("relations")):
		return Doccano
	case doccano.LooksLikeExample(obj):
		return Doccano
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
		return CoNLL
	case strings.Contains(first, "claim_id") && strings.Contains(first, ","):
		return CSV
	}
	if looksLikeCoNLL(lines) {
		return CoNLL
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

// detectName tells the format from a file name's ending, or returns "":
// the format that claims the longest ending of the name (see
// format.Info.Names), the first in menu order when two claim the same.
func (r Registry) detectName(name string) string {
	n := strings.ToLower(strings.TrimSpace(name))
	id, longest := "", 0
	for _, c := range r.codecs {
		for _, end := range c.Names {
			if len(end) > longest && strings.HasSuffix(n, strings.ToLower(end)) {
				id, longest = c.ID, len(end)
			}
		}
	}
	return id
}
