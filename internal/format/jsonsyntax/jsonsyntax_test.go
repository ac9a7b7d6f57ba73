package jsonsyntax

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestExplainNamesWhatIsWrongAndWhere(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"cut short", `{"a": [1, 2`, "this file is cut short: the JSON ends early (at byte 11)"},
		{"bad character", "{\n  \"a\": x}", `this file is not JSON (invalid character 'x' at line 2, column 8)`},
		{"invalid byte", "{\"a\": \xff}", "this file is not JSON (invalid byte 0xff at line 1, column 7)"},
		{"emoji before the fault counts once", "[\"😀\", ?]", `this file is not JSON (invalid character '?' at line 1, column 7)`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.EqualError(t, Explain([]byte(tc.in)), tc.want)
		})
	}
}

func TestMegabytes(t *testing.T) {
	assert.Equal(t, "64 MB", Megabytes(64<<20))
	assert.Equal(t, "10.5 MB", Megabytes(21<<19))
}
