package jsonsyntax

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestExplainNamesWhatIsWrongAndWhere(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"cut short", `{"a": [1, 2`, "this file is cut short: the JSON ends early (at byte 11)"},
		{"bad character", "{\n  \"a\": x}", `this file is not JSON (invalid character 'x' at line 2, column 8)`},
		{"invalid byte", "{\"a\": \xff}", "this file is not JSON (invalid byte 0xff at line 1, column 7)"},
		{"nested too deeply, though valid", strings.Repeat("[", 100000) + strings.Repeat("]", 100000),
			"this file is nested too deeply: more than 10,000 arrays or objects inside each other (line 1, column 10001); Sayso reads JSON nested up to 10,000 levels"},
		{"nested too deeply in objects", strings.Repeat(`{"a":`, 10001) + "1" + strings.Repeat("}", 10001),
			"this file is nested too deeply: more than 10,000 arrays or objects inside each other (line 1, column 50001); Sayso reads JSON nested up to 10,000 levels"},
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

func TestThousandsGroupsDigits(t *testing.T) {
	tests := []struct {
		in   int
		want string
	}{{0, "0"}, {999, "999"}, {1000, "1,000"}, {10000, "10,000"}, {1234567, "1,234,567"}, {-1000, "-1,000"}}
	for _, tc := range tests {
		assert.Equal(t, tc.want, thousands(tc.in))
	}
}
