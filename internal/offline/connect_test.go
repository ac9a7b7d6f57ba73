package offline_test

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"sayso/internal/offline"
)

func TestSetConnectAllowsExactlyTheBoxOrigin(t *testing.T) {
	page, err := os.ReadFile("testdata/offline.html")
	require.NoError(t, err)
	const base = `content="default-src 'none'; script-src 'sha256-AAAA' 'sha256-BBBB' 'wasm-unsafe-eval'; style-src 'sha256-CCCC'`

	withBox, err := offline.SetConnect(page, "https://sayso.example.org")
	require.NoError(t, err)
	assert.Contains(t, string(withBox), base+`; connect-src https://sayso.example.org">`)
	assert.Equal(t, len(page)+len("; connect-src https://sayso.example.org"), len(withBox), "nothing else changes")

	// Another box replaces it; no box removes it, back to the page as built.
	other, err := offline.SetConnect(withBox, "http://127.0.0.1:8787")
	require.NoError(t, err)
	assert.Contains(t, string(other), base+`; connect-src http://127.0.0.1:8787">`)
	assert.NotContains(t, string(other), "sayso.example.org")
	none, err := offline.SetConnect(other, "")
	require.NoError(t, err)
	assert.Equal(t, string(page), string(none))
}

func TestSetConnectRefusesWhatIsNotAnOrigin(t *testing.T) {
	page, err := os.ReadFile("testdata/offline.html")
	require.NoError(t, err)
	for _, o := range []string{`https://x.org"><script>`, "https://x.org; script-src *", "https://x.org/path", "*", "javascript:1", "https://"} {
		_, err := offline.SetConnect(page, o)
		assert.Error(t, err, o)
	}
	_, err = offline.SetConnect([]byte("<html><body></body></html>"), "https://x.org")
	assert.EqualError(t, err, "allow the hand-in box: the page has no Content-Security-Policy <meta>")
}
