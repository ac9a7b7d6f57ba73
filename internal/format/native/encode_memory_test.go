package native_test

import (
	"runtime"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/format/native"
)

// TestEncodeReservesAboutTheSizeOfWhatItWrites holds the encoder's size
// estimate to the output: it writes into one buffer made once (no
// doubling), and the memory it takes is within a third of the output's
// size. An estimate too low grows the buffer (copies of a 6 MB file); one
// too high holds memory the page does not have to spare.
func TestEncodeReservesAboutTheSizeOfWhatItWrites(t *testing.T) {
	p := bigProject(10000)
	out, err := native.Encode(p)
	require.NoError(t, err)
	allocs := testing.AllocsPerRun(3, func() {
		if _, err := native.Encode(p); err != nil {
			t.Fatal(err)
		}
	})
	assert.LessOrEqual(t, allocs, 30.0, "one buffer, no growth")
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err = native.Encode(p)
	runtime.ReadMemStats(&after)
	require.NoError(t, err)
	taken := after.TotalAlloc - before.TotalAlloc
	assert.GreaterOrEqual(t, taken, uint64(len(out)))
	assert.LessOrEqual(t, taken, uint64(len(out))*4/3, "%d bytes taken for %d written", taken, len(out))
}
