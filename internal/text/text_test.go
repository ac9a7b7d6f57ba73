package text

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"empty", "", ""},
		{"no newline", "a b", "a b"},
		{"lf kept", "a\nb\n", "a\nb\n"},
		{"crlf", "a\r\nb\r\n", "a\nb\n"},
		{"lone cr", "a\rb", "a\nb"},
		{"cr at end", "a\r", "a\n"},
		{"cr at start", "\ra", "\na"},
		{"cr cr lf", "a\r\r\nb", "a\n\nb"},
		{"lf cr", "a\n\rb", "a\n\nb"},
		{"mixed", "1\r\n2\r3\n4\r\n\r\n5", "1\n2\n3\n4\n\n5"},
		{"space and tabs kept", "  a\t\r\n", "  a\t\n"},
		{"no NFC", "e\u0301\r\n", "e\u0301\n"},
		{"only cr", "\r\r\r", "\n\n\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Normalize(tt.in)
			assert.Equal(t, tt.want, got)
			assert.Equal(t, got, Normalize(got), "idempotent")
		})
	}
}

func TestHash(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"},
		{"abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"},
		{"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
			"248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Hash(tt.in), "Hash(%q)", tt.in)
	}
	assert.Equal(t, strings.ToLower(Hash("é")), Hash("é"), "lowercase")
	assert.NotEqual(t, Hash("e\u0301"), Hash("é"), "bytes are hashed as they are")
}

func TestSpan(t *testing.T) {
	tests := []struct {
		name       string
		a, b       Span
		overlaps   bool
		aContainsB bool
		bContainsA bool
		aLen       int
		bLen       int
	}{
		{"disjoint", Span{0, 3}, Span{5, 8}, false, false, false, 3, 3},
		{"adjacent", Span{0, 3}, Span{3, 8}, false, false, false, 3, 5},
		{"overlap by one", Span{0, 4}, Span{3, 8}, true, false, false, 4, 5},
		{"nested", Span{0, 10}, Span{3, 8}, true, true, false, 10, 5},
		{"equal", Span{2, 5}, Span{2, 5}, true, true, true, 3, 3},
		{"empty inside", Span{0, 10}, Span{4, 4}, false, true, false, 10, 0},
		{"empty at end", Span{0, 10}, Span{10, 10}, false, true, false, 10, 0},
		{"reversed", Span{5, 2}, Span{0, 10}, false, false, true, 0, 10},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, tt.overlaps, tt.a.Overlaps(tt.b), "a.Overlaps(b)")
			assert.Equal(t, tt.overlaps, tt.b.Overlaps(tt.a), "b.Overlaps(a)")
			assert.Equal(t, tt.aContainsB, tt.a.Contains(tt.b), "a.Contains(b)")
			assert.Equal(t, tt.bContainsA, tt.b.Contains(tt.a), "b.Contains(a)")
			assert.Equal(t, tt.aLen, tt.a.Len())
			assert.Equal(t, tt.bLen, tt.b.Len())
		})
	}
}

func TestClean(t *testing.T) {
	tests := []struct {
		name              string
		in                string
		want              string
		invalid, controls int
	}{
		{"plain text untouched", "Wang Wen said “hi” 😀", "Wang Wen said “hi” 😀", 0, 0},
		{"line endings normalised", "a\r\nb\rc", "a\nb\nc", 0, 0},
		{"NUL and escape removed", "a\x00b\x1bc", "abc", 0, 2},
		{"C1 control removed", "a\u0085b", "ab", 0, 1},
		{"tabs and newlines kept", "a\tb\n", "a\tb\n", 0, 0},
		{"RTL marks kept", "a\u200fb\u202ec", "a\u200fb\u202ec", 0, 0},
		{"invalid UTF-8 replaced", "a\xffb\xc3", "a\ufffdb\ufffd", 2, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, invalid, controls := Clean([]byte(tc.in))
			assert.Equal(t, tc.want, got)
			assert.Equal(t, tc.invalid, invalid)
			assert.Equal(t, tc.controls, controls)
		})
	}
}

func FuzzClean(f *testing.F) {
	f.Add([]byte("a\r\nb\x00\xff"))
	f.Fuzz(func(t *testing.T, b []byte) {
		s, _, _ := Clean(b)
		if !utf8.ValidString(s) || strings.ContainsRune(s, '\r') || strings.ContainsRune(s, 0) {
			t.Fatalf("Clean(%q) = %q", b, s)
		}
		again, inv, ctl := Clean([]byte(s))
		if again != s || inv != 0 || ctl != 0 {
			t.Fatalf("Clean is not idempotent on %q", b)
		}
	})
}
