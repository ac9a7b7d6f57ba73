package citron_test

import (
	"testing"

	"sayso/internal/format/citron"
)

// FuzzInZip checks that InZip never panics on any bytes, zip or not.
// Seeds are in testdata/fuzz/FuzzInZip.
func FuzzInZip(f *testing.F) {
	f.Add([]byte("PK\x03\x04"))
	f.Add([]byte(`{"quotes": []}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		_ = citron.InZip(b)
	})
}
