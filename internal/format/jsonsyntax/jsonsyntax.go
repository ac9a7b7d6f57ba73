// Package jsonsyntax explains, in words meant for the person who opened a
// file, why its bytes are not JSON, and where: the messages the file
// formats (native, exercise) share.
package jsonsyntax

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// MaxDepth is how many arrays and objects JSON may open inside each other
// before Go's encoding/json (and so Sayso) refuses to read it.
const MaxDepth = 10000

// Explain describes why b, which json.Valid refused, is not JSON: cut
// short, or the first bad character with its line and column.
func Explain(b []byte) error {
	if err := json.NewDecoder(bytes.NewReader(b)).Decode(new(json.RawMessage)); errors.Is(err, io.ErrUnexpectedEOF) {
		return fmt.Errorf("this file is cut short: the JSON ends early (at byte %d)", len(b))
	}
	var syn *json.SyntaxError
	if err := json.Unmarshal(b, new(json.RawMessage)); !errors.As(err, &syn) {
		return fmt.Errorf("this file is not JSON (%v)", err)
	}
	// The bad character is the last one the scanner read.
	pos := min(max(int(syn.Offset)-1, 0), len(b)-1)
	line, col := LineColumn(b, pos)
	if strings.HasSuffix(syn.Error(), "exceeded max depth") {
		return fmt.Errorf("this file is nested too deeply: more than %s arrays or objects inside each other (line %d, column %d); Sayso reads JSON nested up to %s levels",
			thousands(MaxDepth), line, col, thousands(MaxDepth))
	}
	return fmt.Errorf("this file is not JSON (%s at line %d, column %d)", Describe(b[pos:]), line, col)
}

// Describe names the character at the start of b.
func Describe(b []byte) string {
	r, _ := utf8.DecodeRune(b)
	if r == utf8.RuneError {
		return fmt.Sprintf("invalid byte 0x%02x", b[0])
	}
	return fmt.Sprintf("invalid character %q", r)
}

// LineColumn returns the 1-based line and column (in code points) of byte
// offset off of src.
func LineColumn(src []byte, off int) (line, col int) {
	off = min(max(off, 0), len(src))
	before := src[:off]
	line = 1 + bytes.Count(before, []byte{'\n'})
	lineStart := bytes.LastIndexByte(before, '\n') + 1
	return line, 1 + utf8.RuneCount(before[lineStart:])
}

// Megabytes writes a size for a message: "64 MB", "10.5 MB".
func Megabytes(n int) string {
	if n%(1<<20) == 0 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}

// thousands writes n with commas between groups of three digits: "10,000".
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
