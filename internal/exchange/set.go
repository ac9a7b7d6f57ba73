package exchange

import (
	"fmt"
	"path"
	"sort"
	"strings"

	"sayso/internal/annotation"
	"sayso/internal/format/brat"
)

// Files chosen or dropped together: brat's texts and annotation files,
// which only make sense side by side, are read as one set (ImportSet);
// every other file opens on its own (Import).

// The endings of the files a set pairs: brat's texts and annotation files.
const (
	TextEnding       = ".txt"
	AnnotationEnding = ".ann"
)

// IsAnnotationFile reports whether name is a brat annotation file
// (.ann), which is read together with its text.
func IsAnnotationFile(name string) bool {
	return strings.EqualFold(path.Ext(strings.TrimSpace(name)), AnnotationEnding)
}

// InSet reports whether ImportSet reads a file of this name: a text, an
// annotation file, or a zip archive of them.
func InSet(name string) bool {
	switch strings.ToLower(path.Ext(strings.TrimSpace(name))) {
	case TextEnding, AnnotationEnding, ".zip":
		return true
	}
	return false
}

// OpenEndings lists, in sorted order, the file-name endings Open takes:
// the last extension of every name a format that opens claims (so
// ".json" for ".sayso.json"), brat's .txt and .ann files, which open in
// pairs, and .txt for a plain article. The file inputs' accept lists are
// made of them.
func (r Registry) OpenEndings() []string {
	seen := map[string]bool{TextEnding: true, AnnotationEnding: true}
	for _, f := range r.Formats() {
		if !f.Opens {
			continue
		}
		for _, n := range f.Names {
			seen[strings.ToLower(path.Ext(n))] = true
		}
	}
	out := make([]string, 0, len(seen))
	for e := range seen {
		out = append(out, e)
	}
	sort.Strings(out)
	return out
}

// OpenEndings lists the endings Open takes with the Default registry.
func OpenEndings() []string { return Default().OpenEndings() }

// Set is what ImportSet read.
type Set struct {
	// Imported holds one document per text among the files, with the
	// annotations of its annotation files (one document per annotator
	// when a text has several); its Project has no documents when no text
	// was among the files.
	Imported
	// Lone lists the annotation files that found no text among the
	// files, in name order.
	Lone []Lone
	// Placed holds the lone annotation files that fit the open text,
	// placed on it: one document with the open text's title (one per
	// file, named after it, when several fit). Lone files are only placed
	// when no text was among the files; Placed.Project has no documents
	// when none was placed.
	Placed Imported
}

// Lone is an annotation file chosen without its text.
type Lone struct {
	File   string // the annotation file's name ("NAME_d473.ann")
	Needs  string // the text file it belongs to ("NAME.txt")
	Placed bool   // placed on the open text (Set.Placed)
	// Misfit says why it does not fit the open text; "" when it was
	// placed, or when no text was open or texts were among the files.
	Misfit string
}

// ImportSet reads files chosen or dropped together, by name: brat .txt
// and .ann files and zip archives of them, paired by name (an annotation
// file belongs to the text of its name, or of its name without an
// annotator suffix: NAME_d473.ann belongs to NAME.txt, also across
// PolNeAR's text/ and attributions/ folders). Files of other kinds are
// passed over. When no text is among them, each annotation file whose
// spans all fit open (the text open in the app; none when its Text is "")
// is placed on it. The error is for files that cannot be read at all.
func ImportSet(files map[string][]byte, open annotation.Document) (Set, error) {
	pairs, err := brat.PairFiles(files)
	if err != nil {
		return Set{}, err
	}
	withText, lone := brat.SplitLone(pairs)
	info := brat.Info()
	set := Set{Imported: Imported{Format: info}, Placed: Imported{Format: info}}
	if len(withText) > 0 {
		p, rep, err := brat.Import(withText)
		if err != nil {
			return Set{}, &ReadError{Format: info, Err: err}
		}
		set.Project, set.Report = p, rep
	}
	var fits []brat.Pair
	for _, l := range lone {
		one := Lone{File: l.Name + AnnotationEnding, Needs: textName(l.Name)}
		if len(withText) == 0 && open.Text != "" {
			if err := brat.FitsText(l.Ann, open.Text); err != nil {
				one.Misfit = err.Error()
			} else {
				one.Placed = true
				fits = append(fits, brat.Pair{Name: l.Name, Text: []byte(open.Text), Ann: l.Ann})
			}
		}
		set.Lone = append(set.Lone, one)
	}
	if len(fits) == 1 {
		fits[0].Name = open.Title
	}
	if len(fits) > 0 {
		p, rep, err := brat.Import(fits)
		if err != nil {
			return Set{}, &ReadError{Format: info, Err: err}
		}
		set.Placed.Project, set.Placed.Report = p, rep
	}
	return set, nil
}

// textName names the text an annotation file of base name ann belongs
// to: its name without an annotator suffix ("_d473"), if it has one.
func textName(ann string) string {
	if i := strings.LastIndexByte(ann, '_'); i > 0 {
		ann = ann[:i]
	}
	return fmt.Sprintf("%s%s", ann, TextEnding)
}
