package brat

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// Pair is one document to import: the text of a .txt file and the
// annotations of the .ann file that belongs to it. Text is nil when no text
// file was found for the annotations, and Ann is nil when a text has no
// annotation file.
type Pair struct {
	Name      string // the document's name: the file name without folder and extension
	Text, Ann []byte
}

// Limits on what FromZip and FromDir read.
const (
	maxFileSize  = 64 << 20  // bytes of one .txt or .ann file
	maxTotalSize = 256 << 20 // bytes of all of them together
	maxFiles     = 10000     // .txt and .ann files
)

// FromZip collects the .txt and .ann files of a zip archive into pairs
// (see FromDir). Other files, such as annotation.conf, are not read.
func FromZip(data []byte) ([]Pair, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("the file is not a zip archive: %w", err)
	}
	return FromDir(zr)
}

// FromDir collects the .txt and .ann files below the root of fsys into
// pairs, in the order of their paths. An annotation file belongs to the
// text file of the same name in the same folder or, failing that, to the
// one whose name it extends with an annotator suffix: PolNeAR's
// "story_d473.ann" belongs to "story.txt". Failing both, it belongs to
// the text of that name in another folder, the nearest: PolNeAR is
// distributed as text/NAME.txt beside attributions/NAME_ANNOTATOR.ann.
func FromDir(fsys fs.FS) ([]Pair, error) {
	c := collector{files: map[string][]byte{}}
	if err := c.dir(fsys, ""); err != nil {
		return nil, fmt.Errorf("reading the brat files: %w", err)
	}
	return pairUp(c.files), nil
}

// collector gathers .txt and .ann files by path, within the limits.
type collector struct {
	files map[string][]byte
	total int
}

// add keeps one file, if it is a text or annotation file.
func (c *collector) add(p string, b []byte) error {
	ext := strings.ToLower(path.Ext(p))
	if ext != ".txt" && ext != ".ann" {
		return nil
	}
	if len(c.files) >= maxFiles {
		return fmt.Errorf("there are more than %d text and annotation files", maxFiles)
	}
	if len(b) > maxFileSize {
		return fmt.Errorf("%s is larger than %d MiB", p, maxFileSize>>20)
	}
	if c.total += len(b); c.total > maxTotalSize {
		return fmt.Errorf("the files hold more than %d MiB", maxTotalSize>>20)
	}
	c.files[p] = b
	return nil
}

// dir adds the text and annotation files below the root of fsys, their
// paths under prefix.
func (c *collector) dir(fsys fs.FS, prefix string) error {
	return fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		ext := strings.ToLower(path.Ext(p))
		if d.IsDir() || (ext != ".txt" && ext != ".ann") {
			return nil
		}
		b, err := readLimited(fsys, p)
		if err != nil {
			return err
		}
		return c.add(path.Join(prefix, p), b)
	})
}

// readLimited reads one file of at most maxFileSize bytes.
func readLimited(fsys fs.FS, name string) ([]byte, error) {
	f, err := fsys.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	if len(b) > maxFileSize {
		return nil, fmt.Errorf("%s is larger than %d MiB", name, maxFileSize>>20)
	}
	return b, nil
}

// pairUp matches annotation files to text files by path.
func pairUp(files map[string][]byte) []Pair {
	texts := map[string][]byte{}    // path without extension → text
	byBase := map[string][]string{} // file name without extension → text stems
	var anns []string
	for p, b := range files {
		stem := strings.TrimSuffix(p, path.Ext(p))
		if strings.EqualFold(path.Ext(p), ".txt") {
			texts[stem] = b
			byBase[path.Base(stem)] = append(byBase[path.Base(stem)], stem)
		} else {
			anns = append(anns, p)
		}
	}
	for _, stems := range byBase {
		sort.Strings(stems)
	}
	sort.Strings(anns)
	byText := map[string][]string{} // text stem → annotation paths
	var orphans []string
	for _, a := range anns {
		if stem, ok := textFor(texts, byBase, a); ok {
			byText[stem] = append(byText[stem], a)
		} else {
			orphans = append(orphans, a)
		}
	}
	stems := make([]string, 0, len(texts))
	for s := range texts {
		stems = append(stems, s)
	}
	sort.Strings(stems)
	var pairs []Pair
	for _, s := range stems {
		as := byText[s]
		if len(as) == 0 {
			pairs = append(pairs, Pair{Name: path.Base(s), Text: texts[s]})
		}
		for _, a := range as {
			name := path.Base(s)
			if len(as) > 1 { // one document per annotator
				name = path.Base(strings.TrimSuffix(a, path.Ext(a)))
			}
			pairs = append(pairs, Pair{Name: name, Text: texts[s], Ann: files[a]})
		}
	}
	for _, a := range orphans {
		pairs = append(pairs, Pair{Name: path.Base(strings.TrimSuffix(a, path.Ext(a))), Ann: files[a]})
	}
	return pairs
}

// textFor finds the text an annotation file belongs to: of the same name
// in its folder, of its name without an annotator suffix in its folder,
// then the same two in the nearest other folder.
func textFor(texts map[string][]byte, byBase map[string][]string, ann string) (string, bool) {
	stem := strings.TrimSuffix(ann, path.Ext(ann))
	dir, base := path.Split(stem)
	names := []string{base}
	if i := strings.LastIndexByte(base, '_'); i > 0 {
		names = append(names, base[:i])
	}
	for _, n := range names {
		if _, ok := texts[dir+n]; ok {
			return dir + n, true
		}
	}
	for _, n := range names {
		best, bestShared := "", -1
		for _, s := range byBase[n] {
			if shared := sharedFolders(dir, s); shared > bestShared {
				best, bestShared = s, shared
			}
		}
		if best != "" {
			return best, true
		}
	}
	return "", false
}

// sharedFolders counts the leading folders two paths have in common.
func sharedFolders(dir, stem string) int {
	a := strings.Split(strings.Trim(dir, "/"), "/")
	b := strings.Split(path.Dir(stem), "/")
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}
