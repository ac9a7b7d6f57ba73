package native

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// The small checks Encode and Decode rely on, at every edge of what they
// accept.

func TestValidColorAcceptsOnlyHashAndSixHexDigits(t *testing.T) {
	tests := []struct {
		c    string
		want bool
	}{
		{"", true},
		{"#09afAF", true},
		{"#a0B9fF", true},
		{"#abcde", false},   // 6 characters
		{"#abcdeff", false}, // 8 characters
		{"a123456", false},  // no #
		{"#/12345", false},  // just before '0'
		{"#:12345", false},  // just after '9'
		{"#`12345", false},  // just before 'a'
		{"#g12345", false},  // just after 'f'
		{"#@12345", false},  // just before 'A'
		{"#G12345", false},  // just after 'F'
		{"#12345g", false},  // the last digit is checked too
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, validColor(tc.c), "%q", tc.c)
	}
}

func TestValidKeyIsEmptyOrOneCodePoint(t *testing.T) {
	for k, want := range map[string]bool{"": true, "c": true, "é": true, "😀": true, "cc": false, "é1": false} {
		assert.Equal(t, want, validKey(k), "%q", k)
	}
}

func TestValidSHA256IsSixtyFourLowercaseHexDigits(t *testing.T) {
	ok := strings.Repeat("0123456789abcdef", 4)
	tests := []struct {
		h    string
		want bool
	}{
		{ok, true},
		{ok[:63], false},
		{ok + "0", false},
		{ok[:63] + "A", false},
		{ok[:63] + "/", false},
		{ok[:63] + ":", false},
		{ok[:63] + "`", false},
		{ok[:63] + "g", false},
		{"g" + ok[1:], false},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, validSHA256(tc.h), "%q", tc.h)
	}
}

func TestClipKeeps40CodePointsAndShortensLongerValues(t *testing.T) {
	forty := strings.Repeat("é", 40)
	assert.Equal(t, forty, clip(forty))
	assert.Equal(t, strings.Repeat("é", 39)+"…", clip(forty+"é"))
	assert.Equal(t, "", clip(""))
}
