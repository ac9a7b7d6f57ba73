package citron

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"io"
	"path"
	"sort"
	"strings"
)

// The whole endings an exported file's name should have, so that a
// multi-document export (a zip archive) is not named like JSON and is told
// from other zips by its name as well as by InZip.
const (
	FileExtension    = ".citron.json"
	ZipFileExtension = ".citron.zip"
)

// NameEnding is the ending of the file name r should be saved under:
// ".citron.zip" for a zip archive of several documents, else
// ".citron.json".
func (r Result) NameEnding() string {
	if r.Extension == ZipExtension {
		return ZipFileExtension
	}
	return FileExtension
}

// maxSniffBytes bounds what InZip unpacks of the file it looks at.
const maxSniffBytes = 1 << 20

// InZip reports whether data is a zip archive of Citron documents: its
// first .json file, in name order, is a JSON object (or a list whose first
// element is an object) with "quotes" or "coreference_groups". Label
// Studio's archives hold JSON too, but lists of tasks with "data", and
// brat's hold .ann and .txt files, so detection asks this before those.
func InZip(data []byte) bool {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return false
	}
	return InZipReader(zr)
}

// InZipReader is InZip for an archive already open: it unpacks at most
// the first megabyte of one file.
func InZipReader(zr *zip.Reader) bool {
	files := append([]*zip.File(nil), zr.File...)
	sort.Slice(files, func(i, j int) bool { return files[i].Name < files[j].Name })
	for _, f := range files {
		if f.FileInfo().IsDir() || !strings.EqualFold(path.Ext(f.Name), ".json") {
			continue
		}
		return looksCitron(f)
	}
	return false
}

// looksCitron reads the start of one file of an archive and tells whether
// it is a Citron document.
func looksCitron(f *zip.File) bool {
	rc, err := f.Open()
	if err != nil {
		return false
	}
	defer rc.Close()
	head, err := io.ReadAll(io.LimitReader(rc, maxSniffBytes))
	if err != nil {
		return false
	}
	dec := json.NewDecoder(bytes.NewReader(bytes.TrimPrefix(head, []byte("\uFEFF"))))
	tok, err := dec.Token()
	if err != nil {
		return false
	}
	if tok == json.Delim('[') {
		if tok, err = dec.Token(); err != nil {
			return false
		}
	}
	if tok != json.Delim('{') {
		return false
	}
	// Walk the keys of the object; a key's value is skipped whole, which
	// may run past what was read of a large file.
	for dec.More() {
		key, err := dec.Token()
		if err != nil {
			return false
		}
		if key == "quotes" || key == "coreference_groups" {
			return true
		}
		var skip json.RawMessage
		if dec.Decode(&skip) != nil {
			return false
		}
	}
	return false
}
