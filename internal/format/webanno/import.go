package webanno

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path"
	"regexp"
	"sort"
	"strings"
	"unicode/utf16"

	"sayso/internal/annotation"
	"sayso/internal/format"
	"sayso/internal/format/importkit"
	"sayso/internal/text"
)

// MaxFileSize is the largest input Import accepts, in bytes, and the most
// it unpacks from a zip archive.
const MaxFileSize = 64 << 20

// Import reads a WebAnno TSV 3 file, or a zip archive of them (one
// document each), into a new project. The report lists what could not be
// mapped; the error is for a file that is not WebAnno TSV 3 at all, and
// names the line where reading stopped.
func Import(b []byte) (annotation.Project, format.Report, error) {
	return ImportNamed("", b)
}

// ImportNamed is Import for a file with a name: a single document takes
// its title from the name, without the .tsv (or .webanno.tsv) ending. The
// documents of a zip archive take their titles from the names inside it.
func ImportNamed(name string, b []byte) (annotation.Project, format.Report, error) {
	var rep format.Report
	if len(b) > MaxFileSize {
		return annotation.Project{}, rep, fmt.Errorf("the file is %d MB; WebAnno TSV files up to %d MB can be opened", len(b)>>20, MaxFileSize>>20)
	}
	files, err := unpack(b)
	if err != nil {
		return annotation.Project{}, rep, fmt.Errorf("webanno: %w", err)
	}
	if len(files) == 1 && files[0].name == "" {
		files[0].title = titleOf(name)
	}
	d := importkit.Draft{EntityNames: map[string]string{}}
	for _, nf := range files {
		f, err := parse(string(nf.data))
		if err != nil {
			if nf.name != "" {
				return annotation.Project{}, rep, fmt.Errorf("webanno: %s: %w", nf.name, err)
			}
			return annotation.Project{}, rep, fmt.Errorf("webanno: %w", err)
		}
		what := "the file"
		if nf.name != "" {
			what = nf.name
		}
		r := reader{f: f, what: what, rep: &rep, entities: d.EntityNames}
		d.Docs = append(d.Docs, r.document(nf.title))
	}
	p, err := importkit.Build(d, &rep)
	if err != nil {
		return annotation.Project{}, rep, fmt.Errorf("webanno: %w", err)
	}
	return p, rep, nil
}

type namedFile struct {
	name, title string
	data        []byte
}

var numbered = regexp.MustCompile(`^\d+-`)

// tsv3 is how every WebAnno TSV 3 file starts.
const tsv3 = "#FORMAT=WebAnno TSV 3"

// Detect reports whether b is a WebAnno TSV 3 file — its first line
// (after a byte order mark) starts with "#FORMAT=WebAnno TSV 3" — or a
// zip archive whose first .tsv file is one.
func Detect(b []byte) bool {
	if !bytes.HasPrefix(b, []byte("PK\x03\x04")) {
		return IsTSV(b)
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return false
	}
	return InZip(zr)
}

// IsTSV reports whether b starts like a WebAnno TSV 3 file (after a byte
// order mark); it looks at those first bytes only, so b may be just the
// head of a file.
func IsTSV(b []byte) bool {
	return bytes.HasPrefix(bytes.TrimPrefix(b, []byte("\uFEFF")), []byte(tsv3))
}

// InZip reports whether the first .tsv file of an archive, in name order,
// starts like a WebAnno TSV 3 file. It unpacks only those first bytes.
func InZip(zr *zip.Reader) bool {
	zfs := append([]*zip.File(nil), zr.File...)
	sort.Slice(zfs, func(i, j int) bool { return zfs[i].Name < zfs[j].Name })
	for _, zf := range zfs {
		if !strings.EqualFold(path.Ext(zf.Name), ".tsv") || zf.FileInfo().IsDir() {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			return false
		}
		head := make([]byte, len(tsv3)+3)
		n, _ := io.ReadFull(rc, head)
		rc.Close()
		return IsTSV(head[:n])
	}
	return false
}

// unpack returns the one file b is, or the TSV files of a zip archive in
// name order, at most MaxFileSize bytes in all.
func unpack(b []byte) ([]namedFile, error) {
	if !bytes.HasPrefix(b, []byte("PK\x03\x04")) {
		return []namedFile{{data: b}}, nil
	}
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, fmt.Errorf("the zip archive cannot be read: %w", err)
	}
	zfs := append([]*zip.File(nil), zr.File...)
	sort.Slice(zfs, func(i, j int) bool { return zfs[i].Name < zfs[j].Name })
	var out []namedFile
	budget := int64(MaxFileSize)
	allNumbered := true
	for _, zf := range zfs {
		if !strings.EqualFold(path.Ext(zf.Name), ".tsv") || zf.FileInfo().IsDir() {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			return nil, fmt.Errorf("%s in the archive cannot be read: %w", zf.Name, err)
		}
		data, err := io.ReadAll(io.LimitReader(rc, budget+1))
		rc.Close()
		if err != nil {
			return nil, fmt.Errorf("%s in the archive cannot be read: %w", zf.Name, err)
		}
		budget -= int64(len(data))
		if budget < 0 {
			return nil, fmt.Errorf("the archive unpacks to more than %d MB", MaxFileSize>>20)
		}
		title := titleOf(zf.Name)
		allNumbered = allNumbered && numbered.MatchString(title)
		out = append(out, namedFile{name: zf.Name, title: title, data: data})
	}
	if len(out) == 0 {
		return nil, errors.New("the zip archive holds no .tsv files")
	}
	if allNumbered {
		for i := range out {
			out[i].title = numbered.ReplaceAllString(out[i].title, "")
		}
	}
	return out, nil
}

// titleOf is the title a file's name gives its document.
func titleOf(name string) string {
	if name == "" {
		return ""
	}
	base := path.Base(strings.ReplaceAll(name, "\\", "/"))
	lower := strings.ToLower(base)
	for _, ext := range []string{".webanno.tsv", ".tsv"} {
		if strings.HasSuffix(lower, ext) {
			return base[:len(base)-len(ext)]
		}
	}
	return base
}

// reader maps one parsed file to a draft document.
type reader struct {
	f        *file
	what     string
	rep      *format.Report
	entities map[string]string // speaker names by entity key

	unit16 bool // offsets count UTF-16 units (else code points)
	x      *text.Index
	idx    []int // from Normalize
	labels []string
	parent []int // union-find of span annotations that are fragments of one
	claim  []int // per span: its speaker mention, or -1
	cue    []int // per span: its cue, or -1
}

func (r *reader) skip(format string, args ...any) {
	r.rep.Skip(r.what+": "+format, args...)
}

func (r *reader) document(title string) importkit.Doc {
	raw := string(utf16.Decode(r.f.text))
	r.x = text.NewIndex(raw)
	r.unit16 = r.chooseUnit()
	norm, idx := importkit.Normalize(raw)
	r.idx = idx
	dd := importkit.Doc{What: r.what, Title: title, Text: norm}

	n := len(r.f.spans)
	r.labels = make([]string, n)
	r.parent = make([]int, n)
	r.claim = make([]int, n)
	r.cue = make([]int, n)
	index := map[*spanAnn]int{}
	for i, a := range r.f.spans {
		r.labels[i] = r.labelOf(a)
		r.parent[i], r.claim[i], r.cue[i] = i, -1, -1
		index[a] = i
	}
	r.reportLayers()
	r.relations(index)

	// One draft span per group of fragments, features from its members
	// in reading order.
	draftOf := make([]int, n)
	for i := range draftOf {
		draftOf[i] = -1
	}
	for i, a := range r.f.spans {
		frag, ok := r.span(a)
		if !ok {
			r.skip("the span on line %d (%s) does not fit the text of %d characters, so it was not imported", a.line, r.labels[i], r.x.Len())
			continue
		}
		root := r.find(i)
		if draftOf[root] < 0 {
			draftOf[root] = len(dd.Spans)
			dd.Spans = append(dd.Spans, importkit.Span{What: fmt.Sprintf("%s: the span on line %d", r.what, a.line), Label: r.labels[root], Mention: -1, Cue: -1})
		}
		sp := &dd.Spans[draftOf[root]]
		sp.Frags = append(sp.Frags, frag)
		r.features(sp, a)
	}
	for i, a := range r.f.spans {
		k := draftOf[r.find(i)]
		if k < 0 {
			continue
		}
		sp := &dd.Spans[k]
		for _, l := range []struct {
			to    int
			field *int
		}{{r.claim[i], &sp.Mention}, {r.cue[i], &sp.Cue}} {
			if l.to < 0 {
				continue
			}
			if t := draftOf[r.find(l.to)]; t >= 0 {
				*l.field = t
			} else {
				r.skip("the link from the span on line %d to the span on line %d was lost with that span", a.line, r.f.spans[l.to].line)
			}
		}
	}
	for i := range dd.Spans {
		sp := &dd.Spans[i]
		if sp.Label == annotation.LabelSpeaker && sp.Entity != "" {
			r.entities[sp.Entity] = sp.Entity
		}
		if sp.Label == annotation.LabelClaim && sp.Mention >= 0 {
			sp.Entity = "" // the mention's entity is the claim's
		}
	}
	return dd
}

// chooseUnit reports whether the offsets count UTF-16 units, as the format
// says. A file from a tool that counted code points instead is recognised
// by its token texts, which then match the text only as code points.
func (r *reader) chooseUnit() bool {
	if r.x.Len() == len(r.f.text) {
		return true // the units agree
	}
	rs := []rune(r.x.Text())
	fits16, fitsCP := true, true
	for _, u := range r.f.units {
		tok := unescapeText(u.text, r.f.minor)
		if u.end > len(r.f.text) || string(utf16.Decode(r.f.text[u.begin:u.end])) != tok {
			fits16 = false
		}
		if u.end > len(rs) || string(rs[u.begin:u.end]) != tok {
			fitsCP = false
		}
	}
	if !fits16 && fitsCP {
		r.skip("its offsets count code points, not the UTF-16 units WebAnno TSV counts, so they were read as code points")
		return false
	}
	return true
}

// span converts an annotation's offsets to a code-point span of the
// normalised text.
func (r *reader) span(a *spanAnn) (text.Span, bool) {
	if !r.unit16 {
		if a.end > r.x.Len() {
			return text.Span{}, false
		}
		return importkit.MapSpan(r.idx, text.Span{Start: a.begin, End: a.end}), true
	}
	if a.end > r.x.UTF16Len() {
		return text.Span{}, false
	}
	s, e := r.x.CodePointAtUTF16(a.begin), r.x.CodePointAtUTF16(a.end)
	if r.x.UTF16Offset(s) != a.begin || r.x.UTF16Offset(e) != a.end {
		return text.Span{}, false // inside a surrogate pair
	}
	return importkit.MapSpan(r.idx, text.Span{Start: s, End: e}), true
}

// feature returns the value of a's feature named name in any case.
func (r *reader) feature(a *spanAnn, name string) (string, bool) {
	for k, v := range a.feats {
		if strings.EqualFold(k, name) {
			return v, true
		}
	}
	return "", false
}

// labelOf is the Sayso label of a span: the layer's own name if it is
// Claim, Speaker or Cue (or PolNeAR's Content and Source), else its
// "label" feature, else its first other feature with a value (not note,
// speaker, stance or target), else the layer's name.
func (r *reader) labelOf(a *spanAnn) string {
	l := r.f.layers[a.layer]
	if id := importkit.LabelID(l.short()); isBuiltIn(id) {
		return id
	}
	if v, ok := r.feature(a, featLabel); ok && strings.TrimSpace(v) != "" {
		return importkit.LabelID(v)
	}
	for _, fe := range l.features {
		if v := strings.TrimSpace(a.feats[fe]); v != "" && !saysoFeature(fe) {
			return importkit.LabelID(v)
		}
	}
	return importkit.LabelID(l.short())
}

// saysoFeature reports whether a feature holds a Sayso field rather than
// a label.
func saysoFeature(name string) bool {
	switch strings.ToLower(name) {
	case featLabel, featNote, featSpeaker, featStance, featTarget:
		return true
	}
	return false
}

func isBuiltIn(label string) bool {
	return label == annotation.LabelClaim || label == annotation.LabelSpeaker || label == annotation.LabelCue
}

// features copies the Sayso features of a into sp, where sp has none yet.
func (r *reader) features(sp *importkit.Span, a *spanAnn) {
	if v, ok := r.feature(a, featNote); ok && sp.Note == "" {
		sp.Note = v
	}
	if v, ok := r.feature(a, featStance); ok && sp.Stance == "" {
		sp.Stance = strings.TrimSpace(v)
	}
	if v, ok := r.feature(a, featTarget); ok && sp.Target == nil {
		sp.Target = &v
	}
	if v, ok := r.feature(a, featSpeaker); ok && sp.Entity == "" {
		sp.Entity = strings.Join(strings.Fields(v), " ")
	}
}

// reportLayers says which layers are not Sayso's, and which of their
// features and values were not imported.
func (r *reader) reportLayers() {
	for li, l := range r.f.layers {
		if l.kind == chainLayer {
			if n := r.f.chains[li]; n > 0 {
				r.skip("chain layer %s: its %d chain links were not imported: Sayso has no chains", l.name, n)
			}
			continue
		}
		if n := r.f.slots[li]; n > 0 {
			r.skip("layer %s: its %d slot feature links were not imported: Sayso links only claims to speakers and cues", l.name, n)
		}
		if l.kind != spanLayer {
			continue
		}
		var count int
		var labels []string
		seen := map[string]bool{}
		unused := map[string]int{}
		for i, a := range r.f.spans {
			if a.layer != li {
				continue
			}
			count++
			if !seen[r.labels[i]] {
				seen[r.labels[i]] = true
				labels = append(labels, r.labels[i])
			}
			for k, v := range a.feats {
				if !saysoFeature(k) && importkit.LabelID(v) != r.labels[i] {
					unused[k]++
				}
			}
		}
		if count > 0 && l.name != SpanLayer && !isBuiltIn(importkit.LabelID(l.short())) {
			if len(labels) > 6 {
				labels = append(labels[:5], "…")
			}
			r.skip("layer %s is not Sayso's: its %d spans were imported with the labels %s", l.name, count, strings.Join(labels, ", "))
		}
		for _, fe := range l.features {
			if n := unused[fe]; n > 0 {
				r.skip("layer %s: feature %s (%d values) was not imported: Sayso has no place for it", l.name, fe, n)
			}
		}
	}
}

// relations turns relations into fragments and links.
func (r *reader) relations(index map[*spanAnn]int) {
	notLinks := map[int]int{}
	for _, rel := range r.f.rels {
		l := r.f.layers[rel.layer]
		base := -1
		for i, bl := range r.f.layers {
			if bl.kind == spanLayer && bl.name == l.base {
				base = i
			}
		}
		if base < 0 {
			notLinks[rel.layer]++
			continue
		}
		src, ok1 := r.resolve(base, rel.source, index)
		dst, ok2 := r.resolve(base, rel.target, index)
		if !ok1 || !ok2 {
			r.skip("the relation on line %d (%s) does not point at a span of %s, so it was not imported", rel.line, l.name, l.base)
			continue
		}
		role := strings.ToLower(strings.TrimSpace(rel.feats[featRole]))
		if role == roleContinues {
			if r.labels[src] != r.labels[dst] {
				r.skip("the relation on line %d joins a %s to a %s as one annotation, so it was not imported", rel.line, r.labels[src], r.labels[dst])
				continue
			}
			r.parent[r.find(dst)] = r.find(src)
			continue
		}
		claim, other := src, dst
		if r.labels[claim] != annotation.LabelClaim {
			claim, other = dst, src
		}
		var field []int
		switch {
		case r.labels[claim] != annotation.LabelClaim:
		case r.labels[other] == annotation.LabelSpeaker:
			field = r.claim
		case r.labels[other] == annotation.LabelCue:
			field = r.cue
		}
		if field == nil {
			notLinks[rel.layer]++
			continue
		}
		if field[claim] >= 0 && field[claim] != other {
			r.skip("the relation on line %d gives a claim a second %s, which Sayso cannot hold, so it was not imported", rel.line, r.labels[other])
			continue
		}
		field[claim] = other
	}
	for li, l := range r.f.layers {
		if n := notLinks[li]; n > 0 {
			r.skip("relation layer %s: %d relations were not imported: Sayso links only claims to speakers and cues", l.name, n)
		}
	}
}

// resolve finds the span annotation of layer base that ref names.
func (r *reader) resolve(base int, ref ref, index map[*spanAnn]int) (int, bool) {
	if ref.disambig > 0 {
		// INCEpTION numbers disambiguation ids across the document, so an
		// id names one annotation whatever its layer.
		if a, ok := r.f.byID[[2]int{base, ref.disambig}]; ok {
			return index[a], true
		}
		for li := range r.f.layers {
			if a, ok := r.f.byID[[2]int{li, ref.disambig}]; ok {
				return index[a], true
			}
		}
	}
	on := r.f.onUnit[unitKey{base, ref.unit}]
	if len(on) == 0 {
		return 0, false
	}
	return index[on[0]], true
}

func (r *reader) find(i int) int {
	for r.parent[i] != i {
		r.parent[i] = r.parent[r.parent[i]]
		i = r.parent[i]
	}
	return i
}
