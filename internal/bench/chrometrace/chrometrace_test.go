//go:build !js

package chrometrace

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestARunsDumpIsNamedFromThePrefixOrIsNone(t *testing.T) {
	tests := []struct {
		prefix string
		run    int
		want   string
	}{
		{"", 3, ""},
		{"/tmp/open", 1, "/tmp/open-1.json"},
		{"trace", 12, "trace-12.json"},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, DumpPath(tc.prefix, tc.run), "%q, run %d", tc.prefix, tc.run)
	}
}
