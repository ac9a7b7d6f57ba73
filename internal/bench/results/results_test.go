package results

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNewJudgesTheMedian(t *testing.T) {
	met := New("a", "a", Millis, []float64{10, 30, 20}, AtMost(20), "")
	require.NotNil(t, met.Met)
	assert.True(t, *met.Met)
	assert.Equal(t, 20.0, met.Median)

	missed := New("b", "b", Millis, []float64{21, 22, 5}, AtMost(20), "")
	require.NotNil(t, missed.Met)
	assert.False(t, *missed.Met)

	assert.Nil(t, New("c", "c", Millis, []float64{1}, nil, "").Met, "no target, no verdict")
	assert.Nil(t, New("d", "d", Millis, nil, AtMost(1), "").Met, "no samples, no verdict")

	r := Report{Figures: []Figure{met, missed}}
	assert.Equal(t, []string{"b"}, ids(r.Missed()))
}

func TestNewPercentile(t *testing.T) {
	xs := []float64{5, 1, 4, 2, 3, 10, 6, 7, 8, 9}
	f := NewPercentile("p", "p95", Millis, xs, 95, AtMost(9), "")
	assert.Equal(t, 10.0, f.Median, "the 95th percentile")
	assert.Equal(t, 1.0, f.Min)
	assert.Equal(t, 10.0, f.Max)
	assert.Equal(t, 95.0, f.Percentile)
	require.NotNil(t, f.Met)
	assert.False(t, *f.Met)
	assert.Nil(t, NewPercentile("p", "p", Millis, nil, 50, AtMost(1), "").Met)
}

func ids(fs []Figure) []string {
	var out []string
	for _, f := range fs {
		out = append(out, f.ID)
	}
	return out
}

func TestFormat(t *testing.T) {
	tests := []struct {
		u    Unit
		v    float64
		want string
	}{
		{Bytes, 512, "512 B"},
		{Bytes, 1_046_698, "1046.7 kB"},
		{Bytes, 12_500_000, "12.50 MB"},
		{BytesBinary, 32 << 20, "32.0 MiB"},
		{Millis, 12.34, "12.3 ms"},
		{Millis, 1234.4, "1234 ms"},
		{Ratio, 0.5, "0.50×"},
		{Count, 1234567, "1,234,567"},
		{Count, -1234, "-1,234"},
		{Count, 12, "12"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Format(tt.u, tt.v))
	}
}

func TestTableAndMarkdown(t *testing.T) {
	figs := []Figure{
		New("render", "render 1 MB", Millis, []float64{100, 200, 300}, AtMost(150), ""),
		New("size", "wasm raw", Bytes, []float64{6_000_000}, nil, ""),
		New("none", "not run", Millis, nil, AtMost(1), ""),
	}
	var b strings.Builder
	require.NoError(t, Table(&b, figs))
	out := b.String()
	assert.Contains(t, out, "render 1 MB")
	assert.Contains(t, out, "NO")
	assert.Contains(t, out, "≤ 150.0 ms")
	assert.Contains(t, out, "not measured")

	b.Reset()
	require.NoError(t, Markdown(&b, figs))
	assert.Contains(t, b.String(), "| render 1 MB | 200.0 ms | 100.0 ms | 300.0 ms | ≤ 150.0 ms | **no** |")
}

func TestWriteJSON(t *testing.T) {
	path := filepath.Join(t.TempDir(), "deep", "results.json")
	r := Report{Meta: Meta{Runs: 5}, Figures: []Figure{New("x", "x", Count, []float64{1, 2, 3}, AtMost(2), "def")}}
	require.NoError(t, r.WriteJSON(path))
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	var back map[string]any
	require.NoError(t, json.Unmarshal(b, &back))
	fig := back["figures"].([]any)[0].(map[string]any)
	assert.Equal(t, 2.0, fig["median"])
	assert.Equal(t, true, fig["met"])
	assert.Equal(t, "def", fig["definition"])
}
