package format

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"time"
)

// File is one file of an export made of several.
type File struct {
	Name string
	Data []byte
}

// zipTime is the modification time written for every file of a zip, so
// that the same export gives the same bytes.
func zipTime() time.Time { return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC) }

// Zip packs files into a zip archive, compressed, in the given order, so
// that an export of several files is one download. It fails when two files
// have the same name.
func Zip(files []File) ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	seen := map[string]bool{}
	for _, f := range files {
		if seen[f.Name] {
			return nil, fmt.Errorf("the zip would hold two files named %q", f.Name)
		}
		seen[f.Name] = true
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: zipTime()})
		if err != nil {
			return nil, fmt.Errorf("adding %q to the zip: %w", f.Name, err)
		}
		if _, err := w.Write(f.Data); err != nil {
			return nil, fmt.Errorf("adding %q to the zip: %w", f.Name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("finishing the zip: %w", err)
	}
	return buf.Bytes(), nil
}

// IsZip reports whether data starts like a zip archive (a local file
// header, or the end record of an empty archive).
func IsZip(data []byte) bool {
	return bytes.HasPrefix(data, []byte("PK\x03\x04")) || bytes.HasPrefix(data, []byte("PK\x05\x06"))
}

// ReadZipped reads one file of a zip archive, refusing more than limit
// bytes whatever its header claims.
func ReadZipped(f *zip.File, limit int) ([]byte, error) {
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
