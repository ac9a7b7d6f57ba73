package exchange

import (
	"archive/zip"
	"bytes"
	"encoding/json"
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
func (r Registry) Detect(name string, data []byte) string {
	if id := detectContent(data); id != "" {
		return id
	}
	return r.detectName(name)
}

// Detect tells the format of a file with the Default registry.
func Detect(name string, data []byte) string { return Default().Detect(name, data) }

// detectContent tells the format from the bytes alone, or returns "".
func detectContent(data []byte) string {
	if webanno.Detect(data) {
		return WebAnno
	}
	if format.IsZip(data) {
		return detectZip(data)
	}
	b := bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\uFEFF")))
	if len(b) == 0 {
		return ""
	}
	if isNative(b) {
		return Native
	}
	if b[0] == '{' || b[0] == '[' {
		return detectJSON(b)
	}
	return detectText(b)
}

// detectZip tells brat from Label Studio archives by the files inside, or
// returns "" when they do not tell (the name then decides).
func detectZip(data []byte) string {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return ""
	}
	if citron.InZip(data) {
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
