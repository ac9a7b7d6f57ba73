package brat

import (
	"archive/zip"
	"bytes"
	"fmt"
	"path"
	"sort"
	"strings"

	"sayso/internal/text"
)

// PairFiles pairs a set of files as the app receives them, dropped or
// chosen together, by name (which may hold folders, as a dropped folder
// gives them): any number of .txt and .ann files, and zip archives of
// them, such as PolNeAR's layout of text/NAME.txt beside
// attributions/NAME_ANNOTATOR.ann. Files of other kinds (annotation.conf,
// a README) are passed over. Pairing is FromDir's: an annotation file
// belongs to the text of its name, or of its name without an annotator
// suffix, in its folder or else in the nearest folder; a text with two
// annotators' files gives two pairs, named after the annotation files.
// Texts come first, in path order, each with its annotation files; an
// annotation file with no text comes last, with Text nil (see FitsText
// to place it on the text open in the app).
func PairFiles(files map[string][]byte) ([]Pair, error) {
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)
	c := collector{files: map[string][]byte{}}
	for _, n := range names {
		p := cleanPath(n)
		b := files[n]
		if strings.EqualFold(path.Ext(p), ".zip") || bytes.HasPrefix(b, []byte("PK\x03\x04")) {
			zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
			if err != nil {
				return nil, fmt.Errorf("%s is not a zip archive that can be read: %w", n, err)
			}
			if err := c.dir(zr, p); err != nil {
				return nil, fmt.Errorf("reading %s: %w", n, err)
			}
			continue
		}
		if err := c.add(p, b); err != nil {
			return nil, fmt.Errorf("reading the brat files: %w", err)
		}
	}
	return pairUp(c.files), nil
}

// cleanPath turns a name as the browser gives it (a webkitRelativePath, or
// a Windows path) into a slash-separated relative path.
func cleanPath(name string) string {
	p := path.Clean("/" + strings.ReplaceAll(name, "\\", "/"))
	return strings.TrimPrefix(p, "/")
}

// SplitLone separates pairs with a text from annotation files that found
// none, keeping the order of each.
func SplitLone(pairs []Pair) (withText, lone []Pair) {
	for _, p := range pairs {
		if p.Text == nil {
			lone = append(lone, p)
		} else {
			withText = append(withText, p)
		}
	}
	return withText, lone
}

// FitsText reports whether the annotation file ann, found without its
// text, belongs on body, the text open in the app: every text-bound line
// must lie inside the text and read there what it says it reads (as brat
// itself checks). The error says how many spans do not fit and how the
// first fails; an annotation file with no span fits nothing. Place a
// fitting file with Import([]Pair{{Name: name, Text: []byte(body), Ann:
// ann}}).
func FitsText(ann []byte, body string) error {
	src, _ := validText(ann)
	recs, _ := parseAnn(src)
	d := &doc{x: text.NewIndex(text.Normalize(body))}
	spans, misfits, first := 0, 0, ""
	for i := range recs {
		r := &recs[i]
		if r.Kind != 'T' {
			continue
		}
		spans++
		if why := d.checkSpans(r); why != "" {
			if misfits == 0 {
				first = fmt.Sprintf("%s (%s %s): %s", r.ID, r.Type, quoted(r.Text), why)
			}
			misfits++
		}
	}
	switch {
	case spans == 0:
		return fmt.Errorf("the annotation file has no text-bound spans to place on the text")
	case misfits > 0:
		return fmt.Errorf("%d of its %d spans do not fit the text open now; the first, %s", misfits, spans, first)
	}
	return nil
}
