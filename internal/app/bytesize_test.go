package app

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestByteSizeWritesWholeUnitsFromTenAndOneDecimalBelow(t *testing.T) {
	tests := []struct {
		n    int64
		want string
	}{
		{0, "0 bytes"},
		{999, "999 bytes"},
		{1000, "1.0 KB"},
		{9_900, "9.9 KB"},
		{10_000, "10 KB"},
		{830_000, "830 KB"},
		{14_000_000, "14 MB"},
		{2_000_000_000, "2.0 GB"},
		{1_500_000_000_000, "1.5 TB"},
		{1_000_000_000_000_000, "1000 TB"},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.n), func(t *testing.T) {
			assert.Equal(t, tt.want, byteSize(tt.n))
		})
	}
}
