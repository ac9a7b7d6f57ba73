package exchange_test

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/exchange"
)

// largest is the size of the largest file Sayso opens (app.MaxImportBytes).
const largest = 64 << 20

// countingReaderAt counts the bytes Detect reads of a file.
type countingReaderAt struct {
	r    *bytes.Reader
	read int64
}

func (c *countingReaderAt) ReadAt(p []byte, off int64) (int, error) {
	n, err := c.r.ReadAt(p, off)
	c.read += int64(n)
	return n, err
}

// filled returns a file of exactly largest bytes: head, then fill
// repeated, then tail.
func filled(head, fill, tail string) []byte {
	b := make([]byte, 0, largest)
	b = append(b, head...)
	for len(b)+len(fill) <= largest-len(tail) {
		b = append(b, fill...)
	}
	b = append(b, strings.Repeat(" ", largest-len(tail)-len(b))...)
	return append(b, tail...)
}

// zipped returns a zip archive of files, each stored (not compressed),
// so that a large member makes a large file.
func zipped(t *testing.T, files ...[2]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range files {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: f[0], Method: zip.Store})
		require.NoError(t, err)
		_, err = io.WriteString(w, f[1])
		require.NoError(t, err)
	}
	require.NoError(t, zw.Close())
	return buf.Bytes()
}

// The format probe reads a bounded part of a file however large it is: a
// 64 MB file is told (or found to be no format, and left to its name)
// from its first megabyte, or from a zip's directory and the first bytes
// of one of its files, never by reading all of it.
func TestDetectReadsABoundedPartOfALargeFile(t *testing.T) {
	big := strings.Repeat("a", largest-(1<<20))
	const bound = 2*exchange.ProbeBytes + 64<<10
	for _, tc := range []struct {
		name, file string
		data       func() []byte
		want       string
	}{
		{"a zip header and nothing of a zip after it: the name decides", "huge.zip",
			func() []byte { d := make([]byte, largest); copy(d, "PK\x03\x04"); return d }, exchange.Brat},
		{"no format at all", "huge.txt",
			func() []byte { return filled("", "a", "") }, ""},
		{"only white space", "huge.txt",
			func() []byte { return filled("", " \n", "") }, ""},
		{"a JSON object that never ends, named as a project", "huge.sayso.json",
			func() []byte { return filled(`{"x": "`, "a", "") }, exchange.Native},
		{"a JSON object that never ends, named as CoNLL", "huge.conll",
			func() []byte { return filled(`{"x": "`, "a", "") }, exchange.CoNLL},
		{"a Sayso project", "huge.json",
			func() []byte { return filled(`{"format": "sayso", "documents": [{"text": "`, "a", `"}]}`) }, exchange.Native},
		{"a W3C collection whose items fill the file", "huge.json",
			func() []byte {
				return filled(`{"@context": "http://www.w3.org/ns/anno.jsonld", "type": "AnnotationCollection", "items": [`,
					`{"type": "Annotation", "body": "x", "target": "t"}, `, `{}]}`)
			}, exchange.W3C},
		{"a Label Studio export whose first task holds a long text", "huge.json",
			func() []byte { return filled(`[{"id": 1, "data": {"text": "`, "a", `"}}]`) }, exchange.LabelStudio},
		{"doccano JSON Lines", "huge.jsonl",
			func() []byte {
				return filled("", `{"text": "Ann said so.", "label": [[0, 3, "SOURCE"]]}`+"\n", "")
			}, exchange.Doccano},
		{"CoNLL token lines", "huge.txt",
			func() []byte { return filled("", "Ann\tB-SOURCE\nsaid\tO\n", "") }, exchange.CoNLL},
		{"a Sayso CSV dataset", "huge.txt",
			func() []byte { return filled("claim_id,document_id,text\n", "c1,d1,said\n", "") }, exchange.CSV},
		{"a WebAnno TSV file", "huge.txt",
			func() []byte { return filled("#FORMAT=WebAnno TSV 3.3\n", "1-1\t0-3\tAnn\t_\n", "") }, exchange.WebAnno},
		{"a brat archive with a long text", "huge.zip",
			func() []byte { return zipped(t, [2]string{"a.txt", big}, [2]string{"a.ann", "T1\tSOURCE 0 3\tAnn\n"}) }, exchange.Brat},
		{"a Citron archive whose first document is long", "huge.zip",
			func() []byte {
				return zipped(t, [2]string{"a.json", `{"quotes": [], "text": "` + big + `"}`})
			}, exchange.Citron},
		{"a WebAnno archive", "huge.zip",
			func() []byte {
				return zipped(t, [2]string{"a.tsv", "#FORMAT=WebAnno TSV 3.3\n" + big})
			}, exchange.WebAnno},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := tc.data()
			require.Greater(t, len(data), largest-(2<<20), "the file is large")
			r := &countingReaderAt{r: bytes.NewReader(data)}
			assert.Equal(t, tc.want, exchange.Default().DetectAt(tc.file, r, int64(len(data))))
			assert.LessOrEqual(t, r.read, int64(bound), "read %d of %d bytes", r.read, len(data))
			assert.Equal(t, tc.want, exchange.Detect(tc.file, data), "Detect on the bytes agrees")
		})
	}
}
