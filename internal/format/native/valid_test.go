package native

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestValidJSONAgreesWithEncodingJSON(t *testing.T) {
	for _, tc := range []struct{ name, in string }{
		{"empty", ""},
		{"white space only", " \n\t\r"},
		{"a project", `{"format": "sayso", "version": 1, "documents": [{"id": "d1", "text": "a\nb \u00e9 \ud83d\ude00"}]}`},
		{"nested empties", `{"a": [], "b": {}, "c": [[], {}]}`},
		{"literals", `[true, false, null]`},
		{"numbers", `[0, -0, 1.5, -12e3, 4E+2, 5e-1, 123456789]`},
		{"leading zero", `01`},
		{"minus alone", `-`},
		{"dot without digits", `1.`},
		{"exponent without digits", `1e`},
		{"plus sign", `+1`},
		{"trailing comma in a list", `[1, 2,]`},
		{"trailing comma in an object", `{"a": 1,}`},
		{"missing colon", `{"a" 1}`},
		{"key not a string", `{1: 2}`},
		{"two values", `{} {}`},
		{"unterminated string", `"abc`},
		{"control character in a string", "\"a\x01b\""},
		{"bad escape", `"\x"`},
		{"short unicode escape", `"\u12"`},
		{"bad hex", `"\u12g4"`},
		{"invalid UTF-8 in a string", "\"a\xff\xfeb\""},
		{"truncated literal", `tru`},
		{"literal with more", `trueish`},
		{"unclosed list", `[1, 2`},
		{"unclosed object", `{"a": 1`},
		{"white space around", " \n [ 1 , { \"a\" : null } ] \r\n"},
		{"nested to the limit", strings.Repeat("[", maxDepth) + strings.Repeat("]", maxDepth)},
		{"nested past the limit", strings.Repeat("[", maxDepth+1) + strings.Repeat("]", maxDepth+1)},
		{"objects past the limit", strings.Repeat(`{"a":`, maxDepth+1) + "1" + strings.Repeat("}", maxDepth+1)},
		{"objects nested to the limit", strings.Repeat(`{"a":`, maxDepth) + "1" + strings.Repeat("}", maxDepth)},
		// Input that ends in the middle of a token: the checks must not
		// read past the last byte.
		{"backslash at the end", `"\`},
		{"unicode escape cut at the end", `"\u123`},
		{"fraction at the end", `1.5`},
		{"exponent at the end", `-2e10`},
		{"literal at the end", `true`},
		{"literal cut inside a list", `[tru`},
		{"null cut inside an object", `{"a": nul`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			// Capacity equal to the length, so that a read past the end
			// panics instead of finding spare bytes.
			b := []byte(tc.in)
			b = b[:len(b):len(b)]
			assert.Equal(t, json.Valid(b), validJSON(b))
		})
	}
}

func FuzzValidJSON(f *testing.F) {
	for _, s := range []string{
		`{"format": "sayso", "documents": [{"text": "a\nb"}]}`,
		`[0, -1.5e+3, true, false, null, "\u00e9\ud83d\ude00"]`,
		`{"a": [1, 2,]}`,
		"\"a\xffb\\u12\"",
		`01`,
		`{"a" 1}`,
		` [ ] `,
		`"\u123`,
		`{"a": [tru`,
		`-2e10`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		if got, want := validJSON(b), json.Valid(b); got != want {
			t.Fatalf("validJSON(%q) = %v, json.Valid says %v", b, got, want)
		}
	})
}

func BenchmarkValidJSON(b *testing.B) {
	// About a megabyte: a long text and 5,000 annotations.
	para := `The minister said on Tuesday that the harbour \u201cwill not close\u201d 🚢, while 港口工人 disagreed loudly.\n`
	ann := `{"id": "a1", "document": "d1", "label": "claim", "fragments": [{"start": 10, "end": 42}], "quote": "will not close", "prefix": "said on Tuesday that the ", "suffix": " while the workers", "stance": "favor"},`
	in := []byte(`{"format": "sayso", "documents": [{"id": "d1", "length": 1234, "text": "` + strings.Repeat(para, 5000) + `"}], "annotations": [` + strings.Repeat(ann, 5000) + `{}]}`)
	b.SetBytes(int64(len(in)))
	b.Run("validJSON", func(b *testing.B) {
		for b.Loop() {
			if !validJSON(in) {
				b.Fatal("not valid")
			}
		}
	})
	b.Run("json.Valid", func(b *testing.B) {
		for b.Loop() {
			if !json.Valid(in) {
				b.Fatal("not valid")
			}
		}
	})
}
